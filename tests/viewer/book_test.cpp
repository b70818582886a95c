#include <gtest/gtest.h>

#include <stdlib.h>
#include "afterglow/platform/platform.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "afterglow/model/errors.h"
#include "afterglow/viewer/html_assets.h"
#include "afterglow/viewer/html_book.h"
#include "afterglow/viewer/html_escape.h"
#include "html_test_conversations.h"

namespace afterglow::viewer {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A book source over conversations and blobs held in memory, counting how many conversations
// are loaded at once (the book must stream: one at a time).
struct MemorySource {
  std::map<std::string, model::Conversation> conversations;
  std::map<std::string, std::string> blobs;
  int loads = 0;

  BookSource source() {
    BookSource s;
    for (const auto& [id, c] : conversations) {
      store::ConversationSummary summary;
      summary.id = id;
      summary.title = c.title;
      summary.create_time = c.create_time;
      summary.source = "chatgpt";
      s.conversations.push_back(summary);
    }
    s.load = [this](const store::ConversationKey& key) {
      ++loads;
      return store::StoredConversation{conversations.at(key.id), "", false, ""};
    };
    s.blob_info = [this](const std::string& sha) -> std::optional<store::BlobInfo> {
      if (!blobs.contains(sha)) return std::nullopt;
      return store::BlobInfo{sha, static_cast<int64_t>(blobs[sha].size()), ""};
    };
    s.read_blob = [this](const std::string& sha,
                         const std::function<void(std::string_view)>& sink) {
      auto it = blobs.find(sha);
      if (it == blobs.end()) throw NotFound(sha + ": no such blob");
      sink(std::string_view(it->second).substr(0, 3));  // in pieces, as the store streams
      sink(std::string_view(it->second).substr(3));
    };
    s.originals = {{1, "conversations.json", 1234, std::string(64, 'c')}};
    return s;
  }
};

class BookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    platform::set_time_zone("Asia/Shanghai");
    dir_ = fs::temp_directory_path() /
           ("afterglow-book-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    memory_.conversations["aa06b67a"] = testing::branching_chinese();
    memory_.conversations["rich-1"] = testing::rich();
    memory_.blobs[std::string(64, 'a')] = "\x89PNG fake image";
    // The audio blob is missing from the archive although the attachment claims it.
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  MemorySource memory_;
};

TEST_F(BookTest, FolderBookHasEveryPageAStrictPolicyAndItsAssets) {
  BookOptions options;
  options.title = "Our <years>";
  options.dedication = "For Mom";
  options.made_at = 1750000000;
  auto report = write_book_folder(memory_.source(), options, dir_ / "book");
  EXPECT_EQ(report.conversations, 2);
  EXPECT_EQ(report.messages, 6);  // 3 + 3 on the displayed threads
  EXPECT_EQ(report.attachments_included, 1);
  EXPECT_EQ(report.attachments_unavailable, 2);  // one never exported, one lost from the archive
  EXPECT_EQ(memory_.loads, 2);                   // each conversation read once

  const fs::path book = dir_ / "book";
  for (const char* page :
       {"index.html", "about.html", "memories.html", "c/0001.html", "c/0002.html"}) {
    std::string html = slurp(book / page);
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "&#39;none&#39;; script-src &#39;self&#39;;"),
              std::string::npos)
        << page;
    EXPECT_EQ(html.find("http://"), std::string::npos) << page;
    EXPECT_EQ(html.find("<script>"), std::string::npos) << page;  // no inline script at all
  }
  // Oldest first; the Chinese conversation (April) before the dice one (August).
  std::string first = slurp(book / "c/0001.html");
  EXPECT_NE(first.find("<h1>工作压力和睡不着</h1>"), std::string::npos);
  EXPECT_NE(first.find("href=\"0002.html\""), std::string::npos);
  std::string second = slurp(book / "c/0002.html");
  EXPECT_NE(second.find("src=\"../assets/" + std::string(64, 'a') + ".png\""), std::string::npos);
  EXPECT_EQ(slurp(book / "assets" / (std::string(64, 'a') + ".png")), "\x89PNG fake image");
  EXPECT_FALSE(fs::exists(book / "assets" / (std::string(64, 'b') + ".wav")));

  std::string index = slurp(book / "index.html");
  EXPECT_NE(index.find("<h1 class=\"book-title\">Our &lt;years&gt;</h1>"), std::string::npos);
  EXPECT_NE(index.find("<p class=\"dedication\">For Mom</p>"), std::string::npos);
  EXPECT_NE(index.find("<h3 class=\"year\">2024</h3>"), std::string::npos);
  EXPECT_NE(index.find("<script src=\"assets/search-index.js\"></script>"), std::string::npos);
  EXPECT_NE(slurp(book / "about.html").find("conversations.json"), std::string::npos);
  EXPECT_NE(slurp(book / "memories.html").find("<svg class=\"calendar\""), std::string::npos);

  std::string search = slurp(book / "assets/search-index.js");
  EXPECT_EQ(search.rfind("window.AFTERGLOW_SEARCH = {", 0), 0u);
  EXPECT_NE(search.find("\"压力\":\"0\""), std::string::npos);  // a Chinese pair, in document 0
  EXPECT_NE(search.find("\"chance\":\"1\""), std::string::npos);

  EXPECT_TRUE(fs::exists(book / "assets/book.css"));
  EXPECT_TRUE(fs::exists(book / "assets/book.js"));
  // The dice conversation has math: KaTeX goes with the book when it was built in.
  EXPECT_EQ(fs::exists(book / "assets/katex/katex.min.js"), math_renderer_available());
  EXPECT_EQ(report.math_rendered, math_renderer_available());
  if (math_renderer_available()) {
    EXPECT_NE(second.find("<script src=\"../assets/katex/katex.min.js\"></script>"),
              std::string::npos);
    EXPECT_EQ(first.find("katex"), std::string::npos);  // only pages with math carry it
    std::string css = slurp(book / "assets/katex/katex.min.css");
    EXPECT_NE(css.find("url(fonts/KaTeX_Main-Regular.woff2)"), std::string::npos);
    EXPECT_EQ(css.find(".ttf"), std::string::npos);
    EXPECT_TRUE(fs::exists(book / "assets/katex/fonts/KaTeX_Main-Regular.woff2"));
  }
}

TEST(BookAssets, KatexIsEmbeddedInThisBuild) {
  // The project's install script runs npm ci in viewer/assets, so the tested build has KaTeX;
  // a build without it (AFTERGLOW_EXPECT_KATEX unset) is allowed and shows math as source.
  if (std::getenv("AFTERGLOW_EXPECT_KATEX") == nullptr && !math_renderer_available()) {
    GTEST_SKIP() << "built without KaTeX (run npm ci in viewer/assets)";
  }
  EXPECT_TRUE(math_renderer_available());
  EXPECT_TRUE(embedded_asset("katex/fonts/KaTeX_Main-Regular.woff2").has_value());
  EXPECT_TRUE(embedded_asset("book.css").has_value());
  EXPECT_TRUE(embedded_asset("book.js").has_value());
}

TEST_F(BookTest, SingleFileInlinesEverythingAndAllowsOnlyItsOwnScripts) {
  BookOptions options;
  options.lang = Lang::en;
  options.theme = Theme::dark;
  auto report = write_book_file(memory_.source(), options, dir_ / "book.html");
  EXPECT_EQ(report.conversations, 2);
  std::string html = slurp(dir_ / "book.html");
  EXPECT_FALSE(fs::exists(dir_ / "book.html.part"));
  EXPECT_NE(html.find("<html lang=\"en\" data-theme=\"dark\">"), std::string::npos);
  EXPECT_NE(html.find("<img src=\"data:image/png;base64,iVBORyBmYWtlIGltYWdl\""),
            std::string::npos);
  EXPECT_EQ(html.find("src=\"assets/"), std::string::npos);
  EXPECT_EQ(html.find("<link rel=\"stylesheet\""), std::string::npos);
  EXPECT_EQ(html.find("<script src="), std::string::npos);
  EXPECT_NE(html.find("<article class=\"conversation\" id=\"c-1\""), std::string::npos);
  EXPECT_NE(html.find("<script type=\"application/json\" id=\"search-data\">"), std::string::npos);
  // Each inline script is allowed by its hash, and nothing else is.
  size_t csp = html.find("script-src &#39;sha256-");
  ASSERT_NE(csp, std::string::npos);
  EXPECT_EQ(html.find("&#39;self&#39;; style-src"), std::string::npos);
  EXPECT_NE(html.find(csp_hash(*embedded_asset("book.js"))), std::string::npos);
}

TEST_F(BookTest, LanguageFollowsTheContent) {
  BookSource source = memory_.source();
  source.conversations.erase(source.conversations.begin() + 1);  // only the Chinese one
  write_book_folder(source, {}, dir_ / "zh");
  EXPECT_NE(slurp(dir_ / "zh/index.html").find("<html lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(slurp(dir_ / "zh/index.html").find(">目录</h2>"), std::string::npos);
}

TEST_F(BookTest, AnEmptyBookIsStillABook) {
  BookSource source = memory_.source();
  source.conversations.clear();
  auto report = write_book_folder(source, {}, dir_ / "empty");
  EXPECT_EQ(report.conversations, 0);
  EXPECT_TRUE(fs::exists(dir_ / "empty/index.html"));
  EXPECT_TRUE(fs::exists(dir_ / "empty/memories.html"));
}

}  // namespace
}  // namespace afterglow::viewer
