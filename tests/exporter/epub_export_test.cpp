// `afterglow export --format epub`: one EPUB 3 file whose first entry is the bare, stored
// mimetype; a page per conversation in its language; the archive's images inside it; the same
// bytes for the same selection; nothing left behind when it cannot be written. (epubcheck's
// verdict is epub_check_test.cpp's.)
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "afterglow/model/utf8_path.h"
#include "exporter/epub_support.h"
#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

uint16_t le16(const std::string& bytes, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(bytes[at]) |
                               static_cast<unsigned char>(bytes[at + 1]) << 8);
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

class EpubExport : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  nlohmann::json export_epub(const fs::path& out, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"export", "--format", "epub", "--out", out.string(), "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    return r.status == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
  }
  CliRunner cli_;
};

TEST_F(EpubExport, MimetypeIsTheFirstEntryStoredWithNoExtraField) {
  const auto out = cli_.dir() / "book.epub";
  export_epub(out);
  const std::string bytes = read_file(out);
  ASSERT_GT(bytes.size(), 30u + 8 + 20);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\3\4", 4)) << "a local file header first";
  EXPECT_EQ(le16(bytes, 8), 0) << "compression method: stored";
  EXPECT_EQ(le16(bytes, 26), 8) << "name length";
  EXPECT_EQ(le16(bytes, 28), 0) << "extra field length";
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 20), "application/epub+zip");
  // The central directory says the same of it.
  const size_t central = bytes.find(std::string("PK\1\2", 4));
  ASSERT_NE(central, std::string::npos);
  EXPECT_EQ(le16(bytes, central + 10), 0) << "compression method in the central directory";
  EXPECT_EQ(le16(bytes, central + 30), 0) << "extra field length in the central directory";
  EXPECT_EQ(bytes.substr(central + 46, 8), "mimetype");
}

TEST_F(EpubExport, EveryConversationIsAPageOfTheSpineInItsLanguage) {
  const auto out = cli_.dir() / "book.epub";
  const auto summary = export_epub(out);
  EXPECT_EQ(summary["format"], "epub");
  EXPECT_EQ(summary["files"], 1);
  const long long conversations =
      archive_count(cli_.archive(), "SELECT count(*) FROM conversations");
  EXPECT_EQ(summary["conversations"], conversations);

  const auto entries = zip_entries(out);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().first, "mimetype");
  EXPECT_NE(entry_named(entries, "META-INF/container.xml").find("OEBPS/content.opf"),
            std::string::npos);
  const std::string opf = entry_named(entries, "OEBPS/content.opf");
  EXPECT_TRUE(std::regex_search(
      opf, std::regex("<dc:identifier id=\"book-id\">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-"
                      "[89ab][0-9a-f]{3}-[0-9a-f]{12}</dc:identifier>")))
      << opf;
  EXPECT_TRUE(std::regex_search(
      opf, std::regex("<meta property=\"dcterms:modified\">\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:"
                      "\\d\\dZ</meta>")))
      << opf;
  EXPECT_NE(opf.find("<dc:title>Conversations</dc:title>"), std::string::npos) << opf;
  EXPECT_NE(opf.find("properties=\"nav\""), std::string::npos);

  size_t pages = 0;
  bool chinese = false, english = false;
  for (const auto& [name, bytes] : entries) {
    if (!name.ends_with(".xhtml")) continue;
    EXPECT_TRUE(bytes.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) << name;
    EXPECT_EQ(bytes.find("<script"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("<br>"), std::string::npos) << name;
    if (!name.starts_with("OEBPS/text/")) continue;
    ++pages;
    EXPECT_NE(opf.find("href=\"" + name.substr(6) + "\""), std::string::npos) << name;
    chinese = chinese || bytes.find("lang=\"zh-CN\" xml:lang=\"zh-CN\"") != std::string::npos;
    english = english || bytes.find("lang=\"en\" xml:lang=\"en\"") != std::string::npos;
  }
  EXPECT_EQ(static_cast<long long>(pages), conversations);
  EXPECT_EQ(count_of(opf, "<itemref "), pages + 2) << "the cover, the contents, the pages";
  EXPECT_TRUE(chinese) << "the example's Chinese conversations are written in Chinese";
  EXPECT_TRUE(english);
  const std::string nav = entry_named(entries, "OEBPS/nav.xhtml");
  EXPECT_NE(nav.find("epub:type=\"toc\""), std::string::npos);
  EXPECT_NE(nav.find("epub:type=\"landmarks\""), std::string::npos);
  EXPECT_NE(nav.find(">梦见外婆</a>"), std::string::npos) << nav;
  const std::string cover = entry_named(entries, "OEBPS/cover.xhtml");
  EXPECT_NE(cover.find("<hr class=\"rule\"/>"), std::string::npos) << cover;
  EXPECT_NE(cover.find(std::to_string(conversations) + " conversations"), std::string::npos)
      << cover;
  EXPECT_NE(entry_named(entries, "OEBPS/style.css").find("\"Noto Serif CJK SC\""),
            std::string::npos);
}

TEST_F(EpubExport, TheArchivesImagesAreInsideAndListedOthersAreNamed) {
  const auto out = cli_.dir() / "book.epub";
  const auto summary = export_epub(out);
  const auto entries = zip_entries(out);
  const std::string opf = entry_named(entries, "OEBPS/content.opf");
  std::vector<std::string> images;
  for (const auto& [name, bytes] : entries) {
    if (!name.starts_with("OEBPS/images/")) continue;
    images.push_back(name.substr(6));
    EXPECT_TRUE(name.ends_with(".png")) << name;
    EXPECT_TRUE(bytes.starts_with("\x89PNG")) << name;
    EXPECT_NE(opf.find("href=\"" + images.back() + "\" media-type=\"image/png\""),
              std::string::npos)
        << opf;
  }
  ASSERT_EQ(images.size(), 1u) << "IMG_4521.png, once";
  std::string pages;
  for (const auto& [name, bytes] : entries) {
    if (name.starts_with("OEBPS/text/")) pages += bytes;
  }
  EXPECT_NE(pages.find("<img src=\"../" + images.front() + "\" alt=\"IMG_4521.png\""),
            std::string::npos);
  // The WEBP image is one no e-reader must show, the voice recordings are not images: named.
  EXPECT_NE(pages.find("<p class=\"missing\"><span class=\"icon\" aria-hidden=\"true\">🖼</span> "
                       "file-LbjxbHz0YJhJjd0DxdId9z"),
            std::string::npos);
  EXPECT_EQ(pages.find("<audio"), std::string::npos);
  EXPECT_GE(summary["attachments_copied"], 1);
  EXPECT_GE(summary["attachments_unavailable"], 1);
}

TEST_F(EpubExport, OneSelectionIsTheSameBookEveryTime) {
  const auto first = cli_.dir() / "first.epub";
  const auto second = cli_.dir() / "second.epub";
  export_epub(first);
  export_epub(second);
  EXPECT_EQ(read_file(first), read_file(second));

  const auto one = cli_.dir() / "one.epub";
  const auto summary = export_epub(one, {"Kyoto"});
  EXPECT_EQ(summary["conversations"], 1);
  const auto entries = zip_entries(one);
  const std::string opf = entry_named(entries, "OEBPS/content.opf");
  EXPECT_NE(opf.find("<dc:title>Kyoto cherry blossoms with Mom</dc:title>"), std::string::npos)
      << opf;
  std::smatch a, b;
  const std::regex id("urn:uuid:[0-9a-f-]{36}");
  const std::string all_opf = entry_named(zip_entries(first), "OEBPS/content.opf");
  ASSERT_TRUE(std::regex_search(opf, a, id));
  ASSERT_TRUE(std::regex_search(all_opf, b, id));
  EXPECT_NE(a.str(), b.str()) << "another selection is another book";
}

TEST_F(EpubExport, ChineseConversationsMakeAChineseBook) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", fixture("chinese.json")}).status, 0);
  const auto out = cli.dir() / utf8_path("中文.epub");
  auto r = cli.run({"export", "--format", "epub", "--out", utf8_string(out)});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto entries = zip_entries(out);
  const std::string opf = entry_named(entries, "OEBPS/content.opf");
  EXPECT_NE(opf.find("<dc:language>zh-CN</dc:language>"), std::string::npos) << opf;
  EXPECT_NE(opf.find("xml:lang=\"zh-CN\""), std::string::npos);
  for (const auto& [name, bytes] : entries) {
    if (name.ends_with(".xhtml")) {
      EXPECT_NE(bytes.find("xml:lang=\"zh-CN\""), std::string::npos) << name;
    }
  }
  EXPECT_NE(entry_named(entries, "OEBPS/nav.xhtml").find("<h1>目录</h1>"), std::string::npos);
  EXPECT_NE(entry_named(entries, "OEBPS/cover.xhtml").find("段对话"), std::string::npos);
}

TEST_F(EpubExport, AnExportThatCannotBeWrittenLeavesNothing) {
  auto r = cli_.run({"export", "--format", "epub", "--out",
                     (cli_.dir() / "no-such-folder" / "book.epub").string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(cli_.dir() / "no-such-folder"));

  const auto taken = cli_.dir() / "taken.epub";
  std::ofstream(taken, std::ios::binary) << "mine\n";
  r = cli_.run({"export", "--format", "epub", "--out", taken.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(read_file(taken), "mine\n");

  r = cli_.run({"export", "--format", "epub", "zzzz-no-such-word-anywhere", "--out",
                (cli_.dir() / "none.epub").string()});
  EXPECT_EQ(r.status, 2) << r.err;
  for (const auto& entry : fs::directory_iterator(cli_.dir())) {
    const auto name = entry.path().filename().string();
    EXPECT_EQ(name.find(".afterglow-export-"), std::string::npos) << name;
    EXPECT_NE(name, "none.epub");
  }
}

}  // namespace
}  // namespace afterglow::testing
