// Two accounts holding one conversation id: the reader links each search hit to its own copy,
// an address that names no account offers the choice, and the API answers the same way.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "afterglow/platform/platform.h"
#include "server/running_server.h"

namespace afterglow::testing {
namespace {

constexpr const char* kAccountA = "user-AccountFixtureA000001";
constexpr const char* kAccountB = "user-AccountFixtureB000001";

class TwoAccountsServer : public ServerSuite<TwoAccountsServer> {
 protected:
  static void SetUpTestSuite() {
    platform::set_time_zone("Asia/Shanghai");
    const std::filesystem::path fixtures(AFTERGLOW_FIXTURES);
    serve(std::make_unique<ScratchArchive>(
        std::vector{fixtures / "account-a.zip", fixtures / "account-b.zip"}));
  }
  static std::string shared_id() {
    auto list = nlohmann::json::parse(get("/api/conversations")->body);
    EXPECT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["id"], list[1]["id"]);
    return list[0]["id"];
  }
  // The href of the first search hit on the page for `query`.
  static std::string first_hit_link(const std::string& query) {
    const std::string body = get("/search?q=" + query)->body;
    const std::string start = "href=\"/c/";
    size_t at = body.find(start);
    if (at == std::string::npos) return "";
    at += 6;
    std::string href = body.substr(at, body.find('"', at) - at);
    // The page writes & as &amp; inside attributes.
    for (size_t amp; (amp = href.find("&amp;")) != std::string::npos;) href.replace(amp, 5, "&");
    return href;
  }
};

TEST_F(TwoAccountsServer, EachSearchHitOpensItsOwnCopy) {
  const std::string b = first_hit_link("Matterhorn");
  ASSERT_FALSE(b.empty());
  EXPECT_NE(b.find(std::string("account=") + kAccountB), std::string::npos) << b;
  auto page_b = get(b);
  ASSERT_TRUE(page_b);
  EXPECT_EQ(page_b->status, 200) << b;
  EXPECT_NE(page_b->body.find("<h1>Mountain facts</h1>"), std::string::npos);
  EXPECT_EQ(page_b->body.find("zucchini"), std::string::npos);

  const std::string a = first_hit_link("zucchini");
  EXPECT_NE(a.find(std::string("account=") + kAccountA), std::string::npos) << a;
  auto page_a = get(a);
  EXPECT_EQ(page_a->status, 200) << a;
  EXPECT_NE(page_a->body.find("<h1>Garden notes</h1>"), std::string::npos);
  EXPECT_EQ(page_a->body.find("Matterhorn"), std::string::npos);
}

TEST_F(TwoAccountsServer, ABareAddressOffersTheChoice) {
  const std::string id = shared_id();
  auto choice = get("/c/" + id);
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->status, 300);
  EXPECT_EQ(choice->get_header_value("Content-Type"), "text/html; charset=utf-8");
  for (const char* account : {kAccountA, kAccountB}) {
    EXPECT_NE(choice->body.find("href=\"/c/" + id + "?account=" + account + "\""),
              std::string::npos)
        << choice->body;
  }
  EXPECT_EQ(get("/c/" + id + "?account=user-nobody")->status, 404);
}

TEST_F(TwoAccountsServer, TheApiNamesTheAccountsAndServesEach) {
  const std::string id = shared_id();
  auto bare = get("/api/conversations/" + id);
  EXPECT_EQ(bare->status, 409);
  auto answer = nlohmann::json::parse(bare->body);
  ASSERT_EQ(answer["accounts"].size(), 2u) << bare->body;
  EXPECT_EQ(answer["accounts"][0]["account"], kAccountA);
  EXPECT_EQ(answer["accounts"][1]["account"], kAccountB);

  auto b = get(answer["accounts"][1]["url"].get<std::string>());
  ASSERT_EQ(b->status, 200);
  const auto conversation = nlohmann::json::parse(b->body);
  EXPECT_EQ(conversation["account"], kAccountB);
  EXPECT_EQ(conversation["title"], "Mountain facts");

  auto hits = nlohmann::json::parse(get("/api/search?q=zucchini")->body)["hits"];
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["account"], kAccountA);
}

}  // namespace
}  // namespace afterglow::testing
