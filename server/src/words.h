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
  bad_request,
  bad_request_text,
  not_utf8_text,  // an address with bytes that are not UTF-8
  show_hidden,
  hide_hidden,
  choose_account,
  choose_account_text,
  open_conversation,
  read_only_note,
  // The app's pages: the header, the welcome page, importing, making a book.
  nav_import,
  nav_book,
  app_note,
  welcome_title,
  welcome_heading,
  welcome_lead,
  welcome_step_export,
  welcome_export_settings,
  welcome_export_email,
  welcome_export_portal,
  welcome_other_companions,
  welcome_other_claude,
  welcome_other_gemini,
  welcome_other_grok,
  welcome_step_bring,
  welcome_bring_text,
  read_only_import,  // followed by the command line
  import_title,
  import_lead,
  drop_here,
  choose_file,
  path_label,
  path_placeholder,
  path_button,
  cancel,
  see_conversations,
  import_another,
  warnings_details,
  book_title,
  book_lead,
  book_cover,
  book_field_title,
  book_field_subtitle,
  book_field_dedication,
  book_field_author,
  book_which,
  pick_all,
  pick_gpt4o,
  pick_dates,
  pick_from,
  pick_to,
  pick_search,
  pick_search_hint,
  book_look,
  book_theme,
  theme_auto,
  theme_light,
  theme_dark,
  book_paper,
  paper_a5,
  paper_a4,
  book_language,
  book_language_auto,
  book_format,
  format_single,
  format_folder,
  format_pdf,
  no_pdf_note,
  make_book,
  download_book,
  make_another,
  read_only_book,  // followed by the command line
  nav_remembered,
  remembered_lead,
  open_message,
  count_
};

std::string word(Lang lang, Word key, const viewer::Args& args = {});

}  // namespace afterglow::server
