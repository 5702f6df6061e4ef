#!/usr/bin/env bash
# Pages per second of `budgetpdf tables` and `budgetpdf extract` beside `pdftotext -layout`
# on the same PDFs in the same run, and the peak RSS of each. Runs alternate (A B A B ...)
# so a drift in machine speed hits both; medians and ratios are reported, not single times.
#
#   tools/benchmark.sh [--runs N] [PDF_DIR]     (default: ../shared/real, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
pdf_dir=${1:-../shared/real}
cli=${BUDGETPDF:-build/budgetpdf}
[ -x "$cli" ] || { echo "build first: $cli not found" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (package time) is needed" >&2; exit 1; }

mapfile -d '' pdfs < <(find "$pdf_dir" -name '*.pdf' -print0 | sort -z)
pages=0
for f in "${pdfs[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Runs one command over every PDF; prints "seconds peak_kb".
run_all() {
    local kind=$1 start end peak=0 kb
    start=$(date +%s%N)
    for f in "${pdfs[@]}"; do
        case $kind in
            pdftotext) /usr/bin/time -f %M -o "$scratch/rss" pdftotext -layout "$f" - >/dev/null ;;
            tables) /usr/bin/time -f %M -o "$scratch/rss" "$cli" tables "$f" >/dev/null ;;
            extract) /usr/bin/time -f %M -o "$scratch/rss" "$cli" extract "$f" --out "$scratch/out" >/dev/null 2>&1 || true ;;
        esac
        kb=$(tail -1 "$scratch/rss"); [ "$kb" -gt "$peak" ] && peak=$kb
    done
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $peak"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A times peaks
for kind in pdftotext tables extract; do times[$kind]=""; peaks[$kind]=0; done
for ((i = 0; i <= runs; i++)); do      # run 0 is a warm-up and not counted
    for kind in pdftotext tables extract; do
        read -r ms kb < <(run_all "$kind")
        [ "$i" -eq 0 ] && continue
        times[$kind]+="$ms"$'\n'
        [ "$kb" -gt "${peaks[$kind]}" ] && peaks[$kind]=$kb
    done
done

base=$(printf '%s' "${times[pdftotext]}" | median)
echo "${#pdfs[@]} PDFs, $pages pages, median of $runs runs"
printf '| %-28s | %10s | %8s | %17s | %12s |\n' command "median ms" "pages/s" "time / pdftotext" "peak RSS MB"
printf '|%s|%s|%s|%s|%s|\n' ------------------------------ ------------ ---------- ------------------- --------------
for kind in pdftotext tables extract; do
    ms=$(printf '%s' "${times[$kind]}" | median)
    label="budgetpdf $kind"; [ "$kind" = pdftotext ] && label="pdftotext -layout"
    awk -v l="$label" -v ms="$ms" -v p="$pages" -v b="$base" -v kb="${peaks[$kind]}" 'BEGIN {
        printf "| %-28s | %10.0f | %8.1f | %16.2fx | %12.1f |\n", l, ms, p / (ms / 1000), ms / b, kb / 1024 }'
done
