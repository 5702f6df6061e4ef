// Acceptance on the published PDFs in the shared folder: every 功能分类/经济分类 code
// comes out in a grid row together with its amounts, and long tables continued over
// several pages come out as one table. The expected code counts were taken from
// `pdftotext -layout` (lines starting with a code; for the side-by-side 经济分类 tables,
// finance pages 16-17 and template page 11, the code tokens on each line).

#include "extract/pdf_reader.h"
#include "extract/table_finder.h"
#include "extract/table_text.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "pdf_test_files.h"
#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

bool is_code_cell(const std::string& t) {
    return (t.size() == 3 || t.size() == 5 || t.size() == 7) && t.find_first_not_of("0123456789") == std::string::npos;
}

struct CodeCount {
    int codes = 0;              // cells holding a classification code
    int orphan_rows = 0;        // rows of code tables with amounts but no code or label
    int overlapping_tables = 0; // tables whose cells do not tile the grid
};

CodeCount count_codes(const std::vector<Table>& tables) {
    CodeCount count;
    for (const Table& t : tables) {
        if (!cells_tile(t)) ++count.overlapping_tables;
        std::map<std::pair<int, int>, const Cell*> at;
        for (const Cell& c : t.cells) at[{c.row, c.col}] = &c;
        int codes_here = 0;
        for (const Cell& c : t.cells) {
            if (!is_code_cell(c.text)) continue;
            // A 3-digit amount followed by another amount is not a code.
            auto right = at.find({c.row, c.col + c.col_span});
            if (right != at.end() && is_amount_text(right->second->text) && right->second->text.size() > 2) continue;
            ++codes_here;
        }
        count.codes += codes_here;
        if (codes_here == 0) continue;
        std::vector<int> amounts(t.rows, 0), labels(t.rows, 0);
        for (const Cell& c : t.cells) {
            if (c.text.empty()) continue;
            (is_numeric_text(c.text) ? amounts : labels)[c.row]++;
        }
        for (int r = t.header_rows; r < t.rows; ++r)
            if (amounts[r] > 0 && labels[r] == 0) ++count.orphan_rows;
    }
    return count;
}

}  // namespace

TEST_CASE("real PDFs: every classification code lands in a grid row, none missed") {
    struct Expected {
        const char* file;
        int codes;
    };
    const Expected documents[] = {
        {"real/govbudgetchecker/putuo_commerce_2025_dept_budget.pdf", 120},
        {"real/govbudgetchecker/putuo_finance_2024_dept_final.pdf", 57 + 64},
        {"real/govbudgetchecker/putuo_wanli_street_2024_dept_budget.pdf", 229},
        {"real/govbudgetchecker/template_dept_final_attachment2.pdf", 15 + 65},
        {"real/open_budget_jiangsu/江苏省人大办公厅__江苏省人大办公厅2017年度预算公开.pdf", 97},
        {"real/open_budget_jiangsu/江苏省人民检察院__2017年省检察院部门预算.pdf", 99},
        {"real/open_budget_jiangsu/江苏省委办公厅__江苏省委办公厅2017年预算公开表格.pdf", 99},
        {"real/open_budget_jiangsu/江苏省政协办公厅__2017年度部门预算公开表.pdf", 94},
        {"real/open_budget_jiangsu/江苏省高级人民法院__省法院2017年度部门预算公开.pdf", 111},
    };
    for (const Expected& doc : documents) {
        CAPTURE(doc.file);
        CodeCount count = count_codes(tables_of_file(doc.file));
        CHECK(count.codes == doc.codes);
        CHECK(count.orphan_rows == 0);
        CHECK(count.overlapping_tables == 0);
    }
}

TEST_CASE("real PDF: top-aligned amounts in tall cells stay on their code row (finance page 10)") {
    auto tables = tables_of_file("real/govbudgetchecker/putuo_finance_2024_dept_final.pdf", 10, 10);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.context.title == "支出决算表");
    CHECK(t.context.unit == "单位：万元");
    auto total = row_of(t, "合计");
    CHECK(contains(total, "2,940.05"));
    CHECK(contains(total, "2,336.91"));
    CHECK(contains(total, "603.14"));
    auto running = row_of(t, "行政运行");
    CHECK(contains(running, "201"));
    CHECK(contains(running, "06"));
    CHECK(contains(running, "01"));
    CHECK(contains(running, "1,511.89"));
    CHECK(contains(running, "1,503.52"));
    CHECK(contains(running, "8.37"));
    auto wrapped = row_of(t, "机关事业单位基本养老保险缴费支出");
    CHECK(contains(wrapped, "05"));
    CHECK(std::count(wrapped.begin(), wrapped.end(), "160.75") == 2);
    auto info = row_of(t, "信息化建设");
    CHECK(contains(info, "07"));
    CHECK(std::count(info.begin(), info.end(), "135.25") == 2);
}

TEST_CASE("real PDF: wanli street tables continued over pages 12-14 and 17-19 are one table each") {
    auto tables = tables_of_file("real/govbudgetchecker/putuo_wanli_street_2024_dept_budget.pdf");
    auto spanning = [&](int first, int last) -> const Table* {
        for (const Table& t : tables)
            if (t.page <= first && t.last_page() >= last) return &t;
        return nullptr;
    };
    // Pages 15 and 20 hold nothing but the tables' 合计 rows, ruled like the tables.
    for (auto [first, last] : {std::pair{12, 15}, std::pair{17, 20}}) {
        CAPTURE(first);
        const Table* t = spanning(first, last);
        REQUIRE(t);
        CHECK(t->page == first - 1);  // the title and header are on the page before
        CHECK(t->last_page() == last);
        REQUIRE(t->parts.size() == static_cast<size_t>(last - first + 2));
        for (size_t k = 1; k < t->parts.size(); ++k) {
            CHECK(t->parts[k].page == t->parts[k - 1].page + 1);
            CHECK(t->parts[k].first_row == t->parts[k - 1].first_row + t->parts[k - 1].row_count);
        }
        CHECK_FALSE(t->context.title.empty());
        CHECK(t->header_rows >= 2);
        CHECK(cells_tile(*t));
        // pdftotext -layout shows 66 code lines on the pages of either table.
        CodeCount count = count_codes({*t});
        CHECK(count.codes == 66);
        const Cell* total = cell_at(*t, t->rows - 1, 0);
        REQUIRE(total);
        CHECK(total->text == "合计");
        CHECK(total->page == last);
    }
}
