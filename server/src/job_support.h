// What the app's import and book jobs share: ids, finding one, the time left, how a failure is
// told, and the temporary folders beside the archive.
#pragma once

#include <chrono>
#include <exception>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace afterglow::server {

// A new job id: 16 random hex digits.
std::string new_job_id();

// The job with this id among `jobs` (the caller holds their lock), or null.
template <typename Job>
std::shared_ptr<Job> find_by_id(const std::vector<std::shared_ptr<Job>>& jobs,
                                const std::string& id) {
  for (const auto& job : jobs) {
    if (job->id == id) return job;
  }
  return nullptr;
}

// The folder the archive is in ("." for a bare file name): the jobs' temporary folders go there,
// on the same disk as the archive.
std::filesystem::path archive_folder(const std::filesystem::path& archive);
// Removes the folders there whose names start with `prefix`: what a killed app left behind.
void remove_leftover_folders(const std::filesystem::path& archive, std::string_view prefix);

// Seconds since `start`.
double seconds_since(std::chrono::steady_clock::time_point start);

// The time left when `fraction` of the work took `elapsed` seconds; nullopt while too little is
// done to tell.
std::optional<double> eta_seconds(double fraction, double elapsed);

// {"code": …, "message": …} for the exception being handled: an afterglow Error's code and
// message, "internal" (and no detail) for anything else.
nlohmann::json error_json(std::exception_ptr error);
nlohmann::json error_json(std::string_view code, const std::string& message);

}  // namespace afterglow::server
