#include "epub_package.h"

#include "afterglow/viewer/html_escape.h"

namespace afterglow::exporter {

using viewer::html_escape;

std::string container_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         "  <rootfiles>\n"
         "    <rootfile full-path=\"OEBPS/content.opf\" "
         "media-type=\"application/oebps-package+xml\"/>\n"
         "  </rootfiles>\n"
         "</container>\n";
}

std::string package_opf(const EpubPackage& p) {
  const std::string lang = viewer::lang_code(p.lang);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
      "unique-identifier=\"book-id\" xml:lang=\"" +
      lang + "\">\n";
  out += "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  out += "    <dc:identifier id=\"book-id\">" + html_escape(p.identifier) + "</dc:identifier>\n";
  out += "    <dc:title>" + html_escape(p.title) + "</dc:title>\n";
  out += "    <dc:language>" + lang + "</dc:language>\n";
  out += "    <meta property=\"dcterms:modified\">" +
         viewer::iso_utc(static_cast<double>(p.modified)) + "</meta>\n";
  out += "  </metadata>\n  <manifest>\n";
  for (const auto& item : p.items) {
    out += "    <item id=\"" + html_escape(item.id) + "\" href=\"" + html_escape(item.href) +
           "\" media-type=\"" + item.media_type + "\"";
    if (!item.properties.empty()) out += " properties=\"" + item.properties + "\"";
    out += "/>\n";
  }
  out += "  </manifest>\n  <spine>\n";
  for (const auto& item : p.items) {
    if (item.media_type == "application/xhtml+xml") {
      out += "    <itemref idref=\"" + html_escape(item.id) + "\"/>\n";
    }
  }
  out += "  </spine>\n</package>\n";
  return out;
}

std::string nav_xhtml(const EpubPackage& p) {
  using viewer::Text;
  using viewer::tr;
  const std::string contents = tr(p.lang, Text::contents);
  std::string body = "<nav epub:type=\"toc\" id=\"toc\" class=\"toc\">\n<h1>" +
                     html_escape(contents) + "</h1>\n<ol>\n";
  for (const auto& chapter : p.chapters) {
    body += "<li><a href=\"" + html_escape(chapter.href) + "\">" + html_escape(chapter.title) +
            "</a></li>\n";
  }
  body += "</ol>\n</nav>\n";
  body += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n";
  body += "<li><a epub:type=\"cover\" href=\"cover.xhtml\">" +
          html_escape(tr(p.lang, Text::cover)) + "</a></li>\n";
  body += "<li><a epub:type=\"toc\" href=\"nav.xhtml\">" + html_escape(contents) + "</a></li>\n";
  if (!p.chapters.empty()) {
    body += "<li><a epub:type=\"bodymatter\" href=\"" + html_escape(p.chapters.front().href) +
            "\">" + html_escape(tr(p.lang, Text::start_reading)) + "</a></li>\n";
  }
  body += "</ol>\n</nav>\n";
  return xhtml_document(p.lang, contents, body, "style.css");
}

std::string xhtml_document(viewer::Lang lang, const std::string& title, const std::string& body,
                           const std::string& css_href) {
  const std::string code = viewer::lang_code(lang);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
         "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"" +
         code + "\" xml:lang=\"" + code + "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" +
         html_escape(title) + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"" +
         html_escape(css_href) + "\"/>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

std::string uuid_urn(const std::string& seed) {
  // A name-based UUID (RFC 4122 §4.3) with SHA-256 in place of SHA-1: the version nibble says
  // 8, "custom", which is what a hash other than the two the RFC names is.
  std::string hex = viewer::text_sha256(seed).substr(0, 32);
  hex[12] = '8';
  const char variant[] = "89ab";
  hex[16] = variant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

}  // namespace afterglow::exporter
