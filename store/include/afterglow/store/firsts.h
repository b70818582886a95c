// "The first and the last": the first conversation, the last conversations with each retired
// model before its day (afterglow/model/retirements.h), and the conversations of one calendar
// day in every year. Each cites a message, so that a reader can open it where it was said.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "afterglow/store/archive.h"

namespace afterglow::store {

// A conversation and the message that stands for it.
struct CitedConversation {
  ConversationKey key;
  std::string title;  // empty when untitled
  model::Timestamp create_time;
  std::string node_id;  // the cited message
  std::string role;
  model::Timestamp message_time;
  std::string excerpt;  // the message's first line
};

struct LastWithModel {
  std::string source;
  std::string name;        // "GPT-4o"
  std::string retired_on;  // YYYY-MM-DD
  std::vector<std::string> slugs;
  // Newest first; each cites its last answer by the model before the day.
  std::vector<CitedConversation> conversations;
};

struct YearOnThisDay {
  int year = 0;
  std::vector<CitedConversation> conversations;  // in the order they began
};

struct Firsts {
  std::optional<CitedConversation> first;  // cites its first message
  std::vector<LastWithModel> retired;      // in the table's order; models never used are left out
  int month = 1, day = 1;                  // the day "on this day" is about
  std::vector<YearOnThisDay> on_this_day;  // oldest year first; conversations at rest left out
};

// `month`/`day` choose the calendar day (local time); `last_count` how many conversations per
// retired model.
Firsts firsts(const Archive& archive, int month, int day, size_t last_count = 3);

}  // namespace afterglow::store
