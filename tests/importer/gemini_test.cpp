// Gemini: Takeout's activity log (JSON and HTML, a zip and loose files), its grouping into
// conversations, the answers' HTML as Markdown (hostile HTML too), AI Studio prompt files, broken
// input; the real AI Studio sample when it is present.
#include <gtest/gtest.h>

#include <algorithm>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/tree.h"
#include "gemini_grouping.h"
#include "html_markdown.h"
#include "importer_test_support.h"
#include "iso_time.h"
#include "provider_detect.h"
#include "takeout_time.h"

namespace afterglow::importer {
namespace {

namespace fs = std::filesystem;
using testing::RecordingSink;

fs::path fixture(const std::string& name) { return fs::path(AFTERGLOW_FIXTURES) / "gemini" / name; }

// The conversation whose first prompt starts with `start`.
const model::Conversation* starting(const RecordingSink& sink, const std::string& start) {
  for (const auto& c : sink.conversations) {
    for (const auto& node : c.nodes) {
      if (node.message && node.message->role == "user") {
        if (node.message->text.rfind(start, 0) == 0) return &c;
        break;
      }
    }
  }
  return nullptr;
}

std::vector<std::string> prompts(const model::Conversation& c) {
  std::vector<std::string> out;
  for (const auto& node : c.nodes) {
    if (node.message && node.message->role == "user") out.push_back(node.message->text);
  }
  return out;
}

ActivityRecord at(const std::string& iso, const std::string& prompt, const std::string& gem = "") {
  ActivityRecord record;
  record.time = *parse_iso_time(iso);
  record.prompt = prompt;
  record.gem = gem;
  record.has_answer = true;
  record.answer = "好的";
  record.raw = "{}";
  return record;
}

TEST(TakeoutTime, ReadsTheEnglishDatesOfTheHtmlPage) {
  EXPECT_DOUBLE_EQ(*parse_takeout_time("Feb 2, 2026, 7:24:02\u202fAM GMT+08:00"),
                   *parse_iso_time("2026-02-01T23:24:02Z"));
  EXPECT_DOUBLE_EQ(*parse_takeout_time("Feb 2, 2026, 7:24:02 PM GMT-5:00"),
                   *parse_iso_time("2026-02-03T00:24:02Z"));
  EXPECT_DOUBLE_EQ(*parse_takeout_time("Dec 31, 2025, 12:00:00\u00a0AM UTC"),
                   *parse_iso_time("2025-12-31T00:00:00Z"));
  EXPECT_DOUBLE_EQ(*parse_takeout_time("Mar 9, 2025, 12:05:00 PM PST"),
                   *parse_iso_time("2025-03-09T20:05:00Z"));
  EXPECT_DOUBLE_EQ(*parse_takeout_time("Jun 1, 2025, 9:00:00 AM GMT"),
                   *parse_iso_time("2025-06-01T09:00:00Z"));
  EXPECT_FALSE(parse_takeout_time("Feb 30, 2026, 7:24:02 AM GMT+08:00"));
  EXPECT_FALSE(parse_takeout_time("Feb 2, 2026, 13:24:02 PM GMT"));
  EXPECT_FALSE(parse_takeout_time("Feb 2, 2026, 7:24:02 AM XYZ"));
  EXPECT_FALSE(parse_takeout_time("sometime last week"));
  EXPECT_FALSE(parse_takeout_time(""));
}

TEST(HtmlMarkdown, KeepsWhatMarkdownCanSay) {
  EXPECT_EQ(html_to_markdown("<p>一</p><p>二<br>三</p>"), "一\n\n二  \n三");
  EXPECT_EQ(html_to_markdown("<h2>标题</h2><p><b>粗</b>和<i>斜</i></p>"),
            "## 标题\n\n**粗**和*斜*");
  EXPECT_EQ(html_to_markdown("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"),
            "- a\n\n  - b\n- c");
  EXPECT_EQ(html_to_markdown("<ol start=\"3\"><li>x</li><li>y</li></ol>"), "3. x\n4. y");
  EXPECT_EQ(html_to_markdown("<pre><code class=\"language-cpp\">int a;\n  a = 1;</code></pre>"),
            "```cpp\nint a;\n  a = 1;\n```");
  EXPECT_EQ(html_to_markdown("<p>用 <code>a`b</code></p>"), "用 ``a`b``");
  EXPECT_EQ(html_to_markdown("<table><tr><th>书</th><th>作者</th></tr>"
                             "<tr><td>甲|乙</td><td>丙</td></tr></table>"),
            "| 书 | 作者 |\n| --- | --- |\n| 甲\\|乙 | 丙 |");
  EXPECT_EQ(html_to_markdown("<p>看 <a href=\"https://example.com/a b\">这里</a></p>"),
            "看 [这里](https://example.com/a%20b)");
  EXPECT_EQ(html_to_markdown("&lt;b&gt; &amp; &#x4E2D;"), "\\<b> & 中");
}

TEST(HtmlMarkdown, NeverPassesHostileHtmlThrough) {
  const std::string md = html_to_markdown(
      "<p onclick=\"steal()\">你好</p><script>alert('x')</script><style>p{}</style>"
      "<img src=\"x\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">点我</a>"
      "<a href=\" JavaScript:alert(2)\">再点</a><a href=\"data:text/html,<b>\">数据</a>"
      "<iframe src=\"https://evil.example\"></iframe><svg onload=\"alert(3)\"><text>s</text></svg>"
      "<img src=\"https://example.com/p.png\" alt=\"图\">");
  EXPECT_EQ(md, "你好\n\n点我再点数据[图](https://example.com/p.png)");
  for (const char* bad : {"script", "alert", "onerror", "onclick", "javascript", "data:", "<",
                          "iframe", "evil", "svg"}) {
    EXPECT_EQ(md.find(bad), std::string::npos) << bad;
  }
  // Deep nesting neither overflows the stack nor loses the text.
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><ul><li><b>";
  deep += "底";
  const std::string nested = html_to_markdown(deep);
  EXPECT_NE(nested.find("底"), std::string::npos);
  EXPECT_TRUE(html_to_markdown("").empty());
  EXPECT_TRUE(html_to_markdown("<script>only</script>").empty());
}

TEST(GeminiDetect, LooksAtTheStructureNotTheName) {
  auto look = look_at_json(R"([{"header":"Gemini Apps","title":"Prompted hi","time":"x"}])");
  ASSERT_TRUE(look.provider);
  EXPECT_EQ(*look.provider, Provider::gemini);
  EXPECT_TRUE(look.activity);
  EXPECT_EQ(*look_at_json(R"([{"header":"Bard","title":"Asked hi"}])").provider, Provider::gemini);
  EXPECT_NE(look_at_json(R"([{"header":"Search","title":"Searched for x"}])").provider,
            Provider::gemini);
  auto studio = look_at_json(R"({"runSettings":{"model":"m"},"chunkedPrompt":{"chunks":[]}})");
  ASSERT_TRUE(studio.provider);
  EXPECT_EQ(*studio.provider, Provider::gemini);
  EXPECT_FALSE(studio.activity);
  EXPECT_TRUE(looks_like_gemini_html(testing::read_file(fixture("My Activity.html"))));
  EXPECT_FALSE(looks_like_gemini_html(testing::read_file(fixture("no-records.html"))));
  EXPECT_FALSE(looks_like_gemini_html("<html><body>Gemini Apps</body></html>"));
}

TEST(GeminiGrouping, GapsGemsAndMidnight) {
  int duplicates = 0;
  auto conversations = group_records(
      {
          // across midnight, and exactly the gap: one conversation
          at("2026-02-01T23:50:00Z", "一"), at("2026-02-02T00:15:00Z", "二"),
          at("2026-02-02T00:45:00Z", "三"),
          // one second past the gap: a new one
          at("2026-02-02T01:15:01Z", "四"),
          // two Gems interleaved with Gemini itself
          at("2026-02-03T10:00:00Z", "甲", "写作教练"), at("2026-02-03T10:05:00Z", "乙"),
          at("2026-02-03T10:10:00Z", "丙", "写作教练"), at("2026-02-03T10:15:00Z", "丁"),
          at("2026-02-03T10:15:00Z", "丁"),  // the same record twice
      },
      duplicates);
  ASSERT_EQ(conversations.size(), 4u);
  EXPECT_EQ(duplicates, 1);
  EXPECT_EQ(prompts(conversations[0]), (std::vector<std::string>{"一", "二", "三"}));
  EXPECT_EQ(prompts(conversations[1]), (std::vector<std::string>{"四"}));
  EXPECT_EQ(prompts(conversations[2]), (std::vector<std::string>{"甲", "丙"}));
  EXPECT_EQ(prompts(conversations[3]), (std::vector<std::string>{"乙", "丁"}));
  EXPECT_EQ(conversations[0].id, "gemini-" + record_key(at("2026-02-01T23:50:00Z", "一")));
  EXPECT_NE(conversations[2].meta_json.find("写作教练"), std::string::npos);
  // Whole seconds: the JSON's milliseconds and the page's seconds name the same record.
  EXPECT_EQ(record_key(at("2026-02-01T23:50:00.806Z", "一")),
            record_key(at("2026-02-01T23:50:00Z", "一")));
}

TEST(Gemini, TakeoutZipReadsTheJsonAndKeepsEverything) {
  RecordingSink sink;
  const model::Survey survey = importer::survey(fixture("takeout.zip"));
  EXPECT_EQ(survey.layout, "gemini");
  EXPECT_EQ(survey.account.source, "gemini");
  ASSERT_EQ(survey.conversation_files.size(), 1u);
  EXPECT_EQ(survey.conversation_files[0], "Takeout/My Activity/Gemini Apps/My Activity.json");
  ASSERT_EQ(survey.warnings.size(), 1u);
  EXPECT_NE(survey.warnings[0].find("My Activity.html: the same activity"), std::string::npos);
  Report report = importer::import(survey, sink);
  // 1: across midnight; 2: past the gap; 3, 4: the Gem and Gemini; 5: the link; 6: hostile.
  EXPECT_EQ(report.conversations, 6);
  EXPECT_EQ(report.broken, 0);
  EXPECT_EQ(sink.files.size(), 4u);  // every file kept, the HTML form too
  EXPECT_NE(sink.files.at("Takeout/My Activity/Gemini Apps/My Activity.html").find("outer-cell"),
            std::string::npos);
  EXPECT_EQ(sink.files.at("Takeout/My Activity/Gemini Apps/photo-1.jpg"),
            std::string("\xff\xd8\xff\xe0") + "fake jpeg bytes");
  const std::string warnings = [&] {
    std::string all;
    for (const auto& w : report.warnings) all += w + "\n";
    return all;
  }();
  EXPECT_NE(warnings.find("4 activity records that are no prompts (1 canvas, 1 draft, 1 feedback, "
                          "1 used)"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("1 prompt has no answer"), std::string::npos) << warnings;

  const model::Conversation* calm = starting(sink, "最近工作压力很大");
  ASSERT_NE(calm, nullptr);
  EXPECT_EQ(calm->source, "gemini");
  EXPECT_EQ(calm->title, "最近工作压力很大，怎么放松？");
  EXPECT_TRUE(calm->model.empty());
  EXPECT_EQ(prompts(*calm), (std::vector<std::string>{"最近工作压力很大，怎么放松？",
                                                      "能推荐几本书吗？", "谢谢，我先试试"}));
  EXPECT_DOUBLE_EQ(*calm->create_time, *parse_iso_time("2026-02-01T23:50:00.806Z"));
  model::Tree tree(*calm);
  const auto thread = tree.thread();
  ASSERT_EQ(thread.size(), 6u);  // root, three prompts, two answers
  const model::Message& first_answer = *calm->nodes[thread[2]].message;
  EXPECT_EQ(first_answer.role, "assistant");
  EXPECT_EQ(first_answer.text,
            "压力大的时候，可以先试试这些：\n\n- **深呼吸**：吸气四秒，呼气六秒。\n- 散步\n\n"
            "  - 饭后走二十分钟\n  - 不看手机\n\n如果持续失眠，请找医生聊聊。");
  // Two safeHtmlItem entries are one answer.
  EXPECT_NE(calm->nodes[thread[4]].message->text.find("| 《当下的力量》 | 埃克哈特·托利 |"),
            std::string::npos);
  const model::Message& last = *calm->nodes[thread.back()].message;
  EXPECT_EQ(last.role, "user");
  EXPECT_EQ(last.status, "answer_missing");

  const model::Conversation* gem = starting(sink, "帮我改一段开头");
  ASSERT_NE(gem, nullptr);
  EXPECT_EQ(prompts(*gem), (std::vector<std::string>{"帮我改一段开头", "第二段也改一下"}));

  const model::Conversation* linked = sink.find("c_0a1b2c3d4e5f");
  ASSERT_NE(linked, nullptr);
  EXPECT_EQ(prompts(*linked).size(), 2u);
  const auto& upload = *std::find_if(linked->nodes.begin(), linked->nodes.end(), [](auto& n) {
    return n.message && !n.message->attachments.empty();
  });
  ASSERT_EQ(upload.message->attachments.size(), 2u);
  EXPECT_EQ(upload.message->attachments[0].kind, model::AttachmentKind::image);
  ASSERT_TRUE(sink.resolved.at("photo-1.jpg"));
  EXPECT_EQ(sink.resolved.at("photo-1.jpg")->member, "Takeout/My Activity/Gemini Apps/photo-1.jpg");
  EXPECT_FALSE(sink.resolved.at("notes.pdf"));  // not in the export: unavailable

  const model::Conversation* hostile = starting(sink, "这段网页安全吗");
  ASSERT_NE(hostile, nullptr);
  const std::string& answer = hostile->nodes.back().message->text;
  EXPECT_EQ(answer, "安全的回答\n\n点这里看看");
}

TEST(Gemini, HtmlFormGivesTheSameConversationsAcrossTimeZones) {
  RecordingSink from_json, from_html;
  testing::import_into(fixture("MyActivity.json"), from_json);
  Report report = testing::import_into(fixture("My Activity.html"), from_html);
  EXPECT_EQ(from_html.layout, "gemini");
  ASSERT_EQ(report.conversations, 2);
  ASSERT_EQ(from_json.conversations.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(from_html.conversations[i].id, from_json.conversations[i].id);
    EXPECT_EQ(prompts(from_html.conversations[i]), prompts(from_json.conversations[i]));
  }
  // The page's dates changed zone (GMT+08:00, then GMT+00:00): the times are still UTC.
  EXPECT_DOUBLE_EQ(*from_html.conversations[0].create_time,
                   *parse_iso_time("2026-02-01T23:50:00Z"));
  const model::Conversation* code = starting(from_html, "用 Python");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->nodes.back().message->text,
            "用 `csv` 模块：\n\n```python\nimport csv\nwith open(\"a.csv\") as f:\n"
            "    for row in csv.reader(f):\n        print(row)\n```\n\n"
            "详见 [官方文档](https://docs.python.org/3/library/csv.html)。");
}

TEST(Gemini, NewerTakeoutKeepsTheIds) {
  RecordingSink older, newer;
  testing::import_into(fixture("MyActivity.json"), older);
  testing::import_into(fixture("MyActivity-v2.json"), newer);
  ASSERT_EQ(older.conversations.size(), 2u);
  ASSERT_EQ(newer.conversations.size(), 3u);
  EXPECT_EQ(newer.conversations[0].id, older.conversations[0].id);
  EXPECT_EQ(newer.conversations[1].id, older.conversations[1].id);
  EXPECT_EQ(prompts(newer.conversations[1]).size(), 2u);  // a turn added within the gap
  for (const auto& node : older.conversations[1].nodes) {
    EXPECT_NE(testing::find_node(newer.conversations[1], node.id), nullptr) << node.id;
  }
}

TEST(Gemini, BrokenInput) {
  // Cut short: one line naming the file, nothing imported.
  try {
    RecordingSink sink;
    testing::import_into(fixture("truncated.json"), sink);
    FAIL() << "a truncated activity file was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), ErrorCode::unreadable_json);
    EXPECT_NE(std::string(e.what()).find("truncated.json"), std::string::npos) << e.what();
  }
  // A page with no records is no Gemini export.
  try {
    importer::survey(fixture("no-records.html"));
    FAIL() << "an HTML page without records was taken";
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_layout);
    EXPECT_NE(std::string(e.what()).find("no-records.html: not a ChatGPT, Claude, Gemini or Grok"),
              std::string::npos)
        << e.what();
  }
  // A record whose time is no time: reported and kept raw, the others imported.
  RecordingSink sink;
  Report report = testing::import_into(fixture("bad-time.json"), sink);
  EXPECT_EQ(report.conversations, 2);
  ASSERT_EQ(report.broken, 1);
  EXPECT_EQ(sink.broken[0].index, 1u);
  EXPECT_EQ(sink.broken[0].title, "Prompted 坏掉的时间");
  EXPECT_NE(sink.broken[0].reason.find("sometime last week"), std::string::npos);
  EXPECT_NE(sink.broken[0].raw_json.find("坏掉的时间"), std::string::npos);
}

TEST(Gemini, AiStudioFolder) {
  RecordingSink sink;
  Report report = testing::import_into(fixture("aistudio"), sink);
  EXPECT_EQ(sink.layout, "gemini");
  ASSERT_EQ(report.conversations, 2);
  const model::Conversation* stress = starting(sink, "压力测试");
  ASSERT_NE(stress, nullptr);
  EXPECT_EQ(stress->model, "gemini-2.5-pro");
  EXPECT_EQ(stress->id.rfind("aistudio-", 0), 0u);
  model::Tree tree(*stress);
  const auto thread = tree.thread();
  ASSERT_EQ(thread.size(), 5u);  // root, system instruction, prompt, thought, answer
  EXPECT_EQ(stress->nodes[thread[1]].message->kind, model::MessageKind::system);
  EXPECT_EQ(stress->nodes[thread[1]].message->text, "用中文回答。");
  const model::Message& thought = *stress->nodes[thread[3]].message;
  EXPECT_EQ(thought.kind, model::MessageKind::reasoning);
  EXPECT_TRUE(thought.hidden);
  const model::Message& answer = *stress->nodes[thread[4]].message;
  EXPECT_EQ(answer.text, "先确定目标，再逐步加压。");
  EXPECT_EQ(answer.model, "gemini-2.5-pro");
}

TEST(Gemini, RealAiStudioSample) {
  const fs::path path =
      fs::path(AFTERGLOW_SHARED_FIXTURES) / "gemini" / "openwebui-importer-aistudio-example.json";
  if (!fs::exists(path)) GTEST_SKIP() << "shared fixture absent: " << path;
  RecordingSink sink;
  Report report = testing::import_into(path, sink);
  ASSERT_EQ(report.conversations, 1);
  const model::Conversation& c = sink.conversations.at(0);
  EXPECT_EQ(c.source, "gemini");
  EXPECT_EQ(c.model, "gemini-3-pro-preview");
  model::Tree tree(c);
  const auto thread = tree.thread();
  ASSERT_EQ(thread.size(), 4u);  // root, the question, a thought, the answer
  EXPECT_EQ(c.nodes[thread[2]].message->kind, model::MessageKind::reasoning);
  EXPECT_NE(c.nodes[thread[3]].message->text.find("absolutely correct"), std::string::npos);
  EXPECT_EQ(sink.files.at(path.filename().string()), testing::read_file(path));
}

}  // namespace
}  // namespace afterglow::importer
