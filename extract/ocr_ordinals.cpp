// Ordinals implied by their neighbours. How it works: in each column the body labels are
// taken in row order, those numbered 一、 … 九十九、 parsed, and cut into runs of consecutive
// labels that are numbered or (read by OCR) start like a misread lead-in. In a run, the
// numbering most of its numbered labels follow (k, k+1, …; fit_numbering) gives each label its
// number; an OCR label that breaks it has its start replaced by that number and 、 (see
// mend_run for when), where the runs around leave the numbering room (numbering_has_room).
#include "extract/ocr_ordinals.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "extract/ocr_page.h"
#include "extract/pdf_geometry.h"

namespace budgetpdf {
namespace {

constexpr std::u32string_view digits = U"一二三四五六七八九";
constexpr std::size_t max_numeral_chars = 3;  // 二十六
constexpr std::size_t max_stroke_chars = 3;   // strokes read in a numeral's place before its 、
constexpr int max_ordinal = 99;

int digit_value(char32_t c) {
    const std::size_t at = digits.find(c);
    return at == std::u32string_view::npos ? 0 : static_cast<int>(at) + 1;
}

// The value of a Chinese numeral from 一 to 九十九; 0 when `t` is not one.
int numeral_value(std::u32string_view t) {
    if (t.empty() || t.size() > max_numeral_chars) return 0;
    const std::size_t ten = t.find(U'十');
    if (ten == std::u32string_view::npos) return t.size() == 1 ? digit_value(t[0]) : 0;
    const int tens = ten == 0 ? 1 : ten == 1 ? digit_value(t[0]) : 0;
    const std::u32string_view units = t.substr(ten + 1);
    if (tens == 0 || units.size() > 1) return 0;
    if (units.empty()) return tens * 10;
    const int unit = digit_value(units[0]);
    return unit == 0 ? 0 : tens * 10 + unit;
}

std::string numeral_text(int value) {
    std::string out;
    const int tens = value / 10, unit = value % 10;
    if (tens > 1) append_utf8(out, digits[tens - 1]);
    if (tens > 0) append_utf8(out, U'十');
    if (unit > 0) append_utf8(out, digits[unit - 1]);
    return out;
}

// The number of a label printed 八、…; 0 when it has none.
int ordinal_of(const std::u32string& t) {
    const std::size_t mark = t.find(U'、');
    if (mark == std::u32string::npos || mark == 0 || mark > max_numeral_chars) return 0;
    return numeral_value(std::u32string_view(t).substr(0, mark));
}

// Whether a lead-in is a number of another kind (1、 (1)、), not strokes.
bool numbered_otherwise(std::u32string_view lead) {
    for (char32_t c : lead)
        if ((c >= U'0' && c <= U'9') || c == U'(' || c == U'（' || (c >= U'①' && c <= U'⑳')) return true;
    return false;
}

// Where the 、 of a lead-in read as strokes (人人人、) is: after one to three characters that are
// no number of another kind; npos when the label does not start so.
std::size_t stroke_lead_mark(const std::u32string& t) {
    const std::size_t mark = t.find(U'、');
    if (mark == std::u32string::npos || mark == 0 || mark > max_stroke_chars ||
        numbered_otherwise(std::u32string_view(t).substr(0, mark)))
        return std::u32string::npos;
    return mark;
}

constexpr std::size_t max_unknown_lead_chars = 2;  // characters read before a known name in a lead-in's place

// Where a known name starts after one or two characters that make the label no known name
// (响一般公共预算), or 0.
std::size_t unknown_lead_before_name(const std::u32string& t, const KnownName& known_name) {
    if (!known_name || known_name(encode_utf8(t))) return 0;
    for (std::size_t n = 1; n <= max_unknown_lead_chars && n + 1 < t.size(); ++n)
        if (is_cjk_codepoint(t[n]) && known_name(encode_utf8(std::u32string_view(t).substr(n)))) return n;
    return 0;
}

// Where the label's own text starts after a misread lead-in, or 0 when its start does not
// look like one. A numeral with its 、 lost counts only when `lost_mark` and it is `expected`.
std::size_t misread_lead_end(const std::u32string& t, int expected, bool lost_mark, const KnownName& known_name) {
    // Latin marks, and a character left between them and a known name (/八社会保障和就业支出:
    // 、 read / before its 八).
    if (std::size_t junk = junk_lead_length(t)) return junk + unknown_lead_before_name(t.substr(junk), known_name);
    const std::size_t mark = stroke_lead_mark(t);
    if (mark != std::u32string::npos && mark + 1 < t.size() && is_cjk_codepoint(t[mark + 1])) return mark + 1;
    if (std::size_t unknown = unknown_lead_before_name(t, known_name)) return unknown;
    if (!lost_mark) return 0;
    for (std::size_t n = max_numeral_chars; n >= 1; --n) {
        if (n >= t.size()) continue;
        const int value = numeral_value(std::u32string_view(t).substr(0, n));
        if (value != 0) return value == expected && is_cjk_codepoint(t[n]) ? n : 0;
    }
    return 0;
}

// Whether a label starts as a misread lead-in may: Latin marks, strokes before a 、, or a
// numeral right before its text.
bool starts_like_lead_in(const std::u32string& t) {
    if (junk_lead_length(t) > 0) return true;
    if (stroke_lead_mark(t) != std::u32string::npos) return true;
    return !t.empty() && (digit_value(t[0]) != 0 || t[0] == U'十');
}

// Whether numeral `read` is numeral `expected` with strokes of its flat digits lost (二 read
// 一, 十三 read 十二): the same characters but some 二 or 三 read as fewer strokes.
bool strokes_lost(int read, int expected) {
    const std::string r = numeral_text(read), e = numeral_text(expected);
    const std::u32string rt = decode_utf8(r), et = decode_utf8(e);
    if (rt.size() != et.size() || read >= expected) return false;
    for (std::size_t i = 0; i < rt.size(); ++i) {
        if (rt[i] == et[i]) continue;
        const int rv = digit_value(rt[i]), ev = digit_value(et[i]);
        if (!(ev == 2 || ev == 3) || rv == 0 || rv >= ev) return false;
    }
    return true;
}

struct Label {
    Cell* cell;
    std::u32string text;
    int number;  // its 一、 number, 0 when none
};

struct Mend {
    std::size_t label;
    int number;
    std::string text;
};

struct Run {
    std::size_t first, last;       // labels[first, last)
    std::optional<int> start;      // the number its numbering gives labels[first]
    int first_number = 0;          // its first numbered label's number
    int last_number() const { return *start + static_cast<int>(last - first) - 1; }
};

// The numbering the run's numbered labels follow (k, k+1, …): the start most of them fit,
// nothing when two fit as many or none is numbered. Where no number stands where a numbering
// could put it (AN一般公共预算, 一、政府性基金预算, 一、国有资本经营预算: 二 and 三 read 一), the
// run starts at 一, and only repeats or numbers with strokes lost are mended.
Run fit_numbering(const std::vector<Label>& labels, std::size_t first, std::size_t last) {
    Run run{first, last, std::nullopt, 0};
    std::map<int, int> fits;  // numbering start (一 or later) → numbered labels following it
    for (std::size_t k = first; k < last; ++k) {
        if (!labels[k].number) continue;
        if (!run.first_number) run.first_number = labels[k].number;
        const int start = labels[k].number - static_cast<int>(k - first);
        if (start >= 1) ++fits[start];
    }
    if (!run.first_number) return run;
    if (fits.empty()) {
        run.start = 1;
    } else {
        auto best = std::max_element(fits.begin(), fits.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        if (std::count_if(fits.begin(), fits.end(), [&](const auto& f) { return f.second == best->second; }) == 1)
            run.start = best->first;
    }
    if (run.start && run.last_number() > max_ordinal) run.start.reset();
    return run;
}

// The mends of a run with a numbering: its OCR labels that break it and look misread (a
// misread lead-in, a number the run repeats, the expected number with strokes lost). Nothing
// when a label printed in the text layer breaks it, or another number out of order does.
std::vector<Mend> mend_run(const std::vector<Label>& labels, const Run& run, const KnownName& known_name) {
    std::map<int, int> seen;  // number → labels in the run carrying it
    for (std::size_t k = run.first; k < run.last; ++k)
        if (labels[k].number) ++seen[labels[k].number];
    std::vector<Mend> mends;
    for (std::size_t k = run.first; k < run.last; ++k) {
        const int expected = *run.start + static_cast<int>(k - run.first);
        const Label& label = labels[k];
        if (label.number == expected) continue;
        if (!label.cell->read_by_ocr) return {};  // printed so: the numbering is the document's own
        std::u32string rest;
        if (label.number != 0) {
            // Strokes lost count only in a numbering that starts at 一 here (一、 一、 三、 …),
            // not where the run would start later than its own first number.
            if (seen[label.number] < 2 && !(*run.start == 1 && strokes_lost(label.number, expected))) return {};
            rest = label.text.substr(label.text.find(U'、') + 1);
        } else {
            // A start that does not read as this number misread (一国防支出 for 三、国防支出: a
            // numeral misread and its 、 lost) is left as read.
            const std::size_t end =
                misread_lead_end(label.text, expected, k > run.first && k + 1 < run.last, known_name);
            if (end == 0) continue;
            rest = label.text.substr(end);
            const int printed = ordinal_of(rest);  // strokes before a number read right (N二十、) are dropped
            if (printed != 0 && printed != expected) continue;
            if (printed) rest = rest.substr(rest.find(U'、') + 1);
        }
        mends.push_back({k, expected, numeral_text(expected) + "、" + encode_utf8(rest)});
    }
    return mends;
}

// Whether the runs around runs[i] leave its numbering room. A numbering starting at 一 is a
// section's own (the 收支总表's 上年结转 rows number 一、 二、 again); one starting later goes on
// from the run above, whose last number must be lower; the next run, unless it starts anew,
// must go on above this one's last number.
bool numbering_has_room(const std::vector<Run>& runs, std::size_t i) {
    const Run& run = runs[i];
    if (*run.start > 1)
        for (std::size_t j = i; j-- > 0;)
            if (runs[j].first_number) {
                if ((runs[j].start ? runs[j].last_number() : runs[j].first_number) >= *run.start) return false;
                break;
            }
    for (std::size_t j = i + 1; j < runs.size(); ++j)
        if (runs[j].first_number) {
            if (runs[j].start == 1) break;
            if (runs[j].first_number <= run.last_number()) return false;
            break;
        }
    return true;
}

void mend_column(Table& table, int col, std::vector<Diagnostic>& diagnostics, const KnownName& known_name) {
    std::vector<Label> labels;
    for (Cell& cell : table.cells) {
        if (cell.col != col || cell.row < table.header_rows || cell.text.empty()) continue;
        std::u32string text = decode_utf8(cell.text);
        const int number = ordinal_of(text);
        labels.push_back({&cell, std::move(text), number});
    }
    auto in_run = [&](const Label& l) {
        return l.number != 0 || (l.cell->read_by_ocr && (starts_like_lead_in(l.text) ||
                                                         unknown_lead_before_name(l.text, known_name) != 0));
    };
    std::vector<Run> runs;
    for (std::size_t first = 0; first < labels.size();) {
        if (!in_run(labels[first])) {
            ++first;
            continue;
        }
        std::size_t last = first;
        while (last < labels.size() && in_run(labels[last])) ++last;
        runs.push_back(fit_numbering(labels, first, last));
        first = last;
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!runs[i].start || !numbering_has_room(runs, i)) continue;
        for (const Mend& mend : mend_run(labels, runs[i], known_name)) {
            Cell& cell = *labels[mend.label].cell;
            diagnostics.push_back({Severity::info, "ocr_ordinal", cell.page, cell.bbox,
                                   "label read '" + cell.text + "'; the labels around it number it " +
                                       numeral_text(mend.number) + "、: '" + mend.text + "'"});
            cell.text = mend.text;
        }
    }
}

}  // namespace

int chinese_ordinal(const std::string& label) { return ordinal_of(decode_utf8(label)); }

void mend_ocr_ordinals(Table& table, std::vector<Diagnostic>& diagnostics, const KnownName& known_name) {
    for (int col = 0; col < table.cols; ++col) mend_column(table, col, diagnostics, known_name);
}

}  // namespace budgetpdf
