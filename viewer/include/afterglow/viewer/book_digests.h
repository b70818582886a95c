// What proves a book holds the archive's words: each message's node id and the SHA-256 of its
// stored text, a digest per conversation, and the original export files' digests. A book carries
// them in its pages (data-node, data-sha256), on its page of digests and in book-digests.json
// (a single-file book: in <script type="application/json" id="book-digests">); verify_book reads
// them back and checks the book against the archive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/store/archive.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::viewer {

struct BookConversationDigest {
  std::string source, account, id, title;
  std::string page;    // where it is: "c/0001.html" in a folder, "#c-1" in a single file
  std::string digest;  // conversation_digest(messages)
  std::vector<ShownMessage> messages;  // bodies dropped once written
};

// SHA-256 of one line per message, in page order: "<node id> <message sha256>\n".
std::string conversation_digest(const std::vector<ShownMessage>& messages);

struct BookDigests {
  Lang lang = Lang::en;
  bool include_hidden = false;
  std::vector<BookConversationDigest> conversations;
  std::vector<store::OriginalFile> originals;
};

// book-digests.json (docs/FORMAT.md, "The book's digests").
std::string book_digests_json(const BookDigests& digests);
// The page (a section of a single-file book) listing them for a person.
std::string digests_html(const BookDigests& digests);

enum class BookProblemKind {
  conversation_not_in_archive,  // the book names a conversation the archive does not have
  page_missing,                 // its page (or its part of a single file) is not there
  conversation_digest_differs,  // the listed digest is not the one of the archive's messages
  message_missing,              // the archive's message is not in the page
  message_not_in_archive,       // the page has a message the archive's conversation has not
  message_digest_differs,       // the page's data-sha256 is not the stored text's
  message_text_differs,         // what the page shows is not what the stored text becomes
  message_not_listed,           // the manifest does not list the message
  listed_digest_differs,        // the manifest lists another digest for it
  original_not_in_archive,      // an original export file the archive does not keep as listed
};
// "message_text_differs", … (stable, for --json).
std::string_view to_string(BookProblemKind kind);

struct BookProblem {
  BookProblemKind kind;
  std::string conversation;  // its id; for an original file, the file's path
  std::string node;          // the message's node id; empty for a whole conversation
};

struct BookCheck {
  int64_t conversations = 0;
  int64_t messages = 0;
  int64_t originals = 0;
  std::vector<BookProblem> problems;
};

// Checks a book (its folder, or its single file) against the archive. InputError when `book` is
// no book afterglow made: no such file or folder, no readable digests.
BookCheck verify_book(const store::Archive& archive, const std::filesystem::path& book);

}  // namespace afterglow::viewer
