// afterglow serve: the private, read-only web reader over the archive.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <iostream>
#include <thread>

#include "afterglow/model/errors.h"
#include "afterglow/server/access_token.h"
#include "afterglow/server/host_check.h"
#include "afterglow/server/server.h"
#include "commands.h"

extern char** environ;

namespace afterglow::cli {
namespace {

struct ServeCommandOptions {
  int port = 8080;
  std::string bind = "127.0.0.1";
  bool open = false;
  int threads = 8;
};

// Opens the URL in the desktop's browser when xdg-open exists; the URL is printed either way.
void open_in_browser(const std::string& url) {
  pid_t pid = 0;
  char* argv[] = {const_cast<char*>("xdg-open"), const_cast<char*>(url.c_str()), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
    std::cerr << "afterglow: no xdg-open here; open the address above in a browser\n";
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

void run_serve(const Context& context, const ServeCommandOptions& o) {
  const auto path = context.archive_path();
  if (!std::filesystem::exists(path)) {
    throw ArchiveError(
        path.string() +
        ": no archive here yet; import an export first: afterglow import EXPORT.zip");
  }
  server::ServerOptions options;
  options.archive = path;
  options.bind = o.bind;
  options.port = o.port;
  options.threads = o.threads;
  // Anyone who can reach a non-loopback address could read everything: require a secret.
  if (!server::is_loopback_address(o.bind)) options.token = server::random_token();
  options.log = [](const std::string& line) { std::cerr << "afterglow serve: " << line << "\n"; };

  // Ctrl-C and SIGTERM stop the server cleanly: the signals are taken by one thread that
  // waits for them, so the workers never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::Server server(options);
  server.bind();
  std::cout << "afterglow: serving " << server.url() << std::endl;
  if (!options.token.empty()) {
    std::cout << "afterglow: listening on " << o.bind
              << "; the address above holds the access token: share it only with yourself\n";
  }
  std::cout << "afterglow: read-only; press Ctrl-C to stop" << std::endl;
  if (o.open) open_in_browser(server.url());

  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  server.run();
  // run() also returns when listening fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
}

}  // namespace

void add_serve_command(CLI::App& app, Context& context) {
  auto o = std::make_shared<ServeCommandOptions>();
  auto* cmd = app.add_subcommand("serve",
                                 "Read the archive in a browser: a private local web "
                                 "reader (read-only)");
  cmd->add_option("--port", o->port, "Port to listen on (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", o->bind,
                  "Address to listen on (default 127.0.0.1). Any other address requires the "
                  "random access token printed in the URL");
  cmd->add_flag("--open", o->open, "Open the reader in the desktop's browser (xdg-open)");
  cmd->add_option("--threads", o->threads, "Worker threads (default 8)")->check(CLI::Range(1, 64));
  cmd->callback([o, &context] { run_serve(context, *o); });
}

}  // namespace afterglow::cli
