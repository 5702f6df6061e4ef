// The dataset batch. How it works: every input is found and classified first; a regular
// file's doc_id comes from the dataset's record of its path, size and modification time,
// or from hashing its bytes. Inputs are grouped by doc_id: a group the dataset already
// holds with this pipeline version is only noted, unless its worker never finished (timed
// out, out of memory, crashed: worth another try); a file the converter itself found
// unreadable (not a PDF, encrypted …) fails the same way again and is not redone. The
// others become jobs,
// largest first so the workers finish together. Each document is stored in its own
// transaction the moment its worker ends, so an interruption loses at most the documents
// still being converted, and a rerun picks them up.
#include "pipeline/batch.h"

#include <algorithm>
#include <map>
#include <memory>

#include "pipeline/batch_common.h"
#include "pipeline/input_check.h"

namespace budgetpdf {
namespace {

struct Job {
    std::string doc_id;
    std::vector<BatchInput> inputs;  // the first is converted; the others have the same content
};

struct Plan {
    BatchPlan counts;
    std::vector<Job> jobs;
    std::vector<std::pair<BatchInput, std::string>> unreadable;  // input, reason
    std::vector<std::pair<InputFile, std::string>> unchanged;    // input, doc_id
    std::vector<std::string> unchanged_status;
};

Plan make_plan(const std::vector<std::string>& arguments, const std::string& pipeline, const Dataset& dataset,
               const BatchOptions& options) {
    Plan plan;
    InputWalk walk = collect_inputs(arguments, options.walk);
    plan.counts.ignored = walk.ignored;
    std::map<std::string, size_t> job_of_doc;
    for (BatchInput& input : walk.inputs) {
        if (options.shard && !in_shard(input.given, *options.shard)) {
            ++plan.counts.outside_shard;
            continue;
        }
        ++plan.counts.inputs;
        if (!input.problem.empty()) {
            plan.unreadable.emplace_back(input, input.problem);
            continue;
        }
        std::optional<std::string> doc_id = dataset.cached_doc_id(input.file);
        if (!doc_id) {
            Result<std::string> hashed = content_doc_id(input);
            if (!hashed) {
                plan.unreadable.emplace_back(input, hashed.error().message);
                continue;
            }
            doc_id = hashed.value();
        }
        auto [it, added] = job_of_doc.try_emplace(*doc_id, plan.jobs.size());
        if (added) plan.jobs.push_back(Job{*doc_id, {}});
        else ++plan.counts.duplicates;
        plan.jobs[it->second].inputs.push_back(std::move(input));
    }
    plan.counts.unreadable = static_cast<int>(plan.unreadable.size());
    std::vector<Job> to_convert;
    for (Job& job : plan.jobs) {
        std::optional<StoredDocument> stored = dataset.stored_document(job.doc_id);
        if (stored && stored->pipeline == pipeline && !stored->worker_failed) {
            for (const BatchInput& input : job.inputs) {
                plan.unchanged.emplace_back(input.file, job.doc_id);
                plan.unchanged_status.push_back(stored->status);
            }
            plan.counts.unchanged += static_cast<int>(job.inputs.size());
            plan.counts.duplicates -= static_cast<int>(job.inputs.size()) - 1;
            continue;
        }
        plan.counts.bytes_to_convert += job.inputs.front().file.bytes;
        to_convert.push_back(std::move(job));
    }
    std::stable_sort(to_convert.begin(), to_convert.end(), [](const Job& a, const Job& b) {
        return a.inputs.front().file.bytes > b.inputs.front().file.bytes;
    });
    plan.jobs = std::move(to_convert);
    plan.counts.to_convert = static_cast<int>(plan.jobs.size());
    return plan;
}

std::vector<InputFile> files_of(const Job& job) {
    std::vector<InputFile> files;
    for (const BatchInput& input : job.inputs) files.push_back(input.file);
    return files;
}

// Hands the next jobs to the pool's free workers.
std::optional<Error> start_jobs(WorkerPool& pool, const std::vector<Job>& jobs, size_t& next) {
    while (pool.has_free_worker() && next < jobs.size()) {
        if (auto error = pool.start(next, jobs[next].inputs.front().given)) return Error{ErrorKind::io, *error};
        ++next;
    }
    return std::nullopt;
}

}  // namespace

DocumentOutput failed_output(const std::string& doc_id, const std::string& source, const std::string& pipeline,
                             const std::string& reason) {
    DocumentOutput output;
    output.summary.doc_id = doc_id;
    output.summary.source = source;
    output.summary.pipeline = pipeline;
    output.summary.status = "failed";
    output.summary.error = reason;
    return output;
}

void count_status(BatchTotals& totals, const std::string& status, int inputs) {
    totals.ok += status == "ok" ? inputs : 0;
    totals.partial += status == "partial" ? inputs : 0;
    totals.failed += status == "failed" ? inputs : 0;
}

void count_document(BatchTotals& totals, const DocumentSummary& summary) {
    count_status(totals, summary.status, 1);
    totals.records += summary.records;
    totals.checks_total += summary.checks_total;
    totals.checks_failed += summary.checks_failed;
    totals.pages += summary.pages;
    totals.pages_ocr += summary.pages_ocr;
    if (summary.checks_failed > 0) totals.failing_identities.emplace_back(summary.source, summary.checks_failed);
}

int worker_count(const BatchOptions& options) { return options.jobs > 0 ? options.jobs : available_cores(); }

bool stop_requested(const BatchOptions& options) { return options.stop && *options.stop; }

// Runs in each worker process: its OCR session (one Tesseract engine, started on the first page
// that needs it) serves every document the worker converts.
ConvertDocument document_converter(const LayoutSet& layouts, const OcrOptions& ocr) {
    auto session = std::make_shared<std::unique_ptr<OcrSession>>();
    return [&layouts, ocr, session](const std::string& path, const SpareCores& spare) {
        if (!*session) *session = std::make_unique<OcrSession>(ocr);
        (*session)->lend_cores(spare);
        DocumentOutput output = process_document(path, layouts, **session);
        if (output.summary.status == "failed") output.summary.error = explain_failure(path, output.summary.error);
        return output;
    };
}

Result<BatchTotals> run_batch_into_dataset(const std::vector<std::string>& arguments, const LayoutSet& layouts,
                                           Dataset& dataset, const BatchOptions& options,
                                           const BatchObserver& observer) {
    const std::string pipeline = pipeline_version(layouts);
    Plan plan = make_plan(arguments, pipeline, dataset, options);
    BatchTotals totals;
    totals.plan = plan.counts;
    if (observer.planned) observer.planned(plan.counts);

    if (auto error = dataset.note_converted_inputs(plan.unchanged, pipeline)) return *error;
    for (const std::string& status : plan.unchanged_status) count_status(totals, status, 1);
    for (const auto& [input, reason] : plan.unreadable) {
        if (auto error = dataset.store_unreadable_input(input.file, reason, pipeline)) return *error;
        DocumentOutput failed = failed_output("", input.file.name, pipeline, reason);
        count_document(totals, failed.summary);
        if (observer.document_done) observer.document_done({input.given, failed.summary, 0, 0, 0});
    }

    WorkerPool pool(worker_count(options), options.limits, document_converter(layouts, options.ocr));
    size_t next = 0;
    while (next < plan.jobs.size() || pool.running() > 0) {
        if (stop_requested(options)) {
            pool.kill_all();
            totals.interrupted = true;
            break;
        }
        if (auto error = start_jobs(pool, plan.jobs, next)) return *error;
        std::vector<WorkerOutcome> outcomes = pool.wait(batch_tick_interval);
        if (auto error = start_jobs(pool, plan.jobs, next)) return *error;  // they convert while these are stored
        if (next == plan.jobs.size()) pool.lend_idle_workers();
        for (WorkerOutcome& outcome : outcomes) {
            const Job& job = plan.jobs[outcome.job];
            const BatchInput& first = job.inputs.front();
            DocumentOutput output = outcome.output ? std::move(*outcome.output)
                                                   : failed_output(job.doc_id, first.file.name, pipeline,
                                                                   explain_failure(first.given, outcome.failure));
            if (output.summary.doc_id.empty()) {
                for (const BatchInput& input : job.inputs)
                    if (auto error = dataset.store_unreadable_input(input.file, output.summary.error, pipeline))
                        return *error;
            } else if (auto error = dataset.store_document(output.summary, output.records, output.diagnostics, files_of(job),
                                                           {outcome.milliseconds, outcome.peak_rss_kb, !outcome.output})) {
                return *error;
            }
            count_document(totals, output.summary);
            count_status(totals, output.summary.status, static_cast<int>(job.inputs.size()) - 1);  // duplicates
            if (observer.document_done)
                observer.document_done({first.given, output.summary, first.file.bytes, outcome.milliseconds,
                                        outcome.peak_rss_kb});
        }
        if (observer.tick) observer.tick();
    }
    return totals;
}

std::vector<std::string> pending_inputs(const std::vector<std::string>& arguments, const LayoutSet& layouts,
                                        const Dataset& dataset, const BatchOptions& options) {
    Plan plan = make_plan(arguments, pipeline_version(layouts), dataset, options);
    std::vector<std::string> paths;
    for (const auto& [input, reason] : plan.unreadable) paths.push_back(input.given);
    for (const Job& job : plan.jobs) paths.push_back(job.inputs.front().given);
    return paths;
}

}  // namespace budgetpdf
