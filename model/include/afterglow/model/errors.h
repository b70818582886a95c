// Typed errors at the library boundary. Libraries throw these and never print or exit; the CLI
// turns them into one clear line and an exit status.
#pragma once

#include <stdexcept>
#include <string>

namespace afterglow {

// Base of every error afterglow reports to a person.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input is not something afterglow can import (not a zip, truncated, unknown layout,
// unreadable JSON). Message format: "<file>: <what is wrong>".
class InputError : public Error {
 public:
  using Error::Error;
};

// The archive file is missing, damaged, locked, read-only or of a newer format.
class ArchiveError : public Error {
 public:
  using Error::Error;
};

// A query that cannot be parsed or run.
class QueryError : public Error {
 public:
  using Error::Error;
};

// Something asked for does not exist (an unknown conversation id, an ambiguous prefix).
class NotFound : public Error {
 public:
  using Error::Error;
};

}  // namespace afterglow
