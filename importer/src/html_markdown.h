// Answers that a service kept as HTML (Gemini's Takeout) -> Markdown text, the archive's one form
// of a message. The HTML is parsed by libxml2's HTML parser and its tree walked: only what
// Markdown can say is kept (paragraphs, breaks, headings, lists, code, tables, links, emphasis);
// scripts, styles, attributes and any raw markup never pass through.
#pragma once

#include <string>
#include <string_view>

struct _xmlNode;

namespace afterglow::importer {

// A fragment of HTML (entities decoded, invalid markup repaired as browsers do) as Markdown.
std::string html_to_markdown(std::string_view html);

// The same for the nodes from `first` to the last of its siblings (a part of a parsed page).
std::string nodes_to_markdown(const _xmlNode* first);

// Links are kept only to addresses that open a page or a mail (http, https, mailto): never
// javascript:, data: or anything a click would run.
bool safe_link(std::string_view href);

}  // namespace afterglow::importer
