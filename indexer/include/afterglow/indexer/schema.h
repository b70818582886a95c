// The search schema, defined once: every query field and every Xapian prefix and value slot.
// The query parser, both engines, the metadata written into the Xapian database and the help
// of `afterglow search` are all derived from this table.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>

#include "afterglow/i18n/translate.h"

namespace afterglow::indexer {

// Xapian value slots. Numbers are part of the on-disk format (docs/FORMAT.md): never renumber,
// only add.
enum Slot : int {
  kNoSlot = -1,
  kSlotTime = 0,          // create_time, sortable_serialise(epoch seconds)
  kSlotConversation = 1,  // conversation id: the collapse key
  kSlotModel = 2,         // model slug, for the model facet
};

// How a row of the schema is matched.
enum class FieldKind {
  text,          // free text, analysed like the message body (title:)
  keyword,       // exact value, '|' for alternatives, trailing '*' for a prefix (model:, role:)
  flag,          // one of a fixed set of values (has:)
  conversation,  // a conversation id or a prefix of one (in:)
  date_after,    // on or after a local date (after:)
  date_before,   // before a local date (before:)
  date_on,       // within a local year, month or day (date:)
  keepsake,      // the person's keepsakes (is:starred): read from the archive when the query
                 // runs, never stored in an index, so that starring needs no reindexing
  project,       // the ChatGPT project (project:) or custom GPT (gpt:) of the conversation, by
                 // id or name: read from the archive when the query runs, so that a name a newer
                 // export gives or changes needs no reindexing
  internal,      // not a query field: bookkeeping terms and slots
};

struct Field {
  std::string_view name;    // the query field ("model" for model:); internal rows name the term
  std::string_view prefix;  // Xapian term prefix; empty when the field uses a value slot
  int slot;                 // Xapian value slot, or kNoSlot
  FieldKind kind;
  std::string_view example;  // a query that uses it
  std::string_view help;     // one line for --help and docs, in English (N_: translated there)
};

using i18n::N_;  // marks the help of the query fields for translation (po/)

inline constexpr std::array<Field, 18> kSchema{{
    {"", "", kNoSlot, FieldKind::internal, "pressure", "message text (words, CJK n-grams)"},
    {"stem", "Z", kNoSlot, FieldKind::internal, "running", "English stems of message words"},
    {"title", "S", kNoSlot, FieldKind::text, "title:asimov", N_("words of the conversation title")},
    {"model", "XM", kSlotModel, FieldKind::keyword, "model:gpt-4o",
     N_("the model that wrote the message (gpt-4* for a prefix)")},
    {"role", "XR", kNoSlot, FieldKind::keyword, "role:user|assistant",
     N_("who wrote it: user, assistant, tool or system")},
    {"source", "XS", kNoSlot, FieldKind::keyword, "source:chatgpt", N_("the service it came from")},
    {"account", "XA", kNoSlot, FieldKind::keyword, "account:user-abc", N_("the account id")},
    {"has", "XH", kNoSlot, FieldKind::flag, "has:image|audio|code|branch",
     N_("messages with an image, audio or code; conversations with alternate branches")},
    {"in", "G", kSlotConversation, FieldKind::conversation, "in:6650f2b1",
     N_("within one conversation (its id or a prefix of it)")},
    {"is", "", kNoSlot, FieldKind::keepsake, "is:starred",
     N_("messages you starred (afterglow star)")},
    {"project", "", kNoSlot, FieldKind::project, "project:\"balcony garden\"",
     N_("conversations of a ChatGPT project: its id (g-p-…) or words of its name")},
    {"gpt", "", kNoSlot, FieldKind::project, "gpt:g-abc123",
     N_("conversations with a custom GPT: its id (g-…) or words of its name")},
    {"after", "", kSlotTime, FieldKind::date_after, "after:2024-05-13",
     N_("written on or after this local date (YYYY, YYYY-MM or YYYY-MM-DD)")},
    {"before", "", kSlotTime, FieldKind::date_before, "before:2025",
     N_("written before this local date (YYYY, YYYY-MM or YYYY-MM-DD)")},
    {"date", "", kSlotTime, FieldKind::date_on, "date:2024-05",
     N_("written within this local year, month or day")},
    {"id", "Q", kNoSlot, FieldKind::internal, "", "unique id: <conversation>/<node>"},
    {"kind", "XK", kNoSlot, FieldKind::internal, "",
     "message kind (normal, reasoning, tool_call...)"},
    {"calendar", "XT", kNoSlot, FieldKind::internal, "",
     "UTC year, month and day of the create time (YYYY, YYYY-MM, YYYY-MM-DD), for date filters"},
}};

// The values has: accepts.
inline constexpr std::array<std::string_view, 4> kHasValues{"image", "audio", "code", "branch"};
// The values is: accepts.
inline constexpr std::array<std::string_view, 1> kIsValues{"starred"};

// The row of a query field by name, or nullptr (internal rows are not found).
const Field* find_field(std::string_view name);
// The row for a name, internal rows included; throws std::logic_error when absent.
const Field& schema_row(std::string_view name);

// The schema as text, one "name<TAB>prefix<TAB>slot<TAB>kind<TAB>help" line per row: written into
// the Xapian database so that it describes itself. Keepsake and project rows are left out: the
// index holds nothing of them.
std::string schema_description();

// The query language for --help: syntax, then one line per field with an example. `words` gives
// each English sentence in the reader's language; without it the help is in English.
std::string query_help(const std::function<std::string(const char*)>& words = {});

}  // namespace afterglow::indexer
