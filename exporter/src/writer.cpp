#include "afterglow/exporter/writer.h"

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "writers.h"

namespace afterglow::exporter {

std::unique_ptr<ExportWriter> make_writer(const store::Archive& archive,
                                          const ExportOptions& options,
                                          const std::filesystem::path& target) {
  switch (options.format) {
    case Format::jsonl:
      return make_jsonl_writer(target);
    case Format::markdown:
      return make_markdown_writer(archive, options, target);
    case Format::obsidian:
      return make_obsidian_writer(archive, options, target);
    case Format::html:
      return make_html_writer(archive, options, target);
    case Format::epub:
      return make_epub_writer(archive, options, target);
    case Format::chatgpt:
      return make_chatgpt_writer(archive, target);
    case Format::packet:
      break;
  }
  return make_packet_writer(archive, options, target);
}

viewer::Lang language_of(const ExportOptions& options, const model::Conversation& c) {
  if (options.lang) return *options.lang;
  viewer::LanguageGuess guess;
  guess.add(c.title);
  for (const auto& node : c.nodes) {
    if (node.message && node.message->role == "user" && !node.message->hidden) {
      guess.add(node.message->text);
    }
  }
  return guess.result();
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw Error(utf8_string(path) + ": cannot write this file", ErrorCode::disk_full);
}

}  // namespace afterglow::exporter
