// The Claude.ai export: detection by structure, the deliveries (zip, bare conversations.json, a
// folder), content blocks, attachments and file references, the tree from parent_message_uuid,
// memories and projects, broken and unrecognised input; the real samples when they are present.
#include <gtest/gtest.h>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/tree.h"
#include "importer_test_support.h"
#include "iso_time.h"
#include "provider_detect.h"

namespace afterglow::importer {
namespace {

namespace fs = std::filesystem;
using testing::RecordingSink;
using testing::TempDir;

fs::path fixture(const std::string& name) { return fs::path(AFTERGLOW_FIXTURES) / name; }

// Also keeps the account-level records the Claude reader hands over.
struct AccountSink : RecordingSink {
  void memory_record(model::MemoryRecord&& record) override {
    memories.push_back(std::move(record));
  }
  void project(model::Project&& project) override { projects.push_back(std::move(project)); }
  std::vector<model::MemoryRecord> memories;
  std::vector<model::Project> projects;
};

const model::Message& message_of(const model::Conversation& c, const std::string& id) {
  const model::Node* node = testing::find_node(c, id);
  EXPECT_NE(node, nullptr) << id;
  static const model::Message none;
  return node && node->message ? *node->message : none;
}

TEST(ProviderDetect, DecidesFromTheStructure) {
  EXPECT_EQ(look_at_json(R"([{"uuid":"c","name":"","chat_messages":[]}])").provider,
            Provider::claude);
  EXPECT_EQ(look_at_json(R"( [ {"uuid":"c","account":{"uuid":"a1"},"chat_messages":[)").account,
            "a1");
  EXPECT_EQ(look_at_json(R"([{"title":"t","mapping":{}}])").provider, Provider::chatgpt);
  EXPECT_EQ(look_at_json(R"({"conversations":[{"responses":[]}]})").provider, Provider::grok);
  EXPECT_EQ(look_at_json("[]").provider, Provider::chatgpt);  // nothing to tell: as before
  // Claude's other files hold objects with a uuid, but no messages.
  auto users = look_at_json(R"([{"uuid":"u","full_name":"Lin","email_address":"l@x"}])");
  EXPECT_FALSE(users.provider);
  EXPECT_TRUE(users.is_array);
  EXPECT_EQ(users.keys, (std::vector<std::string>{"uuid", "full_name", "email_address"}));
  EXPECT_FALSE(look_at_json(R"({"settings":{"a":1}})").provider);
}

TEST(Claude, TheZipWithChineseBranchesThinkingToolsAndFiles) {
  AccountSink sink;
  const model::Survey survey = importer::survey(fixture("claude.zip"));
  EXPECT_EQ(survey.account.source, "claude");
  EXPECT_EQ(survey.account.id, "c1a0de00-0000-4000-8000-00000000acc7");
  EXPECT_EQ(survey.account.email, "lin.wen@example.com");
  EXPECT_EQ(survey.conversation_files, (std::vector<std::string>{"conversations.json"}));
  Report report = importer::import(survey, sink);
  EXPECT_EQ(sink.layout, "classic");
  ASSERT_EQ(report.conversations, 4);
  EXPECT_EQ(report.broken, 0);
  EXPECT_EQ(sink.files.size(), 4u);  // every file kept

  // Chinese, and a regenerated answer: two versions, the thread through the second.
  const model::Conversation& garden = *sink.find("c1a0de00-0000-4000-8000-000000000001");
  EXPECT_EQ(garden.source, "claude");
  EXPECT_EQ(garden.title, "阳台种番茄");
  EXPECT_EQ(garden.model, "");  // Claude exports name no model; none is guessed
  EXPECT_DOUBLE_EQ(*garden.create_time, *parse_iso_time("2025-05-01T09:00:00Z"));
  model::Tree tree(garden);
  EXPECT_TRUE(tree.has_branches());
  ASSERT_EQ(tree.thread().size(), 5u);  // root, question, second answer, question, answer
  EXPECT_EQ(garden.nodes[tree.thread()[2]].message->text, "叶子发黄多半是缺氮，也可能是浇水太勤。");
  EXPECT_EQ(garden.nodes[tree.thread()[1]].message->role, "user");
  EXPECT_EQ(tree.versions(*tree.index_of("c1a0de01-0000-4000-8000-000000000003")).size(), 2u);
  EXPECT_EQ(garden.current_node, "c1a0de01-0000-4000-8000-000000000005");

  // Thinking (its signature kept), the search and its result, the cited answer.
  const model::Conversation& prime = *sink.find("c1a0de00-0000-4000-8000-000000000002");
  model::Tree prime_tree(prime);
  std::vector<const model::Message*> thread;
  for (size_t i : prime_tree.thread()) {
    if (prime.nodes[i].message) thread.push_back(&*prime.nodes[i].message);
  }
  ASSERT_EQ(thread.size(), 5u);
  EXPECT_EQ(thread[0]->text, "Is 2027 a prime number?");
  EXPECT_EQ(thread[1]->kind, model::MessageKind::reasoning);
  EXPECT_TRUE(thread[1]->hidden);
  EXPECT_EQ(thread[1]->text, "Check divisibility up to 45.");
  EXPECT_NE(thread[1]->raw_json.find("sig-EuYBCkQYAiJA"), std::string::npos);
  EXPECT_EQ(thread[2]->kind, model::MessageKind::tool_call);
  EXPECT_EQ(thread[2]->recipient, "web_search");
  EXPECT_EQ(thread[2]->text, R"({"query":"is 2027 prime"})");
  EXPECT_EQ(thread[3]->role, "tool");
  EXPECT_EQ(thread[3]->author_name, "web_search");
  EXPECT_EQ(thread[3]->kind, model::MessageKind::tool_result);
  EXPECT_NE(thread[3]->text.find("https://example.com/2027"), std::string::npos);
  EXPECT_EQ(thread[4]->text, "Yes, 2027 is a prime number.");
  EXPECT_FALSE(thread[4]->hidden);
  ASSERT_EQ(thread[4]->citations.size(), 1u);
  EXPECT_EQ(thread[4]->citations[0].url, "https://example.com/2027");
  EXPECT_NE(thread[4]->raw_json.find("token_budget"), std::string::npos);  // the whole message
  EXPECT_EQ(prime.current_node, "c1a0de02-0000-4000-8000-000000000002");

  // A file's text shown before the words; a file without bytes is an unavailable attachment;
  // artifacts are the tool calls they are, the versions people saw shown.
  const model::Conversation& haiku = *sink.find("c1a0de00-0000-4000-8000-000000000003");
  const model::Message& notes = message_of(haiku, "c1a0de03-0000-4000-8000-000000000001#1");
  EXPECT_EQ(notes.role, "user");
  EXPECT_EQ(notes.content_type, "attachment");
  EXPECT_EQ(notes.author_name, "notes.txt");
  EXPECT_EQ(notes.text, "old pond, frog jumps in");
  EXPECT_FALSE(notes.hidden);
  const model::Message& asked = message_of(haiku, "c1a0de03-0000-4000-8000-000000000001");
  EXPECT_EQ(asked.text, "Make a haiku printer from my notes.");
  ASSERT_EQ(asked.attachments.size(), 1u);
  EXPECT_EQ(asked.attachments[0].name, "pond.png");
  EXPECT_EQ(asked.attachments[0].kind, model::AttachmentKind::image);
  EXPECT_FALSE(asked.attachments[0].available());
  EXPECT_EQ(report.attachments, 1);
  const std::string answer = "c1a0de03-0000-4000-8000-000000000002";
  EXPECT_EQ(message_of(haiku, answer + "#1").text, "Here it is.");
  const model::Message& create = message_of(haiku, answer + "#2");
  EXPECT_EQ(create.kind, model::MessageKind::canvas);
  EXPECT_FALSE(create.hidden);
  EXPECT_EQ(create.text, "print('old pond')");
  EXPECT_EQ(create.language, "python");
  const model::Message& update = message_of(haiku, answer + "#3");
  EXPECT_EQ(update.kind, model::MessageKind::canvas);
  EXPECT_TRUE(update.hidden);
  EXPECT_NE(update.text.find("frog jumps"), std::string::npos);
  const model::Message& file = message_of(haiku, answer + "#4");
  EXPECT_FALSE(file.hidden);
  EXPECT_EQ(file.author_name, "/mnt/user-data/outputs/notes.md");
  EXPECT_EQ(file.text, "# Notes\n\nA frog, a pond.");
  EXPECT_EQ(message_of(haiku, answer).text, "Done.");
  ASSERT_EQ(sink.resolved.count("f11e0000-0000-4000-8000-000000000001"), 1u);
  EXPECT_FALSE(sink.resolved.at("f11e0000-0000-4000-8000-000000000001"));

  // Older records: the flattened text, the array order as the thread.
  const model::Conversation& old = *sink.find("c1a0de00-0000-4000-8000-000000000004");
  model::Tree old_tree(old);
  ASSERT_EQ(old_tree.thread().size(), 3u);
  EXPECT_EQ(old.nodes[old_tree.thread()[2]].message->text, "Good morning to you too.");
  EXPECT_EQ(old.nodes[old_tree.thread()[2]].parent, "c1a0de04-0000-4000-8000-000000000001");

  // The account's memory, a project's memory, and the project itself.
  ASSERT_EQ(sink.memories.size(), 2u);
  EXPECT_EQ(sink.memories[0].source, "claude");
  EXPECT_EQ(sink.memories[0].kind, "account_memory");
  EXPECT_EQ(sink.memories[0].text, "Lin grows tomatoes on a balcony.");
  EXPECT_EQ(sink.memories[1].project_id, "9a0e0000-0000-4000-8000-000000000001");
  ASSERT_EQ(sink.projects.size(), 1u);
  EXPECT_EQ(sink.projects[0].kind, "claude_project");
  EXPECT_EQ(sink.projects[0].name, "Balcony garden");
  EXPECT_EQ(sink.projects[0].instructions, "Answer as a patient gardener.");
  EXPECT_NE(sink.projects[0].raw_json.find("plan.md"), std::string::npos);
}

TEST(Claude, ABareConversationsFileAndAFolderOfTheLooseFiles) {
  RecordingSink bare;
  Report report = testing::import_into(fixture("claude-conversations.json"), bare);
  EXPECT_EQ(bare.layout, "json");
  EXPECT_EQ(report.conversations, 2);
  EXPECT_EQ(bare.conversations.at(0).source, "claude");
  EXPECT_EQ(bare.files.at("claude-conversations.json"),
            testing::read_file(fixture("claude-conversations.json")));  // byte for byte

  TempDir dir;
  const std::string conversations = testing::read_file(fixture("claude-conversations.json"));
  testing::write_file(dir / "data-2025-05-01" / "conversations.json", conversations);
  testing::write_file(dir / "data-2025-05-01" / "users.json",
                      R"([{"uuid":"u-1","full_name":"Lin","email_address":"lin@example.com"}])");
  const model::Survey survey = importer::survey(dir.path());
  EXPECT_EQ(survey.layout, "folder");
  EXPECT_EQ(survey.account.email, "lin@example.com");
  EXPECT_EQ(survey.account.id, "c1a0de00-0000-4000-8000-00000000acc7");  // as the bare file says
  RecordingSink folder;
  EXPECT_EQ(importer::import(survey, folder).conversations, 2);
}

TEST(Claude, SameInputTwiceGivesTheSameConversations) {
  RecordingSink first, second;
  testing::import_into(fixture("claude.zip"), first);
  testing::import_into(fixture("claude.zip"), second);
  ASSERT_EQ(first.conversations.size(), second.conversations.size());
  for (size_t c = 0; c < first.conversations.size(); ++c) {
    const auto& a = first.conversations[c];
    const auto& b = second.conversations[c];
    EXPECT_EQ(a.raw_json, b.raw_json);
    ASSERT_EQ(a.nodes.size(), b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
      EXPECT_EQ(a.nodes[i].id, b.nodes[i].id);
      EXPECT_EQ(a.nodes[i].parent, b.nodes[i].parent);
    }
  }
}

TEST(Claude, ABrokenConversationIsKeptRawTheOthersImported) {
  RecordingSink sink;
  Report report = testing::import_into(fixture("claude-broken.json"), sink);
  EXPECT_EQ(report.conversations, 2);
  ASSERT_EQ(report.broken, 1);
  EXPECT_EQ(sink.broken[0].id, "c1a0de00-0000-4000-8000-000000000009");
  EXPECT_EQ(sink.broken[0].index, 1u);
  EXPECT_EQ(sink.broken[0].reason, "\"chat_messages\" is not an array");
  EXPECT_NE(sink.broken[0].raw_json.find("not a list"), std::string::npos);
}

TEST(Claude, AnUnrecognisedJsonIsRefusedInOneLineNamingIt) {
  try {
    importer::survey(fixture("unknown-export.json"));
    FAIL() << "an unrecognised JSON was accepted";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.code(), ErrorCode::unknown_layout);
    EXPECT_NE(message.find("unknown-export.json: not a ChatGPT, Claude, Gemini or Grok export"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(R"("entry_id", "headline", "body")"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
  }
}

TEST(Claude, TwoProvidersInOneZipAreRefused) {
  TempDir dir;
  testing::write_zip(
      dir / "mixed.zip",
      {{"conversations.json", testing::read_file(fixture("claude-conversations.json"))},
       {"grok/export.json", R"({"conversations":[{"responses":[]}]})"}});
  try {
    importer::survey(dir / "mixed.zip");
    FAIL() << "a zip of two providers was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("holds both a Grok export (grok/export.json) and a "
                                         "Claude export (conversations.json)"),
              std::string::npos)
        << e.what();
  }
}

TEST(Claude, RealSamples) {
  const fs::path folder = fs::path(AFTERGLOW_SHARED_FIXTURES) / "claude";
  if (!fs::exists(folder / "claude_example.json")) {
    GTEST_SKIP() << "shared fixtures absent: " << folder;
  }
  RecordingSink sink;
  Report report = testing::import_into(folder / "claude_example.json", sink);
  EXPECT_EQ(report.conversations, 85);
  EXPECT_EQ(report.broken, 0);
  size_t messages = 0;
  for (const auto& c : sink.conversations) {
    EXPECT_EQ(c.source, "claude");
    EXPECT_EQ(c.model, "");
    model::Tree tree(c);
    EXPECT_FALSE(tree.has_branches()) << c.id;  // no parent links: the array order
    for (const auto& node : c.nodes) messages += node.message ? 1 : 0;
  }
  EXPECT_EQ(messages, 557u);  // one node per message: only text blocks in this sample
  const model::Conversation& first = sink.conversations.at(0);
  EXPECT_EQ(first.id, "636f35a1-13bb-479e-836b-e320aec9c6ac");
  EXPECT_DOUBLE_EQ(*first.create_time, *parse_iso_time("2024-03-13T14:48:37.115821Z"));

  RecordingSink thinking;
  testing::import_into(folder / "claude_thinking_example.json", thinking);
  ASSERT_EQ(thinking.conversations.size(), 1u);
  const model::Conversation& c = thinking.conversations[0];
  EXPECT_EQ(c.title, "Thinking Demo");
  const model::Message& reasoning = message_of(c, "ffffffff-1111-2222-3333-444444444444#1");
  EXPECT_EQ(reasoning.kind, model::MessageKind::reasoning);
  EXPECT_EQ(reasoning.text,
            "The user asked for a greeting. I should respond warmly and invite further "
            "conversation.");
  EXPECT_EQ(message_of(c, "ffffffff-1111-2222-3333-444444444444").text,
            "Hello there! It's great to hear from you.");
}

}  // namespace
}  // namespace afterglow::importer
