// The Grok (xAI) export: detection by structure, the tree from parent_response_id, thinking,
// search results and images, Chinese text, broken input; the real sample when it is present.
#include <gtest/gtest.h>

#include <cmath>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/tree.h"
#include "grok_detect.h"
#include "importer_test_support.h"
#include "iso_time.h"

namespace afterglow::importer {
namespace {

using testing::RecordingSink;
using testing::TempDir;

std::string response(const std::string& id, const std::string& parent, const std::string& sender,
                     const std::string& message, const std::string& time,
                     const std::string& extra = "") {
  return R"({"response":{"response_id":")" + id + R"(","conversation_id":"g1","message":)" + "\"" +
         message + "\",\"sender\":\"" + sender + "\",\"create_time\":\"" + time +
         "\",\"parent_response_id\":" + (parent.empty() ? "null" : "\"" + parent + "\"") + extra +
         R"(,"metadata":{"requestModelDetails":{"modelId":"grok-4"}}},"share_link":null})";
}

// A conversation in Chinese where the second answer was regenerated; the leaf is the second one.
std::string branched_export() {
  return R"({"conversations":[{"conversation":{"conversation_id":"g1","title":"北京的秋天",)"
         R"("create_time":"2026-03-01T08:00:00.000000Z","modify_time":"2026-03-01T08:05:00Z",)"
         R"("leaf_response_id":"a2"},"responses":[)" +
         response("u1", "", "human", "北京秋天适合去哪里？", "2026-03-01T08:00:01Z") + "," +
         response("a1", "u1", "ASSISTANT", "香山的红叶最有名。", "2026-03-01T08:00:05Z",
                  R"(,"thinking_trace":"先想想北京的景点。","web_search_results":[{"url":)"
                  R"("https://example.com/xiangshan","title":"香山公园","preview":"红叶"}])") +
         "," +
         response("a2", "u1", "Assistant", "可以去颐和园，也可以去香山。", "2026-03-01T08:01:00Z",
                  R"(,"generated_image_urls":["users/x/generated/img-1/image.jpg"])") +
         "]}]}";
}

TEST(IsoTime, ReadsTheFormsServicesWrite) {
  EXPECT_DOUBLE_EQ(*parse_iso_time("2025-06-21T19:28:21.177720Z"), 1750534101.17772);
  EXPECT_DOUBLE_EQ(*parse_iso_time("2025-06-22T03:28:21+08:00"), 1750534101.0);
  EXPECT_DOUBLE_EQ(*parse_iso_time("1970-01-02"), 86400.0);
  EXPECT_FALSE(parse_iso_time("2025-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso_time("yesterday"));
  EXPECT_FALSE(parse_iso_time("2025-06-21T19:28:21Zjunk"));
}

TEST(GrokDetect, LooksAtTheStructureNotTheName) {
  EXPECT_TRUE(looks_like_grok(branched_export().substr(0, 200)));
  EXPECT_TRUE(looks_like_grok(" \n{ \"conversations\" : [ { \"responses\": []"));
  EXPECT_FALSE(looks_like_grok(R"({"conversations":[{"id":"c1","mapping":{}}]})"));
  EXPECT_FALSE(looks_like_grok(R"([{"conversation":{}}])"));
  EXPECT_FALSE(looks_like_grok(""));
}

TEST(Grok, BranchesThinkingCitationsAndChinese) {
  TempDir dir;
  testing::write_file(dir / "export.json", branched_export());
  RecordingSink sink;
  Report report = testing::import_into(dir / "export.json", sink);
  EXPECT_EQ(sink.layout, "grok");
  ASSERT_EQ(report.conversations, 1);
  const model::Conversation& c = sink.conversations.at(0);
  EXPECT_EQ(c.source, "grok");
  EXPECT_EQ(c.id, "g1");
  EXPECT_EQ(c.title, "北京的秋天");
  EXPECT_DOUBLE_EQ(*c.create_time, *parse_iso_time("2026-03-01T08:00:00Z"));
  EXPECT_EQ(c.model, "grok-4");
  EXPECT_EQ(c.current_node, "a2");

  model::Tree tree(c);
  ASSERT_EQ(tree.thread().size(), 3u);  // root, the question, the regenerated answer
  const model::Node& answer = c.nodes[tree.thread().back()];
  EXPECT_EQ(answer.id, "a2");
  EXPECT_EQ(answer.message->role, "assistant");
  EXPECT_EQ(answer.message->text, "可以去颐和园，也可以去香山。");
  ASSERT_EQ(answer.message->attachments.size(), 1u);
  EXPECT_EQ(answer.message->attachments[0].kind, model::AttachmentKind::image);
  EXPECT_FALSE(answer.message->attachments[0].available());
  EXPECT_TRUE(tree.has_branches());

  // The first answer is the other version, its thinking a hidden reasoning node before it.
  const model::Node* first = testing::find_node(c, "a1");
  ASSERT_NE(first, nullptr);
  const model::Node* thinking = testing::find_node(c, first->parent);
  ASSERT_NE(thinking, nullptr);
  EXPECT_EQ(thinking->parent, "u1");
  EXPECT_EQ(thinking->message->kind, model::MessageKind::reasoning);
  EXPECT_TRUE(thinking->message->hidden);
  EXPECT_EQ(thinking->message->text, "先想想北京的景点。");
  ASSERT_EQ(first->message->citations.size(), 1u);
  EXPECT_EQ(first->message->citations[0].url, "https://example.com/xiangshan");
  EXPECT_EQ(first->message->citations[0].title, "香山公园");
  EXPECT_EQ(tree.versions(*tree.index_of("a2")).size(), 2u);
  EXPECT_EQ(testing::find_node(c, "u1")->message->role, "user");
  EXPECT_EQ(testing::find_node(c, "u1")->message->model, "");
  EXPECT_EQ(sink.files.at("export.json"), branched_export());  // kept byte for byte
}

TEST(Grok, FoundInsideAZipWhateverItsName) {
  TempDir dir;
  testing::write_zip(dir / "grok.zip",
                     {{"ttl/30d/export_data/abc/prod-grok-backend.json", branched_export()},
                      {"ttl/30d/export_data/abc/notes.json", R"({"other":true})"}});
  RecordingSink sink;
  Report report = testing::import_into(dir / "grok.zip", sink);
  EXPECT_EQ(report.conversations, 1);
  EXPECT_EQ(sink.conversations.at(0).source, "grok");
  EXPECT_EQ(sink.files.size(), 2u);
}

TEST(Grok, SameInputTwiceGivesTheSameConversations) {
  TempDir dir;
  testing::write_file(dir / "export.json", branched_export());
  RecordingSink first, second;
  testing::import_into(dir / "export.json", first);
  testing::import_into(dir / "export.json", second);
  ASSERT_EQ(first.conversations.size(), second.conversations.size());
  const auto& a = first.conversations[0];
  const auto& b = second.conversations[0];
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_EQ(a.nodes[i].id, b.nodes[i].id);
    EXPECT_EQ(a.nodes[i].parent, b.nodes[i].parent);
    if (a.nodes[i].message) {
      EXPECT_EQ(a.nodes[i].message->raw_json, b.nodes[i].message->raw_json);
    }
  }
}

TEST(Grok, ABrokenConversationIsKeptRawTheOthersImported) {
  TempDir dir;
  const std::string json =
      R"({"conversations":[{"conversation":{"title":"无编号"},"responses":[]},)"
      R"({"conversation":{"conversation_id":"g2","title":"好"},"responses":[)" +
      response("u1", "", "HUMAN", "你好", "2026-01-01T00:00:00Z") + "]}]}";
  testing::write_file(dir / "export.json", json);
  RecordingSink sink;
  Report report = testing::import_into(dir / "export.json", sink);
  EXPECT_EQ(report.conversations, 1);
  ASSERT_EQ(report.broken, 1);
  EXPECT_EQ(sink.broken[0].title, "无编号");
  EXPECT_EQ(sink.broken[0].reason, "no conversation id");
}

TEST(Grok, ATruncatedFileIsRefusedWithItsName) {
  TempDir dir;
  const std::string json = branched_export();
  testing::write_file(dir / "export.json", json.substr(0, json.size() - 20));
  RecordingSink sink;
  try {
    testing::import_into(dir / "export.json", sink);
    FAIL() << "a truncated export was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("export.json"), std::string::npos) << e.what();
  }
}

TEST(Grok, RealSample) {
  const auto path = std::filesystem::path(AFTERGLOW_SHARED_FIXTURES) / "grok" /
                    "openwebui-importer-grok-example.json";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared fixture absent: " << path;
  RecordingSink sink;
  Report report = testing::import_into(path, sink);
  ASSERT_EQ(report.conversations, 1);
  EXPECT_EQ(report.broken, 0);
  const model::Conversation& c = sink.conversations[0];
  EXPECT_EQ(c.source, "grok");
  EXPECT_EQ(c.title, "Photosynthesis Simplified: Process and Importance");
  EXPECT_DOUBLE_EQ(*c.create_time, 1750534101.17772);
  model::Tree tree(c);
  ASSERT_EQ(tree.thread().size(), 11u);  // the root and ten turns, no branches
  EXPECT_FALSE(tree.has_branches());
  const model::Message& last = *c.nodes[tree.thread().back()].message;
  EXPECT_EQ(last.role, "assistant");
  EXPECT_EQ(last.model, "grok-3");  // asked for by the person's turn before it
  EXPECT_EQ(c.nodes[tree.thread()[1]].message->text,
            "Can you explain how photosynthesis works in simple terms?");
}

}  // namespace
}  // namespace afterglow::importer
