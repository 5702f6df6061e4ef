// The capture device: a Poppler OutputDev that keeps glyphs and ruling candidates.
//
// How it works: PDFDoc::displayPage at 72 dpi with rotate 0, the crop box and an upside-down
// device makes GfxState's CTM map user space straight to points with the origin at the
// top-left of the page as a viewer shows it, /Rotate included (the reader turns it further
// when its text runs sideways). drawChar records each glyph's box (advance × font
// ascent/descent, through the text matrix and CTM), its reading direction and its Unicode,
// unless the glyph lies outside the clip; stroke and fill hand straight segments and filled
// rectangles (or thin quadrilaterals with mitred ends) to the ruling builder with the current
// clip box. Images, shadings and patterns are skipped without decoding (an image's box and
// resolution are noted for routing to OCR; an opaque image also hides the glyphs drawn under
// it), and content drawn into a soft mask is ignored. A page that exceeds a work limit (glyphs, path points, form drawings, graphics-state saves, or operators
// counted through Poppler's abort check) stops being read there: hostile content such as forms
// nested to millions of segments costs a second or two, never a hang. The limits count work,
// never time, so a page reads the same on every machine and under any load. Saves are counted
// for work the other limits do not see: a damaged form drawn again on every one of thousands
// of uses costs Poppler a decoding each time, inside a q … Q that reaches this device. A
// batch's per-document wall-clock timeout (pipeline/worker_pool.h) is the last resort,
// outside the page reader.
#include "extract/poppler_capture.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <GfxFont.h>
#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>

namespace budgetpdf {
namespace {

constexpr double render_dpi = 72.0;              // device units are points
constexpr double near_white_level = 0.95;        // lighter strokes/fills are invisible on paper
constexpr double min_visible_opacity = 0.01;
constexpr double opaque_level = 0.99;            // an image at least this opaque hides what is under it
constexpr int invisible_render_bits = 3;         // text render modes 3 and 7 paint nothing
constexpr double default_ascent_em = 0.9;        // used when the font gives no usable metric
constexpr double default_descent_em = -0.2;
constexpr double max_direction_skew = 0.1;       // |dy|/dx of the advance still left-to-right
constexpr double corner_tolerance_pt = 0.1;      // a rectangle's corners may be off by this
constexpr double min_glyph_width_pt = 0.1;
// Work limits per page, far above any real table page (a dense A4 table draws ~10,000
// glyphs and a few thousand border segments).
constexpr long max_page_glyphs = 200'000;
constexpr long max_page_path_points = 200'000;
constexpr long max_page_abort_checks = 200'000;  // Poppler asks after every 11 operators or so
constexpr long max_page_form_draws = 20'000;     // form XObjects drawn, nested ones included
constexpr long max_page_state_saves = 50'000;    // q operators and form entries (real pages: < 2,000)

bool is_unreadable(char32_t c) {
    return c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || (c >= 0xD800 && c <= 0xDFFF);
}
bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }
bool is_blank(char32_t c) {
    return c == 0x20 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

bool near_white(const GfxRGB& rgb) {
    return colToDbl(rgb.r) >= near_white_level && colToDbl(rgb.g) >= near_white_level &&
           colToDbl(rgb.b) >= near_white_level;
}

// The reading direction from the glyph's up vector, checked against its advance.
GlyphDirection direction_of(double up_x, double up_y, double adv_x, double adv_y) {
    const double up_len = std::hypot(up_x, up_y);
    if (up_len <= 0) return GlyphDirection::other;
    const double ux = up_x / up_len;
    const double uy = up_y / up_len;
    GlyphDirection direction = GlyphDirection::other;
    double ax = 0, ay = 0;  // the advance this direction expects
    if (uy < 0 && std::abs(ux) <= max_direction_skew) direction = GlyphDirection::right, ax = 1;
    else if (ux > 0 && std::abs(uy) <= max_direction_skew) direction = GlyphDirection::down, ay = 1;
    else if (uy > 0 && std::abs(ux) <= max_direction_skew) direction = GlyphDirection::left, ax = -1;
    else if (ux < 0 && std::abs(uy) <= max_direction_skew) direction = GlyphDirection::up, ay = -1;
    else return GlyphDirection::other;
    const double along = adv_x * ax + adv_y * ay;
    const double across = std::abs(adv_x * ay - adv_y * ax);
    if (along == 0 && across == 0) return direction;
    return along > 0 && across <= max_direction_skew * along ? direction : GlyphDirection::other;
}

class CaptureDevice final : public OutputDev {
public:
    explicit CaptureDevice(CapturedPage& out) : out_(out) {}

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }

    // Poppler's abort check: true once the page has exceeded a work limit.
    static bool should_abort(void* device) { return static_cast<CaptureDevice*>(device)->count_abort_check(); }

    void startPage(int, GfxState* state, XRef*) override {
        out_.width = state->getPageWidth();
        out_.height = state->getPageHeight();
    }

    // Counted because Poppler's abort check is not reached inside nested forms of few
    // operators, while nesting can draw them millions of times. Once the page is stopped,
    // useDrawForm makes every further form a no-op drawForm call instead of interpreting it.
    bool useDrawForm() override { return stopped(); }
    void beginForm(Ref) override {
        if (++form_draws_ > max_page_form_draws) stop("more than " + std::to_string(max_page_form_draws) + " form drawings");
    }
    void saveState(GfxState*) override {
        if (++state_saves_ > max_page_state_saves)
            stop("more than " + std::to_string(max_page_state_saves) + " graphics state saves");
    }

    void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                  double origin_y, CharCode code, int n_bytes, const Unicode* u, int u_len) override;
    void stroke(GfxState* state) override;
    void fill(GfxState* state) override { fill_path(state); }
    void eoFill(GfxState* state) override { fill_path(state); }

    bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int,
                           int, double, double) override {
        return true;
    }
    bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
    bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
    bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
    bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
    bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }

    // Inline image data sits in the content stream and must still be consumed by the base
    // class; other images are never decoded.
    void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                       bool interpolate, bool inline_img) override {
        note_image(state, width, height);
        if (inline_img) OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);
    }
    void setSoftMaskFromImageMask(GfxState* state, Object* ref, Stream* str, int width, int height,
                                  bool invert, bool inline_img, double*) override {
        if (inline_img) OutputDev::drawImageMask(state, ref, str, width, height, invert, false, inline_img);
    }
    void unsetSoftMaskFromImageMask(GfxState*, double*) override {}
    void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                   GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                   bool inline_img) override {
        note_image(state, width, height);
        if (!mask_colors) hide_glyphs_under_image(state);
        if (inline_img)
            OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_img);
    }
    void setSoftMask(GfxState*, const double*, bool, Function*, GfxColor*) override { soft_mask_ = true; }
    void clearSoftMask(GfxState*) override { soft_mask_ = false; }
    void drawMaskedImage(GfxState* state, Object*, Stream*, int width, int height, GfxImageColorMap*, bool, Stream*,
                         int, int, bool, bool) override {
        note_image(state, width, height);
    }
    void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int width, int height, GfxImageColorMap*, bool,
                             Stream*, int, int, GfxImageColorMap*, bool) override {
        note_image(state, width, height);
    }

    void beginTransparencyGroup(GfxState*, const double*, GfxColorSpace*, bool, bool, bool for_soft_mask) override {
        group_is_mask_.push_back(for_soft_mask);
        if (for_soft_mask) ++mask_depth_;
    }
    void endTransparencyGroup(GfxState*) override {
        if (group_is_mask_.empty()) return;
        if (group_is_mask_.back()) --mask_depth_;
        group_is_mask_.pop_back();
    }

private:
    bool stopped() const { return !out_.content.stopped_early.empty(); }
    void stop(const std::string& reason) {
        if (!stopped()) out_.content.stopped_early = reason;
    }
    bool count_abort_check() {
        if (++abort_checks_ > max_page_abort_checks)
            stop("more than " + std::to_string(max_page_abort_checks * 10) + " content operators");
        return stopped();
    }
    // False (and the page stopped) once the path points drawn so far exceed the limit.
    bool count_path_points(const GfxPath* path) {
        for (int s = 0; s < path->getNumSubpaths(); ++s) path_points_ += path->getSubpath(s)->getNumPoints();
        out_.content.path_points = path_points_;
        if (path_points_ > max_page_path_points)
            stop("more than " + std::to_string(max_page_path_points) + " path points");
        return !stopped();
    }
    void fill_path(GfxState* state);
    // Counts an image and adds the area of its box (the unit square through the CTM, clipped);
    // the largest image's resolution is kept (a scan's).
    void note_image(GfxState* state, int width_px, int height_px) {
        ++out_.content.images_drawn;
        double xs[4], ys[4];
        state->transform(0, 0, &xs[0], &ys[0]);
        state->transform(1, 0, &xs[1], &ys[1]);
        state->transform(0, 1, &xs[2], &ys[2]);
        state->transform(1, 1, &xs[3], &ys[3]);
        const Rect clip = clip_rect(state);
        const double x0 = std::max(*std::min_element(xs, xs + 4), clip.x0);
        const double x1 = std::min(*std::max_element(xs, xs + 4), clip.x1);
        const double y0 = std::max(*std::min_element(ys, ys + 4), clip.y0);
        const double y1 = std::min(*std::max_element(ys, ys + 4), clip.y1);
        if (x1 > x0 && y1 > y0) out_.content.image_area += (x1 - x0) * (y1 - y0);
        const double drawn_w = *std::max_element(xs, xs + 4) - *std::min_element(xs, xs + 4);
        const double drawn_h = *std::max_element(ys, ys + 4) - *std::min_element(ys, ys + 4);
        const double area = drawn_w * drawn_h;
        if (area > largest_image_area_ && drawn_w > 0 && drawn_h > 0) {
            largest_image_area_ = area;
            // Pixels along the drawn box's longer side, whichever way the image is turned.
            const double pixels = std::max(width_px, height_px), points = std::max(drawn_w, drawn_h);
            out_.content.image_ppi = pixels / points * 72.0;
        }
    }
    double largest_image_area_ = 0;
    void hide_glyphs_under_image(GfxState* state);
    static Rect clip_rect(GfxState* state) {
        Rect r;
        state->getClipBBox(&r.x0, &r.y0, &r.x1, &r.y1);
        return r;
    }

    CapturedPage& out_;
    std::vector<bool> group_is_mask_;
    int mask_depth_ = 0;
    bool soft_mask_ = false;
    long abort_checks_ = 0;
    long path_points_ = 0;
    long form_draws_ = 0;
    long state_saves_ = 0;
};

void CaptureDevice::drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                             double origin_y, CharCode, int n_bytes, const Unicode* u, int u_len) {
    if (mask_depth_ > 0 || stopped()) return;
    PdfPageCapture& page = out_.content;
    if (++page.drawn_glyphs > max_page_glyphs) {
        stop("more than " + std::to_string(max_page_glyphs) + " glyphs");
        return;
    }
    const GfxFont* font = state->getFont().get();
    if (!font) return;
    if (u_len <= 0 || !u) {
        ++page.unreadable_glyphs;
        return;
    }

    const auto text_begin = static_cast<std::uint32_t>(page.codepoints.size());
    bool unreadable = false;
    for (int i = 0; i < u_len; ++i) {
        const char32_t c = u[i];
        if (is_control(c)) {
            unreadable = true;
            continue;
        }
        if (is_blank(c)) continue;
        if (is_unreadable(c)) unreadable = true;
        page.codepoints.push_back(c);
    }
    if (unreadable) ++page.unreadable_glyphs;
    const auto text_length = static_cast<std::uint32_t>(page.codepoints.size() - text_begin);
    if (text_length == 0) return;

    // The advance without character and word spacing, as the glyph's own width.
    double spacing = state->getCharSpace();
    if (n_bytes == 1 && u_len == 1 && u[0] == 0x20) spacing += state->getWordSpace();
    double sdx = 0, sdy = 0;
    if (font->getWMode() == 0)
        state->textTransformDelta(spacing * state->getHorizScaling(), 0, &sdx, &sdy);
    else
        state->textTransformDelta(0, spacing, &sdx, &sdy);
    double adv_x = 0, adv_y = 0;
    state->transformDelta(dx - sdx, dy - sdy, &adv_x, &adv_y);

    double px = 0, py = 0;
    state->transform(x - origin_x, y - origin_y, &px, &py);

    double ascent = font->getAscent();
    double descent = font->getDescent();
    if (!(ascent > 0.5 && ascent <= 1.1)) ascent = default_ascent_em;
    if (!(descent >= -0.5 && descent < 0)) descent = default_descent_em;
    const double font_size = state->getFontSize();
    double up_tx = 0, up_ty = 0, up_x = 0, up_y = 0;
    state->textTransformDelta(0, font_size, &up_tx, &up_ty);
    state->transformDelta(up_tx, up_ty, &up_x, &up_y);

    PdfGlyph g;
    g.text_begin = text_begin;
    g.text_length = text_length;
    g.font_size = state->getTransformedFontSize();
    const double xs[4] = {px + up_x * descent, px + up_x * ascent, px + adv_x + up_x * descent,
                          px + adv_x + up_x * ascent};
    const double ys[4] = {py + up_y * descent, py + up_y * ascent, py + adv_y + up_y * descent,
                          py + adv_y + up_y * ascent};
    g.box = {*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
             *std::max_element(ys, ys + 4)};
    if (g.box.x1 - g.box.x0 < min_glyph_width_pt) g.box.x1 = g.box.x0 + min_glyph_width_pt;
    if (g.box.y1 - g.box.y0 < min_glyph_width_pt) g.box.y1 = g.box.y0 + min_glyph_width_pt;

    g.origin = {px, py};
    // Glyphs outside the clip (text overflowing a clipped frame, or off the page) are invisible.
    const Rect clip = clip_rect(state);
    if (!rect_contains(clip, {g.box.center_x(), g.box.center_y()})) {
        page.codepoints.resize(text_begin);
        return;
    }
    g.direction = font->getWMode() == 0 ? direction_of(up_x, up_y, adv_x, adv_y) : GlyphDirection::other;
    g.invisible = (state->getRender() & invisible_render_bits) == invisible_render_bits;
    page.glyphs.push_back(g);
}

// An opaque image (no colour-key mask, no soft mask, full opacity, normal blending) drawn
// over text hides it: glyphs drawn before it whose centre it covers are not on the page as
// printed. Invisible glyphs (an OCR layer drawn under its scan) stay.
void CaptureDevice::hide_glyphs_under_image(GfxState* state) {
    if (mask_depth_ > 0 || soft_mask_ || stopped() || state->getFillOpacity() < opaque_level ||
        state->getBlendMode() != gfxBlendNormal)
        return;
    Rect box{1e18, 1e18, -1e18, -1e18};
    for (auto [ux, uy] : {std::pair{0.0, 0.0}, std::pair{1.0, 0.0}, std::pair{0.0, 1.0}, std::pair{1.0, 1.0}}) {
        double x = 0, y = 0;
        state->transform(ux, uy, &x, &y);
        box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x), std::max(box.y1, y)};
    }
    box = rect_intersection(box, clip_rect(state));
    if (box.empty()) return;
    std::vector<PdfGlyph>& glyphs = out_.content.glyphs;
    glyphs.erase(std::remove_if(glyphs.begin(), glyphs.end(),
                                [&](const PdfGlyph& g) {
                                    return !g.invisible && rect_contains(box, {g.box.center_x(), g.box.center_y()});
                                }),
                 glyphs.end());
}

void CaptureDevice::stroke(GfxState* state) {
    if (mask_depth_ > 0 || stopped() || !count_path_points(state->getPath()) ||
        state->getStrokeOpacity() < min_visible_opacity)
        return;
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    if (near_white(rgb)) return;
    const Rect clip = clip_rect(state);
    const double width = state->getTransformedLineWidth();
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
        const GfxSubpath* sub = path->getSubpath(s);
        Point prev{};
        for (int i = 0; i < sub->getNumPoints(); ++i) {
            Point p{};
            state->transform(sub->getX(i), sub->getY(i), &p.x, &p.y);
            if (i > 0 && !sub->getCurve(i) && !sub->getCurve(i - 1)) {
                if (auto r = ruling_from_segment(prev, p, width, clip)) out_.content.rulings.push_back(*r);
            }
            prev = p;
        }
    }
}

void CaptureDevice::fill_path(GfxState* state) {
    if (mask_depth_ > 0 || stopped() || !count_path_points(state->getPath()) ||
        state->getFillOpacity() < min_visible_opacity)
        return;
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    if (near_white(rgb)) return;
    const Rect clip = clip_rect(state);
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
        const GfxSubpath* sub = path->getSubpath(s);
        const int n = sub->getNumPoints();
        if (n < 4 || n > 5) continue;
        Point pts[5];
        bool straight = true;
        for (int i = 0; i < n; ++i) {
            straight = straight && !sub->getCurve(i);
            state->transform(sub->getX(i), sub->getY(i), &pts[i].x, &pts[i].y);
        }
        if (!straight) continue;
        Rect box{pts[0].x, pts[0].y, pts[0].x, pts[0].y};
        for (int i = 1; i < n; ++i)
            box = {std::min(box.x0, pts[i].x), std::min(box.y0, pts[i].y), std::max(box.x1, pts[i].x),
                   std::max(box.y1, pts[i].y)};
        auto on_edge = [&](double v, double a, double b) {
            return std::abs(v - a) <= corner_tolerance_pt || std::abs(v - b) <= corner_tolerance_pt;
        };
        // A rectangle, or a thin quadrilateral whose long sides are axis-aligned and whose
        // ends are mitred (Excel draws each cell border that way): every corner lies on one
        // of the two long sides. ruling_from_filled_rect keeps only the thin ones.
        const bool wide = box.width() >= box.height();
        const bool on_long_sides = std::all_of(pts, pts + n, [&](const Point& p) {
            return wide ? on_edge(p.y, box.y0, box.y1) : on_edge(p.x, box.x0, box.x1);
        });
        if (!on_long_sides) continue;
        if (auto r = ruling_from_filled_rect(box, clip)) out_.content.rulings.push_back(*r);
    }
}

}  // namespace

CapturedPage capture_pdf_page(PDFDoc& doc, int page_number) {
    CapturedPage page;
    page.rotation = doc.getPageRotate(page_number);
    CaptureDevice device(page);
    doc.displayPage(&device, page_number, render_dpi, render_dpi, 0, false, true, false, &CaptureDevice::should_abort,
                    &device);
    merge_duplicate_rulings(page.content.rulings);
    return page;
}

}  // namespace budgetpdf
