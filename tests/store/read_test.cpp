// Reading back: the list (order, filters, untitled names), id prefixes, whole trees with
// branches, and the incremental message stream for the indexers.
#include "afterglow/model/errors.h"
#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

// A conversation with a regenerated answer: two assistant siblings, the second on the thread.
model::Conversation branched() {
  auto c = make_conversation("ab12-branch", "", 1700500000,
                             {{"user",
                               "  Write   a haiku\nabout autumn leaves, please, in English and in "
                               "Chinese, with a short explanation of each line"},
                              {"assistant", "First try"}});
  model::Node second;
  second.id = "ab12-branch-n2b";
  second.parent = "ab12-branch-n1";
  second.message =
      make_message(second.id, {"assistant", "Second try\n```text\n秋叶\n```"}, 1700500100);
  second.message->attachments.push_back({model::AttachmentKind::image, "sediment://file_01",
                                         "file_01", "leaf.png", "image/png", 1234, 64, 48, 0, "",
                                         ""});
  second.message->citations.push_back({1, "Autumn", "https://example.org/a\"b", "leaves fall"});
  c.nodes[1].children.push_back(second.id);
  c.nodes.push_back(second);
  model::Node system;
  system.id = "ab12-branch-sys";
  system.parent = "ab12-branch-root";
  system.message = make_message(system.id, {"system", ""}, 1700500000);
  system.message->hidden = true;
  system.message->kind = model::MessageKind::system;
  c.nodes[0].children.push_back(system.id);
  c.nodes.push_back(system);
  c.current_node = second.id;
  c.raw_json += " ";
  return c;
}

class Reading : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = Archive::open(dir_ / "a.afterglow", Archive::Mode::read_write);
    auto old = make_conversation("ab34-old", "Old one", 1600000000, {{"user", "old"}}, "gpt-4");
    auto undated = make_conversation("cd56-undated", "No date", 0, {{"user", "?"}});
    undated.create_time.reset();
    import_all(*archive_, survey_for("u"),
               {old, branched(), undated,
                make_conversation("ef78-mid", "中文标题", 1650000000,
                                  {{"user", "第一个问题"}, {"assistant", "回答"}})});
  }
  ScratchDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(Reading, ListIsNewestFirstWithUndatedLast) {
  auto all = archive_->list({});
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, "ab12-branch");
  EXPECT_EQ(all[1].id, "ef78-mid");
  EXPECT_EQ(all[2].id, "ab34-old");
  EXPECT_EQ(all[3].id, "cd56-undated");
  EXPECT_EQ(all[0].title, "");
  EXPECT_EQ(all[0].first_user_text,
            "Write a haiku about autumn leaves, please, in English and in Chinese, with a…");
  EXPECT_EQ(all[0].messages, 2);  // the question and the second answer; not the hidden system one
  EXPECT_EQ(all[0].account, "u");
  EXPECT_EQ(all[0].source, "chatgpt");
  EXPECT_EQ(all[1].title, "中文标题");
  EXPECT_EQ(all[1].first_user_text, "第一个问题");
  EXPECT_EQ(all[2].model, "gpt-4");
  EXPECT_FALSE(all[3].create_time.has_value());
}

TEST_F(Reading, ListFilters) {
  ListFilter by_model;
  by_model.model = "gpt-4";
  auto r = archive_->list(by_model);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "ab34-old");

  ListFilter range;
  range.after = 1600000001;
  range.before = 1700500000;
  r = archive_->list(range);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "ef78-mid");

  ListFilter limited;
  limited.limit = 2;
  r = archive_->list(limited);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].id, "ef78-mid");
}

TEST_F(Reading, ResolveIdByExactIdOrUniquePrefix) {
  EXPECT_EQ(archive_->resolve_id("ab12-branch"), "ab12-branch");
  EXPECT_EQ(archive_->resolve_id("ab1"), "ab12-branch");
  EXPECT_EQ(archive_->resolve_id("e"), "ef78-mid");
  try {
    archive_->resolve_id("ab");
    ADD_FAILURE() << "ambiguous prefix accepted";
  } catch (const NotFound& e) {
    EXPECT_STREQ(e.what(), "'ab' is ambiguous: 2 conversations match");
  }
  try {
    archive_->resolve_id("zz");
    ADD_FAILURE() << "unknown prefix accepted";
  } catch (const NotFound& e) {
    EXPECT_STREQ(e.what(), "no conversation matches 'zz'");
  }
  EXPECT_THROW(archive_->load("nope"), NotFound);
}

TEST_F(Reading, LoadGivesBackTheWholeTree) {
  const model::Conversation original = branched();
  StoredConversation stored = archive_->load("ab12-branch");
  const model::Conversation& c = stored.conversation;
  EXPECT_EQ(stored.account, "u");
  EXPECT_FALSE(stored.gone_upstream);
  EXPECT_EQ(c.current_node, "ab12-branch-n2b");
  EXPECT_EQ(c.meta_json, original.meta_json);
  EXPECT_EQ(c.create_time, original.create_time);
  ASSERT_EQ(c.nodes.size(), original.nodes.size());
  for (size_t i = 0; i < c.nodes.size(); ++i) {
    const auto& a = c.nodes[i];
    const auto& b = original.nodes[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.parent, b.parent);
    EXPECT_EQ(a.children, b.children) << a.id;
    ASSERT_EQ(a.message.has_value(), b.message.has_value());
    if (!a.message) continue;
    EXPECT_EQ(a.message->text, b.message->text);
    EXPECT_EQ(a.message->raw_json, b.message->raw_json);
    EXPECT_EQ(a.message->role, b.message->role);
    EXPECT_EQ(a.message->hidden, b.message->hidden);
    EXPECT_EQ(a.message->kind, b.message->kind);
    EXPECT_EQ(a.message->create_time, b.message->create_time);
  }
  const auto& m = *c.nodes[3].message;
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].name, "leaf.png");
  EXPECT_EQ(m.attachments[0].width, 64);
  EXPECT_FALSE(m.attachments[0].available());
  ASSERT_EQ(m.citations.size(), 1u);
  EXPECT_EQ(m.citations[0].url, "https://example.org/a\"b");
  EXPECT_EQ(m.citations[0].snippet, "leaves fall");
}

TEST_F(Reading, ScanMessagesIsIncrementalAndCarriesFlags) {
  std::vector<MessageRecord> all;
  archive_->scan_messages(0, [&](const MessageRecord& r) { all.push_back(r); });
  ASSERT_EQ(all.size(), 8u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].seq, all[i].seq);
  EXPECT_EQ(archive_->max_message_seq(), all.back().seq);

  std::map<std::string, MessageRecord> by_node;
  for (const auto& r : all) by_node[r.node_id] = r;
  const MessageRecord& second = by_node["ab12-branch-n2b"];
  EXPECT_TRUE(second.on_thread);
  EXPECT_TRUE(second.has_image);
  EXPECT_TRUE(second.has_code);
  EXPECT_TRUE(second.conversation_has_branches);
  EXPECT_EQ(second.conversation_id, "ab12-branch");
  EXPECT_EQ(second.model, "gpt-4o");
  EXPECT_EQ(second.kind, "normal");
  const MessageRecord& first = by_node["ab12-branch-n2"];
  EXPECT_FALSE(first.on_thread);
  EXPECT_FALSE(first.has_image);
  EXPECT_TRUE(by_node["ab12-branch-sys"].hidden);
  EXPECT_EQ(by_node["ab12-branch-sys"].kind, "system");
  EXPECT_EQ(by_node["ef78-mid-n1"].text, "第一个问题");
  EXPECT_EQ(by_node["ef78-mid-n1"].title, "中文标题");
  EXPECT_FALSE(by_node["ef78-mid-n1"].conversation_has_branches);

  // Nothing new: nothing to scan. A new conversation: only its messages.
  const int64_t mark = archive_->max_message_seq();
  int count = 0;
  archive_->scan_messages(mark, [&](const MessageRecord&) { ++count; });
  EXPECT_EQ(count, 0);
  auto import = archive_->begin_import("test");
  import->begin(survey_for("u"));
  for (auto c : {make_conversation("ab34-old", "Old one", 1600000000, {{"user", "old"}}, "gpt-4"),
                 branched(),
                 make_conversation("ef78-mid", "中文标题", 1650000000,
                                   {{"user", "第一个问题"}, {"assistant", "回答"}}),
                 make_conversation("gh90-new", "New", 1710000000, {{"user", "新的"}})}) {
    import->conversation(std::move(c));
  }
  import->commit();
  std::vector<std::string> nodes;
  archive_->scan_messages(mark, [&](const MessageRecord& r) { nodes.push_back(r.node_id); });
  EXPECT_EQ(nodes, std::vector<std::string>{"gh90-new-n1"});
}

TEST_F(Reading, MessageTextIsOneMessageDecompressed) {
  const ConversationKey mid{"chatgpt", "u", "ef78-mid"};
  EXPECT_EQ(archive_->message_text(mid, "ef78-mid-n1"), "第一个问题");
  EXPECT_EQ(archive_->message_text(mid, "ef78-mid-n2"), "回答");
  EXPECT_EQ(archive_->message_text(mid, "no-such-node"), std::nullopt);
  EXPECT_EQ(archive_->message_text({"chatgpt", "u", "no-such-conversation"}, "ef78-mid-n1"),
            std::nullopt);
  EXPECT_EQ(archive_->message_text({"chatgpt", "other-account", "ef78-mid"}, "ef78-mid-n1"),
            std::nullopt);
}

}  // namespace
}  // namespace afterglow::store
