// ChatGPT's memory as data: bio writes, model_set_context snapshots and custom instructions (both
// forms) become memory records; gizmo ids become the GPT or project the conversation belongs to.
#include <gtest/gtest.h>

#include "afterglow/importer/importer.h"
#include "importer_test_support.h"

namespace afterglow::importer {
namespace {

using testing::TempDir;

struct CollectingSink : testing::RecordingSink {
  void memory_record(model::MemoryRecord&& record) override {
    memories.push_back(std::move(record));
  }
  void project(model::Project&& project) override { projects.push_back(std::move(project)); }
  std::vector<model::MemoryRecord> memories;
  std::vector<model::Project> projects;
};

std::string node(const std::string& id, const std::string& parent, const std::string& child,
                 const std::string& message) {
  return "\"" + id + R"(":{"id":")" + id + R"(","parent":")" + parent + R"(","children":[)" +
         (child.empty() ? "" : "\"" + child + "\"") + R"(],"message":)" + message + "}";
}

std::string conversation(const std::string& id, const std::string& gizmo) {
  const std::string old_instructions =
      R"({"id":"sys","author":{"role":"system"},"create_time":null,"content":{"content_type":"text",)"
      R"("parts":[""]},"metadata":{"is_user_system_message":true,"user_context_message_data":)"
      R"({"about_user_message":"我是一名中学老师。","about_model_message":"请用简体中文回答。"}},)"
      R"("recipient":"all"})";
  const std::string snapshot =
      R"({"id":"ctx","author":{"role":"user"},"create_time":null,"content":{"content_type":)"
      R"("model_editable_context","model_set_context":"1. [2026-01-05] 喜欢爬山。"},)"
      R"("metadata":{},"recipient":"all"})";
  const std::string bio =
      R"({"id":"bio1","author":{"role":"assistant"},"create_time":1767600000.5,"content":)"
      R"({"content_type":"text","parts":["用户养了一只叫豆豆的猫。"]},"metadata":{},)"
      R"("recipient":"bio"})";
  const std::string ack =
      R"({"id":"ack","author":{"role":"tool","name":"bio"},"create_time":1767600001,"content":)"
      R"({"content_type":"text","parts":["Model set context updated."]},"metadata":{},)"
      R"("recipient":"all"})";
  const std::string user =
      R"({"id":"u1","author":{"role":"user"},"create_time":1767599990,"content":)"
      R"({"content_type":"text","parts":["记住我的猫叫豆豆"]},"metadata":{},"recipient":"all"})";
  return R"({"id":")" + id + R"(","title":"记忆","create_time":1767599000,"current_node":"ack",)" +
         (gizmo.empty() ? std::string() : R"("gizmo_id":")" + gizmo + "\",") +
         R"("mapping":{"root":{"id":"root","parent":null,"children":["sys"],"message":null},)" +
         node("sys", "root", "ctx", old_instructions) + "," + node("ctx", "sys", "u1", snapshot) +
         "," + node("u1", "ctx", "bio1", user) + "," + node("bio1", "u1", "ack", bio) + "," +
         node("ack", "bio1", "", ack) + "}}";
}

TEST(ChatgptMemory, WritesSnapshotsAndInstructionsBecomeRecords) {
  TempDir dir;
  testing::write_file(dir / "conversations.json", "[" + conversation("c1", "g-p-abc") + "," +
                                                      conversation("c2", "g-p-abc") + "," +
                                                      conversation("c3", "g-xyz") + "]");
  CollectingSink sink;
  Report report = testing::import_into(dir / "conversations.json", sink);
  ASSERT_EQ(report.conversations, 3);
  ASSERT_EQ(sink.memories.size(), 9u);  // three per conversation; the bio tool's reply is none

  const model::MemoryRecord& instructions = sink.memories[0];
  EXPECT_EQ(instructions.kind, "custom_instructions");
  EXPECT_EQ(instructions.text, "我是一名中学老师。\n\n请用简体中文回答。");
  EXPECT_EQ(instructions.conversation_id, "c1");
  EXPECT_EQ(instructions.node_id, "sys");
  EXPECT_DOUBLE_EQ(*instructions.time, 1767599000);  // no time of its own: the conversation's

  const model::MemoryRecord& snapshot = sink.memories[1];
  EXPECT_EQ(snapshot.kind, "memory_snapshot");
  EXPECT_EQ(snapshot.text, "1. [2026-01-05] 喜欢爬山。");
  EXPECT_EQ(snapshot.node_id, "ctx");

  const model::MemoryRecord& write = sink.memories[2];
  EXPECT_EQ(write.kind, "memory_write");
  EXPECT_EQ(write.source, "chatgpt");
  EXPECT_EQ(write.text, "用户养了一只叫豆豆的猫。");
  EXPECT_EQ(write.node_id, "bio1");
  EXPECT_DOUBLE_EQ(*write.time, 1767600000.5);
  EXPECT_NE(write.raw_json.find("\"recipient\":\"bio\""), std::string::npos);
  EXPECT_EQ(sink.memories[5].conversation_id, "c2");

  // One project however many conversations name it, and the custom GPT beside it.
  ASSERT_EQ(sink.projects.size(), 2u);
  EXPECT_EQ(sink.projects[0].id, "g-p-abc");
  EXPECT_EQ(sink.projects[0].kind, "chatgpt_project");
  EXPECT_EQ(sink.projects[1].id, "g-xyz");
  EXPECT_EQ(sink.projects[1].kind, "gpt");
  EXPECT_EQ(sink.projects[1].name, "");  // the export does not name it: not guessed
}

TEST(ChatgptMemory, TheModernFixturesInstructions) {
  const auto path = testing::shared_fixture("librechat-chatgpt-modern-export.json");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared fixture absent: " << path;
  CollectingSink sink;
  testing::import_into(path, sink);
  ASSERT_FALSE(sink.memories.empty());
  EXPECT_EQ(sink.memories[0].kind, "custom_instructions");
  EXPECT_NE(sink.memories[0].text.find("The user is an SRE."), std::string::npos);
  EXPECT_NE(sink.memories[0].text.find("Answer concisely."), std::string::npos);
  EXPECT_EQ(sink.memories[0].node_id, "ctx-node");
}

}  // namespace
}  // namespace afterglow::importer
