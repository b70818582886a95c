// The pages a read-only server shows before anything is imported, and the app's pages there:
// the welcome page at /, /import, /book and /export saying how to do it on the command line
// instead.
#include <gtest/gtest.h>

#include <fstream>

#include "server/running_server.h"

namespace afterglow::testing {
namespace {

class WelcomeTest : public ServerSuite<WelcomeTest> {
 protected:
  static void SetUpTestSuite() {
    // An export with no conversation makes an archive that has none.
    auto archive = std::make_unique<ScratchArchive>(std::vector<std::filesystem::path>{});
    const auto empty = archive->path().parent_path() / "conversations.json";
    std::ofstream(empty) << "[]";
    ASSERT_EQ(archive->import(empty), 0);
    serve(std::move(archive));
  }
  static std::string page(const std::string& path, const std::string& accept_language = "en") {
    auto r = server_->client().Get(path.c_str(), {{"Accept-Language", accept_language}});
    EXPECT_TRUE(r) << path;
    if (!r) return "";
    EXPECT_EQ(r->status, 200) << path;
    return r->body;
  }
  static bool has(const std::string& body, const std::string& part) {
    return body.find(part) != std::string::npos;
  }
};

TEST_F(WelcomeTest, AnEmptyArchiveIsWelcomedWithHowToGetTheExport) {
  const std::string en = page("/");
  EXPECT_TRUE(has(en, "<h1>Keep your conversations with ChatGPT</h1>"));
  EXPECT_TRUE(has(en, "Settings → Data controls → Export data"));
  EXPECT_TRUE(has(en, "expires after 24 hours"));
  EXPECT_TRUE(has(en, "Privacy Portal"));
  EXPECT_FALSE(has(en, "Recent conversations"));

  const std::string zh = page("/", "zh-CN,zh;q=0.9");
  EXPECT_TRUE(has(zh, "<html lang=\"zh-CN\""));
  EXPECT_TRUE(has(zh, "设置 → 数据管控 → 导出数据"));
  EXPECT_TRUE(has(zh, "24 小时后就会失效"));
}

TEST_F(WelcomeTest, TheWelcomeSaysHowToBringClaudeGeminiAndGrokConversationsToo) {
  const std::string en = page("/");
  EXPECT_TRUE(has(en, "Conversations with Claude, Gemini or Grok go into the same archive"));
  EXPECT_TRUE(has(en, "Settings → Privacy → Export data"));
  EXPECT_TRUE(has(en, "Gemini: on takeout.google.com"));
  EXPECT_TRUE(has(en, "accounts.x.ai"));
  const std::string zh = page("/", "zh-CN,zh;q=0.9");
  EXPECT_TRUE(has(zh, "和 Claude、Gemini、Grok 的对话也能放进同一份存档"));
  EXPECT_TRUE(has(zh, "设置 → 隐私 → 导出数据"));
  EXPECT_TRUE(has(zh, "Gemini：在 takeout.google.com 上只勾选"));
}

TEST_F(WelcomeTest, AReadOnlyServerSaysHowToImportOnTheCommandLine) {
  for (const char* path : {"/", "/import"}) {
    const std::string body = page(path);
    EXPECT_TRUE(has(body, "<pre class=\"command\">afterglow import ")) << path;
    EXPECT_TRUE(has(body, "<code>afterglow app</code>")) << path;
    EXPECT_FALSE(has(body, "id=\"drop-zone\"")) << path;
    EXPECT_FALSE(has(body, "app-import.js")) << path;
  }
  const std::string book = page("/book");
  EXPECT_TRUE(has(book, "<pre class=\"command\">afterglow book "));
  EXPECT_FALSE(has(book, "id=\"book-form\""));
  const std::string exports = page("/export");
  EXPECT_TRUE(has(exports, "<pre class=\"command\">afterglow export --format "));
  EXPECT_FALSE(has(exports, "id=\"export-form\""));
  EXPECT_FALSE(has(exports, "app-export.js"));
}

TEST_F(WelcomeTest, AReadOnlyServerCarriesNoWriteTokenAndOffersNoChange) {
  for (const char* path : {"/", "/import", "/book", "/export", "/conversations"}) {
    const std::string body = page(path);
    EXPECT_FALSE(has(body, "name=\"afterglow-token\"")) << path;
    EXPECT_FALSE(has(body, "href=\"/export\"")) << path;
    EXPECT_FALSE(has(body, "href=\"/import\"")) << path;
    EXPECT_FALSE(has(body, "href=\"/book\"")) << path;
    EXPECT_TRUE(has(body, "Read-only · nothing leaves this computer")) << path;
  }
}

}  // namespace
}  // namespace afterglow::testing
