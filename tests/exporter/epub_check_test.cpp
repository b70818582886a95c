// The EPUB export read by the tools that judge EPUB files: epubcheck (the W3C's validator, a
// Debian package) finds no error and no warning in the book of the example export nor in a
// Chinese one, and every XML document in it parses (Python's XML parser, strict, not ours).
// Linux only: both are Linux programs the Windows test runner cannot start (docs/WINDOWS.md).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "exporter/export_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;

struct Ran {
  int status = -1;
  std::string output;
};

// Runs a command line, its stderr with its stdout.
Ran run(const std::string& command) {
  Ran ran;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return ran;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    ran.output.append(buffer.data(), n);
  ran.status = pclose(pipe);
  return ran;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// Each .xhtml, .opf and .xml entry through a strict XML parser; prints the ones that fail.
constexpr const char* kParseEveryDocument =
    "import sys, zipfile, xml.dom.minidom\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "names = [n for n in z.namelist() if n.endswith(('.xhtml', '.opf', '.xml'))]\n"
    "for n in names:\n"
    "    xml.dom.minidom.parseString(z.read(n))\n"
    "print(len(names), 'documents')\n";

void expect_valid(const fs::path& epub) {
  ASSERT_TRUE(fs::exists(epub)) << epub;
  // Not skipped when missing: CI installs it (scripts/install-deps.sh), and a check that
  // silently did not run would prove nothing.
  // Debian installs epubcheck as a jar that binfmt_misc runs, which containers often lack: the
  // jar is started with java itself.
  const Ran check = run("java -jar /usr/share/java/epubcheck.jar " + quoted(epub));
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_NE(check.output.find("No errors or warnings detected"), std::string::npos) << check.output;

  const fs::path script = epub.parent_path() / "parse_documents.py";
  std::ofstream(script) << kParseEveryDocument;
  const Ran parse = run("python3 " + quoted(script) + " " + quoted(epub));
  EXPECT_EQ(parse.status, 0) << parse.output;
  EXPECT_NE(parse.output.find(" documents"), std::string::npos) << parse.output;
}

TEST(EpubCheck, TheExampleExportsBookIsValid) {
  CliRunner cli;
  cli.tz = "Asia/Shanghai";
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const auto out = cli.dir() / "example.epub";
  auto r = cli.run({"export", "--format", "epub", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  expect_valid(out);
  // Every language's words, every conversation in one, and the hidden messages' markup too.
  const auto zh = cli.dir() / "example-zh.epub";
  ASSERT_EQ(cli.run({"export", "--format", "epub", "--lang", "zh", "--out", zh.string()}).status,
            0);
  expect_valid(zh);
}

TEST(EpubCheck, AChineseBookIsValid) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", fixture("chinese.json")}).status, 0);
  const auto out = cli.dir() / "chinese.epub";
  auto r = cli.run({"export", "--format", "epub", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  expect_valid(out);
}

}  // namespace
}  // namespace afterglow::testing
