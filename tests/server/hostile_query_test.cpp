// What the server answers to addresses no form of its own would make: bytes that are not UTF-8
// in a parameter or a path segment, and queries nested or long past any human use. Always a
// 400 that says why (a page for people, JSON for the API), never a 500, and the server stays up.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "afterglow/indexer/query.h"
#include "afterglow/platform/platform.h"
#include "server/running_server.h"

namespace afterglow::testing {
namespace {

class HostileQueryTest : public ServerSuite<HostileQueryTest> {
 protected:
  static void SetUpTestSuite() {
    platform::set_time_zone("Asia/Shanghai");
    serve(std::make_unique<ScratchArchive>(std::vector{example_export()}));
  }

  static std::string first_conversation_id() {
    auto r = get("/api/conversations");
    if (!r || r->status != 200) return "";
    auto list = nlohmann::json::parse(r->body);
    return list.empty() ? "" : list[0]["id"].get<std::string>();
  }
};

// %C3 alone is the start of a two-byte character with nothing after it; %FF is never UTF-8;
// %ED%A0%80 is a UTF-16 surrogate written as UTF-8; %C0%AF an overlong '/'.
TEST_F(HostileQueryTest, InvalidUtf8InAPageAddressIsAFriendly400) {
  const std::string id = first_conversation_id();
  ASSERT_FALSE(id.empty());
  for (const std::string& path : std::vector<std::string>{
           "/c/" + id + "?q=%C3", "/c/" + id + "?node=%FF", "/search?q=%FF", "/search?q=a%ED%A0%80",
           "/conversations?model=%C0%AF", "/c/%FF%FE", "/?lang=%E5%8E"}) {
    for (const char* language : {"en", "zh-CN"}) {
      auto r = get(path, {{"Accept-Language", language}});
      ASSERT_TRUE(r) << path;
      EXPECT_EQ(r->status, 400) << path;
      EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
      const std::string sentence = std::string(language) == "en"
                                       ? "This address holds bytes that are not text"
                                       : "这个地址里有不是文字的字节";
      EXPECT_NE(r->body.find(sentence), std::string::npos) << path << ": " << r->body;
    }
  }
  // Still serving.
  auto home = get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
}

TEST_F(HostileQueryTest, InvalidUtf8InAnApiAddressIsA400InJson) {
  const std::string id = first_conversation_id();
  ASSERT_FALSE(id.empty());
  for (const std::string& path :
       {std::string("/api/search?q=%FF"), std::string("/api/search?q=%C3"),
        "/api/conversations/" + id + "%C3", std::string("/api/conversations?model=%80")}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    const auto body = nlohmann::json::parse(r->body);
    ASSERT_TRUE(body.contains("error")) << path;
    EXPECT_NE(body["error"].get<std::string>().find("not valid UTF-8"), std::string::npos)
        << path << ": " << r->body;
  }
}

TEST_F(HostileQueryTest, QueriesNestedTooDeeplyAreA400WithTheReason) {
  const std::string deep(indexer::kMaxQueryDepth + 8, '(');
  auto page = get("/search?q=" + deep + "a");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 400);
  EXPECT_NE(page->body.find("nested too deeply"), std::string::npos) << page->body;
  auto api = get("/api/search?q=" + deep + "a");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 400);
  EXPECT_NE(nlohmann::json::parse(api->body)["error"].get<std::string>().find("nested too deeply"),
            std::string::npos)
      << api->body;
  // A conversation page only marks the query's words: a query it cannot parse marks none.
  const std::string id = first_conversation_id();
  auto conversation = get("/c/" + id + "?q=" + deep + "a");
  ASSERT_TRUE(conversation);
  EXPECT_EQ(conversation->status, 200);
}

}  // namespace
}  // namespace afterglow::testing
