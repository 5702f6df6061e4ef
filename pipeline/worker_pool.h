#pragma once
// Documents converted in worker processes, so a crash in Poppler or Tesseract (or a document
// that never ends, or eats the machine's memory) takes down that document only. A worker
// converts one document at a time and many in its life, keeping what Poppler loads once
// (CMaps, colour profiles, fonts); one that crashed, was killed or grew too large is
// replaced. The parent enforces the limits: a worker past its wall-clock timeout or its
// memory limit is killed, and the document gets a failed outcome saying so.
// The parent must be single-threaded when it forks (the batch is).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/process_document.h"

namespace budgetpdf {

struct WorkerLimits {
    std::chrono::milliseconds timeout{std::chrono::minutes(10)};  // per document, wall clock
    std::int64_t memory_limit_kb = std::int64_t{4} << 20;         // resident memory per worker, beyond
                                                                  // what it shares with the parent at fork
};

struct WorkerOutcome {
    std::size_t job = 0;                   // the number the caller started it with
    std::optional<DocumentOutput> output;  // what the worker sent, when it finished cleanly
    std::string failure;                   // otherwise why not (timed out, memory limit, crashed …)
    std::int64_t milliseconds = 0;
    std::int64_t peak_rss_kb = 0;          // the worker's peak resident memory during this document
};

// Converts one document in a worker; `spare` lends it the cores of idle workers (see
// WorkerPool::lend_idle_workers).
using ConvertDocument = std::function<DocumentOutput(const std::string& path, const SpareCores& spare)>;

class WorkerPool {
public:
    WorkerPool(int workers, WorkerLimits limits, ConvertDocument convert);
    WorkerPool(const WorkerPool&) = delete;
    ~WorkerPool();  // ends the workers

    int capacity() const { return capacity_; }
    int running() const;  // documents being converted
    bool has_free_worker() const { return running() < capacity_; }

    // Hands `path` to an idle worker, starting one when needed; an error when no process
    // could be made.
    std::optional<std::string> start(std::size_t job, const std::string& path);
    // Waits at most `at_most` for documents to finish; returns those that did.
    std::vector<WorkerOutcome> wait(std::chrono::milliseconds at_most);
    void kill_all();
    // No document is left to start: from now on each idle worker's core is lent to the busy
    // ones (their OCR reads pages on one more thread per core), as workers go idle.
    void lend_idle_workers();

    struct Worker;

private:
    std::optional<std::string> spawn();
    void finish(Worker& worker, std::vector<WorkerOutcome>& finished);

    int capacity_;
    WorkerLimits limits_;
    ConvertDocument convert_;
    std::vector<std::unique_ptr<Worker>> workers_;
    // The lent cores: one byte each in a pipe every worker inherits, taken and given back by
    // the workers without blocking.
    int spare_read_ = -1, spare_write_ = -1;
    bool lending_ = false;
    int lent_ = 0;
};

// Number of cores this process may use (at least 1).
int available_cores();

}  // namespace budgetpdf
