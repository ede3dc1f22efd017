#!/usr/bin/env bash
# Rebuild the bundled GLiNER model from scratch: data -> tokenizer -> training -> ONNX export ->
# int8 weights -> golden outputs -> evaluation -> latency. Training is budgeted by wall clock.
#
#   bash models/build.sh [--minutes 55] [--threads 2] [--data ../shared/data] [--skip-train]
#
# Outputs: models/pii-local-small/{gliner_config.json,tokenizer.json,tokenizer_config.json,
#          onnx/model_quantized.onnx,golden.json,eval.json,README.md}; scratch in models/build/ (gitignored).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
MINUTES=55; THREADS=2; DATA="${PII_DATA:-$REPO/../shared/data}"; SKIP_TRAIN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2;;
    --threads) THREADS="$2"; shift 2;;
    --data) DATA="$2"; shift 2;;
    --skip-train) SKIP_TRAIN=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
PY=/usr/bin/python3
WORK="$HERE/build/train"
OUT="$HERE/pii-local-small"
export PYTHONDONTWRITEBYTECODE=1

# 1. toolchain (Debian packages; no pip, no model hub)
need=()
for p in python3-torch python3-onnx python3-sentencepiece python3-numpy libopenblas0-pthread; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update && apt-get install -y --no-install-recommends "${need[@]}"
fi

start=$(date +%s)
# 2. the random-weight fixture used by the engine's plumbing tests
PII_DATA="$DATA" $PY -W ignore "$HERE/scripts/make_fixture.py"

# 3. data + tokenizer + training (fixed seeds; stops at the time budget)
if [ "$SKIP_TRAIN" = 0 ]; then
  rm -rf "$WORK"; mkdir -p "$WORK"
  $PY -W ignore "$HERE/scripts/train.py" --data "$DATA" --work "$WORK" --minutes "$MINUTES" --threads "$THREADS"
fi

# 4. export, int8 weights, golden file
$PY -W ignore "$HERE/scripts/finalize.py" --work "$WORK" --out "$OUT"

# 5. evaluation on every held-out set (numbers of the model card)
$PY -W ignore "$HERE/scripts/evaluate.py" --work "$WORK" --threads "$THREADS" --out "$OUT/eval.json"
$PY "$HERE/scripts/card_tables.py" "$OUT/eval.json" > "$WORK/card_tables.md"

# 6. latency of one 128-word window on onnxruntime-web (wasm, 1 thread)
if command -v node >/dev/null 2>&1; then
  (cd "$REPO" && node models/scripts/latency.mjs models/pii-local-small onnx/model_quantized.onnx) | tee "$WORK/latency.json"
fi

# 7. the model card, from the numbers above
$PY -W ignore "$HERE/scripts/write_card.py" --work "$WORK" --out "$OUT" --latency "$WORK/latency.json"
echo "build finished in $(( ($(date +%s) - start) / 60 )) min; tables in $WORK/card_tables.md"
