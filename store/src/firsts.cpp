#include "afterglow/store/firsts.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "afterglow/model/local_time.h"
#include "afterglow/model/retirements.h"
#include "archive_impl.h"

namespace afterglow::store {
namespace {

constexpr size_t kExcerptChars = 100;

const ArchiveImpl& impl(const Archive& archive) { return static_cast<const ArchiveImpl&>(archive); }

// The first line of a text, at most kExcerptChars characters, cut at a character boundary.
std::string excerpt_of(const std::string& text) {
  size_t start = text.find_first_not_of(" \n\r\t");
  if (start == std::string::npos) return "";
  size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? end : end - start);
  size_t chars = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (++chars > kExcerptChars) return line.substr(0, i) + "…";
  }
  if (end != std::string::npos && text.find_first_not_of(" \n\r\t", end) != std::string::npos) {
    line += " …";
  }
  return line;
}

// The columns every query below starts with, to make a CitedConversation of.
constexpr const char* kConversationColumns =
    "c.id, c.source, a.external_id, c.external_id, c.title, c.create_time";

CitedConversation conversation_from(const Statement& q) {
  CitedConversation c;
  c.key = {q.text(1), q.text(2), q.text(3)};
  c.title = q.text(4);
  c.create_time = q.optional_real(5);
  return c;
}

// Cites a message: its node, role, time and first line.
void cite(const Archive& archive, CitedConversation& c, const std::string& node,
          const std::string& role, model::Timestamp time) {
  c.node_id = node;
  c.role = role;
  c.message_time = time;
  c.excerpt = excerpt_of(archive.message_text(c.key, node).value_or(""));
}

// The first message a person sees in the conversation (row `conversation`).
void cite_first_message(const Archive& archive, int64_t conversation, CitedConversation& c) {
  Statement q(impl(archive).database(), R"sql(
SELECT n.node_id, m.role, m.create_time FROM nodes n JOIN messages m ON m.node = n.id
WHERE n.conversation_id = ? AND n.on_thread = 1 AND m.hidden = 0
ORDER BY m.create_time IS NULL, m.create_time, n.ordinal LIMIT 1
)sql");
  q.bind(1, conversation);
  if (q.step()) cite(archive, c, q.text(0), q.text(1), q.optional_real(2));
}

std::optional<CitedConversation> first_conversation(const Archive& archive) {
  Statement q(impl(archive).database(),
              std::string("SELECT ") + kConversationColumns +
                  " FROM conversations c JOIN accounts a ON a.id = c.account_id "
                  "WHERE c.create_time IS NOT NULL ORDER BY c.create_time, c.id LIMIT 1");
  if (!q.step()) return std::nullopt;
  CitedConversation c = conversation_from(q);
  cite_first_message(archive, q.int64(0), c);
  return c;
}

// The last conversations in which the model answered before its day, each with that answer.
std::vector<CitedConversation> last_with(const Archive& archive, const LastWithModel& model,
                                         size_t count) {
  const auto day = model::parse_local_date(model.retired_on);
  if (!day) return {};
  std::string slugs;
  for (size_t i = 0; i < model.slugs.size(); ++i) slugs += i ? ", ?" : "?";
  // A message names its model; a user's turn or an older answer may not, and then its
  // conversation's counts. SQLite gives the bare columns of the row holding max().
  Statement q(impl(archive).database(),
              std::string("SELECT ") + kConversationColumns +
                  ", n.node_id, m.role, max(m.create_time) FROM messages m "
                  "JOIN nodes n ON n.id = m.node "
                  "JOIN conversations c ON c.id = n.conversation_id "
                  "JOIN accounts a ON a.id = c.account_id "
                  "WHERE c.source = ? AND m.role = 'assistant' AND m.hidden = 0 "
                  "AND m.create_time < ? AND (m.model IN (" +
                  slugs + ") OR (m.model = '' AND c.model IN (" + slugs +
                  "))) GROUP BY c.id ORDER BY max(m.create_time) DESC, c.id DESC LIMIT ?");
  int index = 1;
  q.bind(index++, model.source);
  q.bind(index++, day->begin);
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& slug : model.slugs) q.bind(index++, slug);
  }
  q.bind(index, static_cast<int64_t>(count));
  std::vector<CitedConversation> out;
  while (q.step()) {
    CitedConversation c = conversation_from(q);
    cite(archive, c, q.text(6), q.text(7), q.optional_real(8));
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<YearOnThisDay> on_this_day(const Archive& archive, int month, int day) {
  char wanted[8];
  std::snprintf(wanted, sizeof wanted, "%02d-%02d", month, day);
  Statement q(impl(archive).database(),
              std::string("SELECT ") + kConversationColumns +
                  " FROM conversations c JOIN accounts a ON a.id = c.account_id "
                  "WHERE c.create_time IS NOT NULL AND NOT EXISTS (SELECT 1 FROM keepsake_rests r "
                  "WHERE r.conversation = c.id) ORDER BY c.create_time, c.id");
  std::map<int, std::vector<CitedConversation>> years;
  while (q.step()) {
    const double time = q.real(5);
    if (model::format_local(time, "%m-%d") != wanted) continue;
    CitedConversation c = conversation_from(q);
    cite_first_message(archive, q.int64(0), c);
    years[model::local_year(time)].push_back(std::move(c));
  }
  std::vector<YearOnThisDay> out;
  for (auto& [year, conversations] : years) out.push_back({year, std::move(conversations)});
  return out;
}

}  // namespace

Firsts firsts(const Archive& archive, int month, int day, size_t last_count) {
  Firsts out;
  out.month = month;
  out.day = day;
  out.first = first_conversation(archive);
  // One entry per model name, its slugs gathered, in the order the table gives the models.
  std::vector<LastWithModel> models;
  for (const auto& row : model::model_retirements()) {
    auto it = std::find_if(models.begin(), models.end(), [&](const LastWithModel& m) {
      return m.source == row.source && m.name == row.name;
    });
    if (it == models.end()) {
      models.push_back(
          {std::string(row.source), std::string(row.name), std::string(row.retired_on), {}, {}});
      it = models.end() - 1;
    }
    it->slugs.emplace_back(row.slug);
  }
  for (auto& m : models) {
    m.conversations = last_with(archive, m, last_count);
    if (!m.conversations.empty()) out.retired.push_back(std::move(m));
  }
  out.on_this_day = on_this_day(archive, month, day);
  return out;
}

}  // namespace afterglow::store
