// Runs the real `afterglow` binary the way a person would, in a scratch folder with its own
// archive, and captures what it prints.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace afterglow::testing {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

class CliRunner {
 public:
  CliRunner();  // a fresh scratch folder under the system temp dir
  ~CliRunner();

  // Runs `afterglow --archive <scratch>/archive.afterglow ARGS...` with TZ as given.
  RunResult run(const std::vector<std::string>& args) const;
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path archive() const { return dir_ / "archive.afterglow"; }
  std::string tz = "UTC";
  // Locale variables for the run, e.g. "LANG=zh_CN.UTF-8". LANGUAGE, LC_ALL, LC_MESSAGES and
  // LANG are cleared first, so that by default the program speaks English whatever the
  // environment the tests run in.
  std::string locale;

 private:
  std::filesystem::path dir_;
};

std::string read_file(const std::filesystem::path& path);
std::string fixture(const std::string& name);                       // tests/fixtures/<name>
std::string example_export();                                       // examples/chatgpt-export.zip
std::filesystem::path shared_fixture(const std::string& relative);  // ../shared/fixtures/...

}  // namespace afterglow::testing
