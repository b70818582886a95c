// afterglow-read-parse EXPORT: the importer's own read and parse, with nothing stored. Runs the
// real importer (zip inflate, array splitting, conversation parsing, asset index) into a sink
// that drops everything, so the driver can tell reading and parsing apart from storing and
// indexing. Prints one JSON object: seconds, conversations, files, bytes.
#include <chrono>
#include <cstdio>
#include <exception>

#include "afterglow/importer/importer.h"

namespace {

class DiscardingWriter : public afterglow::model::FileWriter {
 public:
  explicit DiscardingWriter(int64_t& bytes) : bytes_(bytes) {}
  void write(std::string_view chunk) override { bytes_ += static_cast<int64_t>(chunk.size()); }
  void finish() override {}

 private:
  int64_t& bytes_;
};

// Takes every conversation by value, as the store does, and lets it go.
class DiscardingSink : public afterglow::model::ImportSink {
 public:
  void begin(const afterglow::model::Survey&) override {}
  std::unique_ptr<afterglow::model::FileWriter> original_file(
      const afterglow::model::MemberInfo&) override {
    return std::make_unique<DiscardingWriter>(bytes);
  }
  void conversation(afterglow::model::Conversation&& conversation) override {
    afterglow::model::Conversation taken(std::move(conversation));
    messages += static_cast<int64_t>(taken.nodes.size());
  }
  void broken_conversation(afterglow::model::BrokenConversation&&) override {}
  void resolve_attachments(const afterglow::model::AssetResolver&) override {}

  int64_t bytes = 0;
  int64_t messages = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: afterglow-read-parse EXPORT\n");
    return 2;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    auto survey = afterglow::importer::survey(argv[1]);
    DiscardingSink sink;
    auto report = afterglow::importer::import(survey, sink);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "{\"seconds\": %.6f, \"conversations\": %lld, \"nodes\": %lld, \"files\": %lld, "
        "\"bytes\": %lld}\n",
        seconds, static_cast<long long>(report.conversations),
        static_cast<long long>(sink.messages), static_cast<long long>(report.files),
        static_cast<long long>(sink.bytes));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "afterglow-read-parse: %s\n", e.what());
    return 1;
  }
  return 0;
}
