// The continuity packet (--format packet): what a person can carry to another model so that it
// can learn how they talked with the companion they lost — their own custom instructions, what
// the companion remembered of them, and a handful of their exchanges — cut to a size budget in
// characters, as Markdown to paste and JSON to read by program, with a read-me. Reconstruction,
// not replacement: the words say so, and nothing is ever sent anywhere.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "afterglow/model/local_time.h"
#include "afterglow/model/retirements.h"
#include "afterglow/model/tree.h"
#include "afterglow/store/memories.h"
#include "afterglow/text/cut.h"
#include "afterglow/text/title.h"
#include "afterglow/text/utf8.h"
#include "afterglow/viewer/html_conversation.h"
#include "writers.h"

namespace afterglow::exporter {
namespace {

using model::Timestamp;
using viewer::Lang;
using viewer::Text;
using viewer::tr;

// One exchange never takes more than this share of the budget (nor less than kMinExchange
// characters of it), so that a single long answer cannot crowd out the others.
constexpr size_t kExchangeShare = 4;
constexpr size_t kMinExchange = 1'000;

std::string day(const Timestamp& t) {
  return t ? model::format_local(*t, "%Y-%m-%d") : std::string();
}

nlohmann::ordered_json time_json(const Timestamp& t) {
  return t ? nlohmann::ordered_json(*t) : nlohmann::ordered_json(nullptr);
}

size_t chars(std::string_view s) { return text::count_code_points(s); }

// `s` cut to at most `max_chars` characters, "…" included; line breaks kept.
std::string cut_to(const std::string& s, size_t max_chars) {
  if (chars(s) <= max_chars) return s;
  const size_t keep = max_chars > 1 ? max_chars - 1 : 0;
  size_t seen = 0, bytes = 0;
  for (; bytes < s.size(); ++bytes) {
    if ((static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) continue;  // inside a character
    if (seen++ == keep) break;
  }
  return s.substr(0, bytes) + std::string(text::kEllipsis);
}

struct Instructions {
  std::string source, account, text;
  Timestamp time;
};

struct Remembered {
  std::string source, kind, text, conversation_id, conversation_title;
  Timestamp time;
};

struct Exchange {
  std::string conversation_id, title, source, model, speaker;
  Timestamp time;
  std::string user, reply;
  bool cut = false;
};

// What the companion kept, ready for the packet: the latest custom instructions of each account,
// and the memory records (the latest snapshot of each account's memory, every write, every
// account memory), newest first so that the budget keeps the newest.
void read_memories(const store::Archive& archive, std::vector<Instructions>& instructions,
                   std::vector<Remembered>& remembered) {
  std::map<std::pair<std::string, std::string>, size_t> latest_instructions, latest_snapshot;
  std::vector<Remembered> snapshots;
  for (const auto& stored : store::memory_records(archive)) {  // oldest first
    const auto& r = stored.record;
    if (r.text.empty()) continue;
    const auto who = std::make_pair(r.source, stored.account);
    if (r.kind == "custom_instructions") {
      Instructions i{r.source, stored.account, r.text, r.time};
      if (auto it = latest_instructions.find(who); it != latest_instructions.end()) {
        instructions[it->second] = std::move(i);
      } else {
        latest_instructions[who] = instructions.size();
        instructions.push_back(std::move(i));
      }
      continue;
    }
    Remembered m{r.source, r.kind, r.text, r.conversation_id, stored.conversation_title, r.time};
    if (r.kind == "memory_snapshot") {
      if (auto it = latest_snapshot.find(who); it != latest_snapshot.end()) {
        snapshots[it->second] = std::move(m);
      } else {
        latest_snapshot[who] = snapshots.size();
        snapshots.push_back(std::move(m));
      }
      continue;
    }
    remembered.push_back(std::move(m));
  }
  remembered.insert(remembered.end(), snapshots.begin(), snapshots.end());
  std::stable_sort(remembered.begin(), remembered.end(), [](const auto& a, const auto& b) {
    return a.time.value_or(0) > b.time.value_or(0);
  });
}

class PacketWriter : public ExportWriter {
 public:
  PacketWriter(const store::Archive& archive, const ExportOptions& options,
               std::filesystem::path folder)
      : options_(options), folder_(std::move(folder)) {
    budget_ = options.budget ? options.budget : kDefaultPacketBudget;
    read_memories(archive, instructions_, remembered_);
    // Instructions first (the person's own words), then memories while they fit; what is left
    // is the exchanges'.
    for (const auto& i : instructions_) used_ += chars(i.text);
    std::erase_if(remembered_, [&](const Remembered& m) {
      const size_t n = chars(m.text);
      if (used_ + n > budget_) {
        ++left_out_memories_;
        return true;
      }
      used_ += n;
      return false;
    });
  }

  void add(const store::StoredConversation& stored) override {
    const auto& c = stored.conversation;
    auto exchange = exchange_of(stored);
    match_.clear();  // it named a message of this conversation only
    if (!exchange) return;
    const size_t room = budget_ > used_ ? budget_ - used_ : 0;
    const size_t cap = std::min(room, std::max(budget_ / kExchangeShare, kMinExchange));
    size_t n = chars(exchange->user) + chars(exchange->reply);
    if (n > cap) {
      if (cap < kMinExchange / 2 || chars(exchange->user) >= cap / 2) {
        ++left_out_exchanges_;
        return;
      }
      exchange->reply = cut_to(exchange->reply, cap - chars(exchange->user));
      exchange->cut = true;
      n = chars(exchange->user) + chars(exchange->reply);
    }
    used_ += n;
    guess_.add(c.title);
    guess_.add(exchange->user);
    exchanges_.push_back(std::move(*exchange));
  }

  void finish() override {
    const Lang lang = options_.lang ? *options_.lang : guess_.result();
    write_text_file(folder_ / "packet.md", markdown(lang));
    write_text_file(folder_ / "packet.json", json().dump(2) + "\n");
    write_text_file(folder_ / "README.md", read_me(lang));
    counts_.conversations = static_cast<int64_t>(exchanges_.size());
    counts_.messages = static_cast<int64_t>(exchanges_.size()) * 2;
    counts_.files = 3;
  }

 private:
  // The exchange of a conversation the packet shows: the one around the message the selection's
  // search matched, else the first question on the displayed thread that has an answer.
  std::optional<Exchange> exchange_of(const store::StoredConversation& stored) const {
    const auto& c = stored.conversation;
    model::Tree tree(c);
    std::vector<size_t> visible;
    for (size_t i : tree.thread()) {
      const auto& m = c.nodes[i].message;
      if (m && !m->hidden && !m->text.empty() && (m->role == "user" || m->role == "assistant")) {
        visible.push_back(i);
      }
    }
    size_t start = 0;
    if (!match_.empty()) {
      for (size_t k = 0; k < visible.size(); ++k) {
        if (c.nodes[visible[k]].id != match_) continue;
        start = c.nodes[visible[k]].message->role == "user" || k == 0 ? k : k - 1;
        break;
      }
    }
    for (size_t k = start; k + 1 < visible.size(); ++k) {
      const auto& question = *c.nodes[visible[k]].message;
      const auto& answer = *c.nodes[visible[k + 1]].message;
      if (question.role != "user" || answer.role != "assistant") continue;
      Exchange e;
      e.conversation_id = c.id;
      e.title = text::display_title(c.title, question.text);
      e.source = c.source;
      e.model = answer.model.empty() ? c.model : answer.model;
      e.speaker = viewer::assistant_name(c.source, Lang::en);
      e.time = question.create_time ? question.create_time : c.create_time;
      e.user = question.text;
      e.reply = answer.text;
      return e;
    }
    return std::nullopt;
  }

  // Who the person talked with: the model most of the exchanges' answers came from, when it was
  // retired (then the packet says it is gone), else the services' names.
  struct Companion {
    std::string name;
    bool gone = false;
  };
  Companion companion(Lang lang) const {
    std::map<std::string, int> answers;
    for (const auto& e : exchanges_) ++answers[e.model];
    std::string most;
    int most_count = 0;
    for (const auto& [model, n] : answers) {
      if (n > most_count) most = model, most_count = n;
    }
    for (const auto& retired : model::model_retirements()) {
      if (!most.empty() && retired.slug == most) return {std::string(retired.name), true};
    }
    std::vector<std::string> names;
    for (const auto& e : exchanges_) {
      auto name = viewer::assistant_name(e.source, lang);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    if (names.empty()) return {viewer::assistant_name("chatgpt", lang), false};
    std::string out = names.front();
    for (size_t i = 1; i < names.size(); ++i) out += tr(lang, Text::packet_and) + names[i];
    return {out, false};
  }

  std::string markdown(Lang lang) const {
    const auto who = companion(lang);
    const viewer::Args name{{"name", who.name}};
    const std::string none = tr(lang, Text::packet_none) + "\n\n";
    const std::string space = lang == Lang::zh ? "" : " ";
    std::string out = "# " + tr(lang, Text::packet_title) + "\n\n";
    out += tr(lang, Text::packet_preface, name) + space;
    if (who.gone) out += tr(lang, Text::packet_preface_gone, name) + space;
    out += tr(lang, Text::packet_preface_rest, name) + "\n\n";
    out += "## " + tr(lang, Text::packet_instructions) + "\n\n";
    if (instructions_.empty()) out += none;
    for (const auto& i : instructions_) out += quote(i.text, day(i.time));
    out += "## " + tr(lang, Text::packet_memories, name) + "\n\n";
    if (remembered_.empty()) out += none;
    const std::string colon = lang == Lang::zh ? "：" : ": ";
    for (const auto& m : remembered_) {
      const std::string what = (m.time ? day(m.time) + " · " : std::string()) +
                               viewer::memory_kind_words(lang, m.kind) + colon;
      if (m.text.find('\n') == std::string::npos) {
        out += "- " + what + m.text + "\n";
      } else {  // a snapshot of several lines: kept as lines, inside the item
        out += "- " + what + "\n\n" + indented(m.text);
      }
    }
    if (!remembered_.empty()) out += "\n";
    out += "## " + tr(lang, Text::packet_exchanges) + "\n\n";
    if (exchanges_.empty()) out += none;
    for (const auto& e : exchanges_) {
      out += "### " + e.title + "\n\n";
      std::string line = day(e.time);
      if (!e.model.empty()) line += (line.empty() ? "" : " · ") + e.model;
      if (!line.empty()) out += "*" + line + "*\n\n";
      out += "**" + tr(lang, Text::you) + "**\n\n" + e.user + "\n\n";
      out += "**" + viewer::assistant_name(e.source, lang) + "**\n\n" + e.reply + "\n\n";
      if (e.cut) out += "*" + tr(lang, Text::packet_cut) + "*\n\n";
    }
    return out;
  }

  nlohmann::ordered_json json() const {
    nlohmann::ordered_json j;
    j["format"] = "afterglow-continuity-packet";
    j["version"] = 1;
    j["budget_characters"] = budget_;
    j["characters"] = used_;
    j["custom_instructions"] = nlohmann::ordered_json::array();
    for (const auto& i : instructions_) {
      j["custom_instructions"].push_back({{"source", i.source},
                                          {"account", i.account},
                                          {"time", time_json(i.time)},
                                          {"text", i.text}});
    }
    j["memories"] = nlohmann::ordered_json::array();
    for (const auto& m : remembered_) {
      j["memories"].push_back({{"source", m.source},
                               {"kind", m.kind},
                               {"time", time_json(m.time)},
                               {"text", m.text},
                               {"conversation_id", m.conversation_id}});
    }
    j["exchanges"] = nlohmann::ordered_json::array();
    for (const auto& e : exchanges_) {
      j["exchanges"].push_back({{"conversation_id", e.conversation_id},
                                {"title", e.title},
                                {"source", e.source},
                                {"model", e.model},
                                {"time", time_json(e.time)},
                                {"user", e.user},
                                {"reply", e.reply},
                                {"cut", e.cut}});
    }
    j["left_out"] = {{"memories", left_out_memories_}, {"exchanges", left_out_exchanges_}};
    return j;
  }

  std::string read_me(Lang lang) const {
    auto n = [](auto value) { return std::to_string(value); };
    std::string out = "# " + tr(lang, Text::packet_readme_title) + "\n\n" +
                      tr(lang, Text::packet_readme_intro) + "\n\n";
    out += tr(lang, Text::packet_readme_counts,
              {{"instructions", n(instructions_.size())},
               {"memories", n(remembered_.size())},
               {"exchanges", n(exchanges_.size())},
               {"characters", n(used_)},
               {"budget", n(budget_)}}) +
           "\n\n";
    if (left_out_memories_ + left_out_exchanges_ > 0) {
      out += tr(lang, Text::packet_readme_left_out,
                {{"memories", n(left_out_memories_)}, {"exchanges", n(left_out_exchanges_)}}) +
             "\n\n";
    }
    return out + tr(lang, Text::packet_readme_reconstruction) + "\n\n" +
           tr(lang, Text::packet_readme_private) + "\n";
  }

  static std::string quote(const std::string& text, const std::string& when) {
    std::string out;
    if (!when.empty()) out += "*" + when + "*\n\n";
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      out += "> " + text.substr(start, end - start) + "\n";
      start = end + 1;
    }
    return out + "\n";
  }

  // Each line indented by two spaces: a block inside a list item.
  static std::string indented(const std::string& text) {
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const auto line = text.substr(start, end - start);
      out += (line.empty() ? "" : "  ") + line + "\n";
      start = end + 1;
    }
    return out;
  }

  ExportOptions options_;
  std::filesystem::path folder_;
  size_t budget_ = 0;
  size_t used_ = 0;
  std::vector<Instructions> instructions_;
  std::vector<Remembered> remembered_;
  std::vector<Exchange> exchanges_;
  int64_t left_out_memories_ = 0;
  int64_t left_out_exchanges_ = 0;
  viewer::LanguageGuess guess_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_packet_writer(const store::Archive& archive,
                                                 const ExportOptions& options,
                                                 const std::filesystem::path& folder) {
  return std::make_unique<PacketWriter>(archive, options, folder);
}

}  // namespace afterglow::exporter
