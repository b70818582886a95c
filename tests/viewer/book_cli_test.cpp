// `afterglow book` end to end: the real binary imports real exports and writes books.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string output;  // stdout and stderr
};

CliRun run(const std::string& args, const std::string& env = "") {
  std::string command =
      env + " TZ=Asia/Shanghai '" + std::string(AFTERGLOW_BINARY) + "' " + args + " 2>&1";
  CliRun r;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class BookCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("afterglow-book-cli-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    archive_ = "--archive '" + (dir_ / "a.afterglow").string() + "' ";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string archive_;
};

TEST_F(BookCliTest, RealExportsWithBranchesAndCitations) {
  fs::path shared = AFTERGLOW_SHARED_FIXTURES;
  if (!fs::is_directory(shared)) GTEST_SKIP() << shared << " is absent (shared real exports)";
  for (const char* f :
       {"chatgpt/librechat-chatgpt-export.json", "chatgpt/librechat-chatgpt-tree.json",
        "chatgpt/librechat-chatgpt-citations.json"}) {
    CliRun imported = run(archive_ + "import '" + (shared / f).string() + "'");
    ASSERT_EQ(imported.status, 0) << imported.output;
  }
  CliRun book = run(archive_ + "book --out '" + (dir_ / "book").string() + "' --single-file '" +
                    (dir_ / "book.html").string() + "' --lang en");
  ASSERT_EQ(book.status, 0) << book.output;
  EXPECT_NE(book.output.find("Wrote "), std::string::npos);
  std::string all;
  for (const auto& entry : fs::directory_iterator(dir_ / "book" / "c")) all += slurp(entry.path());
  // The tree fixture has a regeneration and an edit: two switchable turns.
  EXPECT_NE(all.find("<div class=\"versions\">"), std::string::npos);
  EXPECT_NE(all.find("<h1>Assist user with summary</h1>"), std::string::npos);
  EXPECT_NE(all.find("<a href=\"https://"), std::string::npos);  // citations became links
  std::string single = slurp(dir_ / "book.html");
  EXPECT_NE(single.find("<div class=\"versions\">"), std::string::npos);
  EXPECT_NE(single.find("id=\"search-data\""), std::string::npos);
}

TEST_F(BookCliTest, ExampleExportFiltersAndOptions) {
  fs::path example = fs::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
  if (!fs::exists(example)) GTEST_SKIP() << example << " is absent";
  ASSERT_EQ(run(archive_ + "import '" + example.string() + "'").status, 0);

  CliRun some = run(archive_ +
                    "book --from 2025 --to 2025-03 --title '我的<书>' --author 林 "
                    "--theme light --include-hidden --out '" +
                    (dir_ / "some").string() + "'");
  ASSERT_EQ(some.status, 0) << some.output;
  EXPECT_TRUE(fs::exists(dir_ / "some/c/0002.html"));
  EXPECT_FALSE(fs::exists(dir_ / "some/c/0003.html"));  // Kyoto (Jan) and 外婆 (Mar) only
  std::string index = slurp(dir_ / "some/index.html");
  EXPECT_NE(index.find("<h1 class=\"book-title\">我的&lt;书&gt;</h1>"), std::string::npos);
  EXPECT_NE(index.find("data-theme=\"light\""), std::string::npos);
  EXPECT_NE(slurp(dir_ / "some/about.html").find("--from 2025; --to 2025-03"), std::string::npos);
  // Voice clips are copied out of the archive beside the pages.
  EXPECT_NE(slurp(dir_ / "some/c/0002.html")
                .find("<audio controls preload=\"metadata\" src=\"../assets/"),
            std::string::npos);

  CliRun one = run(archive_ + "book --conversation 33efda70 --lang zh --single-file '" +
                   (dir_ / "one.html").string() + "'");
  ASSERT_EQ(one.status, 0) << one.output;
  std::string html = slurp(dir_ / "one.html");
  EXPECT_NE(html.find("<h1>Dice probability homework</h1>"), std::string::npos);
  EXPECT_EQ(html.find("Birthday card for Mom"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(html.find("src=\"data:image/png;base64,"), std::string::npos);

  CliRun query = run(archive_ + "book 压力 --out '" + (dir_ / "query").string() + "'");
  ASSERT_EQ(query.status, 0) << query.output;
  EXPECT_TRUE(fs::exists(dir_ / "query/c/0001.html"));
  EXPECT_FALSE(fs::exists(dir_ / "query/c/0002.html"));
  EXPECT_NE(slurp(dir_ / "query/c/0001.html").find("工作压力和睡不着"), std::string::npos);
}

TEST_F(BookCliTest, ClearMessagesWhenSomethingIsMissing) {
  fs::path example = fs::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
  if (!fs::exists(example)) GTEST_SKIP() << example << " is absent";
  ASSERT_EQ(run(archive_ + "import '" + example.string() + "'").status, 0);
  CliRun nowhere = run(archive_ + "book");
  EXPECT_EQ(nowhere.status, 2);
  EXPECT_NE(nowhere.output.find("--out DIR, --single-file FILE.html or --pdf FILE"),
            std::string::npos);
  CliRun pdf = run(archive_ + "book --pdf '" + (dir_ / "b.pdf").string() + "'",
                   "AFTERGLOW_CHROMIUM=/nonexistent/chromium");
  EXPECT_EQ(pdf.status, 2);
  EXPECT_NE(pdf.output.find("--pdf needs Chromium, which is not installed"), std::string::npos);
  CliRun bad_date = run(archive_ + "book --from 2024-13 --out '" + (dir_ / "x").string() + "'");
  EXPECT_EQ(bad_date.status, 2);
  EXPECT_NE(bad_date.output.find("--from 2024-13: not a date"), std::string::npos);
}

// One version number, CMake's project version: --version prints it and every book's about page
// names the program that made it with the same words, in both languages and both forms.
TEST_F(BookCliTest, AboutPageNamesTheVersionThatMadeIt) {
  fs::path example = fs::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
  if (!fs::exists(example)) GTEST_SKIP() << example << " is absent";
  CliRun version = run("--version");
  ASSERT_EQ(version.status, 0) << version.output;
  std::string name = version.output.substr(0, version.output.find_last_not_of("\r\n") + 1);
  ASSERT_EQ(name, std::string("afterglow ") + AFTERGLOW_VERSION);
  ASSERT_EQ(run(archive_ + "import '" + example.string() + "'").status, 0);
  for (const char* lang : {"en", "zh"}) {
    fs::path book = dir_ / (std::string("book-") + lang);
    fs::path single = dir_ / (std::string("single-") + lang + ".html");
    CliRun made = run(archive_ + "book --lang " + lang + " --out '" + book.string() +
                      "' --single-file '" + single.string() + "'");
    ASSERT_EQ(made.status, 0) << made.output;
    std::string about = slurp(book / "about.html");
    size_t made_line = about.find("<p class=\"made\">");
    ASSERT_NE(made_line, std::string::npos) << lang;
    EXPECT_NE(about.find(name, made_line), std::string::npos) << lang;
    std::string whole = slurp(single);
    EXPECT_NE(whole.find(name, whole.find("<p class=\"made\">")), std::string::npos) << lang;
  }
}

}  // namespace
