#include "document_terms.h"

namespace afterglow::indexer {

std::string conversation_key(const Document& document) {
  return document.source + "/" + document.account + "/" + document.conversation_id;
}

std::string message_key(const Document& document) {
  return conversation_key(document) + "/" + document.node_id;
}

bool hidden_for_search(const Document& document) {
  return document.hidden || document.kind == "reasoning";
}

bool visible_by_default(const Document& document) {
  return document.on_thread && !hidden_for_search(document);
}

std::vector<std::string> has_values(const Document& document) {
  std::vector<std::string> out;
  if (document.has_image) out.emplace_back("image");
  if (document.has_audio) out.emplace_back("audio");
  if (document.has_code) out.emplace_back("code");
  if (document.conversation_has_branches) out.emplace_back("branch");
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace afterglow::indexer
