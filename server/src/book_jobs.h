// The app's books: one at a time, made on a thread of their own by the same pipeline as
// `afterglow book`, into a private temporary folder beside the archive, then downloaded. The
// files go when the server stops (or when a newer book replaces them).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "afterglow/pipeline/book_job.h"

namespace afterglow::server {

class BookJobs {
 public:
  static constexpr std::string_view kTemporaryPrefix = ".afterglow-book-";

  explicit BookJobs(std::filesystem::path archive);
  ~BookJobs();  // cancels a running book, waits for it, removes every book's files
  BookJobs(const BookJobs&) = delete;
  BookJobs& operator=(const BookJobs&) = delete;

  void remove_leftovers() const;

  // Starts a book from the options of POST /api/books (named as `afterglow book`'s long
  // options). Throws InputError for a bad option, Error (busy) while another book is made.
  std::string start(const nlohmann::json& options);

  std::optional<nlohmann::json> status(const std::string& id) const;
  // The finished book's file and the name to download it as; nullopt when not ready.
  struct Download {
    std::filesystem::path file;
    std::string name;  // e.g. "My years with GPT-4o.html"
    std::string media_type;
  };
  std::optional<Download> download(const std::string& id) const;
  bool cancel(const std::string& id);  // false when unknown or finished

  struct Job;

 private:
  std::shared_ptr<Job> find(const std::string& id) const;

  std::filesystem::path archive_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Job>> jobs_;
};

// The request a JSON object of options asks for (without the destination). Throws InputError
// for a field of the wrong type or an unknown format.
pipeline::BookRequest book_request_from_json(const nlohmann::json& options, std::string& format);

}  // namespace afterglow::server
