// A message as a Xapian document: its terms, boolean filter terms, value slots and the small
// data record a hit shows. Written by the shard writers, read back by the search.
#pragma once

#include <xapian.h>

#include <string>

#include "afterglow/indexer/index.h"

namespace afterglow::indexer {

// The unique id term of a message ("Q" + message_key()): replace_document() keys on it.
std::string id_term(const Document& d);
// The same for a message's key, "<conversation>/<node>".
std::string message_id_term(std::string_view key);
// The messages of one conversation copy: its id term with its source and account terms (a
// copy of an account without an id is the one with no account term).
Xapian::Query conversation_copy_query(std::string_view source, std::string_view account,
                                      std::string_view conversation_id);

// Builds the document for `d` with `generator` (set up by setup_generator()); the English
// words it holds are added to `db`'s spelling data.
Xapian::Document make_document(const Document& d, Xapian::TermGenerator& generator,
                               Xapian::WritableDatabase& db);

// English stemming (Xapian's STEM_SOME) and CJK n-grams, like make_leaf_parser() on the query
// side.
void setup_generator(Xapian::TermGenerator& generator);

// What a hit shows, read back from a document's data.
struct StoredFields {
  std::string conversation, node, title, time, role, model, flags, source, account;
};
StoredFields decode_stored_fields(const std::string& data);

}  // namespace afterglow::indexer
