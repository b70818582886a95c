// Assistant answers in the markdown ChatGPT writes: paragraphs, headings, bullet and numbered
// lists with bold labels, fenced code blocks with a language, tables, quotes and LaTeX.
#pragma once

#include <cstddef>
#include <string>

#include "generator/prose.h"
#include "generator/random.h"

namespace afterglow::bench {

// Appends an answer of about `target_bytes` bytes (UTF-8) to `out`.
void append_markdown_answer(Rng& rng, const TextStyle& style, std::size_t target_bytes,
                            std::string& out);

// The length of an assistant answer in bytes: log-normal around a typical reply, with a few
// very long answers (the kind that make an 18 MB conversation).
std::size_t answer_length(Rng& rng, Language language);

}  // namespace afterglow::bench
