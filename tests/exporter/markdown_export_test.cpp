// `afterglow export --format markdown|obsidian|html` on the example export: the notes parsed back
// with cmark-gfm (headings, fenced code with its language, footnotes, links to copied files),
// golden notes in English and Chinese, the vault's front matter and index notes, the pages.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "afterglow/model/utf8_path.h"
#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

// What a note's syntax tree holds, as CommonMark + GFM (footnotes on) reads it.
struct ParsedNote {
  std::vector<int> heading_levels;
  std::vector<std::string> code_languages;  // fence info strings
  std::vector<std::string> urls;            // of links and images
  int images = 0;
  int footnote_references = 0;
  int footnote_definitions = 0;
  int html_blocks = 0;
};

ParsedNote parse_markdown(const std::string& text) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* document = cmark_parser_finish(parser);
  ParsedNote note;
  cmark_iter* iter = cmark_iter_new(document);
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        note.heading_levels.push_back(cmark_node_get_heading_level(node));
        break;
      case CMARK_NODE_CODE_BLOCK:
        note.code_languages.emplace_back(cmark_node_get_fence_info(node));
        break;
      case CMARK_NODE_IMAGE:
        ++note.images;
        note.urls.emplace_back(cmark_node_get_url(node));
        break;
      case CMARK_NODE_LINK:
        note.urls.emplace_back(cmark_node_get_url(node));
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        ++note.footnote_references;
        break;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        ++note.footnote_definitions;
        break;
      case CMARK_NODE_HTML_BLOCK:
        ++note.html_blocks;
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return note;
}

class OpenFormatExport : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  fs::path export_as(const std::string& format, std::vector<std::string> extra = {}) {
    const auto out = cli_.dir() / format;
    std::vector<std::string> args = {"export", "--format", format, "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return out;
  }
  CliRunner cli_;
};

TEST_F(OpenFormatExport, MarkdownNotesParseBackWithTheirCodeFootnotesAndFiles) {
  const auto out = export_as("markdown");
  std::map<std::string, ParsedNote> notes;
  for (const auto& name : files_under(out)) {
    if (name.ends_with(".md")) notes[name] = parse_markdown(read_file(out / utf8_path(name)));
  }
  ASSERT_EQ(static_cast<long long>(notes.size()),
            archive_count(cli_.archive(), "SELECT count(*) FROM conversations"));
  std::set<std::string> languages;
  int images = 0, references = 0, definitions = 0, folded = 0;
  for (const auto& [name, note] : notes) {
    ASSERT_FALSE(note.heading_levels.empty()) << name;
    EXPECT_EQ(note.heading_levels.front(), 1) << name;
    for (const auto& url : note.urls) {
      if (url.starts_with("assets/")) {
        EXPECT_TRUE(fs::is_regular_file(out / utf8_path(url))) << name << ": " << url;
      }
    }
    languages.insert(note.code_languages.begin(), note.code_languages.end());
    images += note.images;
    references += note.footnote_references;
    definitions += note.footnote_definitions;
    folded += note.html_blocks;
  }
  EXPECT_TRUE(languages.contains("python")) << "code is fenced with its language";
  EXPECT_GT(images, 0);
  EXPECT_GT(references, 0) << "citations become footnotes";
  EXPECT_GE(definitions, 1);
  EXPECT_GT(folded, 0) << "reasoning and tool calls are folded in <details>";
  EXPECT_TRUE(notes.contains("2024-04-09 工作压力和睡不着.md"));
  expect_golden("markdown/2024-04-09 工作压力和睡不着.md",
                read_file(out / utf8_path("2024-04-09 工作压力和睡不着.md")));
  expect_golden("markdown/2024-02-18 Foundation and psychohistory.md",
                read_file(out / "2024-02-18 Foundation and psychohistory.md"));
  expect_golden("markdown/2024-06-02 Count diary words per month.md",
                read_file(out / "2024-06-02 Count diary words per month.md"));
}

TEST_F(OpenFormatExport, MarkdownLabelsFollowTheChosenLanguageNotTheLocale) {
  const auto zh = export_as("markdown", {"--lang", "zh", "c5a6db7a"});
  cli_.locale = "LANG=zh_CN.UTF-8";
  const auto en_out = cli_.dir() / "en";
  ASSERT_EQ(cli_.run({"export", "--format", "markdown", "--lang", "en", "c5a6db7a", "--out",
                      en_out.string()})
                .status,
            0);
  const auto name = utf8_path("2025-03-02 梦见外婆.md");
  const auto zh_text = read_file(zh / name);
  const auto en_text = read_file(en_out / name);
  EXPECT_NE(zh_text.find("## 你"), std::string::npos) << zh_text;
  EXPECT_NE(en_text.find("## You"), std::string::npos) << en_text;
  expect_golden("markdown/zh/2025-03-02 梦见外婆.md", zh_text);
}

TEST_F(OpenFormatExport, ObsidianVaultHasFrontMatterOneAttachmentFolderAndIndexes) {
  const auto out = export_as("obsidian");
  const auto files = files_under(out);
  std::set<std::string> attachments, notes;
  for (const auto& f : files) {
    if (f.starts_with("attachments/")) attachments.insert(f.substr(12));
    if (f.starts_with("Conversations/")) notes.insert(f.substr(14, f.size() - 14 - 3));
  }
  ASSERT_FALSE(attachments.empty());
  ASSERT_EQ(static_cast<long long>(notes.size()),
            archive_count(cli_.archive(), "SELECT count(*) FROM conversations"));
  for (const auto& note : notes) {
    const auto text = read_file(out / "Conversations" / utf8_path(note + ".md"));
    ASSERT_TRUE(text.starts_with("---\nid: \"")) << note;
    EXPECT_NE(text.find("\nsource: \"chatgpt\"\n"), std::string::npos) << note;
    // Every wikilink to a file names one in attachments/.
    for (size_t at = text.find("[["); at != std::string::npos; at = text.find("[[", at + 2)) {
      const auto end = text.find("]]", at);
      ASSERT_NE(end, std::string::npos);
      EXPECT_TRUE(attachments.contains(text.substr(at + 2, end - at - 2))) << note;
    }
  }
  // The index notes link every note once, by year and by model.
  size_t by_year = 0, by_model = 0;
  for (const auto& f : files) {
    if (!f.starts_with("Years/") && !f.starts_with("Models/")) continue;
    const auto text = read_file(out / utf8_path(f));
    for (size_t at = text.find("- [["); at != std::string::npos; at = text.find("- [[", at + 4)) {
      const auto end = text.find("]]", at);
      EXPECT_TRUE(notes.contains(text.substr(at + 4, end - at - 4))) << f;
      ++(f.starts_with("Years/") ? by_year : by_model);
    }
  }
  EXPECT_EQ(by_year, notes.size());
  EXPECT_EQ(by_model, notes.size());
  EXPECT_TRUE(fs::exists(out / "Years" / "2024.md"));
  EXPECT_TRUE(fs::exists(out / "Models" / "gpt-4o.md"));
  expect_golden("obsidian/2025-03-02 梦见外婆.md",
                read_file(out / "Conversations" / utf8_path("2025-03-02 梦见外婆.md")));
}

TEST_F(OpenFormatExport, HtmlIsOneSelfContainedPagePerConversation) {
  const auto out = export_as("html");
  const auto files = files_under(out);
  ASSERT_EQ(static_cast<long long>(files.size()),
            archive_count(cli_.archive(), "SELECT count(*) FROM conversations"));
  for (const auto& f : files) {
    ASSERT_TRUE(f.ends_with(".html")) << f;
    const auto page = read_file(out / utf8_path(f));
    EXPECT_NE(page.find("<!DOCTYPE html>"), std::string::npos) << f;
    EXPECT_EQ(page.find("src=\"http"), std::string::npos) << f << " loads something from the web";
  }
  const auto voice = read_file(out / utf8_path("2025-03-02 梦见外婆.html"));
  EXPECT_NE(voice.find("data:audio/"), std::string::npos) << "the voice clips are inside the page";
}

}  // namespace
}  // namespace afterglow::testing
