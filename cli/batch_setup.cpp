#include "cli/batch_setup.h"

#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "cli/exit_codes.h"
#include "dataset/atomic_file.h"

namespace budgetpdf {
namespace {

volatile std::sig_atomic_t stop_signal = 0;

void on_stop_signal(int sig) { stop_signal = sig; }

std::string marker_path(const std::string& dir) { return (std::filesystem::path(dir) / "INCOMPLETE").string(); }

}  // namespace

std::optional<LayoutSet> load_layouts_or_report(const ConversionArgs& args) {
    std::string dir = args.layouts_dir.empty() ? default_layouts_dir() : args.layouts_dir;
    Result<LayoutSet> layouts = load_layouts(dir);
    if (layouts) return std::move(layouts).value();
    std::error_code ec;
    if (args.layouts_dir.empty() && !std::filesystem::is_directory(dir, ec))
        report_failure(dir, "no layouts installed with this executable; pass --layouts DIR (a layouts/templates folder)");
    else
        report_failure(dir, layouts.error().message);
    return std::nullopt;
}

void install_batch_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read of stdin returns, and the batch sees the flag
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);  // a file-size limit is a write error (EFBIG), reported like a full disk
}

BatchOptions batch_options_from(const ConversionArgs& args) {
    BatchOptions options;
    options.jobs = args.jobs;
    options.ocr = args.ocr;
    options.limits.timeout = std::chrono::seconds(args.timeout_s);
    options.limits.memory_limit_kb = static_cast<std::int64_t>(args.memory_mb) * 1024;
    options.stop = &stop_signal;
    return options;
}

std::optional<Error> mark_incomplete(const std::string& dir) {
    AtomicFile marker(marker_path(dir));
    marker.stream() << "A budgetpdf run (pid " << ::getpid()
                    << ") into this folder has not finished: the exported files may be those of an earlier run.\n"
                       "Run the same command again to complete it; documents already stored are not converted again.\n";
    return marker.commit();
}

void unmark_incomplete(const std::string& dir) {
    std::error_code ec;
    std::filesystem::remove(marker_path(dir), ec);
}

bool incomplete_marked(const std::string& dir) {
    std::error_code ec;
    return std::filesystem::exists(marker_path(dir), ec);
}

bool exports_present(const std::string& dir) {
    std::error_code ec;
    for (const char* name : {"records.csv", "records.jsonl", "documents.csv", "documents.jsonl", "diagnostics.csv",
                             "diagnostics.jsonl"})
        if (!std::filesystem::is_regular_file(std::filesystem::path(dir) / name, ec)) return false;
    return true;
}

int exit_for_totals(const BatchTotals& totals) {
    if (totals.interrupted) return exit_status(ExitCode::interrupted);
    if (totals.plan.inputs > 0 && totals.failed == totals.plan.inputs) return exit_status(ExitCode::input_failed);
    if (totals.failed > 0) return exit_status(ExitCode::some_failed);
    return exit_status(ExitCode::ok);
}

}  // namespace budgetpdf
