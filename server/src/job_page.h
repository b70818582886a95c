// The page of an app job that makes a file to download (/book, /export): its title and lead,
// then in the app the job's form, its progress and result cards and the words of its script; on
// a read-only server, the command that does the same on the command line.
#pragma once

#include <string>

#include "words.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace afterglow::server {

struct ServerState;

struct JobPage {
  const char* job;            // the prefix of its elements' ids: "book"
  const char* section_class;  // "book-page"
  const char* body_class;     // "book-maker"
  Word title, lead;
  Word download, again;  // the result card's buttons
  Word read_only;        // said on a read-only server, before `command`
  const char* command;   // "afterglow book --single-file book.html"
  const char* script;    // "app-book.js", after app-common.js
  std::string (*form_html)(Lang lang);
};

void send_job_page(const ServerState& state, const httplib::Request& request,
                   httplib::Response& response, const JobPage& page);

}  // namespace afterglow::server
