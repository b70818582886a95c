// The Markdown export: one note per conversation, named by date and title, beside an assets/
// folder holding the images, audio and files they link to.
#include "afterglow/exporter/markdown.h"
#include "afterglow/model/utf8_path.h"
#include "attachment_files.h"
#include "note_stem.h"
#include "unique_names.h"
#include "writers.h"

namespace afterglow::exporter {
namespace {

// A link destination in angle brackets takes spaces and parentheses as they are.
std::string markdown_link(const model::Attachment& a, const std::string& file) {
  std::string label = a.name.empty() ? file : a.name;
  for (auto& ch : label) {
    if (ch == '[' || ch == ']' || ch == '\n') ch = ' ';
  }
  const std::string target = "(<assets/" + file + ">)";
  if (a.kind == model::AttachmentKind::image) return "![" + label + "]" + target;
  return "[" + label + "]" + target;
}

class MarkdownFolderWriter : public ExportWriter {
 public:
  MarkdownFolderWriter(const store::Archive& archive, const ExportOptions& options,
                       const std::filesystem::path& folder)
      : options_(options), folder_(folder), assets_(archive, folder / "assets") {}

  void add(const store::StoredConversation& stored) override {
    const auto lang = language_of(options_, stored.conversation);
    MarkdownOptions md;
    md.lang = lang;
    md.attachment_link = [&](const model::Attachment& a) -> std::optional<std::string> {
      auto file = assets_.copy(a);
      if (!file) return std::nullopt;
      return markdown_link(a, *file);
    };
    auto document = conversation_markdown(stored, md);
    auto name = notes_.claim(note_stem(stored.conversation, lang), ".md");
    write_text_file(folder_ / utf8_path(name), document.text);
    ++counts_.conversations;
    counts_.messages += document.messages;
  }

  void finish() override {
    counts_.attachments_copied = assets_.copied();
    counts_.attachments_unavailable = assets_.unavailable();
    counts_.files = counts_.conversations + assets_.files();
  }

 private:
  ExportOptions options_;
  std::filesystem::path folder_;
  AttachmentFiles assets_;
  UniqueNames notes_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_markdown_writer(const store::Archive& archive,
                                                   const ExportOptions& options,
                                                   const std::filesystem::path& folder) {
  return std::make_unique<MarkdownFolderWriter>(archive, options, folder);
}

}  // namespace afterglow::exporter
