#include "extract/page_render.h"

#include <cmath>

#include <doctest/doctest.h>

#include "extract/pdf_reader.h"
#include "pdf_test_files.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const char* const commerce_budget = "real/govbudgetchecker/putuo_commerce_2025_dept_budget.pdf";

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> png_size(const std::string& bytes) {
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    return {static_cast<int>(be32(16)), static_cast<int>(be32(20))};
}

}  // namespace

TEST_CASE("a real table page renders to a PNG of the page's size at the requested dpi") {
    const std::string pdf = shared_file(commerce_budget);
    auto read = read_pdf_pages(pdf, {10, 10});
    REQUIRE(read.ok());
    const Page& page = read.value().pages[0];
    REQUIRE_FALSE(page.rulings.empty());

    Table table;
    table.page = 10;
    Cell cell;
    cell.page = 10;
    cell.bbox = {100, 100, 200, 150};
    table.cells.push_back(cell);

    const std::string png = test_file_path("page10.png");
    RenderOptions options;
    options.dpi = 72;
    auto rendered = render_page_png(pdf, page, {table}, png, options);
    REQUIRE_MESSAGE(rendered.ok(), (rendered.ok() ? "" : rendered.error().message));
    const std::string bytes = read_file_bytes(png);
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0);
    const auto [width, height] = png_size(bytes);
    CHECK(std::abs(width - page.width) <= 1);
    CHECK(std::abs(height - page.height) <= 1);

    // Twice the dpi, twice the pixels; overlays do not change the size.
    options.dpi = 144;
    options.draw_spans = false;
    REQUIRE(render_page_png(pdf, page, {}, png, options).ok());
    const auto [width2, height2] = png_size(read_file_bytes(png));
    CHECK(std::abs(width2 - 2 * width) <= 2);
    CHECK(std::abs(height2 - 2 * height) <= 2);
}

TEST_CASE("rendering fails cleanly for a bad page, dpi, input or output path") {
    const std::string pdf = shared_file(commerce_budget);
    Page page;
    page.number = 27;
    auto beyond = render_page_png(pdf, page, {}, test_file_path("p27.png"));
    REQUIRE_FALSE(beyond.ok());
    CHECK(beyond.error().kind == ErrorKind::bad_argument);
    page.number = 0;
    CHECK(render_page_png(pdf, page, {}, test_file_path("p0.png")).error().kind == ErrorKind::bad_argument);

    page.number = 1;
    RenderOptions silly;
    silly.dpi = 0;
    CHECK(render_page_png(pdf, page, {}, test_file_path("p1.png"), silly).error().kind == ErrorKind::bad_argument);
    CHECK(render_page_png(test_file_path("missing.pdf"), page, {}, test_file_path("p1.png")).error().kind ==
          ErrorKind::io);
    CHECK(render_page_png(pdf, page, {}, test_file_path("no_such_dir/p1.png")).error().kind == ErrorKind::io);
}
