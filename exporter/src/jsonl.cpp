#include "afterglow/exporter/jsonl.h"

#include "afterglow/model/tree.h"

namespace afterglow::exporter {
namespace {

using Json = nlohmann::ordered_json;

Json time_or_null(const model::Timestamp& t) { return t ? Json(*t) : Json(nullptr); }
Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json attachment_json(const model::Attachment& a) {
  Json j;
  j["kind"] = model::to_string(a.kind);
  j["file_id"] = text_or_null(a.file_id);
  j["name"] = text_or_null(a.name);
  j["mime"] = text_or_null(a.mime);
  j["size"] = a.size < 0 ? Json(nullptr) : Json(a.size);
  j["width"] = a.width > 0 ? Json(a.width) : Json(nullptr);
  j["height"] = a.height > 0 ? Json(a.height) : Json(nullptr);
  j["duration"] = a.duration > 0 ? Json(a.duration) : Json(nullptr);
  j["sha256"] = text_or_null(a.sha256);
  return j;
}

Json citation_json(const model::Citation& c) {
  Json j;
  j["number"] = c.number;
  j["title"] = text_or_null(c.title);
  j["url"] = text_or_null(c.url);
  return j;
}

}  // namespace

Json jsonl_record(const store::StoredConversation& stored, size_t node_index, bool on_thread) {
  const auto& c = stored.conversation;
  const auto& node = c.nodes[node_index];
  Json j;
  j["conversation_id"] = c.id;
  j["conversation_title"] = text_or_null(c.title);
  j["source"] = c.source;
  j["node_id"] = node.id;
  j["parent"] = text_or_null(node.parent);
  j["on_thread"] = on_thread;
  const auto* m = node.message ? &*node.message : nullptr;
  j["role"] = m ? text_or_null(m->role) : Json(nullptr);
  j["author_name"] = m ? text_or_null(m->author_name) : Json(nullptr);
  j["recipient"] = m ? text_or_null(m->recipient) : Json(nullptr);
  // The message's model, else the conversation's (user turns carry none), as search does.
  j["model"] = m ? text_or_null(m->model.empty() ? c.model : m->model) : Json(nullptr);
  j["create_time"] = m ? time_or_null(m->create_time) : Json(nullptr);
  j["update_time"] = m ? time_or_null(m->update_time) : Json(nullptr);
  j["content_type"] = m ? text_or_null(m->content_type) : Json(nullptr);
  j["kind"] = m ? Json(model::to_string(m->kind)) : Json(nullptr);
  j["hidden"] = m ? m->hidden : true;
  j["text"] = m ? Json(m->text) : Json(nullptr);
  j["language"] = m ? text_or_null(m->language) : Json(nullptr);
  Json attachments = Json::array();
  Json citations = Json::array();
  if (m) {
    for (const auto& a : m->attachments) attachments.push_back(attachment_json(a));
    for (const auto& cite : m->citations) citations.push_back(citation_json(cite));
  }
  j["attachments"] = std::move(attachments);
  j["citations"] = std::move(citations);
  return j;
}

size_t write_jsonl(std::ostream& out, const store::StoredConversation& stored) {
  model::Tree tree(stored.conversation);
  const auto& nodes = stored.conversation.nodes;
  for (size_t i = 0; i < nodes.size(); ++i) {
    // Invalid UTF-8 from a damaged export is replaced rather than refused: the line stays JSON.
    out << jsonl_record(stored, i, tree.on_thread(i))
               .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << '\n';
  }
  return nodes.size();
}

}  // namespace afterglow::exporter
