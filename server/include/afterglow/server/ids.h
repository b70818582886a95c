// What an id in a URL may look like before it goes anywhere near the archive. Export ids are
// UUIDs or similar ("client-created-root", "file-abc"); anything else is refused with 404.
#pragma once

#include <string_view>

namespace afterglow::server {

// A conversation id or a unique prefix of one: 1 to 128 of [A-Za-z0-9_.:-], not starting
// with '.'.
bool valid_conversation_id(std::string_view id);
// A node id: the same alphabet.
bool valid_node_id(std::string_view id);
// A blob key: exactly 64 lowercase hex digits.
bool valid_sha256(std::string_view key);
// An embedded asset's name: [A-Za-z0-9_.-] segments separated by single '/', no "." or ".."
// segment, at most 200 characters. Assets are looked up in a table, never on disk; this is
// a second wall.
bool valid_asset_name(std::string_view name);

}  // namespace afterglow::server
