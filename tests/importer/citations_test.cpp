#include "citations.h"

#include <gtest/gtest.h>

#include "importer_test_support.h"
#include "message_parser.h"

namespace afterglow::importer {
namespace {

model::Message parse(const std::string& text_json, const std::string& metadata) {
  MessageParser parser;
  return parser.parse(
      R"({"author":{"role":"assistant"},"content":{"content_type":"text","parts":[)" + text_json +
      R"(]},"metadata":)" + metadata + R"(,"recipient":"all"})");
}

bool has_private_use(const std::string& text) { return text.find("\xEE\x88") != std::string::npos; }

TEST(Citations, NewStyleMarkersBecomeLinksWithChineseAround) {
  model::Message m = parse(
      R"("据报道，这是真的\ue200cite\ue202turn0search1\ue201。另外\ue200cite\ue202turn0search0\ue202turn0news14\ue201，结束\ue203支持\ue204。")",
      R"({"content_references":[
          {"matched_text":"\ue200cite\ue202turn0search1\ue201","type":"grouped_webpages","items":[{"title":"新闻","url":"https://news.example.cn/a","snippet":"s1"}]},
          {"matched_text":"\ue200cite\ue202turn0search0\ue202turn0news14\ue201","type":"grouped_webpages","items":[{"title":"A","url":"https://a.example"},{"title":"新闻","url":"https://news.example.cn/a"}]},
          {"matched_text":"\ue203","type":"hidden"}]})");
  EXPECT_EQ(m.text,
            "据报道，这是真的[[1]](https://news.example.cn/a)。另外[[2]](https://a.example)"
            "[[1]](https://news.example.cn/a)，结束支持。");
  ASSERT_EQ(m.citations.size(), 2u);
  EXPECT_EQ(m.citations[0].number, 1);
  EXPECT_EQ(m.citations[0].title, "新闻");
  EXPECT_EQ(m.citations[0].snippet, "s1");
  EXPECT_EQ(m.citations[1].url, "https://a.example");
}

TEST(Citations, AltMarkdownUsedWhenNoUrl) {
  model::Message m = parse(
      R"("See \ue200navlist\ue202Things\ue202turn0search3\ue201 now")",
      R"j({"content_references":[{"matched_text":"\ue200navlist\ue202Things\ue202turn0search3\ue201","type":"nav_list","alt":"([Docs](https://docs.example))"}]})j");
  EXPECT_EQ(m.text, "See ([Docs](https://docs.example)) now");
}

TEST(Citations, BlankSourcesFootnoteLeavesSpacesAlone) {
  // Real exports end content_references with a sources_footnote whose matched_text is " ".
  model::Message m =
      parse(R"("week \ue200cite\ue202turn0search1\ue201.\n- Keep one afternoon free.")",
            R"({"content_references":[
          {"matched_text":"\ue200cite\ue202turn0search1\ue201","type":"grouped_webpages","items":[{"title":"A","url":"https://a.example"}]},
          {"matched_text":" ","type":"sources_footnote","start_idx":40,"end_idx":40}]})");
  EXPECT_EQ(m.text, "week [[1]](https://a.example).\n- Keep one afternoon free.");
}

TEST(Citations, UnresolvedNewStyleMarkersAreStripped) {
  model::Message m = parse(R"("中文\ue200cite\ue202turn0search1\ue201文本\ue203段\ue204。")", "{}");
  EXPECT_EQ(m.text, "中文文本段。");
  EXPECT_TRUE(m.citations.empty());
}

TEST(Citations, OldStyleThroughCitationOffsets) {
  // start_ix counts code points: "中文" is 2 of them.
  model::Message m = parse(
      R"("中文 fact【3:0†source】 and【3:1†source】.")",
      R"({"citations":[{"start_ix":7,"end_ix":19,"metadata":{"title":"T0","url":"https://t0.example","text":""}},
                       {"start_ix":23,"end_ix":35,"metadata":{"title":"T1","url":"https://t1.example","text":""}}]})");
  EXPECT_EQ(m.text, "中文 fact[[1]](https://t0.example) and[[2]](https://t1.example).");
  ASSERT_EQ(m.citations.size(), 2u);
  EXPECT_EQ(m.citations[1].title, "T1");
}

TEST(Citations, OldStyleThroughCiteMetadataList) {
  model::Message m = parse(
      R"("A【1†source】 B【9†source】")",
      R"({"_cite_metadata":{"metadata_list":[{"title":"zero","url":"https://0.example"},{"title":"one","url":"https://1.example","text":"snip"}]}})");
  EXPECT_EQ(m.text, "A[[1]](https://1.example) B");
  ASSERT_EQ(m.citations.size(), 1u);
  EXPECT_EQ(m.citations[0].snippet, "snip");
}

TEST(Citations, ChineseBracketsThatAreNotMarkersStay) {
  model::Message m = parse(R"("【重要】请注意【3†source】")", "{}");
  EXPECT_EQ(m.text, "【重要】请注意");
}

TEST(Citations, RealCitationsFixture) {
  auto path = testing::shared_fixture("librechat-chatgpt-citations.json");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared fixtures absent: " << path;
  testing::RecordingSink sink;
  testing::import_into(path, sink);
  ASSERT_EQ(sink.conversations.size(), 1u);
  int cited_messages = 0;
  for (const auto& node : sink.conversations[0].nodes) {
    if (!node.message) continue;
    const auto& text = node.message->text;
    EXPECT_FALSE(has_private_use(text)) << node.id;
    EXPECT_EQ(text.find("†source"), std::string::npos) << node.id << ": " << text;
    if (!node.message->citations.empty() && node.message->role == "assistant") {
      ++cited_messages;
      EXPECT_NE(text.find("[[1]](https://www.crunchbase.com/organization/signal-sciences)"),
                std::string::npos)
          << text;
      EXPECT_EQ(node.message->citations[0].title,
                "Signal Sciences - Crunchbase Company Profile & Funding");
      EXPECT_EQ(node.message->citations.size(), 4u);
    }
  }
  EXPECT_EQ(cited_messages, 1);
}

}  // namespace
}  // namespace afterglow::importer
