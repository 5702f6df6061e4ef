// Page rendering for visual checks.
//
// How it works: the page is rendered by Poppler's Splash rasteriser at the requested dpi
// with the same upright, crop-box, top-left geometry the reader uses (its /Rotate plus the
// turn the reader applied to make the text upright, together Page::rotation), so a point
// (x, y) of the model lands on pixel (x, y) × dpi / 72. The overlays are then painted straight
// into the RGB bitmap: span boxes (thin green), table cell boxes of this page (blue) and
// rulings (red, at their drawn thickness but at least one pixel), in that order so the
// rulings stay visible. The bitmap is written as PNG.
#include "extract/page_render.h"

#include <algorithm>
#include <cmath>
#include <exception>

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>
#include <splash/SplashErrorCodes.h>
#include <splash/SplashTypes.h>

#include "extract/poppler_document.h"

namespace budgetpdf {
namespace {

constexpr double points_per_inch = 72.0;
constexpr double min_render_dpi = 10.0;
constexpr double max_render_dpi = 600.0;
constexpr int cell_line_px = 2;
constexpr int full_turn_degrees = 360;

struct Rgb {
    unsigned char r, g, b;
};
constexpr Rgb ruling_colour{220, 0, 0};
constexpr Rgb cell_colour{0, 60, 230};
constexpr Rgb span_colour{0, 170, 0};

class Canvas {
public:
    Canvas(SplashBitmap& bitmap, double scale) : bitmap_(bitmap), scale_(scale) {}

    // Fills the pixel rectangle covering [x0, x1] × [y0, y1] in points.
    void fill(double x0, double y0, double x1, double y1, Rgb colour) {
        const int px0 = std::clamp(static_cast<int>(std::floor(x0 * scale_)), 0, bitmap_.getWidth());
        const int py0 = std::clamp(static_cast<int>(std::floor(y0 * scale_)), 0, bitmap_.getHeight());
        const int px1 = std::clamp(std::max(static_cast<int>(std::ceil(x1 * scale_)), px0 + 1), 0, bitmap_.getWidth());
        const int py1 = std::clamp(std::max(static_cast<int>(std::ceil(y1 * scale_)), py0 + 1), 0, bitmap_.getHeight());
        unsigned char* data = bitmap_.getDataPtr();
        for (int y = py0; y < py1; ++y) {
            unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * bitmap_.getRowSize();
            for (int x = px0; x < px1; ++x) {
                row[3 * x] = colour.r;
                row[3 * x + 1] = colour.g;
                row[3 * x + 2] = colour.b;
            }
        }
    }

    // Outlines a rectangle in points with lines `line_px` pixels wide.
    void outline(const Rect& r, int line_px, Rgb colour) {
        const double t = line_px / scale_;
        fill(r.x0, r.y0, r.x1, r.y0 + t, colour);
        fill(r.x0, r.y1 - t, r.x1, r.y1, colour);
        fill(r.x0, r.y0, r.x0 + t, r.y1, colour);
        fill(r.x1 - t, r.y0, r.x1, r.y1, colour);
    }

    void line(const Ruling& r, Rgb colour) {
        const double half = std::max(r.width, 1.0 / scale_) / 2;
        if (r.orientation == Orientation::horizontal)
            fill(r.from.x, r.from.y - half, r.to.x, r.from.y + half, colour);
        else
            fill(r.from.x - half, r.from.y, r.from.x + half, r.to.y, colour);
    }

private:
    SplashBitmap& bitmap_;
    double scale_;
};

void draw_overlays(SplashBitmap& bitmap, double scale, const Page& page, const std::vector<Table>& tables,
                   const RenderOptions& options) {
    Canvas canvas(bitmap, scale);
    if (options.draw_spans)
        for (const TextSpan& span : page.spans) canvas.outline(span.bbox, 1, span_colour);
    if (options.draw_cells)
        for (const Table& table : tables)
            for (const Cell& cell : table.cells)
                if (cell.page == page.number) canvas.outline(cell.bbox, cell_line_px, cell_colour);
    if (options.draw_rulings)
        for (const Ruling& ruling : page.rulings) canvas.line(ruling, ruling_colour);
}

}  // namespace

Result<bool> render_page_png(const std::string& pdf_path, const Page& page, const std::vector<Table>& tables,
                             const std::string& png_path, const RenderOptions& options) {
    if (!(options.dpi >= min_render_dpi && options.dpi <= max_render_dpi))
        return Error{ErrorKind::bad_argument, "render dpi must be between 10 and 600"};
    auto opened = open_pdf_document(pdf_path);
    if (!opened) return opened.error();
    PDFDoc& doc = *opened.value();
    if (page.number < 1 || page.number > doc.getNumPages())
        return Error{ErrorKind::bad_argument, "page " + std::to_string(page.number) + " is outside the document (1-" +
                                                  std::to_string(doc.getNumPages()) + ")"};
    try {
        SplashColor paper{255, 255, 255};
        SplashOutputDev device(splashModeRGB8, 4, false, paper);
        device.startDoc(&doc);
        // The reader may have turned the page beyond its /Rotate to make the text upright;
        // Poppler adds this rotation to /Rotate, clockwise, exactly as the reader turned it.
        const int extra_rotation =
            ((page.rotation - doc.getPageRotate(page.number)) % full_turn_degrees + full_turn_degrees) %
            full_turn_degrees;
        doc.displayPage(&device, page.number, options.dpi, options.dpi, extra_rotation, false, true, false);
        SplashBitmap* bitmap = device.getBitmap();
        if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0)
            return Error{ErrorKind::damaged, "page " + std::to_string(page.number) + " could not be rendered"};
        draw_overlays(*bitmap, options.dpi / points_per_inch, page, tables, options);
        if (bitmap->writeImgFile(splashFormatPng, png_path.c_str(), options.dpi, options.dpi) != splashOk)
            return Error{ErrorKind::io, "cannot write " + png_path};
    } catch (const std::exception& e) {
        return Error{ErrorKind::damaged, std::string("rendering failed: ") + e.what()};
    }
    return true;
}

}  // namespace budgetpdf
