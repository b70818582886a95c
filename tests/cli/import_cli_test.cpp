// End-to-end: the real binary imports real and synthetic exports; the summary, list and show
// outputs are checked as a person would read them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"
#include "cli/synthetic_export.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

json parse_or_fail(const std::string& text) {
  auto j = json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << text;
  return j;
}

json import_json(const CliRunner& cli, const std::string& input) {
  auto r = cli.run({"import", "--json", input});
  EXPECT_EQ(r.status, 0) << r.err;
  return parse_or_fail(r.out);
}

TEST(ImportCli, ExampleExportImportsEverything) {
  CliRunner cli;
  auto s = import_json(cli, example_export());
  EXPECT_EQ(s["layout"], "classic");
  EXPECT_EQ(s["conversations"]["new"], 8);
  EXPECT_EQ(s["conversations"]["skipped"], 0);
  EXPECT_GT(s["messages"]["total"].get<int>(), 20);
  EXPECT_EQ(s["attachments"]["stored"], 6);  // an upload, a DALL-E image, four voice clips
  EXPECT_EQ(s["attachments"]["unavailable"], 1);
  EXPECT_TRUE(s["changed"].get<bool>());
}

// The search index is derived from one archive file: a new archive at the path of a deleted one
// starts its own, rather than trusting the old folder (whose sequence numbers look current).
TEST(ImportCli, ANewArchiveDoesNotInheritTheIndexOfADeletedOne) {
  CliRunner cli;
  import_json(cli, example_export());
  ASSERT_GT(parse_or_fail(cli.run({"search", "--json", "Kyoto"}).out)["hits"].size(), 0u);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(cli.archive().string() + suffix);
  }
  ASSERT_TRUE(std::filesystem::exists(cli.archive().string() + ".xapian"));

  import_json(cli, std::string(AFTERGLOW_FIXTURES) + "/chinese.json");
  EXPECT_EQ(parse_or_fail(cli.run({"search", "--json", "Kyoto"}).out)["hits"].size(), 0u);
  const auto verified = cli.run({"verify"});
  EXPECT_EQ(verified.status, 0) << verified.out;
}

TEST(ImportCli, SecondImportOfTheSameExportChangesNothing) {
  CliRunner cli;
  import_json(cli, example_export());
  auto before = read_file(cli.archive());
  auto again = cli.run({"import", example_export()});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find("Nothing changed"), std::string::npos) << again.out;
  auto s = import_json(cli, example_export());
  EXPECT_FALSE(s["changed"].get<bool>());
  EXPECT_EQ(s["conversations"]["new"], 0);
  EXPECT_EQ(s["conversations"]["updated"], 0);
  EXPECT_GT(s["conversations"]["unchanged"].get<int>(), 0);
  auto list = parse_or_fail(cli.run({"list", "--json"}).out);
  EXPECT_EQ(list.size(), s["conversations"]["unchanged"].get<size_t>());
}

TEST(ImportCli, ListIsNewestFirstWithTheDocumentedFields) {
  CliRunner cli;
  import_json(cli, example_export());
  auto r = cli.run({"list", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto list = parse_or_fail(r.out);
  ASSERT_GE(list.size(), 2u);
  for (const auto& c : list) {
    for (const char* field : {"id", "title", "create_time", "update_time", "model", "messages"}) {
      EXPECT_TRUE(c.contains(field)) << field;
    }
    EXPECT_FALSE(c["title"].get<std::string>().empty());
  }
  for (size_t i = 1; i < list.size(); ++i) {
    EXPECT_GE(list[i - 1]["create_time"].get<double>(), list[i]["create_time"].get<double>());
  }
  auto text = cli.run({"list"});
  EXPECT_EQ(std::count(text.out.begin(), text.out.end(), '\n'), static_cast<long>(list.size()));
}

TEST(ImportCli, ListFiltersByModelAndDate) {
  CliRunner cli;
  import_json(cli, example_export());
  auto all = parse_or_fail(cli.run({"list", "--json"}).out);
  auto gpt4o = parse_or_fail(cli.run({"list", "--json", "--model", "gpt-4o"}).out);
  ASSERT_FALSE(gpt4o.empty());
  EXPECT_LT(gpt4o.size(), all.size());
  for (const auto& c : gpt4o) EXPECT_EQ(c["model"], "gpt-4o");
  auto y2025 = parse_or_fail(cli.run({"list", "--json", "--after", "2025"}).out);
  for (const auto& c : y2025) EXPECT_GE(c["create_time"].get<double>(), 1735689600.0);
  auto bad = cli.run({"list", "--after", "last-tuesday"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("last-tuesday"), std::string::npos);
}

TEST(ImportCli, ShowPrintsTheDisplayedThreadWithVersions) {
  CliRunner cli;
  import_json(cli, example_export());
  auto list = parse_or_fail(cli.run({"list", "--json"}).out);
  bool saw_versions = false, saw_image = false, saw_voice = false;
  for (const auto& c : list) {
    auto id = c["id"].get<std::string>();
    auto r = cli.run({"show", "--json", id.substr(0, 12)});
    ASSERT_EQ(r.status, 0) << r.err;
    auto conv = parse_or_fail(r.out);
    EXPECT_EQ(conv["id"], id);
    ASSERT_TRUE(conv["messages"].is_array());
    for (const auto& m : conv["messages"]) {
      for (const char* f : {"id", "role", "create_time", "model", "content_type", "text",
                            "attachments", "versions"}) {
        EXPECT_TRUE(m.contains(f)) << f;
      }
      EXPECT_FALSE(m["hidden"].get<bool>()) << "hidden message shown without --all";
      if (m["versions"]["count"].get<int>() > 1) saw_versions = true;
      for (const auto& a : m["attachments"]) {
        if (a["kind"] == "image" && a["available"].get<bool>()) saw_image = true;
        if (a["kind"] == "audio" && a["available"].get<bool>()) saw_voice = true;
      }
    }
    auto text = cli.run({"show", id});
    EXPECT_EQ(text.status, 0);
    EXPECT_EQ(text.out.find("\ue200"), std::string::npos) << "citation marker leaked";
    EXPECT_EQ(text.out.find("\u3010"), std::string::npos) << "old citation marker leaked";
  }
  EXPECT_TRUE(saw_versions);
  EXPECT_TRUE(saw_image);
  EXPECT_TRUE(saw_voice);
}

TEST(ImportCli, ShowAllAddsHiddenMessagesAndBranches) {
  CliRunner cli;
  import_json(cli, example_export());
  auto list = parse_or_fail(cli.run({"list", "--json"}).out);
  size_t hidden = 0, branches = 0;
  for (const auto& c : list) {
    auto id = c["id"].get<std::string>();
    auto plain = parse_or_fail(cli.run({"show", "--json", id}).out);
    auto all = parse_or_fail(cli.run({"show", "--json", "--all", id}).out);
    EXPECT_GE(all["messages"].size(), plain["messages"].size());
    for (const auto& m : all["messages"]) hidden += m["hidden"].get<bool>() ? 1 : 0;
    branches += all["branches"].size();
  }
  EXPECT_GT(hidden, 0u);
  EXPECT_GE(branches, 2u);  // a regenerated answer and an edited question
}

TEST(ImportCli, UnknownAndAmbiguousIds) {
  CliRunner cli;
  import_json(cli, example_export());
  auto none = cli.run({"show", "no-such-conversation"});
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.err.find("no-such-conversation"), std::string::npos);
  auto missing_archive = CliRunner().run({"list"});
  EXPECT_EQ(missing_archive.status, 2);
  EXPECT_NE(missing_archive.err.find("import"), std::string::npos) << missing_archive.err;
}

// The "Corrupted entry" shape: a conversation whose mapping is null, missing or empty. Kept, as
// before, but named in the summary (text and JSON) with its reason, so that a conversation
// listed with 0 messages is not a surprise.
TEST(ImportCli, ConversationsWithoutAMappingAreReportedAsEmpty) {
  CliRunner cli;
  auto with_null = synthetic_conversation("c0000000-0000-4000-8000-00000000000a", "Null mapping",
                                          1715601340.0, {});
  with_null["mapping"] = nullptr;
  with_null.erase("current_node");
  auto without = synthetic_conversation("c0000000-0000-4000-8000-00000000000b", "No mapping",
                                        1715601341.0, {});
  without.erase("mapping");
  auto with_empty = synthetic_conversation("c0000000-0000-4000-8000-00000000000c", "Empty mapping",
                                           1715601342.0, {});
  with_empty["mapping"] = json::object();
  const auto good = synthetic_conversation("c0000000-0000-4000-8000-00000000000d", "Fine",
                                           1715601343.0, {{"user", "hello", 1715601343.0, ""}});
  const std::string input = write_conversations(
      cli.dir(), "conversations.json", json::array({with_null, without, with_empty, good}));

  auto text = cli.run({"import", input});
  ASSERT_EQ(text.status, 0) << text.err;
  for (const char* id :
       {"c0000000-0000-4000-8000-00000000000a", "c0000000-0000-4000-8000-00000000000b",
        "c0000000-0000-4000-8000-00000000000c"}) {
    const std::string line = "  empty: conversations.json#";
    const size_t at = text.out.find(std::string(id) + ": no messages (its \"mapping\" is null");
    ASSERT_NE(at, std::string::npos) << id << "\n" << text.out;
    EXPECT_EQ(text.out.rfind(line, at), text.out.rfind('\n', at) + 1) << text.out;
  }
  EXPECT_EQ(text.out.find("c0000000-0000-4000-8000-00000000000d"), std::string::npos) << text.out;

  CliRunner again;
  auto s = import_json(again, input);
  EXPECT_EQ(s["conversations"]["new"], 4);
  EXPECT_EQ(s["conversations"]["skipped"], 0);
  EXPECT_EQ(s["conversations"]["empty"], 3);
  ASSERT_EQ(s["empty"].size(), 3u);
  EXPECT_EQ(s["empty"][0],
            "conversations.json#0 c0000000-0000-4000-8000-00000000000a: no messages (its "
            "\"mapping\" is null, missing or empty); kept as exported");
  // Still kept and listed, with no messages.
  auto list = parse_or_fail(again.run({"list", "--json"}).out);
  ASSERT_EQ(list.size(), 4u);
  for (const auto& c : list) {
    EXPECT_EQ(c["messages"], c["title"] == "Fine" ? 1 : 0) << c["title"];
  }
}

// Times and sizes no calendar or file can have (-1.5e308, 1e300, negative): kept as unknown,
// said in a warning, and never converted to an integer on the way (the sanitized build checks
// the conversions with -fsanitize=float-cast-overflow).
TEST(ImportCli, TimesAndSizesOutOfRangeAreUnknownWithAWarning) {
  CliRunner cli;
  cli.tz = "Asia/Shanghai";
  auto hostile = synthetic_conversation(
      "c0000000-0000-4000-8000-0000000000e1", "Hostile numbers", -1.5e308,
      {{"user", "when was this", 1e300, ""}, {"assistant", "never", -1.5e308, "gpt-4o"}});
  hostile["update_time"] = 1e300;
  auto& user = hostile["mapping"]["c0000000-0000-4000-8000-0000000000e1-m0"]["message"];
  user["content"] = {{"content_type", "multimodal_text"},
                     {"parts",
                      {{{"content_type", "image_asset_pointer"},
                        {"asset_pointer", "file-service://file-Hostile"},
                        {"size_bytes", 1e300},
                        {"width", -1.5e308},
                        {"height", 1e300}},
                       "when was this"}}};
  const auto fine =
      synthetic_conversation("c0000000-0000-4000-8000-0000000000e2", "Fine", 1715601340.753261,
                             {{"user", "hello", 1715601340.753261, ""}});
  const std::string input =
      write_conversations(cli.dir(), "conversations.json", json::array({hostile, fine}));

  auto s = import_json(cli, input);
  EXPECT_EQ(s["conversations"]["new"], 2);
  std::string warnings = s["warnings"].dump();
  EXPECT_NE(warnings.find("c0000000-0000-4000-8000-0000000000e1: 4 times outside the years 1 to "
                          "9999, shown as unknown time"),
            std::string::npos)
      << warnings;
  EXPECT_EQ(warnings.find("0000e2"), std::string::npos) << warnings;

  auto list = parse_or_fail(cli.run({"list", "--json"}).out);
  ASSERT_EQ(list.size(), 2u);
  for (const auto& c : list) {
    if (c["title"] == "Hostile numbers") {
      EXPECT_TRUE(c["create_time"].is_null()) << c;
      EXPECT_TRUE(c["update_time"].is_null()) << c;
    } else {
      EXPECT_EQ(c["create_time"], 1715601340.753261) << c;
    }
  }
  auto text = cli.run({"list"});
  ASSERT_EQ(text.status, 0) << text.err;
  const size_t hostile_line = text.out.rfind('\n', text.out.find("Hostile numbers")) + 1;
  EXPECT_EQ(text.out.compare(hostile_line, 14, "unknown time  "), 0) << text.out;
  EXPECT_NE(text.out.find("2024-05-13 19:55"), std::string::npos) << text.out;

  auto shown =
      parse_or_fail(cli.run({"show", "--json", "c0000000-0000-4000-8000-0000000000e1"}).out);
  ASSERT_EQ(shown["messages"].size(), 2u) << shown;
  for (const auto& m : shown["messages"]) EXPECT_TRUE(m["create_time"].is_null()) << m;
  ASSERT_EQ(shown["messages"][0]["attachments"].size(), 1u) << shown;
  EXPECT_EQ(shown["messages"][0]["attachments"][0]["size"], -1) << shown;
  auto show_text = cli.run({"show", "c0000000-0000-4000-8000-0000000000e1"});
  ASSERT_EQ(show_text.status, 0) << show_text.err;
  EXPECT_NE(show_text.out.find("unknown time"), std::string::npos) << show_text.out;
}

// A size too large for any integer is refused, not converted (which would be undefined).
TEST(ImportCli, SizesBeyondAnIntegerAreNotASize) {
  CliRunner cli;
  for (const char* size : {"1e300GB", "infGB", "nan", "-5MB"}) {
    auto r = cli.run({"import", "--max-size", size, example_export()});
    EXPECT_NE(r.status, 0) << size;
    EXPECT_NE(r.err.find("not a size"), std::string::npos) << size << ": " << r.err;
    EXPECT_FALSE(std::filesystem::exists(cli.archive())) << size;
  }
}

}  // namespace
}  // namespace afterglow::testing
