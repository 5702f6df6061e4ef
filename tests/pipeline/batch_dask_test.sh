#!/usr/bin/env bash
# tools/dask_batch.py on a Dask LocalCluster (two worker processes, loopback only) gives the
# dataset a local `budgetpdf batch` gives, byte for byte, and a rerun converts nothing.
#   batch_dask_test.sh BUDGETPDF SOURCE_DIR
set -euo pipefail
cli=$1
source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/in"
for pdf in $(ls "$source_dir"/corpus/grid/*.pdf | head -8); do ln -s "$pdf" "$scratch/in/"; done
echo "not a PDF" > "$scratch/in/not_a_pdf.pdf"

"$cli" batch "$scratch/in" --out "$scratch/local" > "$scratch/local.log" 2>&1 || [ $? -eq 3 ]
status=0
/usr/bin/python3 "$source_dir/tools/dask_batch.py" "$scratch/in" --out "$scratch/dask" --local-workers 2 --chunk 3 \
    --budgetpdf "$cli" > "$scratch/dask.log" 2>&1 || status=$?
cat "$scratch/dask.log"
[ "$status" -eq 3 ] || { echo "FAIL: dask_batch exited $status, expected 3 (one input is not a PDF)"; exit 1; }
for file in records.csv records.jsonl documents.csv diagnostics.csv; do
    cmp "$scratch/local/$file" "$scratch/dask/$file" || { echo "FAIL: $file differs from a local batch's"; exit 1; }
done
grep -q "9 inputs to convert" "$scratch/dask.log" || { echo "FAIL: expected 9 inputs to convert"; exit 1; }
/usr/bin/python3 "$source_dir/tools/dask_batch.py" "$scratch/in" --out "$scratch/dask" --local-workers 2 \
    --budgetpdf "$cli" > "$scratch/rerun.log" 2>&1
grep -q "0 inputs to convert" "$scratch/rerun.log" || { cat "$scratch/rerun.log"; echo "FAIL: the rerun converted again"; exit 1; }
echo "dask driver: 9 inputs on a LocalCluster, the same dataset as a local batch; rerun converted nothing"
echo "1 passed, 0 failed"
