#include "afterglow/model/retirements.h"

namespace afterglow::model {

const std::vector<ModelRetirement>& model_retirements() {
  // Source, slug, name, day. Keep the rows in the order of the days; one row per slug.
  static const std::vector<ModelRetirement> kRetirements = {
      {"chatgpt", "gpt-4o", "GPT-4o", "2026-02-13"},
  };
  return kRetirements;
}

}  // namespace afterglow::model
