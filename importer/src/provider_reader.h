// What each provider's export needs beyond the walk all exports share: how one element of its
// conversations array becomes a model::Conversation, and which of its other files carry records
// for the sink (ratings, memories, projects). One implementation per provider, chosen once from
// the survey, so that a new provider is a new file and not another branch in the import.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/model/import_sink.h"
#include "provider_detect.h"

namespace afterglow::importer {

class ProviderReader {
 public:
  virtual ~ProviderReader() = default;

  // One element of a conversations array. Throws ConversationParseError (conversation_parser.h);
  // the caller keeps the element raw.
  virtual model::Conversation parse(const std::string& element) = 0;
  // Whether the last parse() had to replace invalid UTF-8 or lone surrogates (with U+FFFD).
  virtual bool repaired() const = 0;
  // How many times the last parse() found outside the years 1 to 9999 and kept as unknown.
  virtual int64_t dropped_times() const { return 0; }

  // Why a conversation parsed with no nodes has none, in the export's own terms.
  virtual std::string why_no_messages() const = 0;

  // Records a parsed conversation carries beside its messages (memories, its project).
  virtual void account_records(const model::Conversation& conversation, model::ImportSink& sink) {
    (void)conversation;
    (void)sink;
  }

  // Whether each conversations file is read whole and its conversations made at once, instead of
  // one conversation per element of its array: Gemini's activity log holds records that only
  // grouping turns into conversations.
  virtual bool reads_whole_files() const { return false; }
  struct WholeFile {
    std::vector<model::Conversation> conversations;
    std::vector<model::BrokenConversation> broken;
    std::vector<std::string> warnings;  // one line each, naming `where`
  };
  // The whole text of such a file (by its path in the export; `where` names it in messages).
  // Throws InputError when the file as a whole cannot be read.
  virtual WholeFile read_whole_file(const std::string& where, const std::string& path,
                                    const std::string& text) {
    (void)where;
    (void)path;
    (void)text;
    return {};
  }

  // Whether a file of the export (by its path inside the export) holds records for the sink.
  virtual bool reads_file(std::string_view inner_path) const {
    (void)inner_path;
    return false;
  }
  // The whole text of such a file; `where` names it in warnings. A damaged file is a warning,
  // never fatal: the conversations matter more.
  virtual void read_file(const std::string& where, std::string_view inner_path,
                         const std::string& text, model::ImportSink& sink,
                         std::vector<std::string>& warnings) {
    (void)where;
    (void)inner_path;
    (void)text;
    (void)sink;
    (void)warnings;
  }
};

std::unique_ptr<ProviderReader> make_chatgpt_reader();
std::unique_ptr<ProviderReader> make_grok_reader();
std::unique_ptr<ProviderReader> make_claude_reader();
std::unique_ptr<ProviderReader> make_gemini_reader();

std::unique_ptr<ProviderReader> make_reader(Provider provider);

// The provider a survey decided on, from its account's source.
Provider provider_of_source(std::string_view source);

}  // namespace afterglow::importer
