// An answer carrying an inline Canvas document (`:::writing{…} … :::`), rated by the person, in a
// conversation that names its model only once: how the terminal, the JSON and the HTML show it.
#include <gtest/gtest.h>

#include <sstream>

#include "afterglow/platform/platform.h"
#include "afterglow/viewer/conversation_view.h"
#include "afterglow/viewer/html_conversation.h"

namespace afterglow::viewer {
namespace {

const char* kAnswer =
    "好的，这是给王老师的邮件：\n\n"
    ":::writing{variant=\"email\" id=\"51234\" subject=\"下周的家长会\"}\n"
    "王老师您好：\n\n下周三的家长会我会准时参加。\n"
    ":::\n\n"
    "需要我再改短一点吗？";

store::StoredConversation rated_canvas_conversation() {
  store::StoredConversation stored;
  model::Conversation& c = stored.conversation;
  c.id = "canvas-1";
  c.title = "家长会邮件";
  c.create_time = 1767600000;
  c.model = "gpt-5";  // default_model_slug; the messages carry none
  c.current_node = "a1";
  model::Node root{"root", "", {"u1"}, std::nullopt};
  model::Message question;
  question.role = "user";
  question.recipient = "all";
  question.content_type = "text";
  question.create_time = 1767600001;
  question.text = "帮我给王老师写封邮件";
  model::Message answer;
  answer.role = "assistant";
  answer.recipient = "all";
  answer.content_type = "text";
  answer.create_time = 1767600005;
  answer.text = kAnswer;
  answer.feedback = "up";
  c.nodes = {root, {"u1", "root", {"a1"}, question}, {"a1", "u1", {}, answer}};
  return stored;
}

class CanvasDocument : public ::testing::Test {
 protected:
  void SetUp() override { platform::set_time_zone("Asia/Shanghai"); }
};

TEST_F(CanvasDocument, TerminalShowsTheDocumentNotTheMarkup) {
  std::ostringstream out;
  render_conversation_text(out, rated_canvas_conversation(), ShowOptions{});
  const std::string text = out.str();
  EXPECT_EQ(text.find(":::writing"), std::string::npos) << text;
  EXPECT_EQ(text.find("\n:::\n"), std::string::npos) << text;
  EXPECT_NE(text.find("┌─ 📄 Email · 下周的家长会"), std::string::npos) << text;
  EXPECT_NE(text.find("王老师您好：\n\n下周三的家长会我会准时参加。\n└─"), std::string::npos)
      << text;
  EXPECT_NE(text.find("需要我再改短一点吗？"), std::string::npos) << text;
  EXPECT_NE(text.find(" · gpt-5"), std::string::npos) << text;  // the conversation's model
  EXPECT_NE(text.find("👍"), std::string::npos) << text;
}

TEST_F(CanvasDocument, JsonKeepsTheTextAsExportedAndTheRating) {
  auto json = conversation_json(rated_canvas_conversation(), ShowOptions{});
  const auto& answer = json["messages"].back();
  EXPECT_EQ(answer["text"], kAnswer);
  EXPECT_EQ(answer["feedback"], "up");
  EXPECT_FALSE(json["messages"].front().contains("feedback"));
}

TEST_F(CanvasDocument, HtmlShowsADocumentSection) {
  ConversationHtmlOptions options;
  options.lang = Lang::zh;
  const std::string html =
      render_conversation_html(rated_canvas_conversation().conversation, options).html;
  EXPECT_EQ(html.find(":::writing"), std::string::npos) << html;
  EXPECT_NE(html.find("<section class=\"canvas-doc\" data-variant=\"email\">"), std::string::npos)
      << html;
  EXPECT_NE(html.find("邮件 · <span class=\"subject\">下周的家长会</span>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<p>下周三的家长会我会准时参加。</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("title=\"你给这条回答点了赞\">👍</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("<span class=\"model\">gpt-5</span>"), std::string::npos) << html;
}

TEST_F(CanvasDocument, AnUnclosedBlockRunsToTheEndAndPlainTextStaysAsItIs) {
  auto stored = rated_canvas_conversation();
  stored.conversation.nodes[2].message->text = ":::writing{variant=\"document\"}\n# 草稿\n未完";
  std::ostringstream out;
  render_conversation_text(out, stored, ShowOptions{});
  EXPECT_NE(out.str().find("┌─ 📄 Document\n# 草稿\n未完\n└─"), std::string::npos) << out.str();

  stored.conversation.nodes[2].message->text = "用 ::: 分隔也没关系";
  std::ostringstream plain;
  render_conversation_text(plain, stored, ShowOptions{});
  EXPECT_NE(plain.str().find("用 ::: 分隔也没关系"), std::string::npos);
  EXPECT_EQ(plain.str().find("📄"), std::string::npos);
}

}  // namespace
}  // namespace afterglow::viewer
