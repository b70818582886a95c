#include "generator/size_text.h"

#include <array>
#include <cctype>
#include <string>

#include "afterglow/model/errors.h"

namespace afterglow::bench {

namespace {

struct Unit {
  std::string_view suffix;
  double factor;
};

constexpr std::array kUnits = {
    Unit{"", 1.0},       Unit{"b", 1.0},         Unit{"k", 1e3},           Unit{"kb", 1e3},
    Unit{"m", 1e6},      Unit{"mb", 1e6},        Unit{"g", 1e9},           Unit{"gb", 1e9},
    Unit{"kib", 1024.0}, Unit{"mib", 1048576.0}, Unit{"gib", 1073741824.0}};

}  // namespace

std::uint64_t parse_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.')) {
    ++digits;
  }
  std::string suffix;
  for (const char c : text.substr(digits)) {
    if (c != ' ') suffix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (digits == 0) throw Error("size: not a size: \"" + std::string(text) + "\"");
  const double number = std::stod(std::string(text.substr(0, digits)));
  for (const Unit& unit : kUnits) {
    if (suffix == unit.suffix) return static_cast<std::uint64_t>(number * unit.factor);
  }
  throw Error("size: unknown unit in \"" + std::string(text) +
              "\" (use KB, MB, GB, KiB, MiB, GiB)");
}

}  // namespace afterglow::bench
