// survey(): one cheap pass over the input's file list, reading only the small metadata files,
// so that bad input is refused before anything is written.
#include <simdjson.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "afterglow/i18n/translate.h"
#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "export_layout.h"
#include "export_walker.h"
#include "json_text.h"
#include "provider_detect.h"

namespace afterglow::importer {

using i18n::_;

namespace {

// Metadata files are small; a larger one is not what its name claims, so it is not read.
constexpr size_t kMaxMetadataBytes = 16u << 20;

// `text` holds what was read of the member already.
std::string read_small(MemberReader& reader, std::string text = {}) {
  char block[16384];
  while (size_t n = reader.read(block, sizeof block)) {
    text.append(block, n);
    if (text.size() > kMaxMetadataBytes) return {};
  }
  return text;
}

// Takeout's HTML page opens with its style sheet; its first records follow within this.
constexpr size_t kDetectHtmlBytes = 1u << 20;

// Enough of a file's start to know whose export it is.
std::string read_head(MemberReader& reader, size_t limit = kDetectBytes) {
  std::string head;
  char block[16384];
  while (head.size() < limit) {
    const size_t n = reader.read(block, std::min(sizeof block, limit - head.size()));
    if (n == 0) break;
    head.append(block, n);
  }
  return head;
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

// Claude's users.json: [{uuid, full_name, email_address, …}].
void read_claude_account(std::string_view json, model::Account& account) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array users;
  if (parser.parse(json.data(), json.size()).get(root) || root.get(users) || users.size() == 0) {
    return;
  }
  simdjson::dom::element user = users.at(0);
  auto text = [&](const char* key) {
    std::string_view value;
    return user[key].get(value) ? std::string() : std::string(value);
  };
  account.id = text("uuid");
  account.email = text("email_address");
  account.name = text("full_name");
}

// How a JSON file that is no export looks, in a few words, for the line that refuses it.
std::string described(const JsonLook& look) {
  std::string keys;
  constexpr size_t kShownKeys = 5;
  for (size_t i = 0; i < look.keys.size() && i < kShownKeys; ++i) {
    keys += (i ? ", \"" : "\"") + look.keys[i] + "\"";
  }
  if (look.keys.size() > kShownKeys) keys += ", …";
  if (look.is_array) {
    return keys.empty() ? _("a JSON array of empty objects")
                        : i18n::format(_("a JSON array of objects with the keys {0}"), keys);
  }
  return keys.empty() ? _("an empty JSON object")
                      : i18n::format(_("a JSON object with the keys {0}"), keys);
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
  // Conversations files by provider, as their structure says, each in walk order.
  std::map<Provider, std::vector<std::string>> found;
  std::string claude_account;  // from the first Claude conversation
  std::string claude_users;    // users.json of a Claude export, read when the provider is known
  std::optional<std::pair<std::string, JsonLook>> unknown;  // the first JSON that is no export
  bool claude_parts = false;             // users.json, memories.json or projects of Claude's
  std::optional<std::string> links;      // a file that only lists where the export is downloaded
  std::vector<std::string> gemini_html;  // Takeout's HTML form of the Gemini activity
  bool gemini_activity_json = false;     // and its JSON form, which is read instead when present
  bool bare_markup = false;              // the input is one file of markup, not JSON

  auto warn = [&result](const std::string& message) { result.warnings.push_back(message); };
  // What the zip declares is checked before anything is read or written; what it really yields
  // is checked again while the import reads it.
  auto check_declared_size = [&] {
    if (kind == InputKind::zip && result.total_bytes > limits.max_total_bytes) {
      throw InputError(
          result.input_path + ": the zip declares " + std::to_string(result.total_bytes) +
              " bytes of content, more than the " + std::to_string(limits.max_total_bytes) +
              " allowed (a decompression bomb?); if the export is genuine, raise the "
              "limit (afterglow import --max-size)",
          ErrorCode::too_large);
    }
  };
  auto visit = [&](const WalkedMember& member, MemberReader& reader) {
    result.members.push_back(member.info);
    if (member.info.size > 0) result.total_bytes += member.info.size;
    // Checked as each member is listed, before its start is read for detection.
    check_declared_size();
    auto number = conversation_file_number(member.inner_path);
    // Any JSON file may be a Grok or Claude export, whatever its name; its start tells.
    std::string head;
    std::optional<JsonLook> look;
    const std::string lower = to_lower_ascii(member.inner_path);
    // AI Studio saves its prompts to Drive under the prompt's name, without an extension.
    const bool no_extension = base_name(member.inner_path).find('.') == std::string_view::npos;
    if (kind == InputKind::json || ends_with(lower, ".json") || no_extension) {
      head = read_head(reader);
      if (looks_like_markup(head)) {
        if (kind == InputKind::json) bare_markup = true;
        head += read_head(reader, kDetectHtmlBytes - head.size());
        if (looks_like_gemini_html(head)) gemini_html.push_back(member.info.path);
        return;  // markup is no conversations file of the JSON kinds
      }
      look = look_at_json(head);
    } else if (ends_with(lower, ".html") || ends_with(lower, ".htm")) {
      if (looks_like_gemini_html(read_head(reader, kDetectHtmlBytes))) {
        gemini_html.push_back(member.info.path);
      }
    }
    if (look && look->activity) gemini_activity_json = true;
    const bool named = kind == InputKind::json || number.has_value();
    if (look && look->claude_part) {
      claude_parts = true;
      if (claude_account.empty()) claude_account = look->account;
    }
    if (look && look->download_links && !links) links = member.info.path;
    if (look && look->provider && *look->provider != Provider::chatgpt) {
      found[*look->provider].push_back(member.info.path);
      if (*look->provider == Provider::claude && claude_account.empty()) {
        claude_account = look->account;
      }
    } else if (named && look && !look->provider) {
      if (!unknown) unknown.emplace(member.info.path, *look);
    } else if (named) {
      found[Provider::chatgpt].push_back(member.info.path);
      if (number && *number >= 0) {
        sharded = true;
        shard_numbers.push_back(*number);
      }
      nested_conversations = nested_conversations || member.nesting > 0;
    } else if (member.inner_path == "user.json" && !account_read) {
      read_account(read_small(reader, std::move(head)), result.account);
      account_read = true;
    } else if (base_name(member.inner_path) == "users.json" && claude_users.empty()) {
      claude_users = read_small(reader, std::move(head));
    } else if (member.inner_path == "export_manifest.json") {
      sharded = true;
      for (auto& name : manifest_conversation_files(read_small(reader, std::move(head)))) {
        listed_shards.push_back(std::move(name));
      }
    }
  };
  walk_export(input, kind, visit, limits, warn);

  if (found.size() > 1) {
    auto first = found.begin();
    auto second = std::next(first);
    throw InputError(
        i18n::format(_("{0}: holds both a {1} export ({2}) and a {3} export ({4}); "
                       "import them one at a time"),
                     result.input_path, display_name(first->first), first->second.front(),
                     display_name(second->first), second->second.front()),
        ErrorCode::unknown_layout);
  }
  // Claude's 2026 delivery: a small JSON of download links, each link one zip (conversations,
  // projects, memories, users). The links expire, so the person must fetch them; say how.
  if (found.empty() && !claude_parts && links) {
    throw InputError(
        i18n::format(
            _("{0}: a list of download links, not the export itself: download every zip "
              "it lists into one folder, then import that folder"),
            kind == InputKind::json ? result.input_path : result.input_path + ": " + *links),
        ErrorCode::download_links);
  }
  if (found.empty() && unknown && !claude_parts) {
    throw InputError(
        i18n::format(
            _("{0}: not a ChatGPT, Claude, Gemini or Grok export: it holds {1}"),
            kind == InputKind::json ? result.input_path : result.input_path + ": " + unknown->first,
            described(unknown->second)),
        ErrorCode::unknown_layout);
  }
  // Takeout's HTML page beside another service's export is only kept, as any other file.
  if (found.count(Provider::gemini) || (found.empty() && !gemini_html.empty())) {
    result.conversation_files = std::move(found[Provider::gemini]);
    for (auto& page : gemini_html) {
      // Both forms of the same activity: the JSON is read, the page only kept.
      if (gemini_activity_json) {
        warn(i18n::format(_("{0}: the same activity as the JSON beside it; kept, not read"), page));
      } else {
        result.conversation_files.push_back(std::move(page));
      }
    }
    result.account.source = "gemini";
    result.layout = "gemini";
    return result;
  }
  if (found.empty() && bare_markup) {
    throw InputError(
        i18n::format(_("{0}: not a ChatGPT, Claude, Gemini or Grok export: it is an HTML page "
                       "without Google Takeout's Gemini activity records"),
                     result.input_path),
        ErrorCode::unknown_layout);
  }
  if (found.count(Provider::grok)) {
    result.conversation_files = std::move(found[Provider::grok]);
    result.account.source = "grok";
    result.layout = "grok";
    return result;
  }
  // Claude's projects, memories or users downloaded on their own: their records, no
  // conversations (those come in a zip of their own).
  if (found.count(Provider::claude) || (found.empty() && claude_parts)) {
    result.conversation_files = std::move(found[Provider::claude]);
    result.account = {};
    result.account.source = "claude";
    read_claude_account(claude_users, result.account);
    // Every conversation names its account; users.json may be absent (a bare conversations.json).
    if (!claude_account.empty()) result.account.id = claude_account;
    result.layout = kind == InputKind::json     ? "json"
                    : kind == InputKind::folder ? "folder"
                                                : "classic";
    return result;
  }
  result.conversation_files = std::move(found[Provider::chatgpt]);
  if (result.conversation_files.empty()) {
    throw InputError(
        i18n::format(
            _("{0}: unknown layout: no conversations.json or conversations-NNN.json found"),
            result.input_path),
        ErrorCode::unknown_layout);
  }
  std::set<std::string> present;
  for (const auto& file : result.conversation_files) present.emplace(base_name(file));
  for (const auto& shard : listed_shards) {
    if (!present.count(shard)) {
      throw InputError(
          i18n::format(
              _("{0}: truncated export: {1} is listed in export_manifest.json but missing"),
              result.input_path, shard),
          ErrorCode::missing_part);
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
