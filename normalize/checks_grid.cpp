#include "normalize/checks_grid.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "normalize/amount.h"

namespace budgetpdf {
namespace {

// Money has no unit below the 分 (10^-2 元): an amount printed to the 分 carries no rounding.
constexpr int exact_resolution_exponent_yuan = -2;

int unit_exponent(std::string_view unit) {
    if (unit == "万元") return 4;
    if (unit == "千元") return 3;
    if (unit == "亿元") return 8;
    return 0;  // 元, or unknown: the amount_yuan already is the printed number
}

__int128 power_of_ten(int exponent) {
    __int128 p = 1;
    for (int i = 0; i < exponent; ++i) p *= 10;
    return p;
}

using CellKey = std::tuple<int, int, int>;  // table_index, row, col

const char* role_name(RowRole role) {
    switch (role) {
        case RowRole::item: return "item";
        case RowRole::total: return "total";
        case RowRole::subtotal: return "subtotal";
        case RowRole::of_which: return "of_which";
    }
    return "";
}

std::string column_key(const ReadAmount& amount) {
    if (!amount.measure.empty() || amount.other_period) return amount.measure;
    if (!amount.measure_label.empty()) return amount.measure_label;
    return "column " + std::to_string(amount.col + 1);
}

}  // namespace

const CheckCell* CheckLine::cell(std::string_view measure) const {
    for (const CheckCell& c : cells)
        if (c.key == measure) return &c;
    return nullptr;
}

bool CheckLine::any_printed() const {
    return std::any_of(cells.begin(), cells.end(), [](const CheckCell& c) { return c.printed(); });
}

std::string CheckLine::describe() const {
    std::string text;
    auto add = [&text](const std::string& part) {
        if (part.empty()) return;
        if (!text.empty()) text += ' ';
        text += part;
    };
    add(code);
    add(row_label);
    if (text.empty()) add(row_key);
    if (text.empty()) add(role_name(role));
    return text;
}

bool CheckTable::promises(std::string_view identity) const {
    const auto& checks = reading->checks;
    return std::find(checks.begin(), checks.end(), identity) != checks.end();
}

bool CheckTable::has_measure(std::string_view measure, Side side) const {
    for (const CheckLine& line : lines) {
        if (line.side != side) continue;
        if (line.cell(measure)) return true;
    }
    return false;
}

std::vector<std::string> CheckTable::measures(Side side) const {
    std::vector<std::pair<int, std::string>> by_col;
    for (const CheckLine& line : lines) {
        if (line.side != side) continue;
        for (const CheckCell& c : line.cells) {
            const std::string& m = c.key;
            auto it = std::find_if(by_col.begin(), by_col.end(),
                                   [&m](const auto& p) { return p.second == m; });
            if (it == by_col.end())
                by_col.emplace_back(c.amount->col, m);
            else
                it->first = std::min(it->first, c.amount->col);
        }
    }
    std::stable_sort(by_col.begin(), by_col.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& p : by_col) out.push_back(p.second);
    return out;
}

std::vector<Side> CheckTable::sides() const {
    std::vector<Side> out;
    for (Side s : {Side::none, Side::income, Side::expenditure})
        if (std::any_of(lines.begin(), lines.end(), [s](const CheckLine& l) { return l.side == s; }))
            out.push_back(s);
    return out;
}

std::string table_reference(const std::string& kind, const std::string& title) {
    return title.empty() ? kind : kind.empty() ? title : kind + " " + title;
}

std::string CheckTable::where(int page) const {
    return table_reference(reading->table_kind, reading->table_title) + " p" + std::to_string(page);
}

Decimal half_unit_yuan(std::string_view printed, std::string_view unit) {
    bool any_digit = std::any_of(printed.begin(), printed.end(),
                                 [](char c) { return c >= '0' && c <= '9'; });
    if (!any_digit) return Decimal();
    int decimals = 0;
    std::size_t point = printed.rfind('.');
    if (point != std::string_view::npos)
        for (std::size_t i = point + 1; i < printed.size() && printed[i] >= '0' && printed[i] <= '9'; ++i)
            ++decimals;
    int resolution_exponent = unit_exponent(unit) - decimals;  // 元 per unit of the last decimal
    if (resolution_exponent <= exact_resolution_exponent_yuan) return Decimal();
    int half_exponent = resolution_exponent - 1;  // half a unit = 5 × 10^(exponent − 1)
    if (half_exponent >= 0) return Decimal::from_units(5 * power_of_ten(half_exponent), 0);
    return Decimal::from_units(5, -half_exponent);
}

std::vector<CheckTable> build_check_tables(const std::vector<TableReading>& readings,
                                           const std::vector<Record>& records) {
    std::map<CellKey, int> record_at;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record& r = records[i];
        record_at.emplace(CellKey{r.table_index, r.row, r.col}, static_cast<int>(i));
    }

    std::vector<CheckTable> tables;
    for (const TableReading& reading : readings) {
        CheckTable table;
        table.reading = &reading;
        using LineKey = std::tuple<int, int, int, std::string, std::string, std::string, int>;
        std::map<LineKey, std::size_t> line_at;
        for (const ReadAmount& amount : reading.amounts) {
            if (amount.of_which_column) continue;  // 其中 columns single out a part: in no identity
            CheckCell cell;
            cell.amount = &amount;
            cell.key = column_key(amount);
            auto found = record_at.find(CellKey{reading.table_index, amount.row, amount.col});
            if (found != record_at.end()) {
                const Record& r = records[found->second];
                if (auto value = Decimal::parse(r.amount_yuan)) {
                    cell.record = found->second;
                    cell.value = *value;
                    cell.half_unit =
                        half_unit_yuan(r.amount_printed, r.unit.empty() ? reading.unit : r.unit);
                }
            }
            if (!cell.printed()) cell.unreadable = parse_amount(amount.printed).kind == AmountKind::unreadable;
            LineKey key{static_cast<int>(amount.side), amount.block, amount.row, amount.code, amount.row_key,
                        amount.row_label, static_cast<int>(amount.role)};
            auto [it, inserted] = line_at.emplace(key, table.lines.size());
            if (inserted) {
                CheckLine line;
                line.side = amount.side;
                line.block = amount.block;
                line.row = amount.row;
                line.role = amount.role;
                line.breakdown = amount.row_key.find('.') != std::string::npos;
                line.parent_row = amount.parent_row;
                line.sums_children = amount.sums_children;
                line.row_key = amount.row_key;
                line.row_label = amount.row_label;
                line.code = amount.code;
                line.code_system = amount.code_system;
                line.page = amount.page;
                table.lines.push_back(std::move(line));
            }
            table.lines[it->second].cells.push_back(cell);
        }
        for (CheckLine& line : table.lines)
            std::stable_sort(line.cells.begin(), line.cells.end(),
                             [](const CheckCell& a, const CheckCell& b) { return a.amount->col < b.amount->col; });
        std::stable_sort(table.lines.begin(), table.lines.end(), [](const CheckLine& a, const CheckLine& b) {
            if (a.row != b.row) return a.row < b.row;
            return a.cells.front().amount->col < b.cells.front().amount->col;
        });
        tables.push_back(std::move(table));
    }
    return tables;
}

bool is_lei(const CheckLine& line) { return line.code.size() == 3; }

bool is_top_item(const CheckLine& line) {
    return line.role == RowRole::item && !line.breakdown && line.parent_row < 0;
}

std::vector<const CheckCell*> cells_of(const std::vector<const CheckLine*>& lines,
                                       std::string_view measure) {
    std::vector<const CheckCell*> out;
    for (const CheckLine* line : lines)
        if (const CheckCell* c = line->cell(measure)) out.push_back(c);
    return out;
}

CheckLedger::CheckLedger(std::size_t record_count) : states_(record_count, State::none) {}

bool CheckLedger::expect_sum(const IdentityText& text, const CheckCell* lhs,
                             const std::vector<const CheckCell*>& rhs, EvaluateWhen when) {
    if ((lhs && lhs->unreadable) ||
        std::any_of(rhs.begin(), rhs.end(), [](const CheckCell* c) { return c->unreadable; }))
        return false;
    bool lhs_printed = lhs && lhs->printed();
    bool rhs_printed = std::any_of(rhs.begin(), rhs.end(), [](const CheckCell* c) { return c->printed(); });
    if (!rhs_printed && (when == EvaluateWhen::part_printed || !lhs_printed)) return false;

    Decimal sum;
    Decimal tolerance;
    for (const CheckCell* c : rhs) {
        if (!c->printed()) continue;
        sum = sum + c->value;
        tolerance = tolerance + c->half_unit;
    }
    Decimal left = lhs_printed ? lhs->value : Decimal();
    if (lhs_printed) tolerance = tolerance + lhs->half_unit;
    Decimal diff = left - sum;
    bool holds = diff.abs() <= tolerance;

    auto mark = [this, holds](const CheckCell* c) {
        if (!c || !c->printed()) return;
        State& s = states_[static_cast<std::size_t>(c->record)];
        if (!holds)
            s = State::mismatch;
        else if (s == State::none)
            s = State::ok;
    };
    mark(lhs);
    for (const CheckCell* c : rhs) mark(c);

    ++summary_.total;
    if (holds && !diff.is_zero()) ++summary_.inexact;
    if (holds) return true;
    ++summary_.failed;

    const CheckCell* first_rhs = nullptr;
    for (const CheckCell* c : rhs)
        if (c->printed()) {
            first_rhs = c;
            break;
        }
    int lhs_page = lhs ? lhs->amount->page : (first_rhs ? first_rhs->amount->page : 0);
    int rhs_page = first_rhs ? first_rhs->amount->page : lhs_page;
    if (lhs_page == 0 && text.table) lhs_page = text.table->reading->page;

    std::string message = text.identity + ": " + text.lhs;
    if (!text.measure.empty()) message += " " + text.measure;
    message += " " + (lhs_printed ? left.to_string(2) : std::string("(blank)"));
    message += " ≠ " + text.rhs + " " + sum.to_string(2);
    message += " (diff " + diff.to_string(2) + ", tolerance " + tolerance.to_string(2) + ")";
    if (text.table) {
        message += " [" + text.table->where(lhs_page);
        if (text.other) message += "; " + text.other->where(rhs_page);
        message += "]";
    }
    Diagnostic d;
    d.severity = Severity::warning;
    d.kind = "identity_mismatch";
    d.page = lhs_page;
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
    return true;
}

CheckSummary CheckLedger::finish(std::vector<Record>& records, std::vector<Diagnostic>& diagnostics) {
    for (std::size_t i = 0; i < records.size() && i < states_.size(); ++i) {
        switch (states_[i]) {
            case State::none: records[i].check = "unchecked"; break;
            case State::ok: records[i].check = "ok"; break;
            case State::mismatch: records[i].check = "mismatch"; break;
        }
    }
    for (Diagnostic& d : diagnostics_) diagnostics.push_back(std::move(d));
    diagnostics_.clear();
    return summary_;
}

}  // namespace budgetpdf
