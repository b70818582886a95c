#include "export_walker.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <system_error>
#include <vector>

#include "afterglow/i18n/translate.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "export_layout.h"
#include "json_text.h"

namespace afterglow::importer {

namespace fs = std::filesystem;
using i18n::_;

namespace {

constexpr size_t kBlockBytes = 64 * 1024;

std::string read_head(const fs::path& path, size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(i18n::format(_("{0}: cannot open the file for reading"), path),
                     ErrorCode::unreadable);
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// A complete zip ends with an end-of-central-directory record (22 bytes plus a comment of up to
// 64 KiB). Without it the zip was cut short; libarchive's streaming reader would otherwise stop
// quietly at the cut when it falls between entries.
bool has_end_of_central_directory(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  const std::streamoff tail = std::min<std::streamoff>(size, 22 + 65535);
  std::string bytes(static_cast<size_t>(tail), '\0');
  in.seekg(size - tail);
  in.read(bytes.data(), tail);
  for (size_t i = bytes.size() >= 22 ? bytes.size() - 22 + 1 : 0; i-- > 0;) {
    if (bytes.compare(i, 4, "PK\x05\x06") == 0) return true;
  }
  return false;
}

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

ArchivePtr new_zip_reader() {
  ArchivePtr a(archive_read_new());
  archive_read_support_format_zip(a.get());
  return a;
}

// libarchive's message, on one line: some of its messages end in a newline of their own.
std::string archive_problem(archive* a) {
  const char* message = archive_error_string(a);
  std::string text = message ? message : "unreadable zip data";
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string human_size(int64_t bytes) {
  char out[32];
  if (bytes >= 1'000'000'000) {
    std::snprintf(out, sizeof out, "%.1f GB", static_cast<double>(bytes) / 1e9);
  } else {
    std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / 1e6);
  }
  return out;
}

// What every zip member of one walk has yielded so far, against the limits.
struct Budget {
  const Limits& limits;
  int64_t total = 0;
};

// Reads the current entry of a libarchive reader, counting what it really yields: the sizes a
// zip declares can lie, the bytes that come out cannot.
class ArchiveMemberReader : public MemberReader {
 public:
  // `leaf`: the member itself is visited (a nested zip's outer entry is not: its members are).
  ArchiveMemberReader(archive* a, std::string where, Budget& budget, bool leaf)
      : archive_(a),
        where_(std::move(where)),
        budget_(budget),
        leaf_(leaf),
        start_(archive_filter_bytes(a, -1)) {}
  size_t read(char* buffer, size_t capacity) override {
    if (done_) return 0;
    la_ssize_t n = archive_read_data(archive_, buffer, capacity);
    if (n < 0) {
      throw InputError(where_ + ": damaged or truncated zip: " + archive_problem(archive_),
                       ErrorCode::damaged_zip);
    }
    if (n == 0) done_ = true;
    produced_ += n;
    if (leaf_) budget_.total += n;
    check_limits();
    return static_cast<size_t>(n);
  }
  bool done() const { return done_; }

 private:
  void check_limits() const {
    const Limits& limits = budget_.limits;
    if (budget_.total > limits.max_total_bytes) {
      throw InputError(where_ + ": the zip unpacks to more than " +
                           human_size(limits.max_total_bytes) +
                           " (a decompression bomb?); if the export is genuine, raise the limit "
                           "(afterglow import --max-size)",
                       ErrorCode::too_large);
    }
    if (produced_ <= kRatioGraceBytes) return;
    // libarchive reads ahead, so this counts a little more input than used: never less.
    const int64_t consumed = std::max<int64_t>(1, archive_filter_bytes(archive_, -1) - start_);
    if (static_cast<double>(produced_) > limits.max_ratio * static_cast<double>(consumed)) {
      char ratio[32];
      std::snprintf(ratio, sizeof ratio, "%g", limits.max_ratio);
      throw InputError(where_ + ": expands more than " + ratio +
                           " times its compressed size (a decompression bomb?); if the export is "
                           "genuine, raise the limit (afterglow import --max-ratio)",
                       ErrorCode::too_large);
    }
  }

  archive* archive_;
  std::string where_;
  Budget& budget_;
  bool leaf_;
  int64_t start_;
  int64_t produced_ = 0;
  bool done_ = false;
};

// Why a zip entry's name cannot be kept as a path inside the export, or nullopt when it can.
// Nothing is ever extracted, but `afterglow export --original` writes these paths back out.
std::optional<std::string> unsafe_name(std::string_view name) {
  if (name.empty()) return "it has no name";
  if (name.front() == '/' || name.front() == '\\') return "its name is an absolute path";
  if (name.size() >= 2 && name[1] == ':') return "its name is an absolute (drive) path";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return "its name points outside the export (..)";
    start = end + 1;
  }
  return std::nullopt;
}

// Feeds a nested zip's bytes to its own libarchive reader straight from the outer entry.
struct NestedSource {
  MemberReader* outer;
  std::array<char, kBlockBytes> block;
  std::string error;
};

la_ssize_t read_nested(archive* a, void* client, const void** buffer) {
  auto* source = static_cast<NestedSource*>(client);
  try {
    size_t n = source->outer->read(source->block.data(), source->block.size());
    *buffer = source->block.data();
    return static_cast<la_ssize_t>(n);
  } catch (const std::exception& e) {
    source->error = e.what();
    archive_set_error(a, EIO, "%s", e.what());
    return ARCHIVE_FATAL;
  }
}

// libarchive takes a file name in the system's own form: bytes on POSIX, UTF-16 on Windows
// (path::c_str() is one or the other; overloading picks the matching call).
[[maybe_unused]] int open_zip_file(struct archive* a, const char* name, size_t block) {
  return archive_read_open_filename(a, name, block);
}
[[maybe_unused]] int open_zip_file(struct archive* a, const wchar_t* name, size_t block) {
  return archive_read_open_filename_w(a, name, block);
}

class Walker {
 public:
  Walker(std::string input_name, const MemberVisitor& visit, const Limits& limits,
         const WalkWarning& warn)
      : input_name_(std::move(input_name)), visit_(visit), budget_{limits}, warn_(warn) {}

  void zip_file(const fs::path& path, const std::string& prefix, int nesting) {
    if (!has_end_of_central_directory(path)) {
      std::string where = prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1) + ": ";
      throw InputError(input_name_ + ": " + where +
                           "damaged or truncated zip: its end (the central directory) is missing",
                       ErrorCode::damaged_zip);
    }
    ArchivePtr a = new_zip_reader();
    if (open_zip_file(a.get(), path.c_str(), kBlockBytes) != ARCHIVE_OK) {
      throw InputError(
          i18n::format(_("{0}: not a readable zip: {1}"), input_name_, archive_problem(a.get())),
          ErrorCode::damaged_zip);
    }
    entries(a.get(), prefix, nesting);
  }

  void nested_zip(MemberReader& outer, const std::string& prefix, int nesting) {
    NestedSource source{&outer, {}, {}};
    ArchivePtr a = new_zip_reader();
    if (archive_read_open(a.get(), &source, nullptr, read_nested, nullptr) != ARCHIVE_OK) {
      if (!source.error.empty()) throw InputError(source.error);
      throw InputError(
          input_name_ + ": " + prefix + ": not a readable zip: " + archive_problem(a.get()),
          ErrorCode::damaged_zip);
    }
    entries(a.get(), prefix, nesting);
    // Drain what is left of the outer entry so the outer reader stays in step.
    std::array<char, kBlockBytes> sink;
    while (outer.read(sink.data(), sink.size()) > 0) {
    }
  }

  void folder(const fs::path& root) {
    std::vector<fs::path> files;
    std::error_code error;
    fs::recursive_directory_iterator it(root, error), end;
    if (error) throw InputError(root.string() + ": cannot list the folder: " + error.message());
    for (; it != end; it.increment(error)) {
      if (error) throw InputError(root.string() + ": cannot list the folder: " + error.message());
      if (it->is_symlink(error)) {
        // A link could point anywhere on this machine: its target is not part of the export.
        warn(it->path().lexically_relative(root).generic_string() +
             ": a symbolic link, skipped (only the export's own files are kept)");
        continue;
      }
      if (it->is_regular_file(error)) files.push_back(it->path());
    }
    std::vector<std::string> relative;
    relative.reserve(files.size());
    for (const auto& file : files)
      relative.push_back(file.lexically_relative(root).generic_string());
    std::sort(relative.begin(), relative.end(), [](const std::string& a, const std::string& b) {
      return conversation_file_before(a, b);
    });
    for (const auto& path : relative) {
      if (is_financial(path)) continue;
      fs::path full = root / utf8_path(path);
      if (is_nested_export_zip(path, 0)) {
        zip_file(full, path + "/", 1);
        continue;
      }
      WalkedMember member;
      member.info.path = path;
      member.info.size = static_cast<int64_t>(fs::file_size(full, error));
      if (error) member.info.size = -1;
      member.inner_path = path;
      file_member(full, member);
    }
  }

  void file_member(const fs::path& full, const WalkedMember& member) {
    class FileReader : public MemberReader {
     public:
      FileReader(const fs::path& path, std::string where)
          : in_(path, std::ios::binary), where_(std::move(where)) {
        if (!in_)
          throw InputError(where_ + ": cannot open the file for reading", ErrorCode::unreadable);
      }
      size_t read(char* buffer, size_t capacity) override {
        in_.read(buffer, static_cast<std::streamsize>(capacity));
        if (in_.bad()) throw InputError(where_ + ": read error", ErrorCode::unreadable);
        return static_cast<size_t>(in_.gcount());
      }

     private:
      std::ifstream in_;
      std::string where_;
    };
    FileReader reader(full, full.string());
    visit_(member, reader);
  }

 private:
  void warn(const std::string& message) const {
    if (warn_) warn_(message);
  }

  // The entry's name as a path inside the export, or nullopt when the entry is skipped.
  std::optional<std::string> member_name(archive_entry* entry, const std::string& prefix) {
    const char* utf8 = archive_entry_pathname_utf8(entry);
    const char* raw = utf8 ? utf8 : archive_entry_pathname(entry);
    if (!raw) return std::nullopt;
    std::string name = raw;
    if (auto repaired = repair_utf8(name)) {
      warn(prefix + *repaired +
           ": the entry's name is not UTF-8; kept with U+FFFD in place of "
           "the bytes that are not");
      name = std::move(*repaired);
    }
    while (starts_with(name, "./")) name.erase(0, 2);
    if (auto why = unsafe_name(name)) {
      warn(prefix + name + ": skipped: " + *why);
      return std::nullopt;
    }
    return name;
  }

  void entries(archive* a, const std::string& prefix, int nesting) {
    std::set<std::string> seen;
    while (true) {
      archive_entry* entry = nullptr;
      int status = archive_read_next_header(a, &entry);
      if (status == ARCHIVE_EOF) return;
      if (status < ARCHIVE_WARN) {
        throw InputError(input_name_ + ": " + (prefix.empty() ? "" : prefix + ": ") +
                             "damaged or truncated zip: " + archive_problem(a),
                         ErrorCode::damaged_zip);
      }
      const auto type = archive_entry_filetype(entry);
      if (type != AE_IFREG) {
        if (type == AE_IFLNK) {
          const char* name = archive_entry_pathname(entry);
          warn(prefix + (name ? name : "?") +
               ": a symbolic link, skipped (links are not "
               "followed or kept)");
        }
        continue;
      }
      auto name = member_name(entry, prefix);
      if (!name) {
        archive_read_data_skip(a);
        continue;
      }
      const std::string& inner = *name;
      std::string path = prefix + inner;
      if (is_financial(path)) {
        archive_read_data_skip(a);
        continue;
      }
      if (archive_entry_is_encrypted(entry)) {
        throw InputError(i18n::format(_("{0}: {1}: encrypted (a password-protected zip); unzip "
                                        "it with its password and import the folder"),
                                      input_name_, path),
                         ErrorCode::damaged_zip);
      }
      if (!seen.insert(inner).second) {
        warn(path +
             ": the zip holds this name twice; both copies are kept, the later one is "
             "the original that export --original gives back");
      }
      const bool nested = is_nested_export_zip(inner, nesting);
      ArchiveMemberReader reader(a, input_name_ + ": " + path, budget_, !nested);
      if (nested) {
        nested_zip(reader, path + "/", nesting + 1);
        continue;
      }
      WalkedMember member;
      member.info.path = path;
      member.info.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
      member.inner_path = inner;
      member.nesting = nesting;
      visit_(member, reader);
      if (!reader.done() && archive_read_data_skip(a) < ARCHIVE_WARN) {
        throw InputError(
            input_name_ + ": " + path + ": damaged or truncated zip: " + archive_problem(a),
            ErrorCode::damaged_zip);
      }
    }
  }

  std::string input_name_;
  const MemberVisitor& visit_;
  Budget budget_;
  const WalkWarning& warn_;
};

}  // namespace

InputKind detect_input_kind(const fs::path& input) {
  std::error_code error;
  auto status = fs::status(input, error);
  if (error || !fs::exists(status)) {
    throw InputError(i18n::format(_("{0}: no such file or folder"), input), ErrorCode::not_found);
  }
  if (fs::is_directory(status)) return InputKind::folder;
  if (!fs::is_regular_file(status)) {
    throw InputError(i18n::format(_("{0}: not a regular file"), input));
  }
  std::string head = read_head(input, 512);
  if (head.empty())
    throw InputError(i18n::format(_("{0}: the file is empty"), input), ErrorCode::empty);
  if (starts_with(head, "PK\x03\x04") || starts_with(head, "PK\x05\x06")) return InputKind::zip;
  std::string_view rest = head;
  if (starts_with(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
  rest = trim_whitespace(rest);
  // A file of markup is read as one file too: Takeout's HTML page of Gemini activity.
  if (!rest.empty() && (rest.front() == '[' || rest.front() == '{' || rest.front() == '<')) {
    return InputKind::json;
  }
  throw InputError(
      i18n::format(_("{0}: not a zip export, an export folder or a conversations JSON file"),
                   input),
      ErrorCode::not_a_zip);
}

void walk_export(const fs::path& input, InputKind kind, const MemberVisitor& visit,
                 const Limits& limits, const WalkWarning& warn) {
  Walker walker(input.string(), visit, limits, warn);
  switch (kind) {
    case InputKind::zip:
      walker.zip_file(input, "", 0);
      return;
    case InputKind::folder:
      walker.folder(input);
      return;
    case InputKind::json: {
      WalkedMember member;
      member.info.path = input.filename().string();
      std::error_code error;
      member.info.size = static_cast<int64_t>(fs::file_size(input, error));
      if (error) member.info.size = -1;
      member.inner_path = member.info.path;
      walker.file_member(input, member);
      return;
    }
  }
}

}  // namespace afterglow::importer
