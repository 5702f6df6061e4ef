#!/usr/bin/env bash
# Real layouts through the OCR path: born-digital disclosures read with --ocr always, scored
# against the records their own text layer gives (--ocr never). The reference is our text
# path's reading, not truth typed from the page: a measure of how far OCR falls short of the
# text layer on layouts the synthetic corpus does not have (fonts, rules, column counts).
#
#   tools/ocr_benchmark/text_layer_by_ocr.sh WORK_DIR PDF...
#
# Prints score_ocr.py's table (exact, wrong, silent, missing per document).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/build/budgetpdf"
work=$1
shift
mkdir -p "$work/docs"
rm -f "$work"/docs/*
n=0
for pdf in "$@"; do
    n=$((n + 1))
    ln -s "$(cd "$(dirname "$pdf")" && pwd)/$(basename "$pdf")" "$work/docs/doc$n.ocr.pdf"
    echo "doc$n: $(basename "$pdf")"
done
rm -rf "$work/text" "$work/ocr"
"$bin" extract "$work"/docs/*.ocr.pdf --ocr never --out "$work/text" --jobs 2 > /dev/null 2>&1 || true
python3 "$root/tools/ocr_benchmark/reference_from_records.py" "$work/text/records.csv" "$work/docs"
"$bin" extract "$work"/docs/*.ocr.pdf --ocr always --out "$work/ocr" --jobs 2 > /dev/null 2>&1 || true
python3 "$root/tools/ocr_benchmark/score_ocr.py" "$work/docs" "$work/ocr/records.csv" ocr "${SHOW:+--show}"
