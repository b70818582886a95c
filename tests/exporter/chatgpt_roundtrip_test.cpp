// `afterglow export --format chatgpt` imported again into an empty archive gives back the same
// conversations, nodes, texts and attachments, for every fixture an archive can be made from:
// tests/fixtures and the real exports in ../shared/fixtures/chatgpt (skipped when absent).
#include <gtest/gtest.h>

#include <map>

#include "afterglow/store/archive.h"
#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

// Everything the round trip must keep, as one comparable text per conversation.
std::map<std::string, std::string> contents(const fs::path& archive_path) {
  auto archive = store::Archive::open(archive_path, store::Archive::Mode::read_only);
  std::map<std::string, std::string> all;
  for (const auto& summary : archive->list({})) {
    const auto stored = archive->load(summary.id);
    const auto& c = stored.conversation;
    std::string text = "title=" + c.title + "\ncurrent=" + c.current_node + "\n";
    for (const auto& node : c.nodes) {
      text += "node " + node.id + " parent=" + node.parent;
      if (node.message) {
        const auto& m = *node.message;
        text += " role=" + m.role + " kind=" + model::to_string(m.kind) +
                " hidden=" + std::to_string(m.hidden) + " model=" + m.model + "\n" + m.text;
        for (const auto& a : m.attachments) {
          text += "\n  attachment " + std::string(model::to_string(a.kind)) + " " + a.file_id +
                  " sha256=" + a.sha256;
        }
      }
      text += "\n";
    }
    all[c.id] = text;
  }
  return all;
}

void expect_round_trip(const std::string& input) {
  SCOPED_TRACE(input);
  CliRunner first;
  auto r = first.run({"import", input});
  if (r.status != 0) return;  // a damaged fixture: nothing to give back
  const auto out = first.dir() / "chatgpt";
  r = first.run({"export", "--format", "chatgpt", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::is_regular_file(out / "conversations.json"));
  CliRunner second;
  r = second.run({"import", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto before = contents(first.archive());
  const auto after = contents(second.archive());
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(after.size(), before.size());
  for (const auto& [id, text] : before) {
    auto found = after.find(id);
    ASSERT_NE(found, after.end()) << id << " was not given back";
    EXPECT_EQ(found->second, text) << id;
  }
}

TEST(ChatgptRoundTrip, TheExampleExport) { expect_round_trip(example_export()); }

TEST(ChatgptRoundTrip, EveryProjectFixture) {
  size_t tried = 0;
  for (const auto& entry : fs::directory_iterator(AFTERGLOW_FIXTURES)) {
    const auto extension = entry.path().extension();
    if (extension != ".zip" && extension != ".json") continue;
    // ChatGPT's format has no shape for Claude's artifacts (documents written by a tool): they
    // come back as the tool calls they were. The other Claude fixtures hold none and are tried.
    if (entry.path().filename() == "claude.zip") continue;
    expect_round_trip(entry.path().string());
    ++tried;
  }
  EXPECT_GT(tried, 5u);
}

TEST(ChatgptRoundTrip, EverySharedChatgptFixture) {
  const auto folder = shared_fixture("chatgpt");
  if (!fs::is_directory(folder)) GTEST_SKIP() << folder << " absent (a fresh clone has none)";
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") expect_round_trip(entry.path().string());
  }
}

}  // namespace
}  // namespace afterglow::testing
