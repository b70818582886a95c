// Printing the single-file book to PDF with headless Chromium (or Chrome, or Edge).
#pragma once

#include <filesystem>

namespace afterglow::pipeline {

// Prints `html` to `pdf` with the Chromium platform::find_chromium() finds, its profile in a
// fresh temporary folder and every background network feature off: the book itself makes no
// request. Throws Error when there is no Chromium or it fails.
void print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace afterglow::pipeline
