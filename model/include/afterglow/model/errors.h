// Typed errors at the library boundary. Libraries throw these and never print or exit; the CLI
// turns them into one clear line and an exit status.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace afterglow {

// What kind of problem an error is, for callers that say it in their own words (the app's pages
// turn each into one sentence in the page's language). The message stays the precise account.
enum class ErrorCode {
  unspecified,
  not_found,          // no such file or folder
  empty,              // the file is empty
  not_a_zip,          // neither a zip, a folder nor a conversations JSON file
  damaged_zip,        // truncated or damaged zip, encrypted member
  unreadable_json,    // conversations JSON that cannot be read
  unknown_layout,     // a zip or folder with no conversations in a known place
  missing_part,       // a sharded export with a listed part missing
  download_links,     // a file that only lists where the export is downloaded (Claude, 2026)
  too_large,          // past a decompression-bomb limit or the upload limit
  unreadable,         // the input cannot be opened or read
  disk_full,          // no room (or a file size limit) while writing
  archive_read_only,  // the archive or its folder cannot be written
  archive_damaged,    // not an archive, or damaged
  archive_newer,      // made by a newer afterglow
  archive_locked,     // another afterglow process is writing
  cancelled,          // the person asked to stop
  bad_date,           // a date that is not YYYY, YYYY-MM or YYYY-MM-DD
  nothing_selected,   // a selection (of a book) that holds no conversation
  no_pdf_printer,     // no Chromium, Chrome or Edge to print a PDF with
  busy,               // one job of this kind at a time, and one is running
};

// "not_a_zip", …; "internal" for unspecified.
std::string_view to_string(ErrorCode code);

// Base of every error afterglow reports to a person.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, ErrorCode code = ErrorCode::unspecified)
      : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// The input is not something afterglow can import (not a zip, truncated, unknown layout,
// unreadable JSON). Message format: "<file>: <what is wrong>".
class InputError : public Error {
 public:
  using Error::Error;
};

// The archive file is missing, damaged, locked, read-only or of a newer format.
class ArchiveError : public Error {
 public:
  using Error::Error;
};

// A query that cannot be parsed or run.
class QueryError : public Error {
 public:
  using Error::Error;
};

// Something asked for does not exist (an unknown conversation id, an ambiguous prefix).
class NotFound : public Error {
 public:
  using Error::Error;
};

// The person asked to stop (a job's Cancel). Whatever was under way is undone, as for any error.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled", ErrorCode::cancelled) {}
};

}  // namespace afterglow
