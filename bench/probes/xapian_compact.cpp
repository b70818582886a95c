// afterglow-xapian-compact FROM TO: writes a compacted copy of a Xapian index folder (what
// `xapian-compact` does), so the driver can report the size an index settles to once written.
#include <xapian.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: afterglow-xapian-compact FROM TO\n");
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    db.compact(argv[2], Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "afterglow-xapian-compact: %s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
