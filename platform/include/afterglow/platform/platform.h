// The few things afterglow asks of the operating system that differ between Windows, Linux and
// macOS. Implemented once per platform (src/posix.cpp, src/windows.cpp); nothing else in the
// project includes <unistd.h>, <windows.h> or their kin.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace afterglow::platform {

// --- the console ---------------------------------------------------------------------------

enum class Stream { out, err };
// True when the stream is a terminal (a progress bar or colours make sense there).
bool is_terminal(Stream stream);
// Makes the console take and show UTF-8, and output the same bytes everywhere (Windows: the
// console code pages, and stdout/stderr in binary mode so that lines end in \n; elsewhere
// nothing).
void prepare_console();
// The program's arguments as UTF-8 (Windows: from the wide command line, whatever the code
// page; elsewhere argv as given).
std::vector<std::string> utf8_arguments(int argc, char** argv);

// --- folders -------------------------------------------------------------------------------

// Where a user's archive lives by default: $XDG_DATA_HOME/afterglow or ~/.local/share/afterglow
// (Linux), ~/Library/Application Support/afterglow (macOS), %LOCALAPPDATA%\afterglow (Windows).
std::filesystem::path user_data_dir();
// A new, empty folder only this user can read, under `parent` (the system temporary folder when
// empty), named PREFIX plus random characters. Throws Error when it cannot be made.
std::filesystem::path make_private_temp_dir(const std::string& prefix,
                                            const std::filesystem::path& parent = {});
// The file name of this executable (for finding files installed beside it).
std::filesystem::path executable_path();

// --- the environment -----------------------------------------------------------------------

// Sets an environment variable of this process (and of the programs it starts).
void set_environment(const std::string& name, const std::string& value);

// --- other programs ------------------------------------------------------------------------

// Runs a program (argv[0] is a full path) with its output discarded and waits for it.
// Returns its exit status, or -1 when it could not be started.
int run_quietly(const std::vector<std::string>& argv);
// Where a program run by run_program takes its input from, puts its output and what it is told.
struct RunOptions {
  std::filesystem::path out;  // its standard output, written to this file (empty: discarded)
  std::filesystem::path err;  // its standard error, likewise
  std::vector<std::pair<std::string, std::string>> env;  // set for it over this process's
};
// Runs a program (argv[0] is a full path) with nothing on its standard input and waits for it.
// Returns its exit status, or -1 when it could not be started.
int run_program(const std::vector<std::string>& argv, const RunOptions& options);
// Opens a URL in the desktop's default browser without waiting (xdg-open, open, ShellExecute).
// Returns false when no way to do so was found.
bool open_in_browser(const std::string& url);
// Where Chromium, Chrome or Edge can print a PDF: $AFTERGLOW_CHROMIUM when set (and nothing
// else), else the usual names on PATH and the places each platform installs them.
std::optional<std::filesystem::path> find_chromium();
// Extra arguments Chromium needs here (as root on Linux it refuses to start without
// --no-sandbox).
std::vector<std::string> chromium_platform_arguments();

// --- network addresses ---------------------------------------------------------------------

// What a numeric IP address is, as the system's inet_pton reads it.
struct IpAddress {
  enum class Family { none, ipv4, ipv6 } family = Family::none;  // none: not a numeric address
  bool loopback = false;                                         // 127.0.0.0/8 or ::1
};
IpAddress parse_ip_address(const std::string& text);

// --- time ----------------------------------------------------------------------------------

// Makes local times in this process follow `zone` from now on (book --tz; an empty zone: the
// system's). POSIX: any TZ value, IANA names such as Asia/Shanghai included. Windows: the C
// runtime reads only its own form ("CST-8": a name and the hours west of UTC; "EST5EDT":
// daylight saving by US rules), so the IANA names of common zones it can express are translated
// (Asia/Shanghai, Asia/Tokyo, UTC, America/New_York...); other names fall back to UTC.
void set_time_zone(const std::string& zone);
// Applies $TZ as set_time_zone does, at start-up (Windows: translates an IANA name in TZ, which
// the C runtime would misread; elsewhere nothing, the C library reads TZ itself).
void use_time_zone_from_environment();

// --- stopping --------------------------------------------------------------------------------

// Calls `stop` once, on a thread of its own, when the user presses Ctrl-C or the system asks the
// program to end (SIGINT/SIGTERM; the console's close and Ctrl-Break events on Windows). Create
// it before starting other threads. Destroying it stops waiting.
class StopRequest {
 public:
  explicit StopRequest(std::function<void()> stop);
  ~StopRequest();
  StopRequest(const StopRequest&) = delete;
  StopRequest& operator=(const StopRequest&) = delete;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace afterglow::platform
