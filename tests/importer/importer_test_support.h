// Helpers for the importer tests: a sink that records everything it is given, zips written at
// run time with libarchive, and a temporary folder that cleans up after itself.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "afterglow/importer/importer.h"
#include "afterglow/model/import_sink.h"

namespace afterglow::importer::testing {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("afterglow-importer-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

using Entries = std::vector<std::pair<std::string, std::string>>;  // member path, bytes

// Writes a real zip with libarchive.
inline void write_zip(const fs::path& path, const Entries& entries) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  ASSERT_EQ(archive_write_open_filename(a, path.string().c_str()), ARCHIVE_OK)
      << archive_error_string(a);
  for (const auto& [name, bytes] : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    ASSERT_EQ(archive_write_header(a, entry), ARCHIVE_OK) << archive_error_string(a);
    ASSERT_EQ(archive_write_data(a, bytes.data(), bytes.size()),
              static_cast<la_ssize_t>(bytes.size()));
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
}

inline std::string zip_bytes(const Entries& entries) {
  TempDir dir;
  write_zip(dir / "inner.zip", entries);
  return read_file(dir / "inner.zip");
}

struct RecordingSink : model::ImportSink {
  struct Writer : model::FileWriter {
    Writer(RecordingSink& sink, std::string path) : sink(sink), path(std::move(path)) {}
    void write(std::string_view chunk) override { bytes.append(chunk); }
    void finish() override {
      ++sink.finished;
      sink.files[path] = std::move(bytes);
    }
    RecordingSink& sink;
    std::string path;
    std::string bytes;
  };

  void begin(const model::Survey& survey) override {
    began = true;
    layout = survey.layout;
  }
  std::unique_ptr<model::FileWriter> original_file(const model::MemberInfo& member) override {
    file_order.push_back(member.path);
    return std::make_unique<Writer>(*this, member.path);
  }
  void conversation(model::Conversation&& conversation) override {
    conversations.push_back(std::move(conversation));
  }
  void broken_conversation(model::BrokenConversation&& broken_one) override {
    broken.push_back(std::move(broken_one));
  }
  void resolve_attachments(const model::AssetResolver& resolver) override {
    ++resolve_calls;
    for (const auto& conversation : conversations) {
      for (const auto& node : conversation.nodes) {
        if (!node.message) continue;
        for (const auto& attachment : node.message->attachments) {
          resolved[attachment.file_id] = resolver(attachment, conversation.id);
        }
      }
    }
  }

  const model::Conversation* find(const std::string& id) const {
    for (const auto& c : conversations) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }

  bool began = false;
  std::string layout;
  int finished = 0;
  int resolve_calls = 0;
  std::vector<std::string> file_order;
  std::map<std::string, std::string> files;
  std::vector<model::Conversation> conversations;
  std::vector<model::BrokenConversation> broken;
  std::map<std::string, std::optional<model::ResolvedAsset>> resolved;
};

inline const model::Node* find_node(const model::Conversation& conversation,
                                    const std::string& id) {
  for (const auto& node : conversation.nodes) {
    if (node.id == id) return &node;
  }
  return nullptr;
}

inline Report import_into(const fs::path& input, RecordingSink& sink) {
  model::Survey survey = importer::survey(input);
  return importer::import(survey, sink);
}

inline fs::path shared_fixture(const std::string& name) {
  return fs::path(AFTERGLOW_SHARED_FIXTURES) / "chatgpt" / name;
}

// A minimal conversation element with one user message per text, for layout tests.
inline std::string conversation_json(const std::string& id, const std::string& title,
                                     const std::string& extra_parts = "") {
  return R"({"id":")" + id + R"(","title":")" + title +
         R"(","create_time":1700000000.5,"update_time":1700000100.25,"current_node":"m1",)"
         R"("mapping":{"root":{"id":"root","message":null,"parent":null,"children":["m1"]},)"
         R"("m1":{"id":"m1","parent":"root","children":[],"message":{"id":"m1",)"
         R"("author":{"role":"user","name":null},"create_time":1700000001,)"
         R"("content":{"content_type":"multimodal_text","parts":["hello from )" +
         title + "\"" + extra_parts +
         R"(]},"status":"finished_successfully","weight":1.0,)"
         R"("metadata":{},"recipient":"all","channel":null}}}})";
}

}  // namespace afterglow::importer::testing
