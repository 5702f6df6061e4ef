// How it works: start() makes a pipe and forks. The child resets its signals, asks the
// kernel to kill it if the parent dies, converts the document, writes it to the pipe as
// wire text (pipeline/document_wire.h) and leaves with _exit, so nothing of the parent's
// (its open dataset, its buffered output) is touched. The parent polls the pipes, reading
// as the workers write so none blocks, samples each worker's resident memory from /proc
// and checks its clock between polls, and kills a worker over a limit. A worker's end is
// read with wait4, which also gives its peak memory. A worker counts as finished only when
// it exited 0 after sending a complete text; anything else is a failure with its reason.
#include "pipeline/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>

#include "pipeline/document_wire.h"

namespace budgetpdf {
namespace {

constexpr std::chrono::milliseconds limit_check_interval{50};  // how often memory and clocks are checked
constexpr size_t read_chunk_bytes = 1 << 16;

using Clock = std::chrono::steady_clock;

std::int64_t resident_kb(pid_t pid) {
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    long pages_total = 0, pages_resident = 0;
    if (!(statm >> pages_total >> pages_resident)) return 0;
    return static_cast<std::int64_t>(pages_resident) * (sysconf(_SC_PAGESIZE) / 1024);
}

void write_all(int fd, const std::string& text) {
    const char* data = text.data();
    size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) _exit(3);
        data += n;
        left -= static_cast<size_t>(n);
    }
}

[[noreturn]] void run_child(int fd, pid_t parent, const std::string& path, const ConvertDocument& convert) {
    // The parent's handlers (a stop flag, a test framework's crash report) are not the
    // worker's: it dies of what kills it, and the parent names the signal.
    for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT, SIGXFSZ, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        ::signal(sig, SIG_DFL);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) _exit(4);  // the parent died before the line above
    struct rlimit no_core {0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);  // a crash in a hostile file leaves no core dump behind
    std::string text;
    try {
        text = wire_from_output(convert(path));
    } catch (...) {
        _exit(5);
    }
    write_all(fd, text);
    _exit(0);
}

std::string signal_text(int sig) {
    const char* name = ::strsignal(sig);
    return "signal " + std::to_string(sig) + (name ? std::string(", ") + name : std::string());
}

}  // namespace

struct WorkerPool::Worker {
    std::size_t job = 0;
    pid_t pid = -1;
    int fd = -1;
    std::string received;
    Clock::time_point started;
    std::int64_t peak_sampled_kb = 0;
    std::string killed_for;  // why the parent killed it
    bool eof = false;
};

int available_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

WorkerPool::WorkerPool(int workers, WorkerLimits limits, ConvertDocument convert)
    : workers_(std::max(1, workers)), limits_(limits), convert_(std::move(convert)) {}

WorkerPool::~WorkerPool() { kill_all(); }

int WorkerPool::running() const { return static_cast<int>(running_.size()); }

std::optional<std::string> WorkerPool::start(std::size_t job, const std::string& path) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return std::string("cannot make a pipe: ") + std::strerror(errno);
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
        int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return std::string("cannot start a worker process: ") + std::strerror(error);
    }
    if (pid == 0) {
        ::close(fds[0]);
        for (const auto& other : running_) ::close(other->fd);
        run_child(fds[1], parent, path, convert_);
    }
    ::close(fds[1]);
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    auto worker = std::make_unique<Worker>();
    worker->job = job;
    worker->pid = pid;
    worker->fd = fds[0];
    worker->started = Clock::now();
    running_.push_back(std::move(worker));
    return std::nullopt;
}

std::vector<WorkerOutcome> WorkerPool::wait(std::chrono::milliseconds at_most) {
    std::vector<WorkerOutcome> finished;
    Clock::time_point until = Clock::now() + at_most;
    for (;;) {
        std::vector<pollfd> fds;
        for (const auto& w : running_) fds.push_back({w->fd, POLLIN, 0});
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        int timeout_ms = static_cast<int>(std::clamp(left, std::chrono::milliseconds(0), limit_check_interval).count());
        if (fds.empty()) {
            if (timeout_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
        } else if (::poll(fds.data(), fds.size(), timeout_ms) < 0 && errno != EINTR) {
            break;
        }
        std::vector<char> chunk(read_chunk_bytes);
        for (size_t i = 0; i < fds.size(); ++i) {
            Worker& w = *running_[i];
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            for (;;) {
                ssize_t n = ::read(w.fd, chunk.data(), chunk.size());
                if (n > 0) {
                    w.received.append(chunk.data(), static_cast<size_t>(n));
                    continue;
                }
                if (n == 0 || (errno != EAGAIN && errno != EINTR)) w.eof = true;
                break;
            }
        }
        for (const auto& w : running_) {
            if (w->eof || !w->killed_for.empty()) continue;
            std::int64_t kb = resident_kb(w->pid);
            w->peak_sampled_kb = std::max(w->peak_sampled_kb, kb);
            auto elapsed = Clock::now() - w->started;
            if (elapsed > limits_.timeout) {
                w->killed_for = "timed out after " +
                                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(limits_.timeout).count()) +
                                " s";
            } else if (kb > limits_.memory_limit_kb) {
                w->killed_for = "memory limit exceeded (" + std::to_string(limits_.memory_limit_kb / 1024) + " MiB)";
            }
            if (!w->killed_for.empty()) ::kill(w->pid, SIGKILL);
        }
        for (auto it = running_.begin(); it != running_.end();) {
            Worker& w = **it;
            if (!w.eof) {
                ++it;
                continue;
            }
            int status = 0;
            struct rusage usage {};
            while (::wait4(w.pid, &status, 0, &usage) < 0 && errno == EINTR) {
            }
            ::close(w.fd);
            WorkerOutcome outcome;
            outcome.job = w.job;
            outcome.milliseconds =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - w.started).count();
            outcome.peak_rss_kb = std::max<std::int64_t>(usage.ru_maxrss, w.peak_sampled_kb);
            if (!w.killed_for.empty()) {
                outcome.failure = w.killed_for;
            } else if (WIFSIGNALED(status)) {
                outcome.failure = "the converter crashed (" + signal_text(WTERMSIG(status)) + ")";
            } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                outcome.failure = "the converter failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
            } else if (auto output = output_from_wire(w.received)) {
                outcome.output = std::move(*output);
            } else {
                outcome.failure = "the converter's output was incomplete";
            }
            finished.push_back(std::move(outcome));
            it = running_.erase(it);
        }
        if (!finished.empty() || Clock::now() >= until) break;
    }
    return finished;
}

void WorkerPool::kill_all() {
    for (const auto& w : running_) ::kill(w->pid, SIGKILL);
    for (const auto& w : running_) {
        int status = 0;
        while (::waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(w->fd);
    }
    running_.clear();
}

}  // namespace budgetpdf
