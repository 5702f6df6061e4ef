#pragma once
// Renders one page to PNG with what the extractor found drawn on top: ruling lines,
// table cell boxes and text span boxes, so a person can check the result at a glance.

#include <string>
#include <vector>

#include "model/page.h"
#include "model/result.h"
#include "model/table.h"

namespace budgetpdf {

struct RenderOptions {
    double dpi = 110;
    bool draw_rulings = true;
    bool draw_cells = true;
    bool draw_spans = true;
};

// `page` and `tables` are what extract found for page number `page.number`; only the
// cells printed on that page are drawn. Returns true or the reason it failed.
Result<bool> render_page_png(const std::string& pdf_path, const Page& page,
                             const std::vector<Table>& tables, const std::string& png_path,
                             const RenderOptions& options = {});

}  // namespace budgetpdf
