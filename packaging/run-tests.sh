#!/bin/sh
# Installs dependencies, builds the dev preset (warnings are errors) and runs every test.
# No display is needed: Qt runs offscreen.
set -eu
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
QT_QPA_PLATFORM=offscreen ctest --preset dev
