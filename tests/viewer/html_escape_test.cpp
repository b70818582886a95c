#include "afterglow/viewer/html_escape.h"

#include <gtest/gtest.h>

namespace afterglow::viewer {
namespace {

TEST(HtmlEscape, EscapesEveryCharacterThatCanStartMarkupOrEndAnAttribute) {
  EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(HtmlEscape, KeepsUnicodeAndReplacesInvalidBytesAndControls) {
  EXPECT_EQ(html_escape("梦见外婆 ✦ é"), "梦见外婆 ✦ é");
  EXPECT_EQ(html_escape(std::string("a\xff") + "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(html_escape(std::string("a\x01\x7f") + "b\r\n\t"),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b\n\t");
  EXPECT_EQ(html_escape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST(HtmlEscape, LinksOnlyToTheWebAndMail) {
  EXPECT_TRUE(is_safe_link("https://example.com/a?b=c"));
  EXPECT_TRUE(is_safe_link("HTTP://EXAMPLE.COM"));
  EXPECT_TRUE(is_safe_link("mailto:lin@example.com"));
  EXPECT_FALSE(is_safe_link("javascript:alert(1)"));
  EXPECT_FALSE(is_safe_link("JaVaScRiPt:alert(1)"));
  EXPECT_FALSE(is_safe_link(" javascript:alert(1)"));
  EXPECT_FALSE(is_safe_link("data:text/html,<script>"));
  EXPECT_FALSE(is_safe_link("file:///etc/passwd"));
  EXPECT_FALSE(is_safe_link("vbscript:x"));
  EXPECT_FALSE(is_safe_link("/relative"));
  EXPECT_FALSE(is_safe_link("https://a.com/\"onmouseover=x"));
  EXPECT_FALSE(is_safe_link("https://a.com/\nx"));
}

TEST(HtmlEscape, Base64AndContentSecurityPolicyHashes) {
  std::string out;
  append_base64(out, "Man");
  append_base64(out, "Ma");
  append_base64(out, "M");
  EXPECT_EQ(out, "TWFuTWE=TQ==");
  EXPECT_EQ(csp_hash(""), "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

TEST(HtmlEscape, JsonInsideAScriptElementCannotCloseIt) {
  EXPECT_EQ(json_for_script(R"({"t":"</script><script>alert(1)</script>"})"),
            R"({"t":"\u003c/script>\u003cscript>alert(1)\u003c/script>"})");
}

}  // namespace
}  // namespace afterglow::viewer
