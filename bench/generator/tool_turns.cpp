// Tool calls: Code Interpreter runs, image generation and memory updates. Each is an assistant
// message addressed to the tool (recipient != "all") followed by the tool's reply.
#include "generator/code_snippets.h"
#include "generator/ids.h"
#include "generator/turns.h"

namespace afterglow::bench {

namespace {

int add_tool_call(ConversationState& s, int parent, std::string_view recipient,
                  std::string_view language, const std::string& code) {
  const int node = s.open_message(parent, Role::assistant, {}, s.advance(3, 0.6));
  s.json.begin_object().key("content_type").string("code").key("language").string(language);
  s.json.key("response_format_name").null().key("text").string(code).end_object();
  MessageTail tail;
  tail.end_turn = false;
  tail.recipient = recipient;
  tail.channel = s.modern ? "commentary" : "";
  s.close_message(node, tail, [&](JsonOut& j) { s.assistant_metadata(j, node, true); });
  return node;
}

}  // namespace

int add_python_run(ConversationState& s, int parent) {
  const TextStyle style = s.style();
  std::string code;
  append_code(s.rng, style, "python", static_cast<int>(s.rng.between(3, 20)), code);
  const Micros call_time = s.clock;
  const int call = add_tool_call(s, parent, s.modern ? "container.exec" : "python", "python", code);

  std::string output;
  for (std::int64_t i = s.rng.between(1, 6); i > 0; --i) {
    output.append(make_identifier(s.rng, style)).append(": ");
    output.append(std::to_string(s.rng.between(0, 100000))).push_back('\n');
  }
  // Some runs draw a chart: the image lives in aggregate_result.messages.
  const bool chart = s.rng.chance(0.2);
  ImageFile image;
  if (chart) {
    image = make_image_file(s);
    if (s.rng.chance(0.8)) {
      s.register_asset(image.pointer_id, image.pointer_id + "-chart.png", "chart.png",
                       MediaKind::png, image.seed);
    }
  }
  const Micros done = s.advance(2, 0.7);
  const int reply = s.open_message(call, Role::tool, "python", done);
  s.json.begin_object().key("content_type").string("execution_output").key("text").string(output);
  s.json.end_object();
  MessageTail tail;
  s.close_message(reply, tail, [&](JsonOut& j) {
    j.key("is_complete").boolean(true).key("aggregate_result").begin_object();
    j.key("status").string("success").key("run_id").string(random_uuid(s.rng));
    j.key("start_time").seconds(call_time).key("update_time").seconds(done);
    j.key("code").string(code).key("end_time").seconds(done);
    j.key("final_expression_output").null().key("in_kernel_exception").null();
    j.key("system_exception").null().key("messages").begin_array();
    if (chart) {
      j.begin_object().key("message_type").string("image").key("time").seconds(done);
      j.key("sender").string("server").key("image_payload").null();
      j.key("image_url").string((s.modern ? "sediment://" : "file-service://") + image.pointer_id);
      j.end_object();
    }
    j.end_array().key("jupyter_messages").begin_array().end_array();
    j.key("timeout_triggered").null().end_object();
    j.key("model_slug")
        .string(s.model)
        .key("parent_id")
        .string(s.nodes[static_cast<std::size_t>(call)].id);
  });
  return reply;
}

int add_image_generation(ConversationState& s, int parent) {
  std::string prompt;
  append_sentence(s.rng, s.style(), prompt);
  std::string call_text = "{\"prompt\":\"";
  append_json_escaped(call_text, prompt, false);
  call_text.append("\",\"size\":\"1024x1024\"}");
  const int call = add_tool_call(s, parent, "dalle.text2im", "json", call_text);

  ImageFile image = make_image_file(s);
  if (s.rng.chance(0.7)) {  // generated images are often missing from exports
    const std::string uuid = random_uuid(s.rng);
    if (s.modern) {
      s.register_asset(image.pointer_id,
                       s.shape.user_id + "/" + image.pointer_id + "-" + uuid + ".png",
                       image.pointer_id + "-" + uuid + ".png", MediaKind::png, image.seed);
    } else {
      // DALL·E 3 files are WebP in dalle-generations/.
      image.size_bytes = webp_file().size();
      image.width = 1;
      image.height = 1;
      s.register_asset(image.pointer_id,
                       "dalle-generations/" + image.pointer_id + "-" + uuid + ".webp",
                       image.pointer_id + "-" + uuid + ".webp", MediaKind::webp, image.seed);
    }
  }
  const std::string_view tool_name = s.start >= dates::kO3 ? "t2uay3k.sj1i4kz" : "dalle.text2im";
  const int reply = s.open_message(call, Role::tool, tool_name, s.advance(20, 0.5));
  s.json.begin_object().key("content_type").string("multimodal_text").key("parts").begin_array();
  write_image_pointer(s, image, prompt);
  s.json.end_array().end_object();
  s.close_message(reply, MessageTail{}, [&](JsonOut& j) {
    j.key("message_type").null().key("model_slug").string(s.model);
  });
  return reply;
}

int add_memory_update(ConversationState& s, int parent) {
  std::string fact;
  append_sentence(s.rng, s.style(), fact);
  const int node = s.open_message(parent, Role::assistant, {}, s.advance(3, 0.5));
  s.text_content(fact);
  MessageTail call;
  call.end_turn = false;
  call.recipient = "bio";
  call.channel = s.modern ? "commentary" : "";
  s.close_message(node, call, [&](JsonOut& j) { s.assistant_metadata(j, node, true); });

  const int reply = s.open_message(node, Role::tool, "bio", s.advance(1, 0.3));
  s.text_content("Model set context updated.");
  s.close_message(reply, MessageTail{}, [&](JsonOut& j) { j.key("model_slug").string(s.model); });
  return reply;
}

}  // namespace afterglow::bench
