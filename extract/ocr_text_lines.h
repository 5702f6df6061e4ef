#pragma once
// Groups the ink components of a scanned page into text lines, one box per run of characters
// on one line with no wide gap and no ruling line inside: the units the OCR reads one at a
// time. Pure geometry on pixel boxes. Private to extract/.

#include <functional>
#include <optional>
#include <vector>

#include "extract/raster_image.h"

namespace budgetpdf {

// `components`: ink of the page with the ruling lines removed; `lines`: the ruling lines.
// Boxes come out sorted top to bottom, then left to right.
std::vector<PixelBox> group_text_lines(const std::vector<PixelBox>& components, const std::vector<PixelLine>& lines);

// Sorts boxes top to bottom (boxes whose centres lie within half the smaller height of each
// other count as one line), then left to right.
void sort_in_reading_order(std::vector<PixelBox>& boxes);

// Cuts each box at least `stacked_share` × `line_height` tall at the rows where
// `row_has_ink(y)` is false into the lines stacked in it (the lines of a narrow header cell,
// set so close that parts of their characters were grouped together); bands of ink shorter
// than `min_band_share` × `line_height` (the strokes of 三, a dot) join the bands next to
// them within a line's height, else their nearer neighbour. `ink_of(region)` trims a band to its ink. Boxes come out in reading order.
using RowHasInk = std::function<bool(const PixelBox& box, int y)>;
using InkOf = std::function<std::optional<PixelBox>(const PixelBox& region)>;
std::vector<PixelBox> split_stacked_lines(const std::vector<PixelBox>& boxes, int line_height, double stacked_share,
                                          double min_band_share, const RowHasInk& row_has_ink, const InkOf& ink_of);

// The median height of the components, a stand-in for the body text's character height.
int typical_glyph_height(const std::vector<PixelBox>& components);

}  // namespace budgetpdf
