// afterglow serve: the private, read-only web reader over the archive.
#include <iostream>

#include "afterglow/model/errors.h"
#include "afterglow/platform/platform.h"
#include "afterglow/server/access_token.h"
#include "afterglow/server/host_check.h"
#include "afterglow/server/server.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

struct ServeCommandOptions {
  int port = 8080;
  std::string bind = "127.0.0.1";
  bool open = false;
  int threads = 8;
};

void run_serve(const Context& context, const ServeCommandOptions& o) {
  const auto path = context.archive_path();
  if (!std::filesystem::exists(path)) {
    throw ArchiveError(i18n::format(
        _("{0}: no archive here yet; import an export first: afterglow import EXPORT.zip"), path));
  }
  server::ServerOptions options;
  options.archive = path;
  options.bind = o.bind;
  options.port = o.port;
  options.threads = o.threads;
  // Anyone who can reach a non-loopback address could read everything: require a secret.
  if (!server::is_loopback_address(o.bind)) options.token = server::random_token();
  // A logged line quotes the request's path, which a page on the web can choose.
  options.log = [](const std::string& line) {
    std::cerr << "afterglow serve: " << viewer::terminal_text(line) << "\n";
  };

  server::Server server(options);
  // Ctrl-C and SIGTERM stop the server cleanly (taken before the server starts its threads).
  platform::StopRequest stop([&server] { server.stop(); });
  server.bind();
  // Not translated: programs that start the server read its address from this first line.
  std::cout << "afterglow: serving " << server.url() << std::endl;
  if (!options.token.empty()) {
    std::cout << "afterglow: "
              << i18n::format(_("listening on {0}; the address above holds the access token: "
                                "share it only with yourself"),
                              o.bind)
              << "\n";
  }
  std::cout << "afterglow: " << _("read-only; press Ctrl-C to stop") << std::endl;
  if (o.open && !platform::open_in_browser(server.url())) {
    std::cerr << "afterglow: " << _("could not open a browser; open the address above in one")
              << "\n";
  }
  server.run();
}

}  // namespace

void add_serve_command(CLI::App& app, Context& context) {
  auto o = std::make_shared<ServeCommandOptions>();
  auto* cmd = app.add_subcommand(
      "serve", _("Read the archive in a browser: a private local web reader (read-only)"));
  cmd->add_option("--port", o->port, _("Port to listen on (default 8080; 0 picks a free one)"))
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", o->bind,
                  _("Address to listen on (default 127.0.0.1). Any other address requires the "
                    "random access token printed in the URL"));
  cmd->add_flag("--open", o->open, _("Open the reader in the desktop's browser"));
  cmd->add_option("--threads", o->threads, _("Worker threads (default 8)"))
      ->check(CLI::Range(1, 64));
  cmd->callback([o, &context] { run_serve(context, *o); });
}

}  // namespace afterglow::cli
