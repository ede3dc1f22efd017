#!/usr/bin/env bash
# Rebuild the bundled GLiNER model from scratch: pretrained word vectors (fetched into a cache outside
# git, integrity-checked) -> data -> tokenizer -> training -> ONNX export -> int8 weights -> golden
# outputs -> evaluation (+ learning-curve points) -> latency -> card. Training is budgeted by wall clock.
#
#   bash models/build.sh [--minutes 72] [--threads 1] [--encoder cnn] [--data ../shared/data] [--skip-train] [--ema 0.9995]
#
# The encoder was chosen with models/compare_encoders.sh; the baseline tagger is
# models/scripts/baseline_tagger.py. Both record into models/pii-local-small/experiments.json.
#
# Outputs: models/pii-local-small/{gliner_config.json,tokenizer.json,tokenizer_config.json,
#          onnx/model_quantized.onnx,golden.json,eval.json,README.md}; scratch in models/build/ (gitignored).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
# One training thread: on the 2-core build machine it ran 50 examples/s against 33 with two (torch's
# intra-op threads and OpenBLAS's fight over small matmuls); evaluation uses both cores.
MINUTES=72; THREADS=1; EVAL_THREADS=2; ENCODER=cnn; DATA="${PII_DATA:-$REPO/../shared/data}"; SKIP_TRAIN=0; EMA=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2;;
    --threads) THREADS="$2"; shift 2;;
    --data) DATA="$2"; shift 2;;
    --encoder) ENCODER="$2"; shift 2;;
    --skip-train) SKIP_TRAIN=1; shift;;
    --ema) EMA="$2"; shift 2;;
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
# 1b. pretrained word vectors (npm pack into ~/.cache/pii-local, sha512 checked; build-time only)
$PY -W ignore "$HERE/scripts/word_vectors.py"

# 2. the random-weight fixture used by the engine's plumbing tests
PII_DATA="$DATA" $PY -W ignore "$HERE/scripts/make_fixture.py"

# 3. data + tokenizer + training (fixed seeds; stops at the time budget)
if [ "$SKIP_TRAIN" = 0 ]; then
  rm -rf "$WORK"; mkdir -p "$WORK"
  OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS \
  $PY -W ignore "$HERE/scripts/train.py" --data "$DATA" --work "$WORK" --minutes "$MINUTES" --threads "$THREADS" \
    --encoder "$ENCODER" --ema "$EMA"
fi

# 3b. the shipped weights: the mean of the final weights and the last curve checkpoint before them, or
#     the run's moving average of the weights when it kept one (--ema; not the default yet: see average_checkpoints.py)
$PY -W ignore "$HERE/scripts/average_checkpoints.py" --work "$WORK"

# 4. evaluation on every held-out set (numbers of the model card); the threshold is the point of the
#    held-out precision/recall curve with the best mean person/organization/location F1 among those
#    that keep the recall floor on PII documents (synthetic core-5 found and words left alone >= 0.97);
#    person, organization and location then get thresholds of their own under the same floor
#    (finalize.py bakes all of them into the graph as logit offsets)
$PY -W ignore "$HERE/scripts/evaluate.py" --work "$WORK" --threads "$EVAL_THREADS" --threshold auto --out "$OUT/eval.json"

# 5. export, int8 weights, the calibration offset for that threshold, golden file
$PY -W ignore "$HERE/scripts/finalize.py" --work "$WORK" --out "$OUT" --threshold-from "$OUT/eval.json"
$PY "$HERE/scripts/card_tables.py" "$OUT/eval.json" > "$WORK/card_tables.md"
$PY "$HERE/scripts/record_experiment.py" --out "$OUT" shipped "$OUT/eval.json" --note "the shipped model ($ENCODER, $MINUTES min)"
# learning curve: the run's intermediate checkpoints, on a sample of each held-out set
for ck in "$WORK"/ckpt_*min.pt; do
  [ -e "$ck" ] || continue
  name="$(basename "$ck" .pt)"
  $PY -W ignore "$HERE/scripts/evaluate.py" --work "$WORK" --ckpt "$name.pt" --threads "$EVAL_THREADS" --max-per-set 300 \
    --out "$WORK/eval_$name.json" > /dev/null
  $PY "$HERE/scripts/record_experiment.py" --out "$OUT" "curve_${name#ckpt_}" "$WORK/eval_$name.json" \
    --note "learning curve: checkpoint of the shipped run, first 300 examples per held-out set"
done

# 6. latency of one 128-word window on onnxruntime-web (wasm, 1 thread), as exported and as pii-local opens it
if command -v node >/dev/null 2>&1; then
  (cd "$REPO" && npx tsx models/scripts/latency.mjs models/pii-local-small onnx/model_quantized.onnx) | tee "$WORK/latency.json"
fi

# 7. the model card, from the numbers above
$PY -W ignore "$HERE/scripts/write_card.py" --work "$WORK" --out "$OUT" --latency "$WORK/latency.json"

# 8. the manifest: size and SHA-256 of each file, for loaders and the browser model cache
node "$HERE/scripts/write-manifest.mjs" "$OUT"
echo "build finished in $(( ($(date +%s) - start) / 60 )) min; tables in $WORK/card_tables.md"
