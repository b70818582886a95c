// The HTML export: one self-contained page per conversation (styles, scripts, images and audio
// inside it), made by the book's renderer as a book of that one conversation.
#include "afterglow/model/utf8_path.h"
#include "afterglow/viewer/html_book.h"
#include "note_stem.h"
#include "unique_names.h"
#include "writers.h"

namespace afterglow::exporter {
namespace {

store::ConversationSummary summary_of(const store::StoredConversation& stored) {
  const auto& c = stored.conversation;
  store::ConversationSummary s;
  s.id = c.id;
  s.source = c.source;
  s.account = stored.account;
  s.title = c.title;
  s.create_time = c.create_time;
  s.update_time = c.update_time;
  s.model = c.model;
  s.gone_upstream = stored.gone_upstream;
  return s;
}

class HtmlWriter : public ExportWriter {
 public:
  HtmlWriter(const store::Archive& archive, const ExportOptions& options,
             const std::filesystem::path& folder)
      : archive_(archive), options_(options), folder_(folder) {}

  void add(const store::StoredConversation& stored) override {
    viewer::BookSource source;
    source.conversations = {summary_of(stored)};
    source.load = [&stored](const store::ConversationKey&) { return stored; };
    source.blob_info = [this](const std::string& sha256) { return archive_.blob_info(sha256); };
    source.read_blob = [this](const std::string& sha256,
                              const std::function<void(std::string_view)>& sink) {
      archive_.read_blob(sha256, sink);
    };
    const auto lang = language_of(options_, stored.conversation);
    viewer::BookOptions book;
    book.lang = lang;
    book.title = viewer::conversation_title(stored.conversation, lang);
    auto name = names_.claim(note_stem(stored.conversation, lang), ".html");
    auto report = viewer::write_book_file(source, book, folder_ / utf8_path(name));
    ++counts_.conversations;
    counts_.messages += report.messages;
    counts_.attachments_copied += report.attachments_included;
    counts_.attachments_unavailable += report.attachments_unavailable;
    ++counts_.files;
  }

  void finish() override {}

 private:
  const store::Archive& archive_;
  ExportOptions options_;
  std::filesystem::path folder_;
  UniqueNames names_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_html_writer(const store::Archive& archive,
                                               const ExportOptions& options,
                                               const std::filesystem::path& folder) {
  return std::make_unique<HtmlWriter>(archive, options, folder);
}

}  // namespace afterglow::exporter
