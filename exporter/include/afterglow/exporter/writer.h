// Writing an export, one conversation at a time (memory stays bounded by the largest one): a
// writer is made for a format and a target, given each conversation of the selection in order,
// then finished. It writes only inside its target; making the result appear at its destination
// all at once is the caller's job (pipeline/export_job.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "afterglow/exporter/format.h"
#include "afterglow/store/archive.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::exporter {

struct ExportOptions {
  Format format = Format::markdown;
  // The words of headings and labels; nullopt: each conversation's own main language.
  std::optional<viewer::Lang> lang;
  // The continuity packet's size in characters (its text: instructions, memories, exchanges);
  // 0: kDefaultPacketBudget.
  size_t budget = 0;
};

// About 5,000 words of English or 20,000 Chinese characters: room for a dozen exchanges, and
// still small beside what today's models take at the start of a conversation.
inline constexpr size_t kDefaultPacketBudget = 20'000;

// The language a conversation's file is written in.
viewer::Lang language_of(const ExportOptions& options, const model::Conversation& conversation);

struct ExportCounts {
  int64_t conversations = 0;
  int64_t messages = 0;  // jsonl: lines (every node); others: visible messages on the threads
  int64_t attachments_copied = 0;
  int64_t attachments_unavailable = 0;
  int64_t files = 0;  // files written (notes, pages, attachments, indexes)
};

class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  virtual void add(const store::StoredConversation& stored) = 0;
  // Index notes, the end of a file; nothing may be added after it.
  virtual void finish() = 0;
  const ExportCounts& counts() const { return counts_; }
  // The message the selection's search matched best in the conversation added next, when the
  // selection was a search (the packet shows the exchange around it; other formats need not).
  void set_match(std::string node_id) { match_ = std::move(node_id); }

 protected:
  ExportCounts counts_;
  std::string match_;
};

// `target` is the file for jsonl and epub (which keeps its parts in a folder beside it until
// finished), an existing empty folder for the others. Throws Error when a
// file cannot be written.
std::unique_ptr<ExportWriter> make_writer(const store::Archive& archive,
                                          const ExportOptions& options,
                                          const std::filesystem::path& target);

}  // namespace afterglow::exporter
