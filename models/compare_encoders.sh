#!/usr/bin/env bash
# Choose the encoder by measurement: train the CNN, transformer and BiLSTM variants side by side at
# equal wall clock (one thread each, started together, so each sees the same machine load), then
# evaluate every run (int8-rounded, as shipped) on a sample of each held-out set and record the
# summaries in models/pii-local-small/experiments.json (rendered into the card).
#
#   bash models/compare_encoders.sh [--minutes 22] [--max-per-set 300] [--data ../shared/data]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MINUTES=22; PER_SET=300; DATA="${PII_DATA:-$HERE/../../shared/data}"
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2;;
    --max-per-set) PER_SET="$2"; shift 2;;
    --data) DATA="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
PY=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
ENCODERS="cnn transformer bilstm"
for e in $ENCODERS; do
  rm -rf "$HERE/build/cmp_$e"; mkdir -p "$HERE/build/cmp_$e"
  $PY -W ignore "$HERE/scripts/train.py" --data "$DATA" --work "$HERE/build/cmp_$e" --minutes "$MINUTES" \
    --threads 1 --encoder "$e" --ckpt-minutes 12 > "$HERE/build/cmp_$e/stdout.log" 2>&1 &
done
wait
for e in $ENCODERS; do
  $PY -W ignore "$HERE/scripts/evaluate.py" --work "$HERE/build/cmp_$e" --threads 2 --max-per-set "$PER_SET" \
    --out "$HERE/build/cmp_$e/eval.json" > /dev/null
  $PY "$HERE/scripts/record_experiment.py" --out "$HERE/pii-local-small" "encoder_$e" "$HERE/build/cmp_$e/eval.json" \
    --note "$e encoder, $MINUTES min wall clock, 1 thread beside the two others, first $PER_SET examples per held-out set"
done
