#include "afterglow/model/file_names.h"

#include <gtest/gtest.h>

namespace afterglow::model {
namespace {

TEST(SafeFileName, KeepsNamesEverySystemAccepts) {
  for (const char* name : {"photo.png", "我的导出.zip", "file-AbC123 (1).json", "a.b.c", ".hidden",
                           "CONSOLE.txt", "com10", "LPT", "nul_"}) {
    EXPECT_EQ(safe_file_name(name), name);
  }
}

TEST(SafeFileName, ReplacesWhatWindowsForbids) {
  EXPECT_EQ(safe_file_name("a<b>c:d\"e/f\\g|h?i*j"), "a_b_c_d_e_f_g_h_i_j");
  EXPECT_EQ(safe_file_name(std::string("tab\there\x01\x1f\x7f")), "tab_here___");
  EXPECT_EQ(safe_file_name("问题：为什么？.md"), "问题：为什么？.md");  // full-width forms are fine
}

TEST(SafeFileName, TrailingDotsAndSpacesAreKept) {
  // Windows would silently drop them, and two names could then become one.
  EXPECT_EQ(safe_file_name("notes."), "notes_");
  EXPECT_EQ(safe_file_name("notes . "), "notes___");
  EXPECT_EQ(safe_file_name(" leading space"), " leading space");
}

TEST(SafeFileName, DeviceNamesInAnyCaseAndWithExtensions) {
  EXPECT_EQ(safe_file_name("CON"), "_CON");
  EXPECT_EQ(safe_file_name("nul.txt"), "_nul.txt");
  EXPECT_EQ(safe_file_name("Aux.tar.gz"), "_Aux.tar.gz");
  EXPECT_EQ(safe_file_name("com1"), "_com1");
  EXPECT_EQ(safe_file_name("LPT9.log"), "_LPT9.log");
  EXPECT_EQ(safe_file_name("PRN .txt"), "_PRN .txt");
  EXPECT_EQ(safe_file_name("COM\xc2\xb9"), "_COM\xc2\xb9");
}

TEST(SafeFileName, NamesThatAreNoNames) {
  EXPECT_EQ(safe_file_name(""), "_");
  EXPECT_EQ(safe_file_name("."), "_");
  EXPECT_EQ(safe_file_name(".."), "_");
  EXPECT_EQ(safe_file_name("..."), "___");
}

TEST(SafeFileName, LongNamesAreCutOnACharacterAndKeepTheirExtension) {
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "字";  // 300 bytes
  std::string out = safe_file_name(chinese + ".png");
  EXPECT_LE(out.size(), 255u);
  EXPECT_TRUE(out.ends_with(".png"));
  EXPECT_EQ(out, chinese.substr(0, 249) + ".png");  // 83 whole characters, then the extension
  EXPECT_EQ(safe_file_name(std::string(300, 'x')), std::string(255, 'x'));
}

TEST(SafeFileName, IsStable) {
  for (const char* name : {"a:b", "CON", "x.", "..", "a/b"}) {
    std::string once = safe_file_name(name);
    EXPECT_EQ(safe_file_name(once), once) << name;
  }
}

}  // namespace
}  // namespace afterglow::model
