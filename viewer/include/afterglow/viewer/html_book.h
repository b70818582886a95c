// The memorial book: a folder (index.html, one page per conversation, assets/) or one
// self-contained HTML file that opens from a USB stick in ten years with no network and no
// afterglow installed. Conversations are loaded and rendered one at a time, so memory is bounded
// by the largest conversation, not by the archive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/store/archive.h"
#include "afterglow/store/memories.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::viewer {

enum class Theme { automatic, light, dark };
enum class Paper { a5, a4 };

struct BookOptions {
  std::string title;  // empty: "Conversations" in the book's language
  std::string subtitle;
  std::string dedication;
  std::string author;
  std::optional<Lang> lang;     // nullopt: the main language of the titles and first messages
  bool include_hidden = false;  // tool calls, reasoning, system and memory messages
  // The chapter "What it remembered": the memory records of the accounts in the book.
  bool include_memories = false;
  Theme theme = Theme::automatic;
  Paper paper = Paper::a5;
  // How the conversations were chosen, said on the "about" page; empty means everything.
  std::string selection;
  // The models the selection asked for (model:gpt-4o): another model's answers are marked.
  std::vector<std::string> featured_models;
  std::string generator = std::string("afterglow ") + AFTERGLOW_VERSION;
  std::optional<double> made_at;  // when the book was made; default now
};

// Where a book's content comes from: the archive, or (in tests) values made by hand.
struct BookSource {
  std::vector<store::ConversationSummary> conversations;  // in book order, oldest first
  // The copy a line of `conversations` names (two accounts may hold one conversation id).
  std::function<store::StoredConversation(const store::ConversationKey& key)> load;
  std::function<std::optional<store::BlobInfo>(const std::string& sha256)> blob_info;
  std::function<void(const std::string& sha256, const std::function<void(std::string_view)>&)>
      read_blob;
  std::vector<store::OriginalFile> originals;
  std::vector<store::StoredMemoryRecord> memory_records;  // oldest first
};

// A source reading from an open archive; `conversations` is the selection, in any order (the
// book sorts it by creation time).
BookSource book_source(const store::Archive& archive,
                       std::vector<store::ConversationSummary> conversations);

struct BookReport {
  int64_t conversations = 0;
  int64_t messages = 0;  // on the displayed threads
  int64_t words = 0;
  int64_t attachments_included = 0;
  int64_t attachments_unavailable = 0;
  bool math_rendered = false;  // some page has math and KaTeX was embedded
};

using BookProgress = std::function<void(size_t done, size_t total)>;

// Writes index.html, about.html, memories.html, c/NNNN.html and assets/ under `dir` (created
// when missing). Throws Error when a file cannot be written.
BookReport write_book_folder(const BookSource& source, const BookOptions& options,
                             const std::filesystem::path& dir, const BookProgress& progress = {});

// Writes one self-contained HTML file: styles, scripts, fonts, images and audio inlined.
BookReport write_book_file(const BookSource& source, const BookOptions& options,
                           const std::filesystem::path& file, const BookProgress& progress = {});

}  // namespace afterglow::viewer
