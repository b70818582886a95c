// Takeout's activity log has no conversations, only records: this groups them into conversations
// by a rule that gives the same conversations, with the same ids, every time the same records
// are read, so that a newer Takeout adds turns to what an older one brought (docs/FORMAT.md,
// "Gemini conversations").
#pragma once

#include <string>
#include <vector>

#include "afterglow/model/conversation.h"
#include "gemini_activity.h"

namespace afterglow::importer {

// Records further apart than this (in UTC) start a new conversation, unless a link ties them.
inline constexpr double kConversationGapSeconds = 30 * 60;

// Records with the same gemini.google.com/app/<id> link are one conversation; the others, in the
// order of time, join the conversation of the record before them in the same Gem when at most
// kConversationGapSeconds lie between them. `duplicates` counts records met twice (same time,
// same prompt), kept once.
std::vector<model::Conversation> group_records(std::vector<ActivityRecord> records,
                                               int& duplicates);

// The stable identity of a record: a hash of its time (whole seconds, UTC) and its prompt, the
// same in the JSON form and in the HTML form.
std::string record_key(const ActivityRecord& record);

}  // namespace afterglow::importer
