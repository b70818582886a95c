// One interface, two full-text engines over the archive's messages:
//  - Xapian (the default): ranked, English stemming, CJK n-grams, spelling suggestions; a derived
//    folder beside the archive that can be deleted and rebuilt at any time.
//  - SQLite FTS5 with the trigram tokenizer, inside the archive file: exact substrings in any
//    language (code, ids); terms shorter than three characters fall back to a LIKE scan.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/indexer/query.h"
#include "afterglow/model/conversation.h"
#include "afterglow/model/errors.h"
#include "afterglow/store/archive.h"

namespace afterglow::indexer {

// A message as the engines index it.
using Document = store::MessageRecord;

enum class Engine { xapian, fts5 };
enum class Sort { relevance, newest, oldest };

const char* to_string(Engine engine);
const char* to_string(Sort sort);

struct SearchOptions {
  Engine engine = Engine::xapian;
  int64_t limit = 20;
  int64_t offset = 0;
  Sort sort = Sort::relevance;
  // Include alternate branches, hidden messages and reasoning (`--all`).
  bool include_all = false;
  // At most this many hits per conversation (0 = no limit), so that one long conversation
  // does not fill the page; the conversation copy (source, account, id) is the collapse key.
  int per_conversation = 0;
  // Count the matches by model and by year (the JSON output and `afterglow serve` show them;
  // the text output does not, and is faster without: see docs/PERFORMANCE.md).
  bool facets = true;
};

// Snippets mark the matched text between these two bytes; neither occurs in message text
// (control characters are replaced by spaces in snippets).
inline constexpr char kMarkStart = '\x01';
inline constexpr char kMarkEnd = '\x02';
// The snippet without its marks.
std::string plain_snippet(std::string_view marked);

struct Hit {
  std::string conversation;
  std::string node;
  // Which copy of the conversation (store::ConversationKey): two accounts may hold one id.
  std::string source;
  std::string account;
  std::string title;
  model::Timestamp create_time;
  std::string role;
  std::string model;
  std::string snippet;  // with kMarkStart/kMarkEnd around matches
  double score = 0;     // engine-specific; higher is better
  bool branch = false;  // on an alternate branch, not the displayed thread
  bool hidden = false;  // hidden message or reasoning
};

struct FacetCount {
  std::string value;
  int64_t count = 0;
};

struct Results {
  std::vector<Hit> hits;
  int64_t total = 0;  // estimated number of matching messages (after collapsing)
  std::vector<FacetCount> facets_by_model;  // most frequent first
  std::vector<FacetCount> facets_by_year;   // local years, ascending
  std::string did_you_mean;  // a corrected query when few results came back, else empty
  // True when there were too many matches to count them all quickly: the facet counts are then
  // extrapolated from a sample of the best matches.
  bool facets_estimated = false;
};

class Index {
 public:
  virtual ~Index() = default;
  virtual Engine engine() const = 0;
  // The highest message seq this index has seen (0 when empty).
  virtual int64_t last_seq() const = 0;
  // Adds or replaces the document of (source, account, conversation, node).
  virtual void add(const Document& document) = 0;
  // Makes everything added durable, recording `seq` as seen.
  virtual void commit(int64_t seq) = 0;
  // Drops every document (for a rebuild).
  virtual void clear() = 0;
  virtual Results search(const Query& query, const SearchOptions& options) const = 0;
};

// Another process holds the index open for writing (an import, or a search bringing the index
// up to date). Whoever holds it brings the index up to date; the caller need not.
class IndexBusy : public ArchiveError {
 public:
  using ArchiveError::ArchiveError;
};

// The Xapian folder of an archive: "<archive>.xapian".
std::filesystem::path xapian_path(const std::filesystem::path& archive);

// Removes the Xapian folder of an archive file that does not exist yet: a folder left behind by
// a deleted archive at the same path would otherwise pass for the new archive's index (its
// sequence numbers start again from 1). A folder that is not a search index is left alone.
void forget_xapian_index(const std::filesystem::path& archive);

// Where the Xapian engine reads a hit's text to make its snippet: the index keeps no copy of
// the text, the archive has it (store::Archive::message_text). nullopt: no such message.
using TextSource = std::function<std::optional<std::string>(
    const store::ConversationKey& conversation, const std::string& node)>;

// Opens (writable: creates) a Xapian index folder. Throws ArchiveError when it cannot be opened
// or was written by an incompatible schema, IndexBusy when another process is writing it.
// Searches make snippets from `text` (none without it).
std::unique_ptr<Index> open_xapian_index(const std::filesystem::path& folder, bool writable,
                                         TextSource text = {});
// The FTS5 index inside an open SQLite archive connection (Archive::database()); writable
// creates its tables. Its failures are the connection's: "<archive>: cannot write: the disk is
// full" and the like.
std::unique_ptr<Index> open_fts5_index(store::Database& db, bool writable);

}  // namespace afterglow::indexer
