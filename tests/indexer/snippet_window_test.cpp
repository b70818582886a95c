// Long messages: Xapian's snippet generator reads only a window around the first match, and the
// snippet still says where the text was cut.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "afterglow/indexer/index.h"
#include "indexer/corpus.h"
#include "snippet.h"

namespace afterglow::indexer {
namespace {

namespace fs = std::filesystem;

const std::string kEllipsis = "\xE2\x80\xA6";

// `words` copies of a filler sentence with no query term in it.
std::string filler(int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) out += "The garden was quiet that evening and nobody spoke. ";
  return out;
}

TEST(SnippetWindow, AShortTextIsReadWhole) {
  const std::string text = "a short message about psychohistory";
  const auto w = snippet_window(text, {"psychohistory"}, 240);
  EXPECT_EQ(w.begin, 0u);
  EXPECT_EQ(w.end, text.size());
}

TEST(SnippetWindow, ALongTextIsReadAroundTheFirstWordThatStartsWithATerm) {
  const std::string before = filler(100);
  const std::string text = before + "Then psychohistory came up. " + filler(100);
  const auto w = snippet_window(text, {"Psychohistory"}, 240);
  EXPECT_LT(w.begin, before.size() - 200);
  EXPECT_GT(w.begin, before.size() - 260);
  EXPECT_EQ(text[w.begin - 1], ' ') << "the window starts at a word";
  EXPECT_EQ(w.end, before.size() + 5 + 3 * 240);
}

TEST(SnippetWindow, ATermInsideAnotherWordDoesNotPlaceTheWindow) {
  const std::string text = "sometimes " + filler(100) + "time flies " + filler(100);
  const auto w = snippet_window(text, {"time"}, 240);
  EXPECT_GT(w.begin, 4000u);
  EXPECT_NE(text.substr(w.begin, w.end - w.begin).find("time flies"), std::string::npos);
}

TEST(SnippetWindow, ChineseIsFoundAnywhereAndAStemOnlyMatchReadsTheWholeText) {
  std::string chinese;
  for (int i = 0; i < 300; ++i) chinese += "今天天气很好。";
  chinese += "工作压力很大。";
  const auto w = snippet_window(chinese, {"压力"}, 240);
  EXPECT_GT(w.begin, 0u);
  EXPECT_NE(chinese.substr(w.begin, w.end - w.begin).find("压力"), std::string::npos);
  // "running" is not in the text as written; Xapian's stems find "runs", so it reads it all.
  const std::string text = filler(100) + "she runs daily";
  const auto whole = snippet_window(text, {"running"}, 240);
  EXPECT_EQ(whole.begin, 0u);
  EXPECT_EQ(whole.end, text.size());
}

TEST(SnippetWindow, CutsAreMarkedOnceOnEachSide) {
  EXPECT_EQ(mark_window_cuts("middle", {10, 20}, 30), kEllipsis + "middle" + kEllipsis);
  EXPECT_EQ(mark_window_cuts(kEllipsis + "middle" + kEllipsis, {10, 20}, 30),
            kEllipsis + "middle" + kEllipsis);
  EXPECT_EQ(mark_window_cuts("whole", {0, 30}, 30), "whole");
}

TEST(SnippetWindow, ASearchMarksTheMatchDeepInALongMessage) {
  const fs::path dir =
      fs::temp_directory_path() / ("afterglow-snippet-window-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::vector<Document> docs = {testing::message(
      "conv-long", "n1", "assistant",
      filler(200) + "Seldon's psychohistory predicts the fall. " + filler(200), 1.7e9)};
  docs[0].seq = 1;
  {
    auto writable = open_xapian_index(dir, true);
    writable->add(docs[0]);
    writable->commit(1);
  }
  auto index = open_xapian_index(dir, false, testing::text_of(docs));
  const auto results = index->search(parse_query("psychohistory"), {});
  ASSERT_EQ(results.hits.size(), 1u);
  const std::string& snippet = results.hits[0].snippet;
  EXPECT_NE(snippet.find("\x01psychohistory\x02 predicts the fall"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.rfind(kEllipsis, 0), 0u) << snippet;
  EXPECT_LT(snippet.size(), 300u) << snippet;
  index.reset();  // closed first: Windows removes no open file
  fs::remove_all(dir);
}

}  // namespace
}  // namespace afterglow::indexer
