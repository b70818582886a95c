// The open formats afterglow writes, by the names `--format` takes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace afterglow::exporter {

enum class Format { jsonl, markdown, obsidian, html, chatgpt, epub, packet };

// "jsonl", "markdown", "obsidian", "html", "chatgpt", "epub", "packet".
const char* to_string(Format format);
std::optional<Format> format_from_string(std::string_view name);
// The names, comma-separated, for messages that list them.
std::string format_names();

// jsonl and epub are one file; the others are a folder of files.
bool writes_one_file(Format format);

}  // namespace afterglow::exporter
