#include "job_support.h"

#include "afterglow/model/errors.h"
#include "afterglow/server/access_token.h"

namespace afterglow::server {

std::string new_job_id() { return random_token().substr(0, 16); }

std::filesystem::path archive_folder(const std::filesystem::path& archive) {
  return archive.parent_path().empty() ? std::filesystem::path(".") : archive.parent_path();
}

void remove_leftover_folders(const std::filesystem::path& archive, std::string_view prefix) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(archive_folder(archive), ec)) {
    if (entry.path().filename().string().starts_with(prefix)) {
      std::error_code ignored;
      std::filesystem::remove_all(entry.path(), ignored);
    }
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::optional<double> eta_seconds(double fraction, double elapsed) {
  if (fraction < 0.02 || elapsed < 1) return std::nullopt;
  if (fraction >= 1) return 0.0;
  return elapsed * (1 - fraction) / fraction;
}

nlohmann::json error_json(std::string_view code, const std::string& message) {
  return {{"code", code}, {"message", message}};
}

nlohmann::json error_json(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const QueryError& e) {
    return error_json("bad_query", e.what());
  } catch (const NotFound& e) {
    return error_json("not_found", e.what());
  } catch (const InputError& e) {
    // Input that is wrong in a way without a name of its own: the request's fault.
    if (e.code() == ErrorCode::unspecified) return error_json("bad_request", e.what());
    return error_json(to_string(e.code()), e.what());
  } catch (const Error& e) {
    return error_json(to_string(e.code()), e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    // Writing a temporary file or folder: the disk, most likely; said plainly.
    if (e.code() == std::errc::no_space_on_device) return error_json("disk_full", e.what());
    return error_json("internal", e.what());
  } catch (...) {
    return error_json("internal", "");
  }
}

}  // namespace afterglow::server
