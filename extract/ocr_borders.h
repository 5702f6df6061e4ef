#pragma once
// Which of the lines found on a scanned page are table borders. Pure geometry on pixel lines.
// Private to extract/.

#include <vector>

#include "extract/raster_image.h"

namespace budgetpdf {

// The lines that are borders: every line at least `free_length_px` long (a frame, the rules
// of a table ruled one way only), and shorter lines whose two ends meet lines across them
// (within `anchor_px`), as a cell's sides meet its top and bottom. A short line floating
// between the rules (the straight part of a seal's ring, a stroke of the characters stamped
// inside it) is ink, not a border: left out, it cannot cut a header cell into columns.
// Collinear pieces with gaps up to `anchor_px` are judged together. Order is kept.
std::vector<PixelLine> table_borders(const std::vector<PixelLine>& lines, int free_length_px, int anchor_px);

}  // namespace budgetpdf
