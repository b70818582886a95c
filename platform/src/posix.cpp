// Linux and macOS (and other POSIX systems): the platform functions of platform.h.
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "afterglow/model/errors.h"
#include "afterglow/platform/platform.h"

extern char** environ;

namespace afterglow::platform {
namespace fs = std::filesystem;
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool executable(const fs::path& path) { return access(path.c_str(), X_OK) == 0; }

// The first of `names` found in a folder of $PATH.
std::optional<fs::path> on_path(std::initializer_list<const char*> names) {
  std::string dirs = env("PATH");
  if (dirs.empty()) dirs = "/usr/bin:/bin";
  for (const char* name : names) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (executable(candidate)) return candidate;
      start = end + 1;
    }
  }
  return std::nullopt;
}

// Starts argv (searched on PATH) with stdout and stderr discarded; 0 on failure.
pid_t spawn_quietly(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : 0;
}

}  // namespace

bool is_terminal(Stream stream) {
  return isatty(stream == Stream::out ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

void prepare_console() {}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  return std::vector<std::string>(argv, argv + argc);
}

fs::path user_data_dir() {
#if defined(__APPLE__)
  if (auto home = env("HOME"); !home.empty()) {
    return fs::path(home) / "Library" / "Application Support" / "afterglow";
  }
#else
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return fs::path(xdg) / "afterglow";
  if (auto home = env("HOME"); !home.empty()) {
    return fs::path(home) / ".local" / "share" / "afterglow";
  }
#endif
  return fs::path(".") / "afterglow";
}

fs::path make_private_temp_dir(const std::string& prefix, const fs::path& parent) {
  std::string name = ((parent.empty() ? fs::temp_directory_path() : parent) / prefix).string();
  name += "XXXXXX";
  if (!mkdtemp(name.data())) throw Error(name + ": cannot create a temporary folder");
  return name;
}

fs::path executable_path() {
#if defined(__APPLE__)
  char buffer[PATH_MAX];
  uint32_t size = sizeof buffer;
  if (_NSGetExecutablePath(buffer, &size) == 0) return fs::weakly_canonical(buffer);
  return {};
#else
  std::error_code ec;
  auto path = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : path;
#endif
}

void set_environment(const std::string& name, const std::string& value) {
  setenv(name.c_str(), value.c_str(), 1);
}

int run_quietly(const std::vector<std::string>& argv) {
  pid_t pid = spawn_quietly(argv);
  if (pid == 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_program(const std::vector<std::string>& args, const RunOptions& options) {
  if (args.empty()) return -1;
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  // This process's environment with the options' variables replaced or added.
  std::vector<std::string> variables;
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const auto& [name, value] : options.env) {
      replaced = replaced || (entry.starts_with(name) && entry.size() > name.size() &&
                              entry[name.size()] == '=');
    }
    if (!replaced) variables.emplace_back(entry);
  }
  for (const auto& [name, value] : options.env) variables.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& v : variables) envp.push_back(v.data());
  envp.push_back(nullptr);

  const std::string out = options.out.empty() ? "/dev/null" : options.out.string();
  const std::string err = options.err.empty() ? "/dev/null" : options.err.string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);  // as a shell reports it
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void set_time_zone(const std::string& zone) {
  if (zone.empty()) {
    unsetenv("TZ");
  } else {
    setenv("TZ", zone.c_str(), 1);
  }
  tzset();
}

void use_time_zone_from_environment() {}

bool open_in_browser(const std::string& url) {
#if defined(__APPLE__)
  const char* opener = "open";
#else
  const char* opener = "xdg-open";
#endif
  if (!on_path({opener})) return false;
  pid_t pid = spawn_quietly({opener, url});
  if (pid == 0) return false;
  // xdg-open returns once the browser has the URL; reap it so it leaves no zombie.
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
  return true;
}

std::optional<fs::path> find_chromium() {
  if (auto chosen = env("AFTERGLOW_CHROMIUM"); !chosen.empty()) {
    if (executable(chosen)) return fs::path(chosen);
    return std::nullopt;
  }
  if (auto found = on_path({"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                            "microsoft-edge"})) {
    return found;
  }
#if defined(__APPLE__)
  for (const char* app : {"/Applications/Chromium.app/Contents/MacOS/Chromium",
                          "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                          "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"}) {
    if (executable(app)) return fs::path(app);
  }
#endif
  return std::nullopt;
}

std::vector<std::string> chromium_platform_arguments() {
  if (geteuid() == 0) return {"--no-sandbox"};  // Chromium refuses to run as root otherwise
  return {};
}

struct StopRequest::Impl {
  sigset_t signals;
  std::thread waiter;
  std::atomic<bool> stopping{false};
};

StopRequest::StopRequest(std::function<void()> stop) : impl_(std::make_unique<Impl>()) {
  // The signals are blocked in this thread and every thread started after it, and taken by one
  // thread that waits for them, so no other thread is ever interrupted by them.
  sigemptyset(&impl_->signals);
  sigaddset(&impl_->signals, SIGINT);
  sigaddset(&impl_->signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &impl_->signals, nullptr);
  impl_->waiter = std::thread([impl = impl_.get(), stop = std::move(stop)] {
    int received = 0;
    sigwait(&impl->signals, &received);
    if (!impl->stopping) stop();
  });
}

StopRequest::~StopRequest() {
  impl_->stopping = true;
  // Wake the waiter with a signal only it takes (the others block it too).
  pthread_kill(impl_->waiter.native_handle(), SIGTERM);
  impl_->waiter.join();
}

}  // namespace afterglow::platform
