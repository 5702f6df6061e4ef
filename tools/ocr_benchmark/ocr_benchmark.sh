#!/usr/bin/env bash
# The OCR figures of the README: synthetic scans and no-ToUnicode variants of the generated
# corpus scored against their truth, the speed beside full-page Tesseract, and the routing
# over ../shared/real.
#
#   tools/ocr_benchmark/ocr_benchmark.sh [WORK_DIR]     (default /tmp/budgetpdf_ocr_benchmark)
#
# Needs build/budgetpdf, the packages of tools/install_deps.sh and tesseract-ocr (the CLI, for
# the speed comparison). Every run is single-threaded (OMP_THREAD_LIMIT=1).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=${1:-/tmp/budgetpdf_ocr_benchmark}
bin="$root/build/budgetpdf"
export OMP_THREAD_LIMIT=1
mkdir -p "$work"

# 1. The corpus: every corpus/grid PDF at 300 and 200 dpi and without ToUnicode.
if [ ! -f "$work/scans/.complete" ]; then
    "$root/tools/make_scans/make_scans.sh" "$work/scans"
    touch "$work/scans/.complete"
fi

# 2. Records of each set, scored.
for set in scan300 scan200 notounicode; do
    start=$(date +%s.%N)
    "$bin" extract "$work"/scans/*."$set".pdf --out "$work/out_$set" 2> "$work/out_$set.log" || true
    end=$(date +%s.%N)
    pages=$(awk -F, 'NR > 1 { p += $8; o += $9 } END { print p " pages, " o " read by OCR" }' "$work/out_$set/documents.csv")
    echo "== $set: $pages, $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.0f s", e - s }')"
    python3 "$root/tools/ocr_benchmark/score_ocr.py" "$work/scans" "$work/out_$set/records.csv" "$set" | tail -1
done

# 3. Speed on the same 300 dpi pages: budgetpdf (render, preprocess, OCR per line, tables,
#    records, re-reads; one worker) against `tesseract -l chi_sim` on each page image pdftoppm
#    renders.
pages_dir="$work/pages300"
mkdir -p "$pages_dir"
for pdf in "$work"/scans/*.scan300.pdf; do
    pdftoppm -r 300 -gray -png "$pdf" "$pages_dir/$(basename "$pdf" .pdf)"
done
n=$(ls "$pages_dir"/*.png | wc -l)
start=$(date +%s.%N)
for png in "$pages_dir"/*.png; do tesseract "$png" - -l chi_sim > /dev/null 2>&1; done
mid=$(date +%s.%N)
"$bin" extract "$work"/scans/*.scan300.pdf --out "$work/out_speed" --jobs 1 2> /dev/null || true
end=$(date +%s.%N)
awk -v n="$n" -v s="$start" -v m="$mid" -v e="$end" 'BEGIN {
    printf "== speed, %d pages at 300 dpi, one thread: tesseract -l chi_sim (full page, images already rendered) %.1f s/page; budgetpdf extract %.1f s/page (%.2fx)\n",
        n, (m - s) / n, (e - m) / n, (e - m) / (m - s) }'

# 4. Routing over ../shared/real in auto mode: pages read by OCR per document.
real="$root/../shared/real"
if [ -d "$real" ]; then
    "$bin" extract "$real"/*/*.pdf --out "$work/out_real" 2> /dev/null || true
    python3 - "$work/out_real/documents.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
ocr = [r for r in rows if int(r["pages_ocr"]) > 0]
print(f"== real: {len(rows)} documents, {sum(int(r['pages']) for r in rows)} pages; "
      f"{sum(int(r['pages_ocr']) for r in rows)} pages read by OCR, in {len(ocr)} documents:")
for r in ocr:
    print(f"   {r['source']}: {r['pages_ocr']}/{r['pages']} pages, {r['tables_found']} tables, {r['records']} records, "
          f"{int(r['checks_total']) - int(r['checks_failed'])}/{r['checks_total']} identities hold")
PY
fi
