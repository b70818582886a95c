// Windows: the platform functions of platform.h, through the wide-character Win32 calls so that
// Chinese paths and arguments survive whatever the system's code page is.
#define WIN32_LEAN_AND_MEAN
#define NOMINMAX
// <windows.h> before the rest: they need what it declares.

#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <shellapi.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cwchar>
#include <random>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/platform/platform.h"

namespace afterglow::platform {
namespace fs = std::filesystem;
namespace {

std::string narrow(const std::wstring& wide) {
  if (wide.empty()) return {};
  int size = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0,
                                 nullptr, nullptr);
  std::string out(static_cast<size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), out.data(), size,
                      nullptr, nullptr);
  return out;
}

std::wstring widen(const std::string& text) {
  if (text.empty()) return {};
  int size =
      MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
  std::wstring out(static_cast<size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), size);
  return out;
}

std::wstring wide_env(const wchar_t* name) {
  const wchar_t* value = _wgetenv(name);
  return value ? value : L"";
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

// One argument quoted the way CommandLineToArgvW and the C runtime read it back.
std::wstring quote_argument(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  size_t backslashes = 0;
  for (wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
      continue;
    }
    if (c == L'"')
      out.append(backslashes * 2 + 1, L'\\');
    else
      out.append(backslashes, L'\\');
    backslashes = 0;
    out += c;
  }
  out.append(backslashes * 2, L'\\');
  out += L'"';
  return out;
}

}  // namespace

bool is_terminal(Stream stream) { return _isatty(stream == Stream::out ? 1 : 2) != 0; }

void prepare_console() {
  SetConsoleOutputCP(CP_UTF8);
  SetConsoleCP(CP_UTF8);
  // Output is the same bytes as on Linux (lines end in \n): files and pipes made from it, and
  // the tests' expected outputs, do not depend on the system. Consoles show \n as a new line.
  _setmode(_fileno(stdout), _O_BINARY);
  _setmode(_fileno(stderr), _O_BINARY);
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  int count = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (!wide) return std::vector<std::string>(argv, argv + argc);
  std::vector<std::string> args;
  for (int i = 0; i < count; ++i) args.push_back(narrow(wide[i]));
  LocalFree(wide);
  return args;
}

fs::path user_data_dir() {
  if (auto local = wide_env(L"LOCALAPPDATA"); !local.empty()) return fs::path(local) / L"afterglow";
  if (auto profile = wide_env(L"USERPROFILE"); !profile.empty()) {
    return fs::path(profile) / L"AppData" / L"Local" / L"afterglow";
  }
  return fs::path(L".") / L"afterglow";
}

fs::path make_private_temp_dir(const std::string& prefix, const fs::path& parent) {
  fs::path base = parent.empty() ? fs::temp_directory_path() : parent;
  std::random_device random;
  const char* letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = prefix;
    for (int i = 0; i < 8; ++i) name += letters[random() % 36];
    fs::path candidate = base / utf8_path(name);
    // CreateDirectoryW fails when the name exists, so two processes never share a folder.
    if (CreateDirectoryW(candidate.c_str(), nullptr)) return candidate;
    if (GetLastError() != ERROR_ALREADY_EXISTS) break;
  }
  throw Error(utf8_string(base / utf8_path(prefix)) + ": cannot create a temporary folder");
}

fs::path executable_path() {
  std::wstring buffer(32768, L'\0');
  DWORD size = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
  buffer.resize(size);
  return fs::path(buffer);
}

void set_environment(const std::string& name, const std::string& value) {
  _wputenv_s(widen(name).c_str(), widen(value).c_str());
}

namespace {

// A file handle the child inherits: the file written (created or emptied), or NUL.
HANDLE inheritable_output(const fs::path& file) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  if (file.empty()) {
    return CreateFileW(L"NUL", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                       OPEN_EXISTING, 0, nullptr);
  }
  return CreateFileW(file.c_str(), GENERIC_WRITE,
                     FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, &inherit,
                     CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
}

// This process's environment block with `env` replaced or added (names compared without case,
// as Windows does).
std::wstring environment_block(const std::vector<std::pair<std::string, std::string>>& env) {
  std::vector<std::pair<std::wstring, std::wstring>> wide;
  for (const auto& [name, value] : env) wide.emplace_back(widen(name), widen(value));
  std::wstring block;
  wchar_t* strings = GetEnvironmentStringsW();
  for (const wchar_t* entry = strings; entry && *entry; entry += wcslen(entry) + 1) {
    std::wstring_view text(entry);
    bool replaced = false;
    for (const auto& [name, value] : wide) {
      replaced = replaced || (text.size() > name.size() && text[name.size()] == L'=' &&
                              _wcsnicmp(entry, name.c_str(), name.size()) == 0);
    }
    if (!replaced) block.append(text).push_back(L'\0');
  }
  if (strings) FreeEnvironmentStringsW(strings);
  for (const auto& [name, value] : wide) block.append(name + L"=" + value).push_back(L'\0');
  block.push_back(L'\0');
  return block;
}

}  // namespace

int run_program(const std::vector<std::string>& argv, const RunOptions& options) {
  if (argv.empty()) return -1;
  std::wstring command;
  for (const auto& arg : argv) {
    if (!command.empty()) command += L' ';
    command += quote_argument(widen(arg));
  }
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE input = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                             OPEN_EXISTING, 0, nullptr);
  HANDLE out = inheritable_output(options.out);
  HANDLE err = inheritable_output(options.err);
  if (out == INVALID_HANDLE_VALUE || err == INVALID_HANDLE_VALUE) {
    for (HANDLE h : {input, out, err}) {
      if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    }
    return -1;  // the output could not be captured: not started
  }
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = input;
  startup.hStdOutput = out;
  startup.hStdError = err;
  std::wstring environment = environment_block(options.env);
  PROCESS_INFORMATION process{};
  std::wstring application = widen(argv[0]);
  BOOL started = CreateProcessW(application.c_str(), command.data(), nullptr, nullptr, TRUE,
                                CREATE_NO_WINDOW | CREATE_UNICODE_ENVIRONMENT, environment.data(),
                                nullptr, &startup, &process);
  for (HANDLE h : {input, out, err}) {
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
  }
  if (!started) return -1;
  WaitForSingleObject(process.hProcess, INFINITE);
  DWORD status = 0;
  GetExitCodeProcess(process.hProcess, &status);
  CloseHandle(process.hThread);
  CloseHandle(process.hProcess);
  return static_cast<int>(status);
}

int run_quietly(const std::vector<std::string>& argv) { return run_program(argv, {}); }

namespace {

// IANA names of zones the C runtime's TZ form can express: a fixed offset, or daylight saving by
// the US rules it knows. The runtime reads "Asia/Shanghai" as a zone named "Asi" at UTC.
struct ZoneName {
  const char* iana;
  const char* runtime;
};
constexpr ZoneName kZones[] = {
    {"UTC", "UTC0"},
    {"Etc/UTC", "UTC0"},
    {"GMT", "GMT0"},
    {"Asia/Shanghai", "CST-8"},
    {"Asia/Chongqing", "CST-8"},
    {"Asia/Harbin", "CST-8"},
    {"Asia/Urumqi", "XJT-6"},
    {"Asia/Hong_Kong", "HKT-8"},
    {"Asia/Macau", "CST-8"},
    {"Asia/Taipei", "CST-8"},
    {"Asia/Singapore", "SGT-8"},
    {"Asia/Kuala_Lumpur", "MYT-8"},
    {"Asia/Manila", "PST-8"},
    {"Asia/Tokyo", "JST-9"},
    {"Asia/Seoul", "KST-9"},
    {"Asia/Bangkok", "ICT-7"},
    {"Asia/Ho_Chi_Minh", "ICT-7"},
    {"Asia/Jakarta", "WIB-7"},
    {"Asia/Kolkata", "IST-5:30"},
    {"Asia/Dubai", "GST-4"},
    {"America/New_York", "EST5EDT"},
    {"America/Chicago", "CST6CDT"},
    {"America/Denver", "MST7MDT"},
    {"America/Phoenix", "MST7"},
    {"America/Los_Angeles", "PST8PDT"},
    {"America/Anchorage", "AKST9AKDT"},
    {"Pacific/Honolulu", "HST10"},
};

// What the C runtime is given for `zone`: its own form as it is, an IANA name translated.
std::string runtime_zone(const std::string& zone) {
  for (const auto& z : kZones) {
    if (zone == z.iana) return z.runtime;
  }
  if (zone.find('/') != std::string::npos) return "UTC0";  // an IANA name it cannot express
  return zone;
}

}  // namespace

void set_time_zone(const std::string& zone) {
  // An empty TZ value removes it: the runtime then follows the system's zone.
  _wputenv_s(L"TZ", widen(zone.empty() ? zone : runtime_zone(zone)).c_str());
  _tzset();
}

void use_time_zone_from_environment() {
  if (auto zone = wide_env(L"TZ"); !zone.empty()) set_time_zone(narrow(zone));
}

bool open_in_browser(const std::string& url) {
  auto result = reinterpret_cast<INT_PTR>(
      ShellExecuteW(nullptr, L"open", widen(url).c_str(), nullptr, nullptr, SW_SHOWNORMAL));
  return result > 32;  // ShellExecute's documented success threshold
}

std::optional<fs::path> find_chromium() {
  if (auto chosen = wide_env(L"AFTERGLOW_CHROMIUM"); !chosen.empty()) {
    if (is_file(chosen)) return fs::path(chosen);
    return std::nullopt;
  }
  // Where the installers put them: per machine under Program Files (both views), per user under
  // LOCALAPPDATA. Edge comes with every Windows 10 and 11.
  const wchar_t* roots[] = {L"ProgramFiles", L"ProgramFiles(x86)", L"LOCALAPPDATA"};
  const wchar_t* browsers[] = {L"Google\\Chrome\\Application\\chrome.exe",
                               L"Chromium\\Application\\chrome.exe",
                               L"Microsoft\\Edge\\Application\\msedge.exe"};
  for (const wchar_t* browser : browsers) {
    for (const wchar_t* root : roots) {
      auto base = wide_env(root);
      if (base.empty()) continue;
      fs::path candidate = fs::path(base) / browser;
      if (is_file(candidate)) return candidate;
    }
  }
  return std::nullopt;
}

std::vector<std::string> chromium_platform_arguments() { return {}; }

namespace {
std::atomic<StopRequest::Impl*> active_stop{nullptr};
}

struct StopRequest::Impl {
  std::function<void()> stop;
  std::atomic<bool> fired{false};
};

namespace {
BOOL WINAPI on_console_event(DWORD event) {
  switch (event) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_SHUTDOWN_EVENT:
      if (auto* impl = active_stop.load(); impl && !impl->fired.exchange(true)) impl->stop();
      return TRUE;
    default:
      return FALSE;
  }
}
}  // namespace

StopRequest::StopRequest(std::function<void()> stop) : impl_(std::make_unique<Impl>()) {
  // Windows calls the handler on a thread of its own, as the POSIX side does.
  impl_->stop = std::move(stop);
  active_stop = impl_.get();
  SetConsoleCtrlHandler(on_console_event, TRUE);
}

StopRequest::~StopRequest() {
  SetConsoleCtrlHandler(on_console_event, FALSE);
  active_stop = nullptr;
}

}  // namespace afterglow::platform
