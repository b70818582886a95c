#include "afterglow/indexer/schema.h"

#include <algorithm>
#include <stdexcept>

namespace afterglow::indexer {
namespace {

const char* kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::text:
      return "text";
    case FieldKind::keyword:
      return "keyword";
    case FieldKind::flag:
      return "flag";
    case FieldKind::conversation:
      return "conversation";
    case FieldKind::date_after:
      return "date_after";
    case FieldKind::date_before:
      return "date_before";
    case FieldKind::date_on:
      return "date_on";
    case FieldKind::keepsake:
      return "keepsake";
    case FieldKind::project:
      return "project";
    case FieldKind::internal:
      return "internal";
  }
  return "?";
}

}  // namespace

const Field* find_field(std::string_view name) {
  for (const auto& field : kSchema) {
    if (field.kind != FieldKind::internal && field.name == name) return &field;
  }
  return nullptr;
}

const Field& schema_row(std::string_view name) {
  for (const auto& field : kSchema) {
    if (field.name == name) return field;
  }
  throw std::logic_error("no schema row named " + std::string(name));
}

std::string schema_description() {
  std::string out;
  for (const auto& field : kSchema) {
    if (field.kind == FieldKind::keepsake || field.kind == FieldKind::project) continue;
    out += field.name;
    out += '\t';
    out += field.prefix;
    out += '\t';
    out += std::to_string(field.slot);
    out += '\t';
    out += kind_name(field.kind);
    out += '\t';
    out += field.help;
    out += '\n';
  }
  return out;
}

std::string query_help(const std::function<std::string(const char*)>& words) {
  auto said = [&words](const char* english) { return words ? words(english) : english; };
  std::string out = said(
      N_("Query: words (all must match), \"a phrase\", -word (not), a OR b, a AND b, (groups),\n"
         "prefix*. Chinese, Japanese and Korean need no spaces. Fields:\n"));
  for (const auto& field : kSchema) {
    if (field.kind == FieldKind::internal) continue;
    std::string example(field.example);
    example.resize(std::max<size_t>(example.size(), 30), ' ');
    out += "  " + example + said(field.help.data()) + "\n";  // the help is a literal
  }
  return out;
}

}  // namespace afterglow::indexer
