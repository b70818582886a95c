// What the user sends: typed questions (sometimes long pastes), uploaded images, voice.
#include <array>

#include "generator/code_snippets.h"
#include "generator/ids.h"
#include "generator/turns.h"

namespace afterglow::bench {

namespace {

using namespace std::string_view_literals;

std::string upload_name(ConversationState& s) {
  switch (s.rng.below(5)) {
    case 0:
      return "IMG_" + std::to_string(s.rng.between(1000, 9999)) + ".png";
    case 1: {
      std::string uuid = random_uuid(s.rng);
      for (char& c : uuid) {
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 32);
      }
      return uuid + ".png";
    }
    case 2:
      return "Screenshot " + iso_datetime(s.clock).substr(0, 10) + " at 10.15.32.png";
    case 3:
      return "image.png";
    default:
      return "photo_" + std::to_string(s.rng.between(1, 99)) + ".png";
  }
}

void append_user_text(ConversationState& s, const TextStyle& style, std::string& out) {
  const double roll = s.rng.unit();
  append_question(s.rng, style, out);
  if (roll < 0.03) {  // a long paste: code or a document to work on
    out.append(is_chinese(style.language) ? "\n\n" : "\n\nHere it is:\n\n");
    if (style.topic->code_heavy) {
      const auto language = pick_code_language(s.rng, style);
      out.append("```").append(language).push_back('\n');
      append_code(s.rng, style, language, static_cast<int>(s.rng.between(10, 80)), out);
      out.append("\n```");
    } else {
      for (std::int64_t i = s.rng.between(3, 12); i > 0; --i) {
        append_paragraph(s.rng, style, static_cast<int>(s.rng.between(3, 7)), out);
        out.append("\n\n");
      }
    }
  } else if (roll < 0.15) {
    out.push_back(is_chinese(style.language) ? '\n' : ' ');
    append_paragraph(s.rng, style, static_cast<int>(s.rng.between(1, 4)), out);
  }
}

}  // namespace

ImageFile make_image_file(ConversationState& s) {
  ImageFile image;
  image.pointer_id = s.modern ? sediment_id(s.rng) : file_service_id(s.rng);
  image.seed = s.rng.next();
  const PngSize size = png_size(image.seed);
  image.width = size.width;
  image.height = size.height;
  image.size_bytes = png_file(image.seed).size();
  return image;
}

void write_image_pointer(ConversationState& s, const ImageFile& image,
                         std::string_view dalle_prompt) {
  JsonOut& j = s.json;
  j.begin_object().key("content_type").string("image_asset_pointer");
  j.key("asset_pointer").string((s.modern ? "sediment://" : "file-service://") + image.pointer_id);
  j.key("size_bytes").integer(static_cast<std::int64_t>(image.size_bytes));
  j.key("width").integer(image.width).key("height").integer(image.height);
  j.key("fovea").null().key("metadata");
  if (dalle_prompt.empty() && !s.modern) {
    j.null();
  } else {
    j.begin_object().key("dalle");
    if (dalle_prompt.empty()) {
      j.null();
    } else {
      j.begin_object().key("gen_id").string(random_base62(s.rng, 16));
      j.key("prompt").string(dalle_prompt).key("seed").integer(s.rng.between(1, 1 << 30));
      j.key("parent_gen_id").null().key("edit_op").null();
      j.key("serialization_title").string("DALL-E generation metadata").end_object();
    }
    j.key("gizmo").null().key("generation").null().key("container_pixel_height").null();
    j.key("container_pixel_width").null().key("emu_omit_glimpse_image").null();
    j.key("sanitized").boolean(dalle_prompt.empty()).end_object();
  }
  j.end_object();
}

int add_user_text(ConversationState& s, int parent) {
  s.text.clear();
  append_user_text(s, s.style(), s.text);
  const int node = s.open_message(parent, Role::user, {}, s.advance(45, 1.2));
  s.text_content(s.text);
  s.close_message(node, MessageTail{}, [&](JsonOut& j) { s.user_metadata(j); });
  return node;
}

int add_user_images(ConversationState& s, int parent) {
  const auto count = s.rng.between(1, 3);
  std::vector<ImageFile> images;
  std::vector<std::string> names;
  for (std::int64_t i = 0; i < count; ++i) {
    images.push_back(make_image_file(s));
    names.push_back(upload_name(s));
    if (s.rng.chance(0.85)) {  // the rest expired: pointers without a file
      s.register_asset(images.back().pointer_id, images.back().pointer_id + "-" + names.back(),
                       names.back(), MediaKind::png, images.back().seed);
    }
  }
  s.text.clear();
  append_user_text(s, s.style(), s.text);
  const int node = s.open_message(parent, Role::user, {}, s.advance(60, 1.0));
  s.json.begin_object().key("content_type").string("multimodal_text").key("parts").begin_array();
  for (const auto& image : images) write_image_pointer(s, image, {});
  s.json.string(s.text).end_array().end_object();
  s.close_message(node, MessageTail{}, [&](JsonOut& j) {
    j.key("attachments").begin_array();
    for (std::size_t i = 0; i < images.size(); ++i) {
      j.begin_object().key("id").string(images[i].pointer_id);
      j.key("size").integer(static_cast<std::int64_t>(images[i].size_bytes));
      j.key("name").string(names[i]).key("mime_type").string("image/png");
      j.key("width").integer(images[i].width).key("height").integer(images[i].height);
      j.end_object();
    }
    j.end_array();
    s.user_metadata(j);
  });
  return node;
}

int add_user_voice(ConversationState& s, int parent) {
  s.text.clear();
  const TextStyle style = s.style();
  append_question(s.rng, style, s.text);
  const std::string pointer_id = sediment_id(s.rng);
  const std::uint64_t seed = s.rng.next();
  const std::size_t bytes = wav_file(seed).size();
  if (s.rng.chance(0.9)) {
    const std::string name = pointer_id + "-" + random_uuid(s.rng) + ".wav";
    s.register_asset(pointer_id, s.conversation_id + "/audio/" + name, name, MediaKind::wav, seed);
  }
  const Micros when = s.advance(8, 0.8);
  const int node = s.open_message(parent, Role::user, {}, when);
  JsonOut& j = s.json;
  j.begin_object().key("content_type").string("multimodal_text").key("parts").begin_array();
  j.begin_object().key("content_type").string("audio_transcription").key("text").string(s.text);
  j.key("direction").string("in").key("decoding_id").null().end_object();
  j.begin_object().key("content_type").string("real_time_user_audio_video_asset_pointer");
  j.key("expiry_datetime").string(iso_datetime(when + 30LL * 86400 * dates::kSecond));
  j.key("frames_asset_pointers").begin_array().end_array();
  j.key("video_container_asset_pointer").null().key("audio_asset_pointer").begin_object();
  j.key("expiry_datetime").string(iso_datetime(when + 30LL * 86400 * dates::kSecond));
  j.key("content_type").string("audio_asset_pointer");
  j.key("asset_pointer").string("sediment://" + pointer_id);
  j.key("size_bytes").integer(static_cast<std::int64_t>(bytes)).key("format").string("wav");
  j.key("metadata").begin_object().key("start_timestamp").null().key("end_timestamp").null();
  j.key("interruptions").null().key("original_audio_source").null();
  j.key("start").fixed(0, 1).key("end").fixed(static_cast<std::int64_t>(bytes / 160), 2);
  j.end_object().end_object();
  j.key("audio_start_timestamp").fixed(s.rng.between(100, 900), 2).end_object();
  j.end_array().end_object();
  s.close_message(node, MessageTail{}, [&](JsonOut& meta) {
    meta.key("voice_mode_message").boolean(true);
    meta.key("real_time_audio_has_video").boolean(false);
    s.user_metadata(meta);
  });
  return node;
}

}  // namespace afterglow::bench
