#include "tests/golden/record_evaluation.h"

#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "normalize/text.h"

namespace budgetpdf::evaluation {
namespace {

// Kinds of tables whose rows carry classification codes or that the labels always cover.
const std::set<std::string>& code_table_kinds() {
    static const std::set<std::string> kinds{"summary",        "income",    "expenditure",   "grant_summary",
                                             "general_budget", "general_budget_basic", "gov_fund",
                                             "state_capital",  "projects"};
    return kinds;
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    bool any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

bool same_source(const AmountRecord& truth, const AmountRecord& record) {
    return truth.source.empty() || record.source.empty() || truth.source == record.source;
}

// The row: the code, else the row_key, else the label (both labels already normalised).
bool same_row(const AmountRecord& truth, const AmountRecord& record) {
    if (!truth.code.empty()) return truth.code == record.code;
    if (!truth.row_key.empty()) return truth.row_key == record.row_key;
    return truth.row_label == record.row_label;
}

// A copy for matching: label normalised, amount canonical, computed once.
AmountRecord matching_form(const AmountRecord& record) {
    AmountRecord form = record;
    form.row_label = normalized_label(record.row_label);
    form.amount_yuan = canonical_decimal(record.amount_yuan);
    return form;
}

bool same_unit(const AmountRecord& truth, const AmountRecord& record) {
    return truth.unit.empty() || record.unit.empty() || truth.unit == record.unit;
}

// Which fields of a record agree with an expected amount (amount compared canonically).
struct Agreement {
    bool table_kind = false;
    bool side = false;
    bool measure = false;
    bool row = false;
    bool unit = false;
    bool amount = false;
    bool page = false;
};

// Both arguments in matching_form.
Agreement agreement(const AmountRecord& truth, const AmountRecord& record) {
    Agreement a;
    a.table_kind = truth.table_kind == record.table_kind;
    a.side = truth.side == record.side;
    a.measure = truth.measure == record.measure;
    a.row = same_row(truth, record);
    a.unit = same_unit(truth, record);
    a.amount = truth.amount_yuan == record.amount_yuan;
    a.page = truth.page == record.page;
    return a;
}

// The field a near miss differs in, when the record agrees with the expected amount in all
// fields but that one; false otherwise. `field` names the row field by what the truth holds.
bool near_miss(const AmountRecord& truth, const Agreement& a, WrongField& field) {
    const bool keys = a.table_kind && a.side && a.measure && a.row;
    if (keys && a.unit && !a.amount) {
        field = WrongField::amount;
        return true;
    }
    if (keys && !a.unit) {
        field = WrongField::unit;
        return true;
    }
    if (!a.page || !a.unit || !a.amount) return false;
    const int differing = !a.table_kind + !a.side + !a.measure + !a.row;
    if (differing != 1) return false;
    if (!a.table_kind) field = WrongField::table_kind;
    else if (!a.side) field = WrongField::side;
    else if (!a.measure) field = WrongField::measure;
    else if (!truth.code.empty()) field = WrongField::code;
    else if (!truth.row_key.empty()) field = WrongField::row_key;
    else field = WrongField::row_label;
    return true;
}

std::string describe(const AmountRecord& r) {
    std::string text = r.table_kind + " p" + std::to_string(r.page);
    if (!r.side.empty()) text += " " + r.side;
    if (!r.code.empty()) text += " " + r.code;
    if (!r.row_key.empty()) text += " [" + r.row_key + "]";
    text += " '" + r.row_label + "' " + (r.measure.empty() ? std::string("(no measure)") : r.measure);
    if (!r.unit.empty()) text += " " + r.unit;
    return text;
}

}  // namespace

std::string canonical_decimal(const std::string& text) {
    static const std::regex number(R"(^\s*([-+]?)(\d*)(?:\.(\d*))?\s*$)");
    std::smatch m;
    if (!std::regex_match(text, m, number) || (m[2].length() == 0 && m[3].length() == 0)) return {};
    std::string whole = m[2].str();
    std::string fraction = m[3].str();
    const auto first = whole.find_first_not_of('0');
    whole = first == std::string::npos ? "0" : whole.substr(first);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    const bool zero = whole == "0" && fraction.empty();
    return (m[1].str() == "-" && !zero ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

std::string normalized_label(const std::string& text) {
    const std::string nfkc = normalize_text(text);
    std::string out;
    for (std::size_t i = 0; i < nfkc.size(); ++i) {
        const char c = nfkc[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        out += c;
    }
    return out;
}

bool read_amount_records(const std::string& path, std::vector<AmountRecord>& records, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return false;
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return parse_amount_records(text, path, records, error);
}

bool parse_amount_records(const std::string& text, const std::string& path, std::vector<AmountRecord>& records,
                          std::string& error) {
    const auto rows = parse_csv(text);
    if (rows.empty()) {
        error = path + ": no header";
        return false;
    }
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < rows[0].size(); ++i) column[rows[0][i]] = i;
    for (const char* name : {"table_kind", "page", "side", "code", "row_label", "measure", "amount_yuan"}) {
        if (!column.count(name)) {
            error = path + ": no column " + name;
            return false;
        }
    }
    const auto get = [&](const std::vector<std::string>& row, const std::string& name) -> std::string {
        const auto it = column.find(name);
        return it == column.end() || it->second >= row.size() ? std::string() : row[it->second];
    };
    for (std::size_t r = 1; r < rows.size(); ++r) {
        AmountRecord record;
        record.source = get(rows[r], "source");
        record.table_kind = get(rows[r], "table_kind");
        record.table_title = get(rows[r], "table_title");
        const std::string page = get(rows[r], "page");
        record.page = page.empty() ? 0 : std::atoi(page.c_str());
        record.side = get(rows[r], "side");
        record.code = get(rows[r], "code");
        record.row_key = get(rows[r], "row_key");
        record.row_label = get(rows[r], "row_label");
        record.measure = get(rows[r], "measure");
        record.unit = get(rows[r], "unit");
        record.amount_printed = get(rows[r], "amount_printed");
        record.amount_yuan = get(rows[r], "amount_yuan");
        records.push_back(std::move(record));
    }
    return true;
}

const char* wrong_field_name(WrongField field) {
    switch (field) {
        case WrongField::amount: return "amount";
        case WrongField::unit: return "unit";
        case WrongField::measure: return "measure";
        case WrongField::code: return "code";
        case WrongField::row_key: return "row_key";
        case WrongField::row_label: return "row_label";
        case WrongField::side: return "side";
        case WrongField::table_kind: return "table_kind";
    }
    return "?";
}

Evaluation evaluate_records(const std::vector<AmountRecord>& truth, const std::vector<AmountRecord>& records,
                            const EvaluationOptions& options) {
    Evaluation result;
    result.truth_total = static_cast<int>(truth.size());
    std::vector<AmountRecord> truth_form;
    std::vector<AmountRecord> record_form;
    for (const auto& t : truth) truth_form.push_back(matching_form(t));
    for (const auto& r : records) record_form.push_back(matching_form(r));
    std::vector<bool> used(records.size(), false);
    std::vector<bool> done(truth.size(), false);
    std::set<std::string> truth_kinds;
    std::set<int> truth_pages;
    for (const auto& t : truth) {
        truth_kinds.insert(t.table_kind);
        truth_pages.insert(t.page);
    }

    // Exact matches: a record on the expected page first, then on any page.
    std::vector<std::string> other_page;
    for (std::size_t t = 0; t < truth.size(); ++t) {
        for (int pass = 0; pass < 2 && !done[t]; ++pass) {
            for (std::size_t r = 0; r < records.size(); ++r) {
                if (used[r] || !same_source(truth[t], records[r])) continue;
                const Agreement a = agreement(truth_form[t], record_form[r]);
                if (!(a.table_kind && a.side && a.measure && a.row && a.unit && a.amount)) continue;
                if (pass == 0 && !a.page) continue;
                used[r] = true;
                done[t] = true;
                ++result.matched;
                if (!a.page) {
                    ++result.matched_other_page;
                    other_page.push_back("page: " + describe(truth[t]) + " = " + truth[t].amount_yuan +
                                         " printed on p" + std::to_string(records[r].page));
                }
                break;
            }
        }
    }

    // Near misses: the record agreeing in all fields but one; same page first.
    std::vector<std::string> wrong;
    std::vector<std::string> missing;
    for (std::size_t t = 0; t < truth.size(); ++t) {
        if (done[t]) continue;
        for (int pass = 0; pass < 2 && !done[t]; ++pass) {
            for (std::size_t r = 0; r < records.size(); ++r) {
                if (used[r] || !same_source(truth[t], records[r])) continue;
                const Agreement a = agreement(truth_form[t], record_form[r]);
                if (pass == 0 && !a.page) continue;
                WrongField field{};
                if (!near_miss(truth[t], a, field)) continue;
                used[r] = true;
                done[t] = true;
                ++result.wrong;
                ++result.wrong_by_field[static_cast<std::size_t>(field)];
                const AmountRecord& got = records[r];
                if (field == WrongField::amount) {
                    wrong.push_back("wrong: " + describe(truth[t]) + ": expected " + truth[t].amount_yuan + ", got " +
                                    got.amount_yuan + " (record p" + std::to_string(got.page) + ")");
                } else {
                    wrong.push_back("wrong " + std::string(wrong_field_name(field)) + ": " + describe(truth[t]) +
                                    " = " + truth[t].amount_yuan + "; got " + describe(got) + " = " + got.amount_yuan);
                }
                break;
            }
        }
        if (!done[t]) {
            ++result.missing;
            missing.push_back("missing: " + describe(truth[t]) + " = " + truth[t].amount_yuan);
        }
    }

    std::vector<std::string> extra;
    for (std::size_t r = 0; r < records.size(); ++r) {
        if (used[r]) continue;
        const auto& kind = records[r].table_kind;
        const bool in_scope = options.extra_scope == ExtraScope::truth_pages
                                  ? truth_pages.count(records[r].page) > 0
                                  : code_table_kinds().count(kind) > 0 || truth_kinds.count(kind) > 0;
        if (in_scope) {
            ++result.extra;
            extra.push_back("extra: " + describe(records[r]) + " = " + records[r].amount_yuan);
        } else {
            ++result.ignored;
            ++result.ignored_kinds[kind.empty() ? "(no kind)" : kind];
        }
    }
    for (auto* list : {&wrong, &missing, &extra, &other_page}) {
        result.problems.insert(result.problems.end(), list->begin(), list->end());
    }
    return result;
}

void add_evaluation(Evaluation& a, const Evaluation& b) {
    a.truth_total += b.truth_total;
    a.matched += b.matched;
    a.matched_other_page += b.matched_other_page;
    a.wrong += b.wrong;
    for (std::size_t i = 0; i < wrong_field_count; ++i) a.wrong_by_field[i] += b.wrong_by_field[i];
    a.missing += b.missing;
    a.extra += b.extra;
    a.ignored += b.ignored;
    for (const auto& [kind, count] : b.ignored_kinds) a.ignored_kinds[kind] += count;
    a.problems.insert(a.problems.end(), b.problems.begin(), b.problems.end());
}

std::string summary_line(const Evaluation& e) {
    std::ostringstream out;
    out << "matched " << e.matched << "/" << e.truth_total;
    if (e.truth_total > 0) {
        // Percentage with two decimals from integers.
        const long long hundredths = 10000LL * e.matched / e.truth_total;
        out << " (" << hundredths / 100 << "." << (hundredths % 100 < 10 ? "0" : "") << hundredths % 100 << " %)";
    }
    if (e.matched_other_page > 0) out << " [" << e.matched_other_page << " on another page]";
    out << ", wrong " << e.wrong;
    if (e.wrong > 0) {
        out << " (";
        bool first = true;
        for (std::size_t i = 0; i < wrong_field_count; ++i) {
            if (e.wrong_by_field[i] == 0) continue;
            out << (first ? "" : ", ") << wrong_field_name(static_cast<WrongField>(i)) << " " << e.wrong_by_field[i];
            first = false;
        }
        out << ")";
    }
    out << ", missing " << e.missing << ", extra " << e.extra << ", ignored " << e.ignored;
    if (!e.ignored_kinds.empty()) {
        out << " (";
        bool first = true;
        for (const auto& [kind, count] : e.ignored_kinds) {
            out << (first ? "" : ", ") << kind << " " << count;
            first = false;
        }
        out << ")";
    }
    return out.str();
}

}  // namespace budgetpdf::evaluation
