// The reader's own interface words in English and Chinese, in one table like the book's
// (viewer/src/html_strings.cpp, whose words the reader also uses for what they share).
#pragma once

#include "afterglow/viewer/html_strings.h"

namespace afterglow::server {

using viewer::Lang;

enum class Word {
  site_name,
  home,
  all_conversations,
  recent,
  on_this_day,
  years_ago,  // "{n} years ago"
  one_year_ago,
  nothing_on_this_day,
  search_placeholder,
  search_button,
  engine,
  engine_xapian,
  engine_fts5,
  sort,
  sort_relevance,
  sort_newest,
  sort_oldest,
  include_hidden,
  results,  // "{n} messages found"
  one_result,
  no_results,
  did_you_mean,
  bad_query,  // "This search could not be understood: {why}"
  filter_model,
  filter_year,
  remove_filter,
  newer_page,
  older_page,
  page_n,  // "Page {n} of {total}"
  alternate_version,
  hidden_result,
  index_behind,
  memories_pending,
  switch_language,  // the name of the other language, in it
  not_found,
  not_found_text,
  forbidden,
  forbidden_text,
  server_error,
  server_error_text,
  show_hidden,
  hide_hidden,
  open_conversation,
  read_only_note,
  count_
};

std::string word(Lang lang, Word key, const viewer::Args& args = {});

}  // namespace afterglow::server
