// The person's own keepsakes, kept in the archive beside the conversations: starred messages,
// private notes on a message or a conversation, letters, and conversations put to rest (left out
// of the home page, "on this day" and the book unless asked for). Imports, re-imports and
// reindexing never touch them; docs/FORMAT.md describes their tables.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/store/archive.h"

namespace afterglow::store {

// One message of one conversation, by the export's ids.
struct MessageRef {
  std::string conversation_id;
  std::string node_id;
};

// What a note is written on: a message, or (node_id empty) a whole conversation.
struct NoteTarget {
  std::string conversation_id;
  std::string node_id;
};

struct StarredMessage {
  MessageRef message;
  // Whose copy: two accounts may hold one conversation id.
  std::string source;
  std::string account;
  std::string conversation_title;
  std::string role;
  model::Timestamp message_time;  // when the message was written
  std::string excerpt;            // the start of its text, on one line
  double starred_at = 0;
};

struct Note {
  NoteTarget target;
  std::string conversation_title;
  std::string text;
  double created_at = 0;
  double updated_at = 0;
};

struct Letter {
  int64_t id = 0;
  std::string title;
  std::string date;  // YYYY-MM-DD, the date the person gave it
  std::string text;  // Markdown
  double created_at = 0;
  double updated_at = 0;
};

struct RestingConversation {
  std::string conversation_id;
  std::string title;
  model::Timestamp create_time;
  double rested_at = 0;
};

struct Keepsakes {
  std::vector<StarredMessage> stars;  // in the order of the messages' dates
  std::vector<Note> notes;            // in the order of their conversations' dates
  std::vector<Letter> letters;        // by date, then by when written
  std::vector<RestingConversation> resting;
};

// A message by its node id or a unique prefix of one (messages only, across the archive).
// Throws NotFound when none or several match.
MessageRef resolve_message(const Archive& archive, std::string_view node_or_prefix);
// A conversation id (or unique prefix) names the conversation; otherwise a message's node id
// (or unique prefix). Throws NotFound.
NoteTarget resolve_note_target(const Archive& archive, std::string_view id_or_prefix);

// Each returns whether anything changed (starring a starred message changes nothing). The
// archive must be open read_write; a target that does not exist throws NotFound.
bool star(Archive& archive, const MessageRef& message);
bool unstar(Archive& archive, const MessageRef& message);
// Writes (or replaces) the note on `target`. Text must not be empty.
void set_note(Archive& archive, const NoteTarget& target, const std::string& text);
bool remove_note(Archive& archive, const NoteTarget& target);
// `date` must be YYYY-MM-DD; title and text must not be empty. Returns the new letter's id.
int64_t add_letter(Archive& archive, const std::string& title, const std::string& date,
                   const std::string& text);
// Replaces a letter's title, date and text. Throws NotFound for an unknown id.
void update_letter(Archive& archive, const Letter& letter);
bool remove_letter(Archive& archive, int64_t id);
bool rest(Archive& archive, const std::string& conversation_id);
bool wake(Archive& archive, const std::string& conversation_id);

Keepsakes keepsakes(const Archive& archive);
std::optional<Letter> letter(const Archive& archive, int64_t id);
// The node ids starred in one conversation, and whether it is resting, for its page.
std::set<std::string> starred_in(const Archive& archive, const std::string& conversation_id);
bool is_resting(const Archive& archive, const std::string& conversation_id);
// The ids of every resting conversation, for the lists and the book that leave them out.
std::set<std::string> resting_conversations(const Archive& archive);

// Whether `date` is a real calendar day written YYYY-MM-DD.
bool valid_letter_date(std::string_view date);

}  // namespace afterglow::store
