// Header texts OCR misread by a character. A header names a column's role and measure from a
// closed list (the layout's and the vocabulary's aliases); one misread character
// (财政发款收入), or a speck read as a character beside the text (人金额), leaves the column
// without its measure, or a code column read as names. Like a row name a character away from
// one name of its classification, such a text takes the one alias it misses by a character,
// when no other alias is as close; failing that, the cell is read again in other ways (small
// print at 200 dpi reads 余赢 once and 金额 the next) and takes the one alias its readings
// print, or else come a character near; failing that, the header its twins print in tables
// that repeat a group of columns side by side. Always the column's body must agree with the alias:
// codes under a code header, amounts under a measure, words under a name. The body check
// keeps a header that is merely close to an alias (项目编号 beside 科目编号: project numbers are
// no classification codes) as it was read.
#include "layouts/ocr_headers.h"

#include <algorithm>

#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

constexpr std::size_t min_misread_header_chars = 3;  // a character misread in shorter headers (合计) is never guessed
constexpr std::size_t min_specked_header_chars = 2;  // a character too many beside 金额 is
constexpr int min_body_codes = 2;

// Every header text the matcher knows, as printed (aliases naming a year or a header path aside).
std::vector<std::string> header_texts(const Matcher& matcher) {
    std::vector<std::string> out;
    const auto add = [&](const std::vector<std::string>& aliases) {
        for (const std::string& alias : aliases)
            if (alias.find('/') == std::string::npos && alias.find("YYYY") == std::string::npos) out.push_back(alias);
    };
    for (const auto* rules : {&matcher.layout.measures, &matcher.layout.column_parts, &matcher.set.vocabulary.measures,
                              &matcher.set.vocabulary.sides})
        for (const AliasRule& rule : *rules) add(rule.aliases);
    for (const auto* rules : {&matcher.layout.columns, &matcher.set.vocabulary.columns})
        for (const ColumnRoleRule& rule : *rules) add(rule.aliases);
    add(matcher.layout.requires_headers);
    return out;
}

// The one known header text a character away from `text`, if there is exactly one.
std::optional<std::string> header_one_character_away(const std::vector<std::string>& known, const std::string& text) {
    const std::string key = header_key(text);
    std::optional<std::string> found;
    for (const std::string& alias : known) {
        const std::string alias_key = header_key(alias);
        if (!one_character_apart(key, alias_key, min_misread_header_chars) &&
            !one_character_more_at_an_end(key, alias_key, min_specked_header_chars))
            continue;
        if (found && header_key(*found) != alias_key) return std::nullopt;  // two as close: no guess
        found = alias;
    }
    return found;
}

// Whether the body under `header` (its columns, from `body_row` down) prints what `alias` names.
bool body_agrees(const Matcher& matcher, const Table& table, const Cell& header, int body_row, const std::string& alias) {
    int codes = 0, amounts = 0, words = 0;
    for (const Cell& cell : table.cells) {
        if (cell.row < body_row || cell.col < header.col || cell.col >= header.col + std::max(1, header.col_span)) continue;
        const std::string text = trim(cell.text);
        if (text.empty()) continue;
        const auto code = split_code_and_name(text);
        if (code && code->name.empty()) ++codes;
        else if (written_amount(text)) ++amounts;
        else if (!looks_like_amount(text)) ++words;
    }
    const std::vector<std::string> path{alias};
    switch (matcher.match_role(path, 0)) {
        case ColumnRole::code:
        case ColumnRole::code_gov:
        case ColumnRole::code_lei:
        case ColumnRole::code_kuan:
        case ColumnRole::code_xiang: return codes >= min_body_codes && amounts == 0 && codes > words;
        case ColumnRole::name:
        case ColumnRole::name_gov: return amounts == 0 && words > 0;
        case ColumnRole::ignore: return true;
        default: break;
    }
    return amounts > 0;  // a measure, a side or a part: amounts under it
}

// The one known header the readings print, or else come a character near, whose column's body
// agrees; nullopt when none or several do.
std::optional<std::string> header_of_readings(const Matcher& matcher, const Table& table, const Cell& cell, int body_row,
                                              const std::vector<std::string>& known,
                                              const std::vector<std::string>& readings) {
    for (bool exact : {true, false}) {
        std::optional<std::string> found;
        for (const std::string& reading : readings) {
            std::optional<std::string> alias;
            if (exact && matcher.is_header_text(reading)) alias = reading;
            if (!exact) alias = header_one_character_away(known, reading);
            if (!alias || !body_agrees(matcher, table, cell, body_row, *alias)) continue;
            if (found && header_key(*found) != header_key(*alias)) return std::nullopt;  // readings disagree
            found = alias;
        }
        if (found) return found;
    }
    return std::nullopt;
}

// The header the cell's twins print: tables that print the same columns side by side (人员经费
// and 公用经费 each as 科目编码 科目名称 金额 其中:基本支出) print the same header in the same place
// of each group. A twin is a header cell of the same row and width whose left neighbour reads
// as the cell's left neighbour does; all twins must print one known header, and the cell's body
// agree with it.
std::optional<std::string> header_of_twins(const Matcher& matcher, const Table& table, const Cell& cell, int body_row) {
    const auto in_row_ending_at = [&](int col) -> const Cell* {
        for (const Cell& c : table.cells)
            if (c.row == cell.row && c.col + std::max(1, c.col_span) - 1 == col) return &c;
        return nullptr;
    };
    const Cell* left = in_row_ending_at(cell.col - 1);
    if (!left || !matcher.is_header_text(trim(left->text))) return std::nullopt;
    const std::string left_key = header_key(trim(left->text));
    std::optional<std::string> found;
    for (const Cell& twin : table.cells) {
        if (twin.row != cell.row || twin.col == cell.col || twin.col_span != cell.col_span) continue;
        const Cell* twin_left = in_row_ending_at(twin.col - 1);
        if (!twin_left || header_key(trim(twin_left->text)) != left_key) continue;
        const std::string text = trim(twin.text);
        if (!matcher.is_header_text(text)) continue;
        if (found && header_key(*found) != header_key(text)) return std::nullopt;  // twins disagree
        found = text;
    }
    if (found && !body_agrees(matcher, table, cell, body_row, *found)) return std::nullopt;
    return found;
}

}  // namespace

std::optional<Table> mend_ocr_headers(const Matcher& matcher, const Table& table, const std::string& title,
                                      const RereadCells& reread, std::vector<Diagnostic>& diagnostics) {
    if (std::none_of(table.cells.begin(), table.cells.end(), [](const Cell& c) { return c.read_by_ocr; }))
        return std::nullopt;
    int first_amount_row = table.rows;
    for (const Cell& cell : table.cells)
        if (written_amount(trim(cell.text))) first_amount_row = std::min(first_amount_row, cell.row);
    // Header cells that name no column, with the header each takes; read again, in one call,
    // those a character's difference does not settle.
    struct Unknown {
        std::size_t index;
        std::optional<std::string> alias;
    };
    std::vector<Unknown> unknown;
    std::vector<std::string> known;
    for (std::size_t i = 0; i < table.cells.size(); ++i) {
        const Cell& cell = table.cells[i];
        const std::string text = trim(cell.text);
        if (!cell.read_by_ocr || cell.row >= first_amount_row || text.empty() || looks_like_amount(text)) continue;
        if (matcher.is_header_text(text) || matcher.match_row(text, "")) continue;
        if (known.empty()) known = header_texts(matcher);
        unknown.push_back({i, header_of_readings(matcher, table, cell, first_amount_row, known, {text})});
    }
    std::vector<const Cell*> unsettled;
    for (const Unknown& u : unknown)
        if (!u.alias) unsettled.push_back(&table.cells[u.index]);
    std::vector<std::vector<std::string>> readings;
    if (reread && !unsettled.empty()) readings = reread(unsettled);
    std::optional<Table> mended;
    const auto take = [&](std::size_t index, const std::string& alias, const std::string& how) {
        const Cell& cell = table.cells[index];
        if (!mended) mended = table;
        mended->cells[index].text = alias;
        diagnostics.push_back({Severity::info, "ocr_header", cell.page > 0 ? cell.page : table.page, cell.bbox,
                               "'" + title + "': header read '" + trim(cell.text) + "' by OCR names no column; " + how +
                                   " is '" + alias + "', taken"});
    };
    std::vector<std::size_t> unmended;
    std::size_t next_reading = 0;
    for (const Unknown& u : unknown) {
        const Cell& cell = table.cells[u.index];
        std::optional<std::string> alias = u.alias;
        const char* how = "the one a character away";
        if (!alias) {
            const std::size_t k = next_reading++;
            if (k < readings.size()) alias = header_of_readings(matcher, table, cell, first_amount_row, known, readings[k]);
            how = "read again";
        }
        if (alias) take(u.index, *alias, how);
        else unmended.push_back(u.index);
    }
    // Then the twins of those neither settles, among the headers as mended.
    for (std::size_t index : unmended)
        if (std::optional<std::string> alias =
                header_of_twins(matcher, mended ? *mended : table, table.cells[index], first_amount_row))
            take(index, *alias, "the same place in the table's other column groups");
    return mended;
}

}  // namespace budgetpdf
