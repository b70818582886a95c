// Which service wrote an export, decided from the structure of its JSON files: the start of a
// file tells (its first conversation's keys). A file name alone never decides.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace afterglow::importer {

enum class Provider { chatgpt, grok, claude, gemini };

// "chatgpt", "grok", "claude", "gemini": the archive's source.
const char* source_of(Provider provider);
// "ChatGPT", "Grok", "Claude", "Gemini": the service as people call it (a name, never translated).
const char* display_name(Provider provider);

// How far into a JSON file the detection looks. A Claude conversation's keys before its
// messages (title, summary, account) fit; so do ChatGPT's and Grok's.
inline constexpr size_t kDetectBytes = 64 * 1024;

// What the start of a JSON file shows.
struct JsonLook {
  // Whose conversations the file holds; nullopt when it is not a conversations file of any
  // provider afterglow knows.
  std::optional<Provider> provider;
  // What it is instead, for the one line that refuses it.
  bool is_array = false;          // else a JSON object
  bool holds_objects = false;     // an array whose first element is an object
  std::vector<std::string> keys;  // the first keys of that object (or of the top-level object)
  // Claude: the account uuid of the first conversation (or of memories.json), when it is
  // within the head.
  std::string account;
  // One of Claude's files beside the conversations (users.json, memories.json, a project): since
  // 2026 each comes in a download of its own, so a delivery may hold them without conversations.
  bool claude_part = false;
  // A JSON object that only lists where to download an export (Claude's 2026 manifest).
  bool download_links = false;
  // Gemini: Takeout's activity log (an array of records), rather than an AI Studio prompt.
  bool activity = false;
};

// `head` is the start of a file that opens with '[' or '{' (possibly after a BOM and spaces).
// ChatGPT is the answer for what ChatGPT exports have always held, and for what cannot be told
// apart (an empty array, elements that are not objects): those are read as before.
JsonLook look_at_json(std::string_view head);

// Whether the start of an HTML file is Takeout's page of Gemini activity (My Activity.html):
// its records' "outer-cell" markup under a "Gemini Apps" (or older "Bard") header.
bool looks_like_gemini_html(std::string_view head);

// Whether the start of a file is markup (after a BOM and spaces), not JSON.
bool looks_like_markup(std::string_view head);

}  // namespace afterglow::importer
