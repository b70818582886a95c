// `afterglow serve`: a private, read-only web reader over one archive. Pages for home, search
// and reading a conversation, a JSON API mirroring the CLI, and attachments streamed with HTTP
// Range support. It keeps working while an import runs in another process: every request reads
// the archive's newest committed state (WAL) and opens the search index afresh.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "afterglow/importer/importer.h"

namespace afterglow::server {

struct ServerOptions {
  std::filesystem::path archive;
  // Loopback by default. Any other address needs a `token` (see access_token.h).
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // When not empty, every request must carry it (?token= once, then a cookie).
  std::string token;
  // The app (`afterglow app`): the page may also import exports and make books. Writes need the
  // per-launch write token the pages carry and are refused unless the server is on loopback.
  bool app = false;
  // For the app's imports: the same guards against decompression bombs as `afterglow import`;
  // an upload larger than max_total_bytes is refused before it is received.
  importer::Limits import_limits;
  // Worker threads; each holds at most one open archive connection at a time.
  int threads = 8;
  // Told about requests that failed inside the server (never shown to the browser).
  std::function<void(const std::string&)> log;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the archive once to check it, then binds. Returns the port (the chosen one when
  // options.port is 0). Throws ArchiveError for a bad archive, Error when it cannot bind.
  int bind();
  // Serves until stop() is called (from another thread or a signal handler's helper thread).
  void run();
  void stop();
  // True once run() accepts connections.
  bool running() const;
  // The address to open: "http://127.0.0.1:8080/", with "?token=…" when one is required.
  std::string url() const;
  // The app's per-launch write token ("" for a read-only server).
  const std::string& write_token() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace afterglow::server
