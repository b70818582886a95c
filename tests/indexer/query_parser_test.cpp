// The query language on its own: query text -> tree, and malformed queries -> QueryError.
#include <gtest/gtest.h>

#include "afterglow/indexer/query.h"
#include "afterglow/model/errors.h"
#include "indexer/corpus.h"

namespace afterglow::indexer {
namespace {

struct Parsed {
  const char* query;
  const char* tree;
};

const Parsed kParsed[] = {
    {"pressure", "pressure"},
    {"a b OR c", "(or (and a b) c)"},
    {"a (b OR c)", "(and a (or b c))"},
    {"a AND b", "(and a b)"},
    {"-a b", "(and (not a) b)"},
    {"NOT a", "(not a)"},
    {"-(a OR b) c", "(and (not (or a b)) c)"},
    {"\"foo bar\" baz*", "(and \"foo bar\" baz*)"},
    {"model:GPT-4o role:user|assistant", "(and model:gpt-4o role:user|assistant)"},
    {"-model:gpt-4*", "(not model:gpt-4*)"},
    {"title:\"the night\" title:asim*", "(and title:\"the night\" title:asim*)"},
    {"in:ABC-def", "in:ABC-def"},
    {"has:image|code", "has:image|code"},
    {"is:Starred -is:starred", "(and is:starred (not is:starred))"},
    {"source:ChatGPT account:user-1", "(and source:chatgpt account:user-1)"},
    // Code, URLs and times stay words.
    {"printf(x)", "printf(x)"},
    {"(printf(x) OR y)", "(or printf(x) y)"},
    {"std::vector", "std::vector"},
    {"http://example.com/a", "http://example.com/a"},
    {"12:30", "12:30"},
    {"C:\\path", "C:\\path"},
    // Chinese: no spaces needed; the ideographic space and curly quotes work.
    {"那次聊压力的对话", "那次聊压力的对话"},
    {"压力\xE3\x80\x80睡眠", "(and 压力 睡眠)"},
    {"\xE2\x80\x9C压力 很大\xE2\x80\x9D", "\"压力 很大\""},
    {"or and", "(and or and)"},
    {"a - b", "(and a - b)"},
};

TEST(QueryParser, BuildsTheTree) {
  testing::use_test_time_zone();
  for (const auto& p : kParsed) {
    EXPECT_EQ(to_string(parse_query(p.query).root), p.tree) << p.query;
  }
}

TEST(QueryParser, ResolvesDatesInTheLocalZone) {
  testing::use_test_time_zone();
  // Midnight of 2024-05-13 in Shanghai is 2024-05-12T16:00:00Z.
  EXPECT_EQ(to_string(parse_query("after:2024-05-13").root), "after:[1715529600,)");
  EXPECT_EQ(to_string(parse_query("before:2024-05-13").root), "before:[,1715529600)");
  EXPECT_EQ(to_string(parse_query("date:2024-05-13").root), "date:[1715529600,1715616000)");
  EXPECT_EQ(to_string(parse_query("date:2024").root), "date:[1704038400,1735660800)");
  EXPECT_EQ(to_string(parse_query("date:2024-02").root), "date:[1706716800,1709222400)");
}

TEST(QueryParser, RemembersWhereWordsStand) {
  auto query = parse_query("asimv (fondation OR x)");
  ASSERT_EQ(query.root.children.size(), 2u);
  EXPECT_EQ(query.root.children[0].offset, 0u);
  EXPECT_EQ(query.root.children[0].length, 5u);
  EXPECT_EQ(query.root.children[1].children[0].offset, 7u);
  EXPECT_EQ(query.root.children[1].children[0].length, 9u);
}

TEST(QueryParser, HighlightTermsSkipNegationsAndFields) {
  auto terms = highlight_terms(parse_query("a \"b c\" d* -e title:f model:g (h OR -i)").root);
  EXPECT_EQ(terms, (std::vector<std::string>{"a", "b c", "d", "h"}));
}

struct Malformed {
  const char* query;
  const char* message_part;
};

const Malformed kMalformed[] = {
    {"", "empty query"},
    {"   ", "empty query"},
    {"(foo", "unbalanced parenthesis: the '(' at position 1 is never closed"},
    {"foo)", "unbalanced parenthesis: the ')' at position 4 has no matching '('"},
    {"(a OR b", "never closed"},
    {"()", "empty parentheses"},
    {"foo:bar", "unknown field \"foo:\""},
    {"after:2024-13-01", "bad date \"2024-13-01\" in after:"},
    {"date:yesterday", "bad date \"yesterday\" in date:"},
    {"before:2024-02-30", "bad date"},
    {"model:", "model: needs a value"},
    {"has:video", "has:video is unknown"},
    {"is:forgotten", "is:forgotten is unknown; use is:starred"},
    {"role:user|", "empty alternative"},
    {"\"unterminated", "unterminated quote"},
    {"OR foo", "unexpected"},
    {"foo OR", "OR needs a term on both sides"},
    {"foo AND", "AND needs a term on both sides"},
    {"foo -", "foo -"},  // a lone '-' is punctuation, not an error: see below
    {"NOT", "nothing to exclude"},
    {"*", "lone '*'"},
    {"a**", "only one '*'"},
    {"\"\"", "empty phrase"},
};

TEST(QueryParser, MalformedQueriesExplainThemselvesInOneLine) {
  testing::use_test_time_zone();
  for (const auto& m : kMalformed) {
    if (std::string(m.query) == "foo -") {
      EXPECT_NO_THROW(parse_query(m.query));
      continue;
    }
    try {
      parse_query(m.query);
      ADD_FAILURE() << "no error for: " << m.query;
    } catch (const QueryError& e) {
      std::string message = e.what();
      EXPECT_NE(message.find(m.message_part), std::string::npos) << m.query << " -> " << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
  }
}

// A recursive parser meets a query nested past any human use (a pasted or generated one): the
// depth and the length are refused with a query error, not a stack overflow.
TEST(QueryParser, RefusesNestingDeeperThanTheLimit) {
  const std::string nested(kMaxQueryDepth, '(');
  EXPECT_NO_THROW(parse_query(nested + "a" + std::string(kMaxQueryDepth, ')')));
  for (const std::string& query : {std::string(kMaxQueryCharacters - 1, '(') + "a",
                                   nested + "(a" + std::string(kMaxQueryDepth + 1, ')'),
                                   [] {
                                     std::string nots;
                                     for (size_t i = 0; i <= kMaxQueryDepth; ++i) nots += "NOT ";
                                     return nots + "a";
                                   }(),
                                   [] {
                                     std::string minus;
                                     for (size_t i = 0; i <= kMaxQueryDepth; ++i) minus += "-(";
                                     return minus + "a";
                                   }()}) {
    try {
      parse_query(query);
      ADD_FAILURE() << "no error for a query nested " << query.size() << " deep";
    } catch (const QueryError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("nested too deeply"), std::string::npos) << message;
      EXPECT_NE(message.find(std::to_string(kMaxQueryDepth)), std::string::npos) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
  }
}

TEST(QueryParser, RefusesAQueryLongerThanTheLimit) {
  // Counted in characters, so a Chinese query may be as long as an English one.
  std::string chinese;
  for (size_t i = 0; i < kMaxQueryCharacters; ++i) chinese += "压";
  EXPECT_NO_THROW(parse_query(chinese));
  for (const std::string& query : {chinese + "力", std::string(100 * 1024, 'a'),
                                   std::string(kMaxQueryCharacters + 1, ' ') + "a"}) {
    try {
      parse_query(query);
      ADD_FAILURE() << "no error for a query of " << query.size() << " bytes";
    } catch (const QueryError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("too long"), std::string::npos) << message;
      EXPECT_NE(message.find(std::to_string(kMaxQueryCharacters)), std::string::npos) << message;
    }
  }
}

TEST(QueryParser, HelpListsEveryField) {
  const std::string help = query_help();
  for (const auto& field : kSchema) {
    if (field.kind == FieldKind::internal) continue;
    EXPECT_NE(help.find(std::string(field.example)), std::string::npos) << field.name;
  }
}

}  // namespace
}  // namespace afterglow::indexer
