// The chapter "What it remembered" (book --include-memories): the companion's memory records,
// oldest first, each linked to the conversation it happened in when the book holds it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "afterglow/store/archive.h"
#include "afterglow/store/memories.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::viewer {

// Where each conversation of the book is, from the page the chapter is on.
using ConversationHrefs = std::map<std::string, std::string>;  // conversation_href_key -> href

std::string conversation_href_key(const std::string& source, const std::string& account,
                                  const std::string& id);

// The records of the accounts the book's conversations come from, each snapshot or custom
// instructions once for as long as it did not change.
std::vector<store::StoredMemoryRecord> records_for_book(
    const std::vector<store::StoredMemoryRecord>& records,
    const std::vector<store::ConversationSummary>& conversations);

std::string remembered_html(Lang lang, const std::vector<store::StoredMemoryRecord>& records,
                            const ConversationHrefs& hrefs, const std::string& assistant);

}  // namespace afterglow::viewer
