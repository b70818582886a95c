// An import killed at any moment (SIGKILL: no destructor, no cleanup) leaves an archive that
// opens and verifies, holding either everything the import brought or nothing of it; running the
// import again ends exactly where an uninterrupted import ends.
#include <chrono>
#include <random>
#include <thread>

#include "generator/export_generator.h"
#include "security/child_process.h"
#include "security/security_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void remove_archive(const fs::path& archive) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".creating", ".xapian"}) {
    fs::remove_all(archive.string() + suffix);
  }
}

class CrashSafety : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new CliRunner;
    export_ = scratch_->dir() / "export.zip";
    generated_export(export_, 7, 3'000'000);

    // The uninterrupted import every interrupted one is compared with.
    const auto start = Clock::now();
    auto r = scratch_->run({"import", export_.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    import_time_ = Clock::now() - start;
    expected_ = archive_fingerprint(scratch_->archive());
    expected_list_ = scratch_->run({"list", "--json"}).out;
    ASSERT_NE(expected_.find("conversation|"), std::string::npos);
  }
  static void TearDownTestSuite() { delete scratch_; }

  // Starts an import and kills it after `delay`; returns its exit status (137 when killed).
  int import_killed_after(Clock::duration delay) {
    ChildProcess child(cli.archive(), {"import", export_.string()}, cli.dir());
    std::this_thread::sleep_for(delay);
    child.kill_now();
    return child.wait();
  }

  // Whatever the moment of the kill: the archive is whole, with all of the import or none.
  void expect_whole_archive(const std::string& when) {
    SCOPED_TRACE(when);
    if (!fs::exists(cli.archive())) return;  // killed before anything was created
    auto v = cli.run({"verify"});
    EXPECT_EQ(v.status, 0) << v.out << v.err;
    const std::string now = archive_fingerprint(cli.archive());
    EXPECT_TRUE(now.empty() || now == expected_)
        << "a partial import is visible: " << now.size() << " bytes of fingerprint, expected 0 or "
        << expected_.size();
  }

  void expect_same_as_uninterrupted() {
    auto r = cli.run({"import", export_.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(archive_fingerprint(cli.archive()), expected_);
    EXPECT_EQ(cli.run({"list", "--json"}).out, expected_list_);
    auto v = cli.run({"verify"});
    EXPECT_EQ(v.status, 0) << v.out;
    auto s = cli.run({"search", "--json", "the"});
    EXPECT_EQ(s.status, 0) << s.err;
  }

  Clock::duration random_moment(std::mt19937& rng) {
    const auto span = std::chrono::duration_cast<std::chrono::microseconds>(import_time_).count();
    return std::chrono::microseconds(static_cast<int64_t>(rng() % static_cast<uint64_t>(span + 1)));
  }

  static CliRunner* scratch_;
  static fs::path export_;
  static Clock::duration import_time_;
  static std::string expected_;
  static std::string expected_list_;
  CliRunner cli;
};

CliRunner* CrashSafety::scratch_ = nullptr;
fs::path CrashSafety::export_;
Clock::duration CrashSafety::import_time_;
std::string CrashSafety::expected_;
std::string CrashSafety::expected_list_;

TEST_F(CrashSafety, AFirstImportKilledAtRandomMomentsThenRunAgain) {
  std::mt19937 rng(20240513);
  for (int round = 0; round < 6; ++round) {
    remove_archive(cli.archive());
    const auto delay = random_moment(rng);
    const int status = import_killed_after(delay);
    expect_whole_archive(
        "round " + std::to_string(round) + ", killed after " +
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(delay).count()) +
        " ms (status " + std::to_string(status) + ")");
    expect_same_as_uninterrupted();
  }
}

TEST_F(CrashSafety, ImportsKilledOneAfterAnotherOnTheSameArchive) {
  std::mt19937 rng(1989);
  for (int round = 0; round < 8; ++round) {
    const auto delay = random_moment(rng);
    import_killed_after(delay);
    expect_whole_archive("kill " + std::to_string(round));
  }
  expect_same_as_uninterrupted();
}

TEST_F(CrashSafety, AnImportIntoAnExistingArchiveKilledKeepsTheOldOrAddsAll) {
  // Where an uninterrupted second import ends.
  CliRunner both;
  ASSERT_EQ(both.run({"import", example_export()}).status, 0);
  ASSERT_EQ(both.run({"import", export_.string()}).status, 0);
  const std::string combined = archive_fingerprint(both.archive());

  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const std::string before = archive_fingerprint(cli.archive());
  ASSERT_NE(before, combined);
  std::mt19937 rng(7);
  for (int round = 0; round < 4; ++round) {
    import_killed_after(random_moment(rng));
    auto v = cli.run({"verify"});
    EXPECT_EQ(v.status, 0) << v.out;
    const std::string now = archive_fingerprint(cli.archive());
    EXPECT_TRUE(now == before || now == combined) << "round " << round;
  }
  ASSERT_EQ(cli.run({"import", export_.string()}).status, 0);
  EXPECT_EQ(archive_fingerprint(cli.archive()), combined);
}

}  // namespace
}  // namespace afterglow::testing
