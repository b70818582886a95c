// The title a conversation is shown with, wherever it is shown (terminal list, reader, book,
// memories page): its own, else the opening of its first user message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace afterglow::text {

// How many characters of the first user message stand in for a missing title.
inline constexpr size_t kTitleCharacters = 60;

// `title` when not empty, else first_line(first_user_text, kTitleCharacters); empty when both
// are, and the caller says "Untitled" in the reader's language.
std::string display_title(std::string_view title, std::string_view first_user_text);

}  // namespace afterglow::text
