#include "provider_detect.h"

#include <algorithm>
#include <map>

#include "grok_detect.h"

namespace afterglow::importer {

namespace {

// A forward reader over the start of a JSON text that may stop anywhere: every step says
// whether it could finish before the text ran out.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool more() {
    skip_space();
    return pos_ < text_.size();
  }
  char peek() { return more() ? text_[pos_] : '\0'; }
  bool punct(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // A string, escapes kept as written (the keys and ids looked for have none).
  std::optional<std::string> string() {
    if (!punct('"')) return std::nullopt;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (c == '\\' && pos_ < text_.size()) out += text_[pos_++];
      out += c;
    }
    return std::nullopt;
  }

  // Skips one value of any kind; false when the text ends inside it or it is malformed.
  bool skip_value() {
    const char c = peek();
    if (c == '"') return string().has_value();
    if (c != '{' && c != '[') {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' &&
             text_[pos_] != ']') {
        ++pos_;
      }
      return pos_ < text_.size();
    }
    int depth = 0;
    while (pos_ < text_.size()) {
      const char d = text_[pos_];
      if (d == '"') {
        if (!string()) return false;
        continue;
      }
      ++pos_;
      if (d == '{' || d == '[') ++depth;
      if ((d == '}' || d == ']') && --depth == 0) return true;
    }
    return false;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size()) {
      if (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t') {
        ++pos_;
      } else if (text_.substr(pos_, 3) == "\xEF\xBB\xBF") {
        pos_ += 3;
      } else {
        break;
      }
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

struct ObjectStart {
  std::vector<std::string> keys;              // in the order written
  std::map<std::string, std::string> texts;   // keys whose values are strings
  std::map<std::string, std::string> nested;  // "account" -> its "uuid"
  bool complete = false;                      // the closing brace was within the text
};

// Reads the keys of the object whose '{' was just consumed.
ObjectStart scan_object(Scanner& in, bool look_inside) {
  ObjectStart out;
  while (in.more()) {
    if (in.punct('}')) {
      out.complete = true;
      return out;
    }
    in.punct(',');
    auto key = in.string();
    if (!key || !in.punct(':')) return out;
    out.keys.push_back(*key);
    if (in.peek() == '"') {
      auto value = in.string();
      if (!value) return out;
      out.texts[*key] = std::move(*value);
    } else if (look_inside && *key == "account" && in.punct('{')) {
      ObjectStart account = scan_object(in, false);
      if (auto uuid = account.texts.find("uuid"); uuid != account.texts.end()) {
        out.nested[*key] = uuid->second;
      }
      if (!account.complete) return out;
    } else if (!in.skip_value()) {
      return out;
    }
  }
  return out;
}

bool has(const ObjectStart& object, std::string_view key) {
  return std::find(object.keys.begin(), object.keys.end(), key) != object.keys.end();
}

// A conversation of Claude.ai: {uuid, name, summary, …, chat_messages: [{uuid, sender, …}]}.
// Its other files (users, projects, memories) are arrays of objects with a uuid too, but none
// has messages.
bool claude_conversation(const ObjectStart& object) {
  return has(object, "uuid") && has(object, "chat_messages");
}

// Claude's other files: memories.json ({account_uuid, conversations_memory, project_memories},
// alone or in an array), a project ({uuid, name, prompt_template, docs}), users.json
// ([{uuid, full_name, email_address}]).
bool claude_part(const ObjectStart& object) {
  if (has(object, "conversations_memory") || has(object, "project_memories")) return true;
  if (has(object, "uuid") && (has(object, "prompt_template") || has(object, "docs"))) return true;
  return has(object, "uuid") && has(object, "email_address");
}

// A record of Takeout's "My Activity → Gemini Apps": {"header": "Gemini Apps" (or "Bard"),
// "title": "Prompted …", "time", "products", …}. Other products' activity has other headers.
bool gemini_activity(const ObjectStart& object) {
  auto header = object.texts.find("header");
  if (header == object.texts.end()) return false;
  return (header->second == "Gemini Apps" || header->second == "Bard") && has(object, "title");
}

// A Google AI Studio prompt: {"runSettings", "systemInstruction", "chunkedPrompt": {"chunks"}}.
bool aistudio_prompt(const ObjectStart& object) {
  return has(object, "chunkedPrompt") || (has(object, "runSettings") && !has(object, "mapping"));
}

// Keys only a ChatGPT conversation has; "title" and "id" alone are enough, as before.
bool chatgpt_conversation(const ObjectStart& object) {
  for (const char* key : {"mapping", "title", "id", "conversation_id", "create_time", "update_time",
                          "current_node", "default_model_slug"}) {
    if (has(object, key)) return true;
  }
  return false;
}

}  // namespace

const char* source_of(Provider provider) {
  switch (provider) {
    case Provider::chatgpt:
      return "chatgpt";
    case Provider::grok:
      return "grok";
    case Provider::claude:
      return "claude";
    case Provider::gemini:
      return "gemini";
  }
  return "chatgpt";
}

const char* display_name(Provider provider) {
  switch (provider) {
    case Provider::chatgpt:
      return "ChatGPT";
    case Provider::grok:
      return "Grok";
    case Provider::claude:
      return "Claude";
    case Provider::gemini:
      return "Gemini";
  }
  return "ChatGPT";
}

JsonLook look_at_json(std::string_view head) {
  JsonLook look;
  if (looks_like_grok(head)) {
    look.provider = Provider::grok;
    return look;
  }
  Scanner in(head);
  if (in.punct('[')) {
    look.is_array = true;
    if (!in.punct('{')) {
      look.provider = Provider::chatgpt;  // empty, or elements that are not objects: as before
      return look;
    }
    look.holds_objects = true;
    ObjectStart first = scan_object(in, true);
    look.keys = first.keys;
    if (gemini_activity(first)) {
      look.provider = Provider::gemini;
      look.activity = true;
    } else if (claude_conversation(first)) {
      look.provider = Provider::claude;
      if (auto account = first.nested.find("account"); account != first.nested.end()) {
        look.account = account->second;
      }
    } else if (claude_part(first)) {
      look.claude_part = true;
      if (auto account = first.texts.find("account_uuid"); account != first.texts.end()) {
        look.account = account->second;
      }
    } else if (chatgpt_conversation(first) || (!first.complete && first.keys.empty())) {
      look.provider = Provider::chatgpt;
    }
    return look;
  }
  if (in.punct('{')) {
    ObjectStart top = scan_object(in, false);
    look.keys = top.keys;
    if (aistudio_prompt(top)) {
      look.provider = Provider::gemini;
      return look;
    }
    if (claude_part(top)) {
      look.claude_part = true;
      if (auto account = top.texts.find("account_uuid"); account != top.texts.end()) {
        look.account = account->second;
      }
      return look;
    }
    // Links to the zips that are the export: https addresses ending in .zip (a query string
    // may follow), and nothing that looks like conversations.
    for (size_t at = head.find("https://"); at != std::string_view::npos;
         at = head.find("https://", at + 8)) {
      const size_t end = head.find('"', at);
      const std::string_view link = head.substr(at, end == std::string_view::npos ? end : end - at);
      const size_t query = link.find('?');
      if (link.substr(0, query).ends_with(".zip")) look.download_links = true;
    }
    if (look.download_links && !has(top, "conversations")) return look;
    look.download_links = false;
    // {"conversations": [...]}, ChatGPT's wrapped form; the splitter reads the rest.
    if (has(top, "conversations") || !top.complete) look.provider = Provider::chatgpt;
    return look;
  }
  look.provider = Provider::chatgpt;  // not JSON at all: the splitter names the problem
  return look;
}

bool looks_like_markup(std::string_view head) {
  size_t at = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (at < head.size() &&
         (head[at] == ' ' || head[at] == '\n' || head[at] == '\r' || head[at] == '\t')) {
    ++at;
  }
  return at < head.size() && head[at] == '<';
}

bool looks_like_gemini_html(std::string_view head) {
  if (!looks_like_markup(head)) return false;
  const bool cells = head.find("outer-cell") != std::string_view::npos &&
                     head.find("content-cell") != std::string_view::npos;
  return cells && (head.find(">Gemini Apps<") != std::string_view::npos ||
                   head.find(">Bard<") != std::string_view::npos);
}

}  // namespace afterglow::importer
