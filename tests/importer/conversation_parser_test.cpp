#include "conversation_parser.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace afterglow::importer {
namespace {

TEST(ConversationParser, FieldsNodesAndMeta) {
  const std::string json =
      R"({"title":"标题","create_time":1704629915.775304,"update_time":"1704629999.5",)"
      R"("mapping":{"r":{"id":"r","message":null,"parent":null,"children":["a"]},)"
      R"("a":{"id":"a","parent":"r","message":{"id":"a","author":{"role":"user"},"content":{"content_type":"text","parts":["hi"]}}},)"
      R"("o":{"id":"o","parent":"missing","children":null,"message":null}},)"
      R"("current_node":"a","is_archived":true,"is_starred":null,"pinned_time":"2025-01-01",)"
      R"("gizmo_id":"g-123","safe_urls":["https://x"],"default_model_slug":"gpt-4o",)"
      R"("conversation_id":"c-1","id":"c-1"})";
  ConversationParser parser;
  model::Conversation c = parser.parse(json);
  EXPECT_EQ(c.id, "c-1");
  EXPECT_EQ(c.title, "标题");
  EXPECT_DOUBLE_EQ(*c.create_time, 1704629915.775304);
  EXPECT_DOUBLE_EQ(*c.update_time, 1704629999.5);
  EXPECT_EQ(c.current_node, "a");
  EXPECT_EQ(c.model, "gpt-4o");
  EXPECT_TRUE(c.is_archived);
  EXPECT_FALSE(c.is_starred);
  EXPECT_EQ(c.gizmo_id, "g-123");
  ASSERT_EQ(c.nodes.size(), 3u);
  EXPECT_EQ(c.nodes[0].id, "r");
  EXPECT_FALSE(c.nodes[0].message.has_value());
  EXPECT_EQ(c.nodes[0].children, std::vector<std::string>{"a"});
  EXPECT_EQ(c.nodes[1].parent, "r");
  EXPECT_TRUE(c.nodes[1].children.empty());  // absent children are fine
  ASSERT_TRUE(c.nodes[1].message.has_value());
  EXPECT_EQ(c.nodes[1].message->text, "hi");
  EXPECT_EQ(
      c.nodes[1].message->raw_json,
      R"({"id":"a","author":{"role":"user"},"content":{"content_type":"text","parts":["hi"]}})");
  EXPECT_EQ(c.nodes[2].parent, "missing");
  EXPECT_EQ(c.raw_json, json);

  // meta_json is valid JSON holding every field but the mapping, values verbatim.
  simdjson::dom::parser dom;
  simdjson::dom::element meta = dom.parse(c.meta_json);
  EXPECT_TRUE(meta["mapping"].error() == simdjson::NO_SUCH_FIELD);
  EXPECT_EQ(std::string_view(meta["pinned_time"]), "2025-01-01");
  EXPECT_EQ(std::string_view(meta["title"]), "标题");
  EXPECT_NE(c.meta_json.find(R"("update_time":"1704629999.5")"), std::string::npos) << c.meta_json;
  EXPECT_NE(c.meta_json.find(R"("create_time":1704629915.775304)"), std::string::npos);
  EXPECT_NE(c.meta_json.find(R"("safe_urls":["https://x"])"), std::string::npos);
}

TEST(ConversationParser, NullTitleAndConversationIdFallback) {
  ConversationParser parser;
  model::Conversation c = parser.parse(R"({"title":null,"conversation_id":"only-this"})");
  EXPECT_EQ(c.id, "only-this");
  EXPECT_EQ(c.title, "");
  EXPECT_TRUE(c.nodes.empty());
  EXPECT_FALSE(c.create_time.has_value());
}

TEST(ConversationParser, NotAnObjectOrNoIdIsAnError) {
  ConversationParser parser;
  EXPECT_THROW(parser.parse("42"), ConversationParseError);
  EXPECT_THROW(parser.parse(R"(["a"])"), ConversationParseError);
  try {
    parser.parse(R"({"title":"no id here","mapping":{}})");
    FAIL();
  } catch (const ConversationParseError& e) {
    EXPECT_EQ(e.title, "no id here");
  }
}

TEST(ConversationParser, InvalidJsonInsideIsAnErrorWithWhatWasRead) {
  ConversationParser parser;
  try {
    parser.parse(R"({"id":"x1","title":"T","mapping":{"a":{"id":"a",]}})");
    FAIL();
  } catch (const ConversationParseError& e) {
    EXPECT_EQ(e.id, "x1");
    EXPECT_EQ(e.title, "T");
  }
}

TEST(ConversationParser, InvalidUtf8IsRepairedButRawKept) {
  ConversationParser parser;
  const std::string json = "{\"id\":\"u1\",\"title\":\"bad \xC3 byte\"}";
  model::Conversation c = parser.parse(json);
  EXPECT_EQ(c.title, "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(c.raw_json, json);
}

}  // namespace
}  // namespace afterglow::importer
