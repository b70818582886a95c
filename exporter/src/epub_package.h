// The files of an EPUB 3 publication other than the conversations' pages: the container, the
// package document (metadata, manifest, spine), the navigation document and the page frame
// every XHTML document shares.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "afterglow/viewer/html_strings.h"

namespace afterglow::exporter {

inline constexpr const char* kEpubMimetype = "application/epub+zip";

// One item of the manifest, its path relative to the package document (OEBPS/).
struct EpubItem {
  std::string id;
  std::string href;
  std::string media_type;
  std::string properties;  // "nav", "" …
};

struct EpubChapter {
  std::string href;  // "text/c0001.xhtml"
  std::string title;
};

struct EpubPackage {
  std::string identifier;  // "urn:uuid:…"
  std::string title;
  viewer::Lang lang = viewer::Lang::en;
  std::time_t modified = 0;
  std::vector<EpubItem> items;  // in manifest order; the spine is the xhtml ones in this order
  std::vector<EpubChapter> chapters;  // the conversations, in book order
};

std::string container_xml();
std::string package_opf(const EpubPackage& package);
// The navigation document: the contents (one line per conversation) and the landmarks.
std::string nav_xhtml(const EpubPackage& package);

// An XHTML content document around `body` (which must be XHTML already), linking the
// stylesheet at `css_href`.
std::string xhtml_document(viewer::Lang lang, const std::string& title, const std::string& body,
                           const std::string& css_href);

// A stable "urn:uuid:" made from `seed` (the selection), the same every time it is exported.
std::string uuid_urn(const std::string& seed);

}  // namespace afterglow::exporter
