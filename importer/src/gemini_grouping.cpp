#include "gemini_grouping.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "afterglow/text/title.h"
#include "json_text.h"
#include "short_hash.h"

namespace afterglow::importer {

using model::Conversation;
using model::Message;
using model::Node;

namespace {

struct Group {
  std::string app;
  std::string gem;
  std::vector<ActivityRecord> records;
};

Message user_message(const ActivityRecord& record) {
  Message message;
  message.role = "user";
  message.recipient = "all";
  message.content_type = "text";
  // A prompt whose answer Takeout did not keep says so, and stays a turn of its own.
  message.status = record.has_answer ? "finished_successfully" : "answer_missing";
  message.create_time = record.time;
  message.text = record.prompt;
  message.attachments = record.attachments;
  message.raw_json = record.raw;
  return message;
}

Message answer_message(const ActivityRecord& record) {
  Message message;
  message.role = "assistant";
  message.recipient = "all";
  message.content_type = "text";
  message.status = "finished_successfully";
  message.create_time = record.time;
  message.text = record.answer;
  message.end_turn = true;
  message.raw_json = record.answer_raw;
  return message;
}

Conversation conversation_of(const Group& group) {
  Conversation c;
  c.source = "gemini";
  const ActivityRecord& first = group.records.front();
  c.id = group.app.empty() ? "gemini-" + record_key(first) : group.app;
  c.title = text::display_title({}, first.prompt);
  c.create_time = first.time;
  c.update_time = group.records.back().time;
  c.meta_json = "{\"grouped_by\":" + json_quote(group.app.empty() ? "time" : "link") +
                (group.app.empty() ? "" : ",\"app\":" + json_quote(group.app)) +
                (group.gem.empty() ? "" : ",\"gem\":" + json_quote(group.gem)) + "}";
  const std::string root = c.id + ":root";
  c.nodes.push_back(Node{root, {}, {}, std::nullopt});
  std::string parent = root;
  c.raw_json = "[";
  for (const ActivityRecord& record : group.records) {
    if (c.raw_json.size() > 1) c.raw_json += ",";
    c.raw_json += record.raw;
    const std::string key = record_key(record);
    c.nodes.back().children.push_back(key);
    c.nodes.push_back(Node{key, parent, {}, user_message(record)});
    parent = key;
    if (record.has_answer) {
      const std::string answer = key + ":answer";
      c.nodes.back().children.push_back(answer);
      c.nodes.push_back(Node{answer, parent, {}, answer_message(record)});
      parent = answer;
    }
  }
  c.raw_json += "]";
  c.current_node = parent;
  return c;
}

}  // namespace

std::string record_key(const ActivityRecord& record) {
  const auto seconds = static_cast<long long>(std::floor(record.time));
  return short_hash(std::to_string(seconds) + "\n" + record.prompt);
}

std::vector<Conversation> group_records(std::vector<ActivityRecord> records, int& duplicates) {
  duplicates = 0;
  // Takeout writes the newest first: the time, then the file's order reversed, is the order
  // things happened.
  std::stable_sort(records.begin(), records.end(),
                   [](const ActivityRecord& a, const ActivityRecord& b) {
                     if (a.time != b.time) return a.time < b.time;
                     return a.index > b.index;
                   });
  std::vector<Group> groups;
  std::map<std::string, size_t> by_app;
  struct Open {
    size_t group;
    double last;
  };
  std::map<std::string, Open> open_by_gem;
  std::set<std::string> seen;
  for (ActivityRecord& record : records) {
    if (!seen.insert(record_key(record)).second) {
      ++duplicates;
      continue;
    }
    if (!record.app.empty()) {
      auto [it, added] = by_app.emplace(record.app, groups.size());
      if (added) groups.push_back(Group{record.app, record.gem, {}});
      groups[it->second].records.push_back(std::move(record));
      continue;
    }
    auto open = open_by_gem.find(record.gem);
    if (open != open_by_gem.end() && record.time - open->second.last <= kConversationGapSeconds) {
      open->second.last = record.time;
      groups[open->second.group].records.push_back(std::move(record));
      continue;
    }
    open_by_gem[record.gem] = Open{groups.size(), record.time};
    groups.push_back(Group{{}, record.gem, {}});
    groups.back().records.push_back(std::move(record));
  }
  std::vector<Conversation> out;
  out.reserve(groups.size());
  for (const Group& group : groups) out.push_back(conversation_of(group));
  return out;
}

}  // namespace afterglow::importer
