// message_feedback.json through the real importer into the archive: each rating kept once, linked
// to its answer whichever file comes first, given back on load, unchanged by a second import.
#include "afterglow/importer/importer.h"
#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

std::string conversations_json() {
  return R"([{"id":"fb-1","title":"反馈","create_time":1767600000,"update_time":1767600100,)"
         R"("current_node":"a1","default_model_slug":"gpt-5","mapping":{)"
         R"("root":{"id":"root","parent":null,"children":["u1"],"message":null},)"
         R"("u1":{"id":"u1","parent":"root","children":["a1"],"message":{"id":"u1","author":)"
         R"({"role":"user"},"create_time":1767600001,"content":{"content_type":"text","parts":)"
         R"(["写一首关于秋天的诗"]},"metadata":{},"recipient":"all"}},)"
         R"("a1":{"id":"a1","parent":"u1","children":[],"message":{"id":"a1","author":)"
         R"({"role":"assistant"},"create_time":1767600005,"content":{"content_type":"text",)"
         R"("parts":["秋风起，落叶黄。"]},"metadata":{},"recipient":"all"}}}}])";
}

std::string feedback_json(const std::string& rating) {
  return R"([{"id":"fb-entry-1","conversation_id":"fb-1","message_id":"a1","user_id":"user-x",)"
         R"("rating":")" +
         rating +
         R"(","create_time":"2026-01-05T08:00:10Z","content":"{\"text\": \"写得真好\", )"
         R"(\"tags\": []}"},{"id":"orphan","conversation_id":"","rating":"thumbsDown"}])";
}

ImportSummary import_folder(Archive& archive, const fs::path& folder) {
  model::Survey survey = importer::survey(folder);
  auto import = archive.begin_import("test");
  importer::import(survey, *import);
  return import->commit();
}

TEST(MessageFeedback, KeptLinkedAndShownOnItsAnswer) {
  ScratchDir dir;
  fs::create_directories(dir / "export");
  // The ratings may be read before the conversations: the link must not depend on the order.
  write_file(dir / "export" / "message_feedback.json", feedback_json("thumbsUp"));
  write_file(dir / "export" / "conversations.json", conversations_json());
  auto archive = Archive::open(dir / "a.afterglow", Archive::Mode::read_write);
  import_folder(*archive, dir / "export");
  EXPECT_EQ(query_int(dir / "a.afterglow", "SELECT count(*) FROM message_feedback"), 1);

  StoredConversation stored = archive->load("fb-1");
  std::string answer_rating, question_rating;
  for (const auto& node : stored.conversation.nodes) {
    if (node.id == "a1") answer_rating = node.message->feedback;
    if (node.id == "u1") question_rating = node.message->feedback;
  }
  EXPECT_EQ(answer_rating, "up");
  EXPECT_EQ(question_rating, "");

  // The same export again changes nothing; a newer one with the rating changed replaces it.
  const std::string before = dump_content(dir / "a.afterglow");
  import_folder(*archive, dir / "export");
  EXPECT_EQ(dump_content(dir / "a.afterglow"), before);
  EXPECT_EQ(query_int(dir / "a.afterglow", "SELECT count(*) FROM message_feedback"), 1);

  write_file(dir / "export" / "message_feedback.json", feedback_json("thumbsDown"));
  import_folder(*archive, dir / "export");
  EXPECT_EQ(query_int(dir / "a.afterglow", "SELECT count(*) FROM message_feedback"), 1);
  stored = archive->load("fb-1");
  for (const auto& node : stored.conversation.nodes) {
    if (node.id == "a1") {
      EXPECT_EQ(node.message->feedback, "down");
    }
  }
}

}  // namespace
}  // namespace afterglow::store
