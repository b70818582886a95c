#include "words.h"

namespace afterglow::server {
namespace {

struct Row {
  Word key;
  const char* en;
  const char* zh;
};

// One row per word, in the order of the enum; the static_assert keeps the table complete.
constexpr Row kRows[] = {
    {Word::site_name, "afterglow", "afterglow"},
    {Word::home, "Home", "首页"},
    {Word::all_conversations, "All conversations", "全部对话"},
    {Word::recent, "Recent conversations", "最近的对话"},
    {Word::on_this_day, "On this day", "那年今日"},
    {Word::years_ago, "{n} years ago", "{n} 年前"},
    {Word::one_year_ago, "A year ago", "一年前"},
    {Word::nothing_on_this_day, "Nothing was said on this day in earlier years.",
     "往年的今天没有对话。"},
    {Word::search_placeholder, "Search every message, e.g. 压力 or model:gpt-4o after:2024",
     "搜索所有消息，例如 压力 或 model:gpt-4o after:2024"},
    {Word::search_button, "Search", "搜索"},
    {Word::engine, "Engine", "引擎"},
    {Word::engine_xapian, "Ranked", "按相关度"},
    {Word::engine_fts5, "Exact text", "精确匹配"},
    {Word::sort, "Order", "排序"},
    {Word::sort_relevance, "Best match", "最相关"},
    {Word::sort_newest, "Newest", "最新"},
    {Word::sort_oldest, "Oldest", "最早"},
    {Word::include_hidden, "Include alternate versions and hidden messages",
     "包括其他版本和隐藏消息"},
    {Word::results, "{n} messages found", "找到 {n} 条消息"},
    {Word::one_result, "1 message found", "找到 1 条消息"},
    {Word::no_results, "Nothing found.", "没有找到。"},
    {Word::did_you_mean, "Did you mean", "您是不是要找"},
    {Word::bad_query, "This search could not be understood: {why}", "无法理解这个搜索：{why}"},
    {Word::filter_model, "Model", "模型"},
    {Word::filter_year, "Year", "年份"},
    {Word::remove_filter, "Remove filter", "移除筛选"},
    {Word::newer_page, "‹ Previous", "‹ 上一页"},
    {Word::older_page, "Next ›", "下一页 ›"},
    {Word::page_n, "Page {n} of {total}", "第 {n} / {total} 页"},
    {Word::alternate_version, "alternate version", "其他版本"},
    {Word::hidden_result, "hidden", "隐藏"},
    {Word::index_behind,
     "The search index has not caught up with the latest import yet; `afterglow reindex` "
     "brings it up to date.",
     "搜索索引还没有跟上最近的导入；运行 `afterglow reindex` 即可更新。"},
    {Word::memories_pending, "The memories pictures are being drawn; reload in a moment.",
     "回忆图正在绘制，请稍后刷新。"},
    {Word::switch_language, "中文", "English"},
    {Word::not_found, "Not found", "找不到"},
    {Word::not_found_text, "There is nothing at this address.", "这个地址没有内容。"},
    {Word::forbidden, "Not allowed", "不允许访问"},
    {Word::forbidden_text,
     "This reader is private. Open it with the address `afterglow serve` printed.",
     "这个阅读器是私密的。请使用 `afterglow serve` 打印的地址打开。"},
    {Word::server_error, "Something went wrong", "出错了"},
    {Word::server_error_text,
     "The reader could not answer this request. The archive was not changed.",
     "阅读器无法处理这个请求。存档没有被改动。"},
    {Word::show_hidden, "Show hidden messages and reasoning", "显示隐藏消息与思考过程"},
    {Word::hide_hidden, "Hide hidden messages", "不显示隐藏消息"},
    {Word::open_conversation, "Open", "打开"},
    {Word::read_only_note, "Read-only · nothing leaves this computer",
     "只读 · 所有内容都留在这台电脑上"},
};
static_assert(sizeof kRows / sizeof kRows[0] == static_cast<size_t>(Word::count_),
              "every Word needs a row in kRows");

constexpr bool rows_in_order() {
  for (size_t i = 0; i < sizeof kRows / sizeof kRows[0]; ++i) {
    if (static_cast<size_t>(kRows[i].key) != i) return false;
  }
  return true;
}
static_assert(rows_in_order(), "kRows must follow the order of enum Word");

}  // namespace

std::string word(Lang lang, Word key, const viewer::Args& args) {
  const Row& row = kRows[static_cast<size_t>(key)];
  std::string text = lang == Lang::zh ? row.zh : row.en;
  for (const auto& [name, value] : args) {
    const std::string pattern = "{" + name + "}";
    for (size_t at = text.find(pattern); at != std::string::npos;
         at = text.find(pattern, at + value.size())) {
      text.replace(at, pattern.size(), value);
    }
  }
  return text;
}

}  // namespace afterglow::server
