#include "message_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace afterglow::importer {
namespace {

using model::AttachmentKind;
using model::Message;
using model::MessageKind;

// A message with the given author, recipient, content and metadata (JSON fragments).
std::string message_json(const std::string& role, const std::string& content,
                         const std::string& metadata = "{}", const std::string& name = "null",
                         const std::string& recipient = "\"all\"",
                         const std::string& channel = "null") {
  return R"({"id":"m","author":{"role":")" + role + R"(","name":)" + name +
         R"(,"metadata":{}},"create_time":1704629939.839052,"update_time":null,"content":)" +
         content + R"(,"status":"finished_successfully","end_turn":true,"weight":1.0,"metadata":)" +
         metadata + R"(,"recipient":)" + recipient + R"(,"channel":)" + channel + "}";
}

Message parse(const std::string& json) {
  MessageParser parser;
  return parser.parse(json);
}

TEST(MessageParser, TextMessageFields) {
  std::string json = message_json("assistant", R"({"content_type":"text","parts":["你好，世界"]})",
                                  R"({"model_slug":"gpt-4o"})", "null", "\"all\"", "\"final\"");
  Message m = parse(json);
  EXPECT_EQ(m.role, "assistant");
  EXPECT_EQ(m.content_type, "text");
  EXPECT_EQ(m.text, "你好，世界");
  EXPECT_EQ(m.model, "gpt-4o");
  EXPECT_EQ(m.channel, "final");
  EXPECT_EQ(m.recipient, "all");
  EXPECT_EQ(m.status, "finished_successfully");
  ASSERT_TRUE(m.create_time.has_value());
  EXPECT_DOUBLE_EQ(*m.create_time, 1704629939.839052);
  EXPECT_FALSE(m.update_time.has_value());
  EXPECT_TRUE(m.end_turn);
  EXPECT_EQ(m.kind, MessageKind::normal);
  EXPECT_FALSE(m.hidden);
  EXPECT_EQ(m.raw_json, json);
}

TEST(MessageParser, TimesAsStringsAndMissingEverything) {
  Message m = parse(R"({"create_time":"1700000000.5","content":null,"author":null})");
  ASSERT_TRUE(m.create_time.has_value());
  EXPECT_DOUBLE_EQ(*m.create_time, 1700000000.5);
  EXPECT_EQ(m.role, "");
  EXPECT_EQ(m.text, "");
  EXPECT_FALSE(m.unknown_content);
}

TEST(MessageParser, MultipleTextPartsJoinAsLines) {
  Message m = parse(message_json("user", R"({"content_type":"text","parts":["a","b"]})"));
  EXPECT_EQ(m.text, "a\nb");
}

TEST(MessageParser, CodeToTool) {
  Message m = parse(message_json(
      "assistant", R"j({"content_type":"code","language":"unknown","text":"search(\"x\")"})j", "{}",
      "null", "\"browser\""));
  EXPECT_EQ(m.text, "search(\"x\")");
  EXPECT_EQ(m.language, "");
  EXPECT_EQ(m.kind, MessageKind::tool_call);
  EXPECT_TRUE(m.hidden);

  Message python = parse(message_json(
      "assistant", R"j({"content_type":"code","language":"python","text":"print(1)"})j", "{}",
      "null", "\"python\""));
  EXPECT_EQ(python.language, "python");
}

TEST(MessageParser, ExecutionOutputIsHiddenToolResultUnlessItHasImages) {
  Message plain = parse(message_json("tool", R"({"content_type":"execution_output","text":"1"})",
                                     "{}", "\"python\""));
  EXPECT_EQ(plain.text, "1");
  EXPECT_EQ(plain.kind, MessageKind::tool_result);
  EXPECT_TRUE(plain.hidden);

  Message chart = parse(message_json(
      "tool", R"({"content_type":"execution_output","text":"<plot>"})",
      R"({"aggregate_result":{"messages":[{"message_type":"image","image_url":"file-service://file-chart1"}],
          "jupyter_messages":[{"content":{"data":{"image/vnd.openai.fileservice.png":"file-service://file-chart1"}}}]}})",
      "\"python\""));
  ASSERT_EQ(chart.attachments.size(), 1u);
  EXPECT_EQ(chart.attachments[0].file_id, "file-chart1");
  EXPECT_EQ(chart.attachments[0].kind, AttachmentKind::image);
  EXPECT_FALSE(chart.hidden);
}

TEST(MessageParser, BrowsingDisplayQuoteAndErrors) {
  Message display = parse(message_json(
      "tool",
      R"({"content_type":"tether_browsing_display","result":"# 【0†Fastly news†www.fastly.com】\nbody","summary":"sum"})",
      "{}", "\"browser\""));
  EXPECT_EQ(display.text, "# Fastly news (www.fastly.com)\nbody\n\nsum");
  EXPECT_EQ(display.kind, MessageKind::tool_result);

  Message quote = parse(message_json(
      "tool",
      R"({"content_type":"tether_quote","url":"https://e.com","domain":"e.com","title":"E","text":"quoted"})",
      "{}", "\"browser\""));
  EXPECT_EQ(quote.text, "[E](https://e.com)\n\nquoted");

  Message error = parse(message_json(
      "tool", R"({"content_type":"system_error","name":"tool_error","text":"robots.txt"})", "{}",
      "\"browser\""));
  EXPECT_EQ(error.text, "tool_error: robots.txt");
}

TEST(MessageParser, ReasoningIsHidden) {
  Message thoughts = parse(message_json(
      "assistant",
      R"({"content_type":"thoughts","thoughts":[{"summary":"Plan","content":"Think first."},{"summary":"","content":"Then act."}]})"));
  EXPECT_EQ(thoughts.text, "**Plan**\n\nThink first.\n\nThen act.");
  EXPECT_EQ(thoughts.kind, MessageKind::reasoning);
  EXPECT_TRUE(thoughts.hidden);

  Message recap = parse(message_json(
      "assistant", R"({"content_type":"reasoning_recap","content":"6s 동안 생각함"})"));
  EXPECT_EQ(recap.text, "6s 동안 생각함");
  EXPECT_EQ(recap.kind, MessageKind::reasoning);

  Message analysis = parse(message_json("assistant", R"({"content_type":"text","parts":["x"]})",
                                        "{}", "null", "\"all\"", "\"analysis\""));
  EXPECT_EQ(analysis.kind, MessageKind::reasoning);
  EXPECT_TRUE(analysis.hidden);
}

TEST(MessageParser, CustomInstructionsAndMemory) {
  Message context = parse(message_json(
      "user",
      R"({"content_type":"user_editable_context","user_profile":"I am an SRE.","user_instructions":"Be brief."})",
      R"({"is_visually_hidden_from_conversation":true})"));
  EXPECT_EQ(context.text, "I am an SRE.\n\nBe brief.");
  EXPECT_EQ(context.kind, MessageKind::custom_instructions);
  EXPECT_TRUE(context.hidden);

  Message old_style = parse(message_json("system", R"({"content_type":"text","parts":["about"]})",
                                         R"({"is_user_system_message":true})"));
  EXPECT_EQ(old_style.kind, MessageKind::custom_instructions);

  Message memory = parse(message_json(
      "user", R"({"content_type":"model_editable_context","model_set_context":"1. Likes tea"})"));
  EXPECT_EQ(memory.text, "1. Likes tea");
  EXPECT_EQ(memory.kind, MessageKind::memory);
  EXPECT_TRUE(memory.hidden);

  Message bio = parse(message_json("assistant", R"({"content_type":"text","parts":["likes tea"]})",
                                   "{}", "null", "\"bio\""));
  EXPECT_EQ(bio.kind, MessageKind::memory);
}

TEST(MessageParser, SystemMessagesAreHidden) {
  Message m = parse(message_json("system", R"({"content_type":"text","parts":[""]})",
                                 R"({"is_visually_hidden_from_conversation":true})"));
  EXPECT_EQ(m.kind, MessageKind::system);
  EXPECT_TRUE(m.hidden);
}

TEST(MessageParser, CanvasCreateIsVisibleUpdatesAreNot) {
  Message create = parse(message_json(
      "assistant", R"({"content_type":"code","language":"json","text":"{\"name\":\"doc\"}"})", "{}",
      "null", "\"canmore.create_textdoc\""));
  EXPECT_EQ(create.kind, MessageKind::canvas);
  EXPECT_FALSE(create.hidden);
  Message update =
      parse(message_json("assistant", R"({"content_type":"code","language":"json","text":"{}"})",
                         "{}", "null", "\"canmore.update_textdoc\""));
  EXPECT_EQ(update.kind, MessageKind::canvas);
  EXPECT_TRUE(update.hidden);
}

TEST(MessageParser, UploadedImageMergedWithMetadataAttachment) {
  Message m = parse(message_json(
      "user",
      R"({"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer","asset_pointer":"file-service://file-6y9fa","size_bytes":640100,"width":1536,"height":1152,"metadata":{"dalle":null}},"What is this?"]})",
      R"({"attachments":[{"id":"file-6y9fa","name":"cat.jpeg","mime_type":"image/jpeg","size":640100,"width":1536,"height":1152},
                         {"id":"file-doc1","name":"notes.pdf","mime_type":"application/pdf","size":1234}]})"));
  EXPECT_EQ(m.text, "What is this?");
  ASSERT_EQ(m.attachments.size(), 2u);
  const auto& image = m.attachments[0];
  EXPECT_EQ(image.kind, AttachmentKind::image);
  EXPECT_EQ(image.pointer, "file-service://file-6y9fa");
  EXPECT_EQ(image.file_id, "file-6y9fa");
  EXPECT_EQ(image.name, "cat.jpeg");
  EXPECT_EQ(image.mime, "image/jpeg");
  EXPECT_EQ(image.size, 640100);
  EXPECT_EQ(image.width, 1536);
  EXPECT_EQ(image.height, 1152);
  const auto& pdf = m.attachments[1];
  EXPECT_EQ(pdf.kind, AttachmentKind::file);
  EXPECT_EQ(pdf.file_id, "file-doc1");
  EXPECT_EQ(pdf.name, "notes.pdf");
  EXPECT_EQ(pdf.size, 1234);
  EXPECT_EQ(m.kind, MessageKind::normal);
}

TEST(MessageParser, GeneratedImageFromToolIsVisible) {
  for (std::string tool : {"\"dalle.text2im\"", "\"t2uay3k.sj1i4kz\""}) {
    Message m = parse(message_json(
        "tool",
        R"({"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer","asset_pointer":"sediment://file_00000000abc","size_bytes":10,"width":1024,"height":1024,"metadata":{"dalle":{"prompt":"a cat"}}}]})",
        "{}", tool));
    EXPECT_EQ(m.kind, MessageKind::image_generation) << tool;
    EXPECT_FALSE(m.hidden);
    ASSERT_EQ(m.attachments.size(), 1u);
    EXPECT_EQ(m.attachments[0].file_id, "file_00000000abc");
    EXPECT_EQ(m.attachments[0].pointer, "sediment://file_00000000abc");
  }
  // Any tool whose image part carries generation metadata counts too.
  Message other = parse(message_json(
      "tool",
      R"({"content_type":"multimodal_text","parts":[{"content_type":"image_asset_pointer","asset_pointer":"sediment://file_1","metadata":{"generation":{"gen_id":"g"}}}]})",
      "{}", "\"image_tool\""));
  EXPECT_EQ(other.kind, MessageKind::image_generation);
}

TEST(MessageParser, VoiceTurns) {
  Message user = parse(message_json(
      "user",
      R"({"content_type":"multimodal_text","parts":[{"content_type":"audio_transcription","text":"今天天气怎么样","direction":"in"},
          {"content_type":"real_time_user_audio_video_asset_pointer","audio_asset_pointer":{"content_type":"audio_asset_pointer","asset_pointer":"sediment://file_aud1","format":"wav","size_bytes":1668078,"metadata":{"start":0.0,"end":2.5}},
           "video_container_asset_pointer":{"asset_pointer":"sediment://file_vid1","size_bytes":99},"frames_asset_pointers":[]}]})",
      R"({"voice_mode_message":true})"));
  EXPECT_TRUE(user.is_voice);
  EXPECT_EQ(user.text, "今天天气怎么样");
  ASSERT_EQ(user.attachments.size(), 2u);
  EXPECT_EQ(user.attachments[0].kind, AttachmentKind::audio);
  EXPECT_EQ(user.attachments[0].file_id, "file_aud1");
  EXPECT_EQ(user.attachments[0].mime, "audio/wav");
  EXPECT_EQ(user.attachments[0].size, 1668078);
  EXPECT_DOUBLE_EQ(user.attachments[0].duration, 2.5);
  EXPECT_EQ(user.attachments[1].kind, AttachmentKind::video);

  Message assistant = parse(message_json(
      "assistant",
      R"({"content_type":"multimodal_text","parts":[{"content_type":"audio_transcription","text":"晴天","direction":"out"},{"content_type":"audio_asset_pointer","asset_pointer":"sediment://file_aud2","format":"wav"}]})"));
  EXPECT_TRUE(assistant.is_voice);
  EXPECT_EQ(assistant.text, "晴天");
  ASSERT_EQ(assistant.attachments.size(), 1u);
  EXPECT_EQ(assistant.attachments[0].kind, AttachmentKind::audio);
}

TEST(MessageParser, SonicWebpageAndComputerOutput) {
  Message page = parse(message_json(
      "tool",
      R"({"content_type":"sonic_webpage","url":"https://x.org","domain":"x.org","title":"X","text":"page text"})",
      "{}", "\"web\""));
  EXPECT_EQ(page.text, "[X](https://x.org)\n\npage text");
  EXPECT_TRUE(page.hidden);

  Message screen = parse(message_json(
      "tool",
      R"({"content_type":"computer_output","computer_id":"c","screenshot":{"content_type":"image_asset_pointer","asset_pointer":"sediment://file_shot","width":800,"height":600}})",
      "{}", "\"computer\""));
  ASSERT_EQ(screen.attachments.size(), 1u);
  EXPECT_EQ(screen.attachments[0].width, 800);
}

TEST(MessageParser, UnknownContentKeptRaw) {
  Message m = parse(message_json("user", R"({"content_type":"brand_new_thing","x":[1,2]})"));
  EXPECT_TRUE(m.unknown_content);
  EXPECT_EQ(m.content_type, "brand_new_thing");
  EXPECT_EQ(m.text, R"({"content_type":"brand_new_thing","x":[1,2]})");
}

TEST(MessageParser, LoneSurrogatesAreRepairedNotFatal) {
  Message m = parse(message_json("user", R"({"content_type":"text","parts":["bad \udc80 here"]})"));
  EXPECT_FALSE(m.unknown_content);
  EXPECT_EQ(m.text, "bad \xEF\xBF\xBD here");
}

TEST(MessageParser, InvalidJsonKeptRaw) {
  Message m = parse(R"({"author":{"role":"user"},"content":)");
  EXPECT_TRUE(m.unknown_content);
  EXPECT_EQ(m.raw_json, R"({"author":{"role":"user"},"content":)");
}

}  // namespace
}  // namespace afterglow::importer
