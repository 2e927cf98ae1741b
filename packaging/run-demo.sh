#!/bin/sh
# Builds Vigil (release preset) and opens the workbench on the bundled demo.
# With --headless (or without a display) it runs the same demo through vigil-cli.
set -eu
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
if [ "${1:-}" = "--headless" ] || [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/bin/vigil-cli demo
fi
exec build/release/bin/vigil --demo
