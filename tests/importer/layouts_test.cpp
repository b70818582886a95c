// survey() and import() end to end on every input shape, with zips written at run time.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "importer_test_support.h"

namespace afterglow::importer {
namespace {

using testing::Entries;
using testing::RecordingSink;
using testing::TempDir;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "pngdata";
const std::string kJpeg = "\xFF\xD8\xFF\xE0jpegdata";
const std::string kGif = "GIF89a-gif";
const std::string kWav = "RIFF\x10\0\0\0WAVEfmt ";

std::string image_part(const std::string& pointer) {
  return R"(,{"content_type":"image_asset_pointer","asset_pointer":")" + pointer + R"("})";
}

Entries classic_entries() {
  std::string parts =
      image_part("file-service://file-AAA") + image_part("sediment://file-GEN") +
      image_part("sediment://file_00bb") +
      R"(,{"content_type":"audio_asset_pointer","asset_pointer":"sediment://file_00cc","format":"wav"})" +
      image_part("file-service://file-zzz") + image_part("file-service://file-missing") +
      image_part("sediment://file_00ff");
  std::string conversations = "[" + testing::conversation_json("c1", "first", parts) + "," +
                              testing::conversation_json("c2", "第二") + "]";
  return {
      {"conversations.json", conversations},
      {"user.json", R"({"id":"user-abc","email":"a@example.com","chatgpt_plus_user":true})"},
      {"chat.html",
       "<html><script>var jsonData = [];\nvar assetsJson = {'file-service://file-zzz': "
       "'renamed photo.png', \"x\": \"y\"};</script></html>"},
      {"message_feedback.json", "[]"},
      {"file-AAA-photo.jpeg", kJpeg},
      {"file-AAA.webp", "RIFF0000WEBP"},
      {"dalle-generations/file-GEN-1f52f12d.webp", "RIFF0000WEBP"},
      {"user-xyz/file_00bb-1f52f12d.png", kPng},
      {"c1/audio/file_00cc-aa570aac.wav", kWav},
      {"renamed photo.png", kPng},
      {"file_00ff", kGif},
  };
}

void expect_byte_exact(const RecordingSink& sink, const Entries& entries,
                       const std::string& prefix = "") {
  for (const auto& [name, bytes] : entries) {
    auto it = sink.files.find(prefix + name);
    ASSERT_NE(it, sink.files.end()) << prefix + name;
    EXPECT_EQ(it->second, bytes) << prefix + name;
  }
}

void expect_classic_resolution(const RecordingSink& sink, const std::string& prefix = "") {
  auto member = [&](const std::string& id) {
    auto it = sink.resolved.find(id);
    EXPECT_NE(it, sink.resolved.end()) << id;
    return it != sink.resolved.end() && it->second ? it->second->member : std::string("<none>");
  };
  EXPECT_EQ(member("file-AAA"), prefix + "file-AAA-photo.jpeg");  // not the .webp copy
  EXPECT_EQ(member("file-GEN"), prefix + "dalle-generations/file-GEN-1f52f12d.webp");
  EXPECT_EQ(member("file_00bb"), prefix + "user-xyz/file_00bb-1f52f12d.png");
  EXPECT_EQ(member("file_00cc"), prefix + "c1/audio/file_00cc-aa570aac.wav");
  EXPECT_EQ(member("file-zzz"), prefix + "renamed photo.png");  // via chat.html assetsJson
  EXPECT_EQ(member("file_00ff"), prefix + "file_00ff");
  EXPECT_EQ(member("file-missing"), "<none>");
  EXPECT_EQ(sink.resolved.at("file-AAA")->mime, "image/jpeg");
  EXPECT_EQ(sink.resolved.at("file_00cc")->mime, "audio/wav");  // from the pointer's format
  EXPECT_EQ(sink.resolved.at("file_00ff")->mime, "image/gif");  // sniffed: no extension
}

TEST(Layouts, ClassicZip) {
  TempDir dir;
  Entries entries = classic_entries();
  testing::write_zip(dir / "export.zip", entries);

  model::Survey survey = importer::survey(dir / "export.zip");
  EXPECT_EQ(survey.layout, "classic");
  EXPECT_EQ(survey.account.id, "user-abc");
  EXPECT_EQ(survey.account.email, "a@example.com");
  EXPECT_EQ(survey.conversation_files, std::vector<std::string>{"conversations.json"});
  EXPECT_EQ(survey.members.size(), entries.size());
  int64_t total = 0;
  for (const auto& [name, bytes] : entries) total += static_cast<int64_t>(bytes.size());
  EXPECT_EQ(survey.total_bytes, total);

  RecordingSink sink;
  int64_t last_done = 0;
  int64_t calls = 0;
  Options options;
  options.progress = [&](const Progress& p) {
    EXPECT_GE(p.bytes_done, last_done);
    last_done = p.bytes_done;
    ++calls;
  };
  Report report = importer::import(survey, sink, options);
  EXPECT_TRUE(sink.began);
  EXPECT_EQ(sink.layout, "classic");
  EXPECT_EQ(report.files, static_cast<int64_t>(entries.size()));
  EXPECT_EQ(report.conversations, 2);
  EXPECT_EQ(report.broken, 0);
  EXPECT_EQ(report.attachments, 7);
  EXPECT_EQ(last_done, total);
  EXPECT_GT(calls, 0);
  EXPECT_EQ(sink.finished, static_cast<int>(entries.size()));
  EXPECT_EQ(sink.resolve_calls, 1);
  ASSERT_EQ(sink.conversations.size(), 2u);
  EXPECT_EQ(sink.conversations[1].title, "第二");
  expect_byte_exact(sink, entries);
  expect_classic_resolution(sink);
}

TEST(Layouts, ShardedZipWithDatAssetsAndManifest) {
  TempDir dir;
  // 2026 nodes carry no children lists.
  std::string shard0 =
      R"([{"id":"s1","title":"one","current_node":"u","mapping":{"u":{"id":"u","parent":null,"message":{"author":{"role":"user"},"content":{"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer","asset_pointer":"sediment://file_00dd"},{"content_type":"image_asset_pointer","asset_pointer":"sediment://file_00ee"}]}}}}}])";
  std::string shard1 = "[" + testing::conversation_json("s2", "two") + "]";
  Entries entries = {
      {"export_manifest.json",
       R"({"version":1,"logical_files":{"conversations.json":{"files":["conversations-000.json","conversations-001.json"],"sharded":true}}})"},
      {"conversations-000.json", shard0},
      {"conversations-001.json", shard1},
      {"conversation_asset_file_names.json", R"({"file_00dd.dat":"diagram.png"})"},
      {"file_00dd.dat", kJpeg},
      {"file_00ee.dat", kGif},
      {"user.json", R"({"id":"user-2026","email":"s@example.com"})"},
  };
  testing::write_zip(dir / "export.zip", entries);
  model::Survey survey = importer::survey(dir / "export.zip");
  EXPECT_EQ(survey.layout, "sharded");
  EXPECT_EQ(survey.conversation_files,
            (std::vector<std::string>{"conversations-000.json", "conversations-001.json"}));
  RecordingSink sink;
  importer::import(survey, sink);
  ASSERT_EQ(sink.conversations.size(), 2u);
  const auto* s1 = sink.find("s1");
  ASSERT_NE(s1, nullptr);
  ASSERT_EQ(s1->nodes.size(), 1u);
  EXPECT_TRUE(s1->nodes[0].children.empty());
  ASSERT_TRUE(sink.resolved.at("file_00dd").has_value());
  EXPECT_EQ(sink.resolved.at("file_00dd")->member, "file_00dd.dat");
  EXPECT_EQ(sink.resolved.at("file_00dd")->name, "diagram.png");
  EXPECT_EQ(sink.resolved.at("file_00dd")->mime, "image/png");  // the original name wins
  EXPECT_EQ(sink.resolved.at("file_00ee")->member, "file_00ee.dat");
  EXPECT_EQ(sink.resolved.at("file_00ee")->mime, "image/gif");  // sniffed
  expect_byte_exact(sink, entries);
}

TEST(Layouts, ManifestNamingAMissingShardIsRefused) {
  TempDir dir;
  testing::write_zip(
      dir / "export.zip",
      {{"export_manifest.json",
        R"({"version":1,"logical_files":{"conversations.json":{"files":["conversations-000.json","conversations-001.json","conversations-002.json"],"sharded":true}}})"},
       {"conversations-000.json", "[]"},
       {"conversations-001.json", "[]"}});
  try {
    importer::survey(dir / "export.zip");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find((dir / "export.zip").string()), std::string::npos) << message;
    EXPECT_NE(message.find("truncated export: conversations-002.json is listed in "
                           "export_manifest.json but missing"),
              std::string::npos)
        << message;
  }
}

TEST(Layouts, PrivacyPortalNestedZipSkipsFinancial) {
  TempDir dir;
  Entries inner = classic_entries();
  const std::string nested = "User Online Activity/Conversations__u-chatgpt-0001.zip";
  testing::write_zip(dir / "OpenAI-export.zip",
                     {{"report.html", "<html>report</html>"},
                      {"Financial/Charge History.csv", "secret,payments"},
                      {nested, testing::zip_bytes(inner)},
                      {"User Profile/profile.json", "{}"}});
  model::Survey survey = importer::survey(dir / "OpenAI-export.zip");
  EXPECT_EQ(survey.layout, "privacy-portal");
  EXPECT_EQ(survey.account.id, "user-abc");
  EXPECT_EQ(survey.conversation_files, std::vector<std::string>{nested + "/conversations.json"});
  for (const auto& member : survey.members) {
    EXPECT_EQ(member.path.find("Financial"), std::string::npos) << member.path;
  }
  EXPECT_EQ(survey.members.size(), inner.size() + 2);

  RecordingSink sink;
  importer::import(survey, sink);
  EXPECT_EQ(sink.conversations.size(), 2u);
  for (const auto& [path, bytes] : sink.files) {
    EXPECT_EQ(path.find("Financial"), std::string::npos);
    EXPECT_EQ(bytes.find("secret"), std::string::npos);
  }
  EXPECT_EQ(sink.files.at("report.html"), "<html>report</html>");
  expect_byte_exact(sink, inner, nested + "/");
  expect_classic_resolution(sink, nested + "/");
}

// The 2026 Privacy-Portal download keeps the files the conversations point at in a zip of their
// own, Files__…-files-0001.zip, beside the conversations' zip: inside the portal's zip, or both
// zips downloaded into one folder. Either way the attachments are found in it.
Entries conversations_without_files() {
  Entries entries;
  const std::set<std::string> files = {"file-AAA-photo.jpeg",
                                       "file-AAA.webp",
                                       "dalle-generations/file-GEN-1f52f12d.webp",
                                       "user-xyz/file_00bb-1f52f12d.png",
                                       "c1/audio/file_00cc-aa570aac.wav",
                                       "renamed photo.png",
                                       "file_00ff"};
  for (auto& [name, bytes] : classic_entries()) {
    if (!files.contains(name)) entries.emplace_back(name, bytes);
  }
  return entries;
}

Entries files_only() {
  Entries entries;
  for (auto& [name, bytes] : classic_entries()) {
    if (name.find('.') == std::string::npos || name.starts_with("file") ||
        name.find('/') != std::string::npos || name == "renamed photo.png") {
      entries.emplace_back(name, bytes);
    }
  }
  return entries;
}

TEST(Layouts, PrivacyPortalFilesZipBesideTheConversations) {
  TempDir dir;
  const std::string conversations = "User Online Activity/Conversations__u-chatgpt-0001.zip";
  const std::string files = "User Online Activity/Files__u-files-0001.zip";
  testing::write_zip(dir / "OpenAI-export.zip",
                     {{"report.html", "<html>report</html>"},
                      {conversations, testing::zip_bytes(conversations_without_files())},
                      {files, testing::zip_bytes(files_only())}});
  model::Survey survey = importer::survey(dir / "OpenAI-export.zip");
  EXPECT_EQ(survey.layout, "privacy-portal");
  RecordingSink sink;
  importer::import(survey, sink);
  EXPECT_EQ(sink.conversations.size(), 2u);
  ASSERT_TRUE(sink.resolved.at("file-AAA").has_value());
  EXPECT_EQ(sink.resolved.at("file-AAA")->member, files + "/file-AAA-photo.jpeg");
  EXPECT_EQ(sink.resolved.at("file_00cc")->member, files + "/c1/audio/file_00cc-aa570aac.wav");
  EXPECT_EQ(sink.resolved.at("file_00ff")->mime, "image/gif");
  EXPECT_FALSE(sink.resolved.at("file-missing").has_value());
  expect_byte_exact(sink, files_only(), files + "/");

  // The two zips as downloaded, side by side in a folder.
  std::filesystem::create_directories(dir / "download");
  testing::write_zip(dir / "download/Conversations__u-chatgpt-0001.zip",
                     conversations_without_files());
  testing::write_zip(dir / "download/Files__u-files-0001.zip", files_only());
  model::Survey folder = importer::survey(dir / "download");
  RecordingSink from_folder;
  importer::import(folder, from_folder);
  EXPECT_EQ(from_folder.conversations.size(), 2u);
  ASSERT_TRUE(from_folder.resolved.at("file-AAA").has_value());
  EXPECT_EQ(from_folder.resolved.at("file-AAA")->member,
            "Files__u-files-0001.zip/file-AAA-photo.jpeg");
}

TEST(Layouts, UnzippedFolder) {
  TempDir dir;
  Entries entries = classic_entries();
  for (const auto& [name, bytes] : entries) testing::write_file(dir / ("export/" + name), bytes);
  model::Survey survey = importer::survey(dir / "export");
  EXPECT_EQ(survey.layout, "folder");
  EXPECT_EQ(survey.account.email, "a@example.com");
  EXPECT_EQ(survey.members.size(), entries.size());
  RecordingSink sink;
  importer::import(survey, sink);
  EXPECT_EQ(sink.conversations.size(), 2u);
  expect_byte_exact(sink, entries);
  expect_classic_resolution(sink);
}

TEST(Layouts, FolderShardsInNumericOrder) {
  TempDir dir;
  testing::write_file(dir / "e/conversations-1000.json", "[]");
  testing::write_file(dir / "e/conversations-999.json", "[]");
  testing::write_file(dir / "e/conversations-101.json", "[]");
  model::Survey survey = importer::survey(dir / "e");
  EXPECT_EQ(survey.conversation_files,
            (std::vector<std::string>{"conversations-101.json", "conversations-999.json",
                                      "conversations-1000.json"}));
}

TEST(Layouts, BareJsonArrayAndConversationsObject) {
  TempDir dir;
  const std::string array = "[" + testing::conversation_json("j1", "a") + "]";
  const std::string object = R"({"conversations":[)" + testing::conversation_json("j2", "b") + "," +
                             testing::conversation_json("j3", "c") + "]}";
  testing::write_file(dir / "chats.json", array);
  testing::write_file(dir / "wrapped.json", object);

  model::Survey survey = importer::survey(dir / "chats.json");
  EXPECT_EQ(survey.layout, "json");
  EXPECT_EQ(survey.conversation_files, std::vector<std::string>{"chats.json"});
  RecordingSink sink;
  importer::import(survey, sink);
  ASSERT_EQ(sink.conversations.size(), 1u);
  EXPECT_EQ(sink.files.at("chats.json"), array);

  RecordingSink wrapped;
  testing::import_into(dir / "wrapped.json", wrapped);
  ASSERT_EQ(wrapped.conversations.size(), 2u);
  EXPECT_EQ(wrapped.conversations[1].id, "j3");
}

TEST(Layouts, OneBrokenConversationAmongGoodOnes) {
  TempDir dir;
  const std::string bad = R"({"id":"bad","title":"Broken","mapping":{"a":{"id":"a",]}})";
  const std::string json = "[" + testing::conversation_json("g1", "good") + ",\n" + bad + ", 42, " +
                           testing::conversation_json("g2", "also good") + "]";
  testing::write_file(dir / "conversations.json", json);
  RecordingSink sink;
  Report report = testing::import_into(dir / "conversations.json", sink);
  EXPECT_EQ(report.conversations, 2);
  EXPECT_EQ(report.broken, 2);
  ASSERT_EQ(sink.conversations.size(), 2u);
  EXPECT_EQ(sink.conversations[1].id, "g2");
  ASSERT_EQ(sink.broken.size(), 2u);
  EXPECT_EQ(sink.broken[0].raw_json, bad);
  EXPECT_EQ(sink.broken[0].index, 1u);
  EXPECT_EQ(sink.broken[0].id, "bad");
  EXPECT_EQ(sink.broken[0].title, "Broken");
  EXPECT_EQ(sink.broken[0].file, "conversations.json");
  EXPECT_FALSE(sink.broken[0].reason.empty());
  EXPECT_EQ(sink.broken[1].raw_json, "42");
  EXPECT_EQ(sink.broken[1].index, 2u);
}

void expect_input_error(const std::filesystem::path& input, const std::string& fragment) {
  try {
    model::Survey survey = importer::survey(input);
    RecordingSink sink;
    importer::import(survey, sink);
    FAIL() << "expected InputError for " << input;
  } catch (const InputError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find(input.string()), std::string::npos) << message;
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST(BadInput, NotAZip) {
  TempDir dir;
  testing::write_file(dir / "export.zip", "this is not a zip file at all");
  expect_input_error(dir / "export.zip", "not a zip");
}

TEST(BadInput, TruncatedZip) {
  TempDir dir;
  Entries entries = classic_entries();
  entries.push_back({"big.bin", std::string(200000, 'x') + std::to_string(12345)});
  testing::write_zip(dir / "full.zip", entries);
  std::string bytes = testing::read_file(dir / "full.zip");
  testing::write_file(dir / "export.zip", bytes.substr(0, bytes.size() * 2 / 3));
  expect_input_error(dir / "export.zip", "truncated zip");
}

TEST(BadInput, ZipCutInsideIncompressibleData) {
  TempDir dir;
  std::string noise;
  std::mt19937 random(7);
  for (int i = 0; i < 300000; ++i) noise += static_cast<char>(random() & 0xFF);
  testing::write_zip(dir / "full.zip", {{"conversations.json", "[]"}, {"file-abc-x.bin", noise}});
  std::string bytes = testing::read_file(dir / "full.zip");
  testing::write_file(dir / "export.zip", bytes.substr(0, bytes.size() / 2));
  expect_input_error(dir / "export.zip", "truncated zip");
}

TEST(BadInput, TruncatedNestedZip) {
  TempDir dir;
  std::string noise;
  std::mt19937 random(9);
  for (int i = 0; i < 300000; ++i) noise += static_cast<char>(random() & 0xFF);
  std::string inner = testing::zip_bytes({{"conversations.json", "[]"}, {"file-abc-x.bin", noise}});
  testing::write_zip(dir / "export.zip", {{"User Online Activity/Conversations__u-chatgpt-0001.zip",
                                           inner.substr(0, inner.size() / 2)}});
  expect_input_error(dir / "export.zip", "Conversations__u-chatgpt-0001.zip");
}

TEST(BadInput, GarbageJson) {
  TempDir dir;
  testing::write_file(dir / "conversations.json", "[{\"id\":\"x\"}, {\"id\": \"cut");
  expect_input_error(dir / "conversations.json", "truncated");
  testing::write_file(dir / "nonsense.json", "%%% garbage");
  expect_input_error(dir / "nonsense.json", "not a zip export");
}

TEST(BadInput, TruncatedConversationsInsideZipNamesTheMember) {
  TempDir dir;
  testing::write_zip(dir / "export.zip",
                     {{"conversations.json", "[" + testing::conversation_json("a", "a") + ",{"}});
  expect_input_error(dir / "export.zip", "conversations.json: truncated JSON");
}

TEST(BadInput, UnknownLayout) {
  TempDir dir;
  testing::write_zip(dir / "export.zip", {{"hello.txt", "hi"}, {"sub/conversations.json", "[]"}});
  expect_input_error(dir / "export.zip", "unknown layout");
}

TEST(BadInput, MissingPath) {
  TempDir dir;
  expect_input_error(dir / "nope.zip", "no such file");
}

}  // namespace
}  // namespace afterglow::importer
