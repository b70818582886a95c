// project: and gpt: through the real binary, in both engines, on projects.zip
// (tests/fixtures/README.md): two conversations of a ChatGPT project named 阳台菜园 (named beside
// one of them only), one with the custom GPT "Haiku Helper" and one of neither; and `list` and
// `show` naming the project or GPT, in English, in Chinese and as JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;
using Titles = std::vector<std::string>;

constexpr const char* kProject = "g-p-5e1f0c2a9b8d47e6a3c1f2b4d6e8a0c2";
constexpr const char* kGpt = "g-HaikuHelper01";

class ProjectsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = cli_.run({"import", fixture("projects.zip")});
    ASSERT_EQ(r.status, 0) << r.err;
    for (const auto& c : list()) ids_[c["title"]] = c["id"];
  }
  RunResult ok(const std::vector<std::string>& args) {
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r;
  }
  json list() { return json::parse(ok({"list", "--json"}).out); }
  // The titles of the conversations a query finds, sorted.
  Titles found(const std::string& query, const char* engine) {
    const json result =
        json::parse(ok({"search", query, "--engine", engine, "--json", "--limit", "100"}).out);
    Titles titles;
    for (const auto& hit : result["hits"]) {
      for (const auto& [title, id] : ids_) {
        if (hit["conversation"] == id) titles.push_back(title);
      }
    }
    std::sort(titles.begin(), titles.end());
    titles.erase(std::unique(titles.begin(), titles.end()), titles.end());
    return titles;
  }
  CliRunner cli_;
  std::map<std::string, std::string> ids_;  // title -> conversation id
};

TEST_F(ProjectsCli, ProjectAndGptFindTheirConversationsInBothEngines) {
  const Titles project{"Tomato trellis", "浇水时间"};
  const Titles gpt{"A haiku about rain"};
  for (const char* engine : {"xapian", "fts5"}) {
    SCOPED_TRACE(engine);
    EXPECT_EQ(found(std::string("project:") + kProject, engine), project);
    EXPECT_EQ(found("project:G-P-5E1F0C2A9B8D47E6A3C1F2B4D6E8A0C2", engine), project);
    EXPECT_EQ(found("project:阳台菜园", engine), project);
    EXPECT_EQ(found("project:菜园", engine), project);  // a part of the name
    EXPECT_EQ(found(std::string("gpt:") + kGpt, engine), gpt);
    EXPECT_EQ(found("gpt:haiku", engine), gpt);
    EXPECT_EQ(found("gpt:\"HAIKU HELPER\"", engine), gpt);
    // Each asks for its own kind: a project is not a GPT, nor the reverse.
    EXPECT_EQ(found(std::string("gpt:") + kProject, engine), Titles{});
    EXPECT_EQ(found("project:haiku", engine), Titles{});
    EXPECT_EQ(found("project:orchard", engine), Titles{});
    // With other terms.
    EXPECT_EQ(found("tomatoes project:菜园", engine), Titles{"Tomato trellis"});
    EXPECT_EQ(found("tomatoes -project:菜园", engine),
              (Titles{"A haiku about rain", "Plain tomatoes"}));
    EXPECT_EQ(found("project:菜园 OR gpt:haiku", engine),
              (Titles{"A haiku about rain", "Tomato trellis", "浇水时间"}));
    EXPECT_EQ(found("早上浇水 project:菜园", engine), Titles{"浇水时间"});
    EXPECT_EQ(found("tomatoes gpt:haiku role:user", engine), gpt);
  }
}

TEST_F(ProjectsCli, AnEmptyValueIsRefusedWithOneLine) {
  auto r = cli_.run({"search", "project:"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("project: needs a value"), std::string::npos) << r.err;
}

TEST_F(ProjectsCli, ListAndShowNameTheProjectOrGpt) {
  std::map<std::string, json> projects;
  for (const auto& c : list()) projects[c["title"]] = c["project"];
  EXPECT_EQ(projects["Tomato trellis"],
            (json{{"id", kProject}, {"kind", "chatgpt_project"}, {"name", "阳台菜园"}}));
  EXPECT_EQ(projects["浇水时间"], projects["Tomato trellis"]);  // named by its sibling
  EXPECT_EQ(projects["A haiku about rain"],
            (json{{"id", kGpt}, {"kind", "gpt"}, {"name", "Haiku Helper"}}));
  EXPECT_TRUE(projects["Plain tomatoes"].is_null());

  const std::string text = ok({"list"}).out;
  EXPECT_NE(text.find("浇水时间  [Project: 阳台菜园]"), std::string::npos) << text;
  EXPECT_NE(text.find("A haiku about rain  [GPT: Haiku Helper]"), std::string::npos) << text;
  EXPECT_EQ(text.find("Plain tomatoes  ["), std::string::npos) << text;

  const std::string shown = ok({"show", ids_["Tomato trellis"]}).out;
  EXPECT_NE(shown.find(" · Project: 阳台菜园"), std::string::npos) << shown;
  EXPECT_NE(ok({"show", ids_["A haiku about rain"]}).out.find(" · GPT: Haiku Helper"),
            std::string::npos);
  EXPECT_EQ(ok({"show", ids_["Plain tomatoes"]}).out.find("Project:"), std::string::npos);
  const json as_json = json::parse(ok({"show", ids_["浇水时间"], "--json"}).out);
  EXPECT_EQ(as_json["project"]["name"], "阳台菜园");

  const json english = list();
  cli_.locale = "LANG=zh_CN.UTF-8";
  EXPECT_NE(ok({"show", ids_["Tomato trellis"]}).out.find(" · 项目：阳台菜园"), std::string::npos);
  EXPECT_NE(ok({"list"}).out.find("[GPT：Haiku Helper]"), std::string::npos);
  // JSON never changes with the language.
  EXPECT_EQ(list(), english);
}

TEST_F(ProjectsCli, SearchHelpNamesTheFields) {
  const std::string help = ok({"search", "--help"}).out;
  EXPECT_NE(help.find("project:"), std::string::npos) << help;
  EXPECT_NE(help.find("gpt:"), std::string::npos) << help;
}

}  // namespace
}  // namespace afterglow::testing
