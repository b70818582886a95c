// File names made from archive data (an export's own paths, titles) that every system accepts,
// so that a book or an export written on Linux can be copied to Windows and back unchanged.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::model {

// `name` as one file or folder name that Windows, macOS and Linux all accept, changed as little as
// possible: the characters Windows forbids (< > : " / \ | ? * and control characters) become
// '_', as do trailing dots and spaces (Windows drops them); a device name (CON, PRN, AUX, NUL,
// COM1-COM9, LPT1-LPT9, with or without an extension, in any case) gets a leading '_'; an empty
// name, "." and ".." become "_"; a name longer than 255 bytes is cut at a character boundary,
// keeping its extension. Valid UTF-8 in, valid UTF-8 out; names already safe are kept as they are.
std::string safe_file_name(std::string_view name);

}  // namespace afterglow::model
