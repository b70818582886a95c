#include "afterglow/viewer/html_strings.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace afterglow::viewer {
namespace {

struct Row {
  Text key;
  const char* en;
  const char* zh;
};

// One row per interface string; the static_assert below keeps the table complete.
constexpr Row kRows[] = {
    {Text::you, "You", "你"},
    {Text::assistant, "Assistant", "助手"},
    {Text::tool, "Tool", "工具"},
    {Text::untitled, "Untitled", "无题"},
    {Text::contents, "Contents", "目录"},
    {Text::about_book, "About this book", "关于本书"},
    {Text::memories, "Memories", "回忆"},
    {Text::search, "Search", "搜索"},
    {Text::search_placeholder, "Search this book", "在书中搜索"},
    {Text::search_no_results, "Nothing found.", "没有找到。"},
    {Text::search_results, "{n} conversations", "{n} 段对话"},
    {Text::search_unavailable, "Search needs JavaScript.", "搜索需要启用 JavaScript。"},
    {Text::conversations, "{n} conversations", "{n} 段对话"},
    {Text::one_conversation, "1 conversation", "1 段对话"},
    {Text::words, "{n} words", "{n} 字"},
    {Text::messages, "{n} messages", "{n} 条消息"},
    {Text::one_message, "1 message", "1 条消息"},
    {Text::previous_version, "Previous version", "上一个版本"},
    {Text::next_version, "Next version", "下一个版本"},
    {Text::version_of, "version {k} of {n}", "第 {k} / {n} 版"},
    {Text::reasoning, "Reasoning", "思考过程"},
    {Text::tool_call, "Tool call", "工具调用"},
    {Text::tool_output, "Tool output", "工具输出"},
    {Text::hidden_message, "Hidden message", "隐藏消息"},
    {Text::custom_instructions, "Custom instructions", "自定义指令"},
    {Text::memory_note, "Memory", "记忆"},
    {Text::voice, "Voice", "语音"},
    {Text::unavailable_file, "{name} — not in the export", "{name}（导出文件中没有）"},
    {Text::copy, "Copy", "复制"},
    {Text::copied, "Copied", "已复制"},
    {Text::sources, "Sources", "来源"},
    {Text::previous, "Previous", "上一篇"},
    {Text::next, "Next", "下一篇"},
    {Text::back_to_contents, "Contents", "目录"},
    {Text::default_title, "Conversations", "对话集"},
    {Text::by_author, "{name}", "{name}"},
    {Text::about_intro,
     "This book was made from an archive of conversations, exactly as they were written.",
     "本书由对话存档生成，保留每段对话的原貌。"},
    {Text::about_included, "It holds {n} conversations, from {from} to {to}.",
     "共收录 {n} 段对话，时间从 {from} 到 {to}。"},
    {Text::about_filter, "Chosen with: {filter}", "筛选条件：{filter}"},
    {Text::about_everything, "Every conversation in the archive was included.",
     "收录了存档中的全部对话。"},
    {Text::about_hidden_included, "Tool calls, reasoning and hidden messages are included.",
     "包含工具调用、思考过程和隐藏消息。"},
    {Text::about_hidden_excluded,
     "Tool calls, reasoning and hidden messages are left out, as in the original view.",
     "与原始界面一致，未包含工具调用、思考过程和隐藏消息。"},
    {Text::about_sources, "From these export files", "来自这些导出文件"},
    {Text::about_made, "Made on {date} by {version}.", "由 {version} 于 {date} 生成。"},
    {Text::about_reading,
     "Open index.html in any web browser; nothing needs to be installed and no network is used. "
     "Search works offline. To print, or to save as PDF, use the browser's Print command.",
     "用任何网页浏览器打开 index.html 即可阅读，无需安装任何软件，也不需要网络。"
     "搜索可离线使用。如需打印或保存为 PDF，请使用浏览器的“打印”功能。"},
    {Text::about_math_source, "Mathematics is shown as its TeX source.",
     "数学公式以 TeX 源码显示。"},
    {Text::first_conversation, "The first conversation", "第一次对话"},
    {Text::last_conversation, "The latest conversation", "最近一次对话"},
    {Text::longest_conversation, "The longest conversation", "最长的对话"},
    {Text::days_talked, "{n} days of talking", "交谈了 {n} 天"},
    {Text::longest_streak, "{n} days in a row at most", "最长连续 {n} 天"},
    {Text::busiest_day, "The busiest day", "最忙碌的一天"},
    {Text::you_wrote, "You wrote {n} words", "你写了 {n} 字"},
    {Text::they_wrote, "{name} answered with {n}", "{name} 回复了 {n} 字"},
    {Text::calendar, "The days you talked", "交谈的日子"},
    {Text::messages_by_month, "Messages per month, by model", "每月消息数（按模型）"},
    {Text::other_models, "other", "其他"},
    {Text::less, "Less", "少"},
    {Text::more, "More", "多"},
    {Text::words_exchanged, "Words exchanged", "往来的文字"},
    {Text::gone_upstream, "No longer in the newest export; kept here.",
     "最新的导出中已没有这段对话；此处仍保留。"},
    {Text::in_project, "Project: {name}", "项目：{name}"},
    {Text::with_gpt, "GPT: {name}", "GPT：{name}"},
    {Text::page_of_book, "{name}", "{name}"},
    {Text::label_conversations, "conversations", "段对话"},
    {Text::label_days, "days we talked", "天有过交谈"},
    {Text::label_streak, "days in a row, at most", "最长连续天数"},
    {Text::label_words, "words", "字"},
    {Text::canvas_document, "Document", "文档"},
    {Text::canvas_email, "Email", "邮件"},
    {Text::canvas_social_post, "Social post", "社交帖子"},
    {Text::other_model_answered, "another model answered here", "这一条换了别的模型回答"},
    {Text::rated_up, "You rated this answer good", "你给这条回答点了赞"},
    {Text::rated_down, "You rated this answer bad", "你给这条回答点了踩"},
    {Text::remembered, "What it remembered", "它记得的事"},
    {Text::remembered_intro,
     "What {name} wrote down about you, the memory it carried from one conversation to the "
     "next, and the instructions you gave it, oldest first: {n} records.",
     "{name} 记下的关于你的事、它带进每一次对话的记忆，以及你给它的自定义指令，按时间先后排列，共 "
     "{n} "
     "条。"},
    {Text::remembered_none,
     "The export holds no memory writes, memory snapshots or custom instructions.",
     "导出的数据里没有记忆写入、记忆快照或自定义指令。"},
    {Text::memory_write, "Remembered", "记下了"},
    {Text::memory_snapshot, "Its memory, as it stood", "当时的记忆"},
    {Text::memory_account, "Account memory", "账户记忆"},
    {Text::remembered_where, "in “{title}”", "见于《{title}》"},
    {Text::remembered_account, "for the whole account", "适用于整个账户"},
    {Text::remembered_elsewhere, "in a conversation not in this book", "出自一段不在本书中的对话"},
    {Text::digests, "Digests", "校验值"},
    {Text::digests_intro,
     "Each message in this book carries its id and the SHA-256 of its text exactly as the archive "
     "keeps it (data-node and data-sha256 in the page). A conversation's digest is the SHA-256 of "
     "one line per message, in page order: the id, a space, the message's SHA-256 and a newline. "
     "The same values are in book-digests.json; `afterglow verify --book` checks the book against "
     "the archive.",
     "本书中的每条消息都带有它的编号，以及存档所存原文的 SHA-256 值（即页面中的 data-node 与 "
     "data-sha256）。一段对话的校验值，是按页面顺序每条消息一行——编号、一个空格、该消息的 SHA-256、"
     "换行——所拼成文本的 SHA-256。同样的数值也写在 book-digests.json 中；用 "
     "`afterglow verify --book` 可以对照存档核验本书。"},
    {Text::digests_conversations, "Conversations", "对话"},
    {Text::about_digests, "The digests of every message and of the export files",
     "每条消息及各导出文件的校验值"},
    {Text::packet_title, "Continuity packet", "延续资料包"},
    {Text::packet_preface,
     "This packet was put together by someone who talked for a long time with {name}.",
     "整理这份资料的人，曾和 {name} 聊了很久。"},
    {Text::packet_preface_gone, "{name} is no longer there.", "如今 {name} 已经不在了。"},
    {Text::packet_preface_rest,
     "It holds the instructions they wrote, what {name} remembered about them, and some of their "
     "conversations, so that you can pick up the tone and the history they shared. You are not "
     "{name} and need not pretend to be: read it as background a friend is giving you, and ask "
     "when something is unclear.",
     "这里有他们自己写下的指令、{name} 记得的关于他们的事，还有几段当时的对话，好让你了解那种"
     "说话的语气和他们共同的经历。你不是 {name}，也不必假装是：请把它当作一位朋友讲给你听的往事，"
     "有不清楚的地方就问。"},
    {Text::packet_instructions, "In their own words: custom instructions",
     "他们自己写下的：自定义指令"},
    {Text::packet_memories, "What {name} remembered", "{name} 记得的事"},
    {Text::packet_exchanges, "How they talked", "他们是怎样聊天的"},
    {Text::packet_cut, "The answer is cut here to keep the packet within its size.",
     "为控制篇幅，回答到此截断。"},
    {Text::packet_none, "None in the archive.", "存档里没有。"},
    {Text::packet_and, " and ", " 和 "},
    {Text::packet_readme_title, "About this packet", "关于这份资料"},
    {Text::packet_readme_intro,
     "afterglow made this folder from your archive, on your computer. packet.md is the text to "
     "give another model (Claude, Gemini, a model on your own computer) at the start of a "
     "conversation: paste it in or attach it. packet.json holds the same in a form programs "
     "read. Read it before you give it to anyone: it is yours to change or shorten.",
     "这个文件夹是 afterglow 在你的电脑上根据你的存档整理出来的。packet.md 是交给另一个模型"
     "（Claude、Gemini，或装在你自己电脑上的模型）的文字，在新对话开始时粘贴进去或作为附件"
     "上传；packet.json 是同样的内容，供程序读取。交出去之前先读一遍：删改都由你决定。"},
    {Text::packet_readme_counts,
     "It holds {instructions} set(s) of custom instructions, {memories} memory records and "
     "{exchanges} exchanges: {characters} characters of the {budget} allowed (--budget).",
     "里面有 {instructions} 份自定义指令、{memories} 条记忆和 {exchanges} 段对话，共 {characters} "
     "个字符，上限是 {budget} 个（--budget）。"},
    {Text::packet_readme_left_out,
     "Left out to stay within that size: {memories} memory records and {exchanges} exchanges. A "
     "larger --budget or a narrower selection brings them in.",
     "为了不超出上限，有 {memories} 条记忆和 {exchanges} 段对话没有放进来。把 --budget 调大，"
     "或把挑选的范围缩小，就能放进来。"},
    {Text::packet_readme_reconstruction,
     "It can help another model rebuild something of what you had, not replace it: it can learn "
     "the tone and the history, not become the companion you knew.",
     "它只能帮助重建，不能替代：另一个模型可以学会那种语气、了解你们的过往，却不会变成你认识的"
     "那一位。"},
    {Text::packet_readme_private,
     "Nothing was uploaded: afterglow never sends your conversations anywhere. Whether to give "
     "this to another service is up to you.",
     "没有任何内容被上传：afterglow 从不把你的对话发往任何地方。要不要交给别的服务，由你决定。"},
    {Text::cover, "Cover", "封面"},
    {Text::start_reading, "Start reading", "开始阅读"},
};
constexpr bool rows_in_order() {
  for (size_t i = 0; i < std::size(kRows); ++i) {
    if (static_cast<size_t>(kRows[i].key) != i) return false;
  }
  return std::size(kRows) == static_cast<size_t>(Text::count_);
}
static_assert(rows_in_order(), "kRows needs one row per Text, in the enum's order");

constexpr const char* kMonthsEn[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

std::string fill(std::string_view pattern, const Args& args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        for (const auto& [key, value] : args) {
          if (key == name) {
            out += value;
            i = close;
            break;
          }
        }
        if (i == close) continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace

std::string tr(Lang lang, Text key, const Args& args) {
  const Row& row = kRows[static_cast<size_t>(key)];
  return fill(lang == Lang::zh ? row.zh : row.en, args);
}

const char* lang_code(Lang lang) { return lang == Lang::zh ? "zh-CN" : "en"; }

void LanguageGuess::add(std::string_view text) {
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (letter && !in_word) ++latin_words_;
      in_word = letter;
      ++i;
      continue;
    }
    in_word = false;
    // Han: U+3400..U+9FFF, encoded E3 90 80 .. E9 BF BF.
    if (c >= 0xE3 && c <= 0xE9 && i + 2 < text.size()) {
      unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                    (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      if (cp >= 0x3400 && cp <= 0x9FFF) ++han_;
    }
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
}

// A Chinese sentence of n characters carries about as much as n/2 English words.
Lang LanguageGuess::result() const {
  return han_ > latin_words_ * 2 / 3 && han_ > 0 ? Lang::zh : Lang::en;
}

std::string group_thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

LocalParts local_parts(double epoch_seconds) {
  std::time_t t = static_cast<std::time_t>(std::floor(epoch_seconds));
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_wday};
}

std::string month_name(Lang lang, int month) {
  if (month < 1 || month > 12) return "?";
  if (lang == Lang::zh) return std::to_string(month) + "月";
  return kMonthsEn[month - 1];
}

std::string format_day(Lang lang, const LocalParts& p) {
  if (lang == Lang::zh) {
    return std::to_string(p.year) + "年" + std::to_string(p.month) + "月" + std::to_string(p.day) +
           "日";
  }
  return std::to_string(p.day) + " " + month_name(lang, p.month) + " " + std::to_string(p.year);
}

std::string format_month(Lang lang, int year, int month) {
  if (lang == Lang::zh) return std::to_string(year) + "年" + month_name(lang, month);
  return month_name(lang, month) + " " + std::to_string(year);
}

std::string format_clock(const LocalParts& p) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", p.hour % 24, p.minute % 60);
  return buf;
}

std::string iso_utc(double epoch_seconds) {
  std::time_t t = static_cast<std::time_t>(std::floor(epoch_seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string memory_kind_words(Lang lang, const std::string& kind) {
  if (kind == "memory_write") return tr(lang, Text::memory_write);
  if (kind == "memory_snapshot") return tr(lang, Text::memory_snapshot);
  if (kind == "custom_instructions") return tr(lang, Text::custom_instructions);
  if (kind == "account_memory") return tr(lang, Text::memory_account);
  return kind;
}

}  // namespace afterglow::viewer
