#include "xapian_document.h"

#include <charconv>
#include <vector>

#include "afterglow/indexer/schema.h"
#include "cjk.h"
#include "document_terms.h"
#include "text_normalise.h"
#include "time_terms.h"

namespace afterglow::indexer {
namespace {

// Xapian limits terms to 245 bytes; ids and slugs are far shorter, but a damaged export
// must not make indexing fail.
std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value.substr(0, 240 - prefix.size());
  return t;
}

std::string prefix_of(std::string_view field) { return std::string(schema_row(field).prefix); }

// Xapian's TermGenerator, asked for CJK n-grams with English stemming, also adds a stemmed "Z"
// twin of every CJK n-gram (the English stemmer leaves them unchanged), and with spelling on it
// offers every n-gram to the spelling table. Queries use neither: CJK query terms are never
// stemmed, and suggestions are only made for English words. The twins were a third of all
// postings, so they are taken out of each document before it is written, and the spelling table
// is given the document's English words, once per word with its count.
bool is_cjk_stem_twin(const std::string& t) {
  if (t.empty() || t[0] != 'Z') return false;
  size_t at = 1;  // past "Z" and a field prefix such as the title's "S"
  while (at < t.size() && t[at] >= 'A' && t[at] <= 'Z') ++at;
  if (at == t.size()) return false;
  return is_cjk(*Xapian::Utf8Iterator(t.data() + at, t.size() - at));
}

// An unprefixed (lower-case) term of three or more ASCII letters: what suggestions correct.
bool is_spelling_word(const std::string& t) {
  if (t.size() < 3) return false;
  for (char c : t) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

void trim_terms(Xapian::Document& doc, Xapian::WritableDatabase& db) {
  std::vector<std::string> twins;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& t = *it;
    if (is_cjk_stem_twin(t)) {
      twins.push_back(t);
    } else if (is_spelling_word(t)) {
      db.add_spelling(t, it.get_wdf());
    }
  }
  for (const auto& t : twins) doc.remove_term(t);
}

// Document data: the fields a hit shows, each as "<length>:<bytes>".
void put(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

// No text: snippets are made from the archive's copy (a sixth of the index's size otherwise).
std::string encode(const Document& d) {
  std::string out;
  put(out, d.conversation_id);
  put(out, d.node_id);
  put(out, d.title);
  put(out, d.create_time ? std::to_string(*d.create_time) : "");
  put(out, d.role);
  put(out, d.model);
  std::string flags;
  if (!d.on_thread) flags += 'b';
  if (hidden_for_search(d)) flags += 'h';
  put(out, flags);
  put(out, d.source);
  put(out, d.account);
  return out;
}

}  // namespace

std::string id_term(const Document& d) { return message_id_term(message_key(d)); }

std::string message_id_term(std::string_view key) { return term(prefix_of("id"), key); }

Xapian::Query conversation_copy_query(std::string_view source, std::string_view account,
                                      std::string_view conversation_id) {
  const std::string terms[] = {term(prefix_of("in"), conversation_id),
                               term(prefix_of("source"), lower_ascii(source))};
  Xapian::Query copy(Xapian::Query::OP_AND, std::begin(terms), std::end(terms));
  if (account.empty()) {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, copy,
                         Xapian::Query(Xapian::Query::OP_WILDCARD, prefix_of("account")));
  }
  return Xapian::Query(Xapian::Query::OP_AND, copy,
                       Xapian::Query(term(prefix_of("account"), lower_ascii(account))));
}

void setup_generator(Xapian::TermGenerator& generator) {
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  // Spelling data is added by trim_terms(), from English words only.
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

Xapian::Document make_document(const Document& d, Xapian::TermGenerator& generator,
                               Xapian::WritableDatabase& db) {
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(searchable_text(d.text));
  // A gap so that a phrase never spans the end of the text and the title.
  generator.increase_termpos(100);
  generator.index_text(searchable_text(d.title), 1, prefix_of("title"));

  doc.add_boolean_term(id_term(d));
  doc.add_boolean_term(term(prefix_of("in"), d.conversation_id));
  if (!d.model.empty()) doc.add_boolean_term(term(prefix_of("model"), lower_ascii(d.model)));
  if (!d.role.empty()) doc.add_boolean_term(term(prefix_of("role"), lower_ascii(d.role)));
  if (!d.source.empty()) doc.add_boolean_term(term(prefix_of("source"), lower_ascii(d.source)));
  if (!d.account.empty()) doc.add_boolean_term(term(prefix_of("account"), lower_ascii(d.account)));
  for (const auto& value : has_values(d)) doc.add_boolean_term(term(prefix_of("has"), value));
  if (!d.kind.empty()) doc.add_boolean_term(term(prefix_of("kind"), d.kind));
  if (d.create_time) {
    for (const auto& t : time_terms(*d.create_time)) doc.add_boolean_term(t);
  }
  trim_terms(doc, db);

  if (d.create_time) doc.add_value(kSlotTime, Xapian::sortable_serialise(*d.create_time));
  doc.add_value(kSlotConversation, conversation_key(d));
  if (!d.model.empty()) doc.add_value(kSlotModel, d.model);
  doc.set_data(encode(d));
  return doc;
}

StoredFields decode_stored_fields(const std::string& data) {
  StoredFields f;
  std::string* fields[] = {&f.conversation, &f.node,  &f.title,  &f.time,   &f.role,
                           &f.model,        &f.flags, &f.source, &f.account};
  size_t at = 0;
  for (std::string* field : fields) {
    size_t colon = data.find(':', at);
    if (colon == std::string::npos) break;
    size_t length = 0;
    std::from_chars(data.data() + at, data.data() + colon, length);
    *field = data.substr(colon + 1, length);
    at = colon + 1 + length;
  }
  return f;
}

}  // namespace afterglow::indexer
