// Conversations made by hand for the HTML renderer's tests: Chinese, branches, images, voice,
// math, code, reasoning, citations.
#pragma once

#include "afterglow/model/conversation.h"

namespace afterglow::viewer::testing {

inline model::Node node(std::string id, std::string parent, std::string role, std::string text,
                        double time) {
  model::Node n;
  n.id = std::move(id);
  n.parent = std::move(parent);
  model::Message m;
  m.role = std::move(role);
  m.text = std::move(text);
  m.create_time = time;
  m.content_type = "text";
  m.recipient = "all";
  if (m.role == "assistant") m.model = "gpt-4o";
  n.message = std::move(m);
  return n;
}

inline model::Node root() {
  model::Node n;
  n.id = "root";
  return n;
}

// 2024-04-09 15:47 UTC: a question, a regenerated answer (the second one displayed), a follow-up.
inline model::Conversation branching_chinese() {
  model::Conversation c;
  c.id = "aa06b67a";
  c.title = "工作压力和睡不着";
  c.create_time = 1712677620;
  c.model = "gpt-4o";
  c.nodes.push_back(root());
  c.nodes.push_back(node("u1", "root", "user", "最近工作压力好大，睡不着。", 1712677620));
  c.nodes.push_back(node("a1", "u1", "assistant", "第一个回答：先**休息**。", 1712677630));
  c.nodes.push_back(node("a2", "u1", "assistant", "第二个回答：你一点也不脆弱。", 1712677640));
  c.nodes.push_back(node("u2", "a2", "user", "谢谢你。", 1712677700));
  c.current_node = "u2";
  return c;
}

// Everything else a message can carry.
inline model::Conversation rich() {
  model::Conversation c;
  c.id = "rich-1";
  c.title = "Dice <b>homework</b>";
  c.create_time = 1724297580;
  c.model = "gpt-4o";
  c.nodes.push_back(root());
  auto u1 = node("u1", "root", "user", "What is the chance?", 1724297580);
  model::Attachment photo;
  photo.kind = model::AttachmentKind::image;
  photo.file_id = "file-abc";
  photo.name = "IMG_4521.png";
  photo.mime = "image/png";
  photo.sha256 = std::string(64, 'a');
  photo.width = 48;
  photo.height = 32;
  u1.message->attachments.push_back(photo);
  model::Attachment lost;
  lost.kind = model::AttachmentKind::image;
  lost.file_id = "file-gone";
  lost.name = "<img src=x onerror=alert(1)>.png";
  u1.message->attachments.push_back(lost);
  c.nodes.push_back(u1);
  auto r1 = node("r1", "u1", "assistant", "Counting the outcomes…", 1724297585);
  r1.message->kind = model::MessageKind::reasoning;
  r1.message->hidden = true;
  r1.message->content_type = "thoughts";
  c.nodes.push_back(r1);
  auto a1 = node("a1", "r1", "assistant", "It is $\\frac{1}{6}$.\n\n```python\nprint(1/6)\n```\n",
                 1724297590);
  a1.message->citations.push_back({1, "Probability", "https://example.com/p", ""});
  a1.message->citations.push_back({2, "Evil", "javascript:alert(1)", ""});
  c.nodes.push_back(a1);
  auto v1 = node("v1", "a1", "user", "梦见外婆了", 1724297600);
  v1.message->is_voice = true;
  model::Attachment clip;
  clip.kind = model::AttachmentKind::audio;
  clip.file_id = "file_0a";
  clip.mime = "audio/wav";
  clip.sha256 = std::string(64, 'b');
  clip.duration = 2.5;
  v1.message->attachments.push_back(clip);
  c.nodes.push_back(v1);
  c.current_node = "v1";
  return c;
}

}  // namespace afterglow::viewer::testing
