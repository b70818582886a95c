// Conversation JSON made to hurt: nesting deeper than any parser's stack, huge strings, bytes
// that are not UTF-8, and every field given every wrong type. The import never crashes: what can
// be read is kept, what cannot is reported and kept raw.
#include <fstream>
#include <nlohmann/json.hpp>

#include "security/security_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json sample_conversation() { return json::parse(read_file(fixture("chinese.json"))).at(0); }

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(HostileJson, NestingDeeperThanAnyStackIsReportedNotFatal) {
  CliRunner cli;
  json good = sample_conversation();
  const std::string deep(200000, '[');
  // One element nested 200000 deep (never closed), after a good conversation.
  write(cli.dir() / "deep.json", "[" + good.dump() + ", {\"id\": \"deep\", \"mapping\": " + deep);
  auto r = cli.run({"import", (cli.dir() / "deep.json").string()});
  EXPECT_TRUE(r.status == 0 || r.status == 2) << r.status << r.err;
  if (r.status == 2) {
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }

  // Closed again: the element is a valid JSON value that is too deep to parse.
  CliRunner closed;
  write(closed.dir() / "deep.json", "[" + good.dump() + ", {\"id\": \"deep\", \"mapping\": " +
                                        deep + std::string(200000, ']') + "}]");
  r = closed.run({"import", (closed.dir() / "deep.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("1 skipped"), std::string::npos) << r.out;
  EXPECT_EQ(sql_int(closed.archive(), "SELECT count(*) FROM conversations"), 1);
  EXPECT_EQ(sql_int(closed.archive(), "SELECT count(*) FROM broken_conversations"), 1);
  EXPECT_EQ(closed.run({"verify"}).status, 0);
}

TEST(HostileJson, HugeStringsAreKeptWhole) {
  CliRunner cli;
  json c = sample_conversation();
  const std::string title(8'000'000, 't');
  c["title"] = title;
  write(cli.dir() / "huge.json", json::array({c}).dump());
  auto r = cli.run({"import", (cli.dir() / "huge.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(sql_int(cli.archive(), "SELECT length(title) FROM conversations"),
            static_cast<int64_t>(title.size()));
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

TEST(HostileJson, InvalidUtf8IsReplacedInTheTextAndKeptRawInTheOriginal) {
  CliRunner cli;
  std::string text = json::array({sample_conversation()}).dump();
  const std::string needle = "\"parts\":[\"";
  const size_t at = text.find(needle);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + needle.size(), "bad \xFF\xFE bytes ");
  write(cli.dir() / "bad-utf8.json", text);
  auto r = cli.run({"import", (cli.dir() / "bad-utf8.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("0 skipped"), std::string::npos) << r.out;
  // Shown with U+FFFD in place of each bad byte...
  const std::string id = sample_conversation().at("id");
  auto show = cli.run({"show", "--json", id});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("bad \xEF\xBF\xBD\xEF\xBF\xBD bytes"), std::string::npos);
  // ...while the original file keeps the bytes exactly.
  const fs::path out = cli.dir() / "originals";
  ASSERT_EQ(cli.run({"export", "--original", out.string()}).status, 0);
  EXPECT_TRUE(read_file(out / "bad-utf8.json") == text);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

// Every JSON pointer to a value inside `value`.
void collect_pointers(const json& value, const std::string& at, std::vector<std::string>& out) {
  if (!at.empty()) out.push_back(at);
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      // JSON pointer escaping: "~" is "~0", "/" is "~1".
      std::string key;
      for (char ch : it.key()) key += ch == '~' ? "~0" : ch == '/' ? "~1" : std::string(1, ch);
      collect_pointers(it.value(), at + "/" + key, out);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      collect_pointers(value[i], at + "/" + std::to_string(i), out);
    }
  }
}

TEST(HostileJson, EveryFieldWithEveryWrongTypeNeverCrashes) {
  CliRunner cli;
  const json base = sample_conversation();
  std::vector<std::string> pointers;
  collect_pointers(base, "", pointers);
  ASSERT_GT(pointers.size(), 50u);
  const json wrong[] = {
      nullptr, true, -1.5e308, "text", json::array({1, "x"}), json::object({{"k", nullptr}})};
  json all = json::array();
  int n = 0;
  for (const auto& pointer : pointers) {
    for (const auto& value : wrong) {
      json c = base;
      c[json::json_pointer(pointer)] = value;
      if (pointer != "/id") c["id"] = "variant-" + std::to_string(n);
      ++n;
      all.push_back(std::move(c));
    }
  }
  write(cli.dir() / "wrong-types.json", all.dump());
  auto r = cli.run({"import", (cli.dir() / "wrong-types.json").string(), "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json summary = json::parse(r.out);
  const auto& c = summary.at("conversations");
  EXPECT_GT(c.at("new").get<int>(), n / 2) << r.out.substr(0, 2000);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
  // Everything that went in can be listed, shown and searched.
  auto list = cli.run({"list", "--json"});
  ASSERT_EQ(list.status, 0) << list.err;
  const json listed = json::parse(list.out);
  for (size_t i = 0; i < listed.size(); i += 37) {
    const std::string id = listed[i].at("id");
    auto show = cli.run({"show", "--all", id});
    EXPECT_EQ(show.status, 0) << id << ": " << show.err;
  }
  EXPECT_EQ(cli.run({"search", "--all", "压力"}).status, 0);
}

}  // namespace
}  // namespace afterglow::testing
