// Finds the export file an attachment points at (EXPORT-FORMAT.md section 6, "Resolving a
// pointer"). Built once from every member seen during the import; answers by file id prefix.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "afterglow/model/import_sink.h"

namespace afterglow::importer {

class AssetIndex {
 public:
  // `inner_path` is the path inside its (possibly nested) zip; `sniffed` the MIME type read from
  // the first bytes, kept only when the name tells nothing.
  void add_member(const std::string& path, std::string_view inner_path, std::string sniffed);
  // conversation_asset_file_names.json: {"file_00000000aaaa.dat": "x.png", ...}
  void add_name_map(std::string_view json);
  // chat.html's assetsJson: pointer -> file name.
  void add_html_assets(const std::map<std::string, std::string>& assets);

  std::optional<model::ResolvedAsset> resolve(const model::Attachment& attachment,
                                              const std::string& conversation_id) const;

  // "file-6y9f-BE5F.jpeg" -> "file-6y9f"; "file_00ab.dat" -> "file_00ab"; else the stem.
  static std::string id_of_name(std::string_view name);

 private:
  struct Entry {
    std::string path;
    std::string inner_path;
    std::string sniffed;
  };
  int rank(const Entry& entry, const std::string& id, const std::string& conversation_id) const;

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<size_t>> by_id_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;
  std::unordered_map<std::string, std::string> original_names_;  // member name -> original name
  std::unordered_map<std::string, std::string> html_assets_;
};

}  // namespace afterglow::importer
