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

bool same_key(const AmountRecord& truth, const AmountRecord& record) {
    if (truth.table_kind != record.table_kind || truth.side != record.side || truth.measure != record.measure) {
        return false;
    }
    if (!truth.code.empty()) return truth.code == record.code;
    return normalized_label(truth.row_label) == normalized_label(record.row_label);
}

std::string describe(const AmountRecord& r) {
    std::string text = r.table_kind + " p" + std::to_string(r.page);
    if (!r.side.empty()) text += " " + r.side;
    text += r.code.empty() ? " '" + r.row_label + "'" : " " + r.code + " '" + r.row_label + "'";
    return text + " " + r.measure;
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
        const std::string page = get(rows[r], "page");
        record.page = page.empty() ? 0 : std::atoi(page.c_str());
        record.side = get(rows[r], "side");
        record.code = get(rows[r], "code");
        record.row_label = get(rows[r], "row_label");
        record.measure = get(rows[r], "measure");
        record.amount_yuan = get(rows[r], "amount_yuan");
        records.push_back(std::move(record));
    }
    return true;
}

Evaluation evaluate_records(const std::vector<AmountRecord>& truth, const std::vector<AmountRecord>& records) {
    Evaluation result;
    result.truth_total = static_cast<int>(truth.size());
    std::vector<bool> used(records.size(), false);
    std::vector<bool> matched(truth.size(), false);
    std::vector<std::string> other_page;
    std::set<std::string> truth_kinds;
    for (const auto& t : truth) truth_kinds.insert(t.table_kind);
    for (std::size_t t = 0; t < truth.size(); ++t) {
        const std::string amount = canonical_decimal(truth[t].amount_yuan);
        // Prefer a record on the same page, then any page.
        for (int pass = 0; pass < 2 && !matched[t]; ++pass) {
            for (std::size_t r = 0; r < records.size(); ++r) {
                if (used[r] || !same_key(truth[t], records[r])) continue;
                if (pass == 0 && records[r].page != truth[t].page) continue;
                if (canonical_decimal(records[r].amount_yuan) != amount) continue;
                used[r] = true;
                matched[t] = true;
                ++result.matched;
                if (records[r].page != truth[t].page) {
                    ++result.matched_other_page;
                    other_page.push_back("page: " + describe(truth[t]) + " = " + truth[t].amount_yuan +
                                         " printed on p" + std::to_string(records[r].page));
                }
                break;
            }
        }
    }
    std::vector<std::string> wrong;
    std::vector<std::string> missing;
    for (std::size_t t = 0; t < truth.size(); ++t) {
        if (matched[t]) continue;
        bool found = false;
        for (std::size_t r = 0; r < records.size() && !found; ++r) {
            if (used[r] || !same_key(truth[t], records[r])) continue;
            used[r] = true;
            found = true;
            ++result.wrong;
            wrong.push_back("wrong: " + describe(truth[t]) + ": expected " + truth[t].amount_yuan + ", got " +
                            records[r].amount_yuan + " (record p" + std::to_string(records[r].page) + ")");
        }
        if (!found) {
            ++result.missing;
            missing.push_back("missing: " + describe(truth[t]) + " = " + truth[t].amount_yuan);
        }
    }
    std::vector<std::string> extra;
    for (std::size_t r = 0; r < records.size(); ++r) {
        if (used[r]) continue;
        const auto& kind = records[r].table_kind;
        if (code_table_kinds().count(kind) || truth_kinds.count(kind)) {
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

std::string summary_line(const Evaluation& e) {
    std::ostringstream out;
    out << "matched " << e.matched << "/" << e.truth_total;
    if (e.truth_total > 0) {
        // Percentage with two decimals from integers.
        const long long hundredths = 10000LL * e.matched / e.truth_total;
        out << " (" << hundredths / 100 << "." << (hundredths % 100 < 10 ? "0" : "") << hundredths % 100 << " %)";
    }
    if (e.matched_other_page > 0) out << " [" << e.matched_other_page << " on another page]";
    out << ", wrong " << e.wrong << ", missing " << e.missing << ", extra " << e.extra << ", ignored " << e.ignored;
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
