// The Obsidian export: a vault. Every conversation a note in Conversations/ with YAML front
// matter, every attachment once in attachments/ (linked with ![[…]]), and an index note per year
// and per model, so that the graph and the file list both lead somewhere.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "afterglow/exporter/markdown.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/viewer/html_strings.h"
#include "attachment_files.h"
#include "note_stem.h"
#include "unique_names.h"
#include "writers.h"

namespace afterglow::exporter {
namespace {

namespace fs = std::filesystem;

// A YAML scalar: JSON's double-quoted strings are YAML's too, escapes included.
std::string yaml_string(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A tag Obsidian accepts: no spaces, no punctuation but - _ /.
std::string tag(const std::string& text) {
  std::string out;
  for (unsigned char ch : text) {
    bool keep = ch >= 0x80 || std::isalnum(ch) || ch == '-' || ch == '_' || ch == '/';
    out += keep ? static_cast<char>(ch) : '-';
  }
  return out;
}

// A ChatGPT project is a gizmo of the "snorlax" type; its name is not in the export, its id is.
std::string project_of(const model::Conversation& c) {
  if (c.gizmo_id.empty()) return {};
  auto meta = nlohmann::json::parse(c.meta_json, nullptr, false);
  if (meta.is_object() && meta.value("gizmo_type", nlohmann::json()).is_string() &&
      meta["gizmo_type"] == "snorlax") {
    return c.gizmo_id;
  }
  return {};
}

std::string front_matter(const model::Conversation& c, viewer::Lang lang) {
  std::string y = "---\n";
  y += "id: " + yaml_string(c.id) + "\n";
  y += "title: " + yaml_string(viewer::conversation_title(c, lang)) + "\n";
  if (c.create_time) y += "created: " + viewer::iso_utc(*c.create_time) + "\n";
  if (c.update_time) y += "updated: " + viewer::iso_utc(*c.update_time) + "\n";
  if (!c.model.empty()) y += "model: " + yaml_string(c.model) + "\n";
  y += "source: " + yaml_string(c.source) + "\n";
  if (auto project = project_of(c); !project.empty())
    y += "project: " + yaml_string(project) + "\n";
  y += "tags:\n  - afterglow\n  - " + yaml_string(tag(c.source)) + "\n";
  if (!c.model.empty()) y += "  - " + yaml_string(tag(c.model)) + "\n";
  y += "---\n\n";
  return y;
}

class ObsidianWriter : public ExportWriter {
 public:
  ObsidianWriter(const store::Archive& archive, const ExportOptions& options,
                 const fs::path& folder)
      : options_(options),
        folder_(folder),
        attachments_(archive, folder / "attachments", true),
        notes_(true) {
    fs::create_directories(folder_ / "Conversations");
  }

  void add(const store::StoredConversation& stored) override {
    const auto& c = stored.conversation;
    const auto lang = language_of(options_, c);
    MarkdownOptions md;
    md.lang = lang;
    md.attachment_link = [&](const model::Attachment& a) -> std::optional<std::string> {
      auto file = attachments_.copy(a);
      if (!file) return std::nullopt;
      return (a.kind == model::AttachmentKind::image ? "![[" : "[[") + *file + "]]";
    };
    auto document = conversation_markdown(stored, md);
    auto name = notes_.claim(note_stem(c, lang), ".md");
    write_text_file(folder_ / "Conversations" / utf8_path(name),
                    front_matter(c, lang) + document.text);
    const std::string note = name.substr(0, name.size() - 3);
    const std::string year = conversation_date(c).substr(0, 4);
    by_year_[year].push_back(note);
    by_model_[c.model.empty() ? "unknown" : c.model].push_back(note);
    ++counts_.conversations;
    counts_.messages += document.messages;
  }

  void finish() override {
    int64_t indexes = write_index("Years", by_year_) + write_index("Models", by_model_);
    counts_.attachments_copied = attachments_.copied();
    counts_.attachments_unavailable = attachments_.unavailable();
    counts_.files = counts_.conversations + attachments_.files() + indexes;
  }

 private:
  int64_t write_index(const char* folder,
                      const std::map<std::string, std::vector<std::string>>& groups) {
    if (groups.empty()) return 0;
    fs::create_directories(folder_ / folder);
    UniqueNames names(true);
    for (const auto& [group, notes] : groups) {
      std::string text = "# " + group + "\n\n";
      for (const auto& note : notes) text += "- [[" + note + "]]\n";
      write_text_file(folder_ / folder / utf8_path(names.claim(group, ".md")), text);
    }
    return static_cast<int64_t>(groups.size());
  }

  ExportOptions options_;
  fs::path folder_;
  AttachmentFiles attachments_;
  UniqueNames notes_;
  std::map<std::string, std::vector<std::string>> by_year_, by_model_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_obsidian_writer(const store::Archive& archive,
                                                   const ExportOptions& options,
                                                   const std::filesystem::path& folder) {
  return std::make_unique<ObsidianWriter>(archive, options, folder);
}

}  // namespace afterglow::exporter
