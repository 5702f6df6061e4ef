#include "extract/raster_render.h"

#include <cstring>
#include <exception>
#include <mutex>

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>
#include <splash/SplashTypes.h>

namespace budgetpdf {
namespace {
constexpr int rgb_bytes_per_pixel = 3;

// One page renders at a time in a process: a PDFDoc is not safe to use from two threads at
// once, and the OCR path's helper threads share their document's.
std::mutex rendering;
}

std::optional<RgbImage> render_page_rgb(PDFDoc& doc, int page_number, double dpi, int extra_turn_degrees) {
    std::lock_guard<std::mutex> one_at_a_time(rendering);
    try {
        SplashColor paper{255, 255, 255};
        SplashOutputDev device(splashModeRGB8, 4, false, paper);
        device.startDoc(&doc);
        doc.displayPage(&device, page_number, dpi, dpi, extra_turn_degrees, false, true, false);
        SplashBitmap* bitmap = device.getBitmap();
        if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0) return std::nullopt;
        RgbImage image;
        image.width = bitmap->getWidth();
        image.height = bitmap->getHeight();
        image.dpi = dpi;
        const std::size_t row_bytes = static_cast<std::size_t>(image.width) * rgb_bytes_per_pixel;
        image.rgb.resize(row_bytes * static_cast<std::size_t>(image.height));
        const unsigned char* data = bitmap->getDataPtr();
        for (int y = 0; y < image.height; ++y)
            std::memcpy(image.rgb.data() + row_bytes * static_cast<std::size_t>(y),
                        data + static_cast<std::ptrdiff_t>(y) * bitmap->getRowSize(), row_bytes);
        return image;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace budgetpdf
