#pragma once
// Plain values the Poppler capture device hands to the span and ruling builders, so the
// geometry code can be tested without Poppler. Private to extract/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/geometry.h"
#include "model/page.h"

namespace budgetpdf {

// Which way a glyph advances on the page: text on a page turned by /Rotate (or drawn
// sideways) runs down or up as displayed; `other` is any slanted direction.
enum class GlyphDirection { right, down, left, up, other };

// One drawn glyph in top-left page points: as the page is displayed (crop box, /Rotate)
// when captured, upright once turn_page_capture has run. Its text is
// codepoints[text_begin, text_begin + text_length) of the page's codepoint buffer.
struct PdfGlyph {
    Rect box;
    Point origin;          // the glyph's origin on its baseline
    double font_size = 0;
    std::uint32_t text_begin = 0;
    std::uint32_t text_length = 0;
    GlyphDirection direction = GlyphDirection::right;
    bool invisible = false;  // text render mode 3 or 7 (an OCR layer over a scan, a clip)
};

// Everything captured on one page before spans are built.
struct PdfPageCapture {
    std::vector<PdfGlyph> glyphs;
    std::vector<char32_t> codepoints;
    std::vector<Ruling> rulings;
    int drawn_glyphs = 0;     // glyphs drawn, including blanks and unmapped ones
    int unreadable_glyphs = 0;  // unmapped, U+FFFD, private-use or control characters
    int images_drawn = 0;       // images painted (a page of them and no text is a scan)
    double image_area = 0;      // points² of the page the images cover (their boxes, clipped, summed)
    double image_ppi = 0;       // resolution of the largest image (a scan's), pixels per inch; 0 without images
    long path_points = 0;       // points of the paths drawn (text drawn as outlines has many)
    // Empty unless the page hit a work limit and the rest of its content was not read;
    // then what was exceeded, for a diagnostic.
    std::string stopped_early;
};

// A stroked segment from `a` to `b` (device points, top-left) of line width `width`, clipped
// to `clip`. Empty when the segment is not (near) axis-aligned, zero-length or fully clipped.
std::optional<Ruling> ruling_from_segment(Point a, Point b, double width, const Rect& clip);

// A filled axis-aligned rectangle: a ruling along its long axis when its short side is thin
// enough to be a border, else nothing (cell shading). Clipped to `clip`.
std::optional<Ruling> ruling_from_filled_rect(const Rect& rect, const Rect& clip);

// Sorts rulings (horizontal first, by position then start) and drops exact duplicates.
void merge_duplicate_rulings(std::vector<Ruling>& rulings);

// How far (clockwise degrees: 0, 90, 180 or 270) the page must be turned so that the
// dominant writing direction of its glyphs (by glyph count over right/down/left/up) runs
// left to right. 0 when right already dominates, on a tie with right, or when the page
// has fewer than a handful of directional glyphs.
int upright_turn_degrees(const std::vector<PdfGlyph>& glyphs);

// Turns the captured page clockwise by `degrees` (a multiple of 90): glyph boxes,
// origins and directions, rulings (re-sorted as merge_duplicate_rulings leaves them) and
// the page size `width` × `height` of the page as it was before the turn.
void turn_page_capture(PdfPageCapture& capture, double& width, double& height, int degrees);

// Builds spans from glyphs: same-baseline glyphs joined in reading direction, split at a
// wide gap or where a ruling across the baseline passes between two glyphs. Sorted top to
// bottom, then left to right.
std::vector<TextSpan> build_text_spans(const std::vector<PdfGlyph>& glyphs,
                                       const std::vector<char32_t>& codepoints,
                                       const std::vector<Ruling>& rulings);

// True for ideographs, kana, hangul and CJK punctuation: no space is put between two of them.
bool is_cjk_codepoint(char32_t c);

// Appends `c` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

// The code points of UTF-8 `text`, and code points back to UTF-8.
std::u32string decode_utf8(const std::string& text);
std::string encode_utf8(std::u32string_view text);

}  // namespace budgetpdf
