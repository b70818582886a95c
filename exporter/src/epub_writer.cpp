// The EPUB export: the book for e-readers, one EPUB 3 file. Each conversation is rendered by the
// book's renderer, made XHTML and written to a side folder as it comes; its images are copied
// there once each. The cover, contents and package document need the totals, so the zip is made
// at the end, libzip reading the side folder's files one at a time as it writes them.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/text/media_types.h"
#include "afterglow/viewer/book_cover.h"
#include "afterglow/viewer/book_stats.h"
#include "afterglow/viewer/html_assets.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/xhtml.h"
#include "epub_package.h"
#include "writers.h"
#include "zip_writer.h"

namespace afterglow::exporter {
namespace {

namespace fs = std::filesystem;

// The image types every EPUB reader must show (EPUB 3 core media types, SVG left out since it
// can carry script); other images are named as not in the export, as files and voice are.
std::string epub_image_extension(const std::string& mime) {
  if (mime == "image/png") return "png";
  if (mime == "image/jpeg") return "jpg";
  if (mime == "image/gif") return "gif";
  return "";
}

std::string chapter_name(size_t n) {
  std::string digits = std::to_string(n);
  return "c" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits + ".xhtml";
}

// Zip times are DOS times, from 1980 to 2107.
constexpr std::time_t kZipEpoch = 315532800;
constexpr double kLastZipTime = 4354819200.0;

class EpubWriter : public ExportWriter {
 public:
  EpubWriter(const store::Archive& archive, const ExportOptions& options, const fs::path& file)
      : archive_(archive), options_(options), file_(file) {
    parts_ = file;
    parts_ += ".parts";
    std::error_code error;
    fs::create_directories(parts_ / "text", error);
    fs::create_directories(parts_ / "images", error);
    if (error) {
      throw Error(utf8_string(parts_) + ": cannot write here (" + error.message() + ")",
                  ErrorCode::disk_full);
    }
  }

  ~EpubWriter() override {
    std::error_code ignored;
    fs::remove_all(parts_, ignored);
  }

  void add(const store::StoredConversation& stored) override {
    const model::Conversation& c = stored.conversation;
    const viewer::Lang lang = language_of(options_, c);
    guess_.add(c.title);
    seed_ += c.source + "/" + stored.account + "/" + c.id + "\n";
    for (auto t : {c.create_time, c.update_time}) {
      // An export's time can be anything (1e300): only a date a zip can hold is converted.
      if (t && *t >= kZipEpoch && *t < kLastZipTime) {
        newest_ = std::max(newest_, static_cast<std::time_t>(*t));
      }
    }

    viewer::BookEntry entry;
    entry.title = viewer::conversation_title(c, lang);
    entry.create_time = c.create_time;
    viewer::ConversationHtmlOptions view;
    view.lang = lang;
    view.gone_upstream = stored.gone_upstream;
    view.project_name = stored.project_name;
    view.attachment_url = [this](const model::Attachment& a) { return image_url(a); };
    view.on_message = [&](const model::Message& m, bool on_thread) {
      for (const auto& a : m.attachments) {
        if (!a.available()) ++counts_.attachments_unavailable;
      }
      if (m.role == "user" && !m.hidden) guess_.add(m.text);
      if (!on_thread) return;
      stats_.add_message(m, c.model);
      ++entry.messages;
      entry.words += viewer::count_words(m.text);
    };
    const viewer::ConversationHtml html = viewer::render_conversation_html(c, view);

    const std::string name = chapter_name(chapters_.size() + 1);
    write_text_file(
        parts_ / "text" / name,
        xhtml_document(lang, entry.title, viewer::html_to_xhtml(html.html), "../style.css"));
    chapters_.push_back({"text/" + name, entry.title});
    ++counts_.conversations;
    counts_.messages += html.messages_on_thread;
    stats_.add_entry(std::move(entry));
  }

  void finish() override {
    const viewer::Lang lang = options_.lang.value_or(guess_.result());
    viewer::BookOptions book;
    book.lang = lang;
    book.title =
        chapters_.size() == 1 ? chapters_.front().title : tr(lang, viewer::Text::default_title);

    EpubPackage package;
    package.identifier = uuid_urn(seed_);
    package.title = book.title;
    package.lang = lang;
    // The newest conversation's time, not the clock's: the same selection gives the same bytes.
    package.modified = newest_ >= kZipEpoch ? newest_ : std::time(nullptr);
    package.chapters = chapters_;
    package.items.push_back({"cover", "cover.xhtml", "application/xhtml+xml", ""});
    package.items.push_back({"nav", "nav.xhtml", "application/xhtml+xml", "nav"});
    for (size_t i = 0; i < chapters_.size(); ++i) {
      package.items.push_back(
          {"c" + std::to_string(i + 1), chapters_[i].href, "application/xhtml+xml", ""});
    }
    package.items.push_back({"style", "style.css", "text/css", ""});
    for (const auto& image : images_) {
      package.items.push_back({"img-" + image.sha256, "images/" + image.name, image.mime, ""});
    }

    ZipWriter zip(file_, package.modified);
    // The first entry, stored and bare, is how a reader knows the file for an EPUB.
    zip.add_bytes("mimetype", kEpubMimetype, ZipWriter::Method::store);
    zip.add_bytes("META-INF/container.xml", container_xml(), ZipWriter::Method::deflate);
    zip.add_bytes("OEBPS/content.opf", package_opf(package), ZipWriter::Method::deflate);
    zip.add_bytes("OEBPS/nav.xhtml", nav_xhtml(package), ZipWriter::Method::deflate);
    zip.add_bytes(
        "OEBPS/cover.xhtml",
        xhtml_document(lang, book.title,
                       viewer::html_to_xhtml(viewer::cover_html(book, lang, stats_)), "style.css"),
        ZipWriter::Method::deflate);
    zip.add_bytes("OEBPS/style.css", viewer::embedded_asset("epub.css").value_or(""),
                  ZipWriter::Method::deflate);
    for (const auto& chapter : chapters_) {
      zip.add_file("OEBPS/" + chapter.href, parts_ / utf8_path(chapter.href),
                   ZipWriter::Method::deflate);
    }
    // Images are compressed already.
    for (const auto& image : images_) {
      zip.add_file("OEBPS/images/" + image.name, parts_ / "images" / image.name,
                   ZipWriter::Method::store);
    }
    zip.close();
    counts_.files = 1;
  }

 private:
  struct Image {
    std::string sha256;
    std::string name;
    std::string mime;
  };

  // "../images/<sha256>.png" for an image the archive has in a type readers show, copied into
  // the side folder on first use; nullopt shows the attachment as not in the export.
  std::optional<std::string> image_url(const model::Attachment& a) {
    std::optional<std::string> name = copy_image(a);
    if (!name) {
      ++counts_.attachments_unavailable;
      return std::nullopt;
    }
    ++counts_.attachments_copied;
    return "../images/" + *name;
  }

  std::optional<std::string> copy_image(const model::Attachment& a) {
    if (a.kind != model::AttachmentKind::image || !a.available()) return std::nullopt;
    if (auto it = copied_.find(a.sha256); it != copied_.end()) return it->second;
    std::optional<std::string> name;
    const auto info = archive_.blob_info(a.sha256);
    const std::string mime = info ? text::normalise_mime(info->mime) : "";
    if (const std::string extension = epub_image_extension(mime); !extension.empty()) {
      name = a.sha256 + "." + extension;
      const fs::path path = parts_ / "images" / *name;
      try {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        archive_.read_blob(a.sha256, [&](std::string_view chunk) {
          out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        });
        out.close();
        if (!out) {
          throw Error(utf8_string(path) + ": cannot write this file", ErrorCode::disk_full);
        }
        images_.push_back({a.sha256, *name, mime});
      } catch (const NotFound&) {
        // The archive lost the bytes it claimed: shown as not in the export, the book goes on.
        std::error_code ignored;
        fs::remove(path, ignored);
        name.reset();
      }
    }
    copied_.emplace(a.sha256, name);
    return name;
  }

  const store::Archive& archive_;
  ExportOptions options_;
  fs::path file_;
  fs::path parts_;  // beside the file: the pages and images until the zip is written
  viewer::LanguageGuess guess_;
  viewer::BookStats stats_;
  std::vector<EpubChapter> chapters_;
  std::vector<Image> images_;
  std::map<std::string, std::optional<std::string>> copied_;  // sha256 -> name in images/
  std::string seed_;
  std::time_t newest_ = 0;
};

}  // namespace

std::unique_ptr<ExportWriter> make_epub_writer(const store::Archive& archive,
                                               const ExportOptions& options,
                                               const std::filesystem::path& file) {
  return std::make_unique<EpubWriter>(archive, options, file);
}

}  // namespace afterglow::exporter
