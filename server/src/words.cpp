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
    {Word::bad_request, "Cannot read this address", "无法读取这个地址"},
    {Word::bad_request_text, "The reader could not understand this request.",
     "阅读器看不懂这个请求。"},
    {Word::not_utf8_text,
     "This address holds bytes that are not text (not valid UTF-8), so it cannot be read. Check "
     "the link, or search again from the box above.",
     "这个地址里有不是文字的字节（不是有效的 "
     "UTF-8），所以无法读取。请检查链接，或者在上面的搜索框里"
     "重新搜索。"},
    {Word::show_hidden, "Show hidden messages and reasoning", "显示隐藏消息与思考过程"},
    {Word::hide_hidden, "Hide hidden messages", "不显示隐藏消息"},
    {Word::choose_account, "Which account?", "哪个账号的？"},
    {Word::choose_account_text,
     "More than one account holds a conversation with this id. Choose the copy to read.",
     "有不止一个账号存有这个编号的对话，请选择要看的那一份。"},
    {Word::open_conversation, "Open", "打开"},
    {Word::read_only_note, "Read-only · nothing leaves this computer",
     "只读 · 所有内容都留在这台电脑上"},
    {Word::nav_import, "Import", "导入"},
    {Word::nav_book, "Make a book", "做成书"},
    {Word::app_note, "Nothing leaves this computer", "所有内容都只留在这台电脑上"},
    {Word::welcome_title, "Welcome", "欢迎"},
    {Word::welcome_heading, "Keep your conversations with ChatGPT",
     "把和 ChatGPT 的对话好好收藏起来"},
    {Word::welcome_lead,
     "afterglow turns the export ChatGPT gives you into an archive on this computer. Read every "
     "conversation again, search them in Chinese or English, and make a book of them to keep or "
     "to print. Nothing is uploaded anywhere: it all stays here.",
     "afterglow 会把 ChatGPT 导出的数据整理成一份存档，保存在这台电脑上。你可以重读每一段对话，"
     "用中文或英文搜索，还可以把它们做成一本书，留作纪念或打印出来。这些内容不会上传到任何地方，"
     "始终只留在你自己的电脑里。"},
    {Word::welcome_step_export, "1. Ask ChatGPT for your data", "第一步：向 ChatGPT 申请导出数据"},
    {Word::welcome_export_settings,
     "In ChatGPT, open Settings → Data controls → Export data, and confirm the export.",
     "在 ChatGPT 中打开“设置 → 数据管控 → 导出数据”，然后点击“确认导出”。"},
    {Word::welcome_export_email,
     "OpenAI sends you an e-mail with a download link. The link expires after 24 hours, so "
     "download the zip file soon.",
     "OpenAI 会给你发一封带下载链接的邮件。链接 24 小时后就会失效，收到后请尽快下载那个 zip "
     "文件。"},
    {Word::welcome_export_portal, "A download from OpenAI's Privacy Portal works too.",
     "从 OpenAI 隐私门户（Privacy Portal）下载的文件也同样可以用。"},
    {Word::welcome_other_companions,
     "Conversations with Claude, Gemini or Grok go into the same archive:",
     "和 Claude、Gemini、Grok 的对话也能放进同一份存档："},
    {Word::welcome_other_claude,
     "Claude: open Settings → Privacy → Export data; the download link comes by e-mail.",
     "Claude：打开“设置 → 隐私 → 导出数据”，下载链接会发到你的邮箱。"},
    {Word::welcome_other_gemini,
     "Gemini: on takeout.google.com, select only My Activity (with the Gemini Apps activity) "
     "and create the export.",
     "Gemini：在 takeout.google.com 上只勾选“我的活动”（包含 Gemini "
     "应用活动记录），然后创建导出。"},
    {Word::welcome_other_grok, "Grok: on accounts.x.ai, open Data and download your account data.",
     "Grok：在 accounts.x.ai 打开“数据”页面，下载账号数据。"},
    {Word::welcome_step_bring, "2. Bring it here", "第二步：把文件交给 afterglow"},
    {Word::welcome_bring_text,
     "Use the zip file as it is: there is no need to unzip it. A large export takes a few "
     "minutes.",
     "zip 文件原样使用即可，不用解压。数据多的话，需要等几分钟。"},
    {Word::read_only_import,
     "This reader is read-only and cannot import. Start afterglow with `afterglow app` instead, "
     "or import on the command line and reload this page:",
     "这个阅读器是只读的，不能在这里导入。请改用 `afterglow app` "
     "启动，或者在命令行中导入后再刷新本页："},
    {Word::import_title, "Import an export", "导入数据"},
    {Word::import_lead,
     "Importing a newer export adds what is new or changed and keeps everything already here: "
     "nothing is ever deleted.",
     "导入更新的导出文件时，只会补充新增或改动过的内容，已有的对话全部保留，不会删除任何东西。"},
    {Word::drop_here, "Drop the export's zip file here", "把导出的 zip 文件拖到这里"},
    {Word::choose_file, "Choose the file…", "选择文件…"},
    {Word::path_label,
     "Or give the path of an export on this computer (a zip file, an unzipped folder or "
     "conversations.json):",
     "也可以填写导出文件在这台电脑上的位置（zip 文件、解压后的文件夹或 conversations.json）："},
    {Word::path_placeholder, "e.g. C:\\Users\\me\\Downloads\\chatgpt-export.zip",
     "例如 C:\\Users\\我\\Downloads\\chatgpt-export.zip"},
    {Word::path_button, "Import", "导入"},
    {Word::cancel, "Cancel", "取消"},
    {Word::see_conversations, "Read your conversations", "查看对话"},
    {Word::import_another, "Import another export", "再导入一份"},
    {Word::warnings_details, "Notes from the import", "导入时的提示"},
    {Word::book_title, "Make a book", "做成一本书"},
    {Word::book_lead,
     "A book of your conversations that opens in any browser, on any computer, without "
     "afterglow: to keep, to share or to print.",
     "把对话做成一本书：不需要 afterglow，在任何电脑的浏览器里都能打开，可以留作纪念、送给别人，"
     "也可以打印出来。"},
    {Word::book_cover, "The cover", "封面"},
    {Word::book_field_title, "Title", "书名"},
    {Word::book_field_subtitle, "Subtitle", "副标题"},
    {Word::book_field_dedication, "Dedication", "献词"},
    {Word::book_field_author, "Author", "作者"},
    {Word::book_which, "Which conversations", "收录哪些对话"},
    {Word::pick_all, "All of them", "全部对话"},
    {Word::pick_gpt4o, "Only those with GPT-4o", "只收录与 GPT-4o 的对话"},
    {Word::pick_dates, "Those from a span of time", "某段时间里的对话"},
    {Word::pick_from, "From", "从"},
    {Word::pick_to, "to", "到"},
    {Word::pick_search, "Those a search finds", "搜索到的对话"},
    {Word::pick_search_hint, "Written as in the search box, e.g. 压力 or model:gpt-4o after:2024",
     "写法和搜索框相同，例如 压力 或 model:gpt-4o after:2024"},
    {Word::book_more, "Also in the book", "书里还可以有"},
    {Word::book_include_memories,
     "A chapter of what it remembered about you (its memory records). It can hurt to read, so "
     "it is left out unless you choose it.",
     "一章“它记得的事”（它关于你的记忆记录）。读起来可能会难过，所以只有勾选时才会加入。"},
    {Word::book_look, "Look", "版式"},
    {Word::book_theme, "Colours", "配色"},
    {Word::theme_auto, "Follow the reader's device", "跟随系统设置"},
    {Word::theme_light, "Light", "浅色"},
    {Word::theme_dark, "Dark", "深色"},
    {Word::book_paper, "Paper, when printed", "打印纸张"},
    {Word::paper_a5, "A5 (the size of a book)", "A5（一般书本大小）"},
    {Word::paper_a4, "A4", "A4"},
    {Word::book_language, "Language of the book's headings", "书中标题和说明的语言"},
    {Word::book_language_auto, "The conversations' own", "与对话内容一致"},
    {Word::book_format, "Format", "格式"},
    {Word::format_single, "One HTML file: easy to keep, copy or send",
     "单个 HTML 文件：方便保存、复制和发送"},
    {Word::format_folder, "A folder of pages, as a zip file: for very large books",
     "网页文件夹（打包成 zip）：适合篇幅很大的书"},
    {Word::format_pdf, "PDF: to print, or to read on a tablet", "PDF：用来打印，或在平板上阅读"},
    {Word::no_pdf_note,
     "A PDF needs Chromium, Google Chrome or Microsoft Edge on this computer, and none was found.",
     "制作 PDF 需要这台电脑上装有 Chromium、Google Chrome 或 Microsoft Edge，目前一个都没有找到。"},
    {Word::make_book, "Make the book", "开始制作"},
    {Word::download_book, "Download the book", "下载这本书"},
    {Word::make_another, "Make another", "再做一本"},
    {Word::read_only_book,
     "This reader is read-only, so it cannot make a book here. Start afterglow with "
     "`afterglow app` instead, or make the book on the command line:",
     "这个阅读器是只读的，不能在这里制作。请改用 `afterglow app` 启动，或者在命令行中制作："},
    {Word::nav_remembered, "What it remembered", "它记得的事"},
    {Word::remembered_lead,
     "Every memory it wrote down about you, every snapshot of its memory and every change of "
     "your custom instructions, oldest first. Each one opens the message where it happened.",
     "它记下的每一件关于你的事、每一份记忆快照、每一次自定义指令的修改，按时间先后排列。点开任何一"
     "条，"
     "就能回到它发生的那条消息。"},
    {Word::open_message, "Open the message", "打开这条消息"},
    {Word::nav_export, "Export", "导出"},
    {Word::export_title, "Export", "导出对话"},
    {Word::export_lead,
     "What afterglow keeps, in open formats that other programs read: notes for Obsidian or any "
     "Markdown editor, web pages, data for other chat apps, or a packet to carry to another "
     "model.",
     "把 afterglow 保存的对话导出成其他程序也能读的开放格式：给 Obsidian 或任何 Markdown "
     "编辑器用的笔记、网页、能导入其他聊天应用的数据，或者一份可以带给另一个模型的资料包。"},
    {Word::export_markdown, "Markdown notes, one per conversation, with their pictures",
     "Markdown 笔记：每段对话一篇，图片一并导出"},
    {Word::export_obsidian, "An Obsidian vault: notes with properties, links and index notes",
     "Obsidian 库：笔记带属性和链接，另有按年份、按模型整理的索引"},
    {Word::export_html, "Web pages, one per conversation, that open without afterglow",
     "网页：每段对话一页，不装 afterglow 也能打开"},
    {Word::export_packet,
     "A continuity packet for another model: your instructions, what it remembered, some of "
     "your exchanges",
     "延续资料包：交给另一个模型，里面有你写的指令、它记得的事和你们的几段对话"},
    {Word::export_budget, "Size of the packet, in characters", "资料包篇幅（字符数）"},
    {Word::export_chatgpt, "ChatGPT's export format, for other chat apps (LibreChat, Open WebUI)",
     "ChatGPT 的导出格式，可以导入其他聊天应用（LibreChat、Open WebUI 等）"},
    {Word::export_jsonl, "JSONL, one line per message, for programs",
     "JSONL：每条消息一行，供程序处理"},
    {Word::export_which, "Which conversations", "导出哪些对话"},
    {Word::export_pick_gpt4o, "Only those with GPT-4o", "只导出与 GPT-4o 的对话"},
    {Word::export_language, "Language of headings and labels", "标题和说明的语言"},
    {Word::export_make, "Export", "开始导出"},
    {Word::download_export, "Download", "下载"},
    {Word::export_another, "Export something else", "再导出一份"},
    {Word::read_only_export,
     "This reader is read-only, so it cannot export here. Start afterglow with `afterglow app` "
     "instead, or export on the command line:",
     "这个阅读器是只读的，不能在这里导出。请改用 `afterglow app` 启动，或者在命令行中导出："},
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
