// Merging imports: new / unchanged / updated / gone-upstream counting, re-import idempotence,
// kept nodes, duplicates within one export, accounts, and atomicity.
#include "afterglow/model/errors.h"
#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

std::vector<model::Conversation> first_export() {
  return {
      make_conversation(
          "conv-a", "第一次对话", 1700000000,
          {{"user", "你好，今天天气怎么样？"}, {"assistant", "今天是晴天，气温二十度。"}}),
      make_conversation("conv-b", "Recipes", 1700100000,
                        {{"user", "How do I bake bread?"}, {"assistant", "Mix flour and water."}}),
      make_conversation("conv-c", "", 1700200000, {{"user", "An untitled question"}}),
  };
}

class ImportMerge : public ::testing::Test {
 protected:
  fs::path path() const { return dir_ / "a.afterglow"; }
  std::unique_ptr<Archive> open() { return Archive::open(path(), Archive::Mode::read_write); }
  ScratchDir dir_;
};

TEST_F(ImportMerge, FirstImportCountsEverythingNew) {
  auto archive = open();
  ImportSummary s = import_all(*archive, survey_for("user-1"), first_export(),
                               {{"conversations.json", "[1,2,3]"}, {"user.json", "{}"}});
  EXPECT_EQ(s.conversations_new, 3);
  EXPECT_EQ(s.conversations_updated, 0);
  EXPECT_EQ(s.conversations_unchanged, 0);
  EXPECT_EQ(s.messages_new, 5);
  EXPECT_EQ(s.messages_total, 5);
  EXPECT_EQ(s.sources_new, 2);
  EXPECT_GT(s.bytes_stored, 0);
  EXPECT_TRUE(s.changed());
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM imports WHERE summary IS NOT NULL"), 1);
}

TEST_F(ImportMerge, ReimportingTheSameExportChangesNothing) {
  auto archive = open();
  const std::vector<OriginalInput> files = {{"conversations.json", std::string(300000, 'j')},
                                            {"user.json", "{\"id\":\"user-1\"}"}};
  import_all(*archive, survey_for("user-1"), first_export(), files);
  const std::string before = dump_content(path());
  const int64_t pages_before = query_int(path(), "PRAGMA page_count");

  ImportSummary s = import_all(*archive, survey_for("user-1"), first_export(), files);
  EXPECT_FALSE(s.changed());
  EXPECT_EQ(s.conversations_unchanged, 3);
  EXPECT_EQ(s.conversations_new + s.conversations_updated + s.conversations_gone_upstream, 0);
  EXPECT_EQ(s.messages_total, 5);
  EXPECT_EQ(s.sources_unchanged, 2);
  EXPECT_EQ(s.sources_new, 0);
  EXPECT_EQ(s.bytes_stored, 0);
  EXPECT_EQ(dump_content(path()), before);
  // Unchanged originals are compared, not rewritten: the file does not grow by their size.
  EXPECT_LT(query_int(path(), "PRAGMA page_count") - pages_before, 10);
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM sources"), 4);
}

TEST_F(ImportMerge, BareJsonWithoutAccountReusesTheOnlyAccount) {
  auto archive = open();
  import_all(*archive, survey_for("user-1"), first_export());
  ImportSummary s = import_all(*archive, survey_for(""), first_export());
  EXPECT_FALSE(s.changed());
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM accounts"), 1);
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM conversations"), 3);
}

TEST_F(ImportMerge, SeveralAccountsKeepTheirOwnConversations) {
  auto archive = open();
  import_all(*archive, survey_for("user-1"), first_export());
  ImportSummary s = import_all(
      *archive, survey_for("user-2"),
      {make_conversation("conv-a", "Same id, other person", 1600000000, {{"user", "hello"}})});
  EXPECT_EQ(s.conversations_new, 1);
  EXPECT_EQ(s.conversations_gone_upstream, 0);  // user-1's conversations are not user-2's
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM conversations"), 4);
  auto accounts = archive->list({});
  int of_user2 = 0;
  for (const auto& c : accounts) of_user2 += c.account == "user-2";
  EXPECT_EQ(of_user2, 1);
  // A bare JSON import is now ambiguous: it gets an account of its own.
  import_all(*archive, survey_for(""), {make_conversation("conv-z", "z", 1, {{"user", "z"}})});
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM accounts WHERE external_id = ''"), 1);
}

// One conversation id in two accounts: two copies, each resolved, loaded and read as itself.
TEST_F(ImportMerge, TwoAccountsHoldingOneIdAreTwoCopies) {
  auto archive = open();
  import_all(*archive, survey_for("user-1"),
             {make_conversation("same", "First person's", 1600000000, {{"user", "apples"}})});
  import_all(*archive, survey_for("user-2"),
             {make_conversation("same", "Second person's", 1600000000, {{"user", "pears"}})});
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM conversations"), 2);

  try {
    archive->resolve("same", std::nullopt);
    ADD_FAILURE() << "a bare id held by two accounts resolved";
  } catch (const AmbiguousConversation& e) {
    ASSERT_EQ(e.candidates.size(), 2u);
    EXPECT_EQ(e.candidates[0], (ConversationKey{"chatgpt", "user-1", "same"}));
    EXPECT_EQ(e.candidates[1], (ConversationKey{"chatgpt", "user-2", "same"}));
    EXPECT_NE(std::string(e.what()).find("user-1, user-2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(archive->resolve("sa", std::nullopt), AmbiguousConversation);
  EXPECT_THROW(archive->load(std::string("same")), AmbiguousConversation);
  EXPECT_THROW(archive->resolve("same", std::string("user-3")), NotFound);

  const ConversationKey second = archive->resolve("sa", std::string("user-2"));
  EXPECT_EQ(second, (ConversationKey{"chatgpt", "user-2", "same"}));
  StoredConversation loaded = archive->load(second);
  EXPECT_EQ(loaded.account, "user-2");
  EXPECT_EQ(loaded.conversation.title, "Second person's");
  const ConversationKey first{"chatgpt", "user-1", "same"};
  EXPECT_EQ(archive->load(first).conversation.title, "First person's");
  const std::string node = loaded.conversation.nodes.back().id;
  EXPECT_EQ(archive->message_text(first, node), "apples");
  EXPECT_EQ(archive->message_text(second, node), "pears");

  std::vector<std::string> copies;
  archive->scan_messages(0, [&](const MessageRecord& r) {
    copies.push_back(r.account + ":" + r.conversation_id + ":" + r.text);
  });
  EXPECT_EQ(copies, (std::vector<std::string>{"user-1:same:apples", "user-2:same:pears"}));
}

TEST_F(ImportMerge, NewerExportUpdatesAddsAndKeepsVanishedNodes) {
  auto archive = open();
  import_all(*archive, survey_for("user-1"), first_export());
  const int64_t seq_before = archive->max_message_seq();

  auto newer = first_export();
  // conv-a: the last answer was regenerated (a sibling replaces the old one on the thread),
  // and the export no longer carries the old answer at all.
  model::Conversation& a = newer[0];
  a.nodes.back().id = "conv-a-n2b";
  a.nodes.back().message->text = "今天多云，有小雨。";
  a.nodes.back().message->raw_json += " ";
  a.nodes[1].children = {"conv-a-n2b"};
  a.current_node = "conv-a-n2b";
  *a.update_time += 100;
  touch_raw(a);
  // conv-b: one more turn.
  model::Conversation b = make_conversation("conv-b", "Recipes", 1700100000,
                                            {{"user", "How do I bake bread?"},
                                             {"assistant", "Mix flour and water."},
                                             {"user", "Thanks"}});
  newer[1] = b;
  // conv-c is not in the newer export.
  newer.pop_back();
  newer.push_back(make_conversation("conv-d", "Brand new", 1700300000, {{"user", "new one"}}));

  ImportSummary s = import_all(*archive, survey_for("user-1"), newer);
  EXPECT_EQ(s.conversations_new, 1);
  EXPECT_EQ(s.conversations_updated, 2);
  EXPECT_EQ(s.conversations_unchanged, 0);
  EXPECT_EQ(s.conversations_gone_upstream, 1);
  EXPECT_EQ(s.messages_new, 3);  // conv-a's new answer, conv-b's new turn, conv-d
  EXPECT_EQ(s.messages_updated, 0);
  EXPECT_TRUE(s.changed());

  StoredConversation loaded = archive->load("conv-a");
  ASSERT_EQ(loaded.conversation.nodes.size(), 4u);  // root, question, new answer, kept old one
  EXPECT_EQ(loaded.conversation.nodes[3].id, "conv-a-n2");
  EXPECT_EQ(loaded.conversation.nodes[3].message->text, "今天是晴天，气温二十度。");
  EXPECT_EQ(loaded.conversation.nodes[1].children,
            (std::vector<std::string>{"conv-a-n2b", "conv-a-n2"}));
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM nodes WHERE vanished IS NOT NULL"), 1);
  EXPECT_EQ(query_int(path(), "SELECT on_thread FROM nodes WHERE node_id = 'conv-a-n2'"), 0);
  EXPECT_EQ(query_int(path(), "SELECT on_thread FROM nodes WHERE node_id = 'conv-a-n2b'"), 1);

  // Gone upstream: kept and marked, and unmarked when it comes back.
  EXPECT_TRUE(archive->load("conv-c").gone_upstream);
  EXPECT_EQ(archive->list({}).size(), 4u);
  std::vector<int64_t> seqs;
  archive->scan_messages(seq_before, [&](const MessageRecord& r) { seqs.push_back(r.seq); });
  EXPECT_FALSE(seqs.empty());

  auto again = newer;
  again.push_back(first_export()[2]);
  ImportSummary back = import_all(*archive, survey_for("user-1"), again);
  EXPECT_EQ(back.conversations_unchanged, 4);
  EXPECT_EQ(back.conversations_gone_upstream, 0);
  EXPECT_FALSE(archive->load("conv-c").gone_upstream);
}

TEST_F(ImportMerge, ChangedMessageTextCountsAsUpdated) {
  auto archive = open();
  import_all(*archive, survey_for("user-1"), first_export());
  auto edited = first_export();
  edited[1].nodes[2].message->text = "Mix flour, water, salt and yeast.";
  touch_raw(edited[1]);
  ImportSummary s = import_all(*archive, survey_for("user-1"), edited);
  EXPECT_EQ(s.conversations_updated, 1);
  EXPECT_EQ(s.conversations_unchanged, 2);
  EXPECT_EQ(s.messages_updated, 1);
  EXPECT_EQ(s.messages_new, 0);
  EXPECT_EQ(archive->load("conv-b").conversation.nodes[2].message->text,
            "Mix flour, water, salt and yeast.");
}

TEST_F(ImportMerge, DuplicateIdsInOneExportKeepTheNewest) {
  auto archive = open();
  auto older = make_conversation("dup", "old title", 1700000000, {{"user", "first"}});
  auto newer = make_conversation("dup", "new title", 1700000000,
                                 {{"user", "first"}, {"assistant", "second"}});
  ImportSummary s = import_all(*archive, survey_for("u"), {newer, older});
  EXPECT_EQ(s.conversations_new, 1);
  EXPECT_EQ(s.messages_total, 2);
  EXPECT_EQ(archive->load("dup").conversation.title, "new title");

  ScratchDir other;
  auto second = Archive::open(other / "b.afterglow", Archive::Mode::read_write);
  s = import_all(*second, survey_for("u"), {older, newer});
  EXPECT_EQ(s.conversations_new, 1);
  EXPECT_EQ(s.messages_total, 2);
  EXPECT_EQ(second->load("dup").conversation.title, "new title");
}

TEST_F(ImportMerge, BrokenConversationsAreKeptRawAndReported) {
  auto archive = open();
  auto import = archive->begin_import("test");
  import->begin(survey_for("u"));
  model::BrokenConversation broken;
  broken.file = "conversations-001.json";
  broken.index = 17;
  broken.id = "bad-1";
  broken.reason = "mapping is not an object";
  broken.raw_json = "{\"id\":\"bad-1\",\"mapping\":42}";
  import->broken_conversation(std::move(broken));
  import->conversation(make_conversation("ok", "fine", 1, {{ "user", "fine" }}));
  ImportSummary s = import->commit();
  EXPECT_EQ(s.conversations_skipped, 1);
  EXPECT_EQ(s.conversations_new, 1);
  ASSERT_EQ(s.skipped.size(), 1u);
  EXPECT_EQ(s.skipped[0], "conversations-001.json#17 bad-1: mapping is not an object");
  EXPECT_EQ(query_int(path(), "SELECT idx FROM broken_conversations"), 17);
}

TEST_F(ImportMerge, AbortedImportLeavesTheFileByteIdentical) {
  {
    auto archive = open();
    import_all(*archive, survey_for("user-1"), first_export(), {{"user.json", "{}"}});
  }
  // Closing the last connection checkpoints the WAL into the main file.
  const std::string before = read_file(path());
  {
    auto archive = open();
    auto import = archive->begin_import("test");
    import->begin(survey_for("user-1"));
    auto writer = import->original_file({"big.bin", -1});
    writer->write(random_bytes(3 << 20, 7));
    writer->finish();
    auto changed = first_export();
    changed[0].title = "changed";
    touch_raw(changed[0]);
    for (auto& c : changed) import->conversation(std::move(c));
    for (int i = 0; i < 50; ++i) {
      import->conversation(make_conversation("extra-" + std::to_string(i), "x", 1,
                                             {{ "user",
                                                std::string(5000, 'a' + i % 26) }}));
    }
    // destroyed without commit
  }
  EXPECT_EQ(read_file(path()), before);
  auto archive = open();
  EXPECT_EQ(archive->list({}).size(), 3u);
  EXPECT_EQ(archive->load("conv-a").conversation.title, "第一次对话");
}

TEST_F(ImportMerge, OnlyOneImportAtATime) {
  auto archive = open();
  auto first = archive->begin_import("test");
  EXPECT_THROW(archive->begin_import("test"), ArchiveError);
  first.reset();
  EXPECT_NO_THROW(archive->begin_import("test"));
}

TEST_F(ImportMerge, AttachmentsResolveToStoredMembers) {
  auto archive = open();
  auto c = make_conversation("pics", "A picture", 1700000000,
                             {{"user", "look at this"}, {"assistant", "nice"}});
  model::Attachment image;
  image.kind = model::AttachmentKind::image;
  image.pointer = "file-service://file-abc";
  image.file_id = "file-abc";
  c.nodes[1].message->attachments.push_back(image);
  model::Attachment missing = image;
  missing.pointer = "file-service://file-gone";
  missing.file_id = "file-gone";
  c.nodes[1].message->attachments.push_back(missing);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + random_bytes(1000, 3);

  auto resolver = [](const model::Attachment& a,
                     const std::string& conversation) -> std::optional<model::ResolvedAsset> {
    if (a.file_id != "file-abc" || conversation != "pics") return std::nullopt;
    return model::ResolvedAsset{"file-abc-photo.png", "image/png", "photo.png"};
  };
  ImportSummary s =
      import_all(*archive, survey_for("u"), {c}, {{"file-abc-photo.png", png}}, resolver);
  EXPECT_EQ(s.attachments_total, 2);
  EXPECT_EQ(s.attachments_stored, 1);
  EXPECT_EQ(s.attachments_unavailable, 1);

  auto loaded = archive->load("pics").conversation;
  const auto& atts = loaded.nodes[1].message->attachments;
  ASSERT_EQ(atts.size(), 2u);
  EXPECT_TRUE(atts[0].available());
  EXPECT_EQ(atts[0].member, "file-abc-photo.png");
  EXPECT_EQ(atts[0].mime, "image/png");
  EXPECT_EQ(atts[0].name, "photo.png");
  EXPECT_FALSE(atts[1].available());
  std::string bytes;
  archive->read_blob(atts[0].sha256, [&](std::string_view p) { bytes.append(p); });
  EXPECT_EQ(bytes, png);
  EXPECT_EQ(archive->blob_info(atts[0].sha256)->mime, "image/png");

  // A later export without the file keeps the link made earlier.
  s = import_all(*archive, survey_for("u"), {c});
  EXPECT_EQ(s.attachments_stored, 1);
  EXPECT_TRUE(archive->load("pics").conversation.nodes[1].message->attachments[0].available());
}

}  // namespace
}  // namespace afterglow::store
