// A job's Cancel button: set from any thread, checked by the job at its progress points.
#pragma once

#include <atomic>

#include "afterglow/model/errors.h"

namespace afterglow::pipeline {

class CancelFlag {
 public:
  void cancel() { cancelled_.store(true); }
  bool cancelled() const { return cancelled_.load(); }
  // Throws Cancelled once cancel() was called.
  void check() const {
    if (cancelled()) throw Cancelled();
  }

 private:
  std::atomic<bool> cancelled_{false};
};

}  // namespace afterglow::pipeline
