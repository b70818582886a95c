// The JSONL export: one file, one line per node.
#include <fstream>

#include "afterglow/exporter/jsonl.h"
#include "afterglow/model/errors.h"
#include "writers.h"

namespace afterglow::exporter {
namespace {

class JsonlWriter : public ExportWriter {
 public:
  explicit JsonlWriter(const std::filesystem::path& file)
      : path_(file), out_(file, std::ios::binary) {
    if (!out_) throw Error(path_.string() + ": cannot write this file", ErrorCode::unreadable);
    counts_.files = 1;
  }
  void add(const store::StoredConversation& stored) override {
    counts_.messages += static_cast<int64_t>(write_jsonl(out_, stored));
    ++counts_.conversations;
    for (const auto& node : stored.conversation.nodes) {
      if (!node.message) continue;
      for (const auto& a : node.message->attachments) {
        ++(a.available() ? counts_.attachments_copied : counts_.attachments_unavailable);
      }
    }
  }
  void finish() override {
    out_.close();
    if (!out_) throw Error(path_.string() + ": cannot write this file", ErrorCode::disk_full);
  }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_jsonl_writer(const std::filesystem::path& file) {
  return std::make_unique<JsonlWriter>(file);
}

}  // namespace afterglow::exporter
