// Sentences, questions and titles in English, Chinese or a mix of both, drawn from the built-in
// vocabulary. Not grammar-perfect, but shaped like chat text: short questions, explanatory
// sentences, Chinese without spaces between words, English terms inside Chinese sentences.
#pragma once

#include <string>

#include "generator/random.h"
#include "generator/vocabulary.h"

namespace afterglow::bench {

enum class Language { english, chinese, mixed };

struct TextStyle {
  Language language;  // of the text being written (mixed = Chinese with English terms)
  const Topic* topic;
};

void append_sentence(Rng& rng, const TextStyle& style, std::string& out);
void append_paragraph(Rng& rng, const TextStyle& style, int sentences, std::string& out);
// A short phrase for headings and list labels: "Quiet morning routine", "时间管理".
void append_phrase(Rng& rng, const TextStyle& style, std::string& out);
// What a person types: "How do I keep the garden balanced during the week?"
void append_question(Rng& rng, const TextStyle& style, std::string& out);
std::string make_title(Rng& rng, const TextStyle& style);
// An identifier for code: "review_recipe".
std::string make_identifier(Rng& rng, const TextStyle& style);

bool is_chinese(Language language);

}  // namespace afterglow::bench
