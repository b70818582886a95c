// The placeholders translations use, and numbers written the same way in every locale.
#include <gtest/gtest.h>

#include <clocale>
#include <locale>

#include "afterglow/i18n/translate.h"

namespace afterglow::i18n {
namespace {

TEST(Format, FillsPlaceholdersInTheOrderTheTranslationGives) {
  EXPECT_EQ(format("Wrote {0} files to {1}", 3, "out"), "Wrote 3 files to out");
  EXPECT_EQ(format("已将 {0} 个文件写入 {1}", 3, "out"), "已将 3 个文件写入 out");
  EXPECT_EQ(format("{1} ← {0}", "a", "b"), "b ← a");
  EXPECT_EQ(format("{0} and {0}", 7), "7 and 7");
}

TEST(Format, KeepsWhatIsNotAPlaceholder) {
  EXPECT_EQ(format("{{0}} is literal, {0} is not", 1), "{0} is literal, 1 is not");
  EXPECT_EQ(format("{2} has no argument", 1), "{2} has no argument");
  EXPECT_EQ(format("{x} {} {", 1), "{x} {} {");
  EXPECT_EQ(format("ends with {0", 1), "ends with {0");
}

TEST(Format, TakesTextPathsAndNumbers) {
  EXPECT_EQ(
      format("{0}|{1}|{2}|{3}", std::string("s"), std::filesystem::path("a/b"), int64_t{-5}, 2.5),
      "s|a/b|-5|2.5");
}

// A German locale writes 1234,5 with a comma and may group thousands: the messages must not.
TEST(Format, NumbersIgnoreTheLocale) {
  const std::string before = std::setlocale(LC_ALL, nullptr);
  if (!std::setlocale(LC_ALL, "de_DE.UTF-8")) {
    GTEST_SKIP() << "de_DE.UTF-8 is not installed (scripts/install-deps.sh generates it)";
  }
  const std::locale previous = std::locale::global(std::locale("de_DE.UTF-8"));
  const std::string text = format("{0} {1}", 1234.5, 1234567);
  std::locale::global(previous);
  std::setlocale(LC_ALL, before.c_str());
  EXPECT_EQ(text, "1234.5 1234567");
}

TEST(Plural, UntranslatedFollowsEnglish) {
  EXPECT_STREQ(plural("{0} file", "{0} files", 1), "{0} file");
  EXPECT_STREQ(plural("{0} file", "{0} files", 0), "{0} files");
  EXPECT_STREQ(plural("{0} file", "{0} files", 2), "{0} files");
  EXPECT_STREQ(_("a message no catalog has"), "a message no catalog has");
  EXPECT_STREQ(N_("marked only"), "marked only");
}

}  // namespace
}  // namespace afterglow::i18n
