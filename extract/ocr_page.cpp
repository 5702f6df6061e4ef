// The raster path for one page.
//
// How it works: the page is rendered at the OCR resolution (300 dpi by default) and turned
// to grey with red seal ink removed. Orientation: a binarised copy tells whether its text
// lines run along the rows or the columns (a sideways page is turned a quarter); then a few
// text lines are read upright and upside down, and the reading with the higher confidence
// wins. The skew of the turned page is measured and removed, the page binarised again, the
// ruling lines found and removed, and the remaining ink grouped into text lines. Only the
// lines that are table borders (long, or meeting lines at both ends) become rulings: the ring
// of a seal is removed from the ink but cuts no cell. Each text line is read as a single line
// (chi_sim+eng); one that reads as an amount or code is read again with the digits-only
// charset when it holds stray letters, which that charset cannot confuse with 0 or 1; one
// that reads as nothing is read again from the grey page as one word; on a scan below
// 250 dpi an unsure Chinese line is read from the grey page too and the surer reading kept.
// The result is a Page like the text layer gives: spans with Tesseract's confidence and
// rulings, in points of the upright, levelled page, so the table finder and everything after
// it run unchanged.
#include "extract/ocr_page.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>

#include <leptonica/allheaders.h>

#include "extract/ocr_borders.h"
#include "extract/ocr_text_mends.h"
#include "extract/ocr_text_lines.h"
#include "extract/pdf_geometry.h"
#include "extract/raster_render.h"
#include "extract/table_text.h"
#include "model/geometry.h"

namespace budgetpdf {
namespace {

constexpr double points_per_inch = 72.0;
constexpr int orientation_sample_lines = 8;
constexpr double min_sample_aspect = 3.0;       // sample lines at least this many heights wide
constexpr double flip_confidence_margin = 0.05; // per line: an upright page is read upside down only by this much more
constexpr double crop_pad_share = 0.3;          // white margin around a line, of its height
constexpr int min_crop_pad_px = 4;
constexpr std::size_t max_junk_lead_chars = 3;  // marks a lead-in may be misread as (nN\ for 一、)
constexpr double numeric_share = 0.6;           // of a line's characters, digits or separators
constexpr double cjk_height_em = 0.9;           // a CJK line box's height in ems
constexpr double latin_height_em = 0.72;        // a digits-only line's height in ems
constexpr double noise_confidence = 0.3;        // short reads below this are specks, not text
constexpr std::size_t noise_max_bytes = 3;
constexpr double wrap_gap_share = 0.6;          // a wrapped label's next line lies at most this far below
constexpr double line_height_share = 1.2;       // a line's height, of the median ink height
constexpr double free_border_length_in = 1.0;   // shorter lines are borders only where both ends meet lines
constexpr double border_anchor_in = 0.03;
constexpr int ruling_residue_px = 3;            // how far from a ruling's centre its leftovers lie
constexpr double remnant_reach_share = 2.0;     // pieces of a broken ruling lie this many glyph heights beyond its ends
constexpr double speck_share = 0.25;            // boxes smaller than this × a line's height every way are specks
constexpr double flat_line_share = 0.6;         // lines flatter than this × a line's height are flat marks
constexpr int max_line_height_px = 40;
constexpr int min_line_height_px = 24;          // shorter lines are scaled up to this for reading
constexpr int min_upscaled_height_px = 8;       // (not specks and flat marks)
constexpr double max_upscale = 2.0;          // taller lines are scaled down to this for reading
constexpr int grey_line_height_px = 56;      // a line read again from the grey page, at this height
constexpr double grey_reading_below_dpi = 250;  // below, a surer grey reading of an unsure Chinese line replaces it
constexpr double sure_line_confidence = 0.95;
constexpr double single_glyph_aspect = 1.3;     // a box no wider than this × its height holds one character
constexpr double ordinal_gap_share = 1.3;       // an ordinal joins a label this many heights away
constexpr double ordinal_overlap_share = 0.5;
constexpr double stacked_lines_share = 1.7;      // a text line this many line heights tall holds several
constexpr double min_band_share = 0.4;           // (a band of ink shorter than this is part of a line)
constexpr double min_ordinal_confidence = 0.5;   // a lead-in read as an ordinal at least this sure
constexpr double lead_in_max_lines = 2.5;        // a lead-in (一、 （三）) is at most this many line heights wide
constexpr int max_circled_numeral = 20;          // ① … ⑳
constexpr int circled_digits_height_px = 32;     // a circled numeral's digits are read this tall
constexpr double lead_in_start_lines = 1.6;      // how much of a line's start an ordinal 一、 takes
constexpr int latin_trial_lines = 16;             // numbers of a page read by both models before trusting the Chinese one

int crop_pad(const PixelBox& box) { return std::max(min_crop_pad_px, static_cast<int>(box.h * crop_pad_share)); }

// A line box grown to at least `line_height` tall around its centre: a flat line (一、, a row
// of dashes) reads as text only with the room a line of characters has.
PixelBox with_line_height(PixelBox box, int line_height) {
    // Lines of ordinary height keep their box: growing it would take in the specks a removed
    // ruling leaves above and below the text.
    if (box.h >= flat_line_share * line_height) return box;
    const int grow = line_height - box.h;
    box.y -= grow / 2;
    box.h = line_height;
    return box;
}

// Text lines of a binarised page: lines found and removed, ink grouped. With the page's grey,
// lines too faint for the binarised page (hairlines) are found there too.
struct LineLayout {
    PixPtr text;
    std::vector<PixelLine> lines;
    std::vector<PixelBox> text_lines;
};

LineLayout lay_out_lines(Pix* binary, Pix* grey, double dpi) {
    LineLayout layout;
    PageLines lines = find_lines(binary, dpi);
    layout.text = remove_mask(binary, lines.mask.get());
    layout.lines = std::move(lines.lines);
    if (grey) {
        std::vector<PixelLine> faint = find_faint_lines(grey, binary, lines.mask.get(), dpi);
        layout.lines.insert(layout.lines.end(), faint.begin(), faint.end());
    }
    std::vector<PixelBox> components = ink_components(layout.text.get(), dpi);
    const int reach = static_cast<int>(remnant_reach_share * typical_glyph_height(components));
    std::vector<PixelBox> remnants;
    std::erase_if(components, [&](const PixelBox& b) {
        const bool remnant = ruling_remnant(b, layout.lines, ruling_residue_px, reach);
        if (remnant) remnants.push_back(b);
        return remnant;
    });
    clear_boxes(layout.text.get(), remnants);
    layout.text_lines = group_text_lines(components, layout.lines);
    return layout;
}

double mean_confidence(const OcrLine& line) {
    if (line.symbols.empty()) return 0;
    double sum = 0;
    for (const OcrSymbol& s : line.symbols) sum += s.confidence;
    return sum / static_cast<double>(line.symbols.size());
}

// True when the sample lines read better turned half round.
// `margin_per_line`: how much better, per line, the half-turned reading must be.
// `upright_reads`: the sample lines as read upright (crops as the page's reading makes them).
bool reads_upside_down(const LineLayout& layout, TesseractEngine& engine, double dpi, double margin_per_line,
                       std::vector<std::pair<PixelBox, OcrLine>>& upright_reads) {
    std::vector<PixelBox> sample;
    for (const PixelBox& b : layout.text_lines)
        if (b.h > 0 && b.w >= min_sample_aspect * b.h) sample.push_back(b);
    std::sort(sample.begin(), sample.end(), [](const PixelBox& a, const PixelBox& b) { return a.w > b.w; });
    if (sample.size() > orientation_sample_lines) sample.resize(orientation_sample_lines);
    if (sample.empty()) return false;
    std::vector<PixPtr> crops;
    double upright = 0, flipped = 0;
    for (const PixelBox& b : sample) {
        crops.push_back(crop_for_reading(layout.text.get(), b, crop_pad(b), 1.0));
        OcrLine read = engine.read_line(crops.back().get(), dpi, OcrCharset::any);
        upright += mean_confidence(read);
        upright_reads.emplace_back(b, std::move(read));
    }
    const double needed = upright + margin_per_line * static_cast<double>(sample.size());
    if (needed >= static_cast<double>(sample.size())) return false;  // no reading is surer than 1 per line
    for (std::size_t k = 0; k < crops.size(); ++k) {
        PixPtr turned = turn_quarters(crops[k].get(), 2);
        flipped += mean_confidence(engine.read_line(turned.get(), dpi, OcrCharset::any));
        // A line adds at most 1: once the lines left cannot lift the turned reading past the
        // upright one, the page is upright (most pages know after one line).
        if (flipped + static_cast<double>(crops.size() - k - 1) <= needed) return false;
    }
    return flipped > needed;
}

bool is_digit_like(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

bool is_separator_like(char32_t c) {
    return c == U',' || c == U'.' || c == U'-' || c == U'，' || c == U'．' || c == U'。' || c == U'、' || c == U'－';
}

// A flat box lying along a horizontal ruling: what removing the line left of it, not a mark.
bool on_a_ruling(const PixelBox& box, const std::vector<PixelLine>& lines) {
    const int centre = box.y + box.h / 2;
    return std::any_of(lines.begin(), lines.end(), [&](const PixelLine& line) {
        return line.horizontal && std::abs(centre - line.position) <= line.thickness / 2 + ruling_residue_px &&
               line.from <= box.x && line.to >= box.right();
    });
}


bool has_cjk(const std::string& text) {
    for (char32_t c : decode_utf8(text))
        if (is_cjk_codepoint(c)) return true;
    return false;
}

// Text that leads into what follows it on the line: an ordinal before a label (一、 （三） 2.)
// or a label before its value (金额单位：). The 、, bracket or colon leaves a gap wider than
// between characters, so the text line stops there.
bool leads_into_next(const std::string& text) {
    std::u32string t;
    for (char32_t c : decode_utf8(text))
        if (c != U' ') t.push_back(c);
    if (t.size() >= 2 && (t.back() == U'：' || t.back() == U':')) return true;
    if (t.size() < 2) return false;
    auto numeral = [](char32_t c) {
        return is_digit_like(c) || std::u32string_view(U"一二三四五六七八九十百").find(c) != std::u32string_view::npos;
    };
    const char32_t last = t.back();
    if (last == U'、' || last == U'.' || last == U'．')
        return std::all_of(t.begin(), t.end() - 1, numeral);
    if ((t.front() == U'（' || t.front() == U'(') && (last == U'）' || last == U')') && t.size() >= 3)
        return std::all_of(t.begin() + 1, t.end() - 1, numeral);
    return false;
}

// One or two characters that are not a number: the end of a phrase whose colon the
// recogniser missed (金额单位 元), not a column of its own at that distance.
bool is_short_word(const std::string& text) {
    const std::u32string t = decode_utf8(text);
    return !t.empty() && t.size() <= 2 && std::none_of(t.begin(), t.end(), is_digit_like);
}

bool vertical_ruling_between(const Page& page, double x0, double x1, double y0, double y1) {
    for (const Ruling& r : page.rulings)
        if (r.orientation == Orientation::vertical && r.from.x > x0 && r.from.x < x1 && r.from.y <= y1 && r.to.y >= y0)
            return true;
    return false;
}

// Whether `again`, a second reading of a line, only changes characters the first reading was
// unsure of, character for character (晋 for 于 at 0.94), and is surer as a whole (its least
// sure character): a second opinion, not another text.
bool second_opinion_on_unsure(const OcrLine& first, const OcrLine& again) {
    if (again.symbols.size() != first.symbols.size() || again.confidence <= first.confidence) return false;
    bool changed = false;
    for (std::size_t k = 0; k < first.symbols.size(); ++k) {
        const OcrSymbol& a = first.symbols[k];
        const OcrSymbol& b = again.symbols[k];
        if (a.text == b.text) continue;
        if (a.confidence >= sure_line_confidence) return false;
        changed = true;
    }
    return changed;
}

std::string digits_of(const std::string& text) {
    std::string out;
    std::copy_if(text.begin(), text.end(), std::back_inserter(out), [](char c) { return c >= '0' && c <= '9'; });
    return out;
}

// An amount or a code of two digits or more, ending in a digit: not a lead-in (1、 read 1,).
bool number_like(const std::string& text) {
    return is_numeric_text(text) && !text.empty() && is_digit_like(static_cast<unsigned char>(text.back())) &&
           digits_of(text).size() >= 2;
}

// Every comma followed by three digits: not a point read as a comma (35,00), nor a digit too
// many (12,0608.20).
bool well_grouped(const std::string& text) {
    for (std::size_t i = text.find(','); i != std::string::npos; i = text.find(',', i + 1)) {
        const std::size_t next = text.find_first_of(",.", i + 1);
        if ((next == std::string::npos ? text.size() : next) - i - 1 != 3) return false;
    }
    return true;
}

bool reads_as_number(const std::string& text) { return number_like(text) && well_grouped(text); }

// The scale a line `height_px` tall is read at: tall ones down, short ones (not specks) up.
double reading_scale(int height_px) {
    if (height_px > max_line_height_px) return static_cast<double>(max_line_height_px) / height_px;
    if (height_px >= min_upscaled_height_px && height_px < min_line_height_px)
        return std::min(max_upscale, static_cast<double>(min_line_height_px) / height_px);
    return 1.0;
}

// One text line read as a single line: large print brought down to body-text size, small print
// (a unit line at 200 dpi) up to it, flat lines given a line's room. A line that reads as an
// amount with stray letters or ideographs (O for 0, l for 1) is read again with digits and
// separators only; a clean amount is kept as it is, since a forced charset can also turn a
// speck into a digit. A line the orientation check read already (PreparedPage::first_reads)
// is not read again.
// Whether a page's amounts and codes are read by the Latin model too: on the first
// latin_trial_lines numbers of the page, and on all of them once it read one's digits otherwise.
struct LatinTrial {
    int agreed = 0;
    bool differed = false;
    bool wanted() const { return differed || agreed < latin_trial_lines; }
};

OcrLine read_text_line(const PreparedPage& prepared, TesseractEngine& engine, const PixelBox& box, int line_height,
                       OcrCharset charset, LatinTrial& latin_trial) {
    const double dpi = prepared.geometry.dpi;
    const PixelBox room = with_line_height(box, line_height);
    const double scale = reading_scale(box.h);
    PixPtr crop = crop_for_reading(prepared.text.get(), room, crop_pad(room), scale);
    if (!crop) return {};
    const auto read_before = std::find_if(prepared.first_reads.begin(), prepared.first_reads.end(),
                                          [&](const auto& r) { return r.first == room; });
    const bool same_crop = charset == OcrCharset::any && scale == 1.0 && read_before != prepared.first_reads.end();
    OcrLine line = same_crop ? read_before->second : engine.read_line(crop.get(), dpi * scale, charset);
    // The grey page there, lines painted out, at a reading height: made once, when first needed.
    const double grey_scale = static_cast<double>(grey_line_height_px) / std::max(1, room.h);
    PixPtr grey;
    const auto grey_crop = [&]() {
        if (!grey)
            grey = grey_crop_without_lines(prepared.grey.get(), prepared.binary.get(), prepared.text.get(), room,
                                           crop_pad(room), grey_scale);
        return grey.get();
    };
    if (line.symbols.empty() && charset == OcrCharset::any && grey_crop()) {
        // Nothing read from the binarised ink: Tesseract's line finding drops some short lines
        // of a few Chinese characters (芙蓉区, 雨花区 on a 200 dpi scan). Read the grey page as
        // one word; a box that holds one character (the 金 a label wrapped) alone, since the
        // padding around it took in the foot of the line above (read 人金).
        if (box.w <= single_glyph_aspect * box.h) {
            PixPtr alone = crop_alone_for_reading(prepared.grey.get(), box, crop_pad(box), grey_scale);
            if (alone) line = engine.read_line(alone.get(), dpi * grey_scale, charset, false, OcrSegmentation::word);
        } else {
            line = engine.read_line(grey_crop(), dpi * grey_scale, charset, false, OcrSegmentation::word);
        }
    }
    if (charset == OcrCharset::any && has_cjk(line.text) && line.confidence < sure_line_confidence && grey_crop()) {
        // An unsure Chinese line is read again from the grey page. A scan below 250 dpi
        // binarised loses strokes of small characters (晋 read 置, 吕, 嗜): the surer reading is
        // kept. Finer pages binarise well: the grey reading only corrects the characters the
        // first was unsure of (second_opinion_on_unsure).
        OcrLine again = engine.read_line(grey_crop(), dpi * grey_scale, charset);
        const bool take = dpi < grey_reading_below_dpi ? again.confidence > line.confidence && has_cjk(again.text)
                                                       : second_opinion_on_unsure(line, again);
        if (take) line = std::move(again);
    }
    if (charset == OcrCharset::any && dpi < grey_reading_below_dpi && is_plain_number(line.text) &&
        line.confidence < sure_line_confidence && grey_crop()) {
        // An unsure amount on a coarse scan: binarised, the strokes of 5 and 9, 3 and 8 close
        // up. The grey page's reading, with digits and separators only, is kept when surer.
        OcrLine again = engine.read_line(grey_crop(), dpi * grey_scale, OcrCharset::digits);
        if (is_plain_number(again.text) && again.confidence > line.confidence) line = std::move(again);
    }
    if (charset == OcrCharset::any && looks_numeric(line.text) && !is_plain_number(line.text)) {
        OcrLine digits = engine.read_line(crop.get(), dpi * scale, OcrCharset::digits);
        if (!digits.text.empty()) line = std::move(digits);
    }
    if (charset == OcrCharset::any && number_like(line.text) && (latin_trial.wanted() || !well_grouped(line.text))) {
        // An amount or a code is Latin print: the Latin model reads it too (Times digits, which the
        // Chinese model reads 5 as 3 and 6 as 0, and as sure). Where the digits differ the surer
        // reading is kept, the Latin one when as sure; the same digits stay as first read. A page
        // whose first numbers both models read alike is left to the Chinese model after them;
        // a number whose commas do not group three digits is always read again.
        OcrLine latin = engine.read_number(crop.get(), dpi * scale);
        const bool latin_number = reads_as_number(latin.text);
        const bool differs = latin_number && digits_of(latin.text) != digits_of(line.text);
        const bool malformed = !well_grouped(line.text);
        if (differs) latin_trial.differed = true;
        else ++latin_trial.agreed;
        if (latin_number && (malformed || (differs && latin.confidence >= line.confidence))) line = std::move(latin);
    }
    return line;
}

// A line opening with a circled numeral (circled_lead): its digits read alone, without their
// ring, and the rest of the line after the ring; nothing when the digits read as no number
// from 1 to 20.
std::optional<OcrLine> read_circled_line(const PreparedPage& prepared, TesseractEngine& engine, const PixelBox& box,
                                         const std::vector<PixelBox>& components) {
    const auto has_ink = [&](const PixelBox& region) { return ink_pixels(prepared.text.get(), region) > 0; };
    const std::optional<CircledLead> lead = circled_lead(box, components, has_ink);
    if (!lead) return std::nullopt;
    const double scale = static_cast<double>(circled_digits_height_px) / std::max(1, lead->digits.h);
    PixPtr crop = crop_alone_for_reading(prepared.text.get(), lead->digits, crop_pad(lead->digits), scale);
    if (!crop) return std::nullopt;
    OcrLine digits = engine.read_line(crop.get(), prepared.geometry.dpi * scale, OcrCharset::digits);
    if (digits.text.empty()) {
        // A thin 1 alone is often dropped as a speck; the grey page keeps its weight.
        if (PixPtr grey = crop_alone_for_reading(prepared.grey.get(), lead->digits, crop_pad(lead->digits), scale))
            digits = engine.read_line(grey.get(), prepared.geometry.dpi * scale, OcrCharset::digits);
    }
    const bool plain = !digits.text.empty() && digits.text.size() <= 2 &&
                       std::all_of(digits.text.begin(), digits.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int value = plain ? std::stoi(digits.text) : 0;
    if (value < 1 || value > max_circled_numeral || digits.confidence < min_ordinal_confidence) return std::nullopt;
    OcrLine line;
    append_utf8(line.text, static_cast<char32_t>(U'①' + value - 1));
    line.confidence = digits.confidence;
    line.symbols.push_back({line.text, digits.confidence, {}});
    const PixelBox after{lead->ring.right(), box.y, box.right() - lead->ring.right(), box.h};
    const std::optional<PixelBox> ink = after.w > 0 ? ink_box(prepared.text.get(), after) : std::nullopt;
    // Read alone too: in a padded crop the ring's edge reads as a bracket.
    if (PixPtr rest = ink ? crop_alone_for_reading(prepared.text.get(), *ink, crop_pad(*ink), reading_scale(ink->h)) : nullptr) {
        const OcrLine text = engine.read_line(rest.get(), prepared.geometry.dpi * reading_scale(ink->h), OcrCharset::any);
        line.text += text.text;
        line.confidence = std::min(line.confidence, text.confidence);
        line.symbols.insert(line.symbols.end(), text.symbols.begin(), text.symbols.end());
    }
    return line;
}

bool vertical_line_between(const std::vector<PixelLine>& lines, int x0, int x1, int y0, int y1) {
    return std::any_of(lines.begin(), lines.end(), [&](const PixelLine& l) {
        return !l.horizontal && l.position > x0 && l.position < x1 && l.from <= y1 && l.to >= y0;
    });
}

// A lead-in (一、 （三） 2.) stands apart from its label by the wide gap its 、 or bracket
// leaves, so it is a text line of its own, and read alone — a flat 一 with no context — it
// comes out as a Latin letter or a sign (N, n, /). A short line (at most `lead_in_max_lines`
// line heights wide) that reads as neither Chinese nor a number, with Chinese text right
// after it on the same line and no ruling between, is read again with only numerals and
// ordinal marks allowed: a whole ordinal (一、 （三）) read so replaces it, and is joined to
// its label later. Otherwise it is read again together with that text; the joint reading
// replaces both when it holds Chinese and is no less sure than the text alone. `joined` and
// `lines` are updated in place (the text's entry is emptied).
template <typename Read>
void read_lead_ins_with_their_text(const std::vector<PixelBox>& boxes, const std::vector<PixelLine>& rulings,
                                   int line_height, const Read& read, std::vector<PixelBox>& joined,
                                   std::vector<std::optional<OcrLine>>& lines) {
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (!lines[i] || lines[i]->text.empty()) continue;
        const PixelBox& lead = boxes[i];
        const std::string& text = lines[i]->text;
        if (has_cjk(text) || is_plain_number(text) || lead.w > lead_in_max_lines * line_height)
            continue;
        std::optional<std::size_t> next;
        for (std::size_t j = 0; j < boxes.size(); ++j) {
            if (j == i || !lines[j] || !has_cjk(lines[j]->text)) continue;
            const PixelBox& b = boxes[j];
            const int height = std::max(lead.h, b.h);
            const int overlap = std::min(lead.bottom(), b.bottom()) - std::max(lead.y, b.y);
            const int gap = b.x - lead.right();
            if (overlap <= ordinal_overlap_share * std::min(lead.h, b.h) || gap < 0 || gap > ordinal_gap_share * height)
                continue;
            if (!next || b.x < boxes[*next].x) next = j;
        }
        if (!next) continue;
        OcrLine ordinal = read(lead, OcrCharset::ordinal);
        if (leads_into_next(ordinal.text) && ordinal.confidence >= min_ordinal_confidence) {
            lines[i] = std::move(ordinal);
            continue;
        }
        const PixelBox& label = boxes[*next];
        const int y0 = std::min(lead.y, label.y), y1 = std::max(lead.bottom(), label.bottom());
        if (vertical_line_between(rulings, lead.right(), label.x, y0, y1)) continue;
        const PixelBox both{lead.x, y0, label.right() - lead.x, y1 - y0};
        OcrLine together = read(both, OcrCharset::any);
        if (!has_cjk(together.text) || together.confidence < lines[*next]->confidence) continue;
        joined[i] = both;
        lines[i] = std::move(together);
        lines[*next].reset();
    }
}

// Joins each ordinal or label to the text after it on the same line.
void join_ordinals(Page& page) {
    std::vector<TextSpan> out;
    for (TextSpan& span : page.spans) {
        if (!out.empty()) {
            TextSpan& prev = out.back();
            const double height = std::max(prev.bbox.height(), span.bbox.height());
            const double overlap = std::min(prev.bbox.y1, span.bbox.y1) - std::max(prev.bbox.y0, span.bbox.y0);
            const double gap = span.bbox.x0 - prev.bbox.x1;
            if ((leads_into_next(prev.text) || is_short_word(span.text)) && overlap > ordinal_overlap_share * height && gap >= 0 &&
                gap <= ordinal_gap_share * height &&
                !vertical_ruling_between(page, prev.bbox.x1, span.bbox.x0, prev.bbox.y0, prev.bbox.y1)) {
                prev.text += span.text;
                prev.bbox = rect_union(prev.bbox, span.bbox);
                prev.confidence = std::min(prev.confidence, span.confidence);
                prev.font_size = std::max(prev.font_size, span.font_size);
                continue;
            }
        }
        out.push_back(std::move(span));
    }
    page.spans = std::move(out);
}

// The ordinal a label line starts with (一、 八、), when it is one; else "".
std::string leading_ordinal(const std::u32string& t) {
    const std::size_t mark = t.find(U'、');
    if (mark == std::u32string::npos || mark == 0 || mark > 2) return "";
    const std::string head = encode_utf8(std::u32string_view(t).substr(0, mark + 1));
    return leads_into_next(head) ? head : "";
}

// A label's lead-in misread inside its line: a flat 一、 read as Latin letters or strokes
// (AN一般公共预算, N\\一般公共服务支出), or a stroke left of a whole ordinal (/八、社会保障). Strokes
// before an ordinal read right are dropped; otherwise the line's start (`lead_in_max_lines`
// line heights) is read again with only numerals and ordinal marks allowed, and a whole
// ordinal read so, sure enough, takes the misread characters' place.
template <typename Read>
void mend_lead_in(OcrLine& line, const PixelBox& box, int line_height, const Read& read) {
    const std::u32string t = decode_utf8(line.text);
    const std::size_t junk = junk_lead_length(t);
    if (junk == 0) return;
    const std::string rest = encode_utf8(std::u32string_view(t).substr(junk));
    if (!leading_ordinal(t.substr(junk)).empty()) {
        line.text = rest;
        return;
    }
    const PixelBox start{box.x, box.y, std::min(box.w, static_cast<int>(lead_in_start_lines * line_height)), box.h};
    OcrLine ordinal = read(start, OcrCharset::ordinal);
    const std::string head = leading_ordinal(decode_utf8(ordinal.text));
    if (head.empty() || ordinal.confidence < min_ordinal_confidence) return;
    line.text = head + rest;
    line.confidence = std::min(line.confidence, ordinal.confidence);
}

// True when box `i` lies right under a line of Chinese text, within its width and less than
// `wrap_gap_share` of a line height below it: the last characters of a label or header the
// cell wrapped (奖励资 / 金), which read alone are seldom sure, yet no speck.
bool wraps_line_above(const std::vector<PixelBox>& boxes, const std::vector<std::optional<OcrLine>>& lines,
                      std::size_t i, int line_height) {
    const PixelBox& box = boxes[i];
    for (std::size_t j = 0; j < boxes.size(); ++j) {
        if (j == i || !lines[j] || !has_cjk(lines[j]->text)) continue;
        const PixelBox& above = boxes[j];
        const int gap = box.y - above.bottom();
        if (gap >= 0 && gap <= wrap_gap_share * line_height && box.x >= above.x - line_height / 2 &&
            box.right() <= above.right() + line_height / 2)
            return true;
    }
    return false;
}

}  // namespace

std::size_t junk_lead_length(const std::u32string& t) {
    std::size_t n = 0;
    while (n < t.size() && n <= max_junk_lead_chars &&
           std::u32string_view(U"ANnVWM/\\|").find(t[n]) != std::u32string_view::npos)
        ++n;
    if (n == 0 || n > max_junk_lead_chars || n == t.size() || !is_cjk_codepoint(t[n])) return 0;
    return n;
}

double points_from_pixels(double px, double dpi) { return px * points_per_inch / dpi; }

PixelBox pixels_from_points(const Rect& r, double dpi) {
    const double scale = dpi / points_per_inch;
    const int x0 = static_cast<int>(std::floor(r.x0 * scale)), y0 = static_cast<int>(std::floor(r.y0 * scale));
    const int x1 = static_cast<int>(std::ceil(r.x1 * scale)), y1 = static_cast<int>(std::ceil(r.y1 * scale));
    return {x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
}

bool looks_numeric(const std::string& text) {
    int digits = 0, numeric = 0, total = 0;
    for (char32_t c : decode_utf8(text)) {
        if (c == U' ') continue;
        ++total;
        if (is_cjk_codepoint(c) && !is_separator_like(c)) return false;
        if (is_digit_like(c)) ++digits;
        if (is_digit_like(c) || is_separator_like(c)) ++numeric;
    }
    return digits > 0 && numeric >= numeric_share * total;
}

std::size_t prepared_page_bytes(const PreparedPage& page) {
    std::size_t bytes = 0;
    for (Pix* pix : {page.grey.get(), page.binary.get(), page.text.get()})
        if (pix) bytes += pix_bytes(pix);
    return bytes;
}

std::optional<PreparedPage> prepare_page(PDFDoc& doc, int number, double dpi, TesseractEngine& engine,
                                         const OcrPageGeometry* known) {
    silence_leptonica();
    std::optional<RgbImage> rendered = render_page_rgb(doc, number, dpi);
    if (!rendered) return std::nullopt;
    PixPtr grey = grey_without_red(*rendered);
    rendered.reset();

    PreparedPage page;
    page.geometry.dpi = dpi;
    if (known) {
        page.geometry = *known;
        page.geometry.dpi = dpi;
        grey = turn_quarters(grey.get(), page.geometry.turn_degrees / 90);
    } else {
        PixPtr binary = binarise_quickly(grey.get());
        int quarters = text_runs_horizontally(binary.get(), dpi) ? 0 : 1;
        if (quarters != 0) {
            grey = turn_quarters(grey.get(), quarters);
            binary = turn_quarters(binary.get(), quarters);
        }
        page.geometry.skew_degrees = measure_skew_degrees(binary.get());
        if (page.geometry.skew_degrees != 0) grey = rotate_grey(grey.get(), page.geometry.skew_degrees);
        page.binary = binarise(grey.get(), dpi);
        LineLayout layout = lay_out_lines(page.binary.get(), grey.get(), dpi);
        // Upright pages are the rule, so turning one half round needs a clear margin; a page
        // lying on its side is as likely turned one way as the other. A level page stays level
        // turned half round.
        if (reads_upside_down(layout, engine, dpi, quarters == 0 ? flip_confidence_margin : 0.0, page.first_reads)) {
            quarters += 2;
            grey = turn_quarters(grey.get(), 2);
            page.binary = turn_quarters(page.binary.get(), 2);
            layout = lay_out_lines(page.binary.get(), grey.get(), dpi);
            page.first_reads.clear();
        }
        page.geometry.turn_degrees = (quarters % 4) * 90;
        page.grey = std::move(grey);
        page.text = std::move(layout.text);
        page.lines = std::move(layout.lines);
        return page;
    }
    if (page.geometry.skew_degrees != 0) grey = rotate_grey(grey.get(), page.geometry.skew_degrees);
    page.grey = std::move(grey);
    page.binary = binarise(page.grey.get(), dpi);
    LineLayout layout = lay_out_lines(page.binary.get(), page.grey.get(), dpi);
    page.text = std::move(layout.text);
    page.lines = std::move(layout.lines);
    return page;
}

Page page_from_prepared(const PreparedPage& prepared, TesseractEngine& engine, int number, int pdf_rotation) {
    const double dpi = prepared.geometry.dpi;
    Page page;
    page.number = number;
    page.width = points_from_pixels(pix_width(prepared.grey.get()), dpi);
    page.height = points_from_pixels(pix_height(prepared.grey.get()), dpi);
    page.rotation = (pdf_rotation + prepared.geometry.turn_degrees) % 360;
    page.source = TextSource::ocr;
    const int free_length = static_cast<int>(free_border_length_in * dpi);
    const int anchor = static_cast<int>(border_anchor_in * dpi);
    for (const PixelLine& line : table_borders(prepared.lines, free_length, anchor)) {
        Ruling ruling;
        ruling.orientation = line.horizontal ? Orientation::horizontal : Orientation::vertical;
        const double position = points_from_pixels(line.position, dpi);
        const double from = points_from_pixels(line.from, dpi), to = points_from_pixels(line.to, dpi);
        ruling.from = line.horizontal ? Point{from, position} : Point{position, from};
        ruling.to = line.horizontal ? Point{to, position} : Point{position, to};
        ruling.width = points_from_pixels(line.thickness, dpi);
        page.rulings.push_back(ruling);
    }
    merge_duplicate_rulings(page.rulings);

    const std::vector<PixelBox> components = ink_components(prepared.text.get(), dpi);
    const int line_height = static_cast<int>(typical_glyph_height(components) * line_height_share);
    const auto row_has_ink = [&](const PixelBox& box, int y) {
        return ink_pixels(prepared.text.get(), PixelBox{box.x, y, box.w, 1}) > 0;
    };
    const auto ink_of = [&](const PixelBox& region) { return ink_box(prepared.text.get(), region); };
    const std::vector<PixelBox> boxes = split_stacked_lines(group_text_lines(components, prepared.lines), line_height,
                                                            stacked_lines_share, min_band_share, row_has_ink, ink_of);
    LatinTrial latin_trial;
    const auto read = [&](const PixelBox& box, OcrCharset charset) {
        return read_text_line(prepared, engine, box, line_height, charset, latin_trial);
    };
    std::vector<std::optional<OcrLine>> lines(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].h < flat_line_share * line_height && on_a_ruling(boxes[i], prepared.lines)) continue;
        if (std::max(boxes[i].w, boxes[i].h) < speck_share * line_height) continue;  // a speck, no character
        if (std::optional<OcrLine> circled = read_circled_line(prepared, engine, boxes[i], components)) {
            lines[i] = std::move(circled);
            continue;
        }
        lines[i] = read(boxes[i], OcrCharset::any);
        mend_lead_in(*lines[i], boxes[i], line_height, read);
    }
    std::vector<PixelBox> joined = boxes;
    read_lead_ins_with_their_text(boxes, prepared.lines, line_height, read, joined, lines);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (!lines[i]) continue;
        const OcrLine& line = *lines[i];
        const PixelBox& box = joined[i];
        if (line.text.empty()) continue;
        if (line.confidence < noise_confidence && line.text.size() <= noise_max_bytes &&
            !(has_cjk(line.text) && wraps_line_above(joined, lines, i, line_height)))
            continue;
        TextSpan span;
        span.text = ocr_text_mended(line.text);
        span.bbox = {points_from_pixels(box.x, dpi), points_from_pixels(box.y, dpi),
                     points_from_pixels(box.right(), dpi), points_from_pixels(box.bottom(), dpi)};
        span.font_size = span.bbox.height() / (has_cjk(line.text) ? cjk_height_em : latin_height_em);
        span.confidence = line.confidence;
        span.source = TextSource::ocr;
        page.spans.push_back(std::move(span));
    }
    join_ordinals(page);
    return page;
}

}  // namespace budgetpdf

namespace budgetpdf {
namespace {

constexpr double cover_margin_pt = 2.0;  // a text span covers what lies this close to it

bool covered(const std::vector<TextSpan>& spans, const Rect& box) {
    const double cx = box.center_x(), cy = box.center_y();
    return std::any_of(spans.begin(), spans.end(), [&](const TextSpan& s) {
        return cx >= s.bbox.x0 - cover_margin_pt && cx <= s.bbox.x1 + cover_margin_pt &&
               cy >= s.bbox.y0 - cover_margin_pt && cy <= s.bbox.y1 + cover_margin_pt;
    });
}

}  // namespace

int uncovered_text_lines(PDFDoc& doc, int number, double dpi, int turn_degrees, const std::vector<TextSpan>& spans) {
    silence_leptonica();
    std::optional<RgbImage> rendered = render_page_rgb(doc, number, dpi);
    if (!rendered) return 0;
    PixPtr grey = turn_quarters(grey_without_red(*rendered).get(), turn_degrees / 90);
    PixPtr binary = binarise(grey.get(), dpi);
    LineLayout layout = lay_out_lines(binary.get(), nullptr, dpi);
    int uncovered = 0;
    for (const PixelBox& b : layout.text_lines) {
        if (b.w < b.h) continue;  // not a line of text
        const Rect box{points_from_pixels(b.x, dpi), points_from_pixels(b.y, dpi), points_from_pixels(b.right(), dpi),
                       points_from_pixels(b.bottom(), dpi)};
        if (!covered(spans, box)) ++uncovered;
    }
    return uncovered;
}

void merge_ocr_into_text_page(Page& text, Page ocr) {
    const std::vector<TextSpan> text_spans = text.spans;
    for (TextSpan& span : ocr.spans)
        if (!covered(text_spans, span.bbox)) text.spans.push_back(std::move(span));
    std::stable_sort(text.spans.begin(), text.spans.end(), [](const TextSpan& a, const TextSpan& b) {
        return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
    });
    text.rulings.insert(text.rulings.end(), ocr.rulings.begin(), ocr.rulings.end());
    merge_duplicate_rulings(text.rulings);
    text.source = TextSource::ocr;
}

}  // namespace budgetpdf
