// Original export files and blobs: streaming round trips, raw storage of compressed media,
// content addressing, and byte-identical export with path checks.
#include <map>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

// Several MiB of text with long-range repetition, which only long mode finds.
std::string compressible_text(size_t n) {
  std::string block = random_bytes(200000, 11);
  for (char& c : block) c = static_cast<char>('a' + static_cast<unsigned char>(c) % 26);
  std::string out;
  while (out.size() < n) out += block + "\n对话 " + std::to_string(out.size()) + "\n";
  out.resize(n);
  return out;
}

std::string read_back(const Archive& archive, const std::string& sha256) {
  std::string bytes;
  size_t pieces = 0;
  archive.read_blob(sha256, [&](std::string_view p) {
    bytes.append(p);
    ++pieces;
  });
  EXPECT_GT(pieces, 0u);
  return bytes;
}

class Blobs : public ::testing::Test {
 protected:
  fs::path path() const { return dir_ / "a.afterglow"; }
  ScratchDir dir_;
};

TEST_F(Blobs, LargeFilesRoundTripByteIdentical) {
  auto archive = Archive::open(path(), Archive::Mode::read_write);
  const std::string text = compressible_text(5 << 20);
  const std::string noise = random_bytes(3 << 20, 5);
  const std::string jpeg = std::string("\xff\xd8\xff\xe0", 4) + random_bytes(2 << 20, 6);
  ImportSummary s = import_all(*archive, survey_for("u"), {},
                               {{"conversations.json", text},
                                {"noise.bin", noise},
                                {"user-x/photo.jpg", jpeg},
                                {"empty.json", ""}});
  EXPECT_EQ(s.sources_new, 4);

  auto files = archive->originals();
  ASSERT_EQ(files.size(), 4u);
  std::map<std::string, OriginalFile> by_path;
  for (const auto& f : files) by_path[f.path] = f;
  EXPECT_EQ(read_back(*archive, by_path["conversations.json"].sha256), text);
  EXPECT_EQ(read_back(*archive, by_path["noise.bin"].sha256), noise);
  EXPECT_EQ(read_back(*archive, by_path["user-x/photo.jpg"].sha256), jpeg);
  std::string empty = "x";
  archive->read_blob(by_path["empty.json"].sha256, [&](std::string_view p) { empty = p; });
  EXPECT_EQ(by_path["empty.json"].size, 0);
  EXPECT_EQ(by_path["conversations.json"].size, static_cast<int64_t>(text.size()));
  EXPECT_EQ(by_path["conversations.json"].sha256.size(), 64u);

  // The text compresses well across ~1 MiB chunk rows; the JPEG is stored as it is.
  EXPECT_LT(query_int(path(), "SELECT stored_size FROM blobs WHERE sha256 = '" +
                                  by_path["conversations.json"].sha256 + "'"),
            static_cast<int64_t>(text.size() / 10));
  EXPECT_EQ(query_int(path(), "SELECT compression = 'none' FROM blobs WHERE sha256 = '" +
                                  by_path["user-x/photo.jpg"].sha256 + "'"),
            1);
  EXPECT_EQ(query_int(path(),
                      "SELECT count(*) FROM blob_chunks c JOIN blobs b ON b.id = "
                      "c.blob_id WHERE b.sha256 = '" +
                          by_path["user-x/photo.jpg"].sha256 + "'"),
            3);
  EXPECT_EQ(archive->blob_info(by_path["user-x/photo.jpg"].sha256)->mime, "image/jpeg");
  EXPECT_EQ(archive->blob_info(by_path["noise.bin"].sha256)->size, 3 << 20);
  EXPECT_EQ(archive->blob_info(std::string(64, '0')), std::nullopt);
  EXPECT_THROW(archive->read_blob(std::string(64, '0'), [](std::string_view) {}), NotFound);
}

TEST_F(Blobs, SameBytesAreStoredOnce) {
  auto archive = Archive::open(path(), Archive::Mode::read_write);
  const std::string bytes = compressible_text(300000);
  ImportSummary s =
      import_all(*archive, survey_for("u"), {}, {{"a/one.json", bytes}, {"b/two.json", bytes}});
  EXPECT_EQ(s.sources_new, 1);
  EXPECT_EQ(s.sources_unchanged, 1);
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM blobs"), 1);
  EXPECT_EQ(query_int(path(), "SELECT count(*) FROM sources"), 2);
}

TEST_F(Blobs, ChangedFileUnderTheSamePathIsStoredAgain) {
  auto archive = Archive::open(path(), Archive::Mode::read_write);
  std::string v1 = compressible_text(2 << 20);
  import_all(*archive, survey_for("u"), {}, {{"conversations.json", v1}});
  for (const std::string& v2 : {v1 + "tail", v1.substr(0, v1.size() - 1),
                                v1.substr(0, 1500000) + "X" + v1.substr(1500001)}) {
    ImportSummary s = import_all(*archive, survey_for("u"), {}, {{"conversations.json", v2}});
    EXPECT_EQ(s.sources_new, 1);
    auto files = archive->originals();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].import_id, s.import_id);
    EXPECT_EQ(read_back(*archive, files[0].sha256), v2);
  }
}

TEST_F(Blobs, ExportOriginalsWritesIdenticalFiles) {
  auto archive = Archive::open(path(), Archive::Mode::read_write);
  const std::vector<OriginalInput> inputs = {
      {"conversations.json", compressible_text(1 << 20)},
      {"user.json", "{\"id\":\"u\",\"name\":\"王小明\"}"},
      {"dalle-generations/file-1.webp",
       std::string("RIFF\0\0\0\0WEBP", 12) + random_bytes(5000, 1)},
      {"User Online Activity/Conversations__u-chatgpt-0001.zip/conversations-000.json", "[]"},
  };
  import_all(*archive, survey_for("u"), {}, inputs);
  const fs::path out = dir_ / "out";
  archive->export_originals(out);
  for (const auto& in : inputs) EXPECT_EQ(read_file(out / in.path), in.bytes) << in.path;
}

TEST_F(Blobs, ExportOriginalsWritesNamesEverySystemAccepts) {
  auto archive = Archive::open(path(), Archive::Mode::read_write);
  import_all(*archive, survey_for("u"), {},
             {{"notes/a:b?.txt", "colon"},
              {"CON.json", "device"},
              {"A.txt", "upper"},
              {"a.txt", "lower"},
              {"trailing./x.md", "dot"},
              {"问题/图片 1.png", "chinese"}});
  const fs::path out = dir_ / "out";
  archive->export_originals(out);
  EXPECT_EQ(read_file(out / "notes" / "a_b_.txt"), "colon");
  EXPECT_EQ(read_file(out / "_CON.json"), "device");
  // Sorted by path, "A.txt" comes first; "a.txt" would be the same file on Windows.
  EXPECT_EQ(read_file(out / "A.txt"), "upper");
  EXPECT_EQ(read_file(out / "a (2).txt"), "lower");
  EXPECT_EQ(read_file(out / "trailing_" / "x.md"), "dot");
  EXPECT_EQ(read_file(out / utf8_path("问题") / utf8_path("图片 1.png")), "chinese");
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) files += e.is_regular_file();
  EXPECT_EQ(files, 6u);
}

TEST_F(Blobs, ExportOriginalsRefusesPathsThatEscape) {
  for (const std::string bad : {"../evil.txt", "a/../../evil.txt", "/tmp/evil.txt"}) {
    ScratchDir dir;
    auto archive = Archive::open(dir / "a.afterglow", Archive::Mode::read_write);
    import_all(*archive, survey_for("u"), {}, {{"fine.txt", "fine"}, {bad, "evil"}});
    const fs::path out = dir / "out" / "inner";
    try {
      archive->export_originals(out);
      ADD_FAILURE() << bad << " was exported";
    } catch (const ArchiveError& e) {
      EXPECT_NE(std::string(e.what()).find("refusing to export '" + bad + "'"), std::string::npos)
          << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "out" / "evil.txt"));
    EXPECT_FALSE(fs::exists(out / "fine.txt"));  // checked before anything is written
  }
}

}  // namespace
}  // namespace afterglow::store
