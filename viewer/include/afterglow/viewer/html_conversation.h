// One conversation as HTML, as it appeared: the displayed thread, alternate versions of a turn
// switchable in place ("‹ 2 / 3 ›"), Markdown and math, images, voice, citations, code.
// Shared by the book and the local web reader, so it assumes nothing about where it is served
// from: attachment URLs come from the caller.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::viewer {

struct ConversationHtmlOptions {
  Lang lang = Lang::en;
  // Tool calls and results, reasoning, system and memory messages (collapsed).
  bool include_hidden = false;
  // The URL (or data: URI) of an attachment whose bytes are kept; nullopt shows it as
  // unavailable. Unset: every attachment is shown as unavailable.
  std::function<std::optional<std::string>(const model::Attachment&)> attachment_url;
  // Called for each message shown, with whether it is on the displayed thread (not an
  // alternate version): feeds search indexes and statistics without a second pass.
  std::function<void(const model::Message&, bool on_thread)> on_message;
  std::string anchor_id;       // id attribute of the <article>, e.g. "c-12"; empty = none
  bool gone_upstream = false;  // say that the newest export no longer has it
  // The name of the project or GPT of the conversation's gizmo_id; "" shows its id.
  std::string project_name;
  // Each message's <section> carries data-node (its node id) and data-sha256 (of its stored
  // text), and the result lists them: how a book proves it holds the archive's words.
  bool message_digests = false;
  // The models the book or page is about (indexer::featured_models of its query); an answer by
  // any other model is shown, marked as another model's. Empty: nothing is marked.
  std::vector<std::string> featured_models;
};

// One message as a book shows it, for the book's digests and for checking a book later.
struct ShownMessage {
  std::string node;    // the message's node id
  std::string sha256;  // of the message text exactly as stored (UTF-8), lowercase hex
  std::string body;    // the HTML its text became (empty for an empty text)
};

struct ConversationHtml {
  std::string html;  // <article class="conversation">…</article>
  bool has_math = false;
  int64_t messages_on_thread = 0;
  std::vector<ShownMessage> shown;  // in page order; filled with message_digests only
};

ConversationHtml render_conversation_html(const model::Conversation& conversation,
                                          const ConversationHtmlOptions& options);

// The title to show: its own, else the first user words, else "Untitled" in the language.
std::string conversation_title(const model::Conversation& conversation, Lang lang);
// The name of the other side: "ChatGPT" for ChatGPT, "Claude" for Claude...
std::string assistant_name(const std::string& source, Lang lang);
// Who wrote a message ("You", "ChatGPT", "Tool · python"), the same in every output.
std::string speaker_label(const model::Message& message, const std::string& source, Lang lang);
// What a hidden or folded message is ("Reasoning", "Tool call → python"…).
std::string message_kind_label(const model::Message& message, Lang lang);

}  // namespace afterglow::viewer
