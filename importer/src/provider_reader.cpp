#include "provider_reader.h"

namespace afterglow::importer {

std::unique_ptr<ProviderReader> make_reader(Provider provider) {
  switch (provider) {
    case Provider::chatgpt:
      return make_chatgpt_reader();
    case Provider::grok:
      return make_grok_reader();
    case Provider::claude:
      return make_claude_reader();
    case Provider::gemini:
      return make_gemini_reader();
  }
  return make_chatgpt_reader();
}

Provider provider_of_source(std::string_view source) {
  for (Provider provider :
       {Provider::chatgpt, Provider::grok, Provider::claude, Provider::gemini}) {
    if (source == source_of(provider)) return provider;
  }
  return Provider::chatgpt;
}

}  // namespace afterglow::importer
