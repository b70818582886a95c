#include "afterglow/viewer/memory_records_view.h"

#include <string_view>

#include "afterglow/i18n/translate.h"
#include "afterglow/store/memory_timeline.h"
#include "afterglow/viewer/terminal_text.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

using i18n::_;
using i18n::plural;

nlohmann::json optional_time(const model::Timestamp& t) {
  return t ? nlohmann::json(*t) : nlohmann::json(nullptr);
}

// Where a record happened, as a reader names it: the conversation's title, or why there is none.
std::string place_words(const store::StoredMemoryRecord& r) {
  if (r.record.conversation_id.empty()) return _("(the whole account)");
  if (!r.conversation_held) return _("(a conversation not in the archive)");
  return r.conversation_title.empty() ? _("(untitled)") : r.conversation_title;
}

// Every line of `text`, made inert for the terminal, indented by four spaces.
void indented(std::ostream& out, const std::string& text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    if (!line.empty()) out << "    " << terminal_text(line);  // no spaces at a blank line's end
    out << "\n";
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

}  // namespace

std::string memory_kind_words(const std::string& kind) {
  if (kind == "memory_write") return _("Memory write");
  if (kind == "memory_snapshot") return _("Memory snapshot");
  if (kind == "custom_instructions") return _("Custom instructions");
  if (kind == "account_memory") return _("Account memory");
  return kind;
}

void render_memory_records_text(std::ostream& out,
                                const std::vector<store::StoredMemoryRecord>& records, bool color) {
  Style style{color};
  if (records.empty()) {
    out << _("Nothing remembered yet: the exports imported so far hold no memory writes, memory "
             "snapshots or custom instructions.")
        << "\n";
    return;
  }
  const std::vector<bool> repeats = store::repeats_previous(records);
  int64_t repeated = 0;
  for (bool r : repeats) repeated += r ? 1 : 0;
  const auto n = static_cast<int64_t>(records.size()) - repeated;
  out << style.bold(i18n::format(
             plural("{0} memory record, oldest first", "{0} memory records, oldest first", n), n))
      << "\n";
  for (size_t i = 0; i < records.size(); ++i) {
    if (repeats[i]) continue;
    const auto& r = records[i];
    out << "  " << style.dim(local_datetime(r.record.time)) << "  "
        << style.accent(memory_kind_words(r.record.kind)) << "  " << style.bold(place_words(r));
    if (!r.record.conversation_id.empty()) out << "  " << style.dim(r.record.conversation_id);
    if (!r.record.node_id.empty()) out << "  " << style.dim(r.record.node_id);
    out << "\n";
    indented(out, r.record.text);
  }
  if (repeated > 0) {
    out << style.dim(i18n::format(
               plural("{0} snapshot or set of custom instructions repeating the one before is not "
                      "shown (--json lists every record)",
                      "{0} snapshots or sets of custom instructions repeating the ones before are "
                      "not shown (--json lists every record)",
                      repeated),
               repeated))
        << "\n";
  }
}

nlohmann::json memory_records_json(const std::vector<store::StoredMemoryRecord>& records,
                                   const std::vector<store::StoredProject>& projects) {
  auto out_records = nlohmann::json::array();
  const std::vector<bool> repeats = store::repeats_previous(records);
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    auto optional_id = [](const std::string& id) {
      return id.empty() ? nlohmann::json(nullptr) : nlohmann::json(id);
    };
    out_records.push_back({{"source", r.record.source},
                           {"account", r.account},
                           {"kind", r.record.kind},
                           {"time", optional_time(r.record.time)},
                           {"text", r.record.text},
                           {"conversation", optional_id(r.record.conversation_id)},
                           {"node", optional_id(r.record.node_id)},
                           {"project", optional_id(r.record.project_id)},
                           {"title", r.conversation_title},
                           {"conversation_held", r.conversation_held},
                           {"message_held", r.message_held},
                           {"repeats_previous", static_cast<bool>(repeats[i])}});
  }
  auto out_projects = nlohmann::json::array();
  for (const auto& p : projects) {
    out_projects.push_back({{"source", p.project.source},
                            {"account", p.account},
                            {"id", p.project.id},
                            {"kind", p.project.kind},
                            {"name", p.project.name},
                            {"description", p.project.description},
                            {"conversations", p.conversations}});
  }
  return {{"records", out_records}, {"projects", out_projects}};
}

}  // namespace afterglow::viewer
