#include "extract/pdf_reader.h"

#include <filesystem>
#include <random>

#include <doctest/doctest.h>

#include "pdf_test_files.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const char* const commerce_budget = "real/govbudgetchecker/putuo_commerce_2025_dept_budget.pdf";

// Reads `path`, expecting a failure of `kind`; also checks Poppler printed nothing.
void expect_error(const std::string& path, ErrorKind kind, PageRange range = {}) {
    CAPTURE(path);
    bool failed = false;
    ErrorKind got = ErrorKind::io;
    std::string message;
    const std::string noise = captured_stderr([&] {
        auto result = read_pdf_pages(path, range);
        failed = !result.ok();
        if (failed) {
            got = result.error().kind;
            message = result.error().message;
        }
    });
    REQUIRE(failed);
    CHECK(error_kind_name(got) == std::string(error_kind_name(kind)));
    CHECK_FALSE(message.empty());
    CHECK(message.find('\n') == std::string::npos);
    CHECK(noise.empty());
}

std::string one_page_pdf() {
    TestPdfPage page;
    page.content = "BT /F1 12 Tf 72 700 Td (Still readable) Tj ET";
    return make_test_pdf({page});
}

}  // namespace

TEST_CASE("missing file and directory are io errors") {
    expect_error(test_file_path("does_not_exist.pdf"), ErrorKind::io);
    expect_error(std::filesystem::temp_directory_path().string(), ErrorKind::io);
}

TEST_CASE("files that are not PDFs") {
    expect_error(write_test_file("empty.pdf", ""), ErrorKind::not_pdf);
    expect_error(write_test_file("text.pdf", "Budget 2024\nthis is a plain text file\n"), ErrorKind::not_pdf);
    expect_error(write_test_file("png.pdf", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(200, '\0')),
                 ErrorKind::not_pdf);
}

TEST_CASE("a truncated real PDF is damaged; garbage after a header is damaged") {
    const std::string bytes = read_file_bytes(shared_file(commerce_budget));
    REQUIRE(bytes.size() > 10000);
    expect_error(write_test_file("truncated_half.pdf", bytes.substr(0, bytes.size() / 2)), ErrorKind::damaged);
    expect_error(write_test_file("truncated_header.pdf", bytes.substr(0, 200)), ErrorKind::damaged);

    std::mt19937 random(20240601);
    std::string garbage = "%PDF-1.7\n";
    for (int i = 0; i < 20000; ++i) garbage.push_back(static_cast<char>(random() & 0xFF));
    expect_error(write_test_file("garbage.pdf", garbage), ErrorKind::damaged);
}

TEST_CASE("a broken xref is repaired by reconstruction and the file still reads") {
    // A wrong startxref offset in a real PDF.
    std::string bytes = read_file_bytes(shared_file(commerce_budget));
    const auto at = bytes.rfind("startxref");
    REQUIRE(at != std::string::npos);
    const auto digits = bytes.find_first_of("0123456789", at);
    bytes[digits] = bytes[digits] == '1' ? '2' : '1';
    const std::string broken = write_test_file("bad_startxref.pdf", bytes);
    PdfPages repaired;
    const std::string noise = captured_stderr([&] {
        auto result = read_pdf_pages(broken, {10, 10});
        REQUIRE(result.ok());
        repaired = std::move(result).value();
    });
    CHECK(noise.empty());
    auto original = read_pdf_pages(shared_file(commerce_budget), {10, 10});
    REQUIRE(original.ok());
    CHECK(repaired.info.page_count == original.value().info.page_count);
    CHECK(repaired.pages[0].spans.size() == original.value().pages[0].spans.size());
    CHECK(repaired.pages[0].rulings.size() == original.value().pages[0].rulings.size());

    // Every xref entry pointing to the wrong place in a small file.
    std::string small = one_page_pdf();
    for (auto pos = small.find(" 00000 n "); pos != std::string::npos; pos = small.find(" 00000 n ", pos + 1))
        small.replace(pos - 10, 10, "0000000999");
    auto result = read_pdf_pages(write_test_file("bad_offsets.pdf", small));
    REQUIRE(result.ok());
    REQUIRE(result.value().pages.size() == 1);
    REQUIRE(result.value().pages[0].spans.size() == 1);
    CHECK(result.value().pages[0].spans[0].text == "Still readable");
}

TEST_CASE("a valid PDF without pages") {
    const std::string pdf = "%PDF-1.4\n"
                            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                            "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
    const std::string xref_at = std::to_string(pdf.size());
    char entries[128];
    std::snprintf(entries, sizeof entries, "0000000000 65535 f \n%010zu 00000 n \n%010zu 00000 n \n",
                  pdf.find("1 0 obj"), pdf.find("2 0 obj"));
    const std::string file = pdf + "xref\n0 3\n" + entries + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" +
                             xref_at + "\n%%EOF\n";
    expect_error(write_test_file("no_pages.pdf", file), ErrorKind::no_pages);
}

TEST_CASE("an encrypted PDF without its password") {
    expect_error(std::string(BUDGETPDF_SOURCE_DIR) + "/tests/data/bad_input/encrypted_aes256.pdf",
                 ErrorKind::encrypted);
}

TEST_CASE("page ranges outside the document") {
    const std::string path = write_test_file("range.pdf", one_page_pdf());
    expect_error(path, ErrorKind::bad_argument, {0, 1});
    expect_error(path, ErrorKind::bad_argument, {1, 2});
    expect_error(path, ErrorKind::bad_argument, {2, 0});
    expect_error(path, ErrorKind::bad_argument, {3, 2});
    CHECK(read_pdf_pages(path, {1, 1}).ok());
    CHECK(read_pdf_pages(path, {1, 0}).ok());
}
