// afterglow-xapian-compact FROM TO: writes a compacted copy of a Xapian index folder (what
// `xapian-compact` does), so the driver can report the size an index settles to once written.
// A sharded folder (a XAPIANDB stub listing the shards) is compacted shard by shard into
// TO/<shard>, with the stub copied, so the copy is searchable the same way.
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: afterglow-xapian-compact FROM TO\n");
    return 2;
  }
  const std::filesystem::path from = argv[1];
  const std::filesystem::path to = argv[2];
  try {
    std::vector<std::string> shards;
    std::ifstream stub(from / "XAPIANDB");
    for (std::string line; std::getline(stub, line);) {
      if (line.rfind("auto ", 0) == 0) shards.push_back(line.substr(5));
    }
    if (shards.empty()) {
      Xapian::Database(from.string()).compact(to.string(), Xapian::DBCOMPACT_NO_RENUMBER);
      return 0;
    }
    std::filesystem::create_directories(to);
    std::filesystem::copy_file(from / "XAPIANDB", to / "XAPIANDB",
                               std::filesystem::copy_options::overwrite_existing);
    for (const auto& shard : shards) {
      Xapian::Database((from / shard).string())
          .compact((to / shard).string(), Xapian::DBCOMPACT_NO_RENUMBER);
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "afterglow-xapian-compact: %s\n", e.get_description().c_str());
    return 1;
  } catch (const std::filesystem::filesystem_error& e) {
    std::fprintf(stderr, "afterglow-xapian-compact: %s\n", e.what());
    return 1;
  }
  return 0;
}
