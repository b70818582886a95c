#include "afterglow/store/memory_timeline.h"

#include <map>
#include <string>
#include <tuple>

namespace afterglow::store {

std::vector<bool> repeats_previous(const std::vector<StoredMemoryRecord>& records) {
  std::map<std::tuple<std::string, std::string, std::string>, const std::string*> last_text;
  std::vector<bool> out;
  out.reserve(records.size());
  for (const auto& r : records) {
    const std::string& kind = r.record.kind;
    if (kind != "memory_snapshot" && kind != "custom_instructions") {
      out.push_back(false);
      continue;
    }
    const std::string*& last = last_text[{r.record.source, r.account, kind}];
    out.push_back(last != nullptr && *last == r.record.text);
    last = &r.record.text;
  }
  return out;
}

}  // namespace afterglow::store
