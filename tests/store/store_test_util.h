// Builders and helpers shared by the store tests: hand-made conversations, a scratch directory,
// one-call imports, and a dump of the archive's content for before/after comparisons.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/platform/platform.h"
#include "afterglow/store/archive.h"

namespace afterglow::store::testing {

namespace fs = std::filesystem;

class ScratchDir {
 public:
  ScratchDir() : path_(platform::make_private_temp_dir("afterglow-store-")) {}
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

// One turn of a hand-made conversation.
struct Turn {
  std::string role;
  std::string text;
};

inline model::Message make_message(const std::string& id, const Turn& turn, double time) {
  model::Message m;
  m.role = turn.role;
  m.recipient = "all";
  m.content_type = "text";
  m.status = "finished_successfully";
  m.model = turn.role == "assistant" ? "gpt-4o" : "";
  m.create_time = time;
  m.text = turn.text;
  m.raw_json = "{\"id\":" + json_quote(id) + ",\"author\":{\"role\":" + json_quote(turn.role) +
               "},\"create_time\":" + std::to_string(time) +
               ",\"content\":{\"content_type\":\"text\",\"parts\":[" + json_quote(turn.text) +
               "]},\"status\":\"finished_successfully\"}";
  return m;
}

// A linear conversation: a root without message, then one node per turn ("<id>-n1", ...).
inline model::Conversation make_conversation(const std::string& id, const std::string& title,
                                             double create_time, const std::vector<Turn>& turns,
                                             const std::string& model = "gpt-4o") {
  model::Conversation c;
  c.id = id;
  c.title = title;
  c.create_time = create_time;
  c.update_time = create_time + static_cast<double>(turns.size()) * 10;
  c.model = model;
  c.meta_json =
      "{\"title\":" + json_quote(title) + ",\"default_model_slug\":" + json_quote(model) + "}";
  model::Node root;
  root.id = id + "-root";
  c.nodes.push_back(root);
  std::string parent = root.id;
  for (size_t i = 0; i < turns.size(); ++i) {
    model::Node n;
    n.id = id + "-n" + std::to_string(i + 1);
    n.parent = parent;
    n.message = make_message(n.id, turns[i], create_time + static_cast<double>(i) * 10);
    c.nodes.back().children.push_back(n.id);
    parent = n.id;
    c.nodes.push_back(std::move(n));
  }
  c.current_node = parent;
  // Stands in for the exported element: anything that changes the conversation changes it.
  c.raw_json = "{\"id\":" + json_quote(id) + ",\"title\":" + json_quote(title) +
               ",\"update_time\":" + std::to_string(*c.update_time) + ",\"mapping\":[";
  for (const auto& n : c.nodes) {
    c.raw_json += (n.message ? n.message->raw_json : "null") + std::string(",");
  }
  c.raw_json += "null]}";
  return c;
}

inline void touch_raw(model::Conversation& c) {
  c.raw_json = c.raw_json.substr(0, c.raw_json.size() - 1) +
               ",\"touched\":" + std::to_string(c.nodes.size()) + "}";
}

struct OriginalInput {
  std::string path;
  std::string bytes;
};

inline model::Survey survey_for(const std::string& account_id) {
  model::Survey s;
  s.input_path = "/exports/test.zip";
  s.layout = "classic";
  s.account.id = account_id;
  s.account.email = account_id.empty() ? "" : account_id + "@example.org";
  return s;
}

inline ImportSummary import_all(Archive& archive, const model::Survey& survey,
                                std::vector<model::Conversation> conversations,
                                const std::vector<OriginalInput>& originals = {},
                                const model::AssetResolver& resolver = nullptr) {
  auto import = archive.begin_import("test");
  import->begin(survey);
  for (const auto& o : originals) {
    auto writer = import->original_file({o.path, static_cast<int64_t>(o.bytes.size())});
    // Uneven pieces, as a zip stream delivers them.
    size_t at = 0, step = 7;
    while (at < o.bytes.size()) {
      size_t n = std::min(step, o.bytes.size() - at);
      writer->write(std::string_view(o.bytes).substr(at, n));
      at += n;
      step = step * 3 + 1;
    }
    writer->finish();
  }
  for (auto& c : conversations) import->conversation(std::move(c));
  import->resolve_attachments(resolver ? resolver : [](const model::Attachment&,
                                                       const std::string&) {
    return std::optional<model::ResolvedAsset>();
});
return import->commit();
}  // namespace afterglow::store::testing

// Every row of the content tables, with the columns that legitimately move on each import
// (import ids, seen-times, change sequence) left out.
inline std::string dump_content(const fs::path& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  const char* queries[] = {
      "SELECT source, external_id, email, name FROM accounts ORDER BY id",
      "SELECT sha256, size, compression, stored_size, mime FROM blobs ORDER BY id",
      "SELECT blob_id, seq, hex(data) FROM blob_chunks ORDER BY blob_id, seq",
      "SELECT id, zstd_dict_id, hex(data) FROM dictionaries ORDER BY id",
      "SELECT id, source, external_id, title, create_time, update_time, current_node, model, "
      "dict_id, hex(meta), content_hash, thread_messages, first_user_text, has_branches, "
      "gone_upstream FROM conversations ORDER BY id",
      "SELECT id, conversation_id, node_id, parent, ordinal, position, on_thread, vanished "
      "FROM nodes ORDER BY id",
      "SELECT node, role, kind, hidden, dict_id, hex(text), hex(raw_json), citations, "
      "content_hash FROM messages ORDER BY node",
      "SELECT message, ordinal, kind, pointer, name, mime, member, sha256 FROM attachments "
      "ORDER BY message, ordinal",
      "SELECT account_id, source, external_id, conversation_id, message_id, rating, text, "
      "create_time, raw_json FROM message_feedback ORDER BY id",
      "SELECT account_id, source, kind, time, text, conversation_id, node_id, project_id, digest, "
      "raw_json, first_seen_import FROM memory_records ORDER BY id",
      "SELECT account_id, source, external_id, kind, name, description, instructions, raw_json, "
      "first_seen_import FROM projects ORDER BY id",
  };
  std::string out;
  for (const char* sql : queries) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* t = sqlite3_column_text(st, i);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
    out += "--\n";
  }
  sqlite3_close(db);
  return out;
}

inline int64_t query_int(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    value = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return value;
}

inline std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::string out(n, '\0');
  for (size_t i = 0; i < n; i += 8) {
    uint64_t v = rng();
    for (size_t k = 0; k < 8 && i + k < n; ++k) out[i + k] = static_cast<char>(v >> (8 * k));
  }
  return out;
}

}  // namespace afterglow::store::testing
