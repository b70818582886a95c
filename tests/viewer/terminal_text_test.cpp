// Text on its way to a terminal: every control character but newline and tab comes out visible
// and inert, the rest byte for byte; JSON for a terminal stays the same JSON value.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "afterglow/viewer/terminal_text.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

struct Case {
  std::string in;
  std::string out;
};

const Case kCases[] = {
    {"plain 压力 text\twith a tab\nand a newline", "plain 压力 text\twith a tab\nand a newline"},
    {"\x1b]0;TITLE\x07", "\\x1b]0;TITLE\\x07"},     // retitles the window
    {"before\x1b[2Jafter", "before\\x1b[2Jafter"},  // clears the screen
    {"\xC2\x9B"
     "31mred",
     "\\u009b31mred"},  // C1 CSI (U+009B), ESC [ in one character
    {"\xC2\x9D"
     "0;x\xC2\x9C",
     "\\u009d0;x\\u009c"},                  // C1 OSC ... ST
    {"secret\rpublic", "secret\\rpublic"},  // a lone CR would overwrite the line
    {"windows\r\nline ends\r\n", "windows\nline ends\n"},
    {"del\x7f", "del\\x7f"},
    {std::string("nul\0byte", 8), "nul\\x00byte"},
    {"\x9b"
     "2J",
     "\\x9b2J"},  // a bare C1 byte is not UTF-8: shown as a byte
    {"\xFF\xC3", "\\xff\\xc3"},
    {"\xC2\xA0non-breaking and \xC2\xAB\xC2\xBB", "\xC2\xA0non-breaking and \xC2\xAB\xC2\xBB"},
    {"emoji \xF0\x9F\x98\x80", "emoji \xF0\x9F\x98\x80"},
};

TEST(TerminalText, ControlCharactersAreShownNotSent) {
  for (const auto& c : kCases) {
    EXPECT_EQ(terminal_text(c.in), c.out) << nlohmann::json(c.out).dump();
  }
}

TEST(TerminalText, StyleMakesWhatItStylesSafe) {
  for (bool colour : {false, true}) {
    Style style{colour};
    const std::string styled = style.bold("\x1b]0;TITLE\x07");
    EXPECT_NE(styled.find("\\x1b]0;TITLE\\x07"), std::string::npos);
    // The only escape left is the style's own, and only with colour on.
    EXPECT_EQ(styled.find("\x1b]"), std::string::npos);
    EXPECT_EQ(styled.find('\x07'), std::string::npos);
    EXPECT_EQ(styled.find('\x1b') != std::string::npos, colour) << styled;
  }
}

TEST(TerminalText, JsonForATerminalEscapesDelAndC1AndKeepsTheValue) {
  const std::string text =
      "\x1b]0;TITLE\x07 \x1b[2J \xC2\x9B"
      "2J \x7f \r 压力 \xC2\xA0";
  const nlohmann::json value = {{"title", text}, {"n", 1}};
  const std::string dumped = terminal_json(value, 2);
  for (char c : dumped) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n') << static_cast<int>(byte);
    EXPECT_NE(byte, 0x7F);
  }
  EXPECT_EQ(dumped.find("\xC2\x9B"), std::string::npos);
  EXPECT_NE(dumped.find("\\u001b]0;TITLE\\u0007"), std::string::npos) << dumped;
  EXPECT_NE(dumped.find("\\u009b"), std::string::npos) << dumped;
  EXPECT_NE(dumped.find("\\u007f"), std::string::npos) << dumped;
  EXPECT_NE(dumped.find("压力 \xC2\xA0"), std::string::npos) << dumped;
  EXPECT_EQ(nlohmann::json::parse(dumped), value);
  EXPECT_EQ(terminal_json(value), terminal_json(nlohmann::json::parse(dumped)));
}

}  // namespace
}  // namespace afterglow::viewer
