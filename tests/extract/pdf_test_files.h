#pragma once
// Small PDFs written at test time: hand-made pages with exactly known text and vector
// graphics, plus temp-file and stderr helpers for the bad-input tests.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace budgetpdf::test {

// One page. `content` is a raw content stream; fonts available: /F1 (Helvetica, WinAnsi)
// and /F2 (Helvetica whose ToUnicode maps every code to the private-use area, i.e. text
// that extracts as garbage) and /F3 (Helvetica whose ToUnicode maps code A to "fi" and
// code B to a control character); graphics state /Clear sets stroke and fill opacity to 0.
struct TestPdfPage {
    std::string content;
    double width = 612;
    double height = 792;
    int rotate = 0;
    std::optional<std::vector<double>> crop_box;  // x0 y0 x1 y1
};

// A complete, valid PDF (correct xref offsets) with the given pages and /Producer.
std::string make_test_pdf(const std::vector<TestPdfPage>& pages, const std::string& producer = "budgetpdf tests");

// Writes `bytes` to a per-process temp directory (removed at exit) under `name` and
// returns the path.
std::string write_test_file(const std::string& name, const std::string& bytes);

// The path a test may use for an output file of that name in the same temp directory.
std::string test_file_path(const std::string& name);

std::string read_file_bytes(const std::string& path);

// A file under the shared folder, e.g. "real/govbudgetchecker/x.pdf".
std::string shared_file(const std::string& relative);

// Runs `body` with file descriptor 2 redirected; returns what was written to stderr.
std::string captured_stderr(const std::function<void()>& body);

}  // namespace budgetpdf::test
