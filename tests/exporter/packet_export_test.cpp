// `afterglow export --format packet`: the continuity packet on the example export — golden text in
// Chinese and English, the budget kept (instructions first, then the newest memories, then the
// exchanges), the exchange the search matched, and refused options.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "afterglow/text/utf8.h"
#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

class PacketExport : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  fs::path packet(const std::string& name, std::vector<std::string> extra = {}) {
    const auto out = cli_.dir() / name;
    std::vector<std::string> args = {"export", "--format", "packet", "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return out;
  }
  static nlohmann::json json_of(const fs::path& out) {
    return nlohmann::json::parse(read_file(out / "packet.json"));
  }
  static size_t text_characters(const nlohmann::json& j) {
    size_t n = 0;
    for (const auto& i : j["custom_instructions"]) {
      n += text::count_code_points(i["text"].get<std::string>());
    }
    for (const auto& m : j["memories"]) n += text::count_code_points(m["text"].get<std::string>());
    for (const auto& e : j["exchanges"]) {
      n += text::count_code_points(e["user"].get<std::string>()) +
           text::count_code_points(e["reply"].get<std::string>());
    }
    return n;
  }
  CliRunner cli_;
};

TEST_F(PacketExport, HoldsTheirInstructionsItsMemoriesAndExchangesInBothLanguages) {
  const auto zh = packet("zh", {"--lang", "zh"});
  EXPECT_EQ(files_under(zh), (std::vector<std::string>{"README.md", "packet.json", "packet.md"}));
  const auto j = json_of(zh);
  EXPECT_EQ(j["format"], "afterglow-continuity-packet");
  EXPECT_FALSE(j["custom_instructions"].empty()) << "the example's custom instructions";
  EXPECT_FALSE(j["memories"].empty()) << "the example's memory writes and snapshots";
  EXPECT_FALSE(j["exchanges"].empty());
  EXPECT_EQ(j["characters"].get<size_t>(), text_characters(j));
  EXPECT_LE(j["characters"].get<size_t>(), 20'000u) << "the default budget";
  expect_golden("packet/zh/packet.md", read_file(zh / "packet.md"));
  expect_golden("packet/zh/README.md", read_file(zh / "README.md"));
  expect_golden("packet/packet.json", read_file(zh / "packet.json"));

  const auto en = packet("en", {"--lang", "en"});
  expect_golden("packet/en/packet.md", read_file(en / "packet.md"));
  expect_golden("packet/en/README.md", read_file(en / "README.md"));
  EXPECT_EQ(read_file(en / "packet.json"), read_file(zh / "packet.json"))
      << "the JSON never changes with the language";
}

TEST_F(PacketExport, KeepsWithinTheBudgetAndSaysWhatItLeftOut) {
  const auto whole = json_of(packet("whole"));
  const auto small = packet("small", {"--budget", "1500"});
  const auto j = json_of(small);
  EXPECT_LE(j["characters"].get<size_t>(), 1'500u);
  EXPECT_EQ(j["characters"].get<size_t>(), text_characters(j));
  EXPECT_EQ(j["custom_instructions"], whole["custom_instructions"]) << "their own words come first";
  EXPECT_LT(j["exchanges"].size(), whole["exchanges"].size());
  EXPECT_GT(j["left_out"]["exchanges"].get<int>() + j["left_out"]["memories"].get<int>(), 0);
  EXPECT_NE(read_file(small / "README.md").find("--budget"), std::string::npos);
  // The memories kept are the newest.
  const auto& kept = j["memories"];
  for (size_t i = 1; i < kept.size(); ++i) {
    EXPECT_GE(kept[i - 1]["time"].get<double>(), kept[i]["time"].get<double>());
  }
}

TEST_F(PacketExport, ShowsTheExchangeTheSearchMatched) {
  const auto j = json_of(packet("sleep", {"睡不着"}));
  ASSERT_EQ(j["exchanges"].size(), 1u);
  const auto& e = j["exchanges"][0];
  EXPECT_EQ(e["title"], "工作压力和睡不着");
  EXPECT_NE((e["user"].get<std::string>() + e["reply"].get<std::string>()).find("睡不着"),
            std::string::npos);
  EXPECT_FALSE(e["reply"].get<std::string>().empty());
}

TEST_F(PacketExport, RefusesABudgetItCannotKeepOrOneForAnotherFormat) {
  auto tiny = cli_.run(
      {"export", "--format", "packet", "--budget", "50", "--out", (cli_.dir() / "tiny").string()});
  EXPECT_EQ(tiny.status, 2);
  EXPECT_NE(tiny.err.find("--budget 50"), std::string::npos) << tiny.err;
  auto other = cli_.run({"export", "--format", "markdown", "--budget", "5000", "--out",
                         (cli_.dir() / "md").string()});
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.err.find("--format packet"), std::string::npos) << other.err;
  EXPECT_FALSE(fs::exists(cli_.dir() / "tiny"));
  EXPECT_FALSE(fs::exists(cli_.dir() / "md"));
}

}  // namespace
}  // namespace afterglow::testing
