// Builds one conversation of an export: its settings (date, language, topic, model, voice),
// its tree of turns with branches, and its JSON object, written minified.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generator/conversation_state.h"

namespace afterglow::bench {

struct ConversationStats {
  std::uint64_t messages = 0;
};

class ConversationBuilder {
 public:
  ConversationBuilder(std::uint64_t export_seed, ExportShape shape);

  // Replaces `out` with conversation number `index` as one JSON object, and appends the files
  // its messages point to onto `assets`. Depends only on (export seed, layout, index).
  ConversationStats build(std::uint64_t index, std::string& out, std::vector<AssetRequest>& assets);

  const ExportShape& shape() const { return shape_; }

 private:
  std::uint64_t seed_;
  ExportShape shape_;
  std::string arena_;  // reused: holds the current conversation's messages
};

}  // namespace afterglow::bench
