// The in-order batch (streaming runs, `extract --out -`). How it works: paths are taken one
// at a time as workers free up, each into a slot of a window that keeps input order; a
// worker's document fills its slot, and slots are handed to the emitter from the front as
// soon as they are complete. The window holds at most a few documents per worker, so a slow
// document holds back the output but never lets memory grow. A path that is not a regular
// file fills its slot at once with a failed document.
#include <deque>

#include "pipeline/batch.h"
#include "pipeline/batch_common.h"
#include "pipeline/input_check.h"

namespace budgetpdf {
namespace {

constexpr int window_documents_per_worker = 4;

struct Slot {
    BatchInput input;
    std::optional<DocumentOutput> output;
    std::int64_t milliseconds = 0;
    std::int64_t peak_rss_kb = 0;
};

}  // namespace

Result<BatchTotals> run_batch_in_order(const NextPath& next_path, const LayoutSet& layouts,
                                       const BatchOptions& options, const EmitDocument& emit,
                                       const BatchObserver& observer) {
    const std::string pipeline = pipeline_version(layouts);
    WorkerPool pool(worker_count(options), options.limits, document_converter(layouts, options.ocr));
    const size_t window = static_cast<size_t>(pool.capacity()) * window_documents_per_worker;
    std::deque<Slot> slots;
    size_t first_slot = 0;  // job number of slots.front()
    BatchTotals totals;
    bool inputs_done = false;
    for (;;) {
        if (stop_requested(options)) {
            pool.kill_all();
            totals.interrupted = true;
            break;
        }
        while (!inputs_done && slots.size() < window && pool.has_free_worker()) {
            std::optional<std::string> path = next_path();
            if (!path) {
                inputs_done = true;
                break;
            }
            BatchInput input = classify_input(*path);
            if (options.shard && !in_shard(input.given, *options.shard)) {
                ++totals.plan.outside_shard;
                continue;
            }
            ++totals.plan.inputs;
            Slot slot{input, std::nullopt, 0, 0};
            if (!input.problem.empty()) {
                ++totals.plan.unreadable;
                slot.output = failed_output("", input.file.name, pipeline, input.problem);
            } else {
                ++totals.plan.to_convert;
                if (auto error = pool.start(first_slot + slots.size(), input.given)) return Error{ErrorKind::io, *error};
            }
            slots.push_back(std::move(slot));
        }
        if (inputs_done) pool.lend_idle_workers();
        while (!slots.empty() && slots.front().output) {
            Slot& slot = slots.front();
            count_document(totals, slot.output->summary);
            if (auto error = emit(slot.input.given, *slot.output)) {
                pool.kill_all();
                return *error;
            }
            if (observer.document_done)
                observer.document_done({slot.input.given, slot.output->summary, slot.input.file.bytes, slot.milliseconds,
                                        slot.peak_rss_kb});
            slots.pop_front();
            ++first_slot;
        }
        if (inputs_done && slots.empty()) break;
        std::vector<WorkerOutcome> finished;
        if (pool.running() > 0) finished = pool.wait(batch_tick_interval);
        for (WorkerOutcome& outcome : finished) {
            Slot& slot = slots[outcome.job - first_slot];
            slot.milliseconds = outcome.milliseconds;
            slot.peak_rss_kb = outcome.peak_rss_kb;
            if (outcome.output) {
                slot.output = std::move(*outcome.output);
                continue;
            }
            Result<std::string> doc_id = content_doc_id(slot.input);
            slot.output = failed_output(doc_id ? doc_id.value() : "", slot.input.file.name, pipeline,
                                        explain_failure(slot.input.given, outcome.failure));
        }
        if (observer.tick) observer.tick();
    }
    return totals;
}

}  // namespace budgetpdf
