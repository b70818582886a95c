// The keepsake tables through the store's own functions: what each write changes, what it refuses,
// and that an import of a changed conversation leaves every keepsake where it was.
#include "afterglow/store/keepsakes.h"

#include "afterglow/model/errors.h"
#include "afterglow/store/verify.h"
#include "store_test_util.h"

namespace afterglow::store::testing {
namespace {

class Keepsakes : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = Archive::open(dir_ / "a.afterglow", Archive::Mode::read_write);
    import({make_conversation("conv-a", "First", 1700000000,
                              {{"user", "hello"},
                               { "assistant",
                                 "Hello, my friend.\nHow are you?" }}),
            make_conversation("conv-b", "Second", 1700100000,
                              {{ "user",
                                 "bye" }})});
  }
  void import(std::vector<model::Conversation> conversations) {
    import_all(*archive_, survey_for("user-1"), std::move(conversations));
  }
  ScratchDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(Keepsakes, MessagesAreFoundByIdOrUniquePrefix) {
  EXPECT_EQ(resolve_message(*archive_, "conv-a-n2").conversation_id, "conv-a");
  EXPECT_EQ(resolve_message(*archive_, "conv-b-").node_id, "conv-b-n1");
  EXPECT_THROW(resolve_message(*archive_, "conv-a-n"), NotFound);     // n1 and n2
  EXPECT_THROW(resolve_message(*archive_, "conv-a-root"), NotFound);  // no message
  EXPECT_THROW(resolve_message(*archive_, ""), NotFound);
  EXPECT_EQ(resolve_note_target(*archive_, "conv-a").node_id, "");
  EXPECT_EQ(resolve_note_target(*archive_, "conv-a-n1").node_id, "conv-a-n1");
}

TEST_F(Keepsakes, EachWriteSaysWhetherItChangedAnything) {
  const MessageRef hello{"conv-a", "conv-a-n2"};
  EXPECT_TRUE(star(*archive_, hello));
  EXPECT_FALSE(star(*archive_, hello));
  EXPECT_EQ(starred_in(*archive_, "conv-a"), std::set<std::string>{"conv-a-n2"});
  EXPECT_TRUE(unstar(*archive_, hello));
  EXPECT_FALSE(unstar(*archive_, hello));
  EXPECT_TRUE(rest(*archive_, "conv-b"));
  EXPECT_FALSE(rest(*archive_, "conv-b"));
  EXPECT_TRUE(is_resting(*archive_, "conv-b"));
  EXPECT_EQ(resting_conversations(*archive_), std::set<std::string>{"conv-b"});
  EXPECT_TRUE(wake(*archive_, "conv-b"));
  EXPECT_FALSE(wake(*archive_, "conv-b"));
  EXPECT_FALSE(remove_note(*archive_, {"conv-a", ""}));
  EXPECT_THROW(star(*archive_, {"conv-a", "conv-a-root"}), NotFound);
  EXPECT_THROW(rest(*archive_, "conv-z"), NotFound);
}

TEST_F(Keepsakes, RestingConversationsAreLeftOutOfListsThatAskForIt) {
  rest(*archive_, "conv-b");
  ListFilter filter;
  EXPECT_EQ(archive_->list(filter).size(), 2u);
  filter.leave_out_resting = true;
  const auto shown = archive_->list(filter);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].id, "conv-a");
}

TEST_F(Keepsakes, LettersAreCheckedAndKeptInDateOrder) {
  const int64_t later = add_letter(*archive_, "Later", "2026-02-14", "**bold**");
  const int64_t earlier = add_letter(*archive_, "Earlier", "2024-02-29", "text");
  const auto kept = keepsakes(*archive_).letters;
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].id, earlier);
  EXPECT_EQ(kept[1].text, "**bold**");
  EXPECT_THROW(add_letter(*archive_, "T", "2025-02-29", "x"), Error);  // not a leap year
  EXPECT_THROW(add_letter(*archive_, "T", "2025-02", "x"), Error);     // a month, not a day
  EXPECT_THROW(add_letter(*archive_, "", "2025-02-01", "x"), Error);
  EXPECT_THROW(add_letter(*archive_, "T", "2025-02-01", ""), Error);
  Letter changed = *letter(*archive_, later);
  changed.title = "Later still";
  update_letter(*archive_, changed);
  EXPECT_EQ(letter(*archive_, later)->title, "Later still");
  EXPECT_TRUE(remove_letter(*archive_, later));
  EXPECT_FALSE(letter(*archive_, later).has_value());
  changed.id = 999;
  EXPECT_THROW(update_letter(*archive_, changed), NotFound);
}

TEST_F(Keepsakes, AnUpdatedConversationKeepsItsKeepsakes) {
  star(*archive_, {"conv-a", "conv-a-n2"});
  set_note(*archive_, {"conv-a", ""}, "the first one");
  set_note(*archive_, {"conv-a", "conv-a-n1"}, "I said hello");
  rest(*archive_, "conv-a");
  // conv-a gains a turn and its answer changes: the conversation and the message are rewritten.
  auto grown = make_conversation(
      "conv-a", "First, renamed", 1700000000,
      {{"user", "hello"}, {"assistant", "Hello, my dear friend."}, {"user", "fine"}});
  import({std::move(grown)});  // conv-b is now gone upstream, and kept
  const auto k = keepsakes(*archive_);
  ASSERT_EQ(k.stars.size(), 1u);
  EXPECT_EQ(k.stars[0].message.node_id, "conv-a-n2");
  EXPECT_EQ(k.stars[0].excerpt, "Hello, my dear friend.");  // the newer text
  EXPECT_EQ(k.stars[0].conversation_title, "First, renamed");
  ASSERT_EQ(k.notes.size(), 2u);
  EXPECT_EQ(k.notes[0].target.node_id, "");  // the conversation's note before its messages'
  EXPECT_EQ(k.notes[1].text, "I said hello");
  EXPECT_EQ(resting_conversations(*archive_), std::set<std::string>{"conv-a"});
  const VerifyReport report = verify_archive(*archive_);
  EXPECT_TRUE(report.ok()) << report.problems.front();
  EXPECT_EQ(report.keepsakes, 4);
}

TEST_F(Keepsakes, AnExcerptIsOneLineCutAtACharacter) {
  const std::vector<Turn> turns = {{"assistant", std::string(100, 'a') + "\n\nb"},
                                   {"assistant", std::string(79, 'c') + "\n\nd e"},
                                   {"assistant", "第一行\n第二行"}};
  import({make_conversation("conv-c", "Long", 1700200000, turns)});
  for (const char* node : {"conv-c-n1", "conv-c-n2", "conv-c-n3"}) {
    star(*archive_, {"conv-c", node});
  }
  const auto stars = keepsakes(*archive_).stars;
  ASSERT_EQ(stars.size(), 3u);
  EXPECT_EQ(stars[0].excerpt, std::string(80, 'a') + "…");
  // The folded line break counts as a character: 79 + 1 leaves no room for "d".
  EXPECT_EQ(stars[1].excerpt, std::string(79, 'c') + "…");
  EXPECT_EQ(stars[2].excerpt, "第一行 第二行");
}

TEST_F(Keepsakes, AReadOnlyArchiveRefusesEveryWrite) {
  auto reader = Archive::open(dir_ / "a.afterglow", Archive::Mode::read_only);
  EXPECT_THROW(star(*reader, {"conv-a", "conv-a-n2"}), ArchiveError);
  EXPECT_THROW(add_letter(*reader, "T", "2025-01-01", "x"), ArchiveError);
  EXPECT_TRUE(keepsakes(*reader).stars.empty());
}

}  // namespace
}  // namespace afterglow::store::testing
