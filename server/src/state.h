// What every route shares, and the routes themselves (one file per group).
#pragma once

#include <functional>
#include <string>

#include "archive_pool.h"
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
};

// /, /conversations (pages_home.cpp)
void add_home_routes(httplib::Server& http, ServerState& state);
// /search (pages_search.cpp)
void add_search_routes(httplib::Server& http, ServerState& state);
// /c/ID (pages_conversation.cpp)
void add_conversation_routes(httplib::Server& http, ServerState& state);
// /api/search, /api/conversations, /api/conversations/ID (api.cpp)
void add_api_routes(httplib::Server& http, ServerState& state);
// /assets/NAME (assets_route.cpp) and /blob/SHA256 (blob_route.cpp)
void add_asset_routes(httplib::Server& http);
void add_blob_routes(httplib::Server& http, ServerState& state);

}  // namespace afterglow::server
