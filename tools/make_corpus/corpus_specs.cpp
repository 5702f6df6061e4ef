#include "tools/make_corpus/corpus_specs.h"

#include <iterator>

namespace budgetpdf::corpus {
namespace {

constexpr PageSize a4_portrait{595.276, 841.89};
constexpr PageSize a4_landscape{841.89, 595.276};
constexpr PageSize a5_portrait{419.528, 595.276};

std::vector<TableChoice> seed_range(const std::string& prefix, int first, int last) {
    std::vector<TableChoice> choices;
    for (int i = first; i <= last; ++i) choices.push_back({prefix, i});
    return choices;
}

// Hairline widths and light greys, one pair per table in turn.
constexpr double hairline_widths_pt[] = {0.1, 0.25, 0.15, 0.2};
constexpr double hairline_grays[] = {0.75, 0.6, 0.8, 0.7};
constexpr double national_income_portrait_font_pt = 7;

// The header styles of other provinces' disclosures: the national template's wording with
// wrapped multi-line and group headers, column-number rows, hairline rules, and the
// 收入总体情况表 with 13 measures, on one landscape page and continued over pages.
void add_header_style_documents(std::vector<DocumentSpec>& documents) {
    const std::vector<TableChoice> national{{"003_", 1, TableVariant::national_summary},
                                            {"003_", 2, TableVariant::national_income},
                                            {"003_", 3, TableVariant::national_expenditure},
                                            {"003_", 4, TableVariant::national_grant_summary},
                                            {"003_", 5, TableVariant::national_general_budget},
                                            {"003_", 6, TableVariant::national_general_basic}};
    const auto small_income_font = [](std::size_t table, TableStyle& style) {
        if (table == 1) style.font_size_pt = national_income_portrait_font_pt;
    };

    DocumentSpec wrapped_rules{"grid/jincheng_budget_wrapped_headers_horizontal_rules", national, {}, a4_portrait};
    wrapped_rules.style.borders = Borders::horizontal_rules;
    wrapped_rules.style.rules_inside_header = false;
    wrapped_rules.style.spare_width_to_labels = true;
    wrapped_rules.style.cell_padding_pt = 4;
    wrapped_rules.restyle = small_income_font;
    documents.push_back(wrapped_rules);

    DocumentSpec wrapped_grid{"grid/jincheng_budget_wrapped_headers_full_grid", national, {}, a4_portrait};
    wrapped_grid.style.spare_width_to_labels = true;
    wrapped_grid.restyle = small_income_font;
    documents.push_back(wrapped_grid);

    DocumentSpec lanci{"grid/jincheng_budget_lanci_row",
                       {{"003_", 1, TableVariant::lanci_row},
                        {"003_", 3, TableVariant::lanci_row},
                        {"003_", 5, TableVariant::lanci_row},
                        {"003_", 6, TableVariant::lanci_row},
                        {"003_", 11, TableVariant::lanci_row}},
                       {},
                       a4_portrait};
    documents.push_back(lanci);

    DocumentSpec numbers{"grid/yangquan_budget_number_row_without_label",
                         {{"002_", 2, TableVariant::star_row},
                          {"002_", 3, TableVariant::jia_yi_row},
                          {"002_", 4, TableVariant::jia_yi_row},
                          {"002_", 5, TableVariant::star_row},
                          {"002_", 6, TableVariant::jia_yi_row}},
                         {},
                         a4_portrait};
    documents.push_back(numbers);

    DocumentSpec hairline{"grid/yangquan_final_hairline_rules",
                          {{"000_", 1}, {"000_", 2}, {"000_", 3}, {"000_", 4}, {"000_", 5}, {"000_", 8}, {"000_", 9}},
                          {},
                          a4_portrait};
    hairline.restyle = [](std::size_t table, TableStyle& style) {
        style.rule_width_pt = hairline_widths_pt[table % std::size(hairline_widths_pt)];
        style.rule_gray = hairline_grays[table % std::size(hairline_grays)];
    };
    documents.push_back(hairline);

    DocumentSpec income{"grid/yangquan_budget_income_13_measures_landscape",
                        {{"002_", 2, TableVariant::national_income}},
                        {},
                        a4_landscape};
    income.style.font_size_pt = 8;
    documents.push_back(income);

    DocumentSpec continued{"grid/jincheng_budget_income_13_measures_continued",
                           {{"003_", 2, TableVariant::national_income_total_last}},
                           {},
                           a4_landscape};
    continued.style.font_size_pt = 8;
    continued.style.continuation = Continuation::repeat_title_and_header;
    continued.style.body_row_height_pt = 22;
    continued.style.last_row_alone = true;
    documents.push_back(continued);
}

}  // namespace

std::vector<DocumentSpec> corpus_documents() {
    std::vector<DocumentSpec> documents;

    DocumentSpec full_grid{"grid/yangquan_final_full_grid", seed_range("000_", 1, 10), {}, a4_portrait};
    full_grid.style.merge_headers = false;
    documents.push_back(full_grid);

    DocumentSpec merged{"grid/yangquan_final_merged_headers", seed_range("000_", 1, 10), {}, a4_portrait};
    documents.push_back(merged);

    DocumentSpec rules{"grid/yangquan_final_horizontal_rules",
                       {{"000_", 1}, {"000_", 2}, {"000_", 3}, {"000_", 5}, {"000_", 10}},
                       {},
                       a4_portrait};
    rules.style.merge_headers = false;
    rules.style.borders = Borders::horizontal_rules;
    rules.style.cell_padding_pt = 6;  // without vertical lines, columns need a visible gutter
    documents.push_back(rules);

    DocumentSpec wrapped{"grid/yangquan_final_wrapped_labels",
                         {{"000_", 2}, {"000_", 3}, {"000_", 5}, {"003_", 12}},
                         {},
                         a4_portrait};
    wrapped.style.narrow_label_column_pt = 62;
    wrapped.alternate_alignment = true;
    documents.push_back(wrapped);

    DocumentSpec repeated{"grid/yangquan_final_continued_repeated_header",
                          {{"000_", 1}, {"000_", 2}, {"000_", 4}},
                          {},
                          a4_portrait};
    repeated.style.continuation = Continuation::repeat_header;
    repeated.style.body_row_height_pt = 30;
    documents.push_back(repeated);

    DocumentSpec no_header{"grid/jincheng_budget_continued_no_header",
                           {{"003_", 1}, {"003_", 12}},
                           {},
                           a5_portrait};
    no_header.style.continuation = Continuation::no_header;
    no_header.style.body_row_height_pt = 28;
    no_header.style.font_size_pt = 7.5;
    documents.push_back(no_header);

    DocumentSpec landscape{"grid/yangquan_final_landscape_16_columns", {{"000_", 6}}, {}, a4_landscape};
    landscape.style.font_size_pt = 7.5;
    landscape.style.body_row_height_pt = 14;
    documents.push_back(landscape);

    DocumentSpec fill{"grid/yangquan_budget_fill_borders", seed_range("002_", 1, 7), {}, a4_portrait};
    fill.style.borders = Borders::filled_rects;
    documents.push_back(fill);

    DocumentSpec several{"grid/yangquan_budget_several_tables_per_page", seed_range("002_", 7, 13), {},
                         a4_portrait};
    several.share_page = true;
    documents.push_back(several);

    DocumentSpec jincheng{"grid/jincheng_budget_merged_headers", seed_range("003_", 1, 13), {}, a4_portrait};
    documents.push_back(jincheng);

    add_header_style_documents(documents);
    return documents;
}

}  // namespace budgetpdf::corpus
