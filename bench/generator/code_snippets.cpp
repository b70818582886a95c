#include "generator/code_snippets.h"

#include <array>
#include <span>

namespace afterglow::bench {

namespace {

using namespace std::string_view_literals;

// Templates: $a and $b become identifiers, $n a number, $s a short phrase.
constexpr std::array kPython = {
    "def $a(items):\n    \"\"\"$s\"\"\"\n    return [x for x in items if x > $n]\n"sv,
    "import json\n\nwith open(\"$a.json\", encoding=\"utf-8\") as f:\n    data = json.load(f)\nprint(len(data))\n"sv,
    "class $A:\n    def __init__(self, $b=$n):\n        self.$b = $b\n\n    def $a(self):\n        return self.$b * 2\n"sv,
    "for i, $b in enumerate($a):\n    if i % $n == 0:\n        print(f\"{i}: {$b}\")\n"sv,
    "import pandas as pd\n\ndf = pd.read_csv(\"$a.csv\")\ndf[\"$b\"] = df[\"$b\"].fillna($n)\nprint(df.describe())\n"sv,
};
constexpr std::array kJavascript = {
    "async function $a($b) {\n  const res = await fetch(`/api/$b/${$b.id}`);\n  if (!res.ok) throw new Error(\"$s\");\n  return res.json();\n}\n"sv,
    "const $a = items.filter((x) => x.$b > $n).map((x) => x.$b);\nconsole.log($a);\n"sv,
    "export function $a(state, action) {\n  switch (action.type) {\n    case \"$b\":\n      return { ...state, $b: action.payload };\n    default:\n      return state;\n  }\n}\n"sv,
};
constexpr std::array kCpp = {
    "#include <vector>\n\nint $a(const std::vector<int>& $b) {\n  int total = 0;\n  for (int x : $b) total += x * $n;\n  return total;\n}\n"sv,
    "struct $A {\n  std::string $b;\n  int count = $n;\n};\n\nstd::map<std::string, $A> $a;\n"sv,
};
constexpr std::array kBash = {
    "#!/usr/bin/env bash\nset -euo pipefail\nfor f in ./$a/*.txt; do\n  wc -l \"$f\"\ndone\n"sv,
    "docker compose up -d $a\ndocker logs --tail $n $a\n"sv,
    "git checkout -b $a\ngit commit -am \"$s\"\ngit push origin $a\n"sv,
};
constexpr std::array kSql = {
    "SELECT $b, COUNT(*) AS n\nFROM $a\nWHERE created_at > date('now', '-$n days')\nGROUP BY $b\nORDER BY n DESC;\n"sv,
    "CREATE TABLE $a (\n  id INTEGER PRIMARY KEY,\n  $b TEXT NOT NULL,\n  score REAL DEFAULT $n\n);\n"sv,
};
constexpr std::array kRust = {
    "fn $a($b: &[u32]) -> u32 {\n    $b.iter().filter(|x| **x > $n).sum()\n}\n"sv,
    "#[derive(Debug, Clone)]\nstruct $A {\n    $b: String,\n    count: usize,\n}\n"sv,
};
constexpr std::array kGo = {
    "func $a($b []int) int {\n\tsum := 0\n\tfor _, v := range $b {\n\t\tsum += v * $n\n\t}\n\treturn sum\n}\n"sv,
};
constexpr std::array kLatex = {
    "\\int_0^{$n} x^2 \\, dx = \\frac{$n^3}{3}\n"sv,
    "P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}\n"sv,
    "A\\mathbf{v} = \\lambda \\mathbf{v}, \\quad \\det(A - \\lambda I) = 0\n"sv,
};

struct Language {
  std::string_view tag;
  std::span<const std::string_view> templates;
};

constexpr std::array kLanguages = {Language{"python", kPython}, Language{"javascript", kJavascript},
                                   Language{"cpp", kCpp},       Language{"bash", kBash},
                                   Language{"sql", kSql},       Language{"rust", kRust},
                                   Language{"go", kGo},         Language{"latex", kLatex}};

std::span<const std::string_view> templates_for(std::string_view tag) {
  for (const auto& language : kLanguages) {
    if (language.tag == tag) return language.templates;
  }
  return kPython;
}

void expand(Rng& rng, const TextStyle& style, std::string_view tmpl, std::string& out) {
  const std::string a = make_identifier(rng, style);
  const std::string b = make_identifier(rng, style).substr(0, 12);
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '$' || i + 1 == tmpl.size()) {
      out.push_back(tmpl[i]);
      continue;
    }
    switch (tmpl[++i]) {
      case 'a':
        out.append(a);
        break;
      case 'A':  // a type name: CamelCase of the first identifier
        for (std::size_t k = 0; k < a.size(); ++k) {
          if (a[k] == '_') continue;
          const bool upper = k == 0 || a[k - 1] == '_';
          out.push_back(upper && a[k] >= 'a' && a[k] <= 'z' ? static_cast<char>(a[k] - 32) : a[k]);
        }
        break;
      case 'b':
        out.append(b);
        break;
      case 'n':
        out.append(std::to_string(rng.between(2, 500)));
        break;
      case 's':
        append_phrase(rng, style, out);
        break;
      default:
        out.push_back('$');
        out.push_back(tmpl[i]);
        break;
    }
  }
}

}  // namespace

std::string_view pick_code_language(Rng& rng, const TextStyle& style) {
  if (style.topic->has_math && rng.chance(0.3)) return "latex";
  static constexpr std::array kWeights = {40, 15, 10, 12, 10, 8, 5};  // python ... go
  std::uint64_t roll = rng.below(100);
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    if (roll < static_cast<std::uint64_t>(kWeights[i])) return kLanguages[i].tag;
    roll -= static_cast<std::uint64_t>(kWeights[i]);
  }
  return "python";
}

void append_code(Rng& rng, const TextStyle& style, std::string_view language, int lines,
                 std::string& out) {
  const auto templates = templates_for(language);
  int written = 0;
  while (written < lines) {
    if (written > 0) out.push_back('\n');
    const std::string_view tmpl = rng.pick(templates);
    expand(rng, style, tmpl, out);
    for (const char c : tmpl) written += c == '\n';
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
}

}  // namespace afterglow::bench
