"""Tiny random-weight model with the exact file contract of the real one (for engine plumbing
tests): models/fixtures/tiny-random/{gliner_config.json,tokenizer*.json,onnx/model.onnx,golden.json}."""
import json
import os
import random
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from common import WordPiece  # noqa: E402
from export import export_onnx, make_golden, write_config  # noqa: E402
from model import GlinerSmall  # noqa: E402
from tokenizer_build import build_vocab, write_tokenizer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("PII_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))


def main():
    out = os.path.join(HERE, "..", "fixtures", "tiny-random")
    work = os.path.join(HERE, "..", "build", "fixture")
    random.seed(7); torch.manual_seed(7)
    lines = []
    for rel in ["wikigold/all.jsonl", "btc/train.jsonl", "gum/train.jsonl"]:
        with open(os.path.join(DATA, rel), encoding="utf-8") as f:
            for i, l in enumerate(f):
                if i >= 1500:
                    break
                lines.append(json.loads(l)["text"])
    lines += ["person organization location street address date email phone number"] * 5
    pieces = build_vocab(lines, 1000, work)
    write_tokenizer(pieces, out)
    tok = WordPiece(os.path.join(out, "tokenizer.json"))
    model = GlinerSmall(len(tok.vocab), tok.ent, d=32, layers=1, heads=2, ff=64, dropout=0.0)
    model.eval()
    export_onnx(model, tok, os.path.join(out, "onnx", "model.onnx"))
    write_config(os.path.join(out, "gliner_config.json"), model, tok, max_len=384,
                 extra={"name": "tiny-random", "note": "random weights, for plumbing tests only"})
    make_golden(model, tok, os.path.join(out, "golden.json"),
                "PyTorch fp32 outputs of the random-weight fixture (models/scripts/make_fixture.py)")
    print("fixture written to", os.path.normpath(out))


if __name__ == "__main__":
    main()
