// Routing of pages between the text layer and OCR.
//
// How it works: the capture counts glyphs drawn, glyphs without usable Unicode, images (and
// the area they cover) and path points. A page with no glyph is blank, a scan (images) or
// text drawn as outlines (many path points). A page whose glyphs mostly lack Unicode is
// unreadable, and so is a short page (a table's last rows) whose characters other than digits
// mostly lack it. A page whose glyphs decode is still checked for plausibility: its characters
// must be mostly CJK, Latin, digits and punctuation, and its ideographs mostly common ones —
// a font without /ToUnicode whose glyph ids Poppler passes through as code points gives
// random rare ideographs or other scripts, while a font whose CMap (Adobe-GB1) maps its CIDs
// correctly gives ordinary text and stays on the text path. A page with images over most of
// its area and only a few glyphs (a scanned page with a typed header) is mixed.
#include "extract/ocr_routing.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <string_view>

namespace budgetpdf {
namespace {

constexpr double unreadable_glyph_share = 0.5;      // more unreadable glyphs than this: unreadable
constexpr long max_blank_path_points = 2000;        // more path points and no glyph: outlines
constexpr double min_scan_image_share = 0.3;        // images covering this much with no text: a scan
constexpr int min_codepoints_to_judge = 20;         // fewer characters: too few to call implausible
constexpr int min_words_to_judge_unreadable = 8;    // a short page (a table's last rows) whose words are
constexpr double short_page_unreadable_share = 0.5; // mostly unreadable glyphs is unreadable too
constexpr double min_plausible_share = 0.7;         // of all characters, in plausible ranges
constexpr double min_common_ideograph_share = 0.75; // of the ideographs, in GB 2312
constexpr double max_odd_sign_share = 0.3;          // of the non-digit characters, controls and signs such as < > ? Ñ ¢
constexpr double mixed_image_share = 0.5;           // images cover at least this much …
constexpr int mixed_max_glyphs = 60;                // … and the text layer has fewer glyphs

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

bool is_ideograph(char32_t c) { return in(c, 0x4E00, 0x9FFF) || in(c, 0x3400, 0x4DBF); }

// Characters a Chinese budget page prints: CJK ideographs and punctuation, full-width forms,
// ASCII, Latin-1 signs, general punctuation, circled and Roman numerals, box drawing.
bool is_plausible(char32_t c) {
    return is_ideograph(c) || in(c, 0x20, 0x7E) || in(c, 0xA0, 0xFF) || in(c, 0x2000, 0x206F) ||
           in(c, 0x2100, 0x21FF) || in(c, 0x2460, 0x24FF) || in(c, 0x2500, 0x257F) || in(c, 0x25A0, 0x25FF) ||
           in(c, 0x3000, 0x303F) || in(c, 0xFF00, 0xFFEF) || in(c, 0xF900, 0xFAFF) || in(c, 0x2E80, 0x2FDF);
}

// Characters a font's glyph ids become when they are read as ASCII or Latin-1 codes: signs a
// budget page seldom prints (not . , - : ( ) % / which amounts, dates and labels use).
bool is_odd_sign(char32_t c) {
    if (c < 0x80) return std::u32string_view(U"!\"#$&'*+;<=>?@[\\]^_`{|}~").find(c) != std::u32string_view::npos;
    if (c <= 0xFF) return std::u32string_view(U"×÷·°±§").find(c) == std::u32string_view::npos;
    return false;
}

std::string utf8_of(char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
}

}  // namespace

double common_ideograph_share(const std::vector<char32_t>& codepoints) {
    iconv_t to_gb = iconv_open("GB2312", "UTF-8");
    if (to_gb == reinterpret_cast<iconv_t>(-1)) return 1.0;
    int ideographs = 0, common = 0;
    for (char32_t c : codepoints) {
        if (!is_ideograph(c)) continue;
        ++ideographs;
        std::string in_text = utf8_of(c);
        char out_buffer[8];
        char* in_ptr = in_text.data();
        size_t in_left = in_text.size();
        char* out_ptr = out_buffer;
        size_t out_left = sizeof(out_buffer);
        if (iconv(to_gb, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<size_t>(-1)) ++common;
        iconv(to_gb, nullptr, nullptr, nullptr, nullptr);
    }
    iconv_close(to_gb);
    return ideographs == 0 ? 1.0 : static_cast<double>(common) / ideographs;
}

TextLayerVerdict assess_text_layer(const PdfPageCapture& capture, double page_area_pt2) {
    const double image_share = page_area_pt2 > 0 ? std::min(1.0, capture.image_area / page_area_pt2) : 0.0;
    const auto percent = [](double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; };
    if (capture.glyphs.empty() && capture.unreadable_glyphs == 0) {
        if (capture.images_drawn > 0 && image_share >= min_scan_image_share)
            return {TextLayerState::no_text, "no text layer; images cover " + percent(image_share) + " of the page"};
        if (capture.path_points > max_blank_path_points)
            return {TextLayerState::outlines, "no text layer; " + std::to_string(capture.path_points) +
                                                  " path points (text drawn as outlines)"};
        if (capture.images_drawn > 0)
            return {TextLayerState::no_text, "no text layer; images cover " + percent(image_share) + " of the page"};
        return {TextLayerState::blank, "nothing printed"};
    }
    const int counted = std::max(capture.drawn_glyphs, 1);
    if (capture.unreadable_glyphs > unreadable_glyph_share * counted)
        return {TextLayerState::unreadable, std::to_string(capture.unreadable_glyphs) + " of " +
                                                std::to_string(capture.drawn_glyphs) +
                                                " glyphs have no usable Unicode (font without ToUnicode?)"};
    const auto& cps = capture.codepoints;
    // Glyph ids read as character codes: control characters (counted unreadable), Latin-1
    // letters and signs such as < > ?. Digits of a table in another, well-mapped font must not
    // hide them, so they are measured against the characters that are not digits or the
    // separators amounts use.
    const auto wordish = std::count_if(cps.begin(), cps.end(), [](char32_t c) {
        return !(c >= U'0' && c <= U'9') && std::u32string_view(U".,-:()%/").find(c) == std::u32string_view::npos;
    });
    const auto odd = std::count_if(cps.begin(), cps.end(), is_odd_sign) + capture.unreadable_glyphs;
    const auto judged = wordish + capture.unreadable_glyphs;
    // A page with few words (the last rows of a table: labels and amounts) is judged on them
    // alone: most of them without usable Unicode is a font without ToUnicode, however short.
    if (judged >= min_words_to_judge_unreadable && judged < min_codepoints_to_judge &&
        capture.unreadable_glyphs >= short_page_unreadable_share * static_cast<double>(judged))
        return {TextLayerState::unreadable, std::to_string(capture.unreadable_glyphs) + " of the " +
                                                std::to_string(judged) +
                                                " characters other than digits have no usable Unicode (font without "
                                                "ToUnicode?)"};
    if (judged >= min_codepoints_to_judge && odd >= max_odd_sign_share * static_cast<double>(judged))
        return {TextLayerState::implausible,
                std::to_string(odd) + " of " + std::to_string(judged) +
                    " characters other than digits are control characters, Latin-1 letters or signs such as < > ? "
                    "(glyph ids taken for character codes: a font without ToUnicode?)"};
    if (static_cast<int>(cps.size()) >= min_codepoints_to_judge) {
        const auto plausible = std::count_if(cps.begin(), cps.end(), is_plausible);
        const double share = static_cast<double>(plausible) / static_cast<double>(cps.size());
        if (share < min_plausible_share)
            return {TextLayerState::implausible,
                    "only " + percent(share) + " of the text's characters are Chinese, Latin or punctuation"};
        const int ideographs = static_cast<int>(std::count_if(cps.begin(), cps.end(), is_ideograph));
        if (ideographs >= min_codepoints_to_judge) {
            const double common = common_ideograph_share(cps);
            if (common < min_common_ideograph_share)
                return {TextLayerState::implausible, "only " + percent(common) +
                                                         " of the ideographs are common characters (glyph ids taken "
                                                         "for Unicode?)"};
        }
    }
    if (image_share >= mixed_image_share && static_cast<int>(capture.glyphs.size()) < mixed_max_glyphs)
        return {TextLayerState::mixed, "images cover " + percent(image_share) + " of the page and the text layer has " +
                                           std::to_string(capture.glyphs.size()) + " glyphs"};
    return {TextLayerState::usable, ""};
}

bool routes_to_ocr(TextLayerState state, OcrMode mode) {
    switch (mode) {
    case OcrMode::never: return false;
    case OcrMode::always: return state != TextLayerState::blank;
    case OcrMode::automatic: return state != TextLayerState::usable && state != TextLayerState::blank;
    }
    return false;
}

const char* text_layer_state_name(TextLayerState state) {
    switch (state) {
    case TextLayerState::usable: return "usable";
    case TextLayerState::blank: return "blank";
    case TextLayerState::no_text: return "no_text";
    case TextLayerState::outlines: return "outlines";
    case TextLayerState::unreadable: return "unreadable";
    case TextLayerState::implausible: return "implausible";
    case TextLayerState::mixed: return "mixed";
    }
    return "usable";
}

}  // namespace budgetpdf
