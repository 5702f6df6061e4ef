// A new city's variant is YAML only: patch a copy of the templates the way layouts/README.md
// describes and read a table the shipped templates do not know.

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "layouts/table_reader.h"
#include "seed_table.h"

using namespace budgetpdf;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void replace_once(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = slurp(path);
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    std::ofstream(path) << text;
}

Table variant_table() {
    return test::table_from_lines({"收入\t\t支出\t", "项目\t计划安排数\t项目\t计划安排数",
                                   "一、一般公共预算\t100.00\t一、一般公共服务支出\t120.00", "上年余留资金\t20.00\t\t",
                                   "收入总计\t120.00\t支出总计\t120.00"},
                                  "2027年部门财务收支计划表", "金额单位：千元");
}

}  // namespace

TEST_CASE("a new city's summary table is read after a few lines of YAML") {
    fs::path root = fs::temp_directory_path() / "budgetpdf_layouts_variant";
    fs::remove_all(root);
    fs::create_directories(root);
    fs::path source = fs::path(default_layouts_dir()).parent_path();
    fs::copy(source / "templates", root / "templates", fs::copy_options::recursive);
    fs::copy(source / "maps", root / "maps", fs::copy_options::recursive);

    auto shipped = load_layouts((root / "templates").string());
    REQUIRE(shipped.ok());
    std::vector<Diagnostic> diagnostics;
    // Before the YAML knows the title, the table's amounts are still read, as table kind other.
    auto unclaimed = read_table(shipped.value(), variant_table(), 0, diagnostics);
    REQUIRE(unclaimed);
    CHECK(unclaimed->table_kind == "other");
    CHECK(!unclaimed->amounts.empty());
    CHECK(std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.kind == "unknown_table"; }));

    replace_once(root / "templates" / "budget.yaml", "titles: [收支 总表,", "titles: [收支计划表, 收支 总表,");
    replace_once(root / "templates" / "vocabulary.yaml", "total: [合计,", "total: [计划安排数, 合计,");
    replace_once(root / "templates" / "vocabulary.yaml", "上年结余结转, 上年结转和结余]}", "上年结余结转, 上年结转和结余, 上年余留资金]}");
    auto patched = load_layouts((root / "templates").string());
    REQUIRE_MESSAGE(patched.ok(), (patched.ok() ? "" : patched.error().message));
    diagnostics.clear();
    auto reading = read_table(patched.value(), variant_table(), 0, diagnostics);
    REQUIRE(reading);
    CHECK(reading->layout_id == "budget/summary");
    CHECK(reading->unit == "千元");
    REQUIRE(reading->amounts.size() == 5);
    for (const auto& a : reading->amounts) CHECK(a.measure == "total");
    CHECK(reading->amounts[1].code == "201");
    CHECK(reading->amounts[2].row_key == "opening_balance");
    CHECK(reading->amounts[2].side == Side::income);
    CHECK(reading->amounts[3].row_key == "grand_total");
    CHECK(reading->amounts[3].side == Side::income);
    CHECK(reading->amounts[4].row_key == "grand_total");
    CHECK(reading->amounts[4].side == Side::expenditure);
}

TEST_CASE("titles tolerate leftover spaces, tags and prefixes; units in their printed forms") {
    auto loaded = load_layouts(default_layouts_dir());
    REQUIRE(loaded.ok());
    struct Case {
        const char* title;
        const char* unit_line;
        const char* layout;
        const char* unit;
    };
    const Case cases[] = {
        {"收 入 支 出 决 算 总 表", "金额单位：元", "final/summary", "元"},
        {"公开01表 收入支出决算总表", "单位:万元", "final/summary", "万元"},
        {"上海市普陀区商务委员会2025年部门收支总表", "单位：千元", "budget/summary", "千元"},
        {"四、财政拨款收入支出决算总表", "单位： 元", "final/grant_summary", "元"},
        {"2026年部门收支总表（预算公开表1）", "单位：万元", "budget/summary", "万元"},
    };
    for (const auto& c : cases) {
        Table table = test::table_from_lines({"收入\t\t支出\t", "项目\t金额\t项目\t金额", "一、一般公共预算\t1.00\t一、一般公共服务支出\t1.00"},
                                             c.title, c.unit_line);
        std::vector<Diagnostic> diagnostics;
        auto reading = read_table(loaded.value(), table, 0, diagnostics);
        REQUIRE_MESSAGE(reading, c.title);
        CHECK_MESSAGE(reading->layout_id == c.layout, c.title);
        CHECK_MESSAGE(reading->unit == c.unit, c.unit_line);
        CHECK(reading->amounts.size() == 2);
    }
}
