#!/usr/bin/env bash
# `cmake --install` puts the binary and its layouts where the binary finds them: an
# installed prefix moved elsewhere still reads a PDF to the golden records; a binary copied
# alone says where it looked and exits 1, and works again with --layouts.
#   batch_install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
pdf=$source_dir/corpus/grid/yangquan_final_full_grid.pdf
golden=$source_dir/corpus/records/yangquan_final_full_grid.records.csv

cmake --install "$build" --prefix "$scratch/prefix" > "$scratch/install.log"
for folder in templates maps catalog; do
    ls "$scratch/prefix/share/budgetpdf/layouts/$folder/"*.yaml > /dev/null || { echo "FAIL: layouts/$folder not installed"; exit 1; }
done
mv "$scratch/prefix" "$scratch/moved"
"$scratch/moved/bin/budgetpdf" extract "$pdf" --out "$scratch/out" 2> "$scratch/extract.log"
cmp "$scratch/out/records.csv" "$golden" || { echo "FAIL: the moved install's records differ from the golden file"; exit 1; }

mkdir "$scratch/alone"
cp "$scratch/moved/bin/budgetpdf" "$scratch/alone/"
status=0
"$scratch/alone/budgetpdf" extract "$pdf" --out "$scratch/out2" 2> "$scratch/alone.log" || status=$?
[ "$status" -eq 1 ] || { echo "FAIL: a binary without layouts exited $status, expected 1"; exit 1; }
grep -q "pass --layouts" "$scratch/alone.log" || { cat "$scratch/alone.log"; echo "FAIL: no hint"; exit 1; }
"$scratch/alone/budgetpdf" extract "$pdf" --out "$scratch/out3" --layouts "$scratch/moved/share/budgetpdf/layouts/templates" 2>/dev/null
cmp "$scratch/out3/records.csv" "$golden" || { echo "FAIL: --layouts gives other records"; exit 1; }
echo "install: the moved prefix and --layouts read the golden records; a lone binary exits 1 with a hint"
echo "1 passed, 0 failed"
