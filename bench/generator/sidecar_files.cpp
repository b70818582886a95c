#include "generator/sidecar_files.h"

#include "generator/json_out.h"

namespace afterglow::bench {

std::string user_json(const std::string& user_id, std::uint64_t seed) {
  std::string out;
  JsonOut j(out);
  j.begin_object().key("id").string(user_id);
  j.key("email").string("reader" + std::to_string(seed % 1000) + "@example.com");
  j.key("chatgpt_plus_user").boolean(true).key("phone_number").null();
  j.key("birth_year").integer(1970 + static_cast<std::int64_t>(seed % 35)).end_object();
  return out;
}

std::string export_manifest_json(const std::vector<ShardInfo>& shards) {
  std::string out;
  JsonOut j(out);
  j.begin_object().key("version").integer(1).key("logical_files").begin_object();
  j.key("conversations.json").begin_object().key("files").begin_array();
  for (const auto& shard : shards) j.string(shard.name);
  j.end_array().key("sharded").boolean(true).end_object().end_object();
  j.key("export_files").begin_array();
  for (const auto& shard : shards) {
    j.begin_object().key("path").string(shard.name);
    j.key("size_bytes").integer(static_cast<std::int64_t>(shard.size_bytes)).end_object();
  }
  j.end_array().end_object();
  return out;
}

std::string asset_file_names_json(const std::vector<std::pair<std::string, std::string>>& names) {
  std::string out;
  JsonOut j(out);
  j.begin_object();
  for (const auto& [member, original] : names) {
    // Member names are ASCII ids; key() writes them as they are.
    j.key(member).string(original);
  }
  j.end_object();
  return out;
}

std::vector<SidecarFile> empty_sidecars(Layout layout) {
  std::vector<SidecarFile> files = {
      {"message_feedback.json", "[]"},
      {"shared_conversations.json", "[]"},
      {"group_chats.json", "{\"chats\":[]}"},
      {"shopping.json", "[]"},
      {"sora.json", "{}"},
  };
  if (layout == Layout::classic) {
    files.push_back({"model_comparisons.json", "[]"});
  } else {
    files.push_back({"user_settings.json", "{}"});
    files.push_back({"library_files.json", "[]"});
  }
  return files;
}

}  // namespace afterglow::bench
