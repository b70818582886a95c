// afterglow verify: reads the whole archive back and says whether every byte is still what was
// stored. Exit status 0 when all is well, 1 when anything is wrong (each problem on its own line).
#include <cstdio>
#include <iostream>

#include "afterglow/indexer/check.h"
#include "afterglow/model/errors.h"
#include "afterglow/store/verify.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

std::string megabytes(int64_t bytes) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return out;
}

store::VerifyProgressFn progress_line(bool enabled) {
  if (!enabled) return {};
  return [](const std::string& step, int64_t done, int64_t total) {
    std::fprintf(stderr, "\r\x1b[KVerifying %s: %lld / %lld", step.c_str(),
                 static_cast<long long>(done), static_cast<long long>(total));
    std::fflush(stderr);
  };
}

// Prints the index's line and returns its problems, as report lines.
std::vector<std::string> report_index(std::ostream& out, const indexer::IndexCheck& check) {
  const std::string name = std::string("search (") + indexer::to_string(check.engine) + ")";
  out << "  " << name << ": ";
  if (!check.present) {
    out << "not built yet (derived data: `afterglow reindex` builds it)\n";
    return {};
  }
  out << check.documents << " documents";
  if (check.ok()) out << ", agree with the archive";
  if (check.behind > 0) {
    out << " (" << check.behind << " newer messages not indexed yet; the next search adds them)";
  }
  out << "\n";
  std::vector<std::string> problems;
  for (const auto& key : check.missing) {
    problems.push_back(name + ": no document for message " + key);
  }
  if (check.missing_count > static_cast<int64_t>(check.missing.size())) {
    problems.push_back(
        name + ": ... " +
        std::to_string(check.missing_count - static_cast<int64_t>(check.missing.size())) +
        " more messages without a document");
  }
  for (const auto& key : check.extra) {
    problems.push_back(name + ": document for a message the archive does not have: " + key);
  }
  if (check.extra_count > static_cast<int64_t>(check.extra.size())) {
    problems.push_back(
        name + ": ... " +
        std::to_string(check.extra_count - static_cast<int64_t>(check.extra.size())) +
        " more documents for messages the archive does not have");
  }
  for (const auto& p : check.problems) problems.push_back(name + ": " + p);
  return problems;
}

void verify(const Context& context) {
  const auto path = context.archive_path();
  if (!std::filesystem::exists(path)) context.open_for_reading();  // says how to make one
  std::ostream& out = std::cout;
  out << "Verifying " << path.string() << "\n";
  std::unique_ptr<store::Archive> archive;
  try {
    archive = store::Archive::open(path, store::Archive::Mode::read_only);
  } catch (const ArchiveError& e) {
    out << "problem: " << e.what() << "\n1 problem found: the archive cannot be opened.\n";
    throw Exit{1};
  }
  const bool progress = stderr_is_terminal();
  store::VerifyReport report = store::verify_archive(*archive, progress_line(progress));
  if (progress) std::fprintf(stderr, "\r\x1b[K");
  out << "  database:       " << (report.database_ok ? "integrity check ok" : "DAMAGED") << "\n";
  out << "  original files: " << report.sources << " checked against their blobs\n";
  out << "  blobs:          " << report.blobs << " read back (" << megabytes(report.blob_bytes)
      << "), each checked against its SHA-256\n";
  out << "  conversations:  " << report.conversations << ", metadata readable\n";
  out << "  messages:       " << report.messages << ", text and raw JSON decompressed\n";
  out << "  attachments:    " << report.attachments << " linked to stored bytes\n";
  std::vector<std::string> problems = std::move(report.problems);
  for (const auto& check : indexer::check_indexes(*archive)) {
    for (auto& p : report_index(out, check)) problems.push_back(std::move(p));
  }
  for (const auto& p : problems) out << "problem: " << p << "\n";
  if (problems.empty()) {
    out << "All checks passed.\n";
    return;
  }
  out << problems.size() << (problems.size() == 1 ? " problem" : " problems") << " found.\n";
  throw Exit{1};
}

}  // namespace

void add_verify_command(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "verify",
      "Check the archive: SQLite integrity, every stored file's SHA-256, every message, and "
      "that the search indexes agree (exit status 1 when anything is wrong)");
  cmd->callback([&context] { verify(context); });
}

}  // namespace afterglow::cli
