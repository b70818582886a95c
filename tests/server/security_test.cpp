// What keeps the reader private: the Host and Origin checks (DNS rebinding), the access token
// of a non-loopback server, the Content-Security-Policy, escaping, no CORS.
#include <gtest/gtest.h>

#include "afterglow/platform/platform.h"

#include <nlohmann/json.hpp>
#include <regex>

#include "afterglow/server/access_token.h"
#include "afterglow/server/host_check.h"
#include "afterglow/server/ids.h"
#include "afterglow/server/security_headers.h"
#include "server/running_server.h"

namespace afterglow::testing {
namespace {

using server::HostCheck;

TEST(HostCheck, LoopbackNamesWithTheRightPortOnly) {
  HostCheck check("127.0.0.1", 8080);
  EXPECT_TRUE(check.host_allowed("127.0.0.1:8080"));
  EXPECT_TRUE(check.host_allowed("localhost:8080"));
  EXPECT_TRUE(check.host_allowed("LOCALHOST:8080"));
  EXPECT_TRUE(check.host_allowed("[::1]:8080"));
  EXPECT_FALSE(check.host_allowed("127.0.0.1:8081"));
  EXPECT_FALSE(check.host_allowed("127.0.0.1"));
  EXPECT_FALSE(check.host_allowed("evil.example:8080"));
  EXPECT_FALSE(check.host_allowed("localhost.evil.example:8080"));
  EXPECT_FALSE(check.host_allowed("192.168.1.5:8080"));
  EXPECT_FALSE(check.host_allowed(""));
  EXPECT_TRUE(check.origin_allowed(""));
  EXPECT_TRUE(check.origin_allowed("http://localhost:8080"));
  EXPECT_FALSE(check.origin_allowed("http://evil.example"));
  EXPECT_FALSE(check.origin_allowed("https://localhost:8080"));
  EXPECT_FALSE(check.origin_allowed("null"));
}

TEST(HostCheck, BoundAddressAndWildcardBinds) {
  HostCheck lan("192.168.1.5", 9000);
  EXPECT_TRUE(lan.host_allowed("192.168.1.5:9000"));
  EXPECT_TRUE(lan.host_allowed("127.0.0.1:9000"));
  EXPECT_FALSE(lan.host_allowed("192.168.1.6:9000"));
  EXPECT_FALSE(lan.host_allowed("myhost.lan:9000"));
  HostCheck v6("fe80::1", 9000);
  EXPECT_TRUE(v6.host_allowed("[fe80::1]:9000"));
  // Every interface: IP literals are accepted (rebinding needs a DNS name), names are not.
  HostCheck any("0.0.0.0", 9000);
  EXPECT_TRUE(any.host_allowed("10.1.2.3:9000"));
  EXPECT_TRUE(any.host_allowed("[2001:db8::7]:9000"));
  EXPECT_FALSE(any.host_allowed("10.1.2.3:9001"));
  EXPECT_FALSE(any.host_allowed("attacker.example:9000"));
  EXPECT_FALSE(any.host_allowed("[nonsense]:9000"));
}

TEST(HostCheck, LoopbackAddresses) {
  EXPECT_TRUE(server::is_loopback_address("127.0.0.1"));
  EXPECT_TRUE(server::is_loopback_address("127.1.2.3"));
  EXPECT_TRUE(server::is_loopback_address("::1"));
  EXPECT_TRUE(server::is_loopback_address("localhost"));
  EXPECT_FALSE(server::is_loopback_address("0.0.0.0"));
  EXPECT_FALSE(server::is_loopback_address("::"));
  EXPECT_FALSE(server::is_loopback_address("192.168.1.5"));
  EXPECT_FALSE(server::is_loopback_address("127.evil.example"));
}

TEST(AccessToken, RandomHexAndCompared) {
  std::string a = server::random_token(), b = server::random_token();
  EXPECT_TRUE(std::regex_match(a, std::regex("[0-9a-f]{32}")));
  EXPECT_NE(a, b);
  EXPECT_TRUE(server::same_token(a, a));
  EXPECT_FALSE(server::same_token(b, a));
  EXPECT_FALSE(server::same_token(a.substr(0, 31), a));
  EXPECT_FALSE(server::same_token("", ""));  // no token is never a match
  EXPECT_EQ(server::cookie_value("a=1; afterglow_token=xyz; b=2", "afterglow_token"), "xyz");
  EXPECT_EQ(server::cookie_value("xafterglow_token=xyz", "afterglow_token"), std::nullopt);
  EXPECT_EQ(server::cookie_value("", "afterglow_token"), std::nullopt);
  std::string cookie = server::token_cookie(a);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST(Ids, OnlyWhatExportsUse) {
  EXPECT_TRUE(server::valid_conversation_id("aa06b67a-7532-57bd-ad5b-f648585434d4"));
  EXPECT_TRUE(server::valid_conversation_id("aa06b67a"));
  EXPECT_TRUE(server::valid_node_id("client-created-root"));
  EXPECT_FALSE(server::valid_conversation_id(""));
  EXPECT_FALSE(server::valid_conversation_id(".."));
  EXPECT_FALSE(server::valid_conversation_id("a/b"));
  EXPECT_FALSE(server::valid_conversation_id("<script>"));
  EXPECT_FALSE(server::valid_conversation_id(std::string(129, 'a')));
  EXPECT_FALSE(server::valid_conversation_id(std::string("a\0b", 3)));
  EXPECT_TRUE(server::valid_sha256(std::string(64, 'a')));
  EXPECT_FALSE(server::valid_sha256(std::string(64, 'A')));
  EXPECT_FALSE(server::valid_sha256(std::string(63, 'a')));
  EXPECT_TRUE(server::valid_asset_name("katex/fonts/KaTeX_Main-Regular.woff2"));
  EXPECT_FALSE(server::valid_asset_name("../etc/passwd"));
  EXPECT_FALSE(server::valid_asset_name("katex/../../x"));
  EXPECT_FALSE(server::valid_asset_name("/etc/passwd"));
  EXPECT_FALSE(server::valid_asset_name("a//b"));
  EXPECT_FALSE(server::valid_asset_name("a/./b"));
  EXPECT_FALSE(server::valid_asset_name("a\\b"));
}

class SecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    platform::set_time_zone("Asia/Shanghai");
    archive_ = new ScratchArchive({example_export()});
  }
  static void TearDownTestSuite() { delete archive_; }
  static server::ServerOptions options(const std::string& token = "") {
    server::ServerOptions o;
    o.archive = archive_->path();
    o.threads = 2;
    o.token = token;
    return o;
  }
  static ScratchArchive* archive_;
};
ScratchArchive* SecurityTest::archive_ = nullptr;

TEST_F(SecurityTest, ForeignHostOrOriginIsRefused) {
  RunningServer s(options());
  auto c = s.client();
  EXPECT_EQ(c.Get("/")->status, 200);
  EXPECT_EQ(c.Get("/", {{"Host", "rebind.attacker.example:" + std::to_string(s.port())}})->status,
            403);
  EXPECT_EQ(
      c.Get("/api/conversations", {{"Host", "localhost:" + std::to_string(s.port())}})->status,
      200);
  EXPECT_EQ(c.Get("/api/conversations", {{"Origin", "http://attacker.example"}})->status, 403);
  auto answer = s.raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");  // no Host at all
  EXPECT_EQ(RunningServer::status_of(answer), 403);
}

TEST_F(SecurityTest, PagesCarryAStrictPolicyAndNoCors) {
  RunningServer s(options());
  auto c = s.client();
  for (const char* path : {"/", "/search?q=x", "/api/conversations", "/nowhere"}) {
    auto r = c.Get(path, {{"Origin", "http://127.0.0.1:" + std::to_string(s.port())}});
    ASSERT_TRUE(r) << path;
    std::string csp = r->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << path;
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin")) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY") << path;
  }
  EXPECT_EQ(server::page_content_security_policy().find("unsafe-eval"), std::string::npos);
}

TEST_F(SecurityTest, PagesHaveNoInlineScriptAndEscapeWhatTheyEcho) {
  RunningServer s(options());
  auto c = s.client();
  auto r = c.Get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body.find("<script>alert"), std::string::npos);
  EXPECT_NE(r->body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"), std::string::npos);
  auto id_json = c.Get("/api/conversations?limit=1");
  for (const char* path : {"/", "/search?q=%E5%8E%8B%E5%8A%9B", "/conversations"}) {
    auto page = c.Get(path);
    std::regex script("<script([^>]*)>");
    for (auto it = std::sregex_iterator(page->body.begin(), page->body.end(), script);
         it != std::sregex_iterator(); ++it) {
      std::string attributes = (*it)[1];
      EXPECT_TRUE(attributes.find("src=\"/assets/") != std::string::npos ||
                  attributes.find("type=\"application/json\"") != std::string::npos)
          << path << ": " << it->str();
    }
  }
}

TEST_F(SecurityTest, TokenIsRequiredThenKeptInACookie) {
  const std::string token = server::random_token();
  RunningServer s(options(token));
  auto c = s.client();
  EXPECT_EQ(c.Get("/")->status, 403);
  EXPECT_EQ(c.Get("/api/conversations")->status, 403);
  EXPECT_EQ(c.Get(("/?token=" + server::random_token()).c_str())->status, 403);
  EXPECT_EQ(c.Get("/", {{"Cookie", "afterglow_token=" + server::random_token()}})->status, 403);

  auto first = c.Get(("/search?q=x&token=" + token).c_str());
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 303);
  EXPECT_EQ(first->get_header_value("Location"), "/search?q=x");  // the token leaves the URL
  std::string cookie = first->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("afterglow_token=" + token), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);

  EXPECT_EQ(c.Get("/", {{"Cookie", "afterglow_lang=en; afterglow_token=" + token}})->status, 200);
  EXPECT_EQ(c.Get("/api/conversations", {{"Cookie", "afterglow_token=" + token}})->status, 200);
}

TEST_F(SecurityTest, ServesWhatAnImportInAnotherProcessCommits) {
  ScratchArchive growing({example_export()});
  server::ServerOptions o = options();
  o.archive = growing.path();
  RunningServer s(o);
  auto c = s.client();
  // "夢" (traditional) and its conversation are only in the second export.
  auto before = nlohmann::json::parse(c.Get("/api/search?q=%E5%A4%A2")->body);
  EXPECT_TRUE(before["hits"].empty());
  EXPECT_EQ(nlohmann::json::parse(c.Get("/api/conversations")->body).size(), 8u);

  ASSERT_EQ(growing.import(std::filesystem::path(AFTERGLOW_FIXTURES) / "chinese.json"), 0);

  EXPECT_EQ(nlohmann::json::parse(c.Get("/api/conversations")->body).size(), 11u);
  auto after = nlohmann::json::parse(c.Get("/api/search?q=%E5%A4%A2")->body);
  ASSERT_FALSE(after["hits"].empty());
  EXPECT_EQ(after["hits"][0]["title"], "昨晚的夢");
  auto fts5 = nlohmann::json::parse(c.Get("/api/search?q=%E5%A4%A2&engine=fts5")->body);
  EXPECT_FALSE(fts5["hits"].empty());
}

}  // namespace
}  // namespace afterglow::testing
