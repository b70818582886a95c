// `afterglow verify`: passes on a healthy archive, and names each kind of damage on its own line
// with exit status 1.
#include <xapian.h>

#include <fstream>

#include "afterglow/indexer/index.h"
#include "security/security_support.h"

namespace afterglow::testing {
namespace {

class VerifyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = cli.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  // Runs verify, expecting exit 1 and a problem line containing `expected`.
  void expect_problem(const std::string& expected) {
    auto r = cli.run({"verify"});
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("problem: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" found.\n"), std::string::npos) << r.out;
  }

  CliRunner cli;
};

TEST_F(VerifyCli, AHealthyArchivePassesWithExitZero) {
  auto r = cli.run({"verify"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("database:       integrity check ok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("search (xapian): "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agree with the archive"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("problem:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("All checks passed.\n"), std::string::npos) << r.out;
  // The counts are the archive's.
  const auto blobs = sql_int(cli.archive(), "SELECT count(*) FROM blobs");
  const auto messages = sql_int(cli.archive(), "SELECT count(*) FROM messages");
  ASSERT_GT(blobs, 3);
  EXPECT_NE(r.out.find("blobs:          " + std::to_string(blobs) + " read back"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("messages:       " + std::to_string(messages) + ","), std::string::npos)
      << r.out;
}

TEST_F(VerifyCli, AFlippedByteInABlobChunkIsFound) {
  // The largest blob stored raw, so the damage cannot hide in a decompression error.
  const std::string sha =
      sql_rows(cli.archive(),
               "SELECT sha256 FROM blobs WHERE compression = 'none' AND size > 100 "
               "ORDER BY size DESC LIMIT 1");
  ASSERT_FALSE(sha.empty());
  const std::string id = sha.substr(0, 64);
  flip_chunk_byte(cli.archive(), id, 50);
  expect_problem("problem: blob " + id);
  expect_problem("SHA-256 mismatch");
}

TEST_F(VerifyCli, ADamagedCompressedBlobIsFound) {
  const std::string sha = sql_rows(cli.archive(),
                                   "SELECT sha256 FROM blobs WHERE compression = 'zstd' "
                                   "ORDER BY size DESC LIMIT 1")
                              .substr(0, 64);
  ASSERT_EQ(sha.size(), 64u);
  sql_change(cli.archive(),
             "UPDATE blob_chunks SET data = zeroblob(length(data)) WHERE blob_id = (SELECT id "
             "FROM blobs WHERE sha256 = '" +
                 sha + "')");
  expect_problem("problem: blob " + sha);
}

TEST_F(VerifyCli, AMissingChunkIsFound) {
  sql_change(cli.archive(),
             "DELETE FROM blob_chunks WHERE blob_id = (SELECT id FROM blobs WHERE size > 0 "
             "ORDER BY size DESC LIMIT 1)");
  expect_problem("problem: blob ");
}

TEST_F(VerifyCli, ADamagedMessageRowIsNamed) {
  const std::string row = sql_rows(cli.archive(),
                                   "SELECT c.external_id || '/' || n.node_id FROM messages m "
                                   "JOIN nodes n ON n.id = m.node JOIN conversations c ON "
                                   "c.id = n.conversation_id ORDER BY m.node LIMIT 1");
  ASSERT_FALSE(row.empty());
  sql_change(cli.archive(),
             "UPDATE messages SET text = x'28b52ffd0000deadbeef' WHERE node = (SELECT min(node) "
             "FROM messages)");
  expect_problem("problem: message " + row.substr(0, row.size() - 1) + ": text: ");
}

TEST_F(VerifyCli, AnOriginalFileWithoutItsBytesIsNamed) {
  sql_change(cli.archive(), "UPDATE sources SET sha256 = '" + std::string(64, '0') +
                                "' WHERE path = 'conversations.json'");
  expect_problem("problem: original file conversations.json (import 1): its bytes are missing");
}

TEST_F(VerifyCli, AMissingFts5DocumentIsListed) {
  const std::string key =
      sql_rows(cli.archive(),
               "SELECT source || '/' || account || '/' || conversation || '/' || node "
               "FROM search_message "
               "ORDER BY id LIMIT 1");
  ASSERT_FALSE(key.empty());
  sql_change(cli.archive(),
             "DELETE FROM search_text WHERE rowid = (SELECT min(id) FROM search_message); "
             "DELETE FROM search_message WHERE id = (SELECT min(id) FROM search_message);");
  expect_problem("problem: search (fts5): no document for message " +
                 key.substr(0, key.size() - 1));
}

TEST_F(VerifyCli, AnExtraFts5DocumentIsListed) {
  sql_change(cli.archive(),
             "INSERT INTO search_message (conversation, node, seq, source, account, title, role, "
             "model, kind, visible, branch, hidden, has_image, has_audio, has_code, has_branch) "
             "VALUES ('no-such-conversation', 'n1', 1, 'chatgpt', '', '', 'user', '', 'normal', "
             "1, 0, 0, 0, 0, 0, 0); "
             "INSERT INTO search_text (rowid, text, title) VALUES (last_insert_rowid(), 'x', '')");
  expect_problem(
      "problem: search (fts5): document for a message the archive does not have: "
      "chatgpt//no-such-conversation/n1");
}

TEST_F(VerifyCli, AMissingXapianDocumentIsListed) {
  // The folder is sharded: take the first message id of the first shard.
  const auto shard = indexer::xapian_path(cli.archive()) / "shown-0";
  std::string key;
  {
    Xapian::WritableDatabase db(shard.string(), Xapian::DB_OPEN);
    auto it = db.allterms_begin("Q");
    ASSERT_NE(it, db.allterms_end("Q"));
    key = (*it).substr(1);
    db.delete_document(*it);
    db.commit();
  }
  expect_problem("problem: search (xapian): no document for message " + key);
}

TEST_F(VerifyCli, AnIndexNotBuiltYetIsNotAFault) {
  std::filesystem::remove_all(indexer::xapian_path(cli.archive()));
  auto r = cli.run({"verify"});
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("search (xapian): not built yet"), std::string::npos) << r.out;
}

TEST_F(VerifyCli, AnIndexLeftUnfinishedIsNotBuiltYetAndTheNextSearchBuildsIt) {
  // What an import killed while it created the index leaves: shards, one of them half made,
  // and no stub (the stub is written last).
  const auto folder = indexer::xapian_path(cli.archive());
  std::filesystem::remove(folder / "XAPIANDB");
  std::filesystem::remove(folder / "shown-1" / "iamglass");
  auto r = cli.run({"verify"});
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("search (xapian): not built yet"), std::string::npos) << r.out;
  auto s = cli.run({"search", "--json", "Kyoto"});
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_NE(s.out.find("\"total\": "), std::string::npos) << s.out;
  EXPECT_EQ(s.out.find("\"total\": 0"), std::string::npos) << s.out;
  r = cli.run({"verify"});
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("search (xapian): "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agree with the archive"), std::string::npos) << r.out;
}

TEST(VerifyCliInput, AFileThatIsNoArchiveFailsWithExitOne) {
  CliRunner cli;
  {
    std::ofstream out(cli.archive(), std::ios::binary);
    out << std::string(8192, 'x');
  }
  auto r = cli.run({"verify"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("problem: " + cli.archive().string() + ": not an afterglow archive"),
            std::string::npos)
      << r.out;
}

TEST(VerifyCliInput, NoArchiveAtAllIsAUsageErrorWithExitTwo) {
  CliRunner cli;
  auto r = cli.run({"verify"});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("no archive here yet"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace afterglow::testing
