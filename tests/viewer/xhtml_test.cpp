// The renderer's HTML made XHTML for EPUB: what HTML allows and XML refuses is repaired, the
// rest is left exactly as it was.
#include "afterglow/viewer/xhtml.h"

#include <gtest/gtest.h>

#include "afterglow/viewer/html_conversation.h"
#include "viewer/html_test_conversations.h"

namespace afterglow::viewer {
namespace {

TEST(Xhtml, ClosesVoidElementsAndGivesBooleanAttributesTheirValue) {
  EXPECT_EQ(html_to_xhtml("<p>a<br>b</p><hr class=\"rule\"><img src=\"x.png\" alt=\"\">"),
            "<p>a<br/>b</p><hr class=\"rule\"/><img src=\"x.png\" alt=\"\"/>");
  EXPECT_EQ(html_to_xhtml("<div class=\"version\" hidden><button disabled>‹</button></div>"),
            "<div class=\"version\" hidden=\"hidden\"><button disabled=\"disabled\">‹</button>"
            "</div>");
  // cmark-gfm writes void elements the XML way already; they stay so.
  EXPECT_EQ(html_to_xhtml("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done<br />"),
            "<input type=\"checkbox\" checked=\"\" disabled=\"\"/> done<br/>");
}

TEST(Xhtml, KeepsOnlyCharacterReferencesXmlKnows) {
  EXPECT_EQ(html_to_xhtml("a&nbsp;b &amp; &lt;c&gt; &#39;d&#x27; &quot;"),
            "a&#160;b &amp; &lt;c&gt; &#39;d&#x27; &quot;");
  EXPECT_EQ(html_to_xhtml("AT&T &copy; &#; &"), "AT&amp;T &amp;copy; &amp;#; &amp;");
  EXPECT_EQ(html_to_xhtml("<a href=\"?a=1&b=2\" title='say \"hi\"'>x</a>"),
            "<a href=\"?a=1&amp;b=2\" title=\"say &quot;hi&quot;\">x</a>");
}

TEST(Xhtml, NamesCodeLanguagesAndAlignsCellsTheHtml5Way) {
  EXPECT_EQ(html_to_xhtml("<pre lang=\"javascript\"><code>x</code></pre>"),
            "<pre data-lang=\"javascript\"><code>x</code></pre>");
  EXPECT_EQ(html_to_xhtml("<table><tr><th align=\"center\">a</th></tr></table>"),
            "<table><tr><th style=\"text-align: center\">a</th></tr></table>");
  EXPECT_EQ(html_to_xhtml("<p lang=\"zh-CN\">中文</p>"), "<p lang=\"zh-CN\">中文</p>");
}

TEST(Xhtml, DropsScriptsHandlersCommentsAndControlCharacters) {
  EXPECT_EQ(html_to_xhtml("<p onclick=\"x()\">a</p><script>alert('<p>')</script>b"), "<p>a</p>b");
  EXPECT_EQ(html_to_xhtml("<!-- raw HTML -- omitted -->x\x01y"), "xy");
}

TEST(Xhtml, RepairsNestingSoEveryElementCloses) {
  EXPECT_EQ(html_to_xhtml("<div><p>open</div>"), "<div><p>open</p></div>");
  EXPECT_EQ(html_to_xhtml("</span>x<b>y"), "x<b>y</b>");
  EXPECT_EQ(html_to_xhtml("1 < 2 <3 <p a=\"unclosed>"), "1 &lt; 2 &lt;3 &lt;p a=\"unclosed&gt;");
  EXPECT_EQ(html_to_xhtml("<P CLASS=\"x\" class=\"y\">z</P>"), "<p class=\"x\">z</p>");
}

TEST(Xhtml, AConversationComesOutWithNoVoidElementLeftOpen) {
  ConversationHtmlOptions options;
  options.include_hidden = true;
  const std::string xhtml =
      html_to_xhtml(render_conversation_html(testing::branching_chinese(), options).html +
                    render_conversation_html(testing::rich(), options).html);
  EXPECT_NE(xhtml.find("<article class=\"conversation\""), std::string::npos);
  EXPECT_EQ(xhtml.find(" hidden>"), std::string::npos);
  EXPECT_EQ(xhtml.find(" disabled>"), std::string::npos);
  EXPECT_EQ(xhtml.find("<br>"), std::string::npos);
}

}  // namespace
}  // namespace afterglow::viewer
