#include "afterglow/viewer/search_view.h"

#include <unordered_map>

namespace afterglow::viewer {
namespace {

// Where the marks stand in the plain snippet, in code points: [[start, end], ...].
nlohmann::json highlight_spans(const std::string& snippet) {
  nlohmann::json spans = nlohmann::json::array();
  int64_t at = 0, start = 0;
  for (char c : snippet) {
    if (c == indexer::kMarkStart) {
      start = at;
    } else if (c == indexer::kMarkEnd) {
      spans.push_back({start, at});
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++at;
    }
  }
  return spans;
}

nlohmann::json facets_json(const std::vector<indexer::FacetCount>& facets) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : facets) out.push_back({{"value", f.value}, {"count", f.count}});
  return out;
}

}  // namespace

std::vector<std::vector<const indexer::Hit*>> hits_by_conversation(
    const indexer::Results& results) {
  std::vector<std::vector<const indexer::Hit*>> groups;
  std::unordered_map<std::string, size_t> index;
  for (const auto& hit : results.hits) {
    // One group per copy: two accounts may hold the same conversation id.
    auto [it, added] =
        index.emplace(hit.source + '\n' + hit.account + '\n' + hit.conversation, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&hit);
  }
  return groups;
}

nlohmann::json search_results_json(const indexer::Results& results) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : results.hits) {
    hits.push_back({{"conversation", h.conversation},
                    {"node", h.node},
                    {"source", h.source},
                    {"account", h.account},
                    {"title", h.title},
                    {"create_time", h.create_time ? nlohmann::json(*h.create_time) : nullptr},
                    {"role", h.role},
                    {"model", h.model},
                    {"snippet", indexer::plain_snippet(h.snippet)},
                    {"highlights", highlight_spans(h.snippet)},
                    {"score", h.score},
                    {"branch", h.branch},
                    {"hidden", h.hidden}});
  }
  nlohmann::json out = {{"hits", hits},
                        {"total", results.total},
                        {"facets",
                         {{"model", facets_json(results.facets_by_model)},
                          {"year", facets_json(results.facets_by_year)}}},
                        {"facets_estimated", results.facets_estimated}};
  if (!results.did_you_mean.empty()) out["did_you_mean"] = results.did_you_mean;
  return out;
}

}  // namespace afterglow::viewer
