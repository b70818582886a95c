// What every route shares, and the routes themselves (one file per group).
#pragma once

#include <functional>
#include <string>

#include "archive_pool.h"
#include "file_jobs.h"
#include "import_jobs.h"
#include "memories_cache.h"

namespace httplib {
class Server;
}

namespace afterglow::server {

struct ServerState {
  ServerState(const std::filesystem::path& archive, size_t connections)
      : pool(archive, connections), memories(pool) {}
  ArchivePool pool;
  MemoriesCache memories;
  // The app's per-launch secret for requests that change anything (imports, books): empty when
  // the server is read-only. Pages carry it in <meta name="afterglow-token">; a write must send it
  // back in the X-Afterglow-Token header.
  std::string write_token;
  // The app's jobs (null when read-only). Declared last: destroyed first, each waiting for its
  // running job, while the archive connections are still there.
  std::unique_ptr<ImportJobs> imports;
  std::unique_ptr<FileJobs> books;
  std::unique_ptr<FileJobs> exports;
};

// /, /conversations (pages_home.cpp)
void add_home_routes(httplib::Server& http, ServerState& state);
// /search (pages_search.cpp)
void add_search_routes(httplib::Server& http, ServerState& state);
// /c/ID (pages_conversation.cpp)
void add_conversation_routes(httplib::Server& http, ServerState& state);
// /api/search, /api/conversations, /api/conversations/ID (api.cpp)
void add_api_routes(httplib::Server& http, ServerState& state);
// /api/app, and for the app /api/imports, /api/books and /api/exports (api_jobs.cpp)
void add_app_routes(httplib::Server& http, ServerState& state);
// /import and /book, the app's pages for importing and making a book (pages_import.cpp,
// pages_book.cpp); on a read-only server they say how to do it on the command line.
void add_import_page_routes(httplib::Server& http, ServerState& state);
void add_book_page_routes(httplib::Server& http, ServerState& state);
// /export, the app's page for the open formats (pages_export.cpp)
void add_export_page_routes(httplib::Server& http, ServerState& state);
// /remembered, the companion's memory records, each linked to its message (pages_remembered.cpp)
void add_remembered_routes(httplib::Server& http, ServerState& state);
// /assets/NAME (assets_route.cpp) and /blob/SHA256 (blob_route.cpp)
void add_asset_routes(httplib::Server& http);
void add_blob_routes(httplib::Server& http, ServerState& state);

}  // namespace afterglow::server
