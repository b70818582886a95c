// Making the memorial book, as `afterglow book` and the app both do it: choose the conversations
// (filters and the search language), write the book as a folder or one file, print it to PDF with
// Chromium, and (for the app's download) pack a folder into a zip.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "afterglow/pipeline/cancel.h"
#include "afterglow/viewer/html_book.h"

namespace afterglow::pipeline {

// The options of `afterglow book`, by their long names.
struct BookRequest {
  std::string query;                       // the search language; empty: everything
  std::string from, to;                    // YYYY[-MM[-DD]], inclusive
  std::vector<std::string> conversations;  // ids or unique prefixes
  std::string title, subtitle, dedication, author;
  std::string lang;            // "zh", "en" or "" (the content's main language)
  std::string theme = "auto";  // "light", "dark", "auto"
  std::string paper = "a5";    // "a5", "a4"
  bool include_hidden = false;
  bool include_resting = false;   // conversations put to rest (afterglow rest) are left out
  bool include_memories = false;  // the chapter "What it remembered" (memory records)
  // An empty selection is an error (nothing_selected) rather than an empty book.
  bool refuse_empty = false;
  // Where to write; any of the three, at least one.
  std::filesystem::path out_dir, single_file, pdf;
};

enum class BookPhase { selecting, writing, printing, packing, finished };
const char* to_string(BookPhase phase);

struct BookProgress {
  BookPhase phase = BookPhase::selecting;
  size_t done = 0;  // conversations written (in the current output)
  size_t total = 0;
};
using BookProgressFn = std::function<void(const BookProgress&)>;

struct BookOutput {
  std::filesystem::path path;  // the folder's index.html, the file, or the PDF
  viewer::BookReport report;
};

struct BookResult {
  std::vector<BookOutput> outputs;  // in the order folder, single file, PDF
};

// Checks a request before anything is read or written: InputError for a missing destination, a
// bad date, a theme or paper that does not exist; Error (no_pdf_printer) when PDF is asked for and
// no Chromium, Chrome or Edge is installed (its message says what to do instead).
void check_book_request(const BookRequest& request);

// Writes the book. Brings the search index up to date first when a query needs it. Throws
// InputError, QueryError, NotFound (an unknown --conversation), ArchiveError, Error, Cancelled.
BookResult make_book(const std::filesystem::path& archive, const BookRequest& request,
                     const BookProgressFn& progress = {}, const CancelFlag* cancel = nullptr);

// Packs a folder into a zip (the app's download of a folder book); names inside are relative to
// the folder and UTF-8.
void zip_folder(const std::filesystem::path& folder, const std::filesystem::path& zip);

}  // namespace afterglow::pipeline
