// One conversation as a CommonMark + GFM document: the displayed thread with roles, times and
// models; code fenced with its language; math kept as $…$ (it is already written so); citations
// as footnotes; hidden messages (reasoning, tool calls, instructions) folded in <details>; the
// other versions of a turn listed, folded, after it. The same text serves Markdown files and
// Obsidian notes; only the links to attachments differ.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "afterglow/store/archive.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::exporter {

struct MarkdownOptions {
  viewer::Lang lang = viewer::Lang::en;
  // Hidden messages on the thread, folded. On by default: an export keeps everything it can.
  bool include_hidden = true;
  // How an attachment whose bytes were copied is linked: "![](assets/a.png)", "![[a.png]]"…
  // nullopt: the attachment is not available and is named as such.
  std::function<std::optional<std::string>(const model::Attachment&)> attachment_link;
};

struct MarkdownDocument {
  std::string text;
  int64_t messages = 0;  // visible messages on the displayed thread
};

MarkdownDocument conversation_markdown(const store::StoredConversation& stored,
                                       const MarkdownOptions& options);

// The conversation's local date as "YYYY-MM-DD" (its first message's when it has none), for
// file names and indexes; "undated" when nothing in it has a time.
std::string conversation_date(const model::Conversation& conversation);

}  // namespace afterglow::exporter
