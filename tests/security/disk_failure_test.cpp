// A full disk (here: a file size limit, which fails writes the same way) and an archive that
// cannot be written: one clear line, exit status 2, and the archive exactly as it was.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "generator/export_generator.h"
#include "security/child_process.h"
#include "security/security_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

fs::path export_beside(const CliRunner& cli) {
  const fs::path zip = cli.dir() / "export.zip";
  generated_export(zip, 11, 3'000'000);
  return zip;
}

size_t line_count(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(DiskFailure, AFileSizeLimitMidImportIsOneClearLineAndChangesNothing) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const std::string before = archive_fingerprint(cli.archive());
  const std::string list_before = cli.run({"list", "--json"}).out;
  const fs::path zip = export_beside(cli);

  ChildOptions limited;
  limited.max_file_bytes = static_cast<long long>(fs::file_size(cli.archive())) + (512 << 10);
  ChildProcess child(cli.archive(), {"import", zip.string()}, cli.dir(), limited);
  EXPECT_EQ(child.wait(), 2) << child.err();
  const std::string err = child.err();
  EXPECT_EQ(line_count(err), 1u) << err;
  EXPECT_NE(err.find("afterglow: " + cli.archive().string() + ": cannot write: "),
            std::string::npos)
      << err;

  auto v = cli.run({"verify"});
  EXPECT_EQ(v.status, 0) << v.out;
  EXPECT_EQ(archive_fingerprint(cli.archive()), before);
  EXPECT_EQ(cli.run({"list", "--json"}).out, list_before);
  // And the same import without the limit completes.
  EXPECT_EQ(cli.run({"import", zip.string()}).status, 0);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

TEST(DiskFailure, AFirstImportThatRunsOutOfSpaceLeavesNoArchiveBehind) {
  CliRunner cli;
  const fs::path zip = export_beside(cli);
  ChildOptions limited;
  limited.max_file_bytes = 256 << 10;
  ChildProcess child(cli.archive(), {"import", zip.string()}, cli.dir(), limited);
  EXPECT_EQ(child.wait(), 2) << child.err();
  EXPECT_EQ(line_count(child.err()), 1u) << child.err();
  EXPECT_NE(child.err().find("cannot write: "), std::string::npos) << child.err();
  EXPECT_FALSE(fs::exists(cli.archive()));
  EXPECT_FALSE(fs::exists(cli.archive().string() + ".creating"));
}

// Permissions mean nothing to root, so when the tests run as root the commands that must be
// refused run as the unprivileged user `nobody`.
class ReadOnlyArchive : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
    before = archive_fingerprint(cli.archive());
    list_before = cli.run({"list", "--json"}).out;
    // Others may read the folder (nobody must reach the archive to be refused by it).
    fs::permissions(cli.dir(), fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(output_dir(), ignored);
    fs::permissions(cli.dir(), fs::perms::owner_all);
    fs::permissions(cli.archive(), fs::perms::owner_read | fs::perms::owner_write);
  }

  ChildProcess run_unprivileged(const std::vector<std::string>& args) {
    ChildOptions options;
    options.drop_privileges = true;
    return ChildProcess(cli.archive(), args, output_dir(), options);
  }

  // Where the child's stdout and stderr go: writable by the unprivileged user.
  fs::path output_dir() {
    fs::path dir = fs::temp_directory_path() / ("afterglow-out-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::all);
    return dir;
  }

  void expect_unchanged() {
    auto v = cli.run({"verify"});
    EXPECT_EQ(v.status, 0) << v.out;
    EXPECT_EQ(archive_fingerprint(cli.archive()), before);
  }

  CliRunner cli;
  std::string before, list_before;
};

TEST_F(ReadOnlyArchive, AReadOnlyFileRefusesAnImportInOneLine) {
  fs::permissions(cli.archive(),
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  auto child = run_unprivileged({"import", fixture("classic.zip")});
  EXPECT_EQ(child.wait(), 2) << child.err();
  EXPECT_EQ(line_count(child.err()), 1u) << child.err();
  EXPECT_NE(child.err().find("read-only"), std::string::npos) << child.err();
  expect_unchanged();
}

TEST_F(ReadOnlyArchive, AnArchiveInAReadOnlyFolderStillReadsAndRefusesWrites) {
  fs::permissions(cli.archive(),
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(cli.dir(), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                 fs::perms::group_exec | fs::perms::others_read |
                                 fs::perms::others_exec);
  {
    auto list = run_unprivileged({"list", "--json"});
    EXPECT_EQ(list.wait(), 0) << list.err();
    EXPECT_EQ(list.out(), list_before);
  }
  {
    auto import = run_unprivileged({"import", fixture("classic.zip")});
    EXPECT_EQ(import.wait(), 2) << import.err();
    EXPECT_EQ(line_count(import.err()), 1u) << import.err();
    EXPECT_NE(import.err().find("read-only"), std::string::npos) << import.err();
  }
  fs::permissions(cli.dir(), fs::perms::owner_all);
  expect_unchanged();
}

}  // namespace
}  // namespace afterglow::testing
