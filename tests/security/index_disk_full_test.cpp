// The FTS5 index writes through the store's SQLite connection, so a full disk while indexing is
// told as the store tells it: the archive's path, "cannot write", ErrorCode::disk_full. (A file
// size limit fails writes the way a full disk does.)
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>

#include "afterglow/indexer/index.h"
#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

// Lowers this process's file size limit for its lifetime; past it write() fails with EFBIG
// (SIGXFSZ ignored) instead of the process dying.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &before_);
    handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lowered = before_;
    lowered.rlim_cur = bytes;
    ok_ = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &before_);
    std::signal(SIGXFSZ, handler_);
  }
  bool ok() const { return ok_; }

 private:
  rlimit before_{};
  void (*handler_)(int) = SIG_DFL;
  bool ok_ = false;
};

indexer::Document document(int n) {
  indexer::Document d;
  d.source = "chatgpt";
  d.conversation_id = "conversation-" + std::to_string(n / 10);
  d.node_id = "node-" + std::to_string(n);
  d.role = "user";
  d.kind = "normal";
  d.seq = n + 1;
  d.title = "Disk full " + std::to_string(n);
  for (int w = 0; w < 400; ++w) d.text += "word" + std::to_string(n * 401 + w) + " 压力 ";
  return d;
}

TEST(IndexDiskFull, TheFts5IndexReportsAFullDiskAsTheStoreDoes) {
  const fs::path dir =
      fs::temp_directory_path() / ("afterglow-index-full-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "archive.afterglow";
  {
    store::Database db(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    auto index = indexer::open_fts5_index(db, true);
    std::string message;
    ErrorCode code = ErrorCode::unspecified;
    {
      FileSizeLimit limit(fs::file_size(file) + (64 << 10));
      ASSERT_TRUE(limit.ok());
      try {
        for (int n = 0; n < 400; ++n) index->add(document(n));
        index->commit(400);
      } catch (const ArchiveError& e) {
        message = e.what();
        code = e.code();
      }
    }
    ASSERT_FALSE(message.empty()) << "indexing past the limit did not fail";
    EXPECT_EQ(code, ErrorCode::disk_full) << message;
    EXPECT_EQ(message.rfind(file.string() + ": cannot write: ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_EQ(message.find("INSERT"), std::string::npos) << message;  // no SQL in a disk error
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace afterglow::testing
