// One maker per format; make_writer (writer.cpp) chooses among them.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "afterglow/exporter/writer.h"

namespace afterglow::exporter {

std::unique_ptr<ExportWriter> make_jsonl_writer(const std::filesystem::path& file);
std::unique_ptr<ExportWriter> make_markdown_writer(const store::Archive& archive,
                                                   const ExportOptions& options,
                                                   const std::filesystem::path& folder);
std::unique_ptr<ExportWriter> make_obsidian_writer(const store::Archive& archive,
                                                   const ExportOptions& options,
                                                   const std::filesystem::path& folder);
std::unique_ptr<ExportWriter> make_html_writer(const store::Archive& archive,
                                               const ExportOptions& options,
                                               const std::filesystem::path& folder);
// One EPUB 3 file for e-readers: a cover, the contents, a page per conversation, its images.
std::unique_ptr<ExportWriter> make_epub_writer(const store::Archive& archive,
                                               const ExportOptions& options,
                                               const std::filesystem::path& file);
std::unique_ptr<ExportWriter> make_chatgpt_writer(const store::Archive& archive,
                                                  const std::filesystem::path& folder);
std::unique_ptr<ExportWriter> make_packet_writer(const store::Archive& archive,
                                                 const ExportOptions& options,
                                                 const std::filesystem::path& folder);

// Writes `text` to `path` whole, or throws Error naming the file.
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace afterglow::exporter
