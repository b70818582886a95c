// import(): one streaming pass over the input. Every file goes to the sink byte for byte; the
// conversation files are split and parsed on the way; attachments are resolved at the end.
#include <array>
#include <optional>
#include <set>

#include "afterglow/importer/importer.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "asset_index.h"
#include "chat_html_assets.h"
#include "conversation_parser.h"
#include "export_layout.h"
#include "export_walker.h"
#include "json_splitter.h"
#include "mime.h"
#include "provider_reader.h"

namespace afterglow::importer {

namespace {

constexpr size_t kChunkBytes = 64 * 1024;
constexpr size_t kMaxNameMapBytes = 256u << 20;
// A file read whole (Gemini's activity log: a few megabytes for years of use).
constexpr size_t kMaxWholeFileBytes = 1024u << 20;

class ImportRun {
 public:
  ImportRun(const model::Survey& survey, model::ImportSink& sink, const Options& options,
            InputKind kind)
      : survey_(survey),
        sink_(sink),
        options_(options),
        kind_(kind),
        reader_(make_reader(provider_of_source(survey.account.source))),
        conversation_files_(survey.conversation_files.begin(), survey.conversation_files.end()) {
    progress_.bytes_total = survey.total_bytes;
  }

  void member(const WalkedMember& member, MemberReader& reader) {
    ++report_.files;
    progress_.file = member.info.path;
    const std::string where = kind_ == InputKind::json
                                  ? survey_.input_path
                                  : survey_.input_path + ": " + member.info.path;
    // The survey decided which files hold conversations, from their structure.
    const bool conversations = conversation_files_.count(member.info.path) > 0;
    const bool html = member.inner_path == "chat.html";
    const bool name_map = base_name(member.inner_path) == "conversation_asset_file_names.json";
    const bool records = !conversations && reader_->reads_file(member.inner_path);
    const bool whole = conversations && reader_->reads_whole_files();

    std::optional<JsonArraySplitter> splitter;
    if (conversations && !whole) {
      splitter.emplace([&](std::string&& element, size_t index) {
        conversation(member.info.path, std::move(element), index);
      });
    }
    ChatHtmlAssetScanner scanner;
    std::string name_map_text;
    std::string records_text;
    std::string whole_text;
    std::string head;
    auto writer = sink_.original_file(member.info);
    std::array<char, kChunkBytes> block;
    while (size_t n = reader.read(block.data(), block.size())) {
      std::string_view chunk(block.data(), n);
      writer->write(chunk);
      if (head.size() < kSniffBytes) head.append(chunk.substr(0, kSniffBytes - head.size()));
      if (splitter) feed(*splitter, chunk, where);
      if (html) scanner.feed(chunk);
      if (name_map && name_map_text.size() < kMaxNameMapBytes) name_map_text.append(chunk);
      if (records && records_text.size() < kMaxNameMapBytes) records_text.append(chunk);
      if (whole) {
        if (whole_text.size() + chunk.size() > kMaxWholeFileBytes) {
          throw InputError(where + ": larger than the " + std::to_string(kMaxWholeFileBytes >> 20) +
                               " MiB that one file of this export may hold",
                           ErrorCode::too_large);
        }
        whole_text.append(chunk);
      }
      progress_.bytes_done += static_cast<int64_t>(n);
      report_progress();
    }
    writer->finish();
    if (splitter) {
      try {
        splitter->finish();
      } catch (const JsonStructureError& e) {
        throw InputError(where + ": " + e.what(), ErrorCode::unreadable_json);
      }
    }
    std::string sniffed;
    if (mime_from_name(base_name(member.inner_path)).empty()) sniffed = sniff_mime(head);
    index_.add_member(member.info.path, member.inner_path, std::move(sniffed));
    if (name_map) index_.add_name_map(name_map_text);
    if (html) index_.add_html_assets(scanner.assets());
    if (records) {
      reader_->read_file(where, member.inner_path, records_text, sink_, report_.warnings);
    }
    if (whole) whole_file(where, member.info.path, whole_text);
  }

  Report finish() {
    sink_.resolve_attachments(
        [this](const model::Attachment& attachment, const std::string& conversation_id) {
          return index_.resolve(attachment, conversation_id);
        });
    return report_;
  }

 private:
  void feed(JsonArraySplitter& splitter, std::string_view chunk, const std::string& where) {
    try {
      splitter.feed(chunk);
    } catch (const JsonStructureError& e) {
      throw InputError(where + ": " + e.what(), ErrorCode::unreadable_json);
    }
  }

  void whole_file(const std::string& where, const std::string& path, const std::string& text) {
    ProviderReader::WholeFile file = reader_->read_whole_file(where, path, text);
    for (auto& parsed : file.conversations) {
      accept(path + " " + parsed.id, std::move(parsed));
      ++progress_.conversations;
    }
    for (auto& broken : file.broken) {
      sink_.broken_conversation(std::move(broken));
      ++report_.broken;
    }
    for (auto& warning : file.warnings) report_.warnings.push_back(std::move(warning));
    report_progress();
  }

  // A parsed conversation, with what the summary says of it.
  void accept(const std::string& where, model::Conversation&& parsed) {
    if (parsed.nodes.empty()) {
      report_.empty.push_back(where + ": no messages (" + reader_->why_no_messages() +
                              "); kept as exported");
    }
    for (const auto& node : parsed.nodes) {
      if (node.message) {
        report_.attachments += static_cast<int64_t>(node.message->attachments.size());
      }
    }
    reader_->account_records(parsed, sink_);
    sink_.conversation(std::move(parsed));
    ++report_.conversations;
  }

  void conversation(const std::string& file, std::string&& element, size_t index) {
    try {
      model::Conversation parsed = reader_->parse(element);
      const std::string where = file + "#" + std::to_string(index) + " " + parsed.id;
      if (reader_->repaired()) {
        report_.warnings.push_back(where +
                                   ": invalid UTF-8 in the text, shown as U+FFFD; the original "
                                   "bytes are kept");
      }
      if (const int64_t dropped = reader_->dropped_times(); dropped > 0) {
        report_.warnings.push_back(where + ": " + std::to_string(dropped) +
                                   (dropped == 1 ? " time" : " times") +
                                   " outside the years 1 to 9999, shown as unknown time; the "
                                   "original numbers are kept");
      }
      // The "Corrupted entry" shape of some exports: kept (its title and original bytes), but
      // said, since it shows as a conversation with nothing in it.
      accept(where, std::move(parsed));
    } catch (const ConversationParseError& e) {
      model::BrokenConversation broken;
      broken.file = file;
      broken.index = index;
      broken.id = e.id;
      broken.title = e.title;
      broken.reason = e.what();
      broken.raw_json = std::move(element);
      sink_.broken_conversation(std::move(broken));
      ++report_.broken;
    }
    ++progress_.conversations;
    report_progress();
  }

  void report_progress() {
    if (options_.progress) options_.progress(progress_);
  }

  const model::Survey& survey_;
  model::ImportSink& sink_;
  const Options& options_;
  InputKind kind_;
  Report report_;
  Progress progress_;
  std::unique_ptr<ProviderReader> reader_;
  std::set<std::string> conversation_files_;
  AssetIndex index_;
};

}  // namespace

Report import(const model::Survey& survey, model::ImportSink& sink, const Options& options) {
  const std::filesystem::path input = utf8_path(survey.input_path);
  const InputKind kind = detect_input_kind(input);
  sink.begin(survey);
  ImportRun run(survey, sink, options, kind);
  walk_export(
      input, kind,
      [&](const WalkedMember& member, MemberReader& reader) { run.member(member, reader); },
      options.limits);
  return run.finish();
}

}  // namespace afterglow::importer
