// /remembered lists the memory records, oldest first (an unchanged snapshot once), each linked to
// the message where it happened, and the link opens that message among the hidden ones.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "afterglow/platform/platform.h"
#include "server/running_server.h"

namespace afterglow::testing {
namespace {

class RememberedPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    platform::set_time_zone("Asia/Shanghai");
    const std::filesystem::path fixtures(AFTERGLOW_FIXTURES);
    archive_ = new ScratchArchive({fixtures / "memory-v1.zip", fixtures / "memory-v2.zip"});
    server::ServerOptions options;
    options.archive = archive_->path();
    options.threads = 2;
    server_ = new RunningServer(options);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete archive_;
  }
  static httplib::Result get(const std::string& path) {
    return server_->client().Get(path.c_str());
  }
  // Every href="/c/..." on the page, in order, with &amp; read back as &.
  static std::vector<std::string> message_links(const std::string& body) {
    std::vector<std::string> out;
    for (size_t at = 0; (at = body.find("href=\"/c/", at)) != std::string::npos;) {
      at += 6;
      std::string href = body.substr(at, body.find('"', at) - at);
      for (size_t amp; (amp = href.find("&amp;")) != std::string::npos;) href.replace(amp, 5, "&");
      out.push_back(href);
    }
    return out;
  }
  static ScratchArchive* archive_;
  static RunningServer* server_;
};
ScratchArchive* RememberedPage::archive_ = nullptr;
RunningServer* RememberedPage::server_ = nullptr;

TEST_F(RememberedPage, ListsEveryRecordWithALinkToItsMessage) {
  auto r = get("/remembered");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const std::string& body = r->body;
  EXPECT_NE(body.find("<h1>What it remembered</h1>"), std::string::npos);
  // Oldest first, each record once; the conversation deleted before the second export stays.
  const size_t cat = body.find("用户养了一只叫豆豆的橘猫。</blockquote>");
  const size_t tomatoes = body.find("User grows cherry tomatoes on a balcony.");
  const size_t move = body.find("用户九月搬到了上海。");
  ASSERT_NE(cat, std::string::npos) << body;
  ASSERT_NE(tomatoes, std::string::npos);
  ASSERT_NE(move, std::string::npos);
  EXPECT_LT(cat, tomatoes);
  EXPECT_LT(tomatoes, move);
  EXPECT_NE(body.find("<span class=\"kind\">Custom instructions</span>"), std::string::npos);
  EXPECT_NE(body.find("<span class=\"kind\">Its memory, as it stood</span>"), std::string::npos);

  // Seven records, the snapshot of the second export shown once: it had not changed.
  size_t snapshots = 0;
  for (size_t at = 0; (at = body.find("1. [2025-06-01]. ", at)) != std::string::npos; ++at) {
    ++snapshots;
  }
  EXPECT_EQ(snapshots, 1u);
  const auto links = message_links(body);
  ASSERT_EQ(links.size(), 6u) << body;
  const auto api = nlohmann::json::parse(get("/api/conversations")->body);
  std::string cat_id;
  for (const auto& c : api) {
    if (c["title"] == "记住我的猫") cat_id = c["id"];
  }
  ASSERT_FALSE(cat_id.empty());
  EXPECT_EQ(links[1].rfind("/c/" + cat_id + "?node=", 0), 0u) << links[1];
  EXPECT_NE(links[1].find("&all=1#m-"), std::string::npos) << links[1];

  // The link opens the conversation with the hidden bio message shown.
  const std::string node = links[1].substr(links[1].find("#m-") + 3);
  auto page = get(links[1].substr(0, links[1].find('#')));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("用户养了一只叫豆豆的橘猫。"), std::string::npos);
  EXPECT_NE(page->body.find(node), std::string::npos);
}

TEST_F(RememberedPage, InChineseAndLinkedFromTheHeader) {
  auto r = get("/remembered?lang=zh");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<h1>它记得的事</h1>"), std::string::npos);
  EXPECT_NE(r->body.find("<span class=\"kind\">记下了</span>"), std::string::npos);
  EXPECT_NE(r->body.find("见于《记住我的猫》"), std::string::npos);
  EXPECT_NE(get("/")->body.find("<a href=\"/remembered\">What it remembered</a>"),
            std::string::npos);
}

TEST_F(RememberedPage, OnlyGet) {
  auto r = server_->client().Post("/remembered", "", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_NE(r->status, 200);
}

}  // namespace
}  // namespace afterglow::testing
