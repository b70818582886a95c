#include "message_content.h"

#include <string_view>

#include "json_text.h"
#include "number_checks.h"

namespace afterglow::importer {

using model::Attachment;
using model::AttachmentKind;
using model::Message;

std::string pointer_file_id(std::string_view pointer) {
  size_t scheme = pointer.find("://");
  if (scheme != std::string_view::npos) pointer.remove_prefix(scheme + 3);
  return std::string(pointer);
}

namespace {

// What an export may claim for a file's bytes (2^53: a double holds every count up to it) and an
// image's side in pixels; beyond them the number is a hostile or broken one, kept as unknown.
constexpr int64_t kMaxBytes = int64_t{1} << 53;
constexpr int64_t kMaxPixels = 1 << 20;

void append_piece(std::string& text, std::string_view piece) {
  if (piece.empty()) return;
  if (!text.empty()) text += "\n\n";
  text += piece;
}

void join_lines(std::string& text, std::string_view piece) {
  if (!text.empty()) text += '\n';
  text += piece;
}

Attachment& add_pointer(Message& message, AttachmentKind kind, const std::string& pointer) {
  std::string id = pointer_file_id(pointer);
  for (auto& existing : message.attachments) {
    if (!id.empty() && existing.file_id == id) return existing;
  }
  Attachment attachment;
  attachment.kind = kind;
  attachment.pointer = pointer;
  attachment.file_id = id;
  message.attachments.push_back(std::move(attachment));
  return message.attachments.back();
}

void read_size(Json part, Attachment& attachment) {
  if (auto size = whole_number(number_field(part, "size_bytes"), kMaxBytes))
    attachment.size = *size;
  if (auto width = whole_number(number_field(part, "width"), kMaxPixels)) {
    attachment.width = static_cast<int>(*width);
  }
  if (auto height = whole_number(number_field(part, "height"), kMaxPixels)) {
    attachment.height = static_cast<int>(*height);
  }
}

bool is_generated(Json image_part) {
  auto metadata = field(image_part, "metadata");
  if (!metadata) return false;
  auto dalle = field(*metadata, "dalle");
  auto generation = field(*metadata, "generation");
  return (dalle && dalle->is_object()) || (generation && generation->is_object());
}

void add_audio(Json part, Message& message) {
  std::string pointer = text_field(part, "asset_pointer");
  if (pointer.empty()) return;
  Attachment& audio = add_pointer(message, AttachmentKind::audio, pointer);
  read_size(part, audio);
  std::string format = text_field(part, "format");
  if (!format.empty() && audio.mime.empty()) audio.mime = "audio/" + format;
  if (auto meta = field(part, "metadata")) {
    auto start = number_field(*meta, "start");
    auto end = number_field(*meta, "end");
    // The difference of two huge numbers may be infinite: drop_unrepresentable_times checks it.
    if (start && end && *end > *start) audio.duration = *end - *start;
  }
}

// One part of a multimodal_text (or a content object of the same shape).
void read_part(Json part, Message& message, ContentFacts& facts) {
  std::string_view string_part;
  if (!part.get(string_part)) {
    append_piece(message.text, string_part);
    return;
  }
  std::string type = text_field(part, "content_type");
  if (type == "image_asset_pointer") {
    std::string pointer = text_field(part, "asset_pointer");
    if (pointer.empty()) return;
    Attachment& image = add_pointer(message, AttachmentKind::image, pointer);
    read_size(part, image);
    facts.generated_image = facts.generated_image || is_generated(part);
  } else if (type == "audio_transcription") {
    append_piece(message.text, text_field(part, "text"));
    message.is_voice = true;
  } else if (type == "audio_asset_pointer") {
    add_audio(part, message);
    message.is_voice = true;
  } else if (type == "real_time_user_audio_video_asset_pointer") {
    message.is_voice = true;
    if (auto audio = field(part, "audio_asset_pointer")) add_audio(*audio, message);
    if (auto video = field(part, "video_container_asset_pointer")) {
      std::string pointer = text_field(*video, "asset_pointer");
      if (!pointer.empty()) {
        Attachment& clip = add_pointer(message, AttachmentKind::video, pointer);
        read_size(*video, clip);
      }
    }
    if (auto frames = array_field(part, "frames_asset_pointers")) {
      for (auto frame : *frames) {
        std::string pointer = text_field(frame, "asset_pointer");
        if (!pointer.empty())
          read_size(frame, add_pointer(message, AttachmentKind::image, pointer));
      }
    }
  } else if (auto text = field(part, "text")) {
    append_piece(message.text, text_of(*text));
  }
}

void read_parts(Json content, Message& message, ContentFacts& facts) {
  auto parts = array_field(content, "parts");
  if (!parts) return;
  if (text_field(content, "content_type") == "text") {
    // Plain text parts are one message split up: join them as lines.
    for (auto part : *parts) {
      std::string_view piece;
      if (!part.get(piece)) {
        join_lines(message.text, piece);
      } else {
        read_part(part, message, facts);
      }
    }
    return;
  }
  for (auto part : *parts) read_part(part, message, facts);
}

void read_thoughts(Json content, Message& message) {
  auto thoughts = array_field(content, "thoughts");
  if (!thoughts) return;
  for (auto thought : *thoughts) {
    std::string summary = text_field(thought, "summary");
    std::string body = text_field(thought, "content");
    std::string piece =
        summary.empty() ? body : "**" + summary + "**" + (body.empty() ? "" : "\n\n" + body);
    append_piece(message.text, piece);
  }
}

// "[Title](url)" when there is a URL, else the title alone.
std::string titled_link(Json content) {
  std::string title = text_field(content, "title");
  std::string url = text_field(content, "url");
  if (url.empty()) return title;
  return "[" + (title.empty() ? url : title) + "](" + url + ")";
}

}  // namespace

ContentFacts read_content(Json content, Message& message) {
  ContentFacts facts;
  const std::string type = message.content_type;
  if (type == "text" || type == "multimodal_text") {
    read_parts(content, message, facts);
  } else if (type == "code") {
    message.text = text_field(content, "text");
    message.language = text_field(content, "language");
    if (message.language == "unknown") message.language.clear();
  } else if (type == "execution_output") {
    message.text = text_field(content, "text");
  } else if (type == "tether_browsing_display") {
    append_piece(message.text, text_field(content, "result"));
    append_piece(message.text, text_field(content, "summary"));
  } else if (type == "tether_quote" || type == "sonic_webpage") {
    append_piece(message.text, titled_link(content));
    append_piece(message.text, text_field(content, "text"));
  } else if (type == "system_error") {
    std::string name = text_field(content, "name");
    std::string text = text_field(content, "text");
    message.text = name.empty() ? text : name + ": " + text;
  } else if (type == "thoughts") {
    read_thoughts(content, message);
  } else if (type == "reasoning_recap") {
    message.text = text_field(content, "content");
  } else if (type == "user_editable_context") {
    append_piece(message.text, text_field(content, "user_profile"));
    append_piece(message.text, text_field(content, "user_instructions"));
  } else if (type == "model_editable_context") {
    message.text = text_field(content, "model_set_context");
  } else if (type == "computer_output") {
    if (auto screenshot = field(content, "screenshot")) {
      std::string pointer = text_field(*screenshot, "asset_pointer");
      if (!pointer.empty())
        read_size(*screenshot, add_pointer(message, AttachmentKind::image, pointer));
    }
  } else if (type == "image_asset_pointer" || type == "audio_transcription" ||
             type == "audio_asset_pointer" || type == "real_time_user_audio_video_asset_pointer") {
    // Normally only parts; some exports use them as the content itself.
    read_part(content, message, facts);
  } else {
    message.unknown_content = true;
    message.text = json_text(content);
  }
  return facts;
}

namespace {

AttachmentKind kind_from_mime(std::string_view mime) {
  if (starts_with(mime, "image/")) return AttachmentKind::image;
  if (starts_with(mime, "audio/")) return AttachmentKind::audio;
  if (starts_with(mime, "video/")) return AttachmentKind::video;
  return AttachmentKind::file;
}

void read_aggregate_images(Json metadata, Message& message) {
  auto aggregate = field(metadata, "aggregate_result");
  if (!aggregate) return;
  if (auto messages = array_field(*aggregate, "messages")) {
    for (auto item : *messages) {
      if (text_field(item, "message_type") != "image") continue;
      std::string url = text_field(item, "image_url");
      if (!url.empty()) add_pointer(message, AttachmentKind::image, url);
    }
  }
  if (auto jupyter = array_field(*aggregate, "jupyter_messages")) {
    for (auto item : *jupyter) {
      auto content = field(item, "content");
      auto data = content ? field(*content, "data") : std::nullopt;
      if (!data) continue;
      std::string url = text_field(*data, "image/vnd.openai.fileservice.png");
      if (!url.empty()) add_pointer(message, AttachmentKind::image, url);
    }
  }
}

}  // namespace

void read_metadata_attachments(Json metadata, Message& message) {
  read_aggregate_images(metadata, message);
  auto attachments = array_field(metadata, "attachments");
  if (!attachments) return;
  for (auto item : *attachments) {
    std::string id = text_field(item, "id");
    std::string mime = text_field(item, "mime_type");
    Attachment* target = nullptr;
    for (auto& existing : message.attachments) {
      if (!id.empty() && existing.file_id == id) target = &existing;
    }
    if (!target) {
      if (id.empty() && text_field(item, "name").empty()) continue;
      Attachment attachment;
      attachment.kind = kind_from_mime(mime);
      attachment.pointer = id;
      attachment.file_id = id;
      message.attachments.push_back(std::move(attachment));
      target = &message.attachments.back();
    }
    if (target->name.empty()) target->name = text_field(item, "name");
    if (!mime.empty()) target->mime = mime;
    if (target->size < 0) {
      if (auto size = whole_number(number_field(item, "size"), kMaxBytes)) target->size = *size;
    }
    if (target->width == 0) {
      if (auto width = whole_number(number_field(item, "width"), kMaxPixels)) {
        target->width = static_cast<int>(*width);
      }
    }
    if (target->height == 0) {
      if (auto height = whole_number(number_field(item, "height"), kMaxPixels)) {
        target->height = static_cast<int>(*height);
      }
    }
  }
}

}  // namespace afterglow::importer
