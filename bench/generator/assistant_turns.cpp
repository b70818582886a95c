// What the assistant sends back: markdown answers, spoken answers, and the hidden reasoning of
// thinking models.
#include "generator/ids.h"
#include "generator/markdown_answer.h"
#include "generator/turns.h"

namespace afterglow::bench {

int add_answer(ConversationState& s, int parent) {
  s.text.clear();
  const TextStyle style = s.style();
  append_markdown_answer(s.rng, style, answer_length(s.rng, style.language), s.text);
  const int node = s.open_message(parent, Role::assistant, {}, s.advance(6, 0.9));
  s.text_content(s.text);
  MessageTail tail;
  tail.end_turn = true;
  tail.channel = s.modern ? "final" : "";
  const bool interrupted = s.rng.chance(0.01);
  if (interrupted) tail.status = "finished_partial_completion";
  s.close_message(node, tail, [&](JsonOut& j) {
    if (interrupted) {
      j.key("finish_details").begin_object().key("type").string("interrupted");
      j.key("reason").string("client_stopped").end_object();
    }
    s.assistant_metadata(j, node, !interrupted);
  });
  return node;
}

int add_voice_answer(ConversationState& s, int parent) {
  s.text.clear();
  append_paragraph(s.rng, s.style(), static_cast<int>(s.rng.between(1, 4)), s.text);
  const std::string pointer_id = sediment_id(s.rng);
  const std::uint64_t seed = s.rng.next();
  const std::size_t bytes = wav_file(seed).size();
  if (s.rng.chance(0.9)) {
    const std::string name = pointer_id + "-" + random_uuid(s.rng) + ".wav";
    s.register_asset(pointer_id, s.conversation_id + "/audio/" + name, name, MediaKind::wav, seed);
  }
  const Micros when = s.advance(2, 0.5);
  const int node = s.open_message(parent, Role::assistant, {}, when);
  JsonOut& j = s.json;
  j.begin_object().key("content_type").string("multimodal_text").key("parts").begin_array();
  j.begin_object().key("content_type").string("audio_transcription").key("text").string(s.text);
  j.key("direction").string("out").key("decoding_id").null().end_object();
  j.begin_object()
      .key("expiry_datetime")
      .string(iso_datetime(when + 30LL * 86400 * dates::kSecond));
  j.key("content_type").string("audio_asset_pointer");
  j.key("asset_pointer").string("sediment://" + pointer_id);
  j.key("size_bytes").integer(static_cast<std::int64_t>(bytes)).key("format").string("wav");
  j.key("metadata").begin_object().key("start_timestamp").null().key("end_timestamp").null();
  j.key("interruptions").null().key("original_audio_source").null();
  j.key("start").fixed(0, 1).key("end").fixed(static_cast<std::int64_t>(bytes / 160), 2);
  j.end_object().key("tool_audio_direction").null().end_object();
  j.end_array().end_object();
  MessageTail tail;
  tail.end_turn = true;
  tail.channel = s.modern ? "final" : "";
  s.close_message(node, tail, [&](JsonOut& meta) {
    meta.key("voice_mode_message").boolean(true);
    s.assistant_metadata(meta, node, true);
  });
  return node;
}

int add_reasoning(ConversationState& s, int parent) {
  const TextStyle style = s.style();
  const Micros started = s.clock;
  const int thoughts = s.open_message(parent, Role::assistant, {}, s.advance(1, 0.5));
  JsonOut& j = s.json;
  j.begin_object().key("content_type").string("thoughts").key("thoughts").begin_array();
  for (std::int64_t i = s.rng.between(1, 5); i > 0; --i) {
    s.text.clear();
    append_phrase(s.rng, style, s.text);
    j.begin_object().key("summary").string(s.text);
    s.text.clear();
    append_paragraph(s.rng, style, static_cast<int>(s.rng.between(2, 6)), s.text);
    j.key("content").string(s.text).key("chunks").begin_array().end_array();
    j.key("finished").boolean(true).end_object();
  }
  j.end_array().key("source_analysis_msg_id").string(random_uuid(s.rng)).end_object();
  MessageTail thinking;
  thinking.end_turn = false;
  thinking.channel = s.modern ? "analysis" : "";
  s.close_message(thoughts, thinking, [&](JsonOut& meta) {
    meta.key("reasoning_status").string("is_reasoning");
    s.assistant_metadata(meta, thoughts, false);
  });

  const Micros ended = s.advance(14, 0.9);
  const long long seconds = (ended - started) / dates::kSecond;
  const int recap = s.open_message(thoughts, Role::assistant, {}, ended);
  const std::string label = is_chinese(style.language)
                                ? "已思考 " + std::to_string(seconds) + " 秒"
                                : "Thought for " + std::to_string(seconds) + "s";
  j.begin_object().key("content_type").string("reasoning_recap").key("content").string(label);
  j.end_object();
  s.close_message(recap, thinking, [&](JsonOut& meta) {
    meta.key("reasoning_status").string("reasoning_ended");
    meta.key("finished_duration_sec").integer(seconds);
    s.assistant_metadata(meta, recap, false);
  });
  return recap;
}

}  // namespace afterglow::bench
