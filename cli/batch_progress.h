#pragma once
// What a batch tells the person running it, on stderr: on a terminal a progress bar
// (documents and pages per second, ETA), redrawn in place, with failures printed above it;
// otherwise one plain line per document. A summary at the end.

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

#include "dataset/dataset.h"
#include "pipeline/batch.h"

namespace budgetpdf {

enum class ProgressStyle {
    bar,       // a terminal: one line redrawn in place
    lines,     // a log: one line per document
    failures,  // `extract`: only a line per failed document
    none,
};

// A bar on a terminal (stderr is a tty and TERM is not dumb), lines otherwise.
ProgressStyle progress_style_for_stderr();

class BatchProgress {
public:
    BatchProgress(ProgressStyle style, std::ostream& out);
    BatchObserver observer();
    void finish();  // clears the bar

    // The end-of-run summary: documents ok / partial / failed, records, failing identities,
    // pages read and OCRed; the dataset's own counts when given.
    void print_summary(const BatchTotals& totals, const DatasetCounts* dataset, const std::string& where);

private:
    void planned(const BatchPlan& plan);
    void document_done(const DocumentEvent& event);
    void draw_bar(bool force);

    ProgressStyle style_;
    std::ostream& out_;
    BatchPlan plan_;
    bool plan_known_ = false;  // a streaming run learns its inputs as it goes
    int done_ = 0;
    std::int64_t pages_ = 0;
    std::int64_t bytes_done_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_;
    bool bar_drawn_ = false;
};

}  // namespace budgetpdf
