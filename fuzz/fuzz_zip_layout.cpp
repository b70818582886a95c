// Arbitrary bytes as an export zip: layout detection (survey) and then the whole import into a
// sink that keeps nothing. InputError is the expected answer to a bad zip.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"

namespace {

class DiscardingWriter : public afterglow::model::FileWriter {
 public:
  void write(std::string_view) override {}
  void finish() override {}
};

class DiscardingSink : public afterglow::model::ImportSink {
 public:
  void begin(const afterglow::model::Survey&) override {}
  std::unique_ptr<afterglow::model::FileWriter> original_file(
      const afterglow::model::MemberInfo&) override {
    return std::make_unique<DiscardingWriter>();
  }
  void conversation(afterglow::model::Conversation&&) override {}
  void broken_conversation(afterglow::model::BrokenConversation&&) override {}
  void resolve_attachments(const afterglow::model::AssetResolver& resolve) override {
    afterglow::model::Attachment a;
    a.pointer = "file-service://file-abc";
    a.file_id = "file-abc";
    resolve(a, "conversation");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The importer reads files by path (a zip is never held in memory whole).
  static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                            ("afterglow-fuzz-" + std::to_string(getpid()) + ".zip");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  afterglow::importer::Limits limits;
  limits.max_total_bytes = 64 << 20;  // keep one run small; the limit itself is what is tested
  try {
    auto survey = afterglow::importer::survey(path, limits);
    DiscardingSink sink;
    afterglow::importer::Options options;
    options.limits = limits;
    afterglow::importer::import(survey, sink, options);
  } catch (const afterglow::InputError&) {
  }
  return 0;
}
