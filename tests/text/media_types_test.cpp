#include "afterglow/text/media_types.h"

#include <gtest/gtest.h>

#include <string>

namespace afterglow::text {
namespace {

TEST(MediaTypes, ByNameCaseInsensitiveAndPathAware) {
  EXPECT_EQ(mime_from_name("photo.JPG"), "image/jpeg");
  EXPECT_EQ(mime_from_name("a/b.c/photo.jpeg"), "image/jpeg");
  EXPECT_EQ(mime_from_name("voice.wav"), "audio/wav");
  EXPECT_EQ(mime_from_name("clip.webm"), "video/webm");
  EXPECT_EQ(mime_from_name("book.pdf"), "application/pdf");
  EXPECT_EQ(mime_from_name("notes.md"), "text/markdown");
  EXPECT_EQ(mime_from_name("file-abc.dat"), "");
  EXPECT_EQ(mime_from_name("no-extension"), "");
  EXPECT_EQ(mime_from_name("a.b/no-extension"), "");
}

TEST(MediaTypes, ExtensionOfATypeInAnySpelling) {
  EXPECT_EQ(extension_for_mime("image/png"), "png");
  EXPECT_EQ(extension_for_mime("image/jpeg"), "jpg");
  EXPECT_EQ(extension_for_mime("Audio/X-WAV"), "wav");
  EXPECT_EQ(extension_for_mime("audio/mp4"), "m4a");
  EXPECT_EQ(extension_for_mime("text/plain; charset=utf-8"), "txt");
  EXPECT_EQ(extension_for_mime("application/x-unknown"), "");
  EXPECT_EQ(normalise_mime(" Image/PNG ; q=1"), "image/png");
}

TEST(MediaTypes, OnlyMediaThatCannotCarryScriptAreShownInline) {
  for (const char* mime : {"image/png", "IMAGE/JPEG", "image/avif", "audio/mpeg", "audio/opus",
                           "video/mp4", "video/quicktime", "application/pdf", "text/plain"}) {
    EXPECT_TRUE(shown_inline(mime)) << mime;
  }
  for (const char* mime : {"image/svg+xml", "text/html", "application/json", "application/zip",
                           "application/javascript", "", "image/png-but-not"}) {
    EXPECT_FALSE(shown_inline(mime)) << mime;
  }
}

TEST(MediaTypes, SniffedFromTheFirstBytes) {
  EXPECT_EQ(sniff_media_type("\x89PNG\r\n\x1a\n....").mime, "image/png");
  EXPECT_EQ(sniff_media_type("\xff\xd8\xff\xe0").mime, "image/jpeg");
  EXPECT_EQ(sniff_media_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)).mime, "image/webp");
  const SniffedType wav = sniff_media_type(std::string("RIFF\x10\0\0\0WAVEfmt ", 16));
  EXPECT_EQ(wav.mime, "audio/wav");
  EXPECT_FALSE(wav.compressed);                          // worth compressing
  EXPECT_EQ(sniff_media_type("xxxx....WEBP").mime, "");  // WEBP outside a RIFF container
  EXPECT_EQ(sniff_media_type(std::string("\0\0\0\x18"
                                         "ftypmp42",
                                         12))
                .mime,
            "video/mp4");
  EXPECT_EQ(sniff_media_type("\xff\xfb\x90\x64").mime, "audio/mpeg");
  EXPECT_EQ(sniff_media_type("%PDF-1.7").mime, "application/pdf");
  EXPECT_EQ(sniff_media_type("PK\x03\x04").mime, "application/zip");
  EXPECT_EQ(sniff_media_type("hello").mime, "");
}

}  // namespace
}  // namespace afterglow::text
