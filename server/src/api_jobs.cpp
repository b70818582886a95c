// The app's API: /api/app (what the pages need to know), /api/imports (import an upload or a
// path, follow it, cancel it), /api/books and /api/exports (make a book or an export, follow it,
// download it, cancel it).
// Every write has passed the checks of write_check.h before it gets here.
#include <httplib.h>

#include "afterglow/model/errors.h"
#include "afterglow/platform/platform.h"
#include "afterglow/server/access_token.h"
#include "afterglow/server/security_headers.h"
#include "book_jobs.h"
#include "export_jobs.h"
#include "import_jobs.h"
#include "job_support.h"
#include "json_response.h"
#include "state.h"
#include "url.h"
#include "write_check.h"

namespace afterglow::server {
namespace {

constexpr const char* kJobId = R"((current|[0-9a-f]{16}))";

void send_error(httplib::Response& response, int status, std::string_view code,
                const std::string& message) {
  send_json(response, {{"error", error_json(code, message)}}, status);
}

// 409 for a job already running, 400 for what the request got wrong, 507 for a full disk.
void send_refusal(httplib::Response& response, std::exception_ptr error) {
  auto why = error_json(error);
  const std::string code = why["code"];
  int status = code == "busy"                                      ? 409
               : code == "too_large"                               ? 413
               : code == "disk_full"                               ? 507
               : code == "internal" || code == "archive_read_only" ? 500
                                                                   : 400;
  send_json(response, {{"error", why}}, status);
}

// The page sends the name percent-encoded (UTF-8 survives any HTTP header that way); cpp-httplib
// decodes header values as it reads them.
std::string header_file_name(const httplib::Request& request) {
  return request.get_header_value("X-Afterglow-Filename");
}

void post_import(ServerState& state, const httplib::Request& request, httplib::Response& response,
                 const httplib::ContentReader& reader) {
  auto& imports = *state.imports;
  if (is_json_request(request)) {
    std::string body;
    reader([&](const char* data, size_t size) {
      body.append(data, size);
      return body.size() <= kSmallBodyLimit;
    });
    auto options = nlohmann::json::parse(body, nullptr, false);
    if (!options.is_object() || !options.contains("path") || !options["path"].is_string() ||
        options["path"].get<std::string>().empty()) {
      send_error(response, 400, "bad_request", "expected {\"path\": \"…\"}");
      return;
    }
    try {
      const std::string path = options["path"];
      send_json(response, {{"id", imports.start_path(std::filesystem::u8path(path))}}, 202);
    } catch (...) {
      send_refusal(response, std::current_exception());
    }
    return;
  }
  const int64_t length = content_length(request);
  if (length <= 0) {
    send_error(response, 411, "bad_request", "the export must be sent with its length");
    return;
  }
  std::shared_ptr<Upload> upload;
  try {
    upload = imports.begin_upload(header_file_name(request), length);
  } catch (...) {
    send_refusal(response, std::current_exception());
    return;
  }
  const bool complete =
      reader([&](const char* data, size_t size) { return imports.receive(*upload, data, size); });
  if (!complete) {
    imports.abandon_upload(upload);
    auto status = imports.status(upload->id);
    send_json(response, {{"error", status ? (*status)["error"] : nlohmann::json()}}, 400);
    return;
  }
  try {
    send_json(response, {{"id", imports.finish_upload(upload)}}, 202);
  } catch (...) {
    send_refusal(response, std::current_exception());
  }
}

void get_import(ServerState& state, const httplib::Request& request, httplib::Response& response) {
  auto status = state.imports->status(request.matches[1]);
  if (!status) {
    send_error(response, 404, "not_found", "no such import");
    return;
  }
  send_json(response, *status);
}

void delete_import(ServerState& state, const httplib::Request& request,
                   httplib::Response& response) {
  using Result = ImportJobs::CancelResult;
  switch (state.imports->cancel(request.matches[1])) {
    case Result::cancelling:
      send_json(response, {{"state", "cancelling"}}, 202);
      return;
    case Result::too_late:
      send_error(response, 409, "too_late",
                 "the import is already saved; only the search index is being brought up to date");
      return;
    case Result::finished:
      send_error(response, 409, "finished", "the import has already ended");
      return;
    case Result::unknown:
      send_error(response, 404, "not_found", "no such import");
      return;
  }
}

// /api/books and /api/exports: the jobs that make a file to download. `what`: "book", "export".
using StartJob = std::string (*)(FileJobs& jobs, const nlohmann::json& options);

void post_file_job(FileJobs& jobs, StartJob start, const std::string& what,
                   const httplib::Request& request, httplib::Response& response) {
  auto options = nlohmann::json::parse(request.body, nullptr, false);
  if (!is_json_request(request) || options.is_discarded()) {
    send_error(response, 400, "bad_request",
               "expected the " + what + "'s options as a JSON object");
    return;
  }
  try {
    send_json(response, {{"id", start(jobs, options)}}, 202);
  } catch (...) {
    send_refusal(response, std::current_exception());
  }
}

void get_file_job(const FileJobs& jobs, const std::string& what, const httplib::Request& request,
                  httplib::Response& response) {
  auto status = jobs.status(request.matches[1]);
  if (!status) {
    send_error(response, 404, "not_found", "no such " + what);
    return;
  }
  send_json(response, *status);
}

void download_file_job(const FileJobs& jobs, const std::string& what,
                       const httplib::Request& request, httplib::Response& response) {
  auto download = jobs.download(request.matches[1]);
  if (!download) {
    send_error(response, 404, "not_found", "no such " + what + ", or not ready yet");
    return;
  }
  auto file = std::make_shared<std::ifstream>(download->file, std::ios::binary);
  std::error_code ec;
  const auto size = std::filesystem::file_size(download->file, ec);
  if (!*file || ec) {
    send_error(response, 404, "not_found", "the " + what + "'s file is gone");
    return;
  }
  // A download, never a page of this origin: a book's own script must not run here.
  response.set_header("Content-Security-Policy", attachment_content_security_policy());
  response.set_header("Content-Disposition", "attachment; filename=\"afterglow-" + what +
                                                 download->file.extension().string() +
                                                 "\"; filename*=UTF-8''" +
                                                 url_encode(download->name));
  response.set_header("Cache-Control", "no-store");
  response.set_content_provider(
      static_cast<size_t>(size), download->media_type,
      [file](size_t offset, size_t length, httplib::DataSink& sink) {
        std::vector<char> buffer(std::min<size_t>(length, 1 << 16));
        file->seekg(static_cast<std::streamoff>(offset));
        file->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (file->gcount() <= 0) return false;
        return sink.write(buffer.data(), static_cast<size_t>(file->gcount()));
      });
}

void delete_file_job(FileJobs& jobs, const std::string& what, const httplib::Request& request,
                     httplib::Response& response) {
  if (!jobs.cancel(request.matches[1])) {
    send_error(response, 404, "not_found", "no such " + what + " being made");
    return;
  }
  send_json(response, {{"state", "cancelling"}}, 202);
}

void add_file_job_routes(httplib::Server& http, const std::string& route, FileJobs& jobs,
                         StartJob start, const std::string& what) {
  http.Post(route, [&jobs, start, what](const httplib::Request& q, httplib::Response& r) {
    post_file_job(jobs, start, what, q, r);
  });
  const std::string one = route + R"(/([0-9a-f]{16}))";
  http.Get(one, [&jobs, what](const httplib::Request& q, httplib::Response& r) {
    get_file_job(jobs, what, q, r);
  });
  http.Get(one + "/download", [&jobs, what](const httplib::Request& q, httplib::Response& r) {
    download_file_job(jobs, what, q, r);
  });
  http.Delete(one, [&jobs, what](const httplib::Request& q, httplib::Response& r) {
    delete_file_job(jobs, what, q, r);
  });
}

void get_app(ServerState& state, httplib::Response& response) {
  nlohmann::json running = nullptr;
  if (state.imports) {
    if (auto id = state.imports->running_id(); !id.empty()) {
      running = {{"id", id}, {"state", "running"}};
    }
  }
  int64_t conversations = 0, messages = 0;
  {
    auto archive = state.pool.borrow();
    for (const auto& summary : archive->list({})) {
      ++conversations;
      messages += summary.messages;
    }
  }
  send_json(response, {{"version", AFTERGLOW_VERSION},
                       {"app", !state.write_token.empty()},
                       {"archive", state.pool.path().string()},
                       {"conversations", conversations},
                       {"messages", messages},
                       {"import", running},
                       {"pdf", platform::find_chromium().has_value()}});
}

}  // namespace

void add_app_routes(httplib::Server& http, ServerState& state) {
  http.Get("/api/app",
           [&state](const httplib::Request&, httplib::Response& r) { get_app(state, r); });
  if (state.write_token.empty()) return;  // a read-only server has nothing more
  http.Post("/api/imports",
            [&state](const httplib::Request& q, httplib::Response& r,
                     const httplib::ContentReader& reader) { post_import(state, q, r, reader); });
  http.Get(std::string("/api/imports/") + kJobId,
           [&state](const httplib::Request& q, httplib::Response& r) { get_import(state, q, r); });
  http.Delete(
      std::string("/api/imports/") + kJobId,
      [&state](const httplib::Request& q, httplib::Response& r) { delete_import(state, q, r); });
  add_file_job_routes(http, "/api/books", *state.books, start_book, "book");
  add_file_job_routes(http, "/api/exports", *state.exports, start_export, "export");
}

}  // namespace afterglow::server
