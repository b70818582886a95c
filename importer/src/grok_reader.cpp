// xAI's Grok export: its conversations only (it has no memory or rating files).
#include "grok_parser.h"
#include "provider_reader.h"

namespace afterglow::importer {

namespace {

class GrokReader : public ProviderReader {
 public:
  model::Conversation parse(const std::string& element) override { return parser_.parse(element); }
  bool repaired() const override { return parser_.repaired(); }
  std::string why_no_messages() const override { return "it has no \"responses\""; }

 private:
  GrokParser parser_;
};

}  // namespace

std::unique_ptr<ProviderReader> make_grok_reader() { return std::make_unique<GrokReader>(); }

}  // namespace afterglow::importer
