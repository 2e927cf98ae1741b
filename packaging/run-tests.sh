#!/bin/sh
# Installs dependencies, builds the dev preset (warnings are errors) and runs every test; then
# builds the asan preset and runs every test again under AddressSanitizer + UBSan
# (packaging/run-asan-tests.sh). No display is needed: Qt runs offscreen.
#   VIGIL_SKIP_ASAN=1 packaging/run-tests.sh    the dev pass only (a quicker local check)
set -eu
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
QT_QPA_PLATFORM=offscreen ctest --preset dev
if [ "${VIGIL_SKIP_ASAN:-0}" != 1 ]; then
    echo "== the same tests under AddressSanitizer + UBSan (asan preset) =="
    packaging/run-asan-tests.sh
fi
