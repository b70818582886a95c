// A small corpus of messages for the search tests: Chinese, English, mixed, code, citation
// markers, an alternate branch, a hidden message and reasoning, with times around a local-day
// boundary in Asia/Shanghai (UTC+8).
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "afterglow/indexer/index.h"
#include "afterglow/platform/platform.h"

namespace afterglow::indexer::testing {

// Local dates in the tests are read in this zone; set before parsing any query.
inline void use_test_time_zone() { platform::set_time_zone("Asia/Shanghai"); }

inline Document message(std::string conversation, std::string node, std::string role,
                        std::string text, double time) {
  Document d;
  d.conversation_id = std::move(conversation);
  d.node_id = std::move(node);
  d.role = std::move(role);
  d.text = std::move(text);
  d.create_time = time;
  d.source = "chatgpt";
  d.kind = "normal";
  return d;
}

inline std::vector<Document> corpus() {
  std::vector<Document> docs;
  auto add = [&](Document d, const std::string& title, const std::string& account) {
    d.title = title;
    d.account = account;
    d.seq = static_cast<int64_t>(docs.size()) + 1;
    docs.push_back(std::move(d));
  };

  // 2024-05-12 23:30 and 2024-05-13 00:10 in Shanghai: both 2024-05-12 in UTC.
  const std::string stress = "conv-stress";
  add(message(stress, "s1", "user", "最近工作压力很大，晚上睡不着。", 1715527800), "压力与睡眠",
      "acct-1");
  {
    Document d =
        message(stress, "s2", "assistant", "压力大的时候，可以试试深呼吸和规律作息。", 1715530200);
    d.model = "gpt-4o";
    add(d, "压力与睡眠", "acct-1");
  }

  const std::string asimov = "conv-asimov";
  const std::string asimov_title = "The night we talked about Asimov";
  {
    Document d = message(asimov, "a1", "user",
                         "Tell me about Isaac Asimov and the Foundation series.", 1698930000);
    d.conversation_has_branches = true;
    add(d, asimov_title, "acct-1");
  }
  {
    Document d = message(asimov, "a2", "assistant",
                         "Asimov wrote the Foundation trilogy; psychohistory predicts the future.",
                         1698930300);
    d.model = "gpt-4";
    d.conversation_has_branches = true;
    add(d, asimov_title, "acct-1");
  }
  {
    Document d =
        message(asimov, "a3", "assistant",
                "An alternate answer about Asimov, robots and the Three Laws.", 1698930420);
    d.model = "gpt-4";
    d.on_thread = false;
    d.conversation_has_branches = true;
    add(d, asimov_title, "acct-1");
  }

  const std::string code = "conv-code";
  add(message(code, "k1", "user", "How do I sort a dict by value in Python?", 1710036000),
      "Python sorting", "acct-2");
  {
    Document d =
        message(code, "k2", "assistant",
                "Use sorted(d.items(), key=lambda kv: kv[1]) to sort by value.", 1710036060);
    d.model = "gpt-4o-mini";
    d.has_code = true;
    add(d, "Python sorting", "acct-2");
  }
  {
    Document d = message(code, "k3", "tool", "internal memory: the user likes python", 1710036090);
    d.hidden = true;
    d.kind = "memory";
    add(d, "Python sorting", "acct-2");
  }
  {
    Document d =
        message(code, "k4", "assistant", "Thinking about lambda keys for sorted order", 1710036120);
    d.model = "gpt-4o-mini";
    d.kind = "reasoning";
    add(d, "Python sorting", "acct-2");
  }

  // Citation markers between words: stripped, so "Paris" and "is" stay two words.
  add(message("conv-cite", "c1", "assistant",
              "Paris\xEE\x88\x80"
              "cite\xEE\x88\x82turn0search1\xEE\x88\x81is the capital of "
              "France\xEE\x88\x83.",
              1722474000),
      "Capitals", "acct-1");

  const std::string mixed = "conv-mixed";
  {
    Document d = message(mixed, "m1", "user", "我想学习machine learning的基础知识", 1737331200);
    d.source = "claude";
    add(d, "机器学习入门", "acct-3");
  }
  {
    Document d = message(mixed, "m2", "assistant",
                         "机器学习 (machine learning) 的基础包括线性代数和概率论。", 1737331260);
    d.source = "claude";
    d.model = "claude-3-opus";
    add(d, "机器学习入门", "acct-3");
  }
  {
    Document d = message(mixed, "m3", "user", "这张图片里有什么？", 1737331320);
    d.source = "claude";
    d.has_image = true;
    add(d, "机器学习入门", "acct-3");
  }
  {
    Document d = message(mixed, "m4", "user", "语音消息：今天天气怎么样", 1737331380);
    d.source = "claude";
    d.has_audio = true;
    add(d, "机器学习入门", "acct-3");
  }
  return docs;
}

// The text of `docs` by (conversation, node), as the archive gives it to the Xapian engine for
// snippets.
inline TextSource text_of(std::vector<Document> docs) {
  return [docs = std::move(docs)](const store::ConversationKey& conversation,
                                  const std::string& node) -> std::optional<std::string> {
    for (const auto& d : docs) {
      if (d.source == conversation.source && d.account == conversation.account &&
          d.conversation_id == conversation.id && d.node_id == node) {
        return d.text;
      }
    }
    return std::nullopt;
  };
}

}  // namespace afterglow::indexer::testing
