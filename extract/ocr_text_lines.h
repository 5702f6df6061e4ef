#pragma once
// Groups the ink components of a scanned page into text lines, one box per run of characters
// on one line with no wide gap and no ruling line inside: the units the OCR reads one at a
// time. Pure geometry on pixel boxes. Private to extract/.

#include <vector>

#include "extract/raster_image.h"

namespace budgetpdf {

// `components`: ink of the page with the ruling lines removed; `lines`: the ruling lines.
// Boxes come out sorted top to bottom, then left to right.
std::vector<PixelBox> group_text_lines(const std::vector<PixelBox>& components, const std::vector<PixelLine>& lines);

// The median height of the components, a stand-in for the body text's character height.
int typical_glyph_height(const std::vector<PixelBox>& components);

}  // namespace budgetpdf
