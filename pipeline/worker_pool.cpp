// How it works: a worker is a forked child with two pipes. The parent writes a job
// ("P <length>\n<path>") into one; the child converts the document and answers on the other
// with "L <length> <peak kB>\n" and the document as wire text (pipeline/document_wire.h), then
// waits for the next job; it leaves with _exit when its job pipe closes, so nothing of the
// parent's (its open dataset, its buffered output) is touched. Before each document the child
// resets its peak-memory mark (/proc/self/clear_refs), so the peak it reports is this
// document's. The parent polls the answer pipes, reading as the workers write so none blocks,
// samples each busy worker's resident memory from /proc and checks its clock between polls,
// and kills a worker over a limit. The pages a worker inherits from the parent at fork count
// as resident in both but are shared: the limit is on what the worker holds beyond them. A document counts as converted only when its whole answer
// arrived; a worker that died (killed, crashed) fails its document with the reason, and is
// replaced on the next job. A worker retires after many documents or when it stays large.
// Once the caller has no document left to start, each idle worker's core is lent: a byte per
// core in a pipe all workers inherit (non-blocking at both ends), which a worker's OCR takes
// for a helper thread and writes back when done.
#include "pipeline/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <malloc.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <thread>

#include "pipeline/document_wire.h"

namespace budgetpdf {
namespace {

constexpr std::chrono::milliseconds limit_check_interval{50};  // how often memory and clocks are checked
constexpr size_t read_chunk_bytes = 1 << 16;
constexpr int max_documents_per_worker = 200;  // then a fresh worker: bounds what a leak can hold
constexpr int retire_above_limit_fraction = 2;  // a worker resident above limit/2 between documents retires
// Free heap a worker keeps for its next document; beyond it, memory goes back to the system.
// Trimming after every document cost more system time (page faults, TLB flushes) than the
// conversions' own reading of their files.
constexpr size_t keep_free_heap_bytes = size_t{32} << 20;
constexpr int heap_block_limit_bytes = 256 << 20;  // blocks up to this size come from the heap

using Clock = std::chrono::steady_clock;

std::int64_t resident_kb(pid_t pid) {
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    long pages_total = 0, pages_resident = 0;
    if (!(statm >> pages_total >> pages_resident)) return 0;
    return static_cast<std::int64_t>(pages_resident) * (sysconf(_SC_PAGESIZE) / 1024);
}

bool write_all(int fd, const std::string& text) {
    const char* data = text.data();
    size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        left -= static_cast<size_t>(n);
    }
    return true;
}

// A write into a worker's job pipe: a worker that died in the meantime makes it fail with
// EPIPE, never kill the parent with SIGPIPE (blocked for the write, a pending one consumed).
bool write_job(int fd, const std::string& text) {
    sigset_t pipe_signal, previous;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
    bool written = write_all(fd, text);
    if (!written) {
        struct timespec no_wait {0, 0};
        while (sigtimedwait(&pipe_signal, nullptr, &no_wait) > 0) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return written;
}

bool read_exactly(int fd, std::string& out, size_t count) {
    out.resize(count);
    size_t got = 0;
    while (got < count) {
        ssize_t n = ::read(fd, out.data() + got, count - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += static_cast<size_t>(n);
    }
    return true;
}

// "X <number> …\n" read byte by byte (the job pipe carries nothing else between jobs).
bool read_header(int fd, std::string& line) {
    line.clear();
    char c = 0;
    for (;;) {
        ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        if (c == '\n') return true;
        line.push_back(c);
    }
}

// The peak resident memory since the last reset, from /proc/self/status (VmHWM).
std::int64_t peak_kb_since_reset() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            std::int64_t kb = 0;
            status >> kb;
            return kb;
        }
        status.ignore(1 << 10, '\n');
    }
    return 0;
}

void reset_peak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
}

// The worker's side of the lent cores: a byte read is a core taken; written back, returned.
SpareCores spare_cores_from(int read_fd, int write_fd) {
    if (read_fd < 0) return {};
    return {[read_fd] {
                char token = 0;
                return ::read(read_fd, &token, 1) == 1;
            },
            [write_fd] {
                const char token = 'c';
                while (::write(write_fd, &token, 1) < 0 && errno == EINTR) {
                }
            }};
}

[[noreturn]] void run_worker(int jobs_fd, int answers_fd, pid_t parent, const ConvertDocument& convert,
                             const SpareCores& spare) {
    // The parent's handlers (a stop flag, a test framework's crash report) are not the
    // worker's: it dies of what kills it, and the parent names the signal.
    for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT, SIGXFSZ, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        ::signal(sig, SIG_DFL);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) _exit(4);  // the parent died before the line above
    struct rlimit no_core {0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);  // a crash in a hostile file leaves no core dump behind
    // Page images and Poppler's buffers (megabytes each, many per page) come from the heap and
    // are reused, instead of each being mapped and unmapped (page faults on every first touch).
    ::mallopt(M_MMAP_THRESHOLD, heap_block_limit_bytes);
    ::mallopt(M_TRIM_THRESHOLD, heap_block_limit_bytes);
    std::string header, path;
    while (read_header(jobs_fd, header)) {
        size_t length = 0;
        if (std::sscanf(header.c_str(), "P %zu", &length) != 1 || !read_exactly(jobs_fd, path, length)) _exit(5);
        reset_peak();
        std::string text;
        try {
            text = wire_from_output(convert(path, spare));
        } catch (...) {
            _exit(6);
        }
        std::string answer = "L " + std::to_string(text.size()) + " " + std::to_string(peak_kb_since_reset()) + "\n";
        if (!write_all(answers_fd, answer) || !write_all(answers_fd, text)) _exit(3);
        std::string().swap(text);
        if (::mallinfo2().fordblks > keep_free_heap_bytes) ::malloc_trim(0);
    }
    _exit(0);
}

std::string signal_text(int sig) {
    const char* name = ::strsignal(sig);
    return "signal " + std::to_string(sig) + (name ? std::string(", ") + name : std::string());
}

}  // namespace

struct WorkerPool::Worker {
    pid_t pid = -1;
    int jobs_fd = -1;     // the parent writes jobs here
    int answers_fd = -1;  // and reads answers here
    int documents = 0;
    bool busy = false;
    bool eof = false;
    std::size_t job = 0;
    Clock::time_point started;
    std::string received;
    std::int64_t peak_sampled_kb = 0;
    std::int64_t inherited_kb = 0;  // the parent's resident memory when it forked: shared, not the worker's
    std::string killed_for;  // why the parent killed it
};

int available_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

WorkerPool::WorkerPool(int workers, WorkerLimits limits, ConvertDocument convert)
    : capacity_(std::max(1, workers)), limits_(limits), convert_(std::move(convert)) {
    int spare[2];
    if (capacity_ > 1 && ::pipe2(spare, O_CLOEXEC | O_NONBLOCK) == 0) {  // else no core is ever lent
        spare_read_ = spare[0];
        spare_write_ = spare[1];
    }
}

WorkerPool::~WorkerPool() {
    kill_all();
    for (int fd : {spare_read_, spare_write_})
        if (fd >= 0) ::close(fd);
}

void WorkerPool::lend_idle_workers() {
    lending_ = true;
    const char token = 'c';
    while (spare_write_ >= 0 && lent_ < capacity_ - running() && ::write(spare_write_, &token, 1) == 1) ++lent_;
}

int WorkerPool::running() const {
    return static_cast<int>(std::count_if(workers_.begin(), workers_.end(), [](const auto& w) { return w->busy; }));
}

std::optional<std::string> WorkerPool::spawn() {
    int jobs[2], answers[2];
    if (::pipe2(jobs, O_CLOEXEC) != 0) return std::string("cannot make a pipe: ") + std::strerror(errno);
    if (::pipe2(answers, O_CLOEXEC) != 0) {
        int error = errno;
        ::close(jobs[0]);
        ::close(jobs[1]);
        return std::string("cannot make a pipe: ") + std::strerror(error);
    }
    pid_t parent = ::getpid();
    std::int64_t inherited_kb = resident_kb(parent);
    pid_t pid = ::fork();
    if (pid < 0) {
        int error = errno;
        for (int fd : {jobs[0], jobs[1], answers[0], answers[1]}) ::close(fd);
        return std::string("cannot start a worker process: ") + std::strerror(error);
    }
    if (pid == 0) {
        ::close(jobs[1]);
        ::close(answers[0]);
        for (const auto& other : workers_) {  // else their job pipes would never close
            ::close(other->jobs_fd);
            ::close(other->answers_fd);
        }
        run_worker(jobs[0], answers[1], parent, convert_, spare_cores_from(spare_read_, spare_write_));
    }
    ::close(jobs[0]);
    ::close(answers[1]);
    ::fcntl(answers[0], F_SETFL, ::fcntl(answers[0], F_GETFL) | O_NONBLOCK);
    auto worker = std::make_unique<Worker>();
    worker->pid = pid;
    worker->inherited_kb = inherited_kb;
    worker->jobs_fd = jobs[1];
    worker->answers_fd = answers[0];
    workers_.push_back(std::move(worker));
    return std::nullopt;
}

std::optional<std::string> WorkerPool::start(std::size_t job, const std::string& path) {
    auto idle = [&] {
        return std::find_if(workers_.begin(), workers_.end(), [](const auto& w) { return !w->busy && !w->eof; });
    };
    auto it = idle();
    if (it == workers_.end()) {
        if (auto error = spawn()) return error;
        it = idle();
    }
    Worker& w = **it;
    w.busy = true;
    w.job = job;
    w.started = Clock::now();
    w.received.clear();
    w.peak_sampled_kb = 0;
    ++w.documents;
    if (!write_job(w.jobs_fd, "P " + std::to_string(path.size()) + "\n" + path)) w.killed_for = "the worker went away";
    return std::nullopt;
}

namespace {

// A busy worker's document is complete once its header and that many bytes arrived.
bool answer_complete(const std::string& received, size_t& header_end, size_t& length, std::int64_t& peak_kb) {
    header_end = received.find('\n');
    length = 0;
    if (header_end == std::string::npos) return false;
    long long peak = 0;
    if (std::sscanf(received.c_str(), "L %zu %lld", &length, &peak) != 2) return false;
    peak_kb = peak;
    return received.size() >= header_end + 1 + length;
}

}  // namespace

void WorkerPool::finish(Worker& w, std::vector<WorkerOutcome>& finished) {
    size_t header_end = 0, length = 0;
    std::int64_t peak_kb = 0;
    if (!w.busy) return;
    if (!answer_complete(w.received, header_end, length, peak_kb)) {
        if (header_end != std::string::npos && length > 0) w.received.reserve(header_end + 1 + length);
        return;
    }
    WorkerOutcome outcome;
    outcome.job = w.job;
    outcome.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - w.started).count();
    outcome.peak_rss_kb = std::max(peak_kb, w.peak_sampled_kb);
    if (auto output = output_from_wire(std::string_view(w.received).substr(header_end + 1, length)))
        outcome.output = std::move(*output);
    else
        outcome.failure = "the converter's output was incomplete";
    w.received.erase(0, header_end + 1 + length);
    w.busy = false;
    finished.push_back(std::move(outcome));
    bool large = resident_kb(w.pid) - w.inherited_kb > limits_.memory_limit_kb / retire_above_limit_fraction;
    if (w.documents >= max_documents_per_worker || large) {  // retire: it leaves when its job pipe closes
        ::close(w.jobs_fd);
        w.jobs_fd = -1;
        w.eof = true;
    }
}

std::vector<WorkerOutcome> WorkerPool::wait(std::chrono::milliseconds at_most) {
    std::vector<WorkerOutcome> finished;
    Clock::time_point until = Clock::now() + at_most;
    for (;;) {
        std::vector<pollfd> fds;
        for (const auto& w : workers_) fds.push_back({w->answers_fd, POLLIN, 0});
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        int timeout_ms = static_cast<int>(std::clamp(left, std::chrono::milliseconds(0), limit_check_interval).count());
        if (fds.empty()) {
            if (timeout_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
        } else if (::poll(fds.data(), fds.size(), timeout_ms) < 0 && errno != EINTR) {
            break;
        }
        std::vector<char> chunk(read_chunk_bytes);
        std::vector<Worker*> closed;
        for (size_t i = 0; i < fds.size(); ++i) {
            Worker& w = *workers_[i];
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            for (;;) {
                ssize_t n = ::read(w.answers_fd, chunk.data(), chunk.size());
                if (n > 0) {
                    w.received.append(chunk.data(), static_cast<size_t>(n));
                    continue;
                }
                if (n == 0 || (errno != EAGAIN && errno != EINTR)) closed.push_back(&w);
                break;
            }
            finish(w, finished);
        }
        for (const auto& w : workers_) {
            if (!w->busy || !w->killed_for.empty()) continue;
            std::int64_t kb = resident_kb(w->pid);
            w->peak_sampled_kb = std::max(w->peak_sampled_kb, kb);
            if (Clock::now() - w->started > limits_.timeout)
                w->killed_for = "timed out after " +
                                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(limits_.timeout).count()) + " s";
            else if (kb - w->inherited_kb > limits_.memory_limit_kb)
                w->killed_for = "memory limit exceeded (" + std::to_string(limits_.memory_limit_kb / 1024) + " MiB)";
            if (!w->killed_for.empty()) ::kill(w->pid, SIGKILL);
        }
        for (Worker* w : closed) {  // the worker is gone: reap it, fail what it was converting
            int status = 0;
            while (::waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
            }
            if (w->busy) {
                WorkerOutcome outcome;
                outcome.job = w->job;
                outcome.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - w->started).count();
                outcome.peak_rss_kb = w->peak_sampled_kb;
                if (!w->killed_for.empty()) outcome.failure = w->killed_for;
                else if (WIFSIGNALED(status)) outcome.failure = "the converter crashed (" + signal_text(WTERMSIG(status)) + ")";
                else outcome.failure = "the converter failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
                finished.push_back(std::move(outcome));
            }
            if (w->jobs_fd >= 0) ::close(w->jobs_fd);
            ::close(w->answers_fd);
            workers_.erase(std::find_if(workers_.begin(), workers_.end(), [&](const auto& p) { return p.get() == w; }));
        }
        if (lending_) lend_idle_workers();
        if (!finished.empty() || Clock::now() >= until) break;
    }
    return finished;
}

void WorkerPool::kill_all() {
    for (const auto& w : workers_) {
        if (w->jobs_fd >= 0) ::close(w->jobs_fd);
        ::kill(w->pid, SIGKILL);
    }
    for (const auto& w : workers_) {
        int status = 0;
        while (::waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(w->answers_fd);
    }
    workers_.clear();
}

}  // namespace budgetpdf
