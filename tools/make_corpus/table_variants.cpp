#include "tools/make_corpus/table_variants.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <vector>

#include "tools/make_corpus/grid_model.h"

namespace budgetpdf::corpus {
namespace {

using Rows = std::vector<std::vector<std::string>>;

constexpr const char* any_text = "*";  // in an expected header: any text
constexpr int moved_share_divisor = 4;  // a quarter of 一般公共预算 moves to another source
// A 万元 seed's parent row may differ from the sum of its leaves by their rounding.
constexpr std::int64_t max_seed_rounding_hundredths = 5;

// Text without spaces (the seeds keep the spaces of wrapped header lines).
std::string without_spaces(const std::string& text) {
    std::string out;
    for (const auto& point : utf8_code_points(text)) {
        if (point != " " && point != "\xE3\x80\x80") out += point;
    }
    return out;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// The seed's header rows must equal `expected` (spaces ignored, "*" matches any text).
bool header_is(const SeedTable& seed, const Rows& expected, std::string& error) {
    const int header_rows = header_row_count(seed);
    bool same = header_rows == static_cast<int>(expected.size());
    for (int r = 0; same && r < header_rows; ++r) {
        same = seed.rows[r].size() == expected[r].size();
        for (std::size_t c = 0; same && c < expected[r].size(); ++c) {
            same = expected[r][c] == any_text ? !seed.rows[r][c].empty()
                                              : without_spaces(seed.rows[r][c]) == expected[r][c];
        }
    }
    if (!same) error = seed.title + ": the header is not the one this variant rewrites";
    return same;
}

// The lines above in the national wording: the title replaced, 部门名称/单位名称 as
// 编制单位, 单位 as 金额单位 (the two are printed on one line).
bool national_context(const SeedTable& seed, const std::string& title, SeedTable& out, std::string& error) {
    bool organisation = false;
    bool unit = false;
    out.lines_above.clear();
    for (const auto& line : seed.lines_above) {
        std::string text = line;
        if (line == seed.title) {
            text = title;
        } else if (starts_with(line, "部门名称：") || starts_with(line, "单位名称：")) {
            text = "编制单位：" + line.substr(std::string("部门名称：").size());
            organisation = true;
        } else if (starts_with(line, "单位：")) {
            text = "金额单位：" + line.substr(std::string("单位：").size());
            unit = true;
        }
        out.lines_above.push_back(text);
    }
    out.title = title;
    out.tag = seed.tag;
    out.notes = seed.notes;
    if (!organisation || !unit) error = seed.title + ": no 部门名称/单位名称 or 单位 line to rewrite";
    return organisation && unit;
}

// Replaces the seed's header rows by `header`, keeping the body.
SeedTable with_header(const SeedTable& seed, const Rows& header) {
    SeedTable out = seed;
    out.rows = header;
    const int header_rows = header_row_count(seed);
    out.rows.insert(out.rows.end(), seed.rows.begin() + header_rows, seed.rows.end());
    return out;
}

struct NationalHeader {
    TableVariant variant;
    const char* title;
    Rows seed_header;
    Rows header;
};

const std::vector<NationalHeader>& national_headers() {
    static const std::vector<NationalHeader> headers{
        {TableVariant::national_summary,
         "收支总体情况表",
         {{"收入", "", "支出", "", "", ""}, {"项目", any_text, "项目", any_text, "当年预算安排", "上年结转安排"}},
         {{"收入", "", "支出", "", "", ""},
          {"项目", "预算数", "项目", "预算数", "", ""},
          {"", "", "", "合计", "当年预算安排", "上年结转安排"}}},
        {TableVariant::national_expenditure,
         "支出总体情况表",
         {{"项目", "", any_text, "", ""}, {"科目编码", "科目名称", "合计", "基本支出", "项目支出"}},
         {{"支出功能分类科目", "", "本年支出合计", "基本支出", "项目支出"}, {"科目编码", "科目名称", "", "", ""}}},
        {TableVariant::national_general_budget,
         "一般公共预算支出情况表",
         {{"项目", "", any_text, "", ""}, {"科目编码", "科目名称", "合计", "基本支出", "项目支出"}},
         {{"功能分类科目", "", "一般公共预算支出", "", ""}, {"科目编码", "科目名称", "合计", "基本支出", "项目支出"}}},
        {TableVariant::national_general_basic,
         "一般公共预算基本支出情况表",
         {{"部门预算支出经济科目名称", "政府预算支出经济科目名称", any_text, "", ""}, {"", "", "合计", "人员经费", "公用经费"}},
         {{"部门预算支出经济分类科目", "政府预算支出经济分类科目", "一般公共预算基本支出", "", ""},
          {"", "", "合计", "人员经费", "公用经费"}}},
        {TableVariant::national_grant_summary,
         "财政拨款收支总体情况表",
         {{"收入", "", "支出", "", "", "", ""},
          {"项目", "金额", "项目", "金额", "", "", ""},
          {"", "", "", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"}},
         {{"收入", "", "支出", "", "", "", ""},
          {"项目", "预算数", "项目", "预算数", "", "", ""},
          {"", "", "", "合计", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"}}},
    };
    return headers;
}

// ---- 收入总体情况表 -------------------------------------------------------------------

// Output columns of the national income table.
enum IncomeColumn {
    code_col, name_col, total_col, fiscal_subtotal_col, general_col, fund_col, capital_col, special_col,
    unit_subtotal_col, business_col, operating_col, upper_col, subsidiary_col, other_col, carryover_col,
    income_columns
};
using IncomeRow = std::array<std::int64_t, income_columns>;  // 0.01 units of the printed unit

// The columns that take the moved quarter of 一般公共预算, leaf after leaf.
constexpr std::array<int, 8> moved_share_targets{fund_col, capital_col, special_col, business_col,
                                                 operating_col, upper_col, subsidiary_col, other_col};

// Seed 收入总表 columns.
enum SeedIncomeColumn { seed_total = 2, seed_general, seed_fund, seed_capital, seed_special, seed_unit, seed_carryover };

bool is_code_text(const std::string& text) {
    static const std::regex code(R"(^(\d{3}|\d{5}|\d{7})$)");
    return std::regex_match(text, code);
}

// "1,915.00" → 191500; blank → 0; false when not a plain amount with at most 2 decimals.
bool parse_hundredths(const std::string& text, std::int64_t& value) {
    static const std::regex amount(R"(^(\d[\d,]*)(?:\.(\d{1,2}))?$)");
    value = 0;
    if (text.empty()) return true;
    std::smatch m;
    if (!std::regex_match(text, m, amount)) return false;
    for (const char c : m[1].str()) {
        if (c != ',') value = value * 10 + (c - '0');
    }
    std::string fraction = m[2].str();
    fraction.append(2 - fraction.size(), '0');
    value = value * 100 + std::stoi(fraction);
    return true;
}

// 191500 → "1,915.00"; 0 → "" (the national template leaves zero cells blank).
std::string format_hundredths(std::int64_t value) {
    if (value == 0) return {};
    const bool negative = value < 0;
    if (negative) value = -value;
    const std::string whole = std::to_string(value / 100);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    const std::int64_t cents = value % 100;
    return (negative ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

IncomeRow leaf_income(const std::vector<std::int64_t>& seed, int leaf_index) {
    IncomeRow row{};
    const std::int64_t moved = seed[seed_general] / moved_share_divisor;
    row[general_col] = seed[seed_general] - moved;
    row[fund_col] = seed[seed_fund];
    row[capital_col] = seed[seed_capital];
    row[special_col] = seed[seed_special];
    row[business_col] = seed[seed_unit];
    row[carryover_col] = seed[seed_carryover];
    row[moved_share_targets[leaf_index % moved_share_targets.size()]] += moved;
    row[fiscal_subtotal_col] = row[general_col] + row[fund_col] + row[capital_col];
    row[unit_subtotal_col] =
        row[business_col] + row[operating_col] + row[upper_col] + row[subsidiary_col] + row[other_col];
    row[total_col] = row[fiscal_subtotal_col] + row[special_col] + row[unit_subtotal_col] + row[carryover_col];
    return row;
}

bool national_income(const SeedTable& seed, bool total_last, SeedTable& out, std::string& error) {
    const Rows seed_header{
        {"项目", "", "本年收入", "", "", "", "", "", "上年结转"},
        {"科目编码", "科目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金", ""}};
    if (!header_is(seed, seed_header, error)) return false;
    if (!national_context(seed, "收入总体情况表", out, error)) return false;

    const int header_rows = header_row_count(seed);
    const int body_rows = static_cast<int>(seed.rows.size()) - header_rows;
    std::vector<std::vector<std::int64_t>> amounts(body_rows, std::vector<std::int64_t>(seed_carryover + 1, 0));
    std::vector<std::string> codes(body_rows);
    for (int i = 0; i < body_rows; ++i) {
        const auto& row = seed.rows[header_rows + i];
        codes[i] = row[0];
        if (!is_code_text(row[0]) && without_spaces(row[0]) != "合计") {
            error = seed.title + ": body row '" + row[0] + "' is neither a code nor 合计";
            return false;
        }
        for (int c = seed_total; c <= seed_carryover; ++c) {
            if (!parse_hundredths(row[c], amounts[i][c])) {
                error = seed.title + ": '" + row[c] + "' is not an amount";
                return false;
            }
        }
    }
    // Leaves and their shares, then every row as the sum of the leaves under it.
    std::vector<IncomeRow> leaves(body_rows);
    std::vector<bool> is_leaf(body_rows, false);
    int leaf_count = 0;
    for (int i = 0; i < body_rows; ++i) {
        if (!is_code_text(codes[i])) continue;
        const bool has_child = i + 1 < body_rows && codes[i + 1].size() > codes[i].size() &&
                               starts_with(codes[i + 1], codes[i]);
        if (has_child) continue;
        is_leaf[i] = true;
        leaves[i] = leaf_income(amounts[i], leaf_count++);
    }
    out.rows = {{"科目编码", "科目名称", "合计", "财政拨款收入", "", "", "", "财政专户管理资金", "单位资金", "", "", "", "",
                 "", "上年结转"},
                {"", "", "", "小计", "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "", "小计",
                 "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", ""}};
    std::vector<std::string> total_row;
    for (int i = 0; i < body_rows; ++i) {
        const bool total = !is_code_text(codes[i]);
        IncomeRow sum{};
        for (int leaf = 0; leaf < body_rows; ++leaf) {
            if (!is_leaf[leaf] || !(total || starts_with(codes[leaf], codes[i]))) continue;
            for (int c = 0; c < income_columns; ++c) sum[c] += leaves[leaf][c];
        }
        const std::int64_t seed_sum = amounts[i][seed_total] + amounts[i][seed_carryover];
        if (std::abs(sum[total_col] - seed_sum) > max_seed_rounding_hundredths) {
            error = seed.title + ": row '" + codes[i] + "' is far from the sum of its leaves";
            return false;
        }
        const auto& seed_row = seed.rows[header_rows + i];
        std::vector<std::string> row{seed_row[0], seed_row[1]};
        for (int c = total_col; c < income_columns; ++c) row.push_back(format_hundredths(sum[c]));
        if (total && total_last) total_row = row;
        else out.rows.push_back(row);
    }
    if (!total_row.empty()) out.rows.push_back(total_row);
    return true;
}

// ---- column-number rows ---------------------------------------------------------------

SeedTable with_number_row(const SeedTable& seed, TableVariant variant) {
    const int header_rows = header_row_count(seed);
    const std::size_t cols = seed.rows.empty() ? 0 : seed.rows[0].size();
    std::vector<bool> label_column(cols, false);
    for (std::size_t r = header_rows; r < seed.rows.size(); ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            const std::string& text = seed.rows[r][c];
            if (!text.empty() && !is_amount_text(text)) label_column[c] = true;
        }
    }
    static const std::array<const char*, 4> ordinals{"甲", "乙", "丙", "丁"};
    std::vector<std::string> row(cols);
    int number = 0;
    std::size_t ordinal = 0;
    for (std::size_t c = 0; c < cols; ++c) {
        if (!label_column[c]) {
            row[c] = std::to_string(++number);
        } else if (variant == TableVariant::star_row) {
            row[c] = "**";
        } else if (variant == TableVariant::jia_yi_row) {
            row[c] = ordinals[std::min(ordinal++, ordinals.size() - 1)];
        } else if (c == 0 || !label_column[c - 1]) {
            row[c] = "栏次";
        }
    }
    SeedTable out = seed;
    out.rows.insert(out.rows.begin() + header_rows, row);
    return out;
}

}  // namespace

std::string variant_name(TableVariant variant) {
    switch (variant) {
    case TableVariant::as_seed: return "";
    case TableVariant::national_summary: return "national_summary";
    case TableVariant::national_income: return "national_income";
    case TableVariant::national_income_total_last: return "national_income_total_last";
    case TableVariant::national_expenditure: return "national_expenditure";
    case TableVariant::national_grant_summary: return "national_grant_summary";
    case TableVariant::national_general_budget: return "national_general_budget";
    case TableVariant::national_general_basic: return "national_general_basic";
    case TableVariant::lanci_row: return "lanci_row";
    case TableVariant::star_row: return "star_row";
    case TableVariant::jia_yi_row: return "jia_yi_row";
    }
    return "";
}

TableVariant labels_variant(TableVariant variant) {
    switch (variant) {
    case TableVariant::lanci_row:
    case TableVariant::star_row:
    case TableVariant::jia_yi_row: return TableVariant::as_seed;
    case TableVariant::national_income_total_last: return TableVariant::national_income;
    default: return variant;
    }
}

bool derive_table(const SeedTable& seed, TableVariant variant, SeedTable& out, std::string& error) {
    switch (variant) {
    case TableVariant::as_seed: out = seed; return true;
    case TableVariant::national_income: return national_income(seed, false, out, error);
    case TableVariant::national_income_total_last: return national_income(seed, true, out, error);
    case TableVariant::lanci_row:
    case TableVariant::star_row:
    case TableVariant::jia_yi_row: out = with_number_row(seed, variant); return true;
    default: break;
    }
    for (const auto& national : national_headers()) {
        if (national.variant != variant) continue;
        if (!header_is(seed, national.seed_header, error)) return false;
        out = with_header(seed, national.header);
        return national_context(seed, national.title, out, error);
    }
    error = "unknown table variant";
    return false;
}

}  // namespace budgetpdf::corpus
