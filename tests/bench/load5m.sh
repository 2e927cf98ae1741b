#!/bin/sh
# Load test (issue #7): a 5M-line nginx access log imported, trained on and scored by vigil-cli,
# with the wall time and peak RSS (GNU time's "Maximum resident set size") of each stage.
#
#   tests/bench/load5m.sh [BUILD_DIR]          (default build/release, else build/dev)
#
# Environment: LINES (5000000), EPOCHS (1: a bounded run; training is the long stage),
# CLUSTERS (-1: no k-means over the latent codes; 0 lets vigil-cli suggest k), WORK (/tmp/vigil-load5m),
# NICE (10). The log is generated once with ../shared/bench/gen_nginx.py and reused.
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
B=${1:-}
if [ -z "$B" ]; then
    if [ -x build/release/bin/vigil-cli ]; then B=build/release; else B=build/dev; fi
fi
CLI="$ROOT/$B/bin/vigil-cli"
[ -x "$CLI" ] || { echo "load5m: $CLI not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "load5m: needs GNU time (/usr/bin/time)" >&2; exit 2; }
LINES=${LINES:-5000000}
EPOCHS=${EPOCHS:-1}
CLUSTERS=${CLUSTERS:--1}
WORK=${WORK:-/tmp/vigil-load5m}
NICE=${NICE:-10}
GEN="$ROOT/../shared/bench/gen_nginx.py"
mkdir -p "$WORK"
LOG="$WORK/access-$LINES.log"
PROJECT="$WORK/load.vigil"

if [ ! -s "$LOG" ]; then
    [ -f "$GEN" ] || { echo "load5m: $GEN not found (../shared beside the checkout)" >&2; exit 2; }
    echo "generating $LINES lines into $LOG"
    nice -n "$NICE" /usr/bin/python3 "$GEN" -n "$LINES" -o "$LOG" --seed 7
fi
rm -f "$PROJECT" "$PROJECT-wal" "$PROJECT-shm"

stage() {
    name=$1
    shift
    nice -n "$NICE" /usr/bin/time -v -o "$WORK/$name.time" "$CLI" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
        echo "load5m: $name failed:" >&2
        tail -3 "$WORK/$name.err" >&2
        exit 1
    }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/$name.time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/$name.time")
    printf '%-8s wall %10s   peak RSS %6d MiB\n' "$name" "$wall" $((rss / 1024))
}

echo "vigil-cli: $CLI"
echo "log: $LOG ($(wc -c < "$LOG") bytes, $LINES lines); epochs $EPOCHS; clusters $CLUSTERS; $(nproc) cores"
stage import import "$LOG" --project "$PROJECT" --format combined
sed -n 's/^  \(lines read\|rows stored\|bad lines\) */    \1: /p' "$WORK/import.out"
stage train train --project "$PROJECT" --dataset 1 --epochs "$EPOCHS" --seed 1
sed -n '1p' "$WORK/train.out" | sed 's/^/    /'
stage score score --project "$PROJECT" --model 1 --dataset 1 --clusters "$CLUSTERS"
sed -n '1,2p' "$WORK/score.out" | sed 's/^/    /'
echo "project: $(du -h "$PROJECT" | cut -f1)"
