#include "json_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace afterglow::importer {
namespace {

struct Split {
  std::vector<std::string> elements;
  std::vector<size_t> indices;
};

// Feeds `json` in pieces of `step` bytes, so every boundary case is crossed somewhere.
Split split(const std::string& json, size_t step) {
  Split result;
  JsonArraySplitter splitter([&](std::string&& element, size_t index) {
    result.elements.push_back(std::move(element));
    result.indices.push_back(index);
  });
  for (size_t i = 0; i < json.size(); i += step)
    splitter.feed(std::string_view(json).substr(i, step));
  splitter.finish();
  return result;
}

TEST(JsonSplitter, CutsTopLevelArrayIntoExactElementBytes) {
  const std::string a = R"({"id":"a","t":"x]}{,\"y"})";
  const std::string b = R"({"id":"b","nested":{"k":[1,2,{"z":"}"}]},"s":"\\"})";
  const std::string json = " [\n" + a + " ,\n\t" + b + "\n]\n";
  for (size_t step : {1u, 2u, 3u, 7u, 1000u}) {
    Split result = split(json, step);
    ASSERT_EQ(result.elements.size(), 2u) << "step " << step;
    EXPECT_EQ(result.elements[0], a);
    EXPECT_EQ(result.elements[1], b);
    EXPECT_EQ(result.indices[1], 1u);
  }
}

TEST(JsonSplitter, UnicodeAndEscapedQuotesInsideStrings) {
  const std::string a = R"({"title":"中文【标题】 \"quoted\" \\","e":"\ue200"})";
  Split result = split("[" + a + "]", 5);
  ASSERT_EQ(result.elements.size(), 1u);
  EXPECT_EQ(result.elements[0], a);
}

TEST(JsonSplitter, ConversationsObjectForm) {
  const std::string json =
      R"({"version":{"a":[1,"]"]},"conversations":[{"id":"1"},{"id":"2"}],"tail":"[{"})";
  for (size_t step : {1u, 4u, 100u}) {
    Split result = split(json, step);
    ASSERT_EQ(result.elements.size(), 2u);
    EXPECT_EQ(result.elements[0], R"({"id":"1"})");
    EXPECT_EQ(result.elements[1], R"({"id":"2"})");
  }
}

TEST(JsonSplitter, EmptyArrayAndByteOrderMark) {
  EXPECT_TRUE(split("[]", 1).elements.empty());
  EXPECT_TRUE(split("\xEF\xBB\xBF [ ]", 100).elements.empty());
}

TEST(JsonSplitter, ScalarElementsAreHandedOverToo) {
  Split result = split(R"([{"id":"1"}, 42, "text", null, {"id":"2"}])", 3);
  ASSERT_EQ(result.elements.size(), 5u);
  EXPECT_EQ(result.elements[1], "42");
  EXPECT_EQ(result.elements[2], "\"text\"");
  EXPECT_EQ(result.elements[3], "null");
  EXPECT_EQ(result.elements[4], R"({"id":"2"})");
}

TEST(JsonSplitter, TruncatedInsideAnElementThrows) {
  std::vector<std::string> seen;
  JsonArraySplitter splitter([&](std::string&& element, size_t) { seen.push_back(element); });
  splitter.feed(R"([{"id":"1"},{"id":"2","title":"cut he)");
  try {
    splitter.finish();
    FAIL() << "expected JsonStructureError";
  } catch (const JsonStructureError& e) {
    EXPECT_NE(std::string(e.what()).find("conversation 2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(seen.size(), 1u);  // the complete one was still delivered
}

TEST(JsonSplitter, TruncatedBetweenElementsThrows) {
  JsonArraySplitter splitter([](std::string&&, size_t) {});
  splitter.feed(R"([{"id":"1"},)");
  EXPECT_THROW(splitter.finish(), JsonStructureError);
}

TEST(JsonSplitter, NotJsonThrowsAtOnce) {
  JsonArraySplitter splitter([](std::string&&, size_t) {});
  EXPECT_THROW(splitter.feed("hello world"), JsonStructureError);
}

TEST(JsonSplitter, ObjectWithoutConversationsThrows) {
  JsonArraySplitter splitter([](std::string&&, size_t) {});
  splitter.feed(R"({"chats":[{"id":"1"}]})");
  EXPECT_THROW(splitter.finish(), JsonStructureError);
}

TEST(JsonSplitter, EmptyInputThrows) {
  JsonArraySplitter splitter([](std::string&&, size_t) {});
  splitter.feed("  ");
  EXPECT_THROW(splitter.finish(), JsonStructureError);
}

}  // namespace
}  // namespace afterglow::importer
