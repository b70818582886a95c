#include "job_card.h"

#include "afterglow/viewer/html_escape.h"

namespace afterglow::server {

std::string job_progress_html(Lang lang, const std::string& job) {
  auto id = [&job](const char* part) { return " id=\"" + job + "-" + part + "\""; };
  return "<div class=\"job-progress\"" + id("progress") + " hidden>\n<p class=\"phase\"" +
         id("phase") + " aria-live=\"polite\"></p>\n<div class=\"meter\"" + id("bar") +
         " role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\"><div "
         "class=\"fill\"></div></div>\n<p class=\"detail\"><span" +
         id("detail") + "></span> <span class=\"eta\"" + id("eta") +
         "></span></p>\n<p><button type=\"button\" class=\"secondary\"" + id("cancel") + ">" +
         viewer::html_escape(word(lang, Word::cancel)) + "</button></p>\n</div>\n";
}

}  // namespace afterglow::server
