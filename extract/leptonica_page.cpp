// Page preprocessing with Leptonica for the OCR path.
//
// How it works: the RGB page becomes 8-bit grey, where pixels whose red clearly exceeds their
// green and blue (seal ink) take the red channel as their grey (red dropout, as document
// scanners do): the seal turns almost paper-white while text under it stays darker, so a red
// seal across a table leaves the figures under it readable. Skew is measured on a
// binarised copy with Leptonica's sweep-and-search of projection profiles and removed by
// rotating the grey page. For measuring, a quick threshold after background normalisation
// does; the page that is read is binarised with Sauvola's local threshold (a window of about a
// character), which copes with uneven lighting, JPEG halos and text under a seal. Ruling lines are the
// ink that survives an opening with a long horizontal (vertical) line element: characters
// are far shorter than a table border. Each line component becomes one PixelLine; the mask of
// all lines, widened by a pixel, is removed from the ink so characters stand alone.
#include "extract/leptonica_page.h"

#include <algorithm>
#include <cmath>

#include <leptonica/allheaders.h>

namespace budgetpdf {
namespace {

constexpr int red_excess_min = 20;          // red − max(green, blue) above this: seal ink (JPEG blurs thin strokes' colour)
constexpr int red_excess_full = 60;         // from here on the pixel's grey is its red channel
constexpr int red_darkness_stretch_percent = 150;  // darkness of the red channel, × 1.5
constexpr double max_skew_degrees = 5.0;
// Skew: a coarse sweep in whole degrees, then a binary search down to 0.01°. Leptonica's
// confidence (best score over the sweep's worst) depends on the sweep: with 0.1° steps a
// sparse table page scores 1.4–1.8 for a skew found right to 0.02°, with 1° steps 30 and
// more; Leptonica's own deskew asks 3 of the 1° sweep.
constexpr double skew_sweep_step_degrees = 1.0;
constexpr double skew_search_end_degrees = 0.01;
constexpr double min_skew_degrees = 0.1;
constexpr float min_skew_confidence = 3.0f;
constexpr double sauvola_window_in = 0.07;  // half-window, inches (about one character)
constexpr float sauvola_factor = 0.35f;
constexpr int sauvola_tiles = 4;             // per side: the accumulators of a tile, not of the page, in memory
constexpr int quick_ink_threshold = 150;    // below this, on paper normalised to 200, is ink
constexpr double min_line_length_in = 0.25; // a ruling is at least this long
constexpr double line_bridge_in = 0.01;     // gaps a JPEG or a skew step leaves in a line
constexpr double max_line_thickness_in = 0.04;
constexpr double min_speck_in = 0.012;      // ink smaller than this both ways is noise
constexpr int line_mask_widen_px = 3;
constexpr int faint_line_min_dip = 14;      // a faint line is this much darker than the paper beside it
constexpr double faint_line_reach_in = 0.01; // the paper beside a faint line is this far from its middle
constexpr double faint_halo_in = 0.007;     // the grey fringe a character's ink has around it
constexpr double faint_line_thickness_in = 0.01;  // ink no thicker than this across may be a bit of a line
constexpr double faint_line_bridge_in = 0.06;   // where text beside a faint line took its ink out
constexpr double faint_search_halving_dpi = 250;  // from here on faint lines are searched at half resolution
constexpr double orientation_reduce_in = 0.01;  // pixel size of the orientation test image

int inch_px(double inches, double dpi) { return std::max(1, static_cast<int>(std::lround(inches * dpi))); }

}  // namespace

void PixDeleter::operator()(Pix* pix) const {
    if (pix) pixDestroy(&pix);
}

std::size_t pix_bytes(Pix* pix) {
    return static_cast<std::size_t>(pixGetWpl(pix)) * 4 * static_cast<std::size_t>(pixGetHeight(pix));
}

int pix_width(Pix* pix) { return static_cast<int>(pixGetWidth(pix)); }
int pix_height(Pix* pix) { return static_cast<int>(pixGetHeight(pix)); }

void silence_leptonica() { setMsgSeverity(L_SEVERITY_NONE); }

PixPtr grey_without_red(const RgbImage& image) {
    PixPtr grey(pixCreate(image.width, image.height, 8));
    l_uint32* data = pixGetData(grey.get());
    const int wpl = pixGetWpl(grey.get());
    const unsigned char* src = image.rgb.data();
    for (int y = 0; y < image.height; ++y) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = 0; x < image.width; ++x, src += 3) {
            const int r = src[0], g = src[1], b = src[2];
            int value = (r * 299 + g * 587 + b * 114) / 1000;
            const int excess = r - std::max(g, b);
            if (excess > red_excess_min) {
                // Red dropout: where the ink is red, the red channel is the grey value. Seal ink
                // on paper is bright in red and fades to paper; black text under a seal stays
                // darker than the seal around it (dark when the seal was stamped over the
                // print, mid-grey when it was laid over it half-transparent), which the local
                // threshold then keeps. Between the two thresholds the values are blended.
                // The red channel's darkness is stretched so the text under a half-transparent
                // seal keeps its contrast against the seal.
                const int dropped = std::max(0, 255 - (255 - r) * red_darkness_stretch_percent / 100);
                const int t = std::min(excess - red_excess_min, red_excess_full - red_excess_min);
                value = value + (dropped - value) * t / (red_excess_full - red_excess_min);
            }
            SET_DATA_BYTE(line, x, value);
        }
    }
    return grey;
}

PixPtr turn_quarters(Pix* pix, int quarters) {
    quarters = ((quarters % 4) + 4) % 4;
    if (quarters == 0) return PixPtr(pixCopy(nullptr, pix));
    return PixPtr(pixRotateOrth(pix, quarters));
}

double measure_skew_degrees(Pix* binary) {
    l_float32 angle = 0, confidence = 0;
    if (pixFindSkewSweepAndSearch(binary, &angle, &confidence, 4, 2, static_cast<l_float32>(max_skew_degrees),
                                  static_cast<l_float32>(skew_sweep_step_degrees),
                                  static_cast<l_float32>(skew_search_end_degrees)) != 0)
        return 0;
    if (confidence < min_skew_confidence || std::abs(angle) < min_skew_degrees) return 0;
    return angle;
}

PixPtr rotate_grey(Pix* grey, double degrees) {
    if (degrees == 0) return PixPtr(pixCopy(nullptr, grey));
    constexpr double radians_per_degree = 3.14159265358979323846 / 180.0;
    return PixPtr(pixRotate(grey, static_cast<l_float32>(degrees * radians_per_degree), L_ROTATE_AREA_MAP,
                            L_BRING_IN_WHITE, 0, 0));
}

PixPtr binarise_quickly(Pix* grey) {
    // Background normalisation (Leptonica's tiled estimate of the paper, mapped to one grey)
    // then one threshold: good enough to measure orientation and skew, ten times faster than
    // Sauvola's threshold on a 300 dpi page.
    PixPtr normalised(pixBackgroundNormSimple(grey, nullptr, nullptr));
    if (!normalised) return PixPtr(pixThresholdToBinary(grey, 128));
    return PixPtr(pixThresholdToBinary(normalised.get(), quick_ink_threshold));
}

PixPtr binarise(Pix* grey, double dpi) {
    Pix* out = nullptr;
    const int window = inch_px(sauvola_window_in, dpi);
    if (pixSauvolaBinarizeTiled(grey, window, sauvola_factor, sauvola_tiles, sauvola_tiles, nullptr, &out) != 0 || !out)
        return binarise_quickly(grey);
    return PixPtr(out);
}

bool text_runs_horizontally(Pix* binary, double dpi) {
    // Shrink so a character is a few pixels, close along one direction and count the long
    // components that direction gives: text lines come out long along their direction only.
    const int factor = std::max(1, static_cast<int>(std::lround(orientation_reduce_in * dpi)));
    PixPtr small(pixScaleToGray(binary, 1.0f / static_cast<l_float32>(factor)));
    if (!small) return true;
    PixPtr small_binary(pixThresholdToBinary(small.get(), 200));
    auto long_runs = [&](int hsize, int vsize) {
        PixPtr closed(pixCloseBrick(nullptr, small_binary.get(), hsize, vsize));
        BOXA* boxes = pixConnCompBB(closed.get(), 8);
        long score = 0;
        const int n = boxaGetCount(boxes);
        for (int i = 0; i < n; ++i) {
            l_int32 x, y, w, h;
            boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
            const int along = hsize > 1 ? w : h, across = hsize > 1 ? h : w;
            if (along >= 4 * across && across >= 2) score += along;
        }
        boxaDestroy(&boxes);
        return score;
    };
    return long_runs(5, 1) >= long_runs(1, 5);
}

namespace {

// The line components of `opened` (ink an opening with a long line element kept) along one
// direction, appended to `lines`; their pixels are OR-ed into `mask` when one is given.
void collect_lines(Pix* opened, bool horizontal, double dpi, std::vector<PixelLine>& lines, Pix* mask) {
    const int length = inch_px(min_line_length_in, dpi);
    const int max_thickness = inch_px(max_line_thickness_in, dpi);
    BOXA* boxes = pixConnCompBB(opened, 8);
    const int n = boxaGetCount(boxes);
    for (int i = 0; i < n; ++i) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        const int along = horizontal ? w : h, across = horizontal ? h : w;
        if (along < length) continue;
        // A thick component is a filled area (a black header band, a photo), not a line;
        // its ink stays with the text.
        const int ink = ink_pixels(opened, {x, y, w, h});
        const int thickness = std::max(1, static_cast<int>(std::lround(static_cast<double>(ink) / along)));
        if (thickness > max_thickness) continue;
        PixelLine line;
        line.horizontal = horizontal;
        line.position = horizontal ? y + h / 2 : x + w / 2;
        line.from = horizontal ? x : y;
        line.to = horizontal ? x + w : y + h;
        line.thickness = std::min(thickness, across);
        lines.push_back(line);
        if (!mask) continue;
        BOX* box = boxCreate(x, y, w, h);
        PixPtr piece(pixClipRectangle(opened, box, nullptr));
        pixRasterop(mask, x, y, w, h, PIX_SRC | PIX_DST, piece.get(), 0, 0);
        boxDestroy(&box);
    }
    boxaDestroy(&boxes);
}

// What survives a closing over gaps up to `bridge_in` then an opening with a long line element
// along one direction.
PixPtr open_along(Pix* binary, bool horizontal, double bridge_in, double dpi) {
    const int length = inch_px(min_line_length_in, dpi);
    const int bridge = inch_px(bridge_in, dpi);
    PixPtr bridged(horizontal ? pixCloseBrick(nullptr, binary, bridge, 1) : pixCloseBrick(nullptr, binary, 1, bridge));
    return PixPtr(horizontal ? pixOpenBrick(nullptr, bridged.get(), length, 1)
                             : pixOpenBrick(nullptr, bridged.get(), 1, length));
}

}  // namespace

PageLines find_lines(Pix* binary, double dpi) {
    PageLines result;
    result.mask.reset(pixCreateTemplate(binary));
    for (bool horizontal : {true, false}) {
        PixPtr opened = open_along(binary, horizontal, line_bridge_in, dpi);
        collect_lines(opened.get(), horizontal, dpi, result.lines, result.mask.get());
    }
    PixPtr widened(pixDilateBrick(nullptr, result.mask.get(), line_mask_widen_px, line_mask_widen_px));
    result.mask = std::move(widened);
    return result;
}

std::vector<PixelLine> find_faint_lines(Pix* grey, Pix* binary, Pix* line_mask, double dpi) {
    // Hairline rules print light grey, and a scan leaves them fainter still: the local
    // threshold that keeps text drops them, or keeps only bits of them beside dark text, where
    // its threshold rises. Across a line, the grey dips for a pixel or two and comes back: a
    // closing across the line's direction (a black top-hat) measures that dip against the
    // paper right beside it, however the paper's grey varies over the page. The text's ink,
    // widened over the halos of characters, is taken out, but not the bits of line it kept
    // (ink as thin across as a line) nor the lines already found: what is left is faint
    // ink only, and faint ink long enough to be a line is a line. Text never qualifies,
    // however blurred, because its ink was taken out; the paper's grain is too short. On a
    // fine page the dip is measured, and the lines are looked for, at half the resolution (the
    // darkest of each 2 x 2 pixels, so a line keeps its contrast): a quarter of the work; the
    // text is taken out at full resolution, where a line's bits stand apart from the digits
    // beside it.
    const int reduction = dpi >= faint_search_halving_dpi ? 2 : 1;
    const double search_dpi = dpi / reduction;
    PixPtr search_grey(reduction == 2 ? pixScaleGrayMinMax(grey, 2, 2, L_CHOOSE_MIN) : pixClone(grey));
    std::vector<PixelLine> lines;
    if (!search_grey) return lines;
    const int halo = 2 * inch_px(faint_halo_in, dpi) + 1;
    const int across = 2 * inch_px(faint_line_reach_in, search_dpi) + 1;
    const int thin = inch_px(faint_line_thickness_in, dpi);
    for (bool horizontal : {true, false}) {
        PixPtr dip(horizontal ? pixTophat(search_grey.get(), 1, across, L_TOPHAT_BLACK)
                              : pixTophat(search_grey.get(), across, 1, L_TOPHAT_BLACK));
        if (!dip) continue;
        pixInvert(dip.get(), dip.get());
        PixPtr dipped(pixThresholdToBinary(dip.get(), 256 - faint_line_min_dip));
        PixPtr text(pixSelectBySize(binary, thin, thin, 8, horizontal ? L_SELECT_HEIGHT : L_SELECT_WIDTH,
                                    L_SELECT_IF_GT, nullptr));
        if (!dipped || !text) continue;
        PixPtr faint = std::move(dipped);
        if (reduction == 2) {  // back to full resolution, on the page's own size
            PixPtr expanded(pixExpandBinaryPower2(faint.get(), 2));
            if (!expanded) continue;
            faint.reset(pixCreateTemplate(binary));
            pixRasterop(faint.get(), 0, 0, pix_width(faint.get()), pix_height(faint.get()), PIX_SRC, expanded.get(), 0, 0);
        }
        PixPtr text_halo(pixDilateBrick(nullptr, text.get(), halo, halo));
        pixSubtract(faint.get(), faint.get(), text_halo.get());
        pixSubtract(faint.get(), faint.get(), line_mask);
        PixPtr searched(reduction == 2 ? pixReduceRankBinary2(faint.get(), 1, nullptr) : pixClone(faint.get()));
        if (!searched) continue;
        PixPtr opened = open_along(searched.get(), horizontal, faint_line_bridge_in, search_dpi);
        collect_lines(opened.get(), horizontal, search_dpi, lines, nullptr);
    }
    for (PixelLine& line : lines) {
        line.position = line.position * reduction + reduction / 2;
        line.from *= reduction;
        line.to *= reduction;
        line.thickness *= reduction;
    }
    return lines;
}

PixPtr remove_mask(Pix* binary, Pix* mask) { return PixPtr(pixSubtract(nullptr, binary, mask)); }

void clear_boxes(Pix* binary, const std::vector<PixelBox>& boxes) {
    for (const PixelBox& b : boxes) {
        BOX* box = boxCreate(b.x, b.y, b.w, b.h);
        pixClearInRect(binary, box);
        boxDestroy(&box);
    }
}

std::vector<PixelBox> ink_components(Pix* binary, double dpi) {
    std::vector<PixelBox> out;
    const int speck = inch_px(min_speck_in, dpi);
    BOXA* boxes = pixConnCompBB(binary, 8);
    const int n = boxaGetCount(boxes);
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        if (w < speck && h < speck) continue;
        out.push_back({x, y, w, h});
    }
    boxaDestroy(&boxes);
    return out;
}

PixPtr crop_alone_for_reading(Pix* pix, const PixelBox& box, int pad_px, double scale) {
    const int x0 = std::max(0, box.x), y0 = std::max(0, box.y);
    const int x1 = std::min(pix_width(pix), box.right()), y1 = std::min(pix_height(pix), box.bottom());
    BOX* clip = boxCreate(x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0));
    PixPtr cropped(pixClipRectangle(pix, clip, nullptr));
    boxDestroy(&clip);
    if (!cropped) return nullptr;
    const bool binary = pixGetDepth(pix) == 1;
    PixPtr bordered(pixAddBorder(cropped.get(), pad_px, binary ? 0 : 255));
    if (scale == 1.0) return bordered;
    if (binary) {
        // Scale through grey so strokes stay smooth, as Tesseract prefers.
        PixPtr grey(pixConvertTo8(bordered.get(), 0));
        return PixPtr(pixScale(grey.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale)));
    }
    return PixPtr(pixScale(bordered.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale)));
}

PixPtr crop_for_reading(Pix* pix, const PixelBox& box, int pad_px, double scale) {
    // The box with its padding, and as much padding again of background around that.
    return crop_alone_for_reading(pix, PixelBox{box.x - pad_px, box.y - pad_px, box.w + 2 * pad_px, box.h + 2 * pad_px},
                                  pad_px, scale);
}

std::optional<PixelBox> ink_box(Pix* binary, const PixelBox& region) {
    BOX* in = boxCreate(region.x, region.y, std::max(1, region.w), std::max(1, region.h));
    BOX* out = nullptr;
    pixClipBoxToForeground(binary, in, nullptr, &out);
    boxDestroy(&in);
    if (!out) return std::nullopt;
    l_int32 x, y, w, h;
    boxGetGeometry(out, &x, &y, &w, &h);
    boxDestroy(&out);
    return PixelBox{x, y, w, h};
}

PixPtr grey_crop_without_lines(Pix* grey, Pix* binary, Pix* text, const PixelBox& box, int pad_px, double scale) {
    const int x0 = std::max(0, box.x - pad_px), y0 = std::max(0, box.y - pad_px);
    const int x1 = std::min(pix_width(grey), box.right() + pad_px), y1 = std::min(pix_height(grey), box.bottom() + pad_px);
    BOX* clip = boxCreate(x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0));
    PixPtr crop(pixClipRectangle(grey, clip, nullptr));
    PixPtr ink(pixClipRectangle(binary, clip, nullptr));
    PixPtr letters(pixClipRectangle(text, clip, nullptr));
    boxDestroy(&clip);
    if (!crop || !ink || !letters) return nullptr;
    PixPtr lines(pixSubtract(nullptr, ink.get(), letters.get()));
    PixPtr widened(pixDilateBrick(nullptr, lines.get(), line_mask_widen_px, line_mask_widen_px));
    pixPaintThroughMask(crop.get(), widened.get(), 0, 0, 255);
    PixPtr bordered(pixAddBorder(crop.get(), pad_px, 255));
    if (scale == 1.0) return bordered;
    return PixPtr(pixScale(bordered.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale)));
}

int ink_pixels(Pix* binary, const PixelBox& box) {
    BOX* b = boxCreate(box.x, box.y, std::max(1, box.w), std::max(1, box.h));
    l_int32 count = 0;
    pixCountPixelsInRect(binary, b, &count, nullptr);
    boxDestroy(&b);
    return count;
}

}  // namespace budgetpdf
