// `afterglow search` and `afterglow reindex` end to end: the real binary on a small Chinese,
// Japanese and Korean export.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string out;
};

class SearchCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("afterglow-search-cli-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    ASSERT_EQ(run("import " + std::string(AFTERGLOW_FIXTURES) + "/chinese.json").status, 0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  // Runs the CLI with the test archive and zone; stdout captured, stderr folded into it when
  // asked.
  static CliRun run(const std::string& args, bool with_stderr = false) {
    const std::string command = "TZ=Asia/Shanghai " + std::string(AFTERGLOW_BINARY) +
                                " --archive '" + (*dir_ / "a.afterglow").string() + "' " + args +
                                (with_stderr ? " 2>&1" : " 2>/dev/null");
    CliRun result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
      result.out.append(buffer.data(), n);
    int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
  }

  static nlohmann::json json(const std::string& args) {
    CliRun r = run(args + " --json");
    EXPECT_EQ(r.status, 0) << args;
    return nlohmann::json::parse(r.out);
  }

  static inline fs::path* dir_ = nullptr;
};

constexpr const char* kStress = "ed4c6db2-8160-5537-80fc-461557b6dc9e";
constexpr const char* kWeekend = "777f6b78-9dc2-55e5-ad22-0f5854e41442";

TEST_F(SearchCli, JsonHitsTotalsAndFacets) {
  for (const char* engine : {"xapian", "fts5"}) {
    auto result = json(std::string("search 压力 --engine ") + engine);
    EXPECT_EQ(result["total"], 3) << engine;
    ASSERT_EQ(result["hits"].size(), 3u) << engine;
    for (const auto& hit : result["hits"]) {
      EXPECT_EQ(hit["conversation"], kStress);
      EXPECT_EQ(hit["title"], "那次聊压力的对话");
      EXPECT_NE(hit["snippet"].get<std::string>().find("压力"), std::string::npos);
      EXPECT_FALSE(hit["highlights"].empty());
      EXPECT_FALSE(hit["branch"]);
      EXPECT_FALSE(hit["hidden"]);
      for (const char* key : {"node", "create_time", "role", "model", "score"}) {
        EXPECT_TRUE(hit.contains(key)) << key;
      }
    }
    EXPECT_EQ(result["facets"]["year"][0]["value"], "2024") << engine;
  }
  EXPECT_TRUE(fs::is_directory(*dir_ / "a.afterglow.xapian"));
}

TEST_F(SearchCli, JapaneseKoreanAndTitles) {
  for (const char* engine : {"xapian", "fts5"}) {
    for (const char* query : {"天気", "날씨", "title:学习"}) {
      auto result = json(std::string("search --engine ") + engine + " " + query);
      ASSERT_FALSE(result["hits"].empty()) << engine << " " << query;
      EXPECT_EQ(result["hits"][0]["conversation"], kWeekend) << engine << " " << query;
    }
  }
}

TEST_F(SearchCli, TerminalOutputGroupsByConversation) {
  CliRun r = run("search 睡不着 --engine fts5");
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("那次聊压力的对话  2024-10-09"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\xC2\xAB睡不着\xC2\xBB"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(std::string("afterglow show ") + kStress), std::string::npos) << r.out;
}

TEST_F(SearchCli, MalformedQueryExitsWithStatusTwoAndOneLine) {
  // The last one is nested 20000 deep: once a stack overflow in the recursive parser.
  const std::string deep = "'" + std::string(20000, '(') + "a'";
  for (const std::string& query :
       {std::string("'(压力'"), std::string("foo:bar"), std::string("date:2024-13"), deep}) {
    CliRun r = run("search " + query, true);
    EXPECT_EQ(r.status, 2) << query.substr(0, 40);
    EXPECT_EQ(r.out.find("afterglow: bad query: "), 0u) << r.out;
    EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << r.out;
  }
}

TEST_F(SearchCli, ReindexRebuildsADeletedXapianFolder) {
  fs::remove_all(*dir_ / "a.afterglow.xapian");
  CliRun r = run("reindex");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Rebuilt the search indexes"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::is_directory(*dir_ / "a.afterglow.xapian"));
  EXPECT_EQ(json("search 压力")["total"], 3);
}

}  // namespace
