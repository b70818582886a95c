#include "afterglow/model/conversation.h"

#include <array>
#include <string_view>
#include <utility>

namespace afterglow::model {
namespace {

// Names as stored in the archive and printed in JSON: part of the file format, never renamed.
constexpr std::array<std::pair<AttachmentKind, std::string_view>, 4> kAttachmentKinds{{
    {AttachmentKind::image, "image"},
    {AttachmentKind::audio, "audio"},
    {AttachmentKind::video, "video"},
    {AttachmentKind::file, "file"},
}};

constexpr std::array<std::pair<MessageKind, std::string_view>, 9> kMessageKinds{{
    {MessageKind::normal, "normal"},
    {MessageKind::system, "system"},
    {MessageKind::custom_instructions, "custom_instructions"},
    {MessageKind::memory, "memory"},
    {MessageKind::tool_call, "tool_call"},
    {MessageKind::tool_result, "tool_result"},
    {MessageKind::reasoning, "reasoning"},
    {MessageKind::image_generation, "image_generation"},
    {MessageKind::canvas, "canvas"},
}};

template <typename Enum, size_t N>
const char* name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name.data();
  }
  return table.front().second.data();
}

template <typename Enum, size_t N>
Enum value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
              const std::string& name, Enum fallback) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return fallback;
}

}  // namespace

const char* to_string(AttachmentKind kind) { return name_of(kAttachmentKinds, kind); }

AttachmentKind attachment_kind_from_string(const std::string& name) {
  return value_of(kAttachmentKinds, name, AttachmentKind::file);
}

const char* to_string(MessageKind kind) { return name_of(kMessageKinds, kind); }

MessageKind message_kind_from_string(const std::string& name) {
  return value_of(kMessageKinds, name, MessageKind::normal);
}

}  // namespace afterglow::model
