// Plain value types for one conversation as afterglow keeps it. No I/O here: the importer
// fills these from an export, the store saves and loads them, the viewer renders them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace afterglow::model {

// UTC seconds since the epoch, with the export's fraction; absent when the export has null.
using Timestamp = std::optional<double>;

enum class AttachmentKind { image, audio, video, file };

const char* to_string(AttachmentKind kind);
AttachmentKind attachment_kind_from_string(const std::string& name);

// A file a message points at: an upload, a generated image, a voice clip.
struct Attachment {
  AttachmentKind kind = AttachmentKind::file;
  std::string pointer;  // as written in the export: "file-service://file-abc",
                        // "sediment://file_0a..", or a name
  std::string file_id;  // the pointer without its scheme: "file-abc", "file_0a.."
  std::string name;     // original file name when the export tells it
  std::string mime;     // best known MIME type (metadata, then name, then first bytes)
  int64_t size = -1;    // bytes; -1 when unknown
  int width = 0;
  int height = 0;
  double duration = 0;  // seconds, for audio and video when known
  // Set once the bytes are found: the export member they came from and their SHA-256 (hex).
  // Both empty means the export did not contain the file ("unavailable"), which is common.
  std::string member;
  std::string sha256;

  bool available() const { return !sha256.empty(); }
};

// One source a message cites: a web page from browsing or search.
struct Citation {
  int number = 0;  // 1-based footnote number within the message
  std::string title;
  std::string url;
  std::string snippet;
};

// What a message is, beyond its role. Decides how it is shown and whether it is hidden.
enum class MessageKind {
  normal,               // a turn of the visible dialogue
  system,               // system prompt or an empty internal node
  custom_instructions,  // user_editable_context / is_user_system_message
  memory,               // model_editable_context, and bio tool traffic
  tool_call,            // assistant -> tool (recipient other than "all")
  tool_result,          // role tool: browsing output, code output, search results...
  reasoning,            // thoughts, reasoning_recap, analysis channel
  image_generation,     // dalle / gpt-4o image tool output carrying images
  canvas,               // canmore.* documents
};

const char* to_string(MessageKind kind);
MessageKind message_kind_from_string(const std::string& name);

struct Message {
  std::string role;          // system | user | assistant | tool (as in the export)
  std::string author_name;   // e.g. "browser", "python", "dalle.text2im"; empty when null
  std::string recipient;     // "all" or a tool name
  std::string channel;       // "final", "analysis", "commentary" or empty
  std::string content_type;  // the export's content.content_type, kept verbatim (unknown ones too)
  std::string status;
  std::string model;  // metadata.model_slug, empty when absent
  Timestamp create_time;
  Timestamp update_time;
  double weight = 1.0;
  bool end_turn = false;
  MessageKind kind = MessageKind::normal;
  bool hidden = false;  // not part of the displayed dialogue by default (shown with --all)
  bool is_voice = false;
  bool unknown_content = false;  // content_type not understood: text holds the raw content JSON

  // Displayed text as Markdown: citations already turned into links, private-use markers removed.
  // For code content this is the code itself and `language` names it.
  std::string text;
  std::string language;
  std::vector<Attachment> attachments;
  std::vector<Citation> citations;
  // The person's rating of this answer ("up", "down"), from the archive's message_feedback;
  // empty when none was given. Not part of the message as exported.
  std::string feedback;

  // The message object exactly as it stood in the export (JSON), so nothing is lost.
  std::string raw_json;
};

// A node of the conversation tree. Root nodes and some placeholders carry no message.
struct Node {
  std::string id;
  std::string parent;  // empty for a root
  std::vector<std::string> children;
  std::optional<Message> message;
};

struct Conversation {
  std::string source = "chatgpt";  // which service it came from
  std::string id;                  // the export's conversation id
  std::string title;               // may be empty (null in the export)
  Timestamp create_time;
  Timestamp update_time;
  std::string current_node;  // leaf of the displayed thread; may be empty or dangling
  std::string model;         // default_model_slug
  bool is_archived = false;
  bool is_starred = false;
  std::string gizmo_id;
  std::vector<Node> nodes;  // every node of the mapping, in export order

  // Conversation fields other than "mapping", exactly as exported (a JSON object).
  std::string meta_json;
  // The whole conversation element as exported; used for change detection and kept raw for
  // conversations that could not be parsed.
  std::string raw_json;
};

}  // namespace afterglow::model
