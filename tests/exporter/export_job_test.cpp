// The export job's promises: a bad selection or destination is one line and exit status 2 with
// nothing written; an export cancelled half-way leaves no partial output; file names made from
// titles that Windows and macOS forbid are safe, keep their Chinese and never collide.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "afterglow/model/errors.h"
#include "afterglow/model/file_names.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/pipeline/export_job.h"
#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

// A conversations.json of one-turn conversations with these titles, each on its day of June 2024.
std::string conversations_with_titles(const std::vector<std::string>& titles,
                                      const std::vector<int>& days) {
  nlohmann::json all = nlohmann::json::array();
  for (size_t i = 0; i < titles.size(); ++i) {
    const double time = 1'717'200'000 + 86'400.0 * (days[i] - 1);  // 2024-06-01 00:00 UTC
    const std::string id = "c0ffee00-0000-4000-8000-00000000000" + std::to_string(i);
    auto message = [&](const std::string& node, const std::string& role, const std::string& text) {
      return nlohmann::json{{"id", node},
                            {"author", {{"role", role}, {"name", nullptr}, {"metadata", {}}}},
                            {"create_time", time},
                            {"content", {{"content_type", "text"}, {"parts", {text}}}},
                            {"status", "finished_successfully"},
                            {"metadata", {{"model_slug", "gpt-4o"}}},
                            {"recipient", "all"}};
    };
    nlohmann::json mapping;
    mapping["root"] = {
        {"id", "root"}, {"message", nullptr}, {"parent", nullptr}, {"children", {"u"}}};
    mapping["u"] = {{"id", "u"},
                    {"message", message("u", "user", "hello " + titles[i])},
                    {"parent", "root"},
                    {"children", {"a"}}};
    mapping["a"] = {{"id", "a"},
                    {"message", message("a", "assistant", "hi")},
                    {"parent", "u"},
                    {"children", nlohmann::json::array()}};
    all.push_back({{"title", titles[i]},
                   {"create_time", time},
                   {"update_time", time},
                   {"mapping", mapping},
                   {"current_node", "a"},
                   {"id", id},
                   {"conversation_id", id},
                   {"default_model_slug", "gpt-4o"}});
  }
  return all.dump(2);
}

class ExportJob : public ::testing::Test {
 protected:
  void import_example() {
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  // Nothing but what was there before: no destination, no temporary folder beside it.
  void expect_nothing_written(const fs::path& out) {
    EXPECT_FALSE(fs::exists(out)) << out;
    for (const auto& entry : fs::directory_iterator(out.parent_path())) {
      EXPECT_EQ(utf8_string(entry.path().filename()).find(".afterglow-export-"), std::string::npos)
          << entry.path();
    }
  }
  CliRunner cli_;
};

TEST_F(ExportJob, CancelledHalfWayLeavesNoPartialOutput) {
  import_example();
  for (auto format :
       {exporter::Format::jsonl, exporter::Format::markdown, exporter::Format::epub}) {
    pipeline::ExportRequest request;
    request.format = format;
    request.out = cli_.dir() / (std::string("cancelled-") + exporter::to_string(format));
    pipeline::CancelFlag cancel;
    size_t written = 0;
    auto progress = [&](const pipeline::ExportProgress& p) {
      written = p.done;
      if (p.done * 2 >= p.total && p.total > 0) cancel.cancel();
    };
    EXPECT_THROW(pipeline::run_export(cli_.archive(), request, progress, &cancel), Cancelled);
    EXPECT_GT(written, 0u) << "it was under way";
    expect_nothing_written(request.out);
  }
}

TEST_F(ExportJob, BadSelectionsAreOneLineAndExitTwo) {
  import_example();
  const auto out = cli_.dir() / "notes";
  for (const std::vector<std::string>& selection :
       {std::vector<std::string>{"zzzz-no-such-word-anywhere"}, {"model:"}, {"\"unclosed"}}) {
    std::vector<std::string> args = {"export", "--format", "markdown", "--out", out.string()};
    args.insert(args.end(), selection.begin(), selection.end());
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 2) << selection.front() << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    expect_nothing_written(out);
  }
  auto r = cli_.run({"export", "--format", "mobi", "--out", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("jsonl, markdown"), std::string::npos) << r.err;
}

TEST_F(ExportJob, UnwritableOrTakenDestinationsAreOneLineAndExitTwo) {
  import_example();
  auto r = cli_.run({"export", "--format", "markdown", "--out",
                     (cli_.dir() / "no-such-folder" / "notes").string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("no-such-folder"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(cli_.dir() / "no-such-folder"));

  const auto taken = cli_.dir() / "taken";
  fs::create_directories(taken / "keep");
  r = cli_.run({"export", "--format", "markdown", "--out", taken.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(files_under(taken).size(), 0u);
  EXPECT_TRUE(fs::is_directory(taken / "keep"));

  const auto file = cli_.dir() / "taken.jsonl";
  std::ofstream(file, std::ios::binary) << "mine\n";
  r = cli_.run({"export", "--format", "jsonl", "--out", file.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(read_file(file), "mine\n");

  // An empty folder is a fine destination: it is filled, whole.
  const auto empty = cli_.dir() / "empty";
  fs::create_directory(empty);
  r = cli_.run({"export", "--format", "markdown", "--out", empty.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(files_under(empty).empty());
}

TEST_F(ExportJob, TitlesWindowsAndMacOsForbidBecomeSafeNamesThatNeverCollide) {
  const std::vector<std::string> titles = {
      "a<b>:c\"d/e\\f|g?h*", "CON", "con", "我的 日记.", "Same", "Same", "SAME"};
  const std::vector<int> days = {1, 2, 2, 3, 4, 4, 4};  // names that differ only in case, same day
  const auto input = cli_.dir() / "conversations.json";
  std::ofstream(input, std::ios::binary) << conversations_with_titles(titles, days);
  ASSERT_EQ(cli_.run({"import", input.string()}).status, 0);
  for (const std::string format : {"markdown", "obsidian", "html"}) {
    const auto out = cli_.dir() / format;
    auto r = cli_.run({"export", "--format", format, "--out", out.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    std::set<std::string> folded;
    size_t notes = 0;
    for (const auto& name : files_under(out)) {
      const auto file = name.substr(name.rfind('/') + 1);
      if (name.starts_with("Years/") || name.starts_with("Models/")) continue;
      ++notes;
      EXPECT_EQ(model::safe_file_name(file), file) << format << ": " << file;
      std::string lower = file;
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      EXPECT_TRUE(folded.insert(lower).second) << format << ": " << file << " collides";
    }
    EXPECT_EQ(notes, titles.size()) << format;
    const std::string extension = format == "html" ? ".html" : ".md";
    const auto folder = format == "obsidian" ? out / "Conversations" : out;
    EXPECT_TRUE(fs::exists(folder / utf8_path("2024-06-03 我的 日记_" + extension))) << format;
    EXPECT_TRUE(fs::exists(folder / utf8_path("2024-06-01 a_b__c_d_e_f_g_h_" + extension)));
    EXPECT_TRUE(fs::exists(folder / utf8_path("2024-06-04 SAME (3)" + extension)));
  }
}

}  // namespace
}  // namespace afterglow::testing
