#include "afterglow/model/errors.h"

namespace afterglow {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::empty:
      return "empty";
    case ErrorCode::not_a_zip:
      return "not_a_zip";
    case ErrorCode::damaged_zip:
      return "damaged_zip";
    case ErrorCode::unreadable_json:
      return "unreadable_json";
    case ErrorCode::unknown_layout:
      return "unknown_layout";
    case ErrorCode::missing_part:
      return "missing_part";
    case ErrorCode::download_links:
      return "download_links";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::unreadable:
      return "unreadable";
    case ErrorCode::disk_full:
      return "disk_full";
    case ErrorCode::archive_read_only:
      return "archive_read_only";
    case ErrorCode::archive_damaged:
      return "archive_damaged";
    case ErrorCode::archive_newer:
      return "archive_newer";
    case ErrorCode::archive_locked:
      return "archive_locked";
    case ErrorCode::cancelled:
      return "cancelled";
    case ErrorCode::bad_date:
      return "bad_date";
    case ErrorCode::nothing_selected:
      return "nothing_selected";
    case ErrorCode::no_pdf_printer:
      return "no_pdf_printer";
    case ErrorCode::busy:
      return "busy";
    case ErrorCode::unspecified:
      break;
  }
  return "internal";
}

}  // namespace afterglow
