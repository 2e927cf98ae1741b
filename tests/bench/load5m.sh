#!/bin/sh
# Load test (issue #7): a 5M-line nginx access log imported, trained on and scored by vigil-cli,
# with the wall time and peak RSS (GNU time's "Maximum resident set size") of each stage.
#
#   tests/bench/load5m.sh [BUILD_DIR]          (default build/release, else build/dev)
#
# Training uses a bounded uniform sample of the rows (vigil-cli train --sample-rows, default
# 500000) and scoring streams the data set in chunks (vigil-cli score --chunk-rows, default
# 200000), so the peak RSS of train and score does not grow with the log.
#
# Environment: LINES (5000000), EPOCHS (empty: vigil-cli's default, 20 epochs within the
# autoencoder's step budget), CLUSTERS (0: vigil-cli suggests k, as by default; -1: no k-means),
# SAMPLE_ROWS / CHUNK_ROWS (empty: vigil-cli's defaults), LOG (an existing log to use instead
# of generating one), WORK (/tmp/vigil-load5m), NICE (10). The log is generated once with
# ../shared/bench/gen_nginx.py and reused.
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
EPOCHS=${EPOCHS:-}
CLUSTERS=${CLUSTERS:-0}
SAMPLE_ROWS=${SAMPLE_ROWS:-}
CHUNK_ROWS=${CHUNK_ROWS:-}
WORK=${WORK:-/tmp/vigil-load5m}
NICE=${NICE:-10}
GEN="$ROOT/../shared/bench/gen_nginx.py"
mkdir -p "$WORK"
LOG=${LOG:-"$WORK/access-$LINES.log"}
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
TRAIN_ARGS=""
[ -n "$EPOCHS" ] && TRAIN_ARGS="$TRAIN_ARGS --epochs $EPOCHS"
[ -n "$SAMPLE_ROWS" ] && TRAIN_ARGS="$TRAIN_ARGS --sample-rows $SAMPLE_ROWS"
SCORE_ARGS=""
[ -n "$CHUNK_ROWS" ] && SCORE_ARGS="--chunk-rows $CHUNK_ROWS"

echo "log: $LOG ($(wc -c < "$LOG") bytes); epochs ${EPOCHS:-default}; clusters $CLUSTERS; sample ${SAMPLE_ROWS:-default}; chunk ${CHUNK_ROWS:-default}; $(nproc) cores"
stage import import "$LOG" --project "$PROJECT" --format combined
sed -n 's/^  \(lines read\|rows stored\|bad lines\) */    \1: /p' "$WORK/import.out"
# shellcheck disable=SC2086 # word splitting of the optional arguments is intended
stage train train --project "$PROJECT" --dataset 1 --seed 1 $TRAIN_ARGS
sed -n '1,3p' "$WORK/train.out" | sed 's/^/    /'
# shellcheck disable=SC2086
stage score score --project "$PROJECT" --model 1 --dataset 1 --clusters "$CLUSTERS" $SCORE_ARGS
sed -n '1,2p' "$WORK/score.out" | sed 's/^/    /'
echo "project: $(du -h "$PROJECT" | cut -f1)"
