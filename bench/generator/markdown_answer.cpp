#include "generator/markdown_answer.h"

#include <algorithm>

#include "generator/code_snippets.h"
#include "generator/vocabulary.h"

namespace afterglow::bench {

namespace {

void heading(Rng& rng, const TextStyle& style, int number, std::string& out) {
  out.append(rng.chance(0.6) ? "### " : "## ");
  if (rng.chance(0.5)) {
    out.append(std::to_string(number)).append(". ");
  }
  append_phrase(rng, style, out);
  out.append("\n\n");
  append_paragraph(rng, style, static_cast<int>(rng.between(1, 3)), out);
}

void bullet_list(Rng& rng, const TextStyle& style, bool numbered, std::string& out) {
  const auto items = rng.between(2, 7);
  for (std::int64_t i = 1; i <= items; ++i) {
    if (i > 1) out.push_back('\n');
    out.append(numbered ? std::to_string(i) + ". " : std::string("- "));
    if (rng.chance(0.6)) {
      out.append("**");
      append_phrase(rng, style, out);
      out.append(is_chinese(style.language) ? "**：" : "**: ");
    }
    append_sentence(rng, style, out);
    if (rng.chance(0.15)) {  // a nested item
      out.append("\n   - ");
      append_sentence(rng, style, out);
    }
  }
}

void code_block(Rng& rng, const TextStyle& style, std::string& out) {
  const std::string_view language = pick_code_language(rng, style);
  out.append("```").append(language).push_back('\n');
  append_code(rng, style, language, static_cast<int>(rng.between(3, 24)), out);
  out.append("\n```");
}

void table(Rng& rng, const TextStyle& style, std::string& out) {
  const auto columns = rng.between(2, 4);
  const auto rows = rng.between(2, 6);
  for (std::int64_t r = -1; r <= rows; ++r) {
    if (r == 0) {
      for (std::int64_t c = 0; c < columns; ++c) out.append("|---");
      out.append("|\n");
      continue;
    }
    for (std::int64_t c = 0; c < columns; ++c) {
      out.append("| ");
      append_phrase(rng, style, out);
      out.push_back(' ');
    }
    out.append(r < rows ? "|\n" : "|");
  }
}

void math(Rng& rng, const TextStyle& style, std::string& out) {
  append_sentence(rng, style, out);
  out.append("\n\n\\[\n");
  append_code(rng, style, "latex", 1, out);
  out.append("\n\\]");
}

}  // namespace

std::size_t answer_length(Rng& rng, Language language) {
  const double scale = is_chinese(language) ? 1.4 : 1.0;  // 3-byte characters, denser text
  if (rng.chance(0.02)) return static_cast<std::size_t>(rng.between(15000, 60000) * scale);
  const double length = rng.log_normal(1100.0 * scale, 0.8);
  return static_cast<std::size_t>(std::clamp(length, 40.0, 40000.0));
}

void append_markdown_answer(Rng& rng, const TextStyle& style, std::size_t target_bytes,
                            std::string& out) {
  const std::size_t start = out.size();
  append_paragraph(rng, style, static_cast<int>(rng.between(1, 2)), out);
  const double code_chance = style.topic->code_heavy ? 0.22 : 0.05;
  int section = 1;
  while (out.size() - start < target_bytes) {
    out.append("\n\n");
    const double roll = rng.unit();
    if (roll < code_chance) {
      code_block(rng, style, out);
    } else if (roll < code_chance + 0.30) {
      append_paragraph(rng, style, static_cast<int>(rng.between(2, 5)), out);
    } else if (roll < code_chance + 0.45) {
      heading(rng, style, section++, out);
    } else if (roll < code_chance + 0.65) {
      bullet_list(rng, style, false, out);
    } else if (roll < code_chance + 0.78) {
      bullet_list(rng, style, true, out);
    } else if (roll < code_chance + 0.82) {
      table(rng, style, out);
    } else if (roll < code_chance + 0.84) {
      out.append("> ");
      append_sentence(rng, style, out);
    } else if (style.topic->has_math && roll < code_chance + 0.90) {
      math(rng, style, out);
    } else {
      append_paragraph(rng, style, static_cast<int>(rng.between(1, 4)), out);
    }
  }
  if (rng.chance(0.08)) out.append(" ").append(rng.pick(emoji()));
}

}  // namespace afterglow::bench
