// What the names of export files mean: which ones hold conversations, which nested zips are
// exports to open, which folders must never be read. Pure functions of paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace afterglow::importer {

std::string_view base_name(std::string_view path);
std::string_view dir_name(std::string_view path);  // "" for a root member

// -1 for "conversations.json", N for "conversations-NNN.json" at the root of an archive
// (inner_path has no folder), nullopt for any other file.
std::optional<int> conversation_file_number(std::string_view inner_path);

// Orders conversation files: the classic file first, then shards by number (not by name, so
// conversations-1000.json comes after conversations-999.json).
bool conversation_file_before(std::string_view a, std::string_view b);

// Payment records of a Privacy-Portal download: never read, never kept.
bool is_financial(std::string_view path);

// A zip inside the input that is itself (part of) an export, as in Privacy-Portal downloads.
// Uploaded files named file-... or file_... are attachments and stay zips.
bool is_nested_export_zip(std::string_view inner_path, int nesting);

bool is_root_file(std::string_view inner_path, std::string_view name);

// The shard file names export_manifest.json lists for the conversations; empty when it lists
// none or cannot be read.
std::vector<std::string> manifest_conversation_files(std::string_view manifest_json);

}  // namespace afterglow::importer
