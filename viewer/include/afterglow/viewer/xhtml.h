// The book renderer's HTML as XHTML, for formats that read pages as XML (EPUB): void elements
// closed, attributes quoted and given values, character references only of kinds XML knows, and
// every element closed in order, attributes HTML5 dropped made modern. Scripts and event
// handlers are dropped, since such readers run none and EPUB forbids them where they would run.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::viewer {

// `html` is a fragment (no <html>, <head> or <body>): the result is well-formed XML content.
std::string html_to_xhtml(std::string_view html);

}  // namespace afterglow::viewer
