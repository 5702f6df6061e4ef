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

// Whether an ink component is a piece of a ruling line left behind where the line was found
// broken (a seal's ring crossing it, a faint stretch of a scan): thin across the line's
// direction and three times as long along it (not a dot or a stroke), lying on the line
// (within `residue_px` of its centre) and within `reach_px` of where the found line ends.
// Such a piece would join the text on its two sides into one line.
bool ruling_remnant(const PixelBox& box, const std::vector<PixelLine>& lines, int residue_px, int reach_px);

// A circled numeral (① … ⑳) opening a text line: the Chinese model has no such characters and
// reads them as 四, 号 or Q@. The line's first glyph (its leftmost component and those
// overlapping it across) is a ring about as tall as the line and as wide as tall, in one piece
// or broken (a coarse scan), round (the corners of its box hold no ink, unlike the 囗 of 国 or
// 因), with the digits in its middle as components of their own. `has_ink(region)`: ink there.
struct CircledLead {
    PixelBox ring;
    PixelBox digits;  // the components inside the ring, together
};
using HasInk = std::function<bool(const PixelBox& region)>;
std::optional<CircledLead> circled_lead(const PixelBox& line, const std::vector<PixelBox>& components,
                                        const HasInk& has_ink);

// The median height of the components, a stand-in for the body text's character height.
int typical_glyph_height(const std::vector<PixelBox>& components);

}  // namespace budgetpdf
