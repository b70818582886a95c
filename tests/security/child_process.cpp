#include "security/child_process.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace afterglow::testing {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::optional<std::pair<uid_t, gid_t>> unprivileged_user() {
  if (geteuid() != 0) return std::nullopt;
  if (const passwd* nobody = getpwnam("nobody"))
    return std::make_pair(nobody->pw_uid, nobody->pw_gid);
  return std::make_pair(uid_t{65534}, gid_t{65534});
}

ChildProcess::ChildProcess(const std::filesystem::path& archive,
                           const std::vector<std::string>& args, const std::filesystem::path& dir,
                           const ChildOptions& options) {
  static std::atomic<int> counter{0};
  const std::string tag = std::to_string(getpid()) + "-" + std::to_string(counter++);
  out_ = dir / ("child-" + tag + ".out");
  err_ = dir / ("child-" + tag + ".err");
  std::vector<std::string> argv_strings = {AFTERGLOW_BINARY, "--archive", archive.string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto user = options.drop_privileges ? unprivileged_user() : std::nullopt;

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Only async-signal-safe calls from here to exec.
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    int err = open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (options.max_file_bytes) {
      // Past the limit write() fails with EFBIG instead of the process dying of SIGXFSZ, the
      // way a full disk fails a write.
      signal(SIGXFSZ, SIG_IGN);
      rlimit limit{static_cast<rlim_t>(*options.max_file_bytes),
                   static_cast<rlim_t>(*options.max_file_bytes)};
      if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    if (user) {
      if (setgroups(0, nullptr) != 0 || setgid(user->second) != 0 || setuid(user->first) != 0) {
        _exit(126);
      }
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && status_ < 0) {
    ::kill(pid_, SIGKILL);
    wait();
  }
}

void ChildProcess::kill_now() {
  if (status_ < 0) ::kill(pid_, SIGKILL);
}

void ChildProcess::pause() {
  if (status_ < 0) ::kill(pid_, SIGSTOP);
}

void ChildProcess::resume() {
  if (status_ < 0) ::kill(pid_, SIGCONT);
}

int ChildProcess::wait() {
  if (status_ >= 0) return status_;
  int raw = 0;
  while (waitpid(pid_, &raw, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  return status_;
}

bool ChildProcess::finished() {
  if (status_ >= 0) return true;
  int raw = 0;
  pid_t done = waitpid(pid_, &raw, WNOHANG);
  if (done != pid_) return false;
  status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  return true;
}

std::string ChildProcess::out() const { return slurp(out_); }
std::string ChildProcess::err() const { return slurp(err_); }

}  // namespace afterglow::testing
