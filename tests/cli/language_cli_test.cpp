// The language follows LANGUAGE / LC_ALL / LC_MESSAGES / LANG; what machines read does not.
// `--json` must be byte-identical in every language and under a locale that writes numbers
// with a comma (de_DE), and the archive must not depend on the locale at all.
#include <gtest/gtest.h>

#include <clocale>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

bool locale_installed(const char* name) {
  const std::string before = std::setlocale(LC_ALL, nullptr);
  const bool found = std::setlocale(LC_ALL, name) != nullptr;
  std::setlocale(LC_ALL, before.c_str());
  return found;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// What `import --json` prints for `input` with these locale variables, the scratch archive's
// path (which differs per run) replaced by ARCHIVE.
std::string import_json(const std::string& locale, const std::string& input) {
  CliRunner cli;
  cli.locale = locale;
  auto r = cli.run({"import", "--json", input});
  EXPECT_EQ(r.status, 0) << locale << ": " << r.err;
  return replace_all(r.out, cli.archive().string(), "ARCHIVE");
}

const std::vector<std::vector<std::string>> kJsonCommands = {
    {"list", "--json"},
    {"search", "--json", "压力"},
    {"search", "--json", "Kyoto"},
    {"show", "--json", "--all", "0807323d"},
    {"show", "--json", "c5a6"},
};

void expect_same_json(const std::string& locale) {
  // The example, and an export with a broken conversation, skipped with its reason.
  for (const std::string& input : {example_export(), fixture("broken-one.json")}) {
    EXPECT_EQ(import_json(locale, input), import_json("LANG=C", input)) << locale << " " << input;
  }
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  for (const auto& args : kJsonCommands) {
    cli.locale = "LANG=C";
    const auto english = cli.run(args);
    cli.locale = locale;
    const auto other = cli.run(args);
    ASSERT_EQ(english.status, 0) << english.err;
    EXPECT_EQ(other.status, 0) << other.err;
    EXPECT_EQ(other.out, english.out) << locale << ": " << args[0] << " " << args.back();
  }
}

TEST(LanguageCli, JsonIsTheSameInChinese) {
  expect_same_json("LANG=zh_CN.UTF-8");
  expect_same_json("LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8");
}

TEST(LanguageCli, JsonAndArchiveIgnoreACommaLocale) {
  if (!locale_installed("de_DE.UTF-8")) {
    GTEST_SKIP() << "de_DE.UTF-8 is not installed (scripts/install-deps.sh generates it)";
  }
  expect_same_json("LC_ALL=de_DE.UTF-8");
}

TEST(LanguageCli, TextNumbersIgnoreACommaLocale) {
  if (!locale_installed("de_DE.UTF-8")) {
    GTEST_SKIP() << "de_DE.UTF-8 is not installed (scripts/install-deps.sh generates it)";
  }
  CliRunner cli;
  cli.locale = "LC_ALL=de_DE.UTF-8";
  // "1.5GB" is read with a decimal point, whatever the locale writes.
  auto imported = cli.run({"import", "--max-size", "1.5GB", example_export()});
  ASSERT_EQ(imported.status, 0) << imported.err;
  auto german = cli.run({"verify"});
  cli.locale = "LANG=C";
  auto plain = cli.run({"verify"});
  EXPECT_EQ(german.status, 0) << german.out;
  EXPECT_EQ(german.out, plain.out);
  EXPECT_NE(plain.out.find(" MB)"), std::string::npos) << plain.out;
}

TEST(LanguageCli, EnglishWithoutLanguageVariables) {
  CliRunner cli;
  auto r = cli.run({"list"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(": no archive here yet; import an export first"), std::string::npos)
      << r.err;
}

std::string no_archive_message(const std::string& locale) {
  CliRunner cli;
  cli.locale = locale;
  auto r = cli.run({"list"});
  EXPECT_EQ(r.status, 2) << locale;
  return r.err;
}

const std::string kChineseNoArchive = "这里还没有归档，请先导入一份导出文件";

TEST(LanguageCli, ChineseByEachVariable) {
  for (const char* locale : {"LANG=zh_CN.UTF-8", "LC_MESSAGES=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8",
                             "LANG=de_DE.UTF-8 LANGUAGE=zh_CN", "LC_ALL=zh_CN.UTF-8 LANG=C"}) {
    EXPECT_NE(no_archive_message(locale).find(kChineseNoArchive), std::string::npos) << locale;
  }
  // LC_ALL outranks LANG; and under the "C" locale gettext ignores LANGUAGE (POSIX asks
  // programs to speak the C locale's language there).
  for (const char* locale :
       {"LC_ALL=C LANG=zh_CN.UTF-8", "LANGUAGE=zh_CN LANG=C", "LANGUAGE=zh_CN"}) {
    EXPECT_EQ(no_archive_message(locale).find(kChineseNoArchive), std::string::npos) << locale;
  }
}

// CLI11's common errors, recognised by their English words, and its hint.
TEST(LanguageCli, CommandLineErrorsInChinese) {
  CliRunner cli;
  cli.locale = "LANG=zh_CN.UTF-8";
  auto extra = cli.run({"list", "surplus"});
  EXPECT_EQ(extra.err, "多出了一个参数：surplus\n加上 --help 可以查看详细说明。\n");
  auto missing = cli.run({"import", (cli.dir() / "missing.zip").string()});
  EXPECT_EQ(missing.err, "PATH：没有这个文件或文件夹：" + (cli.dir() / "missing.zip").string() +
                             "\n加上 --help 可以查看详细说明。\n");
  cli.locale = "";
  EXPECT_EQ(cli.run({"list", "surplus"}).err,
            "The following argument was not expected: surplus\nRun with --help for more "
            "information.\n");
}

// A LANG that names a locale this system has not generated still chooses the catalog (glibc
// alone would fall back to "C" and English).
TEST(LanguageCli, ChineseWhenTheLocaleIsNotInstalled) {
  if (locale_installed("zh_CN.GB18030") || locale_installed("en_GB.UTF-8")) {
    GTEST_SKIP() << "needs zh_CN.GB18030 and en_GB.UTF-8 not to be installed";
  }
  const std::string err = no_archive_message("LANG=zh_CN.GB18030");
  EXPECT_NE(err.find(kChineseNoArchive), std::string::npos) << err;  // and in UTF-8
  EXPECT_NE(no_archive_message("LANG=en_GB.UTF-8 LANGUAGE=zh_CN").find(kChineseNoArchive),
            std::string::npos);
  EXPECT_EQ(no_archive_message("LANG=en_GB.UTF-8").find(kChineseNoArchive), std::string::npos);
}

TEST(LanguageCli, CatalogFolderCanBeChosen) {
  CliRunner cli;
  std::filesystem::create_directories(cli.dir() / "empty-locale");
  cli.locale = "LANG=zh_CN.UTF-8 AFTERGLOW_LOCALEDIR=" + (cli.dir() / "empty-locale").string();
  auto r = cli.run({"list"});
  EXPECT_NE(r.err.find(": no archive here yet"), std::string::npos) << r.err;
}

// Places the program at `program` (a hard link when the file system allows, else a copy) and the
// build's catalogs in `catalogs`, then runs it in Chinese.
std::string run_moved(const std::filesystem::path& program, const std::filesystem::path& catalogs) {
  namespace fs = std::filesystem;
  const fs::path built = AFTERGLOW_BINARY;
  fs::create_directories(program.parent_path());
  std::error_code ec;
  fs::create_hard_link(built, program, ec);
  if (ec) fs::copy_file(built, program);
  fs::create_directories(catalogs.parent_path());
  fs::copy(built.parent_path().parent_path() / "locale", catalogs, fs::copy_options::recursive);
  const fs::path err = program.parent_path() / "err.txt";
  const std::string command = "LANGUAGE= LC_ALL= LANG=zh_CN.UTF-8 '" + program.string() +
                              "' --archive '" + (program.parent_path() / "none").string() +
                              "' list 2>'" + err.string() + "'";
  EXPECT_NE(std::system(command.c_str()), 0);
  return read_file(err);
}

TEST(LanguageCli, CatalogsFoundWhereAnInstallationPutsThem) {
  CliRunner scratch;
  const auto prefix = scratch.dir() / "usr";
  EXPECT_NE(
      run_moved(prefix / "bin" / "afterglow", prefix / "share" / "locale").find(kChineseNoArchive),
      std::string::npos);
}

TEST(LanguageCli, CatalogsFoundBesideTheProgram) {  // as on Windows
  CliRunner scratch;
  const auto folder = scratch.dir() / "afterglow";
  EXPECT_NE(run_moved(folder / "afterglow", folder / "locale").find(kChineseNoArchive),
            std::string::npos);
}

}  // namespace
}  // namespace afterglow::testing
