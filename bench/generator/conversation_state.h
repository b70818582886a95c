// The state of the one conversation being generated: its tree of nodes (message JSON kept in
// one arena string), its clock, its settings, and the assets it refers to. Memory is bounded by
// this single conversation; it is reset for the next one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generator/json_out.h"
#include "generator/media_files.h"
#include "generator/prose.h"
#include "generator/random.h"
#include "generator/timeline.h"
#include "generator/vocabulary.h"

namespace afterglow::bench {

// A file the export must contain because a message points to it.
struct AssetRequest {
  std::string member;         // zip member name
  std::string original_name;  // what the user called it (conversation_asset_file_names.json)
  MediaKind kind;
  std::uint64_t seed;  // the bytes are media_file(kind, seed)
};

// What is fixed for the whole export.
struct ExportShape {
  bool sharded = false;  // 2026 layout: assets as <pointer id>.dat
  std::string user_id;   // names the user-<id>/ folder of 2025 images
  // Share of conversations written in Chinese: two in three wholly Chinese, one in three
  // Chinese with English terms; the rest English.
  double chinese_share = 0.45;
};

enum class Role { system, user, assistant, tool };

struct Node {
  std::string id;
  int parent = -1;
  std::vector<int> children;
  // The message JSON is arena[begin, end); begin == end means "message": null (the root).
  std::size_t begin = 0;
  std::size_t end = 0;
};

// How a message ends: the fields after "content".
struct MessageTail {
  std::string_view status = "finished_successfully";
  std::optional<bool> end_turn;  // nullopt writes null
  bool hidden = false;           // weight 0 and is_visually_hidden_from_conversation
  std::string_view recipient = "all";
  std::string_view channel;  // empty writes null
};

struct ConversationState {
  ConversationState(std::uint64_t seed, const ExportShape& shape, std::string& arena,
                    std::vector<AssetRequest>& assets);

  Rng rng;
  const ExportShape& shape;
  std::string& arena;
  std::vector<AssetRequest>& assets;
  std::vector<Node> nodes;

  std::string conversation_id;
  Micros start = 0;
  Micros clock = 0;
  Language language = Language::english;
  const Topic* topic = nullptr;
  std::string_view model;
  bool reasoning = false;
  bool voice = false;
  bool modern = false;  // 2025+: client-created-root, sediment:// pointers, channel field
  bool ascii = false;   // 2023-early 2024: non-ASCII escaped as \uXXXX
  std::uint64_t messages = 0;

  JsonOut json;      // writes into arena
  std::string text;  // scratch for the text of the message being built

  // The language of one message: mixed conversations switch between the two.
  TextStyle style();
  // Moves the clock forward by a log-normal gap and returns the new time.
  Micros advance(double median_seconds, double sigma);

  int add_root();
  // Adds a node under `parent` and writes {"id","author","create_time","update_time",
  // "content": ; the caller then writes the content value and calls close_message.
  int open_message(int parent, Role role, std::string_view author_name,
                   std::optional<Micros> create_time);
  // Writes the tail; `metadata` adds the fields of the "metadata" object.
  template <typename Metadata>
  void close_message(int node, const MessageTail& tail, Metadata&& metadata) {
    write_tail_start(tail);
    metadata(json);
    write_tail_end(node, tail);
  }
  void close_message(int node, const MessageTail& tail) {
    close_message(node, tail, [](JsonOut&) {});
  }

  // Content helpers.
  void text_content(std::string_view text);
  // Common assistant metadata: model, finish details, parent, request id.
  void assistant_metadata(JsonOut& j, int node, bool complete);
  void user_metadata(JsonOut& j);

  // Records that the export ships the file of `pointer_id`: under `member_in_classic` in the
  // classic layout, as <pointer id>.dat in the sharded one. Pointers whose file is not
  // registered stay unavailable, as expired assets are in real exports.
  void register_asset(std::string_view pointer_id, std::string member_in_classic,
                      std::string original_name, MediaKind kind, std::uint64_t seed);

 private:
  void write_tail_start(const MessageTail& tail);
  void write_tail_end(int node, const MessageTail& tail);
};

}  // namespace afterglow::bench
