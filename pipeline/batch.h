#pragma once
// Many documents at once: inputs found (pipeline/batch_inputs.h), converted by worker
// processes (pipeline/worker_pool.h), and either stored in a dataset (dataset/dataset.h),
// skipping what it already holds, or handed on in input order for streaming.

#include <csignal>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dataset/dataset.h"
#include "extract/ocr_reader.h"
#include "layouts/layout_set.h"
#include "model/result.h"
#include "pipeline/batch_inputs.h"
#include "pipeline/process_document.h"
#include "pipeline/worker_pool.h"

namespace budgetpdf {

struct BatchOptions {
    int jobs = 0;  // worker processes; 0: one per core
    OcrOptions ocr;  // which pages are read by OCR and at what resolution (--ocr, --dpi)
    WorkerLimits limits;
    InputWalkOptions walk;
    std::optional<Shard> shard;
    const volatile std::sig_atomic_t* stop = nullptr;  // set by a signal handler: stop soon, cleanly
};

// What a batch found to do before it started.
struct BatchPlan {
    int inputs = 0;          // input paths taken (files and paths that cannot be read)
    int to_convert = 0;      // documents to convert
    int unchanged = 0;       // inputs whose content the dataset holds, converted by this pipeline
    int duplicates = 0;      // inputs with the same content as an earlier input of this run
    int unreadable = 0;      // inputs whose content cannot be read (a folder, a FIFO …)
    int ignored = 0;         // files in folders not taken (not *.pdf)
    int outside_shard = 0;
    std::int64_t bytes_to_convert = 0;
};

// One document finished (converted, or an input that cannot be read).
struct DocumentEvent {
    std::string path;  // as given or found
    DocumentSummary summary;
    std::int64_t bytes = 0;
    std::int64_t milliseconds = 0;
    std::int64_t peak_rss_kb = 0;
};

struct BatchObserver {
    std::function<void(const BatchPlan&)> planned;
    std::function<void(const DocumentEvent&)> document_done;
    std::function<void()> tick;  // about every 100 ms while documents are converted
};

struct BatchTotals {
    BatchPlan plan;
    int ok = 0, partial = 0, failed = 0;  // every input of the run; unchanged ones with their stored status
    std::int64_t records = 0;             // of the documents converted in this run
    int checks_total = 0, checks_failed = 0;
    int pages = 0, pages_ocr = 0;
    std::vector<std::pair<std::string, int>> failing_identities;  // source, identities failing
    bool interrupted = false;
};

// The conversion each worker runs: process_document, with a failure's reason made precise
// from the file's bytes (pipeline/input_check.h).
ConvertDocument document_converter(const LayoutSet& layouts, const OcrOptions& ocr = {});

// Converts the inputs into `dataset`: documents it holds with the same content and pipeline
// version are skipped (unless their worker was killed or crashed), the same content under two names is converted once,
// each document is stored as it finishes. Fails only when the dataset cannot be written.
Result<BatchTotals> run_batch_into_dataset(const std::vector<std::string>& arguments, const LayoutSet& layouts,
                                           Dataset& dataset, const BatchOptions& options,
                                           const BatchObserver& observer = {});

// The input paths run_batch_into_dataset would convert (one per content), for drivers that
// convert elsewhere and import the results.
std::vector<std::string> pending_inputs(const std::vector<std::string>& arguments, const LayoutSet& layouts,
                                        const Dataset& dataset, const BatchOptions& options);

// Converts the paths `next_path` gives (nullopt at the end) and hands each document to
// `emit` in that order; emit returns false when its output failed, which stops the run
// with that Error. Memory stays bounded: at most a few documents per worker wait their turn.
using NextPath = std::function<std::optional<std::string>()>;
using EmitDocument = std::function<std::optional<Error>(const std::string& path, const DocumentOutput& output)>;
Result<BatchTotals> run_batch_in_order(const NextPath& next_path, const LayoutSet& layouts,
                                       const BatchOptions& options, const EmitDocument& emit,
                                       const BatchObserver& observer = {});

}  // namespace budgetpdf
