// The archive's schema, defined once as an ordered list of migration steps. A new archive runs
// every step; an older one runs the steps it has not seen. docs/FORMAT.md describes the result.
#pragma once

#include <string_view>
#include <vector>

namespace afterglow::store {

class Database;

struct Migration {
  int version;               // the schema_version reached after this step
  std::string_view summary;  // one line, for people reading the code or the meta table
  std::string_view sql;
};

const std::vector<Migration>& migrations();
int current_schema_version();

// Checks that the open file is an afterglow archive this program understands and brings it up to
// date (read_write) or only checks it (read-only). A fresh empty database becomes an archive.
void prepare_schema(Database& db, bool writable);

// True when the file is an afterglow archive of an older format, one the migration steps bring up
// to date. A read-only open upgrades such a file first, once, so that a new version of afterglow
// reads its user's archive without asking for an import.
bool schema_needs_upgrade(Database& db);

}  // namespace afterglow::store
