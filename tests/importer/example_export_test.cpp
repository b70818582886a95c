// The project's own example export (examples/chatgpt-export.zip), imported end to end.
#include <gtest/gtest.h>

#include <filesystem>

#include "importer_test_support.h"

namespace afterglow::importer {
namespace {

using model::MessageKind;

TEST(ExampleExport, EverythingIsReadAndResolved) {
  std::filesystem::path zip =
      std::filesystem::path(AFTERGLOW_SOURCE_DIR) / "examples" / "chatgpt-export.zip";
  if (!std::filesystem::exists(zip)) GTEST_SKIP() << "example export absent: " << zip;
  model::Survey survey = importer::survey(zip);
  EXPECT_EQ(survey.layout, "classic");
  EXPECT_EQ(survey.members.size(), 15u);
  testing::RecordingSink sink;
  Report report = importer::import(survey, sink);
  EXPECT_EQ(report.conversations, 8);
  EXPECT_EQ(report.broken, 0);
  EXPECT_EQ(report.files, 15);
  size_t nodes = 0;
  std::map<MessageKind, int> kinds;
  for (const auto& c : sink.conversations) {
    nodes += c.nodes.size();
    for (const auto& node : c.nodes) {
      if (!node.message) continue;
      const auto& m = *node.message;
      ++kinds[m.kind];
      EXPECT_EQ(m.text.find("\xEE\x88"), std::string::npos) << c.title << " " << node.id;
      EXPECT_EQ(m.text.find("\xE2\x80\xA0source"), std::string::npos) << c.title;
      EXPECT_FALSE(m.unknown_content) << c.title << " " << m.content_type;
    }
  }
  EXPECT_EQ(nodes, 70u);
  EXPECT_GT(kinds[MessageKind::reasoning], 0);
  EXPECT_GT(kinds[MessageKind::memory], 0);
  EXPECT_GT(kinds[MessageKind::custom_instructions], 1);
  EXPECT_EQ(kinds[MessageKind::image_generation], 1);

  ASSERT_EQ(sink.resolved.size(), 7u);
  int available = 0;
  for (const auto& [id, asset] : sink.resolved) {
    if (!asset) continue;
    ++available;
    EXPECT_FALSE(asset->mime.empty()) << id;
    EXPECT_TRUE(sink.files.count(asset->member)) << asset->member;
  }
  EXPECT_EQ(available, 6);
}

}  // namespace
}  // namespace afterglow::importer
