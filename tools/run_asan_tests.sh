#!/usr/bin/env bash
# Builds the asan preset (ASan + UBSan, Debug, build-asan/) and runs the unit tests under it:
# every stage's doctest executable. Left out: the golden and real-disclosure scoring (minutes
# under the sanitizers, and run by tools/run_tests.sh) and the batch test cases whose figures
# the sanitizers distort (memory limits, the 1,000-page PDF, the 95-PDF folder's timing), and the
# renwu smoke test (86 disclosures: minutes under the sanitizers; run by tools/run_tests.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset asan > /dev/null
cmake --build --preset asan -j"$(nproc)" --target budgetpdf test_model test_extract test_layouts test_normalize \
    test_dataset test_pipeline
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for stage in model extract layouts normalize dataset; do
    build-asan/test_$stage || status=1
done
build-asan/test_pipeline \
    --test-case-exclude='batch: a folder of real*,batch: a 1?000-page PDF*,every real disclosure*,renwu*' || status=1
exit $status
