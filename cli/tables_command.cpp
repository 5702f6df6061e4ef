#include "cli/commands.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "cli/table_output.h"
#include "layouts/layout_set.h"
#include "pipeline/extract_document.h"

namespace budgetpdf {

OcrMode ocr_mode_from_arg(const std::string& arg) {
    if (arg == "always") return OcrMode::always;
    if (arg == "never") return OcrMode::never;
    return OcrMode::automatic;
}

void report_failure(const std::string& file, const std::string& reason) {
    std::cerr << "budgetpdf: " << file << ": " << reason << '\n';
}

Result<ExtractedDocument> extract_with_installed_names(const std::string& file, const PageRange& pages, OcrSession& ocr) {
    Result<LayoutSet> layouts = load_layouts(default_layouts_dir());
    if (!layouts) return extract_document(file, pages, &ocr);
    const LayoutSet& set = layouts.value();
    return extract_document(file, pages, &ocr, [&set](const std::string& label) { return is_known_row_name(set, label); });
}

int run_tables(const TablesArgs& args) {
    OcrSession ocr(args.ocr);
    Result<ExtractedDocument> document = extract_with_installed_names(args.file, args.pages, ocr);
    if (!document) {
        report_failure(args.file, document.error().message);
        return exit_status(ExitCode::input_failed);
    }
    if (args.format == "json") {
        write_tables_json(std::cout, document.value());
    } else {
        write_tables_text(std::cout, document.value());
    }
    std::cout.flush();
    if (!std::cout) {
        report_failure("stdout", "cannot write");
        return exit_status(ExitCode::output_failed);
    }
    return exit_status(ExitCode::ok);
}

}  // namespace budgetpdf
