#include "afterglow/model/file_names.h"

#include <array>

#include "afterglow/text/cut.h"

namespace afterglow::model {
namespace {

constexpr size_t kMaxNameBytes = 255;  // NTFS, ext4 and APFS all allow 255 (units or bytes)

bool forbidden(unsigned char c) {
  return c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == ':' || c == '"' || c == '/' ||
         c == '\\' || c == '|' || c == '?' || c == '*';
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// CON, NUL, COM1... name devices on Windows whatever the extension: "nul.txt" is the device too.
bool is_device_name(std::string_view name) {
  std::string_view stem = name.substr(0, name.find('.'));
  // Windows also ignores trailing spaces before the extension ("CON .txt").
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  std::string up;
  for (char c : stem) up += upper(c);
  static constexpr std::array<std::string_view, 4> plain = {"CON", "PRN", "AUX", "NUL"};
  for (auto device : plain) {
    if (up == device) return true;
  }
  // COM0 and LPT0 are reserved as well, and so are the superscript digits ¹ ² ³.
  if (up.size() >= 4 && (up.starts_with("COM") || up.starts_with("LPT"))) {
    std::string_view digit = std::string_view(up).substr(3);
    if (digit.size() == 1 && digit[0] >= '0' && digit[0] <= '9') return true;
    if (digit == "\xc2\xb9" || digit == "\xc2\xb2" || digit == "\xc2\xb3") return true;
  }
  return false;
}

}  // namespace

std::string safe_file_name(std::string_view name) {
  if (name.empty() || name == "." || name == "..") return "_";  // names that are no names
  std::string out;
  out.reserve(name.size());
  for (char c : name) out += forbidden(static_cast<unsigned char>(c)) ? '_' : c;
  for (size_t i = out.size(); i > 0 && (out[i - 1] == '.' || out[i - 1] == ' '); --i) {
    out[i - 1] = '_';
  }
  if (is_device_name(out)) out = "_" + out;
  if (out.size() > kMaxNameBytes) {
    // Keep a short extension so the file still opens with the right program.
    size_t dot = out.rfind('.');
    std::string_view ext;
    if (dot != std::string::npos && dot > 0 && out.size() - dot <= 16) {
      ext = std::string_view(out).substr(dot);
    }
    std::string stem(text::cut_at_character(
        std::string_view(out).substr(0, out.size() - ext.size()), kMaxNameBytes - ext.size()));
    out = stem + std::string(ext);
  }
  return out;
}

}  // namespace afterglow::model
