#include "afterglow/server/server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "afterglow/model/errors.h"
#include "afterglow/server/access_token.h"
#include "afterglow/server/host_check.h"
#include "afterglow/server/security_headers.h"
#include "book_jobs.h"
#include "export_jobs.h"
#include "page.h"
#include "state.h"
#include "url.h"
#include "utf8_request.h"
#include "words.h"
#include "write_check.h"

namespace afterglow::server {
namespace {

const char* status_text(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 411:
      return "length required";
    case 413:
      return "too large";
    case 416:
      return "range not satisfiable";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal error" : "error";
  }
}

bool is_api(const httplib::Request& request) { return request.path.starts_with("/api/"); }

// The body of an error response: JSON for the API, a short page for people. Never the
// exception's text for an unexpected one (it may hold paths or SQL).
void write_error(const httplib::Request& request, httplib::Response& response, int status,
                 const std::string& detail) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  if (is_api(request)) {
    std::string message = detail.empty() ? status_text(status) : detail;
    response.set_content(nlohmann::json{{"error", message}}.dump(
                             -1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json; charset=utf-8");
  } else {
    response.set_content(error_page_html(page_context(request), status, detail),
                         "text/html; charset=utf-8");
  }
}

}  // namespace

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        state(options.archive, static_cast<size_t>(std::max(1, options.threads))) {
    if (options.app) {
      state.write_token = random_token();
      state.imports = std::make_unique<ImportJobs>(options.archive, options.import_limits);
      state.books = std::make_unique<FileJobs>(options.archive, std::string(kBookTemporaryPrefix),
                                               "/api/books", "book");
      state.exports = std::make_unique<FileJobs>(
          options.archive, std::string(kExportTemporaryPrefix), "/api/exports", "export");
    }
  }

  ServerOptions options;
  ServerState state;
  httplib::Server http;
  std::optional<HostCheck> hosts;
  int port = 0;

  void log(const std::string& message) const {
    if (options.log) options.log(message);
  }

  httplib::Server::HandlerResponse before_routing(const httplib::Request& request,
                                                  httplib::Response& response) {
    using Result = httplib::Server::HandlerResponse;
    // httplib 0.11 decodes the query without the forms rule that '+' is a space, so the search
    // box's "工作 压力" would arrive as "工作+压力": parse it again from the raw target. (The
    // Request object is the server's own, non-const; handlers only see it as const.)
    {
      auto& params = const_cast<httplib::Request&>(request).params;
      params.clear();
      size_t question = request.target.find('?');
      if (question != std::string::npos) {
        for (auto& [key, value] :
             parse_query_string(std::string_view(request.target).substr(question + 1))) {
          params.emplace(std::move(key), std::move(value));
        }
      }
    }
    for (const auto& [key, value] : common_security_headers()) response.set_header(key, value);
    response.set_header("Content-Security-Policy", page_content_security_policy());
    if (!hosts->host_allowed(request.get_header_value("Host")) ||
        !hosts->origin_allowed(request.get_header_value("Origin"))) {
      write_error(request, response, 403, "");
      return Result::Handled;
    }
    if (auto part = invalid_utf8_part(request)) {
      if (is_api(request)) {
        write_error(request, response, 400, *part + ": not valid UTF-8");
      } else {
        const PageContext context = page_context(request);
        write_error(request, response, 400, word(context.lang, Word::not_utf8_text));
      }
      return Result::Handled;
    }
    if (is_write(request.method)) {
      if (auto refusal = check_write(write_facts(request), state.write_token)) {
        if (refusal->status == 405) response.set_header("Allow", "GET, HEAD");
        write_error(request, response, refusal->status, refusal->message);
        return Result::Handled;
      }
    } else if (content_length(request) > static_cast<int64_t>(kSmallBodyLimit) ||
               request.has_header("Transfer-Encoding")) {
      write_error(request, response, 413, "");  // a body on a read is never read
      return Result::Handled;
    }
    if (options.token.empty()) return Result::Unhandled;
    if (auto cookie = cookie_value(request.get_header_value("Cookie"), kTokenCookie);
        cookie && same_token(*cookie, options.token)) {
      return Result::Unhandled;
    }
    if (same_token(request.get_param_value(std::string(kTokenParameter)), options.token)) {
      // First visit: keep the token in a cookie and take it out of the address bar.
      QueryParams rest;
      for (const auto& [key, value] : request.params) {
        if (key != kTokenParameter) rest.emplace_back(key, value);
      }
      response.set_header("Set-Cookie", token_cookie(options.token));
      response.set_redirect(request.path + query_string(rest), 303);
      return Result::Handled;
    }
    write_error(request, response, 403, "");
    return Result::Handled;
  }

  void on_exception(const httplib::Request& request, httplib::Response& response,
                    std::exception_ptr error) {
    try {
      std::rethrow_exception(error);
    } catch (const NotFound&) {
      write_error(request, response, 404, "");
    } catch (const QueryError& e) {
      write_error(request, response, 400, e.what());
    } catch (const std::exception& e) {
      log(request.method + " " + request.path + ": " + e.what());
      write_error(request, response, 500, "");
    } catch (...) {
      log(request.method + " " + request.path + ": unknown error");
      write_error(request, response, 500, "");
    }
  }

  void setup() {
    const int threads = std::max(1, options.threads);
    http.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    // Only an export's upload is large (its size is checked against the limit before a byte is
    // read); every other body is refused past kSmallBodyLimit in before_routing.
    http.set_payload_max_length(
        options.app ? static_cast<size_t>(options.import_limits.max_total_bytes) : kSmallBodyLimit);
    http.set_read_timeout(10, 0);
    http.set_write_timeout(30, 0);
    http.set_pre_routing_handler(
        [this](const httplib::Request& q, httplib::Response& r) { return before_routing(q, r); });
    http.set_exception_handler([this](const httplib::Request& q, httplib::Response& r,
                                      std::exception_ptr e) { on_exception(q, r, e); });
    http.set_error_handler([](const httplib::Request& q, httplib::Response& r) {
      // Handlers that explain themselves (a bad query, a 416 range) keep their answer.
      if (!r.body.empty() || r.status == 416 || r.has_header("Location")) return;
      write_error(q, r, r.status, "");
    });
    add_home_routes(http, state);
    add_search_routes(http, state);
    add_conversation_routes(http, state);
    add_api_routes(http, state);
    add_app_routes(http, state);
    add_import_page_routes(http, state);
    add_book_page_routes(http, state);
    add_export_page_routes(http, state);
    add_remembered_routes(http, state);
    add_asset_routes(http);
    add_blob_routes(http, state);
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->setup();
}

Server::~Server() { stop(); }

int Server::bind() {
  if (impl_->options.app && !is_loopback_address(impl_->options.bind)) {
    throw Error(impl_->options.bind + ": the app listens on this computer's loopback address only");
  }
  auto archive = impl_->state.pool.borrow();  // a bad archive fails now, not on first visit
  const int64_t seq = archive->max_message_seq();
  archive.reset();
  auto& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.bind);
  } else if (!impl_->http.bind_to_port(o.bind, port)) {
    port = -1;
  }
  if (port <= 0) {
    throw Error(o.bind + ":" + std::to_string(o.port) +
                ": cannot listen here (in use by another program, or not an address of this "
                "computer); try another --port");
  }
  impl_->port = port;
  if (o.app) {
    // What a server that was killed mid-import, mid-book or mid-export left in the archive's
    // folder.
    impl_->state.imports->remove_leftovers();
    impl_->state.books->remove_leftovers();
    impl_->state.exports->remove_leftovers();
  }
  impl_->hosts.emplace(o.bind, port);
  impl_->state.memories.start(seq);
  return port;
}

void Server::run() { impl_->http.listen_after_bind(); }

bool Server::running() const { return impl_->http.is_running(); }

void Server::stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

const std::string& Server::write_token() const { return impl_->state.write_token; }

std::string Server::url() const {
  const auto& o = impl_->options;
  std::string host = o.bind;
  if (host == "0.0.0.0" || host == "::" || host.empty()) host = "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::string url = "http://" + host + ":" + std::to_string(impl_->port) + "/";
  if (!o.token.empty()) url += "?" + std::string(kTokenParameter) + "=" + o.token;
  return url;
}

}  // namespace afterglow::server
