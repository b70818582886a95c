// survey(): one cheap pass over the input's file list, reading only the small metadata files,
// so that bad input is refused before anything is written.
#include <simdjson.h>

#include <algorithm>
#include <set>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "export_layout.h"
#include "export_walker.h"

namespace afterglow::importer {

namespace {

// Metadata files are small; a larger one is not what its name claims, so it is not read.
constexpr size_t kMaxMetadataBytes = 16u << 20;

std::string read_small(MemberReader& reader) {
  std::string text;
  char block[16384];
  while (size_t n = reader.read(block, sizeof block)) {
    text.append(block, n);
    if (text.size() > kMaxMetadataBytes) return {};
  }
  return text;
}

void read_account(std::string_view json, model::Account& account) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) || !root.is_object()) return;
  auto text = [&](const char* key) {
    std::string_view value;
    return root[key].get(value) ? std::string() : std::string(value);
  };
  account.id = text("id");
  account.email = text("email");
  account.name = text("name");
}

}  // namespace

model::Survey survey(const std::filesystem::path& input, const Limits& limits) {
  const InputKind kind = detect_input_kind(input);
  model::Survey result;
  result.input_path = input.string();
  bool account_read = false;
  bool sharded = false;
  bool nested_conversations = false;
  std::vector<std::string> listed_shards;
  std::vector<int> shard_numbers;

  auto warn = [&result](const std::string& message) { result.warnings.push_back(message); };
  auto visit = [&](const WalkedMember& member, MemberReader& reader) {
    result.members.push_back(member.info);
    if (member.info.size > 0) result.total_bytes += member.info.size;
    auto number = conversation_file_number(member.inner_path);
    if (kind == InputKind::json || number) {
      result.conversation_files.push_back(member.info.path);
      if (number && *number >= 0) {
        sharded = true;
        shard_numbers.push_back(*number);
      }
      nested_conversations = nested_conversations || member.nesting > 0;
    } else if (member.inner_path == "user.json" && !account_read) {
      read_account(read_small(reader), result.account);
      account_read = true;
    } else if (member.inner_path == "export_manifest.json") {
      sharded = true;
      for (auto& name : manifest_conversation_files(read_small(reader))) {
        listed_shards.push_back(std::move(name));
      }
    }
  };
  walk_export(input, kind, visit, limits, warn);

  // What the zip declares is checked here, before anything is written; what it really yields
  // is checked again while the import reads it.
  if (kind == InputKind::zip && result.total_bytes > limits.max_total_bytes) {
    throw InputError(result.input_path + ": the zip declares " +
                     std::to_string(result.total_bytes) + " bytes of content, more than the " +
                     std::to_string(limits.max_total_bytes) +
                     " allowed (a decompression bomb?); if the export is genuine, raise the "
                     "limit (afterglow import --max-size)");
  }

  if (result.conversation_files.empty()) {
    throw InputError(result.input_path +
                     ": unknown layout: no conversations.json or conversations-NNN.json found");
  }
  std::set<std::string> present;
  for (const auto& file : result.conversation_files) present.emplace(base_name(file));
  for (const auto& shard : listed_shards) {
    if (!present.count(shard)) {
      throw InputError(result.input_path + ": truncated export: " + shard +
                       " is listed in export_manifest.json but missing");
    }
  }
  std::sort(shard_numbers.begin(), shard_numbers.end());
  for (size_t i = 1; i < shard_numbers.size(); ++i) {
    if (shard_numbers[i] > shard_numbers[i - 1] + 1) {
      result.warnings.push_back("conversation shards " + std::to_string(shard_numbers[i - 1]) +
                                " and " + std::to_string(shard_numbers[i]) +
                                " are not consecutive: some may be missing");
    }
  }
  if (kind == InputKind::json) {
    result.layout = "json";
  } else if (kind == InputKind::folder) {
    result.layout = "folder";
  } else if (nested_conversations) {
    result.layout = "privacy-portal";
  } else if (sharded) {
    result.layout = "sharded";
  } else {
    result.layout = "classic";
  }
  return result;
}

}  // namespace afterglow::importer
