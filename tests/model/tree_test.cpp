#include "afterglow/model/tree.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace afterglow::model {
namespace {

struct Spec {
  const char* id;
  const char* parent;
  double time;  // < 0: no message
};

Conversation make(std::initializer_list<Spec> specs, const std::string& current = "") {
  Conversation c;
  c.current_node = current;
  for (const auto& s : specs) {
    Node n;
    n.id = s.id;
    n.parent = s.parent;
    if (s.time >= 0) {
      n.message = Message{};
      n.message->create_time = s.time;
    }
    c.nodes.push_back(n);
  }
  return c;
}

std::vector<std::string> ids(const Conversation& c, const std::vector<size_t>& indices) {
  std::vector<std::string> out;
  for (size_t i : indices) out.push_back(c.nodes[i].id);
  return out;
}

TEST(Tree, ThreadFollowsCurrentNodeNotFirstChild) {
  auto c = make({{"root", "", -1}, {"u1", "root", 1}, {"a1", "u1", 2}, {"a1b", "u1", 3}}, "a1");
  Tree t(c);
  EXPECT_EQ(ids(c, t.thread()), (std::vector<std::string>{"root", "u1", "a1"}));
  EXPECT_FALSE(t.on_thread(3));
  EXPECT_EQ(ids(c, t.versions(2)), (std::vector<std::string>{"a1", "a1b"}));
  EXPECT_TRUE(t.has_branches());
}

TEST(Tree, BuildsChildrenFromParentsWhenListsAreMissing) {
  // 2026 exports may omit `children`; export order is not chronological either.
  auto c =
      make({{"a2", "u2", 4}, {"u2", "a1", 3}, {"root", "", -1}, {"a1", "u1", 2}, {"u1", "root", 1}},
           "a2");
  Tree t(c);
  EXPECT_EQ(ids(c, t.thread()), (std::vector<std::string>{"root", "u1", "a1", "u2", "a2"}));
  EXPECT_FALSE(t.has_branches());
}

TEST(Tree, MissingOrDanglingCurrentNodeFallsBackToNewestLeaf) {
  for (const char* current : {"", "no-such-node"}) {
    auto c =
        make({{"root", "", -1}, {"u1", "root", 1}, {"old", "u1", 2}, {"new", "u1", 9}}, current);
    Tree t(c);
    EXPECT_EQ(t.leaf(), "new") << "current_node='" << current << "'";
    EXPECT_EQ(ids(c, t.thread()), (std::vector<std::string>{"root", "u1", "new"}));
  }
}

TEST(Tree, SurvivesCyclesAndOrphans) {
  auto c = make({{"a", "c", 1}, {"b", "a", 2}, {"c", "b", 3}, {"orphan", "missing", 4}}, "b");
  Tree t(c);
  // The walk from b must end: the cycle is cut, every node reachable at most once.
  EXPECT_LE(t.thread().size(), 3u);
  EXPECT_EQ(c.nodes[t.thread().back()].id, "b");
  auto orphan = t.index_of("orphan");
  ASSERT_TRUE(orphan.has_value());
  EXPECT_EQ(t.versions(*orphan).size(), 1u);
}

TEST(Tree, EmptyConversationHasEmptyThread) {
  Conversation c;
  Tree t(c);
  EXPECT_TRUE(t.thread().empty());
  EXPECT_EQ(t.leaf(), "");
}

TEST(Tree, PathThroughFollowsNewestChild) {
  auto c = make({{"root", "", -1},
                 {"u1", "root", 1},
                 {"a1", "u1", 2},
                 {"u2", "a1", 3},
                 {"u2b", "a1", 5},
                 {"a3", "u2b", 6}},
                "a3");
  Tree t(c);
  EXPECT_EQ(ids(c, t.path_through(*t.index_of("a1"))),
            (std::vector<std::string>{"a1", "u2b", "a3"}));
}

TEST(Kinds, NamesRoundTrip) {
  for (auto k :
       {MessageKind::normal, MessageKind::tool_call, MessageKind::reasoning, MessageKind::canvas}) {
    EXPECT_EQ(message_kind_from_string(to_string(k)), k);
  }
  EXPECT_EQ(attachment_kind_from_string("audio"), AttachmentKind::audio);
  EXPECT_EQ(attachment_kind_from_string("???"), AttachmentKind::file);
}

}  // namespace
}  // namespace afterglow::model
