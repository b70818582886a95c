// Two accounts whose exports hold the same conversation id with different text: each copy is kept,
// found by both engines, snippeted and shown as itself, and a bare id that names both is refused
// with the way to pick one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

constexpr const char* kAccountA = "user-AccountFixtureA000001";
constexpr const char* kAccountB = "user-AccountFixtureB000001";

json parse_or_fail(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << text;
  return j;
}

class TwoAccounts : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"account-a.zip", "account-b.zip"}) {
      auto r = cli.run({"import", std::string(AFTERGLOW_FIXTURES) + "/" + name});
      ASSERT_EQ(r.status, 0) << r.err;
    }
    auto listed = parse_or_fail(cli.run({"list", "--json"}).out);
    ASSERT_EQ(listed.size(), 2u) << listed.dump(2);
    ASSERT_EQ(listed[0]["id"], listed[1]["id"]);  // one id, two copies
    shared_id = listed[0]["id"];
  }

  json search(const std::string& engine, const std::string& query) const {
    auto r = cli.run({"search", "--json", "--engine", engine, query});
    EXPECT_EQ(r.status, 0) << r.err;
    return parse_or_fail(r.out)["hits"];
  }

  CliRunner cli;
  std::string shared_id;
};

TEST_F(TwoAccounts, EachEngineFindsAWordOfEachCopyWithThatCopysSnippet) {
  for (const char* engine : {"xapian", "fts5"}) {
    SCOPED_TRACE(engine);
    const json a = search(engine, "zucchini");
    ASSERT_EQ(a.size(), 1u) << a.dump(2);
    EXPECT_EQ(a[0]["account"], kAccountA);
    EXPECT_EQ(a[0]["title"], "Garden notes");
    EXPECT_NE(a[0]["snippet"].get<std::string>().find("zucchini"), std::string::npos) << a.dump(2);

    const json b = search(engine, "Matterhorn");
    ASSERT_EQ(b.size(), 1u) << b.dump(2);
    EXPECT_EQ(b[0]["account"], kAccountB);
    EXPECT_EQ(b[0]["title"], "Mountain facts");
    EXPECT_NE(b[0]["snippet"].get<std::string>().find("Matterhorn"), std::string::npos)
        << b.dump(2);
    EXPECT_EQ(a[0]["conversation"], b[0]["conversation"]);
    EXPECT_EQ(a[0]["node"], b[0]["node"]);  // even the node ids are the same
  }
}

TEST_F(TwoAccounts, TheAccountFieldFindsEachCopy) {
  for (const char* engine : {"xapian", "fts5"}) {
    SCOPED_TRACE(engine);
    const std::string a = std::string("account:") + kAccountA;
    const json in_a = search(engine, a);
    ASSERT_FALSE(in_a.empty());
    for (const auto& hit : in_a) EXPECT_EQ(hit["account"], kAccountA);
    EXPECT_TRUE(search(engine, a + " Matterhorn").empty());
    EXPECT_EQ(search(engine, std::string("account:") + kAccountB + " Matterhorn").size(), 1u);
  }
}

TEST_F(TwoAccounts, ShowPicksTheCopyByAccount) {
  auto a = cli.run({"show", shared_id, "--account", kAccountA});
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_NE(a.out.find("zucchini"), std::string::npos) << a.out;
  EXPECT_EQ(a.out.find("Matterhorn"), std::string::npos) << a.out;

  auto b = cli.run({"show", "--json", shared_id, "--account", kAccountB});
  ASSERT_EQ(b.status, 0) << b.err;
  const json shown = parse_or_fail(b.out);
  EXPECT_EQ(shown["account"], kAccountB);
  EXPECT_NE(b.out.find("Matterhorn"), std::string::npos);
  EXPECT_EQ(b.out.find("zucchini"), std::string::npos);
}

TEST_F(TwoAccounts, ABareIdHeldByBothIsAmbiguousAndSaysHowToPick) {
  for (const std::string& id : {shared_id, shared_id.substr(0, 8)}) {
    auto r = cli.run({"show", id});
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(r.out.empty()) << r.out;
    // One line, naming both accounts and the option that picks one.
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    EXPECT_NE(r.err.find(kAccountA), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(kAccountB), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--account"), std::string::npos) << r.err;
  }
  auto unknown = cli.run({"show", shared_id, "--account", "user-nobody"});
  EXPECT_EQ(unknown.status, 1) << unknown.err;
}

TEST_F(TwoAccounts, TheSearchHintNamesTheAccount) {
  auto r = cli.run({"search", "Matterhorn"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("afterglow show " + shared_id + " --account " + kAccountB),
            std::string::npos)
      << r.out;
}

TEST_F(TwoAccounts, VerifyFindsBothIndexesComplete) {
  ASSERT_EQ(cli.run({"search", "zucchini"}).status, 0);
  ASSERT_EQ(cli.run({"search", "--engine", "fts5", "zucchini"}).status, 0);
  auto r = cli.run({"verify"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
}

}  // namespace
}  // namespace afterglow::testing
