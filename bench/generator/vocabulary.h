// The built-in vocabulary the text is drawn from. Lists are ordered most common first (the
// generator picks with a skew towards the front), so frequent words like 工作 or "time" hit
// many conversations while rarer ones like 阿西莫夫 or "psychohistory" hit few: search
// benchmarks can query both kinds.
#pragma once

#include <span>
#include <string_view>

namespace afterglow::bench {

using Words = std::span<const std::string_view>;

// A subject people ask about. Its words are mixed into every text of a conversation on it.
struct Topic {
  std::string_view name;
  Words english_nouns;
  Words chinese_words;
  Words english_titles;
  Words chinese_titles;
  bool code_heavy;  // answers carry code blocks more often
  bool has_math;    // answers carry LaTeX sometimes
};

std::span<const Topic> topics();

namespace english {
Words determiners();
Words adjectives();
Words nouns();
Words verbs();  // base form: "improve"
Words adverbs();
Words prepositions();
Words openers();          // "However,", "In practice,"
Words question_starts();  // "How do I", "Can you explain"
}  // namespace english

namespace chinese {
Words subjects();         // 你, 我们, 很多人
Words modals();           // 可以, 需要, 应该
Words verbs();            // 提高, 管理, 安排
Words nouns();            // 时间, 压力, 梦想
Words adjectives();       // 重要, 有效, 合理
Words connectors();       // 首先, 其次, 因此
Words question_starts();  // 怎么, 如何
Words question_ends();    // 有什么建议？, 该怎么办？
}  // namespace chinese

// Sites cited by web-search answers: {title, domain} pairs.
struct Site {
  std::string_view title;
  std::string_view domain;
};
std::span<const Site> cited_sites();

// Occasional emoji: outside the Basic Multilingual Plane, so escaped exports need surrogates.
Words emoji();

}  // namespace afterglow::bench
