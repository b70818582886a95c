#include "book_pdf.h"

#include <string>
#include <vector>

#include "afterglow/model/errors.h"
#include "afterglow/platform/platform.h"

namespace afterglow::pipeline {
namespace fs = std::filesystem;

void print_pdf(const fs::path& html, const fs::path& pdf) {
  auto chromium = platform::find_chromium();
  if (!chromium) throw Error(pdf.string() + ": no Chromium, Chrome or Edge to print with");
  fs::path profile = platform::make_private_temp_dir("afterglow-pdf-");
  std::vector<std::string> args = {chromium->string(),
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-quic",
                                   "--user-data-dir=" + profile.string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + fs::absolute(pdf).string(),
                                   "file://" + fs::absolute(html).generic_string()};
  auto extra = platform::chromium_platform_arguments();
  args.insert(args.begin() + 1, extra.begin(), extra.end());
  const int status = platform::run_quietly(args);  // Chromium is chatty even when all is well
  std::error_code ignored;
  fs::remove_all(profile, ignored);
  if (status != 0 || !fs::exists(pdf)) {
    throw Error(pdf.string() + ": Chromium (" + chromium->string() + ") could not print the book");
  }
}

}  // namespace afterglow::pipeline
