#include "cli/commands.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "layouts/layout_set.h"
#include "pipeline/batch.h"

namespace budgetpdf {
namespace {

void report_document(const std::string& path, const DocumentSummary& summary) {
    if (summary.status == "failed") report_failure(path, summary.error);
}

int exit_for(const BatchTotals& totals) {
    if (totals.documents > 0 && totals.failed == totals.documents)
        return exit_status(ExitCode::input_failed);
    if (totals.failed > 0) return exit_status(ExitCode::some_failed);
    return exit_status(ExitCode::ok);
}

void print_totals(const BatchTotals& totals) {
    std::cerr << "budgetpdf: " << totals.documents << " documents (" << totals.failed << " failed, "
              << totals.partial << " partial), " << totals.records << " records, "
              << totals.checks_failed << " of " << totals.checks_total << " identities failing\n";
}

}  // namespace

int run_extract(const ExtractArgs& args) {
    std::string layouts_dir = args.layouts_dir.empty() ? default_layouts_dir() : args.layouts_dir;
    Result<LayoutSet> layouts = load_layouts(layouts_dir);
    if (!layouts) {
        report_failure(layouts_dir, layouts.error().message);
        return exit_status(ExitCode::usage);
    }
    if (args.out == "-") {
        BatchTotals totals = run_batch_to_stream(args.files, layouts.value(), std::cout, report_document, args.ocr);
        print_totals(totals);
        return exit_for(totals);
    }
    Result<BatchTotals> totals =
        run_batch_to_directory(args.files, layouts.value(), args.out, report_document, args.ocr);
    if (!totals) {
        report_failure(args.out, totals.error().message);
        return exit_status(ExitCode::input_failed);
    }
    print_totals(totals.value());
    return exit_for(totals.value());
}

}  // namespace budgetpdf
