// Passes an import through to the archive while counting what it stored, for progress.
#pragma once

#include <cstdint>
#include <functional>

#include "afterglow/model/import_sink.h"

namespace afterglow::pipeline {

class CountingSink : public model::ImportSink {
 public:
  // `stored` is called after every conversation with the running counts.
  CountingSink(model::ImportSink& inner, std::function<void(int64_t, int64_t)> stored)
      : inner_(inner), stored_(std::move(stored)) {}

  void begin(const model::Survey& survey) override { inner_.begin(survey); }
  std::unique_ptr<model::FileWriter> original_file(const model::MemberInfo& member) override {
    return inner_.original_file(member);
  }
  void conversation(model::Conversation&& conversation) override;
  void broken_conversation(model::BrokenConversation&& broken) override;
  // Every hook is passed on: a hook left to its default here would drop what it carries.
  void memory_record(model::MemoryRecord&& record) override {
    inner_.memory_record(std::move(record));
  }
  void project(model::Project&& project) override { inner_.project(std::move(project)); }
  void message_feedback(model::MessageFeedback&& feedback) override {
    inner_.message_feedback(std::move(feedback));
  }
  void resolve_attachments(const model::AssetResolver& resolver) override {
    inner_.resolve_attachments(resolver);
  }

 private:
  model::ImportSink& inner_;
  std::function<void(int64_t, int64_t)> stored_;
  int64_t conversations_ = 0;
  int64_t messages_ = 0;
};

}  // namespace afterglow::pipeline
