#include "cli/commands.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "extract/page_render.h"
#include "pipeline/extract_document.h"

namespace budgetpdf {

int run_inspect(const InspectArgs& args) {
    OcrSession ocr(args.ocr);
    Result<ExtractedDocument> document = extract_with_installed_names(args.file, PageRange{args.page, args.page}, ocr);
    if (!document) {
        report_failure(args.file, document.error().message);
        return exit_status(ExitCode::input_failed);
    }
    const ExtractedDocument& found = document.value();
    RenderOptions options;
    options.dpi = args.dpi;
    Result<bool> rendered =
        render_page_png(args.file, found.pages.front(), found.tables, args.png, options);
    if (!rendered) {
        report_failure(args.file, rendered.error().message);
        return exit_status(ExitCode::input_failed);
    }
    std::cout << args.png << ": page " << args.page << ", " << found.pages.front().spans.size()
              << " spans, " << found.pages.front().rulings.size() << " rulings, "
              << found.tables.size() << " tables\n";
    return exit_status(ExitCode::ok);
}

}  // namespace budgetpdf
