// Answers built on web results, in both citation styles: 2024-10 on, private-use markers
// (\ue200cite\ue202turn0search1\ue201) resolved by metadata.content_references; 2023-2024,
// 【3†source】 markers resolved by metadata.citations.
#include <vector>

#include "generator/ids.h"
#include "generator/turns.h"

namespace afterglow::bench {

namespace {

struct Result {
  const Site* site;
  std::string url;
  std::string snippet;
};

// A citation as placed in the text: its marker and where it sits, in code points (the unit
// content_references and citations count in).
struct Placed {
  std::string marker;
  std::size_t start = 0;
  std::size_t end = 0;
  std::vector<std::size_t> results;
};

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<Result> search_results(ConversationState& s, const TextStyle& style) {
  std::vector<Result> results;
  for (std::int64_t i = s.rng.between(3, 6); i > 0; --i) {
    Result r;
    r.site = &s.rng.pick(cited_sites());
    r.url = "https://" + std::string(r.site->domain) + "/" + make_identifier(s.rng, style) + "-" +
            std::to_string(s.rng.between(100, 99999));
    append_sentence(s.rng, style, r.snippet);
    results.push_back(std::move(r));
  }
  return results;
}

int add_search_call(ConversationState& s, int parent, std::string_view recipient,
                    const std::string& query, bool modern_call) {
  std::string code;
  if (modern_call) {
    code = "{\"search_query\":[{\"q\":\"";
    append_json_escaped(code, query, false);
    code += "\"}]}";
  } else {
    code = "search(\"" + query + "\")";
  }
  const int node = s.open_message(parent, Role::assistant, {}, s.advance(2, 0.5));
  s.json.begin_object().key("content_type").string("code").key("language").string("unknown");
  s.json.key("response_format_name").null().key("text").string(code).end_object();
  MessageTail tail;
  tail.end_turn = false;
  tail.recipient = recipient;
  tail.channel = s.modern ? "analysis" : "";
  s.close_message(node, tail, [&](JsonOut& j) { s.assistant_metadata(j, node, true); });
  return node;
}

// Writes the answer text into s.text: paragraphs that each end with a citation marker.
std::vector<Placed> write_cited_text(ConversationState& s, const TextStyle& style,
                                     const std::vector<Result>& results, bool markers) {
  std::vector<Placed> placed;
  s.text.clear();
  append_paragraph(s.rng, style, static_cast<int>(s.rng.between(1, 2)), s.text);
  for (std::int64_t p = s.rng.between(2, 5); p > 0; --p) {
    s.text.append("\n\n");
    if (s.rng.chance(0.3)) s.text.append("- ");
    append_paragraph(s.rng, style, static_cast<int>(s.rng.between(1, 3)), s.text);
    Placed cite;
    cite.results.push_back(s.rng.below(results.size()));
    if (markers) {
      cite.marker = "\ue200cite\ue202turn0search" + std::to_string(cite.results[0]);
      if (s.rng.chance(0.25)) {
        cite.results.push_back(s.rng.below(results.size()));
        cite.marker += "\ue202turn0news" + std::to_string(cite.results[1]);
      }
      cite.marker += "\ue201";
      s.text.push_back(' ');
    } else {
      cite.marker = "【" + std::to_string(cite.results[0]) + "†source】";
    }
    cite.start = code_points(s.text);
    cite.end = cite.start + code_points(cite.marker);
    s.text.append(cite.marker);
    placed.push_back(std::move(cite));
  }
  return placed;
}

void write_reference(JsonOut& j, const Placed& cite, const std::vector<Result>& results) {
  const Result& first = results[cite.results[0]];
  j.begin_object().key("matched_text").string(cite.marker);
  j.key("start_idx").integer(static_cast<std::int64_t>(cite.start));
  j.key("end_idx").integer(static_cast<std::int64_t>(cite.end));
  j.key("safe_urls").begin_array().string(first.url).end_array();
  j.key("refs").begin_array();
  for (std::size_t i = 0; i < cite.results.size(); ++i) {
    j.begin_object()
        .key("turn_index")
        .integer(0)
        .key("ref_type")
        .string(i == 0 ? "search" : "news");
    j.key("ref_index").integer(static_cast<std::int64_t>(cite.results[i])).end_object();
  }
  j.end_array();
  j.key("alt").string("([" + std::string(first.site->title) + "](" + first.url +
                      "?utm_source=chatgpt.com))");
  j.key("prompt_text").null().key("type").string("grouped_webpages").key("items").begin_array();
  for (const std::size_t r : cite.results) {
    j.begin_object().key("title").string(results[r].site->title);
    j.key("url").string(results[r].url + "?utm_source=chatgpt.com").key("pub_date").null();
    j.key("snippet").string(results[r].snippet).key("attribution").string(results[r].site->domain);
    j.end_object();
  }
  j.end_array().key("status").string("done").key("error").null().key("style").null().end_object();
}

void write_footnote(JsonOut& j, std::size_t at, const std::vector<Result>& results) {
  j.begin_object().key("matched_text").string(" ");
  j.key("start_idx").integer(static_cast<std::int64_t>(at));
  j.key("end_idx")
      .integer(static_cast<std::int64_t>(at))
      .key("safe_urls")
      .begin_array()
      .end_array();
  j.key("refs").begin_array().end_array().key("alt").string("").key("prompt_text").null();
  j.key("type").string("sources_footnote").key("sources").begin_array();
  for (const auto& r : results) {
    j.begin_object().key("title").string(r.site->title).key("url").string(r.url);
    j.key("attribution").string(r.site->domain).end_object();
  }
  j.end_array().key("has_images").boolean(false).end_object();
}

void write_cite_metadata(JsonOut& j, const std::vector<Result>& results) {
  j.key("_cite_metadata").begin_object().key("citation_format").begin_object();
  j.key("name").string("tether_og");
  j.key("regex").string("【(\\d+)(?::(\\d+))?†([^†【】]*)[^【】]*?】").end_object();
  j.key("metadata_list").begin_array();
  for (const auto& r : results) {
    j.begin_object().key("type").string("webpage").key("title").string(r.site->title);
    j.key("url").string(r.url).key("text").string(r.snippet).end_object();
  }
  j.end_array().key("original_query").null().end_object();
}

}  // namespace

int add_web_search_answer(ConversationState& s, int parent) {
  const TextStyle style = s.style();
  std::string query;
  append_phrase(s.rng, style, query);
  const std::string_view tool = s.modern ? "web.run" : "web";
  const int call = add_search_call(s, parent, tool, query, s.modern);
  const std::vector<Result> results = search_results(s, style);

  const int reply = s.open_message(call, Role::tool, tool, s.advance(3, 0.5));
  if (s.modern) {
    const Result& page = results.front();
    s.json.begin_object().key("content_type").string("sonic_webpage").key("url").string(page.url);
    s.json.key("domain").string(page.site->domain).key("title").string(page.site->title);
    s.json.key("text").string(page.snippet).key("snippet").string(page.snippet);
    s.json.key("pub_timestamp").null().key("ref_id").begin_object().key("turn_index").integer(0);
    s.json.key("ref_type").string("search").key("ref_index").integer(0).end_object().end_object();
  } else {
    s.json.begin_object().key("content_type").string("code").key("language").string("unknown");
    s.json.key("response_format_name").null().key("text").string("").end_object();
  }
  s.close_message(reply, MessageTail{}, [&](JsonOut& j) {
    j.key("search_result_groups").begin_array();
    for (std::size_t i = 0; i < results.size(); ++i) {
      j.begin_object().key("type").string("search_result_group");
      j.key("domain").string(results[i].site->domain).key("entries").begin_array();
      j.begin_object().key("type").string("search_result").key("url").string(results[i].url);
      j.key("title").string(results[i].site->title).key("snippet").string(results[i].snippet);
      j.key("ref_id").begin_object().key("turn_index").integer(0).key("ref_type").string("search");
      j.key("ref_index").integer(static_cast<std::int64_t>(i)).end_object();
      j.key("pub_date").null().key("attribution").string(results[i].site->domain).end_object();
      j.end_array().end_object();
    }
    j.end_array().key("model_slug").string(s.model);
  });

  // A few answers keep their search results but lose their references ("ghost citations").
  const bool ghost = s.rng.chance(0.05);
  const std::vector<Placed> placed = write_cited_text(s, style, results, !ghost);
  const std::size_t end = code_points(s.text);
  const int answer = s.open_message(reply, Role::assistant, {}, s.advance(8, 0.7));
  s.text_content(s.text);
  MessageTail tail;
  tail.end_turn = true;
  tail.channel = s.modern ? "final" : "";
  s.close_message(answer, tail, [&](JsonOut& j) {
    j.key("finish_details").begin_object().key("type").string("stop").end_object();
    j.key("is_complete").boolean(true).key("citations").begin_array().end_array();
    j.key("content_references").begin_array();
    if (!ghost) {
      for (const auto& cite : placed) write_reference(j, cite, results);
      write_footnote(j, end, results);
    }
    j.end_array().key("search_source").string("composer_search");
    j.key("client_reported_search_source").string("conversation_composer_web_icon");
    j.key("message_type").string("next").key("model_slug").string(s.model);
    j.key("default_model_slug").string(s.model);
    j.key("parent_id").string(s.nodes[static_cast<std::size_t>(reply)].id);
  });
  return answer;
}

int add_browsing_answer(ConversationState& s, int parent) {
  const TextStyle style = s.style();
  std::string query;
  append_phrase(s.rng, style, query);
  const int call = add_search_call(s, parent, "browser", query, false);
  const std::vector<Result> results = search_results(s, style);

  std::string display;
  for (std::size_t i = 0; i < results.size(); ++i) {
    display.append("# 【").append(std::to_string(i)).append("†").append(results[i].site->title);
    display.append("†").append(results[i].site->domain).append("】\n");
    display.append(results[i].snippet).append("\n");
  }
  const int reply = s.open_message(call, Role::tool, "browser", s.advance(4, 0.5));
  s.json.begin_object().key("content_type").string("tether_browsing_display");
  s.json.key("result").string(display).key("summary").string("").key("assets").null();
  s.json.key("tether_id").null().end_object();
  s.close_message(reply, MessageTail{}, [&](JsonOut& j) {
    write_cite_metadata(j, results);
    j.key("command").string("search").key("args").begin_array().string(query).end_array();
    j.key("status").string("finished").key("model_slug").string(s.model);
  });

  const std::vector<Placed> placed = write_cited_text(s, style, results, false);
  const int answer = s.open_message(reply, Role::assistant, {}, s.advance(10, 0.7));
  s.text_content(s.text);
  MessageTail tail;
  tail.end_turn = true;
  s.close_message(answer, tail, [&](JsonOut& j) {
    j.key("finish_details").begin_object().key("type").string("stop").end_object();
    j.key("is_complete").boolean(true).key("citations").begin_array();
    for (const auto& cite : placed) {
      const Result& r = results[cite.results[0]];
      j.begin_object().key("start_ix").integer(static_cast<std::int64_t>(cite.start));
      j.key("end_ix").integer(static_cast<std::int64_t>(cite.end));
      j.key("citation_format_type").string("tether_og").key("metadata").begin_object();
      j.key("type").string("webpage").key("title").string(r.site->title).key("url").string(r.url);
      j.key("text").string("").key("pub_date").null().key("extra").begin_object();
      j.key("cited_message_idx").integer(static_cast<std::int64_t>(cite.results[0]));
      j.key("search_result_idx").null().key("evidence_text").string("source").end_object();
      j.end_object().end_object();
    }
    j.end_array();
    write_cite_metadata(j, results);
    j.key("model_slug").string(s.model).key("default_model_slug").string(s.model);
    j.key("parent_id").string(s.nodes[static_cast<std::size_t>(reply)].id);
  });
  return answer;
}

}  // namespace afterglow::bench
