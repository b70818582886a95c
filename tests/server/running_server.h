// A real afterglow server over a real archive, on an ephemeral loopback port, for the HTTP
// tests: the archive is imported from the example export by the real afterglow binary.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>  // on Windows it also starts Winsock, which raw() below needs
#if defined(_WIN32)
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "afterglow/model/utf8_path.h"
#include "afterglow/platform/platform.h"
#include "afterglow/server/server.h"

namespace afterglow::testing {

// The few socket calls raw() makes that differ between Winsock and BSD sockets.
namespace raw_socket {
#if defined(_WIN32)
using Handle = SOCKET;
constexpr int kNoSignal = 0;  // Winsock raises no SIGPIPE
inline void close(Handle fd) { ::closesocket(fd); }
inline void set_read_timeout(Handle fd, int seconds) {
  DWORD ms = static_cast<DWORD>(seconds) * 1000;
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, reinterpret_cast<const char*>(&ms), sizeof ms);
}
#else
using Handle = int;
constexpr int kNoSignal = MSG_NOSIGNAL;
inline void close(Handle fd) { ::close(fd); }
inline void set_read_timeout(Handle fd, int seconds) {
  timeval timeout{seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}
#endif
}  // namespace raw_socket

// A connection that stays open while a test looks at the server through another one (an upload
// that is still arriving, say); closed when destroyed.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { raw_socket::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  // Sends every byte; false when the connection failed.
  bool send(const std::string& bytes) {
    size_t sent = 0;
    while (connected_ && sent < bytes.size()) {
      auto n = ::send(fd_, bytes.data() + sent, static_cast<int>(bytes.size() - sent),
                      raw_socket::kNoSignal);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return connected_;
  }

 private:
  raw_socket::Handle fd_;
  bool connected_ = false;
};

// A scratch folder with an archive imported from `exports` (in order) by the real binary.
class ScratchArchive {
 public:
  explicit ScratchArchive(const std::vector<std::filesystem::path>& exports) {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("afterglow-server-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    for (const auto& e : exports) import(e);
  }
  ~ScratchArchive() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  // Runs `afterglow import` in another process; returns its exit status.
  int import(const std::filesystem::path& export_file) const {
    platform::RunOptions options;
    options.env = {{"TZ", "Asia/Shanghai"}};
    return platform::run_program(
        {AFTERGLOW_BINARY, "--archive", utf8_string(path()), "import", utf8_string(export_file)},
        options);
  }
  std::filesystem::path path() const { return dir_ / "archive.afterglow"; }

 private:
  std::filesystem::path dir_;
};

inline std::filesystem::path example_export() {
  return std::filesystem::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
}

class RunningServer {
 public:
  explicit RunningServer(server::ServerOptions options) {
    options.port = 0;
    server_ = std::make_unique<server::Server>(options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
    for (int i = 0; i < 500 && !server_->running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
  const std::string& write_token() const { return server_->write_token(); }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(10, 0);
    c.set_url_encode(false);  // send paths exactly as the tests write them ('+' stays '+')
    return c;
  }
  // Sends `bytes` as they are on a fresh connection; returns everything the server answers.
  std::string raw(const std::string& bytes) const {
    raw_socket::Handle fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      raw_socket::close(fd);
      return "";
    }
    raw_socket::set_read_timeout(fd, 10);
    size_t sent = 0;
    while (sent < bytes.size()) {
      auto n = ::send(fd, bytes.data() + sent, static_cast<int>(bytes.size() - sent),
                      raw_socket::kNoSignal);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    // No shutdown(SHUT_WR): a half-closed socket may be taken for a closed one. Requests say
    // "Connection: close"; the server ends the connection after answering.
    // Reads one response: the head, then Content-Length bytes. The server may keep the
    // connection open after an error it answered before reading the whole request.
    std::string out;
    char buffer[4096];
    size_t wanted = std::string::npos;
    while (out.size() < wanted) {
      auto n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      out.append(buffer, static_cast<size_t>(n));
      size_t head_end = out.find("\r\n\r\n");
      if (wanted == std::string::npos && head_end != std::string::npos) {
        size_t length = 0;
        std::string head = out.substr(0, head_end);
        for (auto& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (size_t at = head.find("\r\ncontent-length:"); at != std::string::npos) {
          length = std::stoul(head.substr(at + 17));
        }
        wanted = head_end + 4 + length;
      }
    }
    raw_socket::close(fd);
    return out;
  }
  // The status code of a raw answer ("HTTP/1.1 404 Not Found" -> 404), 0 when none.
  static int status_of(const std::string& answer) {
    if (answer.size() < 12 || !answer.starts_with("HTTP/1.")) return 0;
    return std::stoi(answer.substr(9, 3));
  }

 private:
  std::unique_ptr<server::Server> server_;
  int port_ = 0;
  std::thread thread_;
};

// One archive and one server shared by every test of a suite (the import is the slow part). A
// suite derives from ServerSuite<itself> and calls serve() from its own SetUpTestSuite.
template <class Suite>
class ServerSuite : public ::testing::Test {
 protected:
  static void serve(std::unique_ptr<ScratchArchive> archive, int threads = 2) {
    archive_ = std::move(archive);
    server::ServerOptions options;
    options.archive = archive_->path();
    options.threads = threads;
    server_ = std::make_unique<RunningServer>(options);
  }
  static void TearDownTestSuite() {
    server_.reset();
    archive_.reset();
  }
  static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_->client().Get(path.c_str(), headers);
  }

  inline static std::unique_ptr<ScratchArchive> archive_;
  inline static std::unique_ptr<RunningServer> server_;
};

}  // namespace afterglow::testing
