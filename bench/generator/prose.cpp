#include "generator/prose.h"

namespace afterglow::bench {

namespace {

using namespace std::string_view_literals;

void capitalize_from(std::string& out, std::size_t start) {
  if (start < out.size() && out[start] >= 'a' && out[start] <= 'z') out[start] -= 'a' - 'A';
}

void append_third_person(std::string& out, std::string_view verb) {
  const char last = verb.back();
  const bool sibilant =
      last == 's' || last == 'x' || last == 'o' || verb.ends_with("sh") || verb.ends_with("ch");
  if (last == 'y' && verb.size() > 1 && verb[verb.size() - 2] != 'a' &&
      verb[verb.size() - 2] != 'e' && verb[verb.size() - 2] != 'o') {
    out.append(verb.substr(0, verb.size() - 1)).append("ies");
  } else {
    out.append(verb).append(sibilant ? "es" : "s");
  }
}

std::string_view english_noun(Rng& rng, const TextStyle& style) {
  if (rng.chance(0.35)) return rng.pick_skewed(style.topic->english_nouns);
  return rng.pick_skewed(english::nouns());
}

std::string_view chinese_noun(Rng& rng, const TextStyle& style) {
  if (rng.chance(0.4)) return rng.pick_skewed(style.topic->chinese_words);
  return rng.pick_skewed(chinese::nouns());
}

// In mixed text some nouns are English terms, written with spaces around as people do.
void append_zh_noun(Rng& rng, const TextStyle& style, std::string& out) {
  if (style.language == Language::mixed && rng.chance(0.18)) {
    out.append(" ").append(rng.pick_skewed(style.topic->english_nouns)).append(" ");
  } else {
    out.append(chinese_noun(rng, style));
  }
}

void append_en_noun_phrase(Rng& rng, const TextStyle& style, std::string& out) {
  out.append(rng.pick(english::determiners())).push_back(' ');
  if (rng.chance(0.4)) out.append(rng.pick_skewed(english::adjectives())).push_back(' ');
  out.append(english_noun(rng, style));
}

void english_sentence(Rng& rng, const TextStyle& style, std::string& out) {
  const std::size_t start = out.size();
  auto verb = [&] { return rng.pick_skewed(english::verbs()); };
  switch (rng.below(6)) {
    case 0:
      append_en_noun_phrase(rng, style, out);
      out.push_back(' ');
      append_third_person(out, verb());
      out.push_back(' ');
      append_en_noun_phrase(rng, style, out);
      out.append(" ").append(rng.pick(english::prepositions())).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      break;
    case 1:
      out.append(rng.pick(english::openers())).append(" you can ").append(verb()).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      out.append(" ").append(rng.pick(english::adverbs()));
      break;
    case 2:
      out.append("try to ").append(verb()).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      out.append(" ").append(rng.pick(english::prepositions())).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      break;
    case 3:
      out.append(rng.pick_skewed(style.topic->english_nouns)).push_back(' ');
      append_third_person(out, verb());
      out.push_back(' ');
      append_en_noun_phrase(rng, style, out);
      out.append(" when you ").append(verb()).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      break;
    case 4:
      out.append("it ").append(rng.pick(english::adverbs())).push_back(' ');
      append_third_person(out, verb());
      out.push_back(' ');
      append_en_noun_phrase(rng, style, out);
      out.append(", so ").append(verb()).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      out.append(" first");
      break;
    default:
      out.append("a ").append(rng.pick_skewed(english::adjectives())).push_back(' ');
      out.append(english_noun(rng, style)).append(" is ");
      out.append(rng.pick_skewed(english::adjectives())).append(" ");
      out.append(rng.pick(english::prepositions())).push_back(' ');
      append_en_noun_phrase(rng, style, out);
      break;
  }
  out.push_back('.');
  capitalize_from(out, start);
}

void chinese_sentence(Rng& rng, const TextStyle& style, std::string& out) {
  auto subject = [&] { return rng.pick_skewed(chinese::subjects()); };
  auto modal = [&] { return rng.pick_skewed(chinese::modals()); };
  auto verb = [&] { return rng.pick_skewed(chinese::verbs()); };
  auto adjective = [&] { return rng.pick_skewed(chinese::adjectives()); };
  switch (rng.below(6)) {
    case 0:
      out.append(rng.pick(chinese::connectors())).append("，").append(subject()).append(modal());
      out.append(verb());
      append_zh_noun(rng, style, out);
      break;
    case 1:
      out.append(subject()).append(modal()).append(verb()).append(adjective()).append("的");
      append_zh_noun(rng, style, out);
      out.append("，").append(rng.pick(chinese::connectors())).append(verb());
      append_zh_noun(rng, style, out);
      break;
    case 2:
      out.append("如果");
      append_zh_noun(rng, style, out);
      out.append("不够").append(adjective()).append("，").append(subject()).append("就");
      out.append(modal()).append(verb());
      append_zh_noun(rng, style, out);
      break;
    case 3:
      append_zh_noun(rng, style, out);
      out.append("和");
      append_zh_noun(rng, style, out);
      out.append("都很").append(adjective());
      break;
    case 4:
      out.append(subject()).append(modal()).append("把");
      append_zh_noun(rng, style, out);
      out.append(verb()).append("得更").append(adjective()).append("一些");
      break;
    default:
      out.append("对于");
      append_zh_noun(rng, style, out);
      out.append("来说，");
      append_zh_noun(rng, style, out);
      out.append("是最").append(adjective()).append("的");
      break;
  }
  out.append(rng.chance(0.9) ? "。"sv : "！"sv);
}

}  // namespace

bool is_chinese(Language language) { return language != Language::english; }

void append_sentence(Rng& rng, const TextStyle& style, std::string& out) {
  if (is_chinese(style.language)) {
    chinese_sentence(rng, style, out);
  } else {
    english_sentence(rng, style, out);
  }
}

void append_paragraph(Rng& rng, const TextStyle& style, int sentences, std::string& out) {
  for (int i = 0; i < sentences; ++i) {
    if (i > 0 && !is_chinese(style.language)) out.push_back(' ');
    append_sentence(rng, style, out);
  }
}

void append_phrase(Rng& rng, const TextStyle& style, std::string& out) {
  if (is_chinese(style.language)) {
    if (rng.chance(0.5)) {
      out.append(rng.pick_skewed(chinese::verbs()));
      append_zh_noun(rng, style, out);
    } else {
      append_zh_noun(rng, style, out);
      out.append("的");
      out.append(rng.pick_skewed(chinese::nouns()));
    }
    return;
  }
  const std::size_t start = out.size();
  out.append(rng.pick_skewed(english::adjectives())).push_back(' ');
  out.append(english_noun(rng, style));
  if (rng.chance(0.3)) out.append(" and ").append(english_noun(rng, style));
  capitalize_from(out, start);
}

void append_question(Rng& rng, const TextStyle& style, std::string& out) {
  if (is_chinese(style.language)) {
    out.append(rng.pick(chinese::question_starts())).append(rng.pick_skewed(chinese::verbs()));
    append_zh_noun(rng, style, out);
    if (rng.chance(0.3)) {
      out.append("和");
      append_zh_noun(rng, style, out);
    }
    out.append(rng.pick(chinese::question_ends()));
    return;
  }
  out.append(rng.pick(english::question_starts())).push_back(' ');
  out.append(rng.pick_skewed(english::verbs())).push_back(' ');
  append_en_noun_phrase(rng, style, out);
  out.append(" ").append(rng.pick(english::prepositions())).push_back(' ');
  out.append(rng.pick_skewed(style.topic->english_nouns));
  out.push_back('?');
}

std::string make_title(Rng& rng, const TextStyle& style) {
  const bool chinese = is_chinese(style.language);
  const Words titles = chinese ? style.topic->chinese_titles : style.topic->english_titles;
  if (rng.chance(0.7)) return std::string(rng.pick(titles));
  std::string title;
  append_phrase(rng, style, title);
  return title;
}

std::string make_identifier(Rng& rng, const TextStyle& style) {
  std::string id(rng.pick_skewed(english::verbs()));
  id.push_back('_');
  for (const char c : rng.pick(style.topic->english_nouns)) {
    if (c == ' ') {
      id.push_back('_');
    } else if (c >= 'A' && c <= 'Z') {
      id.push_back(static_cast<char>(c + ('a' - 'A')));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      id.push_back(c);
    }
  }
  return id;
}

}  // namespace afterglow::bench
