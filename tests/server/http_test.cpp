// The server over HTTP, against a real archive: status codes, content types, the JSON API,
// Range requests, and what a hostile or broken request gets.
#include <gtest/gtest.h>

#include "afterglow/platform/platform.h"

#include <nlohmann/json.hpp>

#include "server/running_server.h"

namespace afterglow::testing {
namespace {

class HttpTest : public ServerSuite<HttpTest> {
 protected:
  static void SetUpTestSuite() {
    platform::set_time_zone("Asia/Shanghai");
    serve(std::make_unique<ScratchArchive>(std::vector{example_export()}), 4);
  }

  // The id of the conversation titled `title`, through the API.
  static std::string id_of(const std::string& title) {
    auto r = get("/api/conversations");
    for (const auto& c : nlohmann::json::parse(r->body)) {
      if (c["title"] == title) return c["id"];
    }
    return "";
  }
  // The first voice clip of the voice conversation: its sha256 and size.
  static std::pair<std::string, int64_t> voice_blob() {
    auto r = get("/api/conversations/" + id_of("梦见外婆"));
    const auto conversation = nlohmann::json::parse(r->body);
    for (const auto& m : conversation["messages"]) {
      for (const auto& a : m["attachments"]) {
        if (a["kind"] == "audio" && a["available"] == true) return {a["sha256"], a["size"]};
      }
    }
    return {"", 0};
  }
};

TEST_F(HttpTest, PagesAnswerHtmlWithTheirContent) {
  const std::string id = id_of("工作压力和睡不着");
  ASSERT_FALSE(id.empty());
  struct Case {
    std::string path;
    std::string contains;
  };
  for (const Case& c : std::vector<Case>{
           {"/", "Recent conversations"},
           {"/conversations", "Foundation and psychohistory"},
           {"/search?q=%E5%8E%8B%E5%8A%9B", "<mark>压力</mark>"},
           {"/search?q=%E5%8E%8B%E5%8A%9B&engine=fts5", "<mark>压力</mark>"},
           {"/search", "model:"},
           {"/c/" + id, "<h1>工作压力和睡不着</h1>"},
           {"/c/" + id.substr(0, 8), "<h1>工作压力和睡不着</h1>"},  // a unique prefix
       }) {
    auto r = get(c.path);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, 200) << c.path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << c.path;
    EXPECT_NE(r->body.find(c.contains), std::string::npos) << c.path;
  }
}

TEST_F(HttpTest, SearchHitsLinkToTheirMessage) {
  auto r = get("/search?q=%E5%8E%8B%E5%8A%9B");
  const std::string id = id_of("工作压力和睡不着");
  EXPECT_NE(r->body.find("href=\"/c/" + id + "?node="), std::string::npos);
  EXPECT_NE(r->body.find("#m-"), std::string::npos);
}

TEST_F(HttpTest, FormsWriteSpacesAsPlus) {
  // The search box submits "工作 压力" as q=%E5%B7%A5%E4%BD%9C+%E5%8E%8B%E5%8A%9B.
  auto page = get("/search?q=%E5%B7%A5%E4%BD%9C+%E5%8E%8B%E5%8A%9B");
  EXPECT_NE(page->body.find("value=\"工作 压力\""), std::string::npos);
  EXPECT_NE(page->body.find("<mark>压力</mark>"), std::string::npos);
  auto api = nlohmann::json::parse(get("/api/search?q=has%3Abranch+%E5%8E%8B%E5%8A%9B")->body);
  ASSERT_FALSE(api["hits"].empty());
  EXPECT_EQ(api["hits"][0]["title"], "工作压力和睡不着");
  // %2B is a real plus.
  auto plus = get("/search?q=c%2B%2B");
  EXPECT_NE(plus->body.find("value=\"c++\""), std::string::npos);
}

TEST_F(HttpTest, ChineseInterfaceFromAcceptLanguageAndTheSwitch) {
  auto zh = get("/", {{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}});
  EXPECT_NE(zh->body.find("<html lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(zh->body.find("最近的对话"), std::string::npos);
  auto en = get("/", {{"Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"}});
  EXPECT_NE(en->body.find("<html lang=\"en\""), std::string::npos);
  // ?lang= wins and is remembered.
  auto switched = get("/?lang=zh", {{"Accept-Language", "en"}});
  EXPECT_NE(switched->body.find("最近的对话"), std::string::npos);
  EXPECT_NE(switched->get_header_value("Set-Cookie").find("afterglow_lang=zh"), std::string::npos);
  auto remembered = get("/", {{"Accept-Language", "en"}, {"Cookie", "afterglow_lang=zh"}});
  EXPECT_NE(remembered->body.find("最近的对话"), std::string::npos);
}

TEST_F(HttpTest, ApiMirrorsTheCli) {
  auto search = get("/api/search?q=%E5%8E%8B%E5%8A%9B");
  ASSERT_EQ(search->status, 200);
  EXPECT_EQ(search->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto results = nlohmann::json::parse(search->body);
  ASSERT_FALSE(results["hits"].empty());
  EXPECT_EQ(results["hits"][0]["title"], "工作压力和睡不着");
  EXPECT_GE(results["total"].get<int>(), 1);
  EXPECT_TRUE(results["facets"].contains("model"));
  EXPECT_TRUE(results["hits"][0].contains("highlights"));

  auto list = nlohmann::json::parse(get("/api/conversations")->body);
  EXPECT_EQ(list.size(), 8u);
  auto filtered = nlohmann::json::parse(get("/api/conversations?model=gpt-4")->body);
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0]["title"], "Foundation and psychohistory");
  auto limited = nlohmann::json::parse(get("/api/conversations?limit=2")->body);
  EXPECT_EQ(limited.size(), 2u);

  const std::string id = id_of("工作压力和睡不着");
  auto one = nlohmann::json::parse(get("/api/conversations/" + id)->body);
  EXPECT_EQ(one["id"], id);
  EXPECT_EQ(one["title"], "工作压力和睡不着");
  EXPECT_FALSE(one["messages"].empty());
}

TEST_F(HttpTest, ApiErrorsAreJson) {
  for (const auto& [path, status] : std::vector<std::pair<std::string, int>>{
           {"/api/search?q=%22unclosed", 400},
           {"/api/search", 400},
           {"/api/conversations/nope", 404},
           {"/api/conversations/%3Cscript%3E", 404},
           {"/api/conversations?after=yesterday", 400},
           {"/api/unknown", 404},
       }) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, status) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    EXPECT_TRUE(nlohmann::json::parse(r->body).contains("error")) << path;
  }
}

TEST_F(HttpTest, AssetsComeFromTheBinary) {
  for (const auto& [path, type] : std::vector<std::pair<std::string, std::string>>{
           {"/assets/book.css", "text/css; charset=utf-8"},
           {"/assets/serve.css", "text/css; charset=utf-8"},
           {"/assets/book.js", "text/javascript; charset=utf-8"},
           {"/assets/serve.js", "text/javascript; charset=utf-8"},
       }) {
    auto r = get(path);
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), type) << path;
    EXPECT_GT(r->body.size(), 500u) << path;
  }
  EXPECT_EQ(get("/assets/nothing.js")->status, 404);
}

TEST_F(HttpTest, AttachmentsHaveTheirTypeAndSupportRanges) {
  auto [sha, size] = voice_blob();
  ASSERT_FALSE(sha.empty());
  ASSERT_GT(size, 200);
  const std::string url = "/blob/" + sha;
  auto whole = get(url);
  ASSERT_EQ(whole->status, 200);
  EXPECT_EQ(whole->get_header_value("Content-Type"), "audio/wav");
  EXPECT_EQ(whole->get_header_value("Accept-Ranges"), "bytes");
  EXPECT_EQ(static_cast<int64_t>(whole->body.size()), size);
  EXPECT_EQ(whole->body.substr(0, 4), "RIFF");
  EXPECT_NE(whole->get_header_value("Content-Security-Policy").find("sandbox"), std::string::npos);

  auto first = get(url, {{"Range", "bytes=0-99"}});
  EXPECT_EQ(first->status, 206);
  EXPECT_EQ(first->get_header_value("Content-Range"), "bytes 0-99/" + std::to_string(size));
  EXPECT_EQ(first->body, whole->body.substr(0, 100));

  auto middle = get(url, {{"Range", "bytes=100-199"}});
  EXPECT_EQ(middle->status, 206);
  EXPECT_EQ(middle->body, whole->body.substr(100, 100));

  auto open_ended = get(url, {{"Range", "bytes=200-"}});
  EXPECT_EQ(open_ended->status, 206);
  EXPECT_EQ(open_ended->body, whole->body.substr(200));

  auto suffix = get(url, {{"Range", "bytes=-10"}});
  EXPECT_EQ(suffix->status, 206);
  EXPECT_EQ(suffix->body, whole->body.substr(static_cast<size_t>(size - 10)));

  auto clamped = get(url, {{"Range", "bytes=" + std::to_string(size - 1) + "-999999"}});
  EXPECT_EQ(clamped->status, 206);
  EXPECT_EQ(clamped->body, whole->body.substr(static_cast<size_t>(size - 1)));

  auto past_end = get(url, {{"Range", "bytes=" + std::to_string(size) + "-"}});
  EXPECT_EQ(past_end->status, 416);
  EXPECT_EQ(past_end->get_header_value("Content-Range"), "bytes */" + std::to_string(size));

  // Several ranges: the whole file, as RFC 9110 allows.
  auto several = get(url, {{"Range", "bytes=0-1,5-6"}});
  EXPECT_EQ(several->status, 200);
  EXPECT_EQ(several->body, whole->body);

  auto head = server_->client().Head(url.c_str());
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("Content-Length"), std::to_string(size));
  EXPECT_TRUE(head->body.empty());
}

TEST_F(HttpTest, BadIdsAndUnknownPathsAre404) {
  for (const std::string& path :
       std::vector<std::string>{"/c/does-not-exist", "/c/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                                "/c/" + std::string(300, 'a'), "/c/.hidden", "/blob/abc",
                                "/blob/" + std::string(64, 'g'), "/blob/" + std::string(64, '0'),
                                "/nowhere", "/c/", "/api/conversations/%00"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << path;
  }
}

TEST_F(HttpTest, TraversalThroughAssetUrlsFinds404) {
  for (const std::string& path : std::vector<std::string>{
           "/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
           "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/katex/../../CMakeLists.txt",
           "/assets//etc/passwd", "/assets/%2Fetc%2Fpasswd", "/blob/../../../etc/passwd",
           "/c/../../etc/passwd", "/assets/book.css%00.png"}) {
    std::string answer = server_->raw("GET " + path + " HTTP/1.1\r\nHost: " + server_->host() +
                                      "\r\nConnection: close\r\n\r\n");
    int status = RunningServer::status_of(answer);
    EXPECT_TRUE(status == 404 || status == 400) << path << " -> " << status;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
    EXPECT_EQ(answer.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

TEST_F(HttpTest, MalformedRequestsGetAnErrorAndTheServerStaysUp) {
  const std::string host = "Host: " + server_->host() + "\r\n";
  const std::string close = "Connection: close\r\n\r\n";
  struct Case {
    std::string request;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           {"GARBAGE\r\n\r\n", 400},
           {"GET\r\n\r\n", 400},
           {"GET / HTTP/9.9\r\n" + host + close, 400},
           {"GET /c/%ZZ HTTP/1.1\r\n" + host + close, 404},
           // Half a character: not UTF-8, refused before any page (hostile_query_test.cpp).
           {"GET /search?q=%E5%8E HTTP/1.1\r\n" + host + close, 400},
           {"GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n" + host + close, 414},
           {"GET / HTTP/1.1\r\n" + host + "X-Long: " + std::string(100000, 'x') + "\r\n" + close,
            400},
           {"POST /api/search HTTP/1.1\r\n" + host + "Content-Length: 5\r\n" + close + "hello",
            405},
           {"DELETE /c/x HTTP/1.1\r\n" + host + close, 405},
           {"GET / HTTP/1.1\r\n" + close, 403},  // no Host
           {"GET /blob/x HTTP/1.1\r\n" + host + "Range: bytes=zz\r\n" + close, 416},
       }) {
    std::string answer = server_->raw(c.request);
    EXPECT_EQ(RunningServer::status_of(answer), c.status) << c.request.substr(0, 40);
    EXPECT_EQ(answer.find("EXCEPTION_WHAT"), std::string::npos);
  }
  EXPECT_EQ(get("/")->status, 200);  // still serving
}

TEST_F(HttpTest, WritesAreRefused) {
  auto r = server_->client().Post("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
}

}  // namespace
}  // namespace afterglow::testing
