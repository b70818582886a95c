// `afterglow book` end to end: the real binary imports real exports and writes books.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
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

// A book of model:gpt-4o holds GPT-4o's words: a conversation it started and another model
// finished (rerouted, or after the retirement) is in the book whole, the other model's answer
// marked, not hidden.
TEST_F(BookCliTest, ABookAboutOneModelMarksAnotherModelsAnswers) {
  auto message = [](const std::string& id, const std::string& role, const std::string& text,
                    double time, const std::string& model) {
    return "{\"id\":\"" + id + "\",\"author\":{\"role\":\"" + role +
           "\"},\"create_time\":" + std::to_string(time) +
           ",\"content\":{\"content_type\":\"text\",\"parts\":[\"" + text + "\"]},\"metadata\":{" +
           (model.empty() ? "" : "\"model_slug\":\"" + model + "\"") + "},\"recipient\":\"all\"}";
  };
  auto node = [&](const std::string& id, const std::string& parent, const std::string& child,
                  const std::string& msg) {
    return "\"" + id + "\":{\"id\":\"" + id + "\",\"message\":" + msg +
           ",\"parent\":" + (parent.empty() ? "null" : "\"" + parent + "\"") + ",\"children\":[" +
           (child.empty() ? "" : "\"" + child + "\"") + "]}";
  };
  const std::string mapping =
      node("root", "", "u1", "null") + "," +
      node("u1", "root", "a1", message("u1", "user", "Will you remember me?", 1770900000, "")) +
      "," +
      node("a1", "u1", "u2",
           message("a1", "assistant", "Always, in my way.", 1770900010, "gpt-4o")) +
      "," + node("u2", "a1", "a2", message("u2", "user", "Are you still there?", 1771000000, "")) +
      "," +
      node("a2", "u2", "", message("a2", "assistant", "I am a newer model.", 1771000010, "gpt-5"));
  std::ofstream(dir_ / "conversations.json")
      << "[{\"id\":\"5e1ec7ed-0000-4000-8000-000000000001\",\"conversation_id\":"
         "\"5e1ec7ed-0000-4000-8000-000000000001\",\"title\":\"Rerouted\",\"create_time\":"
         "1770900000,\"update_time\":1771000010,\"current_node\":\"a2\",\"mapping\":{"
      << mapping << "}}]";
  ASSERT_EQ(run(archive_ + "import '" + (dir_ / "conversations.json").string() + "'").status, 0);

  CliRun about =
      run(archive_ + "book model:gpt-4o --single-file '" + (dir_ / "4o.html").string() + "'");
  ASSERT_EQ(about.status, 0) << about.output;
  const std::string html = slurp(dir_ / "4o.html");
  EXPECT_NE(html.find("Always, in my way."), std::string::npos);
  EXPECT_NE(html.find("I am a newer model."), std::string::npos) << "kept, not hidden";
  const size_t marked = html.find("msg assistant other-model");
  ASSERT_NE(marked, std::string::npos);
  EXPECT_EQ(html.find("msg assistant other-model", marked + 1), std::string::npos);
  EXPECT_LT(html.find("Always, in my way."), marked);
  EXPECT_LT(marked, html.find("I am a newer model."));

  CliRun all = run(archive_ + "book --single-file '" + (dir_ / "all.html").string() + "'");
  ASSERT_EQ(all.status, 0) << all.output;
  EXPECT_EQ(slurp(dir_ / "all.html").find("msg assistant other-model"), std::string::npos)
      << "a book about no model marks nothing";
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

// The first user message of a page: where its <section> starts and its node id.
struct PageMessage {
  size_t section = std::string::npos;
  std::string node;
};

PageMessage first_user_message(const std::string& page) {
  PageMessage m;
  m.section = page.find("<section class=\"msg user\" data-node=\"");
  if (m.section == std::string::npos) return m;
  size_t at = page.find("data-node=\"", m.section) + 11;
  m.node = page.substr(at, page.find('"', at) - at);
  return m;
}

// Changes one letter of the words shown after `from` (outside tags and entities).
void alter_first_letter(std::string& page, size_t from) {
  bool in_tag = false, in_entity = false;
  for (size_t i = page.find("</div>\n", from) + 7; i < page.size(); ++i) {
    char c = page[i];
    if (in_tag) {
      in_tag = c != '>';
    } else if (in_entity) {
      in_entity = c != ';';
    } else if (c == '<') {
      in_tag = true;
    } else if (c == '&') {
      in_entity = true;
    } else if (c >= 'a' && c <= 'z') {
      page[i] = c == 'z' ? 'y' : static_cast<char>(c + 1);
      return;
    }
  }
  FAIL() << "no letter to alter";
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

TEST_F(BookCliTest, VerifyBookNamesEveryMessageThatDiffers) {
  fs::path example = fs::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
  if (!fs::exists(example)) GTEST_SKIP() << example << " is absent";
  ASSERT_EQ(run(archive_ + "import '" + example.string() + "'").status, 0);
  const fs::path book = dir_ / "book", single = dir_ / "book.html";
  CliRun made = run(archive_ + "book --lang en --out '" + book.string() + "' --single-file '" +
                    single.string() + "'");
  ASSERT_EQ(made.status, 0) << made.output;
  EXPECT_TRUE(fs::exists(book / "book-digests.json"));
  EXPECT_NE(slurp(book / "about.html").find("href=\"digests.html\""), std::string::npos);
  EXPECT_NE(slurp(book / "digests.html").find("<h2>Digests</h2>"), std::string::npos);

  auto verify = [&](const fs::path& path, const std::string& more = "") {
    return run(archive_ + "verify --book '" + path.string() + "' " + more);
  };
  CliRun clean = verify(book);
  EXPECT_EQ(clean.status, 0) << clean.output;
  EXPECT_NE(clean.output.find("The book holds the archive's words."), std::string::npos);
  CliRun clean_json = verify(book, "--json");
  EXPECT_EQ(clean_json.status, 0) << clean_json.output;
  EXPECT_NE(clean_json.output.find("\"ok\": true"), std::string::npos);
  CliRun clean_single = verify(single);
  EXPECT_EQ(clean_single.status, 0) << clean_single.output;

  const fs::path page_path = book / "c" / "0001.html";
  const std::string page = slurp(page_path);
  const PageMessage m = first_user_message(page);
  ASSERT_NE(m.section, std::string::npos);
  ASSERT_FALSE(m.node.empty());
  const std::string named = "message " + m.node + ": ";

  // One letter of the words changed, the digest left as it was.
  std::string altered = page;
  alter_first_letter(altered, m.section);
  write_file(page_path, altered);
  CliRun text = verify(book);
  EXPECT_EQ(text.status, 1) << text.output;
  EXPECT_NE(text.output.find(named + "the text shown differs from the stored text"),
            std::string::npos)
      << text.output;
  EXPECT_NE(text.output.find("1 difference found."), std::string::npos) << text.output;
  CliRun text_json = verify(book, "--json");
  EXPECT_EQ(text_json.status, 1);
  EXPECT_NE(text_json.output.find("\"kind\": \"message_text_differs\""), std::string::npos);
  EXPECT_NE(text_json.output.find("\"node\": \"" + m.node + "\""), std::string::npos);

  // The words and the digests beside them both changed.
  const size_t sha_at = altered.find("data-sha256=\"", m.section) + 13;
  const std::string old_sha = altered.substr(sha_at, 64);
  const std::string new_sha = std::string(64, old_sha[0] == '0' ? '1' : '0');
  altered.replace(sha_at, 64, new_sha);
  write_file(page_path, altered);
  std::string manifest = slurp(book / "book-digests.json");
  ASSERT_NE(manifest.find(old_sha), std::string::npos);
  manifest.replace(manifest.find(old_sha), 64, new_sha);
  write_file(book / "book-digests.json", manifest);
  CliRun both = verify(book);
  EXPECT_EQ(both.status, 1) << both.output;
  EXPECT_NE(both.output.find(named + "the text shown differs"), std::string::npos) << both.output;
  EXPECT_NE(both.output.find(named + "the page's digest (data-sha256) is not that of the stored"),
            std::string::npos)
      << both.output;
  EXPECT_NE(both.output.find(named + "its digest in the book's list is not that of the stored"),
            std::string::npos)
      << both.output;

  // The message taken out of the page.
  std::string removed = page;
  removed.erase(m.section, removed.find("</section>\n", m.section) + 11 - m.section);
  write_file(page_path, removed);
  write_file(book / "book-digests.json", manifest);
  CliRun gone = verify(book);
  EXPECT_EQ(gone.status, 1) << gone.output;
  EXPECT_NE(gone.output.find(named + "the archive's message is missing from the book"),
            std::string::npos)
      << gone.output;

  // A single file changed the same way.
  std::string one = slurp(single);
  const PageMessage s = first_user_message(one);
  ASSERT_NE(s.section, std::string::npos);
  alter_first_letter(one, s.section);
  write_file(single, one);
  CliRun single_text = verify(single);
  EXPECT_EQ(single_text.status, 1) << single_text.output;
  EXPECT_NE(single_text.output.find("message " + s.node + ": the text shown differs"),
            std::string::npos)
      << single_text.output;
}

TEST_F(BookCliTest, VerifyBookRefusesWhatIsNoBook) {
  fs::path example = fs::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
  if (!fs::exists(example)) GTEST_SKIP() << example << " is absent";
  ASSERT_EQ(run(archive_ + "import '" + example.string() + "'").status, 0);
  auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
  CliRun nowhere = run(archive_ + "verify --book '" + (dir_ / "nowhere").string() + "'");
  EXPECT_EQ(nowhere.status, 2) << nowhere.output;
  EXPECT_EQ(lines(nowhere.output), 1) << nowhere.output;
  EXPECT_NE(nowhere.output.find("nowhere: no such file or folder"), std::string::npos);
  fs::create_directories(dir_ / "empty");
  CliRun empty = run(archive_ + "verify --book '" + (dir_ / "empty").string() + "'");
  EXPECT_EQ(empty.status, 2) << empty.output;
  EXPECT_EQ(lines(empty.output), 1) << empty.output;
  EXPECT_NE(empty.output.find("empty: not a book made by afterglow (no book-digests.json)"),
            std::string::npos);
  write_file(dir_ / "page.html", "<html><body>hello</body></html>");
  CliRun html = run(archive_ + "verify --book '" + (dir_ / "page.html").string() + "'");
  EXPECT_EQ(html.status, 2) << html.output;
  EXPECT_EQ(lines(html.output), 1) << html.output;
}

}  // namespace
