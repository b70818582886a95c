#include "number_checks.h"

#include <cmath>

#include "afterglow/model/local_time.h"

namespace afterglow::importer {
namespace {

int64_t drop_if_unrepresentable(model::Timestamp& time) {
  if (!time || model::representable_time(*time)) return 0;
  time.reset();
  return 1;
}

}  // namespace

std::optional<int64_t> whole_number(std::optional<double> value, int64_t max) {
  // Written so that NaN fails: every comparison with it is false.
  if (!value || !(*value >= 0) || !(*value <= static_cast<double>(max))) return std::nullopt;
  return static_cast<int64_t>(*value);
}

int64_t drop_unrepresentable_times(model::Conversation& conversation) {
  int64_t dropped = drop_if_unrepresentable(conversation.create_time) +
                    drop_if_unrepresentable(conversation.update_time);
  for (auto& node : conversation.nodes) {
    if (!node.message) continue;
    dropped += drop_if_unrepresentable(node.message->create_time) +
               drop_if_unrepresentable(node.message->update_time);
    for (auto& attachment : node.message->attachments) {
      if (!(attachment.duration >= 0 && attachment.duration <= kMaxDurationSeconds)) {
        attachment.duration = 0;
      }
    }
  }
  return dropped;
}

}  // namespace afterglow::importer
