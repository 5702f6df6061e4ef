#include "normalize/text.h"

// How it works: the text is decoded to code points; format characters (zero-width
// spaces, BOMs, soft hyphens) are dropped; every whitespace run is then either removed
// (when the characters on both sides are CJK: Han, kana, Hangul, Bopomofo, or CJK /
// full-width punctuation) or replaced by one ASCII space, and the ends are trimmed. This
// runs once on the original characters (so `（一） 一般` loses its space, the bracket
// being full-width) and once more after ICU's NFKC, which can itself produce spaces
// (U+3000 → U+0020) and turns full-width forms into ASCII.

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <vector>

namespace budgetpdf {
namespace {

constexpr int max_normalization_rounds = 4;

bool is_cjk_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) return false;
    switch (script) {
        case USCRIPT_HAN:
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_HANGUL:
        case USCRIPT_BOPOMOFO:
            return true;
        default:
            return false;
    }
}

bool is_cjk_block(UChar32 c) {
    switch (ublock_getCode(c)) {
        case UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION:
        case UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS:
        case UBLOCK_CJK_COMPATIBILITY_FORMS:
        case UBLOCK_VERTICAL_FORMS:
        case UBLOCK_KANGXI_RADICALS:
        case UBLOCK_CJK_RADICALS_SUPPLEMENT:
        case UBLOCK_ENCLOSED_CJK_LETTERS_AND_MONTHS:
        case UBLOCK_CJK_COMPATIBILITY:
            return true;
        default:
            return false;
    }
}

// General punctuation that Chinese text uses as its own: quotes, dashes, ellipsis,
// middle dot. Only counts as CJK next to another CJK character.
bool is_cjk_general_punctuation(UChar32 c) {
    switch (c) {
        case 0x00B7:  // ·
        case 0x2014:  // —
        case 0x2015:  // ―
        case 0x2018:  // ‘
        case 0x2019:  // ’
        case 0x201C:  // “
        case 0x201D:  // ”
        case 0x2026:  // …
        case 0x2027:  // ‧
            return true;
        default:
            return false;
    }
}

bool is_cjk(UChar32 c) {
    return !u_isUWhiteSpace(c) && (is_cjk_script(c) || is_cjk_block(c) || is_cjk_general_punctuation(c));
}

bool is_space(UChar32 c) {
    return u_isUWhiteSpace(c) || u_isspace(c);
}

std::vector<UChar32> code_points_from(const icu::UnicodeString& text) {
    std::vector<UChar32> points;
    points.reserve(static_cast<size_t>(text.length()));
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) points.push_back(text.char32At(i));
    return points;
}

icu::UnicodeString unicode_from(const std::vector<UChar32>& points) {
    icu::UnicodeString text;
    for (UChar32 c : points) text.append(c);
    return text;
}

std::vector<UChar32> collapse_spaces(const std::vector<UChar32>& points) {
    std::vector<UChar32> out;
    out.reserve(points.size());
    bool pending_space = false;
    for (UChar32 c : points) {
        if (u_charType(c) == U_FORMAT_CHAR) continue;
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space && !(is_cjk(out.back()) && is_cjk(c))) out.push_back(U' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string normalize_text(std::string_view utf8) {
    if (utf8.empty()) return {};
    icu::UnicodeString decoded = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString spaced = unicode_from(collapse_spaces(code_points_from(decoded)));

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString normalized = U_SUCCESS(status) ? nfkc->normalize(spaced, status) : spaced;
    if (U_FAILURE(status)) normalized = spaced;

    icu::UnicodeString result = unicode_from(collapse_spaces(code_points_from(normalized)));
    // Removing a space can join characters NFKC composes (Hangul jamo); repeat until stable.
    for (int round = 0; round < max_normalization_rounds && U_SUCCESS(status); ++round) {
        if (nfkc->isNormalized(result, status) || U_FAILURE(status)) break;
        result = unicode_from(collapse_spaces(code_points_from(nfkc->normalize(result, status))));
    }
    std::string out;
    result.toUTF8String(out);
    return out;
}

void normalize_table_text(Table& table) {
    for (Cell& cell : table.cells) cell.text = normalize_text(cell.text);
    TableContext& context = table.context;
    for (std::string* field : {&context.title, &context.tag, &context.organisation, &context.unit, &context.period})
        *field = normalize_text(*field);
    for (std::string& line : context.notes) line = normalize_text(line);
    for (std::string& line : context.other_lines) line = normalize_text(line);
}

}  // namespace budgetpdf
