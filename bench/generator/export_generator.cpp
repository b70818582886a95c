#include "generator/export_generator.h"

#include <cstdio>
#include <memory>
#include <string_view>
#include <utility>

#include "afterglow/model/errors.h"
#include "generator/conversation_builder.h"
#include "generator/ids.h"
#include "generator/sidecar_files.h"
#include "generator/zip_output.h"

namespace afterglow::bench {

namespace {

// Give up looking for a conversation small enough to land on the size target after this many
// tries, or once within 1% of it.
constexpr int kMaxSkipsNearTarget = 64;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// The bare JSON array of all conversations (--json-only).
class JsonFile {
 public:
  explicit JsonFile(const std::filesystem::path& path)
      : path_(path), file_(std::fopen(path.string().c_str(), "wb")) {
    if (!file_) throw Error(path.string() + ": cannot create the file");
    std::setvbuf(file_.get(), nullptr, _IOFBF, 1 << 20);
  }
  void write(std::string_view data) {
    if (std::fwrite(data.data(), 1, data.size(), file_.get()) != data.size()) {
      throw Error(path_.string() + ": cannot write (disk full?)");
    }
  }
  void close() {
    if (std::fclose(file_.release()) != 0) throw Error(path_.string() + ": cannot write");
  }

 private:
  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
};

class ExportRun {
 public:
  explicit ExportRun(const GeneratorOptions& options)
      : options_(options), builder_(options.seed, make_shape(options)) {
    if (!options.zip_path.empty()) {
      zip_ = std::make_unique<ZipOutput>(options.zip_path, options.compression_level);
    }
    if (!options.json_path.empty()) json_ = std::make_unique<JsonFile>(options.json_path);
  }

  GeneratorReport run() {
    if (json_) json_->write("[");
    if (zip_ && !sharded()) zip_->begin_entry("conversations.json");
    if (zip_ && !sharded()) zip_->write("[");
    generate_conversations();
    if (json_) {
      json_->write("]");
      json_->close();
    }
    if (zip_) finish_zip();
    report_.json_bytes = report_.conversations == 0 ? 2 : array_bytes_ + 1;
    return report_;
  }

 private:
  static ExportShape make_shape(const GeneratorOptions& options) {
    Rng rng(Rng::stream_seed(options.seed, ~std::uint64_t{0}));
    return ExportShape{options.layout == Layout::sharded, user_id(rng), options.chinese_share};
  }

  bool sharded() const { return options_.layout == Layout::sharded; }

  void generate_conversations() {
    std::string conversation;
    int skips = 0;
    for (std::uint64_t index = 0;; ++index) {
      if (options_.conversations && report_.conversations >= *options_.conversations) return;
      const std::size_t assets_before = pending_.size();
      const ConversationStats stats = builder_.build(index, conversation, pending_);
      bool last = false;
      if (options_.target_json_bytes) {
        const std::uint64_t target = *options_.target_json_bytes;
        const std::uint64_t projected = array_bytes_ + conversation.size() + 2;
        if (projected > target) {
          // Keep it only if that lands closer to the target than stopping here would.
          const std::uint64_t gap = target > array_bytes_ ? target - array_bytes_ : 0;
          if (projected - target >= gap) {
            pending_.resize(assets_before);
            if (++skips > kMaxSkipsNearTarget || gap * 100 < target) return;
            continue;
          }
          last = true;
        }
      }
      emit(conversation);
      report_.messages += stats.messages;
      ++report_.conversations;
      if (last) return;
    }
  }

  void emit(const std::string& conversation) {
    const bool first = report_.conversations == 0;
    array_bytes_ += conversation.size() + 1;  // the "[" or "," before it
    if (json_) {
      if (!first) json_->write(",");
      json_->write(conversation);
    }
    if (!zip_) {
      pending_.clear();
      return;
    }
    if (!sharded()) {
      if (!first) zip_->write(",");
      zip_->write(conversation);
      return;
    }
    if (shard_open_ && shard_conversations_ > 0 &&
        shard_bytes_ + conversation.size() + 2 > options_.shard_bytes) {
      close_shard();
    }
    if (!shard_open_) open_shard();
    zip_->write(shard_conversations_ == 0 ? "[" : ",");
    zip_->write(conversation);
    shard_bytes_ += conversation.size() + 1;
    ++shard_conversations_;
  }

  void open_shard() {
    char name[48];  // room for any size_t
    std::snprintf(name, sizeof name, "conversations-%03zu.json", shards_.size());
    shards_.push_back({name, 0});
    zip_->begin_entry(name);
    shard_open_ = true;
    shard_bytes_ = 0;
    shard_conversations_ = 0;
  }

  // Ends the shard and writes the assets its conversations point to, so memory holds the
  // assets of one shard at most.
  void close_shard() {
    zip_->write(shard_conversations_ == 0 ? "[]" : "]");
    zip_->end_entry();
    shards_.back().size_bytes = shard_bytes_ + (shard_conversations_ == 0 ? 2 : 1);
    shard_open_ = false;
    write_pending_assets();
  }

  void write_pending_assets() {
    for (const AssetRequest& asset : pending_) {
      const std::string bytes = media_file(asset.kind, asset.seed);
      zip_->add_file(asset.member, bytes);
      ++report_.assets;
      report_.asset_bytes += bytes.size();
      if (sharded()) asset_names_.emplace_back(asset.member, asset.original_name);
    }
    pending_.clear();
  }

  void finish_zip() {
    if (sharded()) {
      if (!shard_open_ && shards_.empty()) open_shard();
      if (shard_open_) close_shard();
      zip_->add_file("export_manifest.json", export_manifest_json(shards_));
      zip_->add_file("conversation_asset_file_names.json", asset_file_names_json(asset_names_));
      for (const auto& shard : shards_) report_.shards.push_back(shard.name);
    } else {
      zip_->write("]");
      zip_->end_entry();
      write_pending_assets();
    }
    zip_->add_file("user.json", user_json(builder_.shape().user_id, options_.seed));
    for (const SidecarFile& file : empty_sidecars(options_.layout)) {
      zip_->add_file(file.name, file.content);
    }
    report_.zip_bytes = zip_->close();
  }

  const GeneratorOptions& options_;
  ConversationBuilder builder_;
  std::unique_ptr<ZipOutput> zip_;
  std::unique_ptr<JsonFile> json_;
  GeneratorReport report_;
  std::uint64_t array_bytes_ = 0;  // conversations as one array, without the closing "]"
  std::vector<AssetRequest> pending_;
  std::vector<std::pair<std::string, std::string>> asset_names_;
  std::vector<ShardInfo> shards_;
  bool shard_open_ = false;
  std::uint64_t shard_bytes_ = 0;
  std::uint64_t shard_conversations_ = 0;
};

void validate(const GeneratorOptions& options) {
  if (options.conversations.has_value() == options.target_json_bytes.has_value()) {
    throw Error("generator: give exactly one of a conversation count and a size");
  }
  if (options.zip_path.empty() && options.json_path.empty()) {
    throw Error("generator: no output: give a zip path, a JSON path, or both");
  }
  if (options.compression_level < 0 || options.compression_level > 9) {
    throw Error("generator: the compression level must be between 0 and 9");
  }
  if (options.shard_bytes == 0) throw Error("generator: the shard size must be positive");
}

}  // namespace

GeneratorReport generate_export(const GeneratorOptions& options) {
  validate(options);
  ExportRun run(options);
  return run.run();
}

}  // namespace afterglow::bench
