// The app's books: made from the options of POST /api/books (named as `afterglow book`'s long
// options) by the same pipeline as `afterglow book`, as a job of FileJobs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "afterglow/pipeline/book_job.h"
#include "file_jobs.h"

namespace afterglow::server {

inline constexpr std::string_view kBookTemporaryPrefix = ".afterglow-book-";

// The request a JSON object of options asks for (without the destination). Throws InputError
// for a field of the wrong type or an unknown format.
pipeline::BookRequest book_request_from_json(const nlohmann::json& options, std::string& format);

// Starts making the book `options` ask for; its id. Throws InputError for a bad option, Error
// (busy) while another book is made, the no_pdf_printer error for a PDF without Chromium.
std::string start_book(FileJobs& books, const nlohmann::json& options);

}  // namespace afterglow::server
