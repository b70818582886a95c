#include "counting_sink.h"

namespace afterglow::pipeline {

void CountingSink::conversation(model::Conversation&& conversation) {
  int64_t messages = 0;
  for (const auto& node : conversation.nodes) messages += node.message ? 1 : 0;
  inner_.conversation(std::move(conversation));
  ++conversations_;
  messages_ += messages;
  if (stored_) stored_(conversations_, messages_);
}

void CountingSink::broken_conversation(model::BrokenConversation&& broken) {
  inner_.broken_conversation(std::move(broken));
}

}  // namespace afterglow::pipeline
