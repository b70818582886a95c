#include "cli/cli_runner.h"

#include <fstream>
#include <random>
#include <sstream>

#include "afterglow/model/utf8_path.h"
#include "afterglow/platform/platform.h"

namespace afterglow::testing {

CliRunner::CliRunner() {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() /
         ("afterglow-cli-" + std::to_string(rd()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
}

CliRunner::~CliRunner() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

RunResult CliRunner::run(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {AFTERGLOW_BINARY, "--archive", utf8_string(archive())};
  argv.insert(argv.end(), args.begin(), args.end());
  platform::RunOptions options;
  options.out = dir_ / "stdout.txt";
  options.err = dir_ / "stderr.txt";
  // English unless the test says otherwise, whatever the shell running the tests speaks.
  options.env = {{"TZ", tz}, {"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", ""}};
  std::istringstream assignments(locale);  // "LANG=zh_CN.UTF-8 LANGUAGE=zh_CN"
  for (std::string assignment; assignments >> assignment;) {
    const size_t equals = assignment.find('=');
    if (equals == std::string::npos) continue;
    const std::string name = assignment.substr(0, equals);
    std::erase_if(options.env, [&](const auto& entry) { return entry.first == name; });
    options.env.emplace_back(name, assignment.substr(equals + 1));
  }
  RunResult r;
  r.status = platform::run_program(argv, options);
  r.out = read_file(options.out);
  r.err = read_file(options.err);
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
