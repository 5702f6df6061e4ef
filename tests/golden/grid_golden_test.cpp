// Golden test of the table finder on the generated grid corpus: every corpus/grid/*.pdf
// is read and its tables found; each table of the PDF's ground truth
// (<name>.truth.json, written by tools/make_corpus from what it drew) must be found with
// every cell at the same row, column and spans with the same text (whitespace ignored),
// and no found table may hold non-empty cells the truth does not have.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract/pdf_reader.h"
#include "extract/table_finder.h"

namespace fs = std::filesystem;
using namespace budgetpdf;

namespace {

constexpr std::size_t max_reported_mismatches = 6;

struct TruthCell {
    int row = 0;
    int col = 0;
    int row_span = 1;
    int col_span = 1;
    std::string text;
    int page = 0;
};

struct TruthTable {
    std::string title;
    std::string tag;
    int first_page = 0;
    int last_page = 0;
    int rows = 0;
    int cols = 0;
    int header_rows = 0;
    std::vector<TruthCell> cells;
};

std::vector<TruthTable> read_truth(const fs::path& path) {
    std::ifstream in(path);
    const auto json = nlohmann::json::parse(in);
    std::vector<TruthTable> tables;
    for (const auto& t : json.at("tables")) {
        TruthTable table;
        table.title = t.at("title").get<std::string>();
        table.tag = t.at("tag").get<std::string>();
        const auto& pages = t.at("pages");
        table.first_page = pages.front().get<int>();
        table.last_page = pages.back().get<int>();
        table.rows = t.at("rows").get<int>();
        table.cols = t.at("cols").get<int>();
        table.header_rows = t.at("header_rows").get<int>();
        for (const auto& c : t.at("cells")) {
            table.cells.push_back({c.at("row").get<int>(), c.at("col").get<int>(), c.at("row_span").get<int>(),
                                   c.at("col_span").get<int>(), c.at("text").get<std::string>(),
                                   c.at("page").get<int>()});
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

// Text with ASCII whitespace and ideographic spaces removed.
std::string squeeze(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (text.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }
        out += c;
    }
    return out;
}

int agreeing_cells(const TruthTable& truth, const Table& found) {
    std::map<std::pair<int, int>, std::string> texts;
    for (const auto& cell : found.cells) texts[{cell.row, cell.col}] = squeeze(cell.text);
    int agree = 0;
    for (const auto& cell : truth.cells) {
        const auto it = texts.find({cell.row, cell.col});
        if (it != texts.end() && !it->second.empty() && it->second == squeeze(cell.text)) ++agree;
    }
    return agree;
}

// The unused found table on the truth table's first page with the same title, else the
// one sharing the most non-empty cells.
const Table* match_table(const TruthTable& truth, const std::vector<Table>& found, std::vector<bool>& used) {
    int best = -1;
    int best_score = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (used[i] || found[i].page != truth.first_page) continue;
        const bool same_title = !truth.title.empty() && squeeze(found[i].context.title) == squeeze(truth.title);
        const int score = agreeing_cells(truth, found[i]) + (same_title ? 100000 : 0);
        if (score > best_score) { best = static_cast<int>(i); best_score = score; }
    }
    if (best < 0) return nullptr;
    used[best] = true;
    return &found[best];
}

struct Comparison {
    int right = 0;
    int total = 0;
    int extra = 0;  // non-empty found cells at positions the truth does not have
    std::vector<std::string> mismatches;
};

void compare_table(const TruthTable& truth, const Table& found, Comparison& result) {
    std::map<std::pair<int, int>, const Cell*> cells;
    for (const auto& cell : found.cells) cells[{cell.row, cell.col}] = &cell;
    std::map<std::pair<int, int>, bool> truth_positions;
    for (const auto& cell : truth.cells) {
        truth_positions[{cell.row, cell.col}] = true;
        ++result.total;
        const auto it = cells.find({cell.row, cell.col});
        std::ostringstream why;
        if (it == cells.end()) {
            why << "no cell";
        } else if (it->second->row_span != cell.row_span || it->second->col_span != cell.col_span) {
            why << "span " << it->second->row_span << "x" << it->second->col_span << " instead of " << cell.row_span
                << "x" << cell.col_span;
        } else if (squeeze(it->second->text) != squeeze(cell.text)) {
            why << "text '" << it->second->text << "' instead of '" << cell.text << "'";
        } else {
            ++result.right;
            continue;
        }
        if (result.mismatches.size() < max_reported_mismatches) {
            result.mismatches.push_back(truth.title + " r" + std::to_string(cell.row) + "c" +
                                        std::to_string(cell.col) + ": " + why.str());
        }
    }
    for (const auto& cell : found.cells) {
        if (!squeeze(cell.text).empty() && !truth_positions.count({cell.row, cell.col})) ++result.extra;
    }
}

// Printed amount in hundredths of its unit ("1,915.00" → 191500, blank → 0); false when the
// text is not a plain amount with two decimals.
bool hundredths_of(const std::string& text, std::int64_t& value) {
    value = 0;
    if (text.empty()) return true;
    int decimals = -1;
    for (const char c : text) {
        if (c == ',') continue;
        if (c == '.' && decimals < 0) { decimals = 0; continue; }
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
        if (decimals >= 0) ++decimals;
    }
    return decimals == 2;
}

// Each column's header cells, top-down, joined with '/' (whitespace removed).
std::vector<std::string> header_paths(const TruthTable& table) {
    std::vector<std::string> paths(static_cast<std::size_t>(table.cols));
    for (const auto& cell : table.cells) {  // row-major
        if (cell.row >= table.header_rows || squeeze(cell.text).empty()) continue;
        for (int c = cell.col; c < cell.col + cell.col_span; ++c) {
            paths[c] += (paths[c].empty() ? "" : "/") + squeeze(cell.text);
        }
    }
    return paths;
}

std::vector<fs::path> corpus_pdfs() {
    std::vector<fs::path> pdfs;
    const fs::path folder = fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "grid";
    if (!fs::exists(folder)) return pdfs;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
    }
    std::sort(pdfs.begin(), pdfs.end());
    return pdfs;
}

}  // namespace

TEST_CASE("grid corpus: every PDF has a ground truth file") {
    const auto pdfs = corpus_pdfs();
    REQUIRE(!pdfs.empty());
    for (const auto& pdf : pdfs) {
        fs::path truth = pdf;
        truth.replace_extension(".truth.json");
        CHECK_MESSAGE(fs::exists(truth), "missing ground truth for ", pdf.filename().string());
    }
}

TEST_CASE("grid corpus: truth cells tile each table exactly once") {
    for (const auto& pdf : corpus_pdfs()) {
        fs::path truth_path = pdf;
        truth_path.replace_extension(".truth.json");
        if (!fs::exists(truth_path)) continue;  // reported above
        for (const auto& table : read_truth(truth_path)) {
            CAPTURE(pdf.filename().string());
            CAPTURE(table.title);
            std::vector<int> cover(static_cast<std::size_t>(table.rows * table.cols), 0);
            bool inside = true;
            for (const auto& cell : table.cells) {
                inside = inside && cell.row >= 0 && cell.col >= 0 && cell.row_span >= 1 && cell.col_span >= 1 &&
                         cell.row + cell.row_span <= table.rows && cell.col + cell.col_span <= table.cols &&
                         cell.page >= table.first_page && cell.page <= table.last_page;
                if (!inside) break;
                for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
                    for (int c = cell.col; c < cell.col + cell.col_span; ++c) ++cover[r * table.cols + c];
                }
            }
            CHECK(inside);
            CHECK(std::all_of(cover.begin(), cover.end(), [](int n) { return n == 1; }));
        }
    }
}

TEST_CASE("grid corpus: found tables and cells match the ground truth") {
    const auto pdfs = corpus_pdfs();
    REQUIRE(!pdfs.empty());
    for (const auto& pdf : pdfs) {
        const std::string name = pdf.filename().string();
        // One subcase per file, so `-sc=<file>` / `-sce=<file>` select files.
        SUBCASE(name.c_str()) {
        fs::path truth_path = pdf;
        truth_path.replace_extension(".truth.json");
        REQUIRE_MESSAGE(fs::exists(truth_path), "missing ground truth for ", name);
        const auto truth = read_truth(truth_path);

        auto read = read_pdf_pages(pdf.string());
        REQUIRE_MESSAGE(read.ok(), "cannot read ", name);
        std::vector<Diagnostic> diagnostics;
        const auto found = find_tables(read.value().pages, TableFinderOptions{}, diagnostics);

        std::vector<bool> used(found.size(), false);
        Comparison result;
        int matched = 0;
        int shape_right = 0;
        for (const auto& table : truth) {
            const Table* match = match_table(table, found, used);
            if (!match) {
                result.total += static_cast<int>(table.cells.size());
                if (result.mismatches.size() < max_reported_mismatches) {
                    result.mismatches.push_back(table.title + ": no table found on page " +
                                                std::to_string(table.first_page));
                }
                continue;
            }
            ++matched;
            if (match->rows == table.rows && match->cols == table.cols && match->page == table.first_page &&
                match->last_page() == table.last_page) {
                ++shape_right;
            } else if (result.mismatches.size() < max_reported_mismatches) {
                result.mismatches.push_back(table.title + ": found " + std::to_string(match->rows) + "x" +
                                            std::to_string(match->cols) + " pages " + std::to_string(match->page) +
                                            "-" + std::to_string(match->last_page()) + ", truth " +
                                            std::to_string(table.rows) + "x" + std::to_string(table.cols) +
                                            " pages " + std::to_string(table.first_page) + "-" +
                                            std::to_string(table.last_page));
            }
            compare_table(table, *match, result);
        }
        const int unmatched_found = static_cast<int>(std::count(used.begin(), used.end(), false));
        MESSAGE(name << ": cells " << result.right << "/" << result.total << ", tables matched " << matched << "/"
                     << truth.size() << ", shapes right " << shape_right << ", extra non-empty cells "
                     << result.extra << ", found tables not in truth " << unmatched_found);
        for (const auto& mismatch : result.mismatches) MESSAGE("  " << mismatch);
        CHECK(matched == static_cast<int>(truth.size()));
        CHECK(shape_right == static_cast<int>(truth.size()));
        CHECK(result.right == result.total);
        CHECK(result.extra == 0);
        CHECK(unmatched_found == 0);
        }
    }
}

// The 收入总体情况表 tables make_corpus derives from a seed 收入总表 promise exact sums (see
// tools/make_corpus/table_variants.h): on every row 合计 = 财政拨款收入 + 财政专户管理资金 +
// 单位资金 + 上年结转 and each 小计 = its parts; in every column a 类 or 款 row is the sum of
// its child rows and 合计 the sum of the 类 rows.
TEST_CASE("grid corpus: derived 收入总体情况表 truth adds up exactly") {
    const std::vector<std::string> measures{
        "合计", "财政拨款收入/小计", "财政拨款收入/一般公共预算拨款收入", "财政拨款收入/政府性基金预算拨款收入",
        "财政拨款收入/国有资本经营预算拨款收入", "财政专户管理资金", "单位资金/小计", "单位资金/事业收入",
        "单位资金/事业单位经营收入", "单位资金/上级补助收入", "单位资金/附属单位上缴收入", "单位资金/其他收入", "上年结转"};
    enum { total, fiscal, general, fund, capital, special, unit, business, operating, upper, subsidiary, other,
           carryover };
    int tables = 0;
    for (const auto& pdf : corpus_pdfs()) {
        fs::path truth_path = pdf;
        truth_path.replace_extension(".truth.json");
        if (!fs::exists(truth_path)) continue;  // reported above
        for (const auto& table : read_truth(truth_path)) {
            const auto paths = header_paths(table);
            std::vector<int> column(measures.size(), -1);
            for (std::size_t m = 0; m < measures.size(); ++m) {
                const auto it = std::find(paths.begin(), paths.end(), measures[m]);
                if (it != paths.end()) column[m] = static_cast<int>(it - paths.begin());
            }
            if (std::count(column.begin(), column.end(), -1) > 0) continue;
            ++tables;
            CAPTURE(pdf.filename().string());
            std::map<std::pair<int, int>, std::string> text;
            for (const auto& cell : table.cells) text[{cell.row, cell.col}] = squeeze(cell.text);
            std::map<int, std::vector<std::int64_t>> rows;  // body row → amounts by measure
            std::map<int, std::string> codes;                // body row → code or 合计
            for (int r = table.header_rows; r < table.rows; ++r) {
                codes[r] = text[{r, 0}];
                for (std::size_t m = 0; m < measures.size(); ++m) {
                    std::int64_t value = 0;
                    CHECK_MESSAGE(hundredths_of(text[{r, column[m]}], value), "row ", r, " ", measures[m]);
                    rows[r].push_back(value);
                }
                const auto& v = rows[r];
                CAPTURE(codes[r]);
                CHECK(v[total] == v[fiscal] + v[special] + v[unit] + v[carryover]);
                CHECK(v[fiscal] == v[general] + v[fund] + v[capital]);
                CHECK(v[unit] == v[business] + v[operating] + v[upper] + v[subsidiary] + v[other]);
            }
            for (const auto& [r, code] : codes) {
                const bool grand_total = code == "合计";
                std::vector<std::int64_t> sum(measures.size(), 0);
                int children = 0;
                for (const auto& [k, child] : codes) {
                    const bool is_child = grand_total ? child.size() == 3 && child != "合计"
                                                      : child.size() == code.size() + 2 && child.rfind(code, 0) == 0;
                    if (!is_child) continue;
                    ++children;
                    for (std::size_t m = 0; m < measures.size(); ++m) sum[m] += rows[k][m];
                }
                CAPTURE(code);
                if (children > 0) CHECK(sum == rows[r]);
            }
        }
    }
    CHECK(tables > 0);
}
