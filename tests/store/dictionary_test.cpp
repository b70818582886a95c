// Message text compression: a dictionary trained on the archive's own messages, recorded on every
// row, reused by later imports, and decodable with nothing but the sqlite3 and zstd tools, exactly
// as docs/FORMAT.md says.
#include <cstdlib>

#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

// Realistic-looking chat: recurring phrases in Chinese and English with varying details.
std::vector<model::Conversation> chatty_export(int conversations, unsigned seed) {
  const std::vector<std::string> words = {
      "学习",   "机器",  "模型",    "数据",   "分析",   "the",     "archive", "conversation",
      "python", "函数",  "变量",    "优化",   "性能",   "memory",  "search",  "index",
      "北京",   "天气",  "recipe",  "flour",  "翻译",   "summary", "章节",    "历史",
      "code",   "error", "compile", "linker", "数据库", "sqlite",  "压缩",    "dictionary"};
  std::mt19937 rng(seed);
  auto sentence = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += words[rng() % words.size()] + (i % 7 == 6 ? "。" : " ");
    return s;
  };
  std::vector<model::Conversation> out;
  for (int i = 0; i < conversations; ++i) {
    std::vector<Turn> turns;
    for (int t = 0; t < 6; ++t) {
      turns.push_back(
          {"user", "请帮我解释一下第 " + std::to_string(i) + " 个问题：" + sentence(20)});
      turns.push_back({"assistant", "当然可以！Here is a detailed answer. " + sentence(120) +
                                        "\n\n```python\nprint('hello " + std::to_string(t) +
                                        "')\n```\n"});
    }
    out.push_back(make_conversation("chat-" + std::to_string(seed) + "-" + std::to_string(i),
                                    "对话 " + std::to_string(i), 1700000000 + i * 60.0, turns));
  }
  return out;
}

TEST(Dictionary, TrainedOnTheFirstImportAndUsedOnEveryRow) {
  ScratchDir dir;
  const auto path = dir / "a.afterglow";
  auto archive = Archive::open(path, Archive::Mode::read_write);
  auto first = chatty_export(300, 1);
  const std::string probe_text = first[123].nodes[4].message->text;
  ImportSummary s = import_all(*archive, survey_for("u"), first);
  EXPECT_EQ(s.conversations_new, 300);

  EXPECT_EQ(query_int(path, "SELECT count(*) FROM dictionaries"), 1);
  const int64_t dict_bytes = query_int(path, "SELECT length(data) FROM dictionaries");
  EXPECT_GE(dict_bytes, 16 * 1024);
  EXPECT_LE(dict_bytes, 110 * 1024);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM messages WHERE dict_id <> 1"), 0);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM conversations WHERE dict_id <> 1"), 0);
  // The dictionary earns its keep: stored text is far smaller than the text itself.
  EXPECT_LT(query_int(path, "SELECT sum(length(text)) FROM messages") * 3,
            static_cast<int64_t>(probe_text.size()) * 300 * 6);

  EXPECT_EQ(archive->load("chat-1-123").conversation.nodes[4].message->text, probe_text);

  // A later import reuses the newest dictionary instead of training another.
  import_all(*archive, survey_for("u"), chatty_export(5, 2));
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM dictionaries"), 1);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM messages WHERE dict_id = 1"), 305 * 12);
}

TEST(Dictionary, TinyArchiveUsesPlainZstd) {
  ScratchDir dir;
  const auto path = dir / "a.afterglow";
  auto archive = Archive::open(path, Archive::Mode::read_write);
  import_all(*archive, survey_for("u"),
             {make_conversation("tiny", "小", 1, {{"user", "你好"}, {"assistant", "你好！"}})});
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM dictionaries"), 0);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM messages WHERE dict_id = 0"), 2);
  EXPECT_EQ(archive->load("tiny").conversation.nodes[2].message->text, "你好！");
  // The next, larger import trains the archive's first dictionary.
  import_all(*archive, survey_for("u"), chatty_export(300, 3));
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM dictionaries"), 1);
  EXPECT_EQ(archive->load("tiny").conversation.nodes[2].message->text, "你好！");
}

// The recipe of docs/FORMAT.md, "Reading a message with sqlite3 and zstd", run for real.
TEST(Dictionary, MessageDecodesWithTheCommandLineToolsAsDocumented) {
  if (std::system("command -v sqlite3 >/dev/null 2>&1 && command -v zstd >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "the sqlite3 and zstd command-line tools are not installed";
  }
  ScratchDir dir;
  const auto path = dir / "archive.afterglow";
  auto convs = chatty_export(300, 4);
  const std::string expected = convs[42].nodes[6].message->text;
  {
    auto archive = Archive::open(path, Archive::Mode::read_write);
    import_all(*archive, survey_for("u"), convs);
  }
  const std::string script = R"sh(
set -e
A=archive.afterglow
WHERE="c.external_id = 'chat-4-42' AND n.node_id = 'chat-4-42-n6'"
FROM="FROM messages m JOIN nodes n ON n.id = m.node JOIN conversations c ON c.id = n.conversation_id"
sqlite3 "$A" "SELECT writefile('text.zst', m.text) $FROM WHERE $WHERE" >/dev/null
DICT=$(sqlite3 "$A" "SELECT m.dict_id $FROM WHERE $WHERE")
if [ "$DICT" = 0 ]; then
  zstd -q -d text.zst -o text.txt
else
  sqlite3 "$A" "SELECT writefile('dict.bin', data) FROM dictionaries WHERE id = $DICT" >/dev/null
  zstd -q -d -D dict.bin text.zst -o text.txt
fi
)sh";
  write_file(dir / "decode.sh", script);
  const std::string command = "cd '" + dir.path().string() + "' && sh decode.sh";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(fs::exists(dir / "dict.bin"));
  EXPECT_EQ(read_file(dir / "text.txt"), expected);
}

// docs/FORMAT.md, "Reading an original file": chunk rows in seq order, then plain `zstd -d`.
TEST(Dictionary, OriginalFileDecodesWithTheCommandLineTools) {
  if (std::system("command -v sqlite3 >/dev/null 2>&1 && command -v zstd >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "the sqlite3 and zstd command-line tools are not installed";
  }
  ScratchDir dir;
  const auto path = dir / "archive.afterglow";
  std::string big;
  while (big.size() < (3u << 20))
    big += "{\"title\":\"对话\",\"n\":" + std::to_string(big.size()) + "}";
  {
    auto archive = Archive::open(path, Archive::Mode::read_write);
    import_all(*archive, survey_for("u"), {}, {{"conversations.json", big}});
  }
  const std::string script = R"sh(
set -e
A=archive.afterglow
sqlite3 "$A" "SELECT b.id || ' ' || b.compression FROM sources s JOIN blobs b ON b.sha256 = s.sha256
              WHERE s.path = 'conversations.json' ORDER BY s.import_id DESC LIMIT 1" > blob.txt
read ID COMPRESSION < blob.txt
: > blob.bin
for SEQ in $(sqlite3 "$A" "SELECT seq FROM blob_chunks WHERE blob_id = $ID ORDER BY seq"); do
  sqlite3 "$A" "SELECT writefile('chunk', data) FROM blob_chunks WHERE blob_id = $ID AND seq = $SEQ" >/dev/null
  cat chunk >> blob.bin
done
if [ "$COMPRESSION" = zstd ]; then zstd -q -d blob.bin -o conversations.json; else mv blob.bin conversations.json; fi
)sh";
  write_file(dir / "decode.sh", script);
  const std::string command = "cd '" + dir.path().string() + "' && sh decode.sh";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(read_file(dir / "conversations.json"), big);
}

}  // namespace
}  // namespace afterglow::store
