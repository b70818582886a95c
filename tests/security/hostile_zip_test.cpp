// Zips made to hurt: names that climb out of the export, links, duplicates, names that are not
// UTF-8, encryption, sizes that lie, decompression bombs. Each is refused with one clear line or
// imported without the harmful part; nothing is ever written outside the archive.
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "security/security_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

struct Entry {
  std::string name;
  std::string bytes;
  std::string symlink_target;  // non-empty: a symbolic link entry
  int64_t declared_size = -1;  // write_stored_zip: the size the headers claim (-1: the truth)
};

// Writes a zip with libarchive; `options` are libarchive write options (e.g. encryption).
void write_zip(const fs::path& path, const std::vector<Entry>& entries,
               const std::string& options = "", const std::string& passphrase = "") {
  archive* a = archive_write_new();
  ASSERT_EQ(archive_write_set_format_zip(a), ARCHIVE_OK);
  if (!options.empty()) {
    ASSERT_EQ(archive_write_set_options(a, options.c_str()), ARCHIVE_OK);
  }
  if (!passphrase.empty()) {
    ASSERT_EQ(archive_write_set_passphrase(a, passphrase.c_str()), ARCHIVE_OK);
  }
  ASSERT_EQ(archive_write_open_filename(a, path.string().c_str()), ARCHIVE_OK);
  for (const auto& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_copy_pathname(entry, e.name.c_str());
    if (!e.symlink_target.empty()) {
      archive_entry_set_filetype(entry, AE_IFLNK);
      archive_entry_copy_symlink(entry, e.symlink_target.c_str());
      archive_entry_set_perm(entry, 0777);
      archive_entry_set_size(entry, 0);
    } else {
      archive_entry_set_filetype(entry, AE_IFREG);
      archive_entry_set_perm(entry, 0644);
      archive_entry_set_size(entry, static_cast<la_int64_t>(e.bytes.size()));
    }
    archive_entry_set_mtime(entry, 1700000000, 0);
    ASSERT_GE(archive_write_header(a, entry), ARCHIVE_WARN) << archive_error_string(a);
    size_t at = 0;
    while (at < e.bytes.size()) {  // in pieces: a bomb is not held twice in memory
      const size_t n = std::min<size_t>(e.bytes.size() - at, 1 << 20);
      ASSERT_EQ(archive_write_data(a, e.bytes.data() + at, n), static_cast<la_ssize_t>(n));
      at += n;
    }
    archive_entry_free(entry);
  }
  ASSERT_EQ(archive_write_close(a), ARCHIVE_OK);
  archive_write_free(a);
}

uint32_t crc32_of(std::string_view data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// A zip of stored (uncompressed) entries written byte by byte, whose headers declare
// each entry's `declared_size` as its uncompressed size: what a reader sees before the data.
void write_stored_zip(const fs::path& path, const std::vector<Entry>& entries) {
  std::string out, central;
  auto u16 = [](std::string& s, uint16_t v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>(v >> 8));
  };
  auto u32 = [&](std::string& s, uint32_t v) {
    u16(s, static_cast<uint16_t>(v & 0xFFFF));
    u16(s, static_cast<uint16_t>(v >> 16));
  };
  for (const auto& e : entries) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t crc = crc32_of(e.bytes);
    const auto size = static_cast<uint32_t>(e.bytes.size());
    const auto declared_size = e.declared_size < 0 ? size : static_cast<uint32_t>(e.declared_size);
    out += "PK\x03\x04";
    u16(out, 20), u16(out, 0), u16(out, 0), u16(out, 0), u16(out, 0x5821);
    u32(out, crc), u32(out, size), u32(out, declared_size);
    u16(out, static_cast<uint16_t>(e.name.size())), u16(out, 0);
    out += e.name + e.bytes;
    central += "PK\x01\x02";
    u16(central, 20), u16(central, 20), u16(central, 0), u16(central, 0), u16(central, 0);
    u16(central, 0x5821), u32(central, crc), u32(central, size), u32(central, declared_size);
    u16(central, static_cast<uint16_t>(e.name.size())), u16(central, 0), u16(central, 0);
    u16(central, 0), u16(central, 0), u32(central, 0), u32(central, offset);
    central += e.name;
  }
  const auto central_offset = static_cast<uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  u16(out, 0), u16(out, 0), u16(out, static_cast<uint16_t>(entries.size()));
  u16(out, static_cast<uint16_t>(entries.size()));
  u32(out, static_cast<uint32_t>(central.size())), u32(out, central_offset), u16(out, 0);
  std::ofstream(path, std::ios::binary) << out;
}

std::string conversations_json() { return read_file(fixture("chinese.json")); }

size_t line_count(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Every file under `dir`, relative, sorted.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_directory()) out.push_back(e.path().lexically_relative(dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class HostileZip : public ::testing::Test {
 protected:
  // The refusal every bad zip must get: exit 2, one line naming the problem, nothing written.
  void expect_refused(const fs::path& zip, const std::string& expected,
                      const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"import", zip.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const std::string before = archive_fingerprint(cli.archive());
    auto r = cli.run(args);
    EXPECT_EQ(r.status, 2) << r.out << r.err;
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_EQ(archive_fingerprint(cli.archive()), before);
  }

  CliRunner cli;
  fs::path zip = cli.dir() / "hostile.zip";
};

TEST_F(HostileZip, NamesThatClimbOutAreSkippedAndNothingLandsOutside) {
  // A unique name, so that finding it anywhere means the escape worked.
  const std::string escape = "afterglow-escape-" + std::to_string(getpid()) + ".txt";
  write_zip(zip, {{"conversations.json", conversations_json(), ""},
                  {"../" + escape, "climbed one level", ""},
                  {"a/../../" + escape, "climbed through a folder", ""},
                  {"/tmp/" + escape, "absolute", ""},
                  {"..\\" + escape, "windows separators", ""},
                  {"ok/file.txt", "kept", ""}});
  auto r = cli.run({"import", zip.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("warning: ../" + escape + ": skipped: its name points outside the export"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("warning: /tmp/" + escape + ": skipped: its name is an absolute path"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(sql_rows(cli.archive(), "SELECT path FROM sources ORDER BY path"),
            "conversations.json\nok/file.txt\n");

  const fs::path out = cli.dir() / "deep" / "originals";
  auto e = cli.run({"export", "--original", out.string()});
  ASSERT_EQ(e.status, 0) << e.err;
  EXPECT_EQ(files_under(cli.dir() / "deep"),
            (std::vector<std::string>{"originals/conversations.json", "originals/ok/file.txt"}));
  EXPECT_FALSE(fs::exists(cli.dir() / escape));
  EXPECT_FALSE(fs::exists(cli.dir() / "deep" / escape));
  EXPECT_FALSE(fs::exists(fs::path("/tmp") / escape));
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

TEST_F(HostileZip, SymbolicLinksAreNeitherFollowedNorKept) {
  write_zip(zip, {{"conversations.json", conversations_json(), ""},
                  {"secret", "", "/etc/passwd"},
                  {"dir-link", "", "/"}});
  auto r = cli.run({"import", zip.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("warning: secret: a symbolic link, skipped"), std::string::npos) << r.out;
  EXPECT_EQ(sql_rows(cli.archive(), "SELECT path FROM sources"), "conversations.json\n");
  EXPECT_EQ(sql_int(cli.archive(), "SELECT count(*) FROM blobs"), 1);
}

TEST_F(HostileZip, ADuplicateNameKeepsBothCopiesAndSaysSo) {
  std::string second = conversations_json();
  const std::string title = "那次聊压力的对话";
  second.replace(second.find(title), title.size(), "A later copy");
  write_zip(zip,
            {{"conversations.json", conversations_json(), ""}, {"conversations.json", second, ""}});
  auto r = cli.run({"import", zip.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("warning: conversations.json: the zip holds this name twice"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(sql_int(cli.archive(), "SELECT count(DISTINCT sha256) FROM sources"), 2);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

TEST_F(HostileZip, ANameThatIsNotUtf8IsRepairedAndReported) {
  write_zip(zip, {{"conversations.json", conversations_json(), ""},
                  {"caf\xE9-\xFF.txt", "latin-1 name", ""}});
  auto r = cli.run({"import", zip.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("not UTF-8"), std::string::npos) << r.out;
  const std::string paths = sql_rows(cli.archive(), "SELECT path FROM sources ORDER BY path");
  EXPECT_NE(paths.find("caf\xEF\xBF\xBD-\xEF\xBF\xBD.txt"), std::string::npos) << paths;
  // Every path stored is valid UTF-8: the JSON output cannot choke on it.
  EXPECT_EQ(cli.run({"list", "--json"}).status, 0);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

TEST_F(HostileZip, AnEncryptedZipIsRefusedClearly) {
  write_zip(zip, {{"conversations.json", conversations_json(), ""}}, "zip:encryption=zipcrypt",
            "secret");
  expect_refused(zip, "encrypted (a password-protected zip)");
  EXPECT_FALSE(fs::exists(cli.archive()));
}

TEST_F(HostileZip, ADeclaredSizeThatLiesIsNeverTrusted) {
  write_stored_zip(zip, {{"conversations.json", conversations_json(), "", 10}});
  expect_refused(zip,
                 "conversations.json: damaged or truncated zip: ZIP uncompressed data is "
                 "wrong size");
  EXPECT_FALSE(fs::exists(cli.archive()));
}

TEST_F(HostileZip, TheSizeLimitCountsTheBytesThatComeOutNotTheDeclaredOnes) {
  // Declares 1000 bytes, yields 20 MB: the survey believes it, the import does not.
  write_stored_zip(zip, {{"conversations.json", conversations_json(), ""},
                         {"file-big.bin", std::string(20'000'000, 'x'), "", 1000}});
  expect_refused(zip, "file-big.bin: the zip unpacks to more than 10.0 MB (a decompression bomb?)",
                 {"--max-size", "10MB"});
}

TEST_F(HostileZip, AHugeDeclaredSizeIsRefusedBeforeAnythingIsWritten) {
  write_stored_zip(zip, {{"conversations.json", conversations_json(), "", 0xFFFFFFF0u}});
  expect_refused(zip, "the zip declares 4294967280 bytes of content", {"--max-size", "1GB"});
  EXPECT_FALSE(fs::exists(cli.archive()));
}

class DecompressionBomb : public HostileZip {
 protected:
  void SetUp() override {
    ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
    // 80 MiB of zeros deflate about a thousandfold: past the 64 MiB any member may yield freely.
    write_zip(zip, {{"conversations.json", conversations_json(), ""},
                    {"file-bomb.bin", std::string(80u << 20, '\0'), ""}});
    ASSERT_LT(fs::file_size(zip), 1u << 20);
  }
};

TEST_F(DecompressionBomb, ARatioBeyondTheLimitIsRefusedAndTheArchiveUntouched) {
  expect_refused(zip, "file-bomb.bin: expands more than 100 times its compressed size");
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

TEST_F(DecompressionBomb, TheDeclaredTotalIsCheckedBeforeAnythingIsWritten) {
  expect_refused(zip, "the zip declares 83904131 bytes of content, more than the 10000000 allowed",
                 {"--max-size", "10MB"});
}

TEST_F(DecompressionBomb, RaisingTheLimitsLetsAGenuineExportIn) {
  auto r = cli.run({"import", zip.string(), "--max-ratio", "100000"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(sql_int(cli.archive(),
                    "SELECT count(*) FROM blobs WHERE size = " + std::to_string(80u << 20)),
            1);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

}  // namespace
}  // namespace afterglow::testing
