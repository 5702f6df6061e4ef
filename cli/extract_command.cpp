// `budgetpdf extract FILE... --out DIR|-`: the files named, converted by the batch runner
// (worker processes, one bad file never stops the rest) into a dataset that lives in
// memory for the run, then exported into DIR atomically; or records CSV streamed to stdout
// in file order. DIR holds exactly the files of this run.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/batch_progress.h"
#include "cli/batch_setup.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "dataset/fd_stream.h"
#include "pipeline/output_lock.h"

namespace budgetpdf {
namespace {

void print_totals(const BatchTotals& totals) {
    std::cerr << "budgetpdf: " << totals.plan.inputs << " documents (" << totals.failed << " failed, " << totals.partial
              << " partial), " << totals.records << " records, " << totals.checks_failed << " of " << totals.checks_total
              << " identities failing\n";
}

// Records CSV on stdout, in the order of the files' names (SCHEMA.md's sort order).
int extract_to_stdout(const ExtractArgs& args, const LayoutSet& layouts, const BatchOptions& options) {
    std::vector<std::string> files = args.files;
    std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
        auto name_a = std::filesystem::path(a).filename().string(), name_b = std::filesystem::path(b).filename().string();
        return name_a != name_b ? name_a < name_b : a < b;
    });
    FdStream out(STDOUT_FILENO);
    write_records_csv(out, {});
    size_t next = 0;
    NextPath next_path = [&]() -> std::optional<std::string> {
        if (next == files.size()) return std::nullopt;
        return files[next++];
    };
    EmitDocument emit = [&](const std::string&, const DocumentOutput& output) -> std::optional<Error> {
        write_records_csv(out, output.records, CsvHeader::omit);
        std::string problem = out.finish();
        if (problem.empty()) return std::nullopt;
        return Error{ErrorKind::io, problem};
    };
    BatchProgress progress(ProgressStyle::failures, std::cerr);
    Result<BatchTotals> totals = run_batch_in_order(next_path, layouts, options, emit, progress.observer());
    std::string problem = totals ? out.finish() : totals.error().message;
    if (!problem.empty()) {
        report_failure("stdout", "cannot write: " + problem);
        return exit_status(ExitCode::output_failed);
    }
    print_totals(totals.value());
    return exit_for_totals(totals.value());
}

}  // namespace

int run_extract(const ExtractArgs& args) {
    std::optional<LayoutSet> layouts = load_layouts_or_report(args.conversion);
    if (!layouts) return exit_status(ExitCode::usage);
    install_batch_signal_handlers();
    BatchOptions options = batch_options_from(args.conversion);
    options.walk.walk_folders = false;
    if (args.out == "-") return extract_to_stdout(args, *layouts, options);

    Result<OutputLock> lock = OutputLock::acquire(args.out, OutputLock::Mode::refuse);
    if (!lock) {
        report_failure(args.out, lock.error().message);
        return exit_status(lock.error().kind == ErrorKind::bad_argument ? ExitCode::output_busy : ExitCode::output_failed);
    }
    Result<Dataset> dataset = Dataset::open(":memory:");
    if (!dataset) {
        report_failure(args.out, dataset.error().message);
        return exit_status(ExitCode::output_failed);
    }
    if (auto error = mark_incomplete(args.out)) {
        report_failure(args.out, error->message);
        return exit_status(ExitCode::output_failed);
    }
    BatchProgress progress(ProgressStyle::failures, std::cerr);
    Result<BatchTotals> totals = run_batch_into_dataset(args.files, *layouts, dataset.value(), options, progress.observer());
    if (!totals) {
        report_failure(args.out, totals.error().message);
        return exit_status(ExitCode::output_failed);
    }
    if (totals.value().interrupted) return exit_for_totals(totals.value());
    if (auto error = dataset.value().export_schema_files(args.out)) {
        report_failure(args.out, error->message);
        return exit_status(ExitCode::output_failed);
    }
    unmark_incomplete(args.out);
    print_totals(totals.value());
    return exit_for_totals(totals.value());
}

}  // namespace budgetpdf
