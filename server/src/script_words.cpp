#include "script_words.h"

#include <nlohmann/json.hpp>

#include "afterglow/viewer/html_escape.h"

namespace afterglow::server {
namespace {

struct ScriptWord {
  const char* key;
  const char* en;
  const char* zh;
};

constexpr ScriptWord kScriptWords[] = {
    // Importing: the phases, then what the bar's line says in each.
    {"phase_upload", "Sending the export to afterglow…", "正在把导出文件交给 afterglow…"},
    {"phase_reading", "Reading the export…", "正在读取导出文件…"},
    {"phase_storing", "Storing the conversations…", "正在保存对话…"},
    {"phase_indexing", "Building the search index…", "正在建立搜索索引…"},
    {"phase_finished", "Done.", "完成。"},
    {"phase_cancelling", "Cancelling…", "正在取消…"},
    {"progress_bytes", "{done} of {total}", "{done} / {total}"},
    {"progress_stored_one", "{conversations} conversation and {messages} messages stored so far",
     "已保存 {conversations} 段对话、{messages} 条消息"},
    {"progress_stored_other", "{conversations} conversations and {messages} messages stored so far",
     "已保存 {conversations} 段对话、{messages} 条消息"},
    {"progress_indexed", "{done} of {total} messages made searchable",
     "已为 {done} / {total} 条消息建立索引"},
    {"eta", "About {time} left", "大约还需要 {time}"},
    {"eta_soon", "Almost done", "马上就好"},
    {"seconds", "{n} seconds", "{n} 秒"},
    {"minute", "1 minute", "1 分钟"},
    {"minutes", "{n} minutes", "{n} 分钟"},
    {"hours", "{h} h {m} min", "{h} 小时 {m} 分钟"},
    // The summary of an import, sentence by sentence.
    {"summary_title", "The export is in your archive.", "导入完成。"},
    {"summary_conversations_one",
     "Imported {new} new conversation and updated {updated}; {unchanged} unchanged.",
     "已导入 {new} 段新对话、更新 {updated} 段，{unchanged} 段没有变化。"},
    {"summary_conversations_other",
     "Imported {new} new conversations and updated {updated}; {unchanged} unchanged.",
     "已导入 {new} 段新对话、更新 {updated} 段，{unchanged} 段没有变化。"},
    {"summary_skipped_one", "{n} conversation could not be read and was skipped.",
     "有 {n} 段对话无法读取，已跳过。"},
    {"summary_skipped_other", "{n} conversations could not be read and were skipped.",
     "有 {n} 段对话无法读取，已跳过。"},
    {"summary_empty_one", "{n} conversation has no messages in the export; it is kept as it is.",
     "有 {n} 段对话在导出文件里没有任何消息，已按原样保留。"},
    {"summary_empty_other",
     "{n} conversations have no messages in the export; they are kept as they are.",
     "有 {n} 段对话在导出文件里没有任何消息，已按原样保留。"},
    {"summary_gone_one", "{n} conversation is no longer in this export; it stays in your archive.",
     "有 {n} 段对话在这份导出里已经没有了，存档里仍然保留着。"},
    {"summary_gone_other",
     "{n} conversations are no longer in this export; they stay in your archive.",
     "有 {n} 段对话在这份导出里已经没有了，存档里仍然保留着。"},
    {"summary_messages", "{total} messages in all, {new} of them new.",
     "共 {total} 条消息，其中新增 {new} 条。"},
    {"summary_attachments", "Attachments: {stored} saved, {unavailable} not in the export.",
     "附件 {stored} 个已保存，{unavailable} 个不在导出文件里。"},
    {"summary_sources", "The export's original files are kept as they were ({new} new).",
     "导出的原始文件已原样保存（新增 {new} 个）。"},
    {"summary_nothing_changed",
     "Nothing changed: everything in this export was already in your archive.",
     "没有任何变化：这份导出里的内容之前都已经导入过了。"},
    // One sentence per import error code, saying what to do.
    {"import_not_found",
     "There is no file or folder at that path. Check the path, or drop the file here instead.",
     "这个位置没有找到文件或文件夹。请检查路径，或者直接把文件拖到这里。"},
    {"import_not_a_zip",
     "This file is not a zip file. Choose the .zip file you downloaded from OpenAI's e-mail, as "
     "it is.",
     "这不是 zip 文件。请选择从 OpenAI 邮件里下载的那个 .zip 文件，原样使用即可。"},
    {"import_damaged_zip",
     "This zip file is incomplete or damaged, most likely by an interrupted download. Download "
     "it again and drop the new file here.",
     "这个 zip 文件不完整或已损坏，多半是下载时中断了。请重新下载，再把新文件拖到这里。"},
    {"import_unreadable_json",
     "The conversations in this export cannot be read (the file holding them is damaged). "
     "Download the export again.",
     "导出文件里的对话数据无法读取（保存对话的文件已损坏）。请重新下载导出文件。"},
    {"import_unknown_layout",
     "This does not look like an export from ChatGPT, Claude, Gemini or Grok. Use the zip file "
     "you were sent, without changing what is inside.",
     "这看起来不是 ChatGPT、Claude、Gemini 或 Grok 的导出文件。请使用对方发给你的 zip "
     "文件，不要改动里面的内容。"},
    {"import_download_links",
     "This file only lists where to download your Claude export. Open it, download every zip "
     "file it lists into one folder, and give that folder's path below.",
     "这个文件只是 Claude 导出数据的下载链接清单。请打开它，把里面列出的每个 zip "
     "文件都下载到同一个文件夹，再在下面填写这个文件夹的位置。"},
    {"import_missing_part",
     "This export came in several parts and at least one is missing. Download every part into "
     "one folder and give that folder's path below.",
     "这份导出分成了好几个部分，其中缺了一部分。请把所有部分下载到同一个文件夹，再在下面填写这个文"
     "件夹的位置。"},
    {"import_too_large",
     "This file is too large to import this way. If it is your ChatGPT export, give its path on "
     "this computer below instead.",
     "这个文件太大，不能用这种方式导入。如果它确实是你的 ChatGPT "
     "导出文件，请在下面填写它在这台电脑上的位置。"},
    {"import_empty", "This file is empty. Download the export again.",
     "这个文件是空的。请重新下载导出文件。"},
    {"import_disk_full",
     "The disk is full. Free some space (about as much as the export's size) and try again; "
     "your archive was not changed.",
     "磁盘空间不足。请腾出一些空间（大约和导出文件一样大）后再试；存档没有任何改动。"},
    {"import_archive_read_only",
     "afterglow cannot write to its archive: the file or its folder is read-only. Check their "
     "permissions, or start afterglow with another --archive.",
     "afterglow 无法写入存档：存档文件或所在的文件夹是只读的。请检查权限，或用 --archive "
     "换一个位置启动。"},
    {"import_archive_damaged",
     "The archive on this computer is damaged, so nothing was imported. Run `afterglow verify` "
     "to see what is wrong.",
     "这台电脑上的存档已损坏，所以没有导入。请运行 `afterglow verify` 查看具体问题。"},
    {"import_archive_newer",
     "Your archive was made by a newer afterglow. Install that version to import into it.",
     "这份存档是用更新版本的 afterglow 创建的。请安装新版本后再导入。"},
    {"import_busy",
     "Another import is already running. Wait until it has finished, then try again.",
     "已经有一个导入正在进行。请等它完成后再试。"},
    {"import_cancelled", "The import was cancelled; your archive was left as it was.",
     "导入已取消，存档保持原样。"},
    {"import_internal",
     "Something went wrong inside afterglow; your archive was left as it was. Try again, and if "
     "it happens again, run `afterglow import` on the file to see why.",
     "afterglow 内部出了问题，存档保持原样。请再试一次；如果还是不行，请在命令行中对这个文件运行 "
     "`afterglow import` 查看原因。"},
    {"import_unreadable",
     "afterglow cannot read this file: it may be open in another program, or not yours to "
     "read. Close that program, or copy the file somewhere else, and try again.",
     "afterglow 读不了这个文件：它可能正被其他程序占用，或者没有读取权限。请关掉那个程序，"
     "或把文件复制到别处，再试一次。"},
    {"import_archive_locked",
     "Your archive is in use by another afterglow (an import in another window, perhaps). Wait "
     "until it has finished, then try again.",
     "存档正被另一个 afterglow 使用（可能是另一个窗口里的导入）。请等它结束后再试。"},
    {"import_no_path", "Write the path of an export first.", "请先填写导出文件的位置。"},
    // Both kinds of job: the page lost its right to write, or afterglow itself.
    {"forbidden", "This page has expired (afterglow was started again). Reload it and try again.",
     "这个页面已经失效（afterglow 可能重新启动过）。请刷新页面后再试。"},
    {"connection_lost",
     "The connection to afterglow was lost. Check that it is still running, then reload this "
     "page.",
     "与 afterglow 的连接断开了。请确认它仍在运行，然后刷新本页。"},
    // Making a book.
    {"book_phase_selecting", "Choosing the conversations…", "正在挑选对话…"},
    {"book_phase_writing", "Writing the pages…", "正在生成书页…"},
    {"book_phase_printing", "Printing the PDF…", "正在生成 PDF…"},
    {"book_phase_packing", "Packing the zip file…", "正在打包 zip 文件…"},
    {"book_phase_finished", "The book is ready.", "书做好了。"},
    {"book_progress", "{done} of {total} conversations", "{done} / {total} 段对话"},
    {"book_summary_one",
     "It holds {conversations} conversation: {messages} messages, {words} words.",
     "书中收录了 {conversations} 段对话，共 {messages} 条消息、{words} 字。"},
    {"book_summary_other",
     "It holds {conversations} conversations: {messages} messages, {words} words.",
     "书中收录了 {conversations} 段对话，共 {messages} 条消息、{words} 字。"},
    {"book_attachments", "Attachments: {included} included, {unavailable} not in the export.",
     "附件 {included} 个已收录，{unavailable} 个不在导出文件里。"},
    {"book_bad_query", "This search could not be understood: {why}", "无法理解这个搜索：{why}"},
    {"book_bad_date", "A date could not be understood. Write it as 2024, 2024-03 or 2024-03-15.",
     "日期无法识别。请写成 2024、2024-03 或 2024-03-15 这样的格式。"},
    {"book_no_conversations",
     "No conversation matches this choice. Choose more widely and try again.",
     "没有符合条件的对话。请放宽范围后再试。"},
    {"book_no_pdf",
     "A PDF needs Chromium, Google Chrome or Microsoft Edge on this computer, and none was "
     "found. Choose another format, or install one of them first.",
     "制作 PDF 需要这台电脑上装有 Chromium、Google Chrome 或 Microsoft Edge，但一个都没有找到。"
     "请换一种格式，或者先安装其中一个浏览器。"},
    {"book_disk_full", "The disk is full. Free some space and try again.",
     "磁盘空间不足。请腾出一些空间后再试。"},
    {"book_busy", "A book is already being made. Wait until it is ready, then try again.",
     "已经有一本书正在制作。请等它做好后再试。"},
    {"book_cancelled", "Making the book was cancelled.", "已取消制作。"},
    {"book_internal",
     "Something went wrong while making the book. Try again, and if it happens again, make it "
     "with `afterglow book` to see why.",
     "制作过程中出了问题。请再试一次；如果还是不行，请在命令行中用 `afterglow book` "
     "制作，查看原因。"},
    // Exporting.
    {"export_phase_selecting", "Choosing the conversations…", "正在挑选对话…"},
    {"export_phase_writing", "Writing the files…", "正在写出文件…"},
    {"export_phase_packing", "Packing the zip file…", "正在打包 zip 文件…"},
    {"export_phase_finished", "The export is ready.", "导出完成了。"},
    {"export_progress", "{done} of {total} conversations", "{done} / {total} 段对话"},
    {"export_summary_one",
     "It holds {conversations} conversation: {messages} messages, {files} files.",
     "共导出 {conversations} 段对话、{messages} 条消息，{files} 个文件。"},
    {"export_summary_other",
     "It holds {conversations} conversations: {messages} messages, {files} files.",
     "共导出 {conversations} 段对话、{messages} 条消息，{files} 个文件。"},
    {"export_attachments", "Attachments: {included} included, {unavailable} not in the export.",
     "附件 {included} 个已导出，{unavailable} 个不在原来的导出文件里。"},
    {"export_bad_query", "This search could not be understood: {why}", "无法理解这个搜索：{why}"},
    {"export_no_conversations",
     "No conversation matches this choice. Choose more widely and try again.",
     "没有符合条件的对话。请放宽范围后再试。"},
    {"export_bad_request",
     "The packet needs room for at least 1,000 characters. Give it a larger size and try again.",
     "资料包至少要能容纳 1,000 个字符。请把篇幅调大后再试。"},
    {"export_disk_full", "The disk is full. Free some space and try again.",
     "磁盘空间不足。请腾出一些空间后再试。"},
    {"export_busy", "An export is already running. Wait until it is ready, then try again.",
     "已经有一份导出正在进行。请等它完成后再试。"},
    {"export_cancelled", "The export was cancelled.", "已取消导出。"},
    {"export_internal",
     "Something went wrong while exporting. Try again, and if it happens again, export with "
     "`afterglow export` to see why.",
     "导出时出了问题。请再试一次；如果还是不行，请在命令行中用 `afterglow export` "
     "导出，查看原因。"},
};

}  // namespace

std::string script_words_element(Lang lang) {
  nlohmann::json words = nlohmann::json::object();
  for (const auto& w : kScriptWords) words[w.key] = lang == Lang::zh ? w.zh : w.en;
  return "<script type=\"application/json\" id=\"app-words\">" +
         viewer::json_for_script(words.dump()) + "</script>\n";
}

}  // namespace afterglow::server
