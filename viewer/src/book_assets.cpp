#include "book_assets.h"

#include <fstream>
#include <regex>

#include "afterglow/model/errors.h"
#include "afterglow/text/case.h"
#include "afterglow/text/media_types.h"
#include "afterglow/viewer/html_assets.h"
#include "afterglow/viewer/html_escape.h"

namespace afterglow::viewer {
namespace {

std::string media_type_of(const BookSource& source, const model::Attachment& a) {
  if (!a.mime.empty()) return text::normalise_mime(a.mime);
  if (source.blob_info) {
    if (auto info = source.blob_info(a.sha256); info && !info->mime.empty()) {
      return text::normalise_mime(info->mime);
    }
  }
  return "";
}

}  // namespace

std::string safe_media_type(const std::string& mime, model::AttachmentKind) {
  return text::shown_inline(mime) ? text::normalise_mime(mime) : "application/octet-stream";
}

std::string file_extension(const std::string& mime, const std::string& name) {
  // Shown inline, a file is named by its type, so the browser plays it as what it is.
  if (text::shown_inline(mime)) return text::extension_for_mime(mime);
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && name.size() - dot <= 6) {
    std::string ext = text::to_lower_ascii(name.substr(dot + 1));
    bool plain = !ext.empty();
    for (char c : ext) plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    if (plain) return ext;
  }
  return "bin";
}

bool is_sha256_hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(path.string() + ": cannot write");
}

AttachmentFiles::AttachmentFiles(const BookSource& source, std::filesystem::path assets_dir)
    : source_(source), dir_(std::move(assets_dir)) {}

std::optional<std::string> AttachmentFiles::url(const model::Attachment& a,
                                                const std::string& prefix) {
  if (!is_sha256_hex(a.sha256) || !source_.read_blob) {
    ++unavailable_;
    return std::nullopt;
  }
  auto it = written_.find(a.sha256);
  if (it == written_.end()) {
    std::optional<std::string> name =
        a.sha256 + "." + file_extension(media_type_of(source_, a), a.name);
    std::filesystem::path path = dir_ / *name;
    std::filesystem::path partial = path;
    partial += ".part";
    try {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(partial.string() + ": cannot write");
      source_.read_blob(a.sha256, [&](std::string_view chunk) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      });
      out.close();
      if (!out) throw Error(partial.string() + ": cannot write");
      std::filesystem::rename(partial, path);
    } catch (const NotFound&) {
      // The archive lost the bytes it claimed to have: show it as unavailable, not fail the book.
      std::filesystem::remove(partial);
      name.reset();
    }
    it = written_.emplace(a.sha256, name).first;
  }
  if (!it->second) {
    ++unavailable_;
    return std::nullopt;
  }
  ++included_;
  return prefix + "assets/" + *it->second;
}

std::optional<std::string> AttachmentDataUris::url(const model::Attachment& a) {
  if (!is_sha256_hex(a.sha256) || !source_.read_blob) {
    ++unavailable_;
    return std::nullopt;
  }
  std::string uri = "data:" + safe_media_type(media_type_of(source_, a), a.kind) + ";base64,";
  std::string carry;  // base64 works in groups of three bytes
  try {
    source_.read_blob(a.sha256, [&](std::string_view chunk) {
      carry.append(chunk);
      size_t whole = carry.size() / 3 * 3;
      append_base64(uri, std::string_view(carry).substr(0, whole));
      carry.erase(0, whole);
    });
  } catch (const NotFound&) {
    ++unavailable_;
    return std::nullopt;
  }
  append_base64(uri, carry);
  ++included_;
  return uri;
}

std::string katex_css(bool inline_fonts) {
  auto css = embedded_asset("katex/katex.min.css");
  if (!css) return "";
  // Each @font-face lists woff2, woff and ttf; keep the first, the only one embedded.
  static const std::regex other_formats(R"(,url\(fonts/[^)]*\.(woff|ttf)\) format\("[a-z]+"\))");
  std::string out = std::regex_replace(std::string(*css), other_formats, "");
  if (!inline_fonts) return out;
  std::string result;
  static const std::regex font_url(R"(url\(fonts/([A-Za-z0-9_-]+\.woff2)\))");
  auto begin = std::sregex_iterator(out.begin(), out.end(), font_url);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& match = *it;
    result.append(out, last, static_cast<size_t>(match.position()) - last);
    if (auto font = embedded_asset("katex/fonts/" + match[1].str())) {
      result += "url(data:font/woff2;base64,";
      append_base64(result, *font);
      result += ")";
    } else {
      result += match.str();
    }
    last = static_cast<size_t>(match.position() + match.length());
  }
  result.append(out, last);
  return result;
}

std::string book_css(Paper paper) {
  std::string css(embedded_asset("book.css").value_or(""));
  css += paper == Paper::a4 ? "\n@page { size: A4; }\n" : "\n@page { size: A5; }\n";
  return css;
}

void write_book_assets(const std::filesystem::path& assets_dir, bool math, Paper paper) {
  std::filesystem::create_directories(assets_dir);
  write_file(assets_dir / "book.css", book_css(paper));
  write_file(assets_dir / "book.js", embedded_asset("book.js").value_or(""));
  if (!math || !math_renderer_available()) return;
  std::filesystem::create_directories(assets_dir / "katex" / "fonts");
  for (const auto& asset : embedded_assets()) {
    if (asset.name.starts_with("katex/") && asset.name != "katex/katex.min.css") {
      write_file(assets_dir / std::string(asset.name), asset.bytes);
    }
  }
  write_file(assets_dir / "katex" / "katex.min.css", katex_css(false));
}

}  // namespace afterglow::viewer
