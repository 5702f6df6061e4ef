#include "tools/make_corpus/corpus_specs.h"

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

    return documents;
}

}  // namespace budgetpdf::corpus
