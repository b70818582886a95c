// The merge rules on their own, one row per case: what an import does with a conversation, with
// each node of one, and with the account's conversations an export no longer holds.
#include "merge_decision.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace afterglow::store {
namespace {

using model::Timestamp;

const char* name(ConversationMerge m) {
  switch (m) {
    case ConversationMerge::add:
      return "add";
    case ConversationMerge::update:
      return "update";
    case ConversationMerge::unchanged:
      return "unchanged";
    case ConversationMerge::keep_newer_stored:
      return "keep_newer_stored";
    case ConversationMerge::ignore_older_duplicate:
      return "ignore_older_duplicate";
  }
  return "?";
}

const char* name(UpstreamChange c) {
  switch (c) {
    case UpstreamChange::none:
      return "none";
    case UpstreamChange::mark_gone:
      return "mark_gone";
    case UpstreamChange::back:
      return "back";
  }
  return "?";
}

struct ConversationCase {
  const char* what;
  std::optional<StoredVersion> stored;
  IncomingVersion incoming;
  ConversationMerge expected;
};

TEST(MergeDecision, Conversations) {
  const Timestamp none;
  const std::vector<ConversationCase> cases = {
      {"not in the archive", std::nullopt, {"h1", 100.0}, ConversationMerge::add},
      {"not in the archive, no time", std::nullopt, {"h1", none}, ConversationMerge::add},
      {"same content",
       StoredVersion{"h1", 100.0, false},
       {"h1", 100.0},
       ConversationMerge::unchanged},
      {"same content, newer time",
       StoredVersion{"h1", 100.0, false},
       {"h1", 200.0},
       ConversationMerge::unchanged},
      {"changed, newer",
       StoredVersion{"h1", 100.0, false},
       {"h2", 200.0},
       ConversationMerge::update},
      {"changed, same time",
       StoredVersion{"h1", 100.0, false},
       {"h2", 100.0},
       ConversationMerge::update},
      {"changed, older export",
       StoredVersion{"h1", 200.0, false},
       {"h2", 100.0},
       ConversationMerge::keep_newer_stored},
      {"changed, stored has no time",
       StoredVersion{"h1", none, false},
       {"h2", 100.0},
       ConversationMerge::update},
      {"changed, export has no time",
       StoredVersion{"h1", 100.0, false},
       {"h2", none},
       ConversationMerge::update},
      {"twice in one export, second older",
       StoredVersion{"h1", 200.0, true},
       {"h2", 100.0},
       ConversationMerge::ignore_older_duplicate},
      {"twice in one export, same time",
       StoredVersion{"h1", 100.0, true},
       {"h2", 100.0},
       ConversationMerge::ignore_older_duplicate},
      {"twice in one export, second without time",
       StoredVersion{"h1", 100.0, true},
       {"h2", none},
       ConversationMerge::ignore_older_duplicate},
      {"twice in one export, second newer",
       StoredVersion{"h1", 100.0, true},
       {"h2", 200.0},
       ConversationMerge::update},
      {"twice in one export, second newer, same content",
       StoredVersion{"h1", 100.0, true},
       {"h1", 200.0},
       ConversationMerge::unchanged},
      {"twice in one export, first without time",
       StoredVersion{"h1", none, true},
       {"h2", 100.0},
       ConversationMerge::update},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(name(decide_conversation(c.stored, c.incoming)), name(c.expected)) << c.what;
  }
}

struct NodeCase {
  const char* what;
  std::vector<StoredNode> stored;
  std::vector<IncomingNode> incoming;
  std::vector<bool> stored_flags;
  std::vector<MessageMerge> messages;
  std::vector<std::string> vanished;
};

TEST(MergeDecision, Nodes) {
  using M = MessageMerge;
  const std::vector<NodeCase> cases = {
      {"a new conversation",
       {},
       {{"root", false, ""}, {"u1", true, "a"}},
       {false, false},
       {M::none, M::add},
       {}},
      {"nothing changed",
       {{"root", ""}, {"u1", "a"}},
       {{"root", false, ""}, {"u1", true, "a"}},
       {true, true},
       {M::none, M::renew},
       {}},
      {"a message edited", {{"u1", "a"}}, {{"u1", true, "b"}}, {true}, {M::update}, {}},
      {"a message where the node had none",
       {{"u1", ""}},
       {{"u1", true, "a"}},
       {true},
       {M::add},
       {}},
      {"a message gone upstream is kept",
       {{"u1", "a"}},
       {{"u1", false, ""}},
       {true},
       {M::none},
       {}},
      {"a node gone upstream is marked, in stored order",
       {{"root", ""}, {"a1", "x"}, {"a2", "y"}, {"a3", "z"}},
       {{"root", false, ""}, {"a2", true, "y"}},
       {true, true},
       {M::none, M::renew},
       {"a1", "a3"}},
      {"a regenerated answer beside the old one",
       {{"u1", "a"}, {"a1", "b"}},
       {{"u1", true, "a"}, {"a1", true, "b"}, {"a1b", true, "c"}},
       {true, true, false},
       {M::renew, M::renew, M::add},
       {}},
  };
  for (const auto& c : cases) {
    const NodePlan plan = plan_nodes(c.stored, c.incoming);
    EXPECT_EQ(plan.stored, c.stored_flags) << c.what;
    EXPECT_EQ(plan.message, c.messages) << c.what;
    EXPECT_EQ(plan.vanished, c.vanished) << c.what;
  }
}

struct UpstreamCase {
  const char* what;
  AccountConversation conversation;
  Timestamp export_time;
  UpstreamChange expected;
};

TEST(MergeDecision, GoneUpstream) {
  const Timestamp none;
  // {in this export, update_time, gone, export time of the import that found it gone}
  const std::vector<UpstreamCase> cases = {
      {"in the export", {true, 100.0, false, none}, 200.0, UpstreamChange::none},
      {"missing, older than the export",
       {false, 100.0, false, none},
       200.0,
       UpstreamChange::mark_gone},
      {"missing, as old as the export",
       {false, 200.0, false, none},
       200.0,
       UpstreamChange::mark_gone},
      {"missing, newer than an old export imported late",
       {false, 300.0, false, none},
       200.0,
       UpstreamChange::none},
      {"missing, no time", {false, none, false, none}, 200.0, UpstreamChange::mark_gone},
      {"missing, export without time",
       {false, 300.0, false, none},
       none,
       UpstreamChange::mark_gone},
      {"missing and already marked", {false, 100.0, true, 150.0}, 200.0, UpstreamChange::none},
      {"back in a newer export", {true, 100.0, true, 150.0}, 200.0, UpstreamChange::back},
      {"back in an export as new", {true, 100.0, true, 200.0}, 200.0, UpstreamChange::back},
      {"in an export older than the one that missed it",
       {true, 100.0, true, 300.0},
       200.0,
       UpstreamChange::none},
      {"back, times unknown", {true, 100.0, true, none}, 200.0, UpstreamChange::back},
      {"back, export without time", {true, 100.0, true, 300.0}, none, UpstreamChange::back},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(name(decide_upstream(c.conversation, c.export_time)), name(c.expected)) << c.what;
  }
}

}  // namespace
}  // namespace afterglow::store
