#include "archive_pool.h"

namespace afterglow::server {

ArchivePool::ArchivePool(std::filesystem::path path, size_t size)
    : path_(std::move(path)), size_(size == 0 ? 1 : size) {}

std::shared_ptr<store::Archive> ArchivePool::borrow() {
  std::unique_ptr<store::Archive> archive;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
    if (!idle_.empty()) {
      archive = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++opened_;
    }
  }
  if (!archive) {
    try {
      archive = store::Archive::open(path_, store::Archive::Mode::read_only);
    } catch (...) {
      std::lock_guard lock(mutex_);
      --opened_;
      available_.notify_one();
      throw;
    }
  }
  return std::shared_ptr<store::Archive>(archive.release(),
                                         [this](store::Archive* a) { give_back(a); });
}

void ArchivePool::give_back(store::Archive* archive) {
  std::lock_guard lock(mutex_);
  idle_.emplace_back(archive);
  available_.notify_one();
}

}  // namespace afterglow::server
