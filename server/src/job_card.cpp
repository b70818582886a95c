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

std::string job_result_html(Lang lang, const std::string& job, Word download, Word again) {
  auto w = [lang](Word key) { return viewer::html_escape(word(lang, key)); };
  return job_progress_html(lang, job) + "<div class=\"job-result\" id=\"" + job +
         "-result\" hidden>\n<p class=\"result-title\" id=\"" + job +
         "-result-title\"></p>\n<ul class=\"summary\" id=\"" + job +
         "-summary\"></ul>\n<p class=\"actions\"><a class=\"button\" id=\"" + job +
         "-download\" href=\"#\" download>" + w(download) +
         "</a> <button type=\"button\" class=\"secondary\" id=\"" + job + "-again\">" + w(again) +
         "</button></p>\n</div>\n<p class=\"problem\" id=\"" + job +
         "-error\" role=\"alert\" hidden></p>\n";
}

std::string form_radio(Lang lang, const char* group, const char* value, Word label, bool checked) {
  return std::string("<label class=\"choice\"><input type=\"radio\" name=\"") + group +
         "\" value=\"" + value + "\"" + (checked ? " checked" : "") + "> <span>" +
         viewer::html_escape(word(lang, label)) + "</span></label>\n";
}

std::string form_option(Lang lang, const char* value, Word label) {
  return std::string("<option value=\"") + value + "\">" + viewer::html_escape(word(lang, label)) +
         "</option>";
}

}  // namespace afterglow::server
