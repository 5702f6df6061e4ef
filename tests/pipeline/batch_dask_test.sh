#!/usr/bin/env bash
# tools/dask_batch.py on a Dask LocalCluster (two worker processes, loopback only) converts
# every real disclosure of SHARED_DIR/real and one input that is not a PDF into the dataset a
# local `budgetpdf batch` gives, byte for byte, and a rerun converts nothing. Both read the text
# layer only (--ocr never): the four scans' OCR is tested elsewhere and would double the time.
#   batch_dask_test.sh BUDGETPDF SOURCE_DIR SHARED_DIR
set -euo pipefail
cli=$1
source_dir=$2
shared_dir=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/in"
find "$shared_dir/real" -name '*.pdf' -exec ln -s {} "$scratch/in/" \;
echo "not a PDF" > "$scratch/in/not_a_pdf.pdf"
inputs=$(find "$scratch/in" -name '*.pdf' | wc -l)
[ "$inputs" -ge 10 ] || { echo "FAIL: $shared_dir/real holds no real disclosures"; exit 1; }

"$cli" batch "$scratch/in" --out "$scratch/local" --ocr never > "$scratch/local.log" 2>&1 || [ $? -eq 3 ]
status=0
/usr/bin/python3 "$source_dir/tools/dask_batch.py" "$scratch/in" --out "$scratch/dask" --local-workers 2 --chunk 3 \
    --ocr never --budgetpdf "$cli" > "$scratch/dask.log" 2>&1 || status=$?
tail -3 "$scratch/dask.log"
[ "$status" -eq 3 ] || { cat "$scratch/dask.log"; echo "FAIL: dask_batch exited $status, expected 3 (one input is not a PDF)"; exit 1; }
grep -q "^dask_batch: $inputs inputs to convert" "$scratch/dask.log" || { echo "FAIL: expected $inputs inputs to convert"; exit 1; }
for file in records.csv records.jsonl documents.csv documents.jsonl diagnostics.csv diagnostics.jsonl; do
    cmp "$scratch/local/$file" "$scratch/dask/$file" || { echo "FAIL: $file differs from a local batch's"; exit 1; }
done
documents=$(($(wc -l < "$scratch/dask/documents.csv") - 1))
[ "$documents" -eq "$inputs" ] || { echo "FAIL: $documents documents rows for $inputs inputs"; exit 1; }
/usr/bin/python3 "$source_dir/tools/dask_batch.py" "$scratch/in" --out "$scratch/dask" --local-workers 2 \
    --budgetpdf "$cli" > "$scratch/rerun.log" 2>&1 || [ $? -eq 3 ]
grep -q "^dask_batch: 0 inputs to convert" "$scratch/rerun.log" || { cat "$scratch/rerun.log"; echo "FAIL: the rerun converted again"; exit 1; }
echo "dask driver: $inputs inputs on a LocalCluster, the same dataset as a local batch; rerun converted nothing"
echo "1 passed, 0 failed"
