// The terminal output a person reads, compared with expected files (notmuch style). Time zone
// fixed to Asia/Shanghai so local times are checked too. To accept a deliberate change of
// output, run with AFTERGLOW_UPDATE_GOLDEN=1 and review the diff of tests/cli/expected/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

void expect_golden(const std::string& name, const std::string& actual) {
  auto path = std::filesystem::path(AFTERGLOW_SOURCE_DIR) / "tests" / "cli" / "expected" / name;
  if (std::getenv("AFTERGLOW_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing";
  EXPECT_EQ(actual, read_file(path)) << "output differs from " << path;
}

class GoldenCli : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
    // The archive path differs per run; everything after it is stable.
    expect_golden("import.txt", r.out.substr(r.out.find('(')));
  }
  std::string out(const std::vector<std::string>& args) {
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  CliRunner cli_;
};

TEST_F(GoldenCli, List) { expect_golden("list.txt", out({"list"})); }

TEST_F(GoldenCli, ShowRegeneratedChineseConversation) {
  expect_golden("show-stress.txt", out({"show", "aa06b67a"}));
}

TEST_F(GoldenCli, ShowVoiceConversation) { expect_golden("show-voice.txt", out({"show", "c5a6"})); }

TEST_F(GoldenCli, ShowAllWithHiddenAndBranches) {
  expect_golden("show-edited-all.txt", out({"show", "--all", "0807323d"}));
}

TEST_F(GoldenCli, SearchChinese) { expect_golden("search-stress.txt", out({"search", "压力"})); }

TEST_F(GoldenCli, SearchWithFields) {
  expect_golden("search-fields.txt", out({"search", "model:gpt-4o after:2024-12 Mom"}));
}

}  // namespace
}  // namespace afterglow::testing
