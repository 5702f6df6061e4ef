// `budgetpdf batch`: folders and files into a dataset folder (resumable, one run at a time
// per folder), or a streaming mapper (paths on stdin, JSONL out) for engines that shard the
// work themselves, or the list of inputs still to convert for drivers that convert elsewhere.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/batch_progress.h"
#include "cli/batch_setup.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "dataset/fd_stream.h"
#include "normalize/jsonl.h"
#include "pipeline/output_lock.h"

namespace budgetpdf {
namespace {

std::string dataset_file(const std::string& dir) { return (std::filesystem::path(dir) / "dataset.sqlite").string(); }

// A streaming run's output: stdout, stderr or a file opened for writing.
struct StreamTarget {
    std::string name;
    int fd = -1;
    bool owned = false;
    std::unique_ptr<FdStream> stream;

    ~StreamTarget() {
        if (owned && fd >= 0) ::close(fd);
    }
    // "" when the target was opened, else the reason.
    std::string open(const std::string& target) {
        name = target;
        if (target == "stderr" || target == "stdout") {
            fd = target == "stderr" ? STDERR_FILENO : STDOUT_FILENO;
        } else {
            fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            owned = true;
            if (fd < 0) return std::strerror(errno);
        }
        stream = std::make_unique<FdStream>(fd);
        return "";
    }
    std::optional<Error> flush() {
        std::string problem = stream->finish();
        if (problem.empty()) return std::nullopt;
        return Error{ErrorKind::io, "cannot write to " + name + ": " + problem};
    }
};

int run_stream(const BatchArgs& args, const LayoutSet& layouts, BatchOptions options) {
    StreamTarget records, documents, diagnostics;
    records.open("stdout");
    for (auto [target, path] : {std::pair{&documents, args.documents_to}, std::pair{&diagnostics, args.diagnostics_to}}) {
        if (path.empty()) continue;
        std::string problem = target->open(path);
        if (!problem.empty()) {
            report_failure(path, "cannot open for writing: " + problem);
            return exit_status(ExitCode::output_failed);
        }
    }
    std::vector<std::string> document_names = document_field_names();
    document_names.push_back("path");  // streaming only: where the document was read
    NextPath next_path = [] () -> std::optional<std::string> {
        std::string line;
        while (std::getline(std::cin, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) return line;
        }
        return std::nullopt;
    };
    EmitDocument emit = [&](const std::string& path, const DocumentOutput& output) -> std::optional<Error> {
        write_records_jsonl(*records.stream, output.records);
        if (auto error = records.flush()) return error;
        if (documents.stream) {
            std::vector<std::string> values = document_field_values(output.summary);
            values.push_back(path);
            write_jsonl_object(*documents.stream, document_names, values);
            if (auto error = documents.flush()) return error;
        }
        if (diagnostics.stream) {
            write_diagnostics_jsonl(*diagnostics.stream, output.diagnostics);
            if (auto error = diagnostics.flush()) return error;
        }
        return std::nullopt;
    };
    bool documents_on_stderr = args.documents_to == "stderr" || args.diagnostics_to == "stderr";
    BatchProgress progress(documents_on_stderr ? ProgressStyle::none : ProgressStyle::lines, std::cerr);
    Result<BatchTotals> totals = run_batch_in_order(next_path, layouts, options, emit, progress.observer());
    if (!totals) {
        report_failure("stream", totals.error().message);
        return exit_status(ExitCode::output_failed);
    }
    if (!documents_on_stderr) progress.print_summary(totals.value(), nullptr, "");
    return exit_for_totals(totals.value());
}

int run_list_pending(const BatchArgs& args, const LayoutSet& layouts, const BatchOptions& options) {
    std::error_code ec;
    std::filesystem::create_directories(args.out, ec);
    Result<Dataset> dataset = Dataset::open(dataset_file(args.out));
    if (!dataset) {
        report_failure(args.out, dataset.error().message);
        return exit_status(ExitCode::output_failed);
    }
    FdStream out(STDOUT_FILENO);
    for (const std::string& path : pending_inputs(args.inputs, layouts, dataset.value(), options)) out << path << '\n';
    std::string problem = out.finish();
    if (!problem.empty()) {
        report_failure("stdout", problem);
        return exit_status(ExitCode::output_failed);
    }
    return exit_status(ExitCode::ok);
}

}  // namespace

int run_batch(const BatchArgs& args) {
    std::optional<LayoutSet> layouts = load_layouts_or_report(args.conversion);
    if (!layouts) return exit_status(ExitCode::usage);
    install_batch_signal_handlers();
    BatchOptions options = batch_options_from(args.conversion);
    options.walk.all_files = args.all_files;
    if (!args.shard.empty()) {
        options.shard = shard_from_arg(args.shard);
        if (!options.shard) {
            std::cerr << "budgetpdf: --shard: expected K/N with 0 <= K < N, got '" << args.shard << "'\n";
            return exit_status(ExitCode::usage);
        }
    }
    if (args.stream) return run_stream(args, *layouts, options);
    if (args.out.empty() || args.inputs.empty()) {
        std::cerr << "budgetpdf: batch needs INPUT... and --out DIR (or --stream)\n";
        return exit_status(ExitCode::usage);
    }
    if (args.list_pending) return run_list_pending(args, *layouts, options);

    Result<OutputLock> lock = OutputLock::acquire(args.out, args.wait ? OutputLock::Mode::wait : OutputLock::Mode::refuse);
    if (!lock) {
        report_failure(args.out, lock.error().message);
        return exit_status(lock.error().kind == ErrorKind::bad_argument ? ExitCode::output_busy : ExitCode::output_failed);
    }
    Result<Dataset> dataset = Dataset::open(dataset_file(args.out));
    if (!dataset) {
        report_failure(args.out, dataset.error().message);
        return exit_status(ExitCode::output_failed);
    }
    const bool previous_run_incomplete = incomplete_marked(args.out);
    if (auto error = mark_incomplete(args.out)) {
        report_failure(args.out, error->message);
        return exit_status(ExitCode::output_failed);
    }
    BatchProgress progress(progress_style_for_stderr(), std::cerr);
    Result<BatchTotals> totals = run_batch_into_dataset(args.inputs, *layouts, dataset.value(), options, progress.observer());
    progress.finish();
    if (!totals) {
        report_failure(args.out, totals.error().message);
        return exit_status(ExitCode::output_failed);
    }
    if (!totals.value().interrupted && !args.no_export) {
        // A rerun that changed nothing leaves the complete export of the run before it as it is.
        bool needed = dataset.value().changed_since_open() || previous_run_incomplete || !exports_present(args.out);
        std::optional<Error> error = needed ? dataset.value().export_schema_files(args.out) : std::nullopt;
        if (error) {
            report_failure(args.out, error->message);
            return exit_status(ExitCode::output_failed);
        }
        unmark_incomplete(args.out);
    }
    Result<DatasetCounts> counts = dataset.value().counts();
    progress.print_summary(totals.value(), counts ? &counts.value() : nullptr, dataset_file(args.out));
    return exit_for_totals(totals.value());
}

}  // namespace budgetpdf
