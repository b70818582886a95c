// Runs the real `afterglow` binary as a child process the tests can kill at any moment, limit
// (file size) or run as an unprivileged user, to see what the archive looks like afterwards.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace afterglow::testing {

struct ChildOptions {
  std::optional<long long> max_file_bytes;  // RLIMIT_FSIZE, with SIGXFSZ ignored
  bool drop_privileges = false;             // run as nobody when the test runs as root
};

class ChildProcess {
 public:
  // Starts `afterglow --archive ARCHIVE ARGS...` with stdout and stderr going to files in `dir`.
  ChildProcess(const std::filesystem::path& archive, const std::vector<std::string>& args,
               const std::filesystem::path& dir, const ChildOptions& options = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void kill_now();  // SIGKILL
  // SIGSTOP and SIGCONT: the child holds whatever it held (locks, an open transaction) while
  // stopped, so a test can look at the archive at that very point of the child's work.
  void pause();
  void resume();
  // Waits for the end; the exit status, or 128 + signal.
  int wait();
  bool finished();  // without blocking
  std::string out() const;
  std::string err() const;

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::filesystem::path out_, err_;
};

// The unprivileged user tests run as when they need permissions to mean something (root ignores
// file modes); nullopt when not running as root.
std::optional<std::pair<uid_t, gid_t>> unprivileged_user();

}  // namespace afterglow::testing
