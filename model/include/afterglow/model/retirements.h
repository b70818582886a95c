// The models that were retired, and when: a plain table (model/src/retirements.cpp), one row per
// model slug as exports write it, so that adding a retirement is adding a row. `afterglow firsts`
// finds the last conversations with each before its day.
#pragma once

#include <string_view>
#include <vector>

namespace afterglow::model {

struct ModelRetirement {
  std::string_view source;      // the service: "chatgpt"
  std::string_view slug;        // the model as messages name it ("gpt-4o"), matched exactly
  std::string_view name;        // as people call it ("GPT-4o"); rows of one model share it
  std::string_view retired_on;  // YYYY-MM-DD, the day it stopped answering (local time)
};

// In the order the models were retired, first first.
const std::vector<ModelRetirement>& model_retirements();

}  // namespace afterglow::model
