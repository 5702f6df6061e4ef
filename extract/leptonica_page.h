#pragma once
// Leptonica preprocessing of a rendered page for the OCR path: red seals removed by colour,
// orientation and skew, adaptive binarisation, ruling lines by morphology, and the boxes of
// the text left once the lines are gone. Private to extract/: the only header that shows
// Leptonica's Pix, and only to the OCR files (ocr_*.cpp, tesseract_adapter.cpp).

#include <memory>
#include <optional>
#include <vector>

#include "extract/raster_image.h"

struct Pix;

namespace budgetpdf {

struct PixDeleter {
    void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Leptonica's warnings and errors stay off stderr (failures show as null results).
void silence_leptonica();

// 8-bit grey page, red ink (seals, stamps) dropped out through the red channel; text under a
// seal stays darker than the seal around it.
PixPtr grey_without_red(const RgbImage& image);

// Clockwise quarter turns.
PixPtr turn_quarters(Pix* pix, int quarters);

// The skew of the text and lines in degrees (the angle to rotate by to make them level), 0
// when it cannot be measured or is below a tenth of a degree.
double measure_skew_degrees(Pix* binary);
PixPtr rotate_grey(Pix* grey, double degrees);

// Local (Sauvola) threshold of an 8-bit grey image: 1 = ink. About a second at 300 dpi.
PixPtr binarise(Pix* grey, double dpi);
// A quick threshold after background normalisation, for measuring orientation and skew.
PixPtr binarise_quickly(Pix* grey);

// Whether the text of a binarised page runs along the rows (true) or down the columns.
bool text_runs_horizontally(Pix* binary, double dpi);

struct PageLines {
    std::vector<PixelLine> lines;
    PixPtr mask;  // 1 where a line is (slightly widened), for removing lines from the text
};
// Long thin runs of ink in both directions (table rulings), found by opening with line-shaped
// structuring elements.
PageLines find_lines(Pix* binary, double dpi);

// Lines too light for `binary` (the page's text threshold): hairline rules, from the page's
// grey, away from the text's ink and from the lines of `line_mask` (find_lines's mask).
std::vector<PixelLine> find_faint_lines(Pix* grey, Pix* binary, Pix* line_mask, double dpi);

// `binary` without the pixels of `mask`.
PixPtr remove_mask(Pix* binary, Pix* mask);

// Clears the boxes' pixels of a binary image (to background).
void clear_boxes(Pix* binary, const std::vector<PixelBox>& boxes);

// Connected components of ink (8-connected), specks dropped.
std::vector<PixelBox> ink_components(Pix* binary, double dpi);

// A padded crop of `pix` around `box`, scaled by `scale` (1 = none), as Tesseract reads it.
PixPtr crop_for_reading(Pix* pix, const PixelBox& box, int pad_px, double scale);

// The same of `box` alone: what lies around it (a ring around a digit) is left out and the
// crop padded with background.
PixPtr crop_alone_for_reading(Pix* pix, const PixelBox& box, int pad_px, double scale);

// The box of the ink of `binary` inside `region`; nothing when the region holds no ink.
std::optional<PixelBox> ink_box(Pix* binary, const PixelBox& region);

// A padded crop of the grey page around `box` with the ruling lines (ink of `binary` that is
// not in `text`) painted white, scaled by `scale`.
PixPtr grey_crop_without_lines(Pix* grey, Pix* binary, Pix* text, const PixelBox& box, int pad_px, double scale);

// Ink pixels of `binary` inside `box`.
int ink_pixels(Pix* binary, const PixelBox& box);

int pix_width(Pix* pix);
std::size_t pix_bytes(Pix* pix);  // the image data's size
int pix_height(Pix* pix);

}  // namespace budgetpdf
