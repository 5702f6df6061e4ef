#include "cli/batch_progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace budgetpdf {
namespace {

constexpr int bar_width_chars = 24;
constexpr std::chrono::milliseconds bar_redraw_interval{200};
constexpr size_t failing_documents_listed = 10;

std::string clock_text(double seconds) {
    long s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

}  // namespace

ProgressStyle progress_style_for_stderr() {
    const char* term = std::getenv("TERM");
    bool dumb = !term || std::strcmp(term, "dumb") == 0;
    return ::isatty(STDERR_FILENO) && !dumb ? ProgressStyle::bar : ProgressStyle::lines;
}

BatchProgress::BatchProgress(ProgressStyle style, std::ostream& out)
    : style_(style), out_(out), started_(std::chrono::steady_clock::now()) {}

BatchObserver BatchProgress::observer() {
    BatchObserver observer;
    observer.planned = [this](const BatchPlan& plan) { planned(plan); };
    observer.document_done = [this](const DocumentEvent& event) { document_done(event); };
    observer.tick = [this] { draw_bar(false); };
    return observer;
}

void BatchProgress::planned(const BatchPlan& plan) {
    plan_ = plan;
    plan_known_ = true;
    started_ = std::chrono::steady_clock::now();
    if (style_ != ProgressStyle::lines && style_ != ProgressStyle::bar) return;
    out_ << "budgetpdf: " << plan.inputs << " inputs: " << plan.to_convert << " to convert ("
         << fixed(plan.bytes_to_convert / 1e6, 1) << " MB), " << plan.unchanged << " unchanged, " << plan.duplicates
         << " duplicates, " << plan.unreadable << " not readable";
    if (plan.ignored) out_ << "; " << plan.ignored << (plan.ignored == 1 ? " file" : " files") << " in folders ignored (not *.pdf)";
    if (plan.outside_shard) out_ << "; " << plan.outside_shard << " in other shards";
    out_ << '\n';
}

void BatchProgress::document_done(const DocumentEvent& event) {
    ++done_;
    pages_ += event.summary.pages;
    bytes_done_ += event.bytes;
    const DocumentSummary& s = event.summary;
    switch (style_) {
        case ProgressStyle::none: return;
        case ProgressStyle::failures:
        case ProgressStyle::bar:
            if (s.status != "failed") break;
            if (bar_drawn_) out_ << "\r\x1b[K";
            out_ << "budgetpdf: " << event.path << ": " << s.error << '\n';
            bar_drawn_ = false;
            break;
        case ProgressStyle::lines: {
            out_ << "[" << done_;
            if (plan_known_) out_ << "/" << plan_.to_convert + plan_.unreadable;
            out_ << "] " << s.status << ' ' << event.path;
            if (s.status == "failed") out_ << ": " << s.error;
            else out_ << ": " << s.pages << " pages, " << s.records << " records";
            if (event.milliseconds > 0) out_ << ", " << fixed(event.milliseconds / 1000.0, 1) << " s";
            if (event.peak_rss_kb > 0) out_ << ", " << event.peak_rss_kb / 1024 << " MiB";
            out_ << '\n';
            break;
        }
    }
    draw_bar(true);
}

void BatchProgress::draw_bar(bool force) {
    if (style_ != ProgressStyle::bar) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_draw_ < bar_redraw_interval) return;
    last_draw_ = now;
    int total = std::max(1, plan_.to_convert + plan_.unreadable);
    double seconds = std::chrono::duration<double>(now - started_).count();
    double fraction = plan_.bytes_to_convert > 0 ? static_cast<double>(bytes_done_) / plan_.bytes_to_convert
                                                 : static_cast<double>(done_) / total;
    fraction = std::clamp(fraction, 0.0, 1.0);
    int filled = static_cast<int>(fraction * bar_width_chars);
    std::string bar = std::string(filled, '#') + std::string(bar_width_chars - filled, '.');
    std::string eta = fraction > 0 && seconds > 0 ? clock_text(seconds / fraction - seconds) : "?";
    out_ << "\r[" << bar << "] " << done_ << "/" << total << " documents, "
         << fixed(seconds > 0 ? done_ / seconds : 0, 1) << " docs/s, " << fixed(seconds > 0 ? pages_ / seconds : 0, 0)
         << " pages/s, ETA " << eta << "\x1b[K" << std::flush;
    bar_drawn_ = true;
}

void BatchProgress::finish() {
    if (bar_drawn_) out_ << "\r\x1b[K" << std::flush;
    bar_drawn_ = false;
}

void BatchProgress::print_summary(const BatchTotals& totals, const DatasetCounts* dataset, const std::string& where) {
    finish();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    out_ << "budgetpdf: " << (totals.interrupted ? "interrupted; " : "") << totals.plan.inputs << " inputs in "
         << clock_text(seconds) << ": " << totals.ok << " ok, " << totals.partial << " partial, " << totals.failed
         << " failed (" << totals.plan.to_convert << " converted, " << totals.plan.unchanged << " unchanged, "
         << totals.plan.duplicates << " duplicates)\n";
    out_ << "  converted: " << totals.records << " records, " << totals.pages << " pages read, " << totals.pages_ocr
         << " pages OCRed; identities failing: " << totals.checks_failed << " of " << totals.checks_total << '\n';
    if (!totals.failing_identities.empty()) {
        auto failing = totals.failing_identities;
        std::stable_sort(failing.begin(), failing.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        out_ << "  failing identities by document:";
        for (size_t i = 0; i < failing.size() && i < failing_documents_listed; ++i)
            out_ << (i ? ", " : " ") << failing[i].first << " " << failing[i].second;
        if (failing.size() > failing_documents_listed) out_ << ", … (" << failing.size() << " documents)";
        out_ << '\n';
    }
    if (dataset)
        out_ << "  dataset " << where << ": " << dataset->documents << " documents (" << dataset->ok << " ok, "
             << dataset->partial << " partial, " << dataset->failed << " failed), " << dataset->records << " records, "
             << dataset->unreadable_inputs << " inputs not readable\n";
}

}  // namespace budgetpdf
