// The ChatGPT format: a folder holding conversations.json (an array of conversations with their
// whole `mapping`) and the attachments beside it, named "<file id>-<name>" as the official
// export names them, so that LibreChat, Open WebUI or afterglow itself can import it. A ChatGPT
// conversation is written back from what the archive kept verbatim (its fields and each
// message's JSON), every node included, also those a newer export no longer had; a conversation
// from another service is written in the same shape from its values.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "afterglow/model/errors.h"
#include "afterglow/model/file_names.h"
#include "afterglow/model/utf8_path.h"
#include "writers.h"

namespace afterglow::exporter {
namespace {

using Json = nlohmann::ordered_json;

Json time_or_null(const model::Timestamp& t) { return t ? Json(*t) : Json(nullptr); }

Json parse_object(const std::string& text) {
  if (text.empty()) return Json();
  auto j = Json::parse(text, nullptr, false);
  return j.is_object() ? j : Json();
}

// "file-service://file-abc" for an upload or generated image, "sediment://file_…" for voice.
std::string pointer_of(const model::Attachment& a) {
  if (!a.pointer.empty()) return a.pointer;
  return "file-service://" + a.file_id;
}

// A message in the export's shape, for a conversation the archive holds no ChatGPT JSON of.
Json message_json(const model::Node& node, const model::Message& m) {
  Json content;
  Json parts = Json::array();
  for (const auto& a : m.attachments) {
    if (a.kind == model::AttachmentKind::image) {
      parts.push_back({{"content_type", "image_asset_pointer"},
                       {"asset_pointer", pointer_of(a)},
                       {"size_bytes", a.size < 0 ? Json(nullptr) : Json(a.size)},
                       {"width", a.width},
                       {"height", a.height}});
    }
  }
  if (m.kind == model::MessageKind::reasoning && parts.empty()) {
    // ChatGPT writes reasoning as "thoughts": another service's thinking keeps its kind.
    content = {{"content_type", "thoughts"},
               {"thoughts", Json::array({{{"summary", ""}, {"content", m.text}}})}};
  } else if (parts.empty()) {
    content = {{"content_type", "text"}, {"parts", Json::array({m.text})}};
  } else {
    if (!m.text.empty()) parts.push_back(m.text);
    content = {{"content_type", "multimodal_text"}, {"parts", parts}};
  }
  Json attachments = Json::array();
  for (const auto& a : m.attachments) {
    if (a.kind == model::AttachmentKind::image) continue;
    attachments.push_back({{"id", a.file_id}, {"name", a.name}, {"mime_type", a.mime}});
  }
  Json metadata = Json::object();
  if (!m.model.empty()) metadata["model_slug"] = m.model;
  if (!attachments.empty()) metadata["attachments"] = attachments;
  if (m.hidden) metadata["is_visually_hidden_from_conversation"] = true;
  return {{"id", node.id},
          {"author",
           {{"role", m.role},
            {"name", m.author_name.empty() ? Json(nullptr) : Json(m.author_name)},
            {"metadata", Json::object()}}},
          {"create_time", time_or_null(m.create_time)},
          {"update_time", time_or_null(m.update_time)},
          {"content", content},
          {"status", m.status.empty() ? "finished_successfully" : m.status},
          {"end_turn", m.end_turn},
          {"weight", m.weight},
          {"metadata", metadata},
          {"recipient", m.recipient.empty() ? "all" : m.recipient},
          {"channel", m.channel.empty() ? Json(nullptr) : Json(m.channel)}};
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The conversation as one JSON text. What the archive kept of a ChatGPT export (the
// conversation's fields, each message) is copied in byte for byte rather than parsed and written
// again, so that importing the result gives back each message exactly as the export had it.
std::string conversation_json(const model::Conversation& c) {
  std::string fields;
  if (c.source == "chatgpt" && parse_object(c.meta_json).is_object()) {
    fields = c.meta_json;
  } else {
    Json j = Json::object();
    j["title"] = c.title.empty() ? Json(nullptr) : Json(c.title);
    j["create_time"] = time_or_null(c.create_time);
    j["update_time"] = time_or_null(c.update_time);
    j["current_node"] = c.current_node.empty() ? Json(nullptr) : Json(c.current_node);
    j["conversation_id"] = c.id;
    j["id"] = c.id;
    j["default_model_slug"] = c.model.empty() ? Json(nullptr) : Json(c.model);
    j["is_archived"] = c.is_archived;
    j["is_starred"] = c.is_starred;
    fields = dump(j);
  }
  std::map<std::string, std::vector<std::string>> children;
  for (const auto& node : c.nodes) {
    if (!node.parent.empty()) children[node.parent].push_back(node.id);
  }
  std::string mapping = "{";
  for (const auto& node : c.nodes) {
    std::string message = "null";
    if (node.message) {
      const bool kept = c.source == "chatgpt" && parse_object(node.message->raw_json).is_object();
      message = kept ? node.message->raw_json : dump(message_json(node, *node.message));
    }
    if (mapping.size() > 1) mapping += ",";
    mapping += dump(Json(node.id)) + ":{\"id\":" + dump(Json(node.id)) + ",\"message\":" + message +
               ",\"parent\":" + (node.parent.empty() ? "null" : dump(Json(node.parent))) +
               ",\"children\":" + dump(Json(children[node.id])) + "}";
  }
  mapping += "}";
  // The fields' closing brace gives way to the mapping.
  const size_t close = fields.find_last_of('}');
  std::string body = fields.substr(0, close);
  const size_t last = body.find_last_not_of(" \t\r\n");
  const bool empty_object = last != std::string::npos && body[last] == '{';
  return body + (empty_object ? "" : ",") + "\"mapping\":" + mapping + "}";
}

class ChatgptWriter : public ExportWriter {
 public:
  ChatgptWriter(const store::Archive& archive, const std::filesystem::path& folder)
      : archive_(archive), folder_(folder), out_(folder / "conversations.json", std::ios::binary) {
    if (!out_)
      throw Error(utf8_string(folder_ / "conversations.json") + ": cannot write this file");
    out_ << "[";
  }

  void add(const store::StoredConversation& stored) override {
    const auto& c = stored.conversation;
    out_ << (counts_.conversations == 0 ? "\n" : ",\n") << conversation_json(c);
    ++counts_.conversations;
    for (const auto& node : c.nodes) {
      if (!node.message) continue;
      if (!node.message->hidden) ++counts_.messages;
      for (const auto& a : node.message->attachments) copy(a);
    }
  }

  void finish() override {
    out_ << "\n]\n";
    out_.close();
    if (!out_) {
      throw Error(utf8_string(folder_ / "conversations.json") + ": cannot write this file",
                  ErrorCode::disk_full);
    }
    counts_.files = 1 + static_cast<int64_t>(written_.size());
  }

 private:
  // The bytes under the name the export gives them, which the pointer's file id begins; each
  // file id once.
  void copy(const model::Attachment& a) {
    if (!a.available()) {
      ++counts_.attachments_unavailable;
      return;
    }
    ++counts_.attachments_copied;
    if (a.file_id.empty() || !written_.insert(a.file_id).second) return;
    const std::string name = a.name.empty() ? "file" : a.name;
    const auto path = folder_ / utf8_path(model::safe_file_name(a.file_id + "-" + name));
    std::ofstream file(path, std::ios::binary);
    archive_.read_blob(a.sha256, [&](std::string_view chunk) {
      file.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    });
    file.close();
    if (!file) throw Error(utf8_string(path) + ": cannot write this file", ErrorCode::disk_full);
  }

  const store::Archive& archive_;
  std::filesystem::path folder_;
  std::ofstream out_;
  std::set<std::string> written_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_chatgpt_writer(const store::Archive& archive,
                                                  const std::filesystem::path& folder) {
  return std::make_unique<ChatgptWriter>(archive, folder);
}

}  // namespace afterglow::exporter
