// Checks every translation in po/*.po as a reviewer would: the same placeholders as the English
// (a dropped {1} would silently lose a number), and Chinese punctuation beside Chinese words.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace afterglow::i18n {
namespace {

struct Entry {
  std::string msgid, msgid_plural;
  std::vector<std::string> msgstr;
  bool fuzzy = false;
};

// The text of a quoted PO string, escapes undone.
std::string unquote(const std::string& line) {
  std::string out;
  const size_t open = line.find('"');
  for (size_t i = open + 1; i + 1 < line.size(); ++i) {
    if (line[i] == '\\' && i + 2 < line.size()) {
      const char next = line[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += line[i];
    }
  }
  return out;
}

std::vector<Entry> read_po(const std::string& path) {
  std::ifstream in(path);
  std::vector<Entry> entries;
  Entry current;
  std::string* field = nullptr;
  auto finish = [&] {
    if (!current.msgid.empty()) entries.push_back(current);
    current = Entry{};
    field = nullptr;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      finish();
    } else if (line.rfind("#,", 0) == 0) {
      current.fuzzy = line.find("fuzzy") != std::string::npos;
    } else if (line.rfind("msgid_plural ", 0) == 0) {
      current.msgid_plural = unquote(line);
      field = &current.msgid_plural;
    } else if (line.rfind("msgid ", 0) == 0) {
      current.msgid = unquote(line);
      field = &current.msgid;
    } else if (line.rfind("msgstr", 0) == 0) {
      current.msgstr.push_back(unquote(line));
      field = &current.msgstr.back();
    } else if (line[0] == '"' && field) {
      *field += unquote(line);
    }
  }
  finish();
  return entries;
}

std::multiset<std::string> placeholders(const std::string& text) {
  std::multiset<std::string> found;
  for (size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
    const size_t close = text.find('}', at);
    if (close != std::string::npos) found.insert(text.substr(at, close - at + 1));
  }
  return found;
}

// True for the UTF-8 sequence of a CJK ideograph or of full-width punctuation.
bool is_chinese_at(const std::string& text, size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  return byte >= 0xE3 && byte <= 0xEF;  // U+3000 to U+FFFF: CJK, full-width forms
}

std::string catalog(const std::string& language) {
  return std::string(AFTERGLOW_SOURCE_DIR) + "/po/" + language + ".po";
}

// The languages of po/LINGUAS.
std::vector<std::string> languages() {
  std::ifstream in(std::string(AFTERGLOW_SOURCE_DIR) + "/po/LINGUAS");
  std::vector<std::string> found;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') found.push_back(line);
  }
  return found;
}

TEST(Catalog, EveryTranslationKeepsEveryPlaceholder) {
  const auto all = languages();
  ASSERT_FALSE(all.empty());
  for (const auto& language : all) {
    const auto entries = read_po(catalog(language));
    ASSERT_GT(entries.size(), 50u) << language;
    for (const auto& e : entries) {
      EXPECT_FALSE(e.fuzzy) << language << ": " << e.msgid;
      for (const auto& translation : e.msgstr) {
        EXPECT_FALSE(translation.empty()) << language << ": untranslated: " << e.msgid;
        EXPECT_EQ(placeholders(translation), placeholders(e.msgid))
            << language << ": " << e.msgid << "\n -> " << translation;
      }
    }
  }
}

TEST(Catalog, ChineseUsesChinesePunctuation) {
  const std::string ascii_marks = ",;:()?!";
  for (const auto& e : read_po(catalog("zh_CN"))) {
    for (const auto& t : e.msgstr) {
      for (size_t i = 0; i < t.size(); ++i) {
        if (ascii_marks.find(t[i]) == std::string::npos) continue;
        const bool after_chinese =
            i >= 3 && is_chinese_at(t, i - 3) && static_cast<unsigned char>(t[i - 1]) >= 0x80;
        const bool before_chinese = i + 1 < t.size() && is_chinese_at(t, i + 1);
        EXPECT_FALSE(after_chinese || before_chinese)
            << "ASCII '" << t[i] << "' beside Chinese in: " << t;
      }
    }
  }
}

}  // namespace
}  // namespace afterglow::i18n
