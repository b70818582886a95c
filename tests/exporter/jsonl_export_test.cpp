// `afterglow export --format jsonl`: every node of the selection, one line each, the same bytes
// every time, and the golden file of the example export (English and Chinese conversations).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

class JsonlExport : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  std::vector<nlohmann::json> lines_of(const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }
  CliRunner cli_;
};

TEST_F(JsonlExport, EveryNodeOnceAndTheSameBytesEveryRun) {
  const auto out = cli_.dir() / "all.jsonl";
  auto r = cli_.run({"export", "--format", "jsonl", "--out", out.string(), "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto text = read_file(out);
  const auto lines = lines_of(text);
  const long long nodes = archive_count(cli_.archive(), "SELECT count(*) FROM nodes");
  ASSERT_GT(nodes, 0);
  EXPECT_EQ(static_cast<long long>(lines.size()), nodes);
  auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["format"], "jsonl");
  EXPECT_EQ(summary["messages"], nodes);
  EXPECT_EQ(summary["conversations"],
            archive_count(cli_.archive(), "SELECT count(*) FROM conversations"));
  // Branches and hidden messages are there too, not only the displayed thread.
  size_t off_thread = 0, hidden = 0;
  for (const auto& line : lines) {
    off_thread += line["on_thread"] == false;
    hidden += line["hidden"] == true && line["role"].is_string();
  }
  EXPECT_GT(off_thread, 0u);
  EXPECT_GT(hidden, 0u);

  const auto again = cli_.dir() / "again.jsonl";
  ASSERT_EQ(cli_.run({"export", "--format", "jsonl", "--out", again.string()}).status, 0);
  EXPECT_EQ(read_file(again), text);
  expect_golden("example.jsonl", text);
}

TEST_F(JsonlExport, OneConversationByIdHoldsItsNodes) {
  const auto out = cli_.dir() / "one.jsonl";
  auto r = cli_.run({"export", "--format", "jsonl", "aa06b67a", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = lines_of(read_file(out));
  EXPECT_EQ(static_cast<long long>(lines.size()),
            archive_count(cli_.archive(),
                          "SELECT count(*) FROM nodes JOIN conversations c ON c.id = "
                          "nodes.conversation_id WHERE c.external_id LIKE 'aa06b67a%'"));
  for (const auto& line : lines) EXPECT_EQ(line["conversation_title"], "工作压力和睡不着");
  EXPECT_NE(r.out.find("1 conversation"), std::string::npos) << r.out;
}

TEST_F(JsonlExport, SearchSelectionHoldsOnlyMatchingConversations) {
  const auto out = cli_.dir() / "gpt4.jsonl";
  auto r = cli_.run({"export", "--format", "jsonl", "model:gpt-4", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> conversations;
  for (const auto& line : lines_of(read_file(out))) {
    conversations.insert(line["conversation_id"].get<std::string>());
  }
  EXPECT_EQ(conversations, std::set<std::string>{"5a211b5e-f77f-58be-a87d-91db131aac22"});
}

}  // namespace
}  // namespace afterglow::testing
