#pragma once
// Ground truth of a corpus PDF: the tables exactly as the generator drew them.

#include <string>
#include <vector>

namespace budgetpdf::corpus {

struct TruthCell {
    int row = 0;
    int col = 0;
    int row_span = 1;
    int col_span = 1;
    std::string text;  // full, unwrapped
    int page = 0;      // 1-based
};

struct TruthTable {
    std::string title;
    std::string tag;
    std::vector<std::string> lines_above;  // every line printed above the table, as printed
    std::vector<std::string> notes;        // lines printed below the table
    int first_page = 0;
    int last_page = 0;
    int rows = 0;
    int cols = 0;
    int header_rows = 0;
    bool repeats_header = false;           // continuation pages start with a header copy
    bool repeats_title = false;            // … and with the lines above the table again
    std::vector<TruthCell> cells;
};

// {"tables":[{"title","tag","pages":[first..last],"rows","cols","header_rows","cells":[…]}]}
std::string truth_json(const std::vector<TruthTable>& tables);

}  // namespace budgetpdf::corpus
