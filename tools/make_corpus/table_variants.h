#pragma once
// Variants of a seed table: the same body under the headers, titles and number rows other
// provinces print, and the 收入总体情况表 of the national template derived from a seed
// 收入总表. Each variant checks that the seed table has the shape it expects.
//
// How it works:
// - national_*: the header rows are replaced by the national template's wording (group
//   headers over several columns, long headers that wrap), the title by the national title,
//   and the 部门名称/单位 lines by `编制单位：… 金额单位：…`; body rows are kept as they are.
// - national_income(_total_last): 13 amount columns from a seed 收入总表 (科目编码 | 科目名称 |
//   合计 | 一般公共预算 | 政府性基金 | 国有资本经营预算 | 财政专户管理资金 | 单位资金 | 上年结转).
//   On each leaf row (a code row without child rows), in 0.01 units of the printed unit:
//   the seed's 政府性基金, 国有资本经营预算, 财政专户管理资金 and 上年结转 stay in their columns
//   and 单位资金 becomes 事业收入; then a quarter of the seed's 一般公共预算 (rounded down) moves
//   to one other source column, the n-th leaf's to the (n mod 8)-th of 政府性基金, 国有资本经营,
//   财政专户管理资金, 事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入.
//   财政拨款收入/小计 = 一般公共预算 + 政府性基金 + 国有资本经营; 单位资金/小计 = its five
//   parts; 合计 = 财政拨款收入 + 财政专户管理资金 + 单位资金 + 上年结转. A parent row (类, 款)
//   is the sum of the leaves under it and 合计 the sum of all leaves, so every column adds up
//   exactly; each row's 合计 is the seed's 合计 + 上年结转, except where the seed's own parent
//   row differs from the sum of its leaves by rounding (checked: at most 0.05). Zero prints
//   blank, amounts print with thousands separators. total_last moves the 合计 row to the bottom.
// - lanci_row, star_row, jia_yi_row: a column-number row under the header: numbers 1, 2, …
//   over the amount columns, and in the label columns (columns whose body holds text other
//   than amounts) 栏次 (first of each run of label columns), ** (each), or 甲, 乙, 丙 … .

#include <string>

#include "tools/make_corpus/seed_tables.h"

namespace budgetpdf::corpus {

enum class TableVariant {
    as_seed,
    national_summary,          // 收支总体情况表
    national_income,           // 收入总体情况表, 13 measures
    national_income_total_last,
    national_expenditure,      // 支出总体情况表
    national_grant_summary,    // 财政拨款收支总体情况表
    national_general_budget,   // 一般公共预算支出情况表
    national_general_basic,    // 一般公共预算基本支出情况表
    lanci_row,
    star_row,
    jia_yi_row,
};

// The name labels.tsv uses after the table index (`2:national_income`); empty for as_seed.
std::string variant_name(TableVariant variant);

// Whose hand labels apply: a variant that keeps the seed's columns and headers reads the
// seed table's labels (as_seed); total_last reads national_income's.
TableVariant labels_variant(TableVariant variant);

// The variant of `seed`; false with a message in error when the seed has another shape.
bool derive_table(const SeedTable& seed, TableVariant variant, SeedTable& out, std::string& error);

}  // namespace budgetpdf::corpus
