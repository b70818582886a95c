#include "afterglow/viewer/html_markdown.h"

#include <gtest/gtest.h>

namespace afterglow::viewer {
namespace {

std::string md(std::string_view text) { return markdown_to_html(text).html; }

TEST(Markdown, GithubFlavour) {
  EXPECT_EQ(md("| a | b |\n|---|:-:|\n| 1 | 2 |\n"),
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"center\">b</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n<td>1</td>\n<td align=\"center\">2</td>\n</tr>\n</tbody>\n</table>\n");
  EXPECT_EQ(md("~~gone~~ ~5 minutes~"), "<p><del>gone</del> ~5 minutes~</p>\n");
  EXPECT_EQ(md("see www.example.com"),
            "<p>see <a href=\"http://www.example.com\">www.example.com</a></p>\n");
  EXPECT_NE(
      md("- [x] done\n- [ ] todo\n").find("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"),
      std::string::npos);
  EXPECT_EQ(md("```python\nprint('<hi>')\n```\n"),
            "<pre lang=\"python\"><code>print('&lt;hi&gt;')\n</code></pre>\n");
}

TEST(Markdown, RawHtmlIsShownAsText) {
  EXPECT_EQ(md("hello <script>alert(1)</script> there"),
            "<p>hello &lt;script&gt;alert(1)&lt;/script&gt; there</p>\n");
  EXPECT_EQ(md("<div onclick=\"alert(1)\">\nx\n</div>\n"),
            "<p>&lt;div onclick=&quot;alert(1)&quot;&gt;<br />\nx<br />\n&lt;/div&gt;</p>\n");
  EXPECT_EQ(md("<img src=x onerror=alert(1)>"), "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n");
}

TEST(Markdown, OnlyWebAndMailLinksStayLinks) {
  EXPECT_EQ(md("[ok](https://example.com)"), "<p><a href=\"https://example.com\">ok</a></p>\n");
  EXPECT_EQ(md("[x](javascript:alert(1))"), "<p>x (javascript:alert(1))</p>\n");
  EXPECT_EQ(md("[x](data:text/html;base64,AAAA)"), "<p>x (data:text/html;base64,AAAA)</p>\n");
  EXPECT_EQ(md("<javascript:alert(1)>"), "<p>javascript:alert(1)</p>\n");
  EXPECT_EQ(md("[rel](notes.html)"), "<p>rel (notes.html)</p>\n");
}

TEST(Markdown, RemoteImagesBecomeLinksSoNothingIsFetched) {
  EXPECT_EQ(md("![a cat](https://example.com/cat.png)"),
            "<p><a href=\"https://example.com/cat.png\">🖼 a cat</a></p>\n");
  EXPECT_EQ(md("![x](javascript:alert(1))"), "<p>[🖼 x]</p>\n");
}

TEST(Markdown, MathIsKeptWholeForTheRenderer) {
  auto inline_math = markdown_to_html("so $a_1 + b_1$ holds");
  EXPECT_TRUE(inline_math.has_math);
  EXPECT_EQ(
      inline_math.html,
      "<p>so <span class=\"math inline\" data-tex=\"a_1 + b_1\">$a_1 + b_1$</span> holds</p>\n");
  EXPECT_EQ(
      md("\\(x^2\\) and \\[\\frac{1}{2}\\]"),
      "<p><span class=\"math inline\" data-tex=\"x^2\">\\(x^2\\)</span> and "
      "<span class=\"math display\" data-tex=\"\\frac{1}{2}\">\\[\\frac{1}{2}\\]</span></p>\n");
  EXPECT_EQ(
      md("$$\nE = mc^2\n$$"),
      "<p><span class=\"math display\" data-tex=\"\nE = mc^2\n\">$$\nE = mc^2\n$$</span></p>\n");
}

TEST(Markdown, DollarsThatAreMoneyOrCodeAreNotMath) {
  auto money = markdown_to_html("it costs $5 and $10 now");
  EXPECT_FALSE(money.has_math);
  EXPECT_EQ(money.html, "<p>it costs $5 and $10 now</p>\n");
  EXPECT_EQ(md("`$x$` stays"), "<p><code>$x$</code> stays</p>\n");
  EXPECT_EQ(md("```\n$x$ \\(y\\)\n```\n"), "<pre><code>$x$ \\(y\\)\n</code></pre>\n");
  EXPECT_EQ(md("    $x$ indented\n"), "<pre><code>$x$ indented\n</code></pre>\n");
}

TEST(Markdown, MathCannotSmuggleMarkup) {
  EXPECT_EQ(md("$<script>alert(1)</script>$"),
            "<p><span class=\"math inline\" data-tex=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"
            "$&lt;script&gt;alert(1)&lt;/script&gt;$</span></p>\n");
  // The control bytes that mark math internally are removed from input.
  EXPECT_EQ(md("a\x02"
               "0\x03"
               "b"),
            "<p>a 0 b</p>\n");
}

TEST(Markdown, PlainTextKeepsEveryCharacter) {
  EXPECT_EQ(plain_text_html("<b>hi</b>\n  *not markdown*"),
            "<div class=\"plain\">&lt;b&gt;hi&lt;/b&gt;\n  *not markdown*</div>");
}

}  // namespace
}  // namespace afterglow::viewer
