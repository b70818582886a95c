// The real exports in ../shared/fixtures (absent on a fresh clone: then these tests skip).
#include <gtest/gtest.h>

#include <filesystem>

#include "afterglow/model/tree.h"
#include "importer_test_support.h"

namespace afterglow::importer {
namespace {

using model::MessageKind;
using testing::RecordingSink;

#define REQUIRE_FIXTURE(path)                            \
  if (!std::filesystem::exists(path)) {                  \
    GTEST_SKIP() << "shared fixture absent: " << (path); \
  }

TEST(Fixtures, TreeHasThirteenNodesAndBranches) {
  auto path = testing::shared_fixture("librechat-chatgpt-tree.json");
  REQUIRE_FIXTURE(path);
  RecordingSink sink;
  Report report = testing::import_into(path, sink);
  EXPECT_EQ(report.conversations, 1);
  ASSERT_EQ(sink.conversations.size(), 1u);
  const auto& c = sink.conversations[0];
  EXPECT_EQ(c.id, "d5dc5307-6807-41a0-8b04-4acee626eeb7");
  EXPECT_EQ(c.title, "Assist user with summary");
  EXPECT_EQ(c.nodes.size(), 13u);
  model::Tree tree(c);
  EXPECT_EQ(tree.thread().size(), 8u);
  EXPECT_TRUE(tree.has_branches());
}

TEST(Fixtures, ModernExportKeepsTheCorruptEntry) {
  auto path = testing::shared_fixture("librechat-chatgpt-modern-export.json");
  REQUIRE_FIXTURE(path);
  RecordingSink sink;
  testing::import_into(path, sink);
  ASSERT_EQ(sink.conversations.size(), 3u);
  EXPECT_TRUE(sink.broken.empty());
  const auto* corrupt = sink.find("6b0f0d9c-0000-4000-8000-000000000002");
  ASSERT_NE(corrupt, nullptr);
  EXPECT_EQ(corrupt->title, "Corrupted entry");
  EXPECT_TRUE(corrupt->nodes.empty());

  const auto* first = sink.find("6b0f0d9c-0000-4000-8000-000000000001");
  ASSERT_NE(first, nullptr);
  const auto* context = testing::find_node(*first, "ctx-node");
  ASSERT_NE(context, nullptr);
  ASSERT_TRUE(context->message.has_value());
  EXPECT_EQ(context->message->kind, MessageKind::custom_instructions);
  EXPECT_TRUE(context->message->hidden);
  EXPECT_EQ(context->message->text, "The user is an SRE.\n\nAnswer concisely.");
  const auto* answer = testing::find_node(*first, "assistant-1");
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->message->channel, "final");
  EXPECT_EQ(answer->message->text, "Run `helm rollback staging`.");
  EXPECT_EQ(answer->message->kind, MessageKind::normal);
  EXPECT_FALSE(answer->message->hidden);
}

TEST(Fixtures, BrowsingExport) {
  auto path = testing::shared_fixture("librechat-chatgpt-export.json");
  REQUIRE_FIXTURE(path);
  RecordingSink sink;
  testing::import_into(path, sink);
  ASSERT_EQ(sink.conversations.size(), 2u);
  EXPECT_EQ(sink.conversations[0].nodes.size(), 17u);
  EXPECT_EQ(sink.conversations[1].nodes.size(), 6u);
  int tool_calls = 0, tool_results = 0, cited = 0;
  for (const auto& node : sink.conversations[0].nodes) {
    if (!node.message) continue;
    const auto& m = *node.message;
    EXPECT_EQ(m.text.find("\xE2\x80\xA0source"), std::string::npos) << node.id;  // "†source"
    if (m.kind == MessageKind::tool_call) ++tool_calls;
    if (m.kind == MessageKind::tool_result) ++tool_results;
    if (m.role == "assistant" && !m.citations.empty()) ++cited;
    if (m.role == "system") {
      EXPECT_TRUE(m.hidden);
    }
  }
  EXPECT_GT(tool_calls, 0);
  EXPECT_GT(tool_results, 0);
  EXPECT_GT(cited, 0);
}

}  // namespace
}  // namespace afterglow::importer
