#!/bin/sh
# Builds the asan preset (AddressSanitizer + UBSan, Debug) and runs the test suite under it.
# run-tests.sh (the README's test command, and so CI) runs it after the dev pass.
#
#   packaging/run-asan-tests.sh            every test
#   packaging/run-asan-tests.sh core       the torch-free core tests only (vigil_core + tests/core)
#
# LibTorch, Qt and SQLite are not instrumented; that is fine for ASan (it checks the accesses
# our code makes). Leak checking is off (ASAN_OPTIONS=detect_leaks=0 in the asan test preset):
# LibTorch and Qt keep process-lifetime allocations that LeakSanitizer reports as leaks.
# UBSan halts on the first error (UBSAN_OPTIONS in the preset), so undefined behaviour fails
# the test that hit it.
set -eu
cd "$(dirname "$0")/.."
scope=${1:-all}
cmake --preset asan >/dev/null
if [ "$scope" = core ]; then
    targets="tst_project tst_readers tst_badinput tst_datasetstore tst_schema tst_metrics tst_labels
             tst_query tst_queryinjection tst_sessions tst_runstore"
    # shellcheck disable=SC2086
    cmake --build --preset asan --target $targets
    regex="^($(echo $targets | tr ' ' '|'))\$"
    QT_QPA_PLATFORM=offscreen ctest --preset asan -R "$regex"
else
    cmake --build --preset asan
    QT_QPA_PLATFORM=offscreen ctest --preset asan
fi
