// Reading the archive back: the list, whole conversations, blobs, original files, and the flat
// message stream the search indexers consume.
#include <algorithm>
#include <fstream>
#include <set>
#include <unordered_map>

#include "afterglow/model/errors.h"
#include "afterglow/model/file_names.h"
#include "afterglow/model/utf8_path.h"
#include "archive_impl.h"
#include "blob_store.h"
#include "json_text.h"

namespace afterglow::store {
namespace {

// Long-running queries use their own statement, not a cached one: the callback they feed may
// call back into the archive and must not reset the scan under our feet.
constexpr const char* kScanSql = R"sql(
SELECT m.seq, c.external_id, n.node_id, c.source, a.external_id, c.title, m.role,
       coalesce(nullif(m.model, ''), c.model),
       m.kind, m.create_time, m.text, m.dict_id, m.hidden, n.on_thread, m.content_type,
       c.has_branches, m.is_voice,
       EXISTS (SELECT 1 FROM attachments t WHERE t.message = m.node AND t.kind = 'image'),
       EXISTS (SELECT 1 FROM attachments t WHERE t.message = m.node AND t.kind = 'audio')
FROM messages m
JOIN nodes n ON n.id = m.node
JOIN conversations c ON c.id = n.conversation_id
JOIN accounts a ON a.id = c.account_id
WHERE m.seq > ?
ORDER BY m.seq
)sql";

// The smallest string greater than every string starting with `prefix` (empty: no bound).
std::string prefix_upper_bound(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

bool escapes_directory(const std::filesystem::path& relative) {
  if (relative.empty() || relative.is_absolute() || relative.has_root_name() ||
      relative.has_root_directory()) {
    return true;
  }
  for (const auto& part : relative) {
    if (part == "..") return true;
  }
  return false;
}

// `path` ('/'-separated, as in the export) with every part made safe (model::safe_file_name),
// and a " (2)", " (3)"... before the extension when another file already took that name.
std::string safe_relative_path(const std::string& path, std::set<std::string>& taken) {
  std::string out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) {
      if (!out.empty()) out += '/';
      out += model::safe_file_name(std::string_view(path).substr(start, end - start));
    }
    start = end + 1;
  }
  // Windows compares names without case: "A.txt" and "a.txt" are one file there.
  auto key = [](const std::string& p) {
    std::string k;
    for (char c : p) k += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return k;
  };
  std::string candidate = out;
  size_t slash = out.rfind('/');
  size_t dot = out.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
      dot == (slash == std::string::npos ? 0 : slash + 1)) {
    dot = out.size();
  }
  for (int n = 2; !taken.insert(key(candidate)).second; ++n) {
    candidate = out.substr(0, dot) + " (" + std::to_string(n) + ")" + out.substr(dot);
  }
  return candidate;
}

}  // namespace

std::vector<ConversationSummary> ArchiveImpl::list(const ListFilter& filter) const {
  Statement q(*db_, R"sql(
SELECT c.external_id, c.source, a.external_id, c.title, c.first_user_text, c.create_time,
       c.update_time, c.model, c.thread_messages, c.gone_upstream IS NOT NULL, c.gizmo_id,
       coalesce((SELECT p.name FROM projects p WHERE p.source = c.source
                 AND p.account_id = c.account_id AND p.external_id = c.gizmo_id), '')
FROM conversations c JOIN accounts a ON a.id = c.account_id
WHERE (?1 = '' OR c.model = ?1) AND (?2 IS NULL OR c.create_time >= ?2)
  AND (?3 IS NULL OR c.create_time < ?3)
  AND (?5 = 0 OR NOT EXISTS (SELECT 1 FROM keepsake_rests r WHERE r.conversation = c.id))
ORDER BY c.create_time DESC NULLS LAST, c.id DESC
LIMIT ?4
)sql");
  q.bind(1, filter.model).bind(2, filter.after).bind(3, filter.before).bind(4, filter.limit);
  q.bind(5, filter.leave_out_resting);
  std::vector<ConversationSummary> out;
  while (q.step()) {
    ConversationSummary s;
    s.id = q.text(0);
    s.source = q.text(1);
    s.account = q.text(2);
    s.title = q.text(3);
    s.first_user_text = q.text(4);
    s.create_time = q.optional_real(5);
    s.update_time = q.optional_real(6);
    s.model = q.text(7);
    s.messages = q.int64(8);
    s.gone_upstream = q.int64(9) != 0;
    s.gizmo_id = q.text(10);
    s.project_name = q.text(11);
    out.push_back(std::move(s));
  }
  return out;
}

ConversationKey ArchiveImpl::resolve(std::string_view id_or_prefix,
                                     const std::optional<std::string>& account) const {
  const std::string wanted(id_or_prefix);
  std::string id;
  if (!wanted.empty()) {
    auto& exact = db_->cached("SELECT 1 FROM conversations WHERE external_id = ? LIMIT 1");
    exact.bind(1, wanted);
    if (exact.step()) id = wanted;
    exact.reset();
  }
  if (!wanted.empty() && id.empty()) {
    const std::string upper = prefix_upper_bound(wanted);
    auto& q = db_->cached(
        "SELECT count(DISTINCT external_id), min(external_id) FROM conversations "
        "WHERE external_id >= ?1 AND (?2 = '' OR external_id < ?2) "
        "AND substr(external_id, 1, length(?1)) = ?1");
    q.bind(1, wanted).bind(2, upper);
    q.step();
    int64_t matches = q.int64(0);
    std::string first = q.text(1);
    q.reset();
    if (matches == 1) id = first;
    if (matches > 1) {
      throw NotFound("'" + wanted + "' is ambiguous: " + std::to_string(matches) +
                     " conversations match");
    }
  }
  if (id.empty()) throw NotFound("no conversation matches '" + wanted + "'");

  // The copies of that id, one per account (and service) that holds it.
  auto& q = db_->cached(
      "SELECT c.source, a.external_id FROM conversations c JOIN accounts a ON a.id = c.account_id "
      "WHERE c.external_id = ? ORDER BY c.source, a.external_id");
  q.bind(1, id);
  std::vector<ConversationKey> copies;
  while (q.step()) {
    ConversationKey key{q.text(0), q.text(1), id};
    if (!account || *account == key.account) copies.push_back(std::move(key));
  }
  q.reset();
  if (copies.empty()) {
    throw NotFound("no conversation matches '" + wanted + "' in account '" + account.value_or("") +
                   "'");
  }
  if (copies.size() > 1) {
    std::string names;
    for (const auto& key : copies) {
      if (!names.empty()) names += ", ";
      names += key.account.empty() ? "''" : key.account;
      if (key.source != copies.front().source) names += " (" + key.source + ")";
    }
    throw AmbiguousConversation(
        "'" + wanted + "' is held by " + std::to_string(copies.size()) + " accounts: " + names,
        std::move(copies));
  }
  return copies.front();
}

StoredConversation ArchiveImpl::load(const ConversationKey& key) const {
  StoredConversation out;
  const int64_t row = load_conversation_row(key, out);
  auto attachments = load_attachments(row);
  const std::vector<int64_t> positions = load_nodes(row, attachments, out.conversation);
  load_feedback(row, out.conversation);
  link_children(positions, out.conversation);
  return out;
}

int64_t ArchiveImpl::load_conversation_row(const ConversationKey& key,
                                           StoredConversation& out) const {
  model::Conversation& c = out.conversation;
  Statement q(*db_, R"sql(
SELECT c.id, c.source, c.external_id, c.title, c.create_time, c.update_time, c.current_node,
       c.model, c.is_archived, c.is_starred, c.gizmo_id, c.dict_id, c.meta, a.external_id,
       c.gone_upstream IS NOT NULL,
       coalesce((SELECT p.name FROM projects p WHERE p.source = c.source
                 AND p.account_id = c.account_id AND p.external_id = c.gizmo_id), '')
FROM conversations c JOIN accounts a ON a.id = c.account_id
WHERE c.source = ? AND a.external_id = ? AND c.external_id = ?
)sql");
  q.bind(1, key.source).bind(2, key.account).bind(3, key.id);
  if (!q.step()) throw NotFound("no conversation matches '" + key.id + "'");
  c.source = q.text(1);
  c.id = q.text(2);
  c.title = q.text(3);
  c.create_time = q.optional_real(4);
  c.update_time = q.optional_real(5);
  c.current_node = q.text(6);
  c.model = q.text(7);
  c.is_archived = q.int64(8) != 0;
  c.is_starred = q.int64(9) != 0;
  c.gizmo_id = q.text(10);
  c.meta_json = codec_->decompress(q.blob(12), q.int64(11));
  out.account = q.text(13);
  out.gone_upstream = q.int64(14) != 0;
  out.project_name = q.text(15);
  return q.int64(0);
}

// The attachments of a conversation's messages, by message row, in their order.
std::unordered_map<int64_t, std::vector<model::Attachment>> ArchiveImpl::load_attachments(
    int64_t conversation_row) const {
  std::unordered_map<int64_t, std::vector<model::Attachment>> attachments;
  Statement q(*db_, R"sql(
SELECT a.message, a.kind, a.pointer, a.file_id, a.name, a.mime, a.size, a.width, a.height,
       a.duration, a.member, coalesce(a.sha256, '')
FROM attachments a JOIN nodes n ON n.id = a.message
WHERE n.conversation_id = ? ORDER BY a.message, a.ordinal
)sql");
  q.bind(1, conversation_row);
  while (q.step()) {
    model::Attachment a;
    a.kind = model::attachment_kind_from_string(q.text(1));
    a.pointer = q.text(2);
    a.file_id = q.text(3);
    a.name = q.text(4);
    a.mime = q.text(5);
    a.size = q.int64(6);
    a.width = static_cast<int>(q.int64(7));
    a.height = static_cast<int>(q.int64(8));
    a.duration = q.real(9);
    a.member = q.text(10);
    a.sha256 = q.text(11);
    if (a.sha256.empty()) a.member.clear();
    attachments[q.int64(0)].push_back(std::move(a));
  }
  return attachments;
}

// The nodes in their stored order, messages decompressed, attachments moved into them; returns
// each node's recorded position among its siblings.
std::vector<int64_t> ArchiveImpl::load_nodes(
    int64_t conversation_row,
    std::unordered_map<int64_t, std::vector<model::Attachment>>& attachments,
    model::Conversation& c) const {
  std::vector<int64_t> positions;
  Statement q(*db_, R"sql(
SELECT n.id, n.node_id, n.parent, n.position, m.node IS NOT NULL, m.role, m.author_name,
       m.recipient, m.channel, m.content_type, m.status, m.model, m.create_time, m.update_time,
       m.weight, m.end_turn, m.kind, m.hidden, m.is_voice, m.unknown_content, m.language,
       m.dict_id, m.text, m.raw_json, m.citations
FROM nodes n LEFT JOIN messages m ON m.node = n.id
WHERE n.conversation_id = ? ORDER BY n.ordinal
)sql");
  q.bind(1, conversation_row);
  while (q.step()) {
    model::Node node;
    node.id = q.text(1);
    node.parent = q.text(2);
    positions.push_back(q.int64(3));
    if (q.int64(4) != 0) {
      model::Message m;
      m.role = q.text(5);
      m.author_name = q.text(6);
      m.recipient = q.text(7);
      m.channel = q.text(8);
      m.content_type = q.text(9);
      m.status = q.text(10);
      m.model = q.text(11);
      m.create_time = q.optional_real(12);
      m.update_time = q.optional_real(13);
      m.weight = q.real(14);
      m.end_turn = q.int64(15) != 0;
      m.kind = model::message_kind_from_string(q.text(16));
      m.hidden = q.int64(17) != 0;
      m.is_voice = q.int64(18) != 0;
      m.unknown_content = q.int64(19) != 0;
      m.language = q.text(20);
      const int64_t dict = q.int64(21);
      m.text = codec_->decompress(q.blob(22), dict);
      m.raw_json = codec_->decompress(q.blob(23), dict);
      m.citations = citations_from_json(q.text(24));
      if (auto it = attachments.find(q.int64(0)); it != attachments.end()) {
        m.attachments = std::move(it->second);
      }
      node.message = std::move(m);
    }
    c.nodes.push_back(std::move(node));
  }
  return positions;
}

// The person's ratings of its answers, onto their messages.
void ArchiveImpl::load_feedback(int64_t conversation_row, model::Conversation& c) const {
  Statement q(*db_, R"sql(
SELECT f.message_id, f.rating FROM message_feedback f JOIN conversations c
  ON c.account_id = f.account_id AND c.source = f.source AND c.external_id = f.conversation_id
WHERE c.id = ?
)sql");
  q.bind(1, conversation_row);
  std::unordered_map<std::string, std::string> ratings;
  while (q.step()) ratings[q.text(0)] = q.text(1);
  for (auto& node : c.nodes) {
    if (auto it = ratings.find(node.id); it != ratings.end() && node.message) {
      node.message->feedback = it->second;
    }
  }
}

// Children lists from parent links, ordered by their recorded position among siblings.
void ArchiveImpl::link_children(const std::vector<int64_t>& positions, model::Conversation& c) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < c.nodes.size(); ++i) index.emplace(c.nodes[i].id, i);
  std::vector<std::vector<size_t>> kids(c.nodes.size());
  for (size_t i = 0; i < c.nodes.size(); ++i) {
    auto it = index.find(c.nodes[i].parent);
    if (it != index.end() && it->second != i) kids[it->second].push_back(i);
  }
  for (size_t p = 0; p < kids.size(); ++p) {
    std::stable_sort(kids[p].begin(), kids[p].end(),
                     [&](size_t a, size_t b) { return positions[a] < positions[b]; });
    for (size_t k : kids[p]) c.nodes[p].children.push_back(c.nodes[k].id);
  }
}

std::optional<BlobInfo> ArchiveImpl::blob_info(const std::string& sha256) const {
  auto blob = find_blob(*db_, sha256);
  if (!blob) return std::nullopt;
  return BlobInfo{blob->sha256, blob->size, blob->mime};
}

void ArchiveImpl::read_blob(const std::string& sha256,
                            const std::function<void(std::string_view)>& sink) const {
  auto blob = find_blob(*db_, sha256);
  if (!blob) throw NotFound(path_.string() + ": no stored file with SHA-256 " + sha256);
  BlobReader reader(*db_, *blob);
  std::string piece;
  while (reader.next(piece)) sink(piece);
}

std::vector<OriginalFile> ArchiveImpl::originals() const {
  Statement q(*db_,
              "SELECT import_id, path, size, sha256 FROM sources "
              "WHERE id IN (SELECT max(id) FROM sources GROUP BY path) ORDER BY path");
  std::vector<OriginalFile> out;
  while (q.step()) out.push_back({q.int64(0), q.text(1), q.int64(2), q.text(3)});
  return out;
}

void ArchiveImpl::export_originals(const std::filesystem::path& dir) const {
  const auto files = originals();
  // Check every path first, so a hostile name leaves nothing half-written.
  for (const auto& f : files) {
    if (escapes_directory(utf8_path(f.path))) {
      throw ArchiveError(path_.string() + ": refusing to export '" + f.path +
                         "': the path would escape " + dir.string());
    }
  }
  // Each part of an original's path is made a name every system accepts (the export is read on
  // Windows as well as where it was written); two originals that would then share a name keep
  // apart with a number.
  std::set<std::string> taken;
  for (const auto& f : files) {
    const std::string relative = safe_relative_path(f.path, taken);
    const std::filesystem::path target = dir / utf8_path(relative);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) throw ArchiveError(target.parent_path().string() + ": " + ec.message());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) throw ArchiveError(target.string() + ": cannot create the file");
    read_blob(f.sha256, [&](std::string_view piece) {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    });
    out.close();
    if (!out) throw ArchiveError(target.string() + ": cannot write the file");
  }
}

void ArchiveImpl::scan_messages(int64_t after_seq,
                                const std::function<void(const MessageRecord&)>& fn) const {
  Statement q(*db_, kScanSql);
  q.bind(1, after_seq);
  MessageRecord r;
  while (q.step()) {
    r.seq = q.int64(0);
    r.conversation_id = q.text(1);
    r.node_id = q.text(2);
    r.source = q.text(3);
    r.account = q.text(4);
    r.title = q.text(5);
    r.role = q.text(6);
    r.model = q.text(7);
    r.kind = q.text(8);
    r.create_time = q.optional_real(9);
    r.text = codec_->decompress(q.blob(10), q.int64(11));
    r.hidden = q.int64(12) != 0;
    r.on_thread = q.int64(13) != 0;
    r.has_code = q.text(14) == "code" || r.text.find("```") != std::string::npos;
    r.conversation_has_branches = q.int64(15) != 0;
    r.has_audio = q.int64(16) != 0 || q.int64(18) != 0;
    r.has_image = q.int64(17) != 0;
    fn(r);
  }
}

int64_t ArchiveImpl::max_message_seq() const {
  auto& q = db_->cached("SELECT coalesce(max(seq), 0) FROM messages");
  q.step();
  int64_t seq = q.int64(0);
  q.reset();
  return seq;
}

std::optional<std::string> ArchiveImpl::message_text(const ConversationKey& conversation,
                                                     const std::string& node_id) const {
  auto& q = db_->cached(
      "SELECT m.text, m.dict_id FROM conversations c JOIN accounts a ON a.id = c.account_id "
      "JOIN nodes n ON n.conversation_id = c.id JOIN messages m ON m.node = n.id "
      "WHERE c.source = ? AND a.external_id = ? AND c.external_id = ? AND n.node_id = ?");
  q.bind(1, conversation.source).bind(2, conversation.account).bind(3, conversation.id);
  q.bind(4, node_id);
  std::optional<std::string> text;
  if (q.step()) text = codec_->decompress(q.blob(0), q.int64(1));
  q.reset();
  return text;
}

}  // namespace afterglow::store
