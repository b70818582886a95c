#include "cli/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

namespace afterglow::testing {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

CliRunner::CliRunner() {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() /
         ("afterglow-cli-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
}

CliRunner::~CliRunner() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

RunResult CliRunner::run(const std::vector<std::string>& args) const {
  std::string command = "TZ=" + shell_quote(tz) + " " + shell_quote(AFTERGLOW_BINARY) +
                        " --archive " + shell_quote(archive().string());
  for (const auto& a : args) command += " " + shell_quote(a);
  auto out_path = dir_ / "stdout.txt";
  auto err_path = dir_ / "stderr.txt";
  command +=
      " </dev/null >" + shell_quote(out_path.string()) + " 2>" + shell_quote(err_path.string());
  int raw = std::system(command.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fixture(const std::string& name) {
  return (std::filesystem::path(AFTERGLOW_FIXTURES) / name).string();
}

std::string example_export() {
  return (std::filesystem::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip").string();
}

std::filesystem::path shared_fixture(const std::string& relative) {
  return std::filesystem::path(AFTERGLOW_SHARED_FIXTURES) / relative;
}

}  // namespace afterglow::testing
