"""Checkpoint -> shipped model folder: tokenizer files, gliner_config.json, onnx/model_quantized.onnx
(int8 weights), golden.json (PyTorch outputs of the int8-rounded weights, i.e. the shipped math).

Usage: finalize.py --work models/build/train --out models/pii-local-small [--keep-fp32]"""
import argparse
import json
import os
import shutil
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from common import WordPiece  # noqa: E402
from export import THRESHOLD, calibration, export_onnx, make_golden, quantize_int8, write_config  # noqa: E402
from model import GlinerSmall, fold_embeddings  # noqa: E402
from quant_sim import load_quantized_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--keep-fp32", action="store_true")
    ap.add_argument("--threshold-from", default=None,
                    help="an evaluate.py report: bake the offset that makes the library's threshold 0.3 decide as its chosen threshold")
    args = ap.parse_args()
    offset = 0.0
    label_offsets = {}
    if args.threshold_from:
        meta = json.load(open(args.threshold_from, encoding="utf-8"))["_meta"]
        chosen = meta["threshold"]
        label_thresholds = meta.get("label_thresholds") or {}
        offset, label_offsets = calibration(chosen, label_thresholds)
        print(f"threshold {chosen} -> score offset {offset:+.4f} (the library's {THRESHOLD} now decides as {chosen})")
        for lab, t in label_thresholds.items():
            print(f"  {lab}: threshold {t} -> label offset {label_offsets[lab]:+.4f}")
    torch.manual_seed(0)
    tok_dir = os.path.join(args.work, "tokenizer")
    os.makedirs(os.path.join(args.out, "onnx"), exist_ok=True)
    for f in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(os.path.join(tok_dir, f), os.path.join(args.out, f))
    tok = WordPiece(os.path.join(args.out, "tokenizer.json"))
    ck = torch.load(os.path.join(args.work, "ckpt.pt"), map_location="cpu")
    model = GlinerSmall(**ck["cfg"])
    model.load_state_dict(ck["state"])
    model.eval()
    fold_embeddings(model)
    model.set_score_offset(offset).set_label_offsets(tok, label_offsets)
    fp32 = os.path.join(args.work, "model.onnx")
    export_onnx(model, tok, fp32)
    qpath = os.path.join(args.out, "onnx", "model_quantized.onnx")
    quantize_int8(fp32, qpath)
    if args.keep_fp32:
        shutil.copy(fp32, os.path.join(args.out, "onnx", "model.onnx"))
    write_config(os.path.join(args.out, "gliner_config.json"), model, tok, max_len=256,
                 extra={"labels_trained": ck.get("labels_trained")} if ck.get("labels_trained") else None)
    qmodel = load_quantized_model(ck).set_score_offset(offset).set_label_offsets(tok, label_offsets)
    make_golden(qmodel, tok, os.path.join(args.out, "golden.json"),
                "PyTorch outputs with the int8-rounded weights of onnx/model_quantized.onnx "
                "(models/scripts/finalize.py)")
    for p in (fp32, qpath):
        print(p, os.path.getsize(p))


if __name__ == "__main__":
    main()
