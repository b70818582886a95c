// The benchmark generator end to end: real zips written by libarchive, read back with
// libarchive, parsed with simdjson.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>
#include <algorithm>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "afterglow/model/errors.h"
#include "generator/export_generator.h"

namespace afterglow::bench {
namespace {

namespace fs = std::filesystem;

class ExportGeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("afterglow-genexport-" + std::to_string(::getpid()) + "-" + info->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every member of a zip, by name.
std::map<std::string, std::string> read_zip(const fs::path& path) {
  std::map<std::string, std::string> members;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  EXPECT_EQ(archive_read_open_filename(a, path.string().c_str(), 1 << 16), ARCHIVE_OK)
      << archive_error_string(a);
  archive_entry* entry = nullptr;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string data;
    char buf[1 << 16];
    la_ssize_t n = 0;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0)
      data.append(buf, static_cast<std::size_t>(n));
    EXPECT_GE(n, 0) << archive_error_string(a);
    members[archive_entry_pathname(entry)] = std::move(data);
  }
  archive_read_free(a);
  return members;
}

// Checks each conversation's tree: current_node exists, and walking parent links from it
// reaches the root (parent null, message null) without a cycle. Returns the conversation count.
std::size_t check_conversations(const std::string& json) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::dom::array conversations = parser.parse(padded).get_array();
  for (simdjson::dom::element conversation : conversations) {
    simdjson::dom::object mapping = conversation["mapping"].get_object();
    std::string_view node = conversation["current_node"].get_string();
    std::size_t steps = 0;
    for (;;) {
      simdjson::dom::element current = mapping.at_key(node);
      EXPECT_FALSE(current.is_null()) << "missing node " << node;
      if (current["parent"].is_null()) {
        EXPECT_TRUE(current["message"].is_null()) << "the root carries no message";
        break;
      }
      node = current["parent"].get_string();
      if (++steps > mapping.size()) {
        ADD_FAILURE() << "cycle in " << std::string_view(conversation["id"].get_string());
        break;
      }
    }
    EXPECT_GT(steps, 1u) << "a conversation has at least one exchange";
  }
  return conversations.size();
}

GeneratorOptions options_for(const fs::path& zip, std::uint64_t conversations) {
  GeneratorOptions options;
  options.seed = 42;
  options.conversations = conversations;
  options.zip_path = zip;
  return options;
}

TEST_F(ExportGeneratorTest, SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot) {
  GeneratorOptions options = options_for(dir_ / "a.zip", 12);
  generate_export(options);
  options.zip_path = dir_ / "b.zip";
  generate_export(options);
  options.zip_path = dir_ / "c.zip";
  options.seed = 43;
  generate_export(options);

  const std::string a = read_file(dir_ / "a.zip");
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, read_file(dir_ / "b.zip"));
  EXPECT_NE(a, read_file(dir_ / "c.zip"));
}

TEST_F(ExportGeneratorTest, ClassicExportHoldsValidConversationsAndTheirAssets) {
  GeneratorOptions options = options_for(dir_ / "export.zip", 40);
  options.json_path = dir_ / "conversations.json";
  const GeneratorReport report = generate_export(options);

  EXPECT_EQ(report.conversations, 40u);
  EXPECT_GT(report.messages, 40u * 2);
  const auto members = read_zip(dir_ / "export.zip");
  ASSERT_TRUE(members.contains("conversations.json"));
  ASSERT_TRUE(members.contains("user.json"));
  const std::string& json = members.at("conversations.json");
  EXPECT_EQ(check_conversations(json), 40u);
  EXPECT_EQ(json.size(), report.json_bytes);
  EXPECT_EQ(json, read_file(dir_ / "conversations.json")) << "--json-only writes the same array";
  EXPECT_EQ(json.find('\n'), std::string::npos) << "one minified line";
  EXPECT_EQ(fs::file_size(dir_ / "export.zip"), report.zip_bytes);

  // Every shipped asset is a real PNG, WAV or WebP.
  std::size_t assets = 0;
  for (const auto& [name, data] : members) {
    if (name.ends_with(".png")) {
      EXPECT_TRUE(data.starts_with("\x89PNG\r\n\x1a\n")) << name;
    }
    if (name.ends_with(".wav") || name.ends_with(".webp")) {
      EXPECT_TRUE(data.starts_with("RIFF")) << name;
    }
    assets += name.ends_with(".png") || name.ends_with(".wav") || name.ends_with(".webp");
  }
  EXPECT_EQ(assets, report.assets);
}

TEST_F(ExportGeneratorTest, ExportCarriesChineseReasoningBranchesAndCitations) {
  GeneratorOptions options = options_for(dir_ / "export.zip", 60);
  generate_export(options);
  const std::string json = read_zip(dir_ / "export.zip").at("conversations.json");
  // Escaped (2023) or raw (later) Chinese, the kinds of content the importer must handle.
  EXPECT_TRUE(json.find("压力") != std::string::npos ||
              json.find("\\u538b\\u529b") != std::string::npos);
  EXPECT_NE(json.find("\"content_type\":\"thoughts\""), std::string::npos);
  EXPECT_NE(json.find("\"content_type\":\"reasoning_recap\""), std::string::npos);
  EXPECT_NE(json.find("\"content_type\":\"execution_output\""), std::string::npos);
  EXPECT_NE(json.find("\"content_type\":\"image_asset_pointer\""), std::string::npos);
  EXPECT_NE(json.find("\ue200cite\ue202turn0search"), std::string::npos);
  EXPECT_NE(json.find("\"client-created-root\""), std::string::npos);
  EXPECT_NE(json.find("```python"), std::string::npos);

  // Regenerated answers and edited questions: nodes with more than one child.
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  std::size_t branching = 0;
  for (simdjson::dom::element conversation : parser.parse(padded).get_array()) {
    for (auto node : conversation["mapping"].get_object()) {
      simdjson::dom::array children;
      if (!node.value["children"].get(children) && children.size() > 1) ++branching;
    }
  }
  EXPECT_GT(branching, 0u);
}

// The share of titled conversations whose title is Chinese (titles follow the language).
double chinese_title_share(const std::string& json) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  std::size_t titled = 0;
  std::size_t chinese = 0;
  for (simdjson::dom::element conversation : parser.parse(padded).get_array()) {
    std::string_view title;
    if (conversation["title"].get(title)) continue;
    ++titled;
    // U+4E00..U+9FFF in UTF-8: a lead byte E4..E9.
    if (std::any_of(title.begin(), title.end(), [](char c) {
          const auto b = static_cast<unsigned char>(c);
          return b >= 0xE4 && b <= 0xE9;
        })) {
      ++chinese;
    }
  }
  return titled ? static_cast<double>(chinese) / static_cast<double>(titled) : 0.0;
}

TEST_F(ExportGeneratorTest, ChineseShareSetsHowManyConversationsAreChinese) {
  auto share_of = [&](double share) {
    GeneratorOptions options = options_for({}, 300);
    options.chinese_share = share;
    options.json_path = dir_ / "share.json";
    generate_export(options);
    return chinese_title_share(read_file(dir_ / "share.json"));
  };
  EXPECT_EQ(share_of(0.0), 0.0);
  const double some = share_of(0.3);
  EXPECT_GT(some, 0.2);
  EXPECT_LT(some, 0.4);
  EXPECT_GT(share_of(1.0), 0.99);
}

TEST_F(ExportGeneratorTest, SmallerExportIsAPrefixOfABiggerOne) {
  GeneratorOptions options = options_for({}, 3);
  options.json_path = dir_ / "three.json";
  generate_export(options);
  options.conversations = 6;
  options.json_path = dir_ / "six.json";
  generate_export(options);
  std::string three = read_file(dir_ / "three.json");
  three.pop_back();  // the closing "]"
  EXPECT_TRUE(read_file(dir_ / "six.json").starts_with(three + ","));
}

TEST_F(ExportGeneratorTest, ShardedManifestListsShardsThatExist) {
  GeneratorOptions options = options_for(dir_ / "sharded.zip", 30);
  options.layout = Layout::sharded;
  options.shard_bytes = 60'000;
  const GeneratorReport report = generate_export(options);

  const auto members = read_zip(dir_ / "sharded.zip");
  EXPECT_FALSE(members.contains("conversations.json"));
  ASSERT_TRUE(members.contains("export_manifest.json"));
  simdjson::dom::parser parser;
  const simdjson::padded_string manifest(members.at("export_manifest.json"));
  simdjson::dom::element root = parser.parse(manifest);
  simdjson::dom::element logical = root["logical_files"]["conversations.json"];
  EXPECT_TRUE(bool(logical["sharded"].get_bool()));
  std::vector<std::string> listed;
  for (simdjson::dom::element file : logical["files"].get_array()) {
    listed.emplace_back(std::string_view(file.get_string()));
  }
  EXPECT_GT(listed.size(), 1u) << "30 conversations do not fit in one 60 KB shard";
  EXPECT_EQ(listed, report.shards);

  std::size_t conversations = 0;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    char expected[48];
    std::snprintf(expected, sizeof expected, "conversations-%03zu.json", i);
    EXPECT_EQ(listed[i], expected);
    ASSERT_TRUE(members.contains(listed[i])) << listed[i] << " is listed but missing";
    conversations += check_conversations(members.at(listed[i]));
  }
  EXPECT_EQ(conversations, 30u);

  // Assets are <pointer id>.dat, each named in conversation_asset_file_names.json.
  const simdjson::padded_string names(members.at("conversation_asset_file_names.json"));
  simdjson::dom::parser names_parser;
  std::set<std::string> mapped;
  for (auto field : names_parser.parse(names).get_object()) {
    mapped.emplace(field.key);
    EXPECT_TRUE(members.contains(std::string(field.key))) << field.key;
  }
  EXPECT_EQ(mapped.size(), report.assets);
  for (const auto& [name, data] : members) {
    if (name.ends_with(".dat")) {
      EXPECT_TRUE(mapped.contains(name)) << name;
    }
  }
}

TEST_F(ExportGeneratorTest, SizeTargetIsMetWithinTenPercent) {
  for (const std::uint64_t target : {150'000ull, 400'000ull}) {
    GeneratorOptions options;
    options.seed = 5;
    options.target_json_bytes = target;
    options.zip_path = dir_ / "sized.zip";
    const GeneratorReport report = generate_export(options);
    const std::string json = read_zip(dir_ / "sized.zip").at("conversations.json");
    EXPECT_EQ(json.size(), report.json_bytes);
    EXPECT_GE(json.size(), target * 9 / 10) << "target " << target;
    EXPECT_LE(json.size(), target * 11 / 10) << "target " << target;
    EXPECT_EQ(check_conversations(json), report.conversations);
  }
}

TEST_F(ExportGeneratorTest, RejectsMissingCountAndOutput) {
  GeneratorOptions options;
  options.zip_path = dir_ / "x.zip";
  EXPECT_THROW(generate_export(options), Error);
  options.conversations = 1;
  options.zip_path.clear();
  EXPECT_THROW(generate_export(options), Error);
}

}  // namespace
}  // namespace afterglow::bench
