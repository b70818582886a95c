// afterglow app (and afterglow with no arguments): the local server with everything a person
// needs on its pages — import, read, search, make the book — opened in the browser.
#include <httplib.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "afterglow/indexer/index.h"
#include "afterglow/indexer/search.h"
#include "afterglow/platform/platform.h"
#include "afterglow/server/server.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

namespace fs = std::filesystem;

// A port people can bookmark; any free one when it is taken.
constexpr int kPreferredPort = 47800;

struct AppOptions {
  bool no_browser = false;
  int port = -1;  // -1: the preferred port, else any free one
};

// Where a running app says where it is: beside the archive, so a second start finds it.
fs::path instance_file(const fs::path& archive) { return archive.string() + "-app.json"; }

// The address of an app already serving this archive, when one answers.
std::optional<std::string> running_app(const fs::path& archive) {
  std::ifstream in(instance_file(archive));
  auto saved = nlohmann::json::parse(in, nullptr, false);
  if (!saved.is_object() || !saved["port"].is_number_integer() || !saved["url"].is_string()) {
    return std::nullopt;
  }
  httplib::Client client("127.0.0.1", saved["port"].get<int>());
  client.set_connection_timeout(1, 0);
  client.set_read_timeout(3, 0);
  auto answer = client.Get("/api/app");
  if (!answer || answer->status != 200) return std::nullopt;
  auto app = nlohmann::json::parse(answer->body, nullptr, false);
  if (!app.is_object() || app["app"] != true || app["archive"] != archive.string()) {
    return std::nullopt;
  }
  return saved["url"].get<std::string>();
}

// A first start makes an empty archive (and its empty indexes), so the pages have something to
// read and the welcome page can offer the first import.
void create_archive_if_missing(const fs::path& path) {
  if (fs::exists(path)) return;
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  indexer::forget_xapian_index(path);  // a deleted archive's index is not this one's
  auto archive = store::Archive::open(path, store::Archive::Mode::read_write);
  indexer::update_indexes(*archive);
}

void run_app(const Context& context, const AppOptions& o) {
  const fs::path path = fs::absolute(context.archive_path());
  if (auto url = running_app(path)) {
    std::cout << i18n::format(_("afterglow: already running at {0} (opened it again)"), *url)
              << std::endl;
    if (!o.no_browser) platform::open_in_browser(*url);
    return;
  }
  create_archive_if_missing(path);

  server::ServerOptions options;
  options.archive = path;
  options.app = true;
  // A logged line quotes the request's path, which a page on the web can choose.
  options.log = [](const std::string& line) {
    std::cerr << "afterglow: " << viewer::terminal_text(line) << "\n";
  };
  std::unique_ptr<server::Server> server;
  for (int port : o.port >= 0 ? std::vector<int>{o.port} : std::vector<int>{kPreferredPort, 0}) {
    options.port = port;
    server = std::make_unique<server::Server>(options);
    try {
      server->bind();
      break;
    } catch (const Error&) {
      if (port == 0 || o.port >= 0) throw;
      server.reset();
    }
  }
  platform::StopRequest stop([&server] { server->stop(); });

  const int port = std::stoi(server->url().substr(server->url().rfind(':') + 1));
  {
    std::ofstream out(instance_file(path), std::ios::trunc);
    out << nlohmann::json{{"url", server->url()}, {"port", port}, {"version", AFTERGLOW_VERSION}}
               .dump()
        << "\n";
  }
  // Tests and scripts read the address from this line: every translation keeps it whole.
  std::cout << i18n::format(_("afterglow: running at {0} — press Ctrl-C (or close this window) to "
                              "stop; afterglow --help lists the commands"),
                            server->url())
            << std::endl;
  if (!o.no_browser && !platform::open_in_browser(server->url())) {
    std::cerr << _("afterglow: could not open a browser; open the address above in one") << "\n";
  }
  server->run();
  std::error_code ignored;
  fs::remove(instance_file(path), ignored);
}

}  // namespace

void add_app_command(CLI::App& app, Context& context) {
  auto o = std::make_shared<AppOptions>();
  auto* cmd = app.add_subcommand(
      "app",
      _("Start afterglow in the browser: import, read, search and make the book from its pages "
        "(what afterglow does with no command)"));
  cmd->add_flag("--no-browser", o->no_browser, _("Do not open a browser; just print the address"));
  cmd->add_option("--port", o->port, _("Port to listen on (default 47800, else any free one)"))
      ->check(CLI::Range(0, 65535));
  cmd->callback([o, &context] { run_app(context, *o); });
}

void run_default_app(Context& context) { run_app(context, AppOptions{}); }

}  // namespace afterglow::cli
