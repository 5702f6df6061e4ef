// Worker processes take down one document, never the batch: a crash, an abort, a document
// that never ends and one that eats memory each become a failed outcome with its reason,
// and the documents around them are converted.

#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

#include "pipeline/worker_pool.h"

using namespace budgetpdf;

namespace {

// A stand-in converter whose behaviour the path names.
DocumentOutput misbehave(const std::string& path, const SpareCores& spare) {
    if (path == "segfault") ::raise(SIGSEGV);
    if (path == "abort") std::abort();
    if (path == "forever")
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    if (path == "hungry") {
        constexpr size_t chunk = 64 << 20;
        for (;;) {
            char* block = static_cast<char*>(std::malloc(chunk));
            if (block) std::memset(block, 1, chunk);
        }
    }
    DocumentOutput output;
    if (path == "borrow") {  // tries for a while to take a lent core, and says whether it got one
        bool taken = false;
        for (int tries = 0; tries < 50 && !taken; ++tries) {
            taken = spare.take && spare.take();
            if (!taken) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (taken) spare.give_back();
        output.summary.error = taken ? "lent a core" : "no core lent";
    }
    output.summary.doc_id = "0123456789abcdef";
    output.summary.source = path;
    output.summary.status = "ok";
    output.summary.records = 1;
    Record record;
    record.doc_id = output.summary.doc_id;
    record.source = path;
    record.amount_yuan = "12.50";
    record.page = 1;
    output.records.push_back(record);
    return output;
}

std::map<std::string, WorkerOutcome> run_all(const std::vector<std::string>& paths, WorkerLimits limits, int workers) {
    WorkerPool pool(workers, limits, misbehave);
    std::map<std::string, WorkerOutcome> outcomes;
    size_t next = 0;
    while (outcomes.size() < paths.size()) {
        while (pool.has_free_worker() && next < paths.size()) {
            REQUIRE_FALSE(pool.start(next, paths[next]));
            ++next;
        }
        for (WorkerOutcome& outcome : pool.wait(std::chrono::milliseconds(100))) outcomes[paths[outcome.job]] = outcome;
    }
    return outcomes;
}

}  // namespace

TEST_CASE("worker pool: crashes, hangs and memory hogs fail alone, with their reason") {
    WorkerLimits limits;
    limits.timeout = std::chrono::seconds(2);
    limits.memory_limit_kb = 200 * 1024;
    auto outcomes = run_all({"good1", "segfault", "abort", "forever", "hungry", "good2"}, limits, 2);
    for (const char* good : {"good1", "good2"}) {
        CAPTURE(good);
        REQUIRE(outcomes[good].output);
        CHECK(outcomes[good].output->records.size() == 1);
        CHECK(outcomes[good].output->records[0].amount_yuan == "12.50");
        CHECK(outcomes[good].failure.empty());
    }
    CHECK(outcomes["segfault"].failure.find("crashed (signal 11") != std::string::npos);
    CHECK(outcomes["abort"].failure.find("crashed (signal 6") != std::string::npos);
    CHECK(outcomes["forever"].failure == "timed out after 2 s");
    CHECK(outcomes["hungry"].failure == "memory limit exceeded (200 MiB)");
    for (const char* bad : {"segfault", "abort", "forever", "hungry"}) CHECK_FALSE(outcomes[bad].output);
    CHECK(outcomes["hungry"].peak_rss_kb >= 200 * 1024);
}

TEST_CASE("worker pool: more documents than workers, all converted") {
    std::vector<std::string> paths;
    for (int i = 0; i < 20; ++i) paths.push_back("doc" + std::to_string(i));
    auto outcomes = run_all(paths, WorkerLimits{}, 3);
    CHECK(outcomes.size() == 20);
    for (const auto& [path, outcome] : outcomes) {
        CAPTURE(path);
        REQUIRE(outcome.output);
        CHECK(outcome.output->summary.source == path);
    }
}

TEST_CASE("worker pool: what a worker shares with a large parent does not count against its limit") {
    constexpr size_t parent_bytes = size_t{96} << 20;
    std::vector<char> parent_memory(parent_bytes, 1);  // resident in the parent, inherited by each fork
    WorkerLimits limits;
    limits.memory_limit_kb = 64 * 1024;
    auto outcomes = run_all({"good1", "hungry", "good2"}, limits, 2);
    for (const char* good : {"good1", "good2"}) {
        CAPTURE(good);
        CAPTURE(outcomes[good].failure);
        CHECK(outcomes[good].output);
    }
    CHECK(outcomes["hungry"].failure == "memory limit exceeded (64 MiB)");
    CHECK(parent_memory[parent_bytes / 2] == 1);
}

TEST_CASE("worker pool: an idle worker's core is lent only once no document is left to start") {
    for (bool lend : {false, true}) {
        WorkerPool pool(2, WorkerLimits{}, misbehave);
        REQUIRE_FALSE(pool.start(0, "borrow"));
        if (lend) pool.lend_idle_workers();
        std::vector<WorkerOutcome> done;
        while (done.empty()) done = pool.wait(std::chrono::milliseconds(100));
        REQUIRE(done.front().output);
        CHECK(done.front().output->summary.error == (lend ? "lent a core" : "no core lent"));
    }
    WorkerPool single(1, WorkerLimits{}, misbehave);  // one worker: nothing idle to lend
    REQUIRE_FALSE(single.start(0, "borrow"));
    single.lend_idle_workers();
    std::vector<WorkerOutcome> done;
    while (done.empty()) done = single.wait(std::chrono::milliseconds(100));
    REQUIRE(done.front().output);
    CHECK(done.front().output->summary.error == "no core lent");
}
