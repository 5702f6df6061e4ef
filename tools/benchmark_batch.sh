#!/usr/bin/env bash
# Parallel speed of `budgetpdf batch`: --jobs 1 against --jobs N (default 2) on the same
# folder in the same run, alternating (1 N 1 N ...) so a drift in machine load hits both;
# each run converts into a fresh dataset folder. Then the rerun of a finished folder
# (nothing to convert). Medians are reported, with the load average before and after.
# On a machine shared with other work, give the benchmark's session a larger share first:
#   setsid bash -c 'echo -20 > /proc/self/autogroup; exec tools/benchmark_batch.sh'   (root)
#
#   tools/benchmark_batch.sh [--runs R] [--jobs N] [PDF_DIR]    (default: 3 runs, 2 jobs, ../shared/real)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
jobs=2
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        *) break ;;
    esac
done
pdf_dir=${1:-../shared/real}
cli=${BUDGETPDF:-build/budgetpdf}
[ -x "$cli" ] || { echo "build first: $cli not found" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
documents=$(find "$pdf_dir" -iname '*.pdf' | wc -l)

# Seconds (3 decimals) of one batch into a fresh folder.
timed_batch() {
    local workers=$1 out=$scratch/out_$1 start end
    rm -rf "$out"
    start=$(date +%s%N)
    "$cli" batch "$pdf_dir" --out "$out" --jobs "$workers" > /dev/null 2>&1 || [ $? -eq 3 ]
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
one=""; many=""
timed_batch 1 > /dev/null  # warm-up: file cache
for ((i = 1; i <= runs; i++)); do
    one+="$(timed_batch 1)"$'\n'
    many+="$(timed_batch "$jobs")"$'\n'
done
t1=$(printf '%s' "$one" | median)
tn=$(printf '%s' "$many" | median)
start=$(date +%s%N)
"$cli" batch "$pdf_dir" --out "$scratch/out_$jobs" --jobs "$jobs" > /dev/null 2>&1 || [ $? -eq 3 ]
end=$(date +%s%N)
rerun=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$documents PDFs in $pdf_dir, median of $runs alternating runs"
echo "--jobs 1 runs (s): $(printf '%s' "$one" | tr '\n' ' ')"
echo "--jobs $jobs runs (s): $(printf '%s' "$many" | tr '\n' ' ')"
printf '| %-22s | %9s | %8s |\n' run seconds speedup
printf '|%s|%s|%s|\n' ------------------------ ----------- ----------
awk -v t1="$t1" -v tn="$tn" -v n="$jobs" -v r="$rerun" 'BEGIN {
    printf "| %-22s | %9.2f | %7.2fx |\n", "--jobs 1", t1, 1
    printf "| %-22s | %9.2f | %7.2fx |\n", "--jobs " n, tn, t1 / tn
    printf "| %-22s | %9.2f | %7.1f%% |\n", "rerun (nothing to do)", r, 100 * r / tn
}'
