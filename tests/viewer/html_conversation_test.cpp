#include "afterglow/viewer/html_conversation.h"

#include <gtest/gtest.h>

#include <stdlib.h>
#include "afterglow/indexer/query.h"
#include "afterglow/platform/platform.h"

#include "html_test_conversations.h"

namespace afterglow::viewer {
namespace {

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1))
    ++n;
  return n;
}

class ConversationHtmlTest : public ::testing::Test {
 protected:
  void SetUp() override { platform::set_time_zone("Asia/Shanghai"); }
};

TEST_F(ConversationHtmlTest, AlternateVersionsAreAllThereWithTheDisplayedOneVisible) {
  ConversationHtmlOptions options;
  options.lang = Lang::zh;
  auto html = render_conversation_html(testing::branching_chinese(), options).html;
  EXPECT_NE(html.find("<h1>工作压力和睡不着</h1>"), std::string::npos);
  EXPECT_EQ(count(html, "<div class=\"versions\">"), 1u);
  size_t first = html.find("<div class=\"version\" data-version=\"1\" hidden>");
  size_t second = html.find("<div class=\"version\" data-version=\"2\">");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  // Version 1 holds the first answer; version 2 the displayed one and what followed it.
  EXPECT_LT(first, html.find("第一个回答"));
  EXPECT_LT(html.find("第一个回答"), second);
  EXPECT_LT(second, html.find("第二个回答"));
  EXPECT_LT(html.find("第二个回答"), html.find("谢谢你"));
  EXPECT_NE(html.find("<span class=\"pos\" title=\"第 1 / 2 版\">1 / 2</span>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"pos\" title=\"第 2 / 2 版\">2 / 2</span>"), std::string::npos);
  EXPECT_EQ(count(html, "<section class=\"msg"), 4u);  // every message exactly once
  EXPECT_NE(html.find("<time datetime=\"2024-04-09T15:47:00Z\">23:47</time>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"day\">2024年4月9日</p>"), std::string::npos);
}

TEST_F(ConversationHtmlTest, OnMessageSeesTheThreadAndTheAlternates) {
  int on_thread = 0, off_thread = 0;
  ConversationHtmlOptions options;
  options.on_message = [&](const model::Message&, bool thread) {
    ++(thread ? on_thread : off_thread);
  };
  auto result = render_conversation_html(testing::branching_chinese(), options);
  EXPECT_EQ(on_thread, 3);
  EXPECT_EQ(off_thread, 1);
  EXPECT_EQ(result.messages_on_thread, 3);
}

// A conversation rerouted half-way: GPT-4o answers, then GPT-5. A page about model:gpt-4o keeps
// GPT-5's answer and marks it; a page about no model marks nothing.
TEST_F(ConversationHtmlTest, AnotherModelsAnswerIsKeptAndMarkedOnAPageAboutOneModel) {
  model::Conversation c;
  c.id = "5e1ec7ed";
  c.title = "Rerouted";
  c.model = "gpt-4o";
  c.nodes.push_back(testing::root());
  c.nodes.push_back(testing::node("u1", "root", "user", "First question", 1770900000));
  c.nodes.push_back(testing::node("a1", "u1", "assistant", "Answer from 4o", 1770900010));
  c.nodes.push_back(testing::node("u2", "a1", "user", "Second question", 1771000000));
  c.nodes.push_back(testing::node("a2", "u2", "assistant", "Answer from 5", 1771000010));
  c.nodes.back().message->model = "gpt-5";
  c.current_node = "a2";

  ConversationHtmlOptions about;
  about.featured_models = indexer::featured_models(indexer::parse_query("model:gpt-4o").root);
  const auto html = render_conversation_html(c, about).html;
  EXPECT_EQ(count(html, "other-model\""), 1u) << "exactly one section marked";
  const size_t marked = html.find("<section class=\"msg assistant other-model\"");
  ASSERT_NE(marked, std::string::npos);
  EXPECT_LT(html.find("Answer from 4o"), marked);
  EXPECT_GT(html.find("Answer from 5"), marked) << "kept, not hidden";
  EXPECT_NE(html.find("another model answered here"), std::string::npos);

  about.featured_models = indexer::featured_models(indexer::parse_query("model:gpt-4*").root);
  EXPECT_EQ(count(render_conversation_html(c, about).html, "other-model\""), 1u) << "a prefix";
  about.featured_models = indexer::featured_models(indexer::parse_query("-model:gpt-5 x").root);
  EXPECT_EQ(render_conversation_html(c, about).html.find("other-model"), std::string::npos)
      << "a negated model is not what the page is about";
  EXPECT_EQ(render_conversation_html(c, {}).html.find("other-model"), std::string::npos);
}

TEST_F(ConversationHtmlTest, ImagesVoiceCodeMathAndCitations) {
  ConversationHtmlOptions options;
  options.attachment_url = [](const model::Attachment& a) -> std::optional<std::string> {
    return "assets/" + a.sha256.substr(0, 4) + "\"onerror=\"x";
  };
  auto result = render_conversation_html(testing::rich(), options);
  const auto& html = result.html;
  EXPECT_TRUE(result.has_math);
  EXPECT_NE(html.find("<h1>Dice &lt;b&gt;homework&lt;/b&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<img src=\"assets/aaaa&quot;onerror=&quot;x\" alt=\"IMG_4521.png\" "
                      "width=\"48\" height=\"32\">"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"missing\"><span class=\"icon\" aria-hidden=\"true\">🖼</span> "
                      "&lt;img src=x onerror=alert(1)&gt;.png — not in the export</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<audio controls preload=\"metadata\" src=\"assets/bbbb"), std::string::npos);
  EXPECT_NE(html.find("<figcaption>0:03</figcaption>"), std::string::npos);
  EXPECT_NE(html.find("<section class=\"msg user voice\" lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("<pre lang=\"python\"><code>print(1/6)"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"math inline\" data-tex=\"\\frac{1}{6}\">"), std::string::npos);
  EXPECT_NE(html.find("<li value=\"1\"><a href=\"https://example.com/p\" "
                      "rel=\"noreferrer\">Probability</a></li>"),
            std::string::npos);
  EXPECT_NE(html.find("<li value=\"2\">Evil <span class=\"url\">javascript:alert(1)</span></li>"),
            std::string::npos);
  EXPECT_EQ(html.find("Counting the outcomes"), std::string::npos);  // reasoning is hidden
}

TEST_F(ConversationHtmlTest, HiddenMessagesAreFoldedWhenIncluded) {
  ConversationHtmlOptions options;
  options.include_hidden = true;
  auto html = render_conversation_html(testing::rich(), options).html;
  EXPECT_NE(
      html.find("<details class=\"folded\"><summary>Reasoning</summary>\n<div class=\"markdown\">"
                "<p>Counting the outcomes…</p>"),
      std::string::npos);
}

TEST_F(ConversationHtmlTest, WithoutUrlsEveryAttachmentIsAPlaceholder) {
  auto html = render_conversation_html(testing::rich(), {}).html;
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<audio"), std::string::npos);
  EXPECT_EQ(count(html, "<p class=\"missing\">"), 3u);
}

TEST_F(ConversationHtmlTest, UntitledConversationsAreNamedByTheirFirstWords) {
  auto c = testing::branching_chinese();
  c.title.clear();
  EXPECT_EQ(conversation_title(c, Lang::en), "最近工作压力好大，睡不着。");
  c.nodes.resize(1);
  EXPECT_EQ(conversation_title(c, Lang::zh), "无题");
  EXPECT_EQ(conversation_title(c, Lang::en), "Untitled");
}

}  // namespace
}  // namespace afterglow::viewer
