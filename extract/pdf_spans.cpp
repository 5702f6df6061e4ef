// Text spans from glyphs.
//
// How it works: all glyphs and rulings of a page are collected first, then for each of the
// four reading directions (right, and down/left/up on turned pages) the glyphs running that
// way are moved into a frame where they run to the right, and
// 1. sorted by baseline and grouped into lines: a glyph joins the current line while its
//    baseline is within `line_tolerance_em` of the line's first one;
// 2. each line is sorted along the baseline; a glyph drawn twice at (almost) the same place
//    (fake bold) is kept once;
// 3. a line is cut into spans wherever the gap between two neighbours is wider than
//    `span_split_gap_em`, or a ruling across the line passes between them (a span never
//    crosses a cell border), or a gap has a number on one side and, on the other, a number
//    (gap over `number_gap_em`: numbers hold no spaces) or CJK text (gap over
//    `number_cjk_gap_em`, wider than the spacing word processors put around numbers in
//    running text), or two CJK characters are apart (gap over `cjk_gap_em`: headings of
//    neighbouring columns printed close together): such gaps are column gaps of a
//    borderless table. A letter-spaced heading (项  目) comes apart too; its pieces share a
//    line and a cell, where they are joined again without a space. Inside a span one
//    ASCII space marks a gap over `word_space_em` between two non-CJK characters; CJK
//    characters are never separated;
// 4. span boxes are moved back to the page frame.
// Glyphs on a slant are joined in drawing order while they touch. Spans are sorted top to
// bottom (by line), then left to right.
#include "extract/pdf_geometry.h"

#include <algorithm>
#include <cmath>

namespace budgetpdf {
namespace {

constexpr double line_tolerance_em = 0.3;      // baselines closer than this share a line
constexpr double span_split_gap_em = 1.5;      // a wider gap ends the span (borderless tables)
constexpr double word_space_em = 0.15;         // a wider gap between Latin words is a space
constexpr double number_gap_em = 0.3;          // a wider gap between two numbers splits them
constexpr double number_cjk_gap_em = 0.55;     // a wider gap between a number and CJK splits
constexpr double cjk_gap_em = 0.35;            // CJK glyphs of one word touch or nearly; a wider gap splits
constexpr double duplicate_glyph_em = 0.15;    // same character this close is drawn twice
constexpr double ruling_overlap_pt = 1.0;      // a ruling this near the line still cuts it
constexpr double slanted_join_em = 0.6;        // gap joining glyphs of slanted text

struct SpanDraft {
    TextSpan span;
    double line_key = 0;
};

// A frame turned by a multiple of 90 degrees in which text of one direction runs to the
// right: local x along the advance, local y towards the glyph's bottom.
struct Frame {
    Point advance;
    Point down;

    Point to_local(Point p) const { return {advance.x * p.x + advance.y * p.y, down.x * p.x + down.y * p.y}; }
    Point to_page(Point p) const { return {p.x * advance.x + p.y * down.x, p.x * advance.y + p.y * down.y}; }

    Rect map(const Rect& r, bool to_page_frame) const {
        const Point corners[2] = {{r.x0, r.y0}, {r.x1, r.y1}};
        Point a = to_page_frame ? to_page(corners[0]) : to_local(corners[0]);
        Point b = to_page_frame ? to_page(corners[1]) : to_local(corners[1]);
        return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
    }
};

Frame frame_for(GlyphDirection direction) {
    switch (direction) {
    case GlyphDirection::down: return {{0, 1}, {-1, 0}};
    case GlyphDirection::left: return {{-1, 0}, {0, -1}};
    case GlyphDirection::up: return {{0, -1}, {1, 0}};
    default: return {{1, 0}, {0, 1}};
    }
}

class SpanWriter {
public:
    explicit SpanWriter(const std::vector<char32_t>& codepoints) : codepoints_(codepoints) {}

    void start(const PdfGlyph& g, double line_key) {
        draft_ = SpanDraft{};
        draft_.line_key = line_key;
        draft_.span.bbox = g.box;
        draft_.span.font_size = g.font_size;
        append_text(g);
        open_ = true;
    }

    void extend(const PdfGlyph& g, bool space) {
        if (space) draft_.span.text.push_back(' ');
        draft_.span.bbox = rect_union(draft_.span.bbox, g.box);
        draft_.span.font_size = std::max(draft_.span.font_size, g.font_size);
        append_text(g);
    }

    void finish(std::vector<SpanDraft>& out) {
        if (open_ && !draft_.span.text.empty()) out.push_back(std::move(draft_));
        open_ = false;
    }

private:
    void append_text(const PdfGlyph& g) {
        for (std::uint32_t i = 0; i < g.text_length; ++i)
            append_utf8(draft_.span.text, codepoints_[g.text_begin + i]);
    }

    const std::vector<char32_t>& codepoints_;
    SpanDraft draft_;
    bool open_ = false;
};

char32_t first_char(const PdfGlyph& g, const std::vector<char32_t>& cps) {
    return g.text_length ? cps[g.text_begin] : 0;
}
char32_t last_char(const PdfGlyph& g, const std::vector<char32_t>& cps) {
    return g.text_length ? cps[g.text_begin + g.text_length - 1] : 0;
}

bool same_text(const PdfGlyph& a, const PdfGlyph& b, const std::vector<char32_t>& cps) {
    return a.text_length == b.text_length &&
           std::equal(cps.begin() + a.text_begin, cps.begin() + a.text_begin + a.text_length,
                      cps.begin() + b.text_begin);
}

// Rulings crossing the text lines (vertical in the local frame), sorted by x; answers
// "does one pass between these two glyphs".
class RulingCutter {
public:
    RulingCutter(const std::vector<Ruling>& rulings, const Frame& frame) {
        for (const Ruling& r : rulings) {
            const Point a = frame.to_local(r.from);
            const Point b = frame.to_local(r.to);
            if (std::abs(a.x - b.x) > std::abs(a.y - b.y)) continue;
            cuts_.push_back({a.x, std::min(a.y, b.y), std::max(a.y, b.y)});
        }
        std::sort(cuts_.begin(), cuts_.end(), [](const Cut& a, const Cut& b) { return a.x < b.x; });
    }

    bool cuts(const PdfGlyph& left, const PdfGlyph& right) const {
        const double x0 = left.box.center_x();
        const double x1 = right.box.center_x();
        const double y = (left.box.center_y() + right.box.center_y()) / 2;
        auto it = std::upper_bound(cuts_.begin(), cuts_.end(), x0, [](double x, const Cut& c) { return x < c.x; });
        for (; it != cuts_.end() && it->x < x1; ++it)
            if (it->y0 - ruling_overlap_pt <= y && y <= it->y1 + ruling_overlap_pt) return true;
        return false;
    }

private:
    struct Cut {
        double x, y0, y1;
    };
    std::vector<Cut> cuts_;
};

bool starts_number(char32_t c) { return (c >= U'0' && c <= U'9') || c == U'-' || c == U'+' || c == U'('; }
bool ends_number(char32_t c) { return (c >= U'0' && c <= U'9') || c == U'%' || c == U')'; }

// Whether a gap of `gap_em` between these characters separates two cells, not two words.
bool separates_cells(char32_t left, char32_t right, double gap_em) {
    if (is_cjk_codepoint(left) && is_cjk_codepoint(right)) return gap_em > cjk_gap_em;
    if (ends_number(left) && starts_number(right)) return gap_em > number_gap_em;
    if ((ends_number(left) && is_cjk_codepoint(right)) || (is_cjk_codepoint(left) && starts_number(right)))
        return gap_em > number_cjk_gap_em;
    return false;
}

void build_line(std::vector<const PdfGlyph*>& line, double line_key, const std::vector<char32_t>& cps,
                const RulingCutter& cutter, std::vector<SpanDraft>& out) {
    std::sort(line.begin(), line.end(), [](const PdfGlyph* a, const PdfGlyph* b) { return a->box.x0 < b->box.x0; });
    SpanWriter writer(cps);
    const PdfGlyph* prev = nullptr;
    double run_right = 0;
    for (const PdfGlyph* g : line) {
        if (!prev) {
            writer.start(*g, line_key);
            prev = g;
            run_right = g->box.x1;
            continue;
        }
        const double em = std::max(prev->font_size, g->font_size);
        if (std::abs(g->box.x0 - prev->box.x0) < duplicate_glyph_em * em && same_text(*g, *prev, cps)) continue;
        const double gap = g->box.x0 - run_right;
        const char32_t left = last_char(*prev, cps);
        const char32_t right = first_char(*g, cps);
        if (gap > span_split_gap_em * em || cutter.cuts(*prev, *g) || separates_cells(left, right, gap / em)) {
            writer.finish(out);
            writer.start(*g, line_key);
        } else {
            writer.extend(*g, gap > word_space_em * em && !is_cjk_codepoint(left) && !is_cjk_codepoint(right));
        }
        run_right = std::max(run_right, g->box.x1);
        prev = g;
    }
    writer.finish(out);
}

// Spans of the glyphs running in `direction`, with boxes in the page frame.
void build_direction(const std::vector<PdfGlyph>& glyphs, GlyphDirection direction,
                     const std::vector<char32_t>& cps, const std::vector<Ruling>& rulings,
                     std::vector<SpanDraft>& out) {
    const Frame frame = frame_for(direction);
    const bool turned = direction != GlyphDirection::right;
    std::vector<PdfGlyph> local;
    for (const PdfGlyph& g : glyphs) {
        if (g.direction != direction || g.text_length == 0) continue;
        PdfGlyph l = g;
        if (turned) {
            l.box = frame.map(g.box, false);
            l.origin = frame.to_local(g.origin);
        }
        local.push_back(l);
    }
    if (local.empty()) return;
    std::vector<const PdfGlyph*> order(local.size());
    for (std::size_t i = 0; i < local.size(); ++i) order[i] = &local[i];
    std::stable_sort(order.begin(), order.end(),
                     [](const PdfGlyph* a, const PdfGlyph* b) { return a->origin.y < b->origin.y; });

    const RulingCutter cutter(rulings, frame);
    const std::size_t first = out.size();
    std::vector<const PdfGlyph*> line;
    double line_baseline = 0;
    for (const PdfGlyph* g : order) {
        if (!line.empty() && g->origin.y - line_baseline > line_tolerance_em * g->font_size) {
            build_line(line, line_baseline, cps, cutter, out);
            line.clear();
        }
        if (line.empty()) line_baseline = g->origin.y;
        line.push_back(g);
    }
    if (!line.empty()) build_line(line, line_baseline, cps, cutter, out);
    if (!turned) return;
    for (std::size_t i = first; i < out.size(); ++i) {
        out[i].span.bbox = frame.map(out[i].span.bbox, true);
        out[i].line_key = out[i].span.bbox.y0;
    }
}

double box_distance(const Rect& a, const Rect& b) {
    const double dx = std::max({0.0, b.x0 - a.x1, a.x0 - b.x1});
    const double dy = std::max({0.0, b.y0 - a.y1, a.y0 - b.y1});
    return std::max(dx, dy);
}

void build_slanted(const std::vector<PdfGlyph>& glyphs, const std::vector<char32_t>& cps,
                   std::vector<SpanDraft>& out) {
    SpanWriter writer(cps);
    const PdfGlyph* prev = nullptr;
    for (const PdfGlyph& g : glyphs) {
        if (g.direction != GlyphDirection::other || g.text_length == 0) continue;
        if (prev && box_distance(prev->box, g.box) <= slanted_join_em * g.font_size) {
            writer.extend(g, false);
        } else {
            writer.finish(out);
            writer.start(g, g.box.y0);
        }
        prev = &g;
    }
    writer.finish(out);
}

}  // namespace

std::vector<TextSpan> build_text_spans(const std::vector<PdfGlyph>& glyphs,
                                       const std::vector<char32_t>& codepoints,
                                       const std::vector<Ruling>& rulings) {
    std::vector<SpanDraft> drafts;
    for (GlyphDirection direction :
         {GlyphDirection::right, GlyphDirection::down, GlyphDirection::left, GlyphDirection::up})
        build_direction(glyphs, direction, codepoints, rulings, drafts);
    build_slanted(glyphs, codepoints, drafts);

    std::stable_sort(drafts.begin(), drafts.end(), [](const SpanDraft& a, const SpanDraft& b) {
        if (a.line_key != b.line_key) return a.line_key < b.line_key;
        return a.span.bbox.x0 < b.span.bbox.x0;
    });
    std::vector<TextSpan> spans;
    spans.reserve(drafts.size());
    for (SpanDraft& d : drafts) spans.push_back(std::move(d.span));
    return spans;
}

bool is_cjk_codepoint(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) ||   // radicals, punctuation, kana, ideographs
           (c >= 0xAC00 && c <= 0xD7AF) ||   // hangul
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFE30 && c <= 0xFE4F) ||   // compatibility forms
           (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms
           (c >= 0x20000 && c <= 0x3FFFF);   // supplementary ideographs
}

std::u32string decode_utf8(const std::string& text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) append_utf8(out, c);
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

}  // namespace budgetpdf
