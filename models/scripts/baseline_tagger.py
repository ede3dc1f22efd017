"""The floor the span model must beat: a plain BIO tagger over the same word-vector embeddings.

frozen pretrained vectors + shape + lexicon flags (WordVectorEmbedding, vocabulary of a finished
build) -> dilated CNN -> first sub-token of each word -> softmax over O / B-x / I-x for person,
organization, location. Trained on the real corpora only (no synthetic data), scored with the
span model's exact-span P/R/F1 on the same held-out sets. Never shipped.

Usage: baseline_tagger.py --work models/build/train --data ../shared/data --minutes 20 [--out FILE.json]"""
import argparse
import json
import os
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
import word_vectors  # noqa: E402
from common import WordPiece  # noqa: E402
from data_real import load_real  # noqa: E402
from evaluate import score  # noqa: E402
from model import CNN_DILATIONS, ConvBlock, WordVectorEmbedding  # noqa: E402
from word_vocab import LEX_FLAGS, N_SHAPES, id_tables, lexicon_entries  # noqa: E402

TYPES = ["person", "organization", "location"]
TAGS = ["O"] + [f"{p}-{t}" for t in TYPES for p in "BI"]


class Tagger(nn.Module):
    def __init__(self, V, d=256, layers=6):
        super().__init__()
        self.emb = WordVectorEmbedding(V, d, 100, N_SHAPES, len(LEX_FLAGS))
        self.ln = nn.LayerNorm(d)
        self.layers = nn.ModuleList([ConvBlock(d, 3, CNN_DILATIONS[i % len(CNN_DILATIONS)]) for i in range(layers)])
        self.out = nn.Linear(d, len(TAGS))

    def forward(self, ids, mask, first):
        x = self.ln(self.emb(ids))
        m = mask.unsqueeze(-1).float()
        for layer in self.layers:
            x = layer(x, m)
        return self.out(torch.gather(x, 1, first.unsqueeze(-1).expand(-1, -1, x.shape[-1])))


def encode(tok, ex, max_tokens=256):
    ids, first = [tok.cls], []
    for w in ex["words"]:
        p = tok.encode_word(w) or [tok.unk]
        if len(ids) + len(p) + 1 > max_tokens:
            break
        first.append(len(ids)); ids.extend(p)
    ids.append(tok.sep)
    n = len(first)
    tags = [0] * n
    for s, e, lab in ex["spans"]:
        if lab in TYPES and e < n:
            tags[s] = TAGS.index(f"B-{lab}")
            for i in range(s + 1, e + 1):
                tags[i] = TAGS.index(f"I-{lab}")
    return ids, first, tags


def batch(rows, pad):
    B = len(rows); L = max(len(r[0]) for r in rows); W = max(max(len(r[1]) for r in rows), 1)
    ids = torch.full((B, L), pad); mask = torch.zeros((B, L), dtype=torch.int64)
    first = torch.zeros((B, W), dtype=torch.int64); tags = torch.full((B, W), -100)
    for b, (i, f, t) in enumerate(rows):
        ids[b, :len(i)] = torch.tensor(i); mask[b, :len(i)] = 1
        if f:
            first[b, :len(f)] = torch.tensor(f); tags[b, :len(t)] = torch.tensor(t)
    return ids, mask, first, tags


def decode(tags):
    spans, cur = [], None
    for i, t in enumerate(tags + [0]):
        name = TAGS[t]
        if cur and not (name.startswith("I-") and name[2:] == cur[2]):
            spans.append(tuple(cur)); cur = None
        if name.startswith("B-") or (name.startswith("I-") and cur is None):
            cur = [i, i, name[2:]]
        elif cur:
            cur[1] = i
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True, help="a build's work folder (its tokenizer is reused)")
    ap.add_argument("--data", required=True)
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads); torch.manual_seed(7); rng = random.Random(7)
    tok = WordPiece(os.path.join(args.work, "tokenizer", "tokenizer.json"))
    gw, gm = word_vectors.load()
    model = Tagger(len(tok.vocab))
    vec, shp, flags, _ = id_tables(tok.vocab, gw, gm, lexicon_entries(args.data))
    model.emb.set_tables(vec, shp, flags)
    train, held = load_real(args.data)
    rows = [encode(tok, e) for e in train]
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.01, foreach=True)
    t0 = time.time(); step = 0
    while time.time() - t0 < args.minutes * 60:
        chunk = [rows[rng.randrange(len(rows))] for _ in range(32)]
        ids, mask, first, tags = batch(chunk, tok.pad)
        loss = F.cross_entropy(model(ids, mask, first).reshape(-1, len(TAGS)), tags.reshape(-1))
        opt.zero_grad(); loss.backward(); opt.step(); step += 1
        if step % 200 == 0:
            print(f"step {step} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
    model.eval(); report = {}
    for src in ("btc", "crossner", "wikigold", "uner_pud", "gum", "wnut17"):
        exs = held[src][:1000]; preds = []
        for s in range(0, len(exs), 32):
            part = [encode(tok, e, 512) for e in exs[s:s + 32]]
            with torch.no_grad():
                lg = model(*batch(part, tok.pad)[:3]).argmax(-1)
            preds += [decode(lg[b, :len(part[b][1])].tolist()) for b in range(len(part))]
        labels = [t for t in TYPES if t in exs[0]["types"]]
        report[src] = score(exs, preds, labels)
        print(src, json.dumps({k: v["f1"] for k, v in report[src].items()}), flush=True)
    report["_meta"] = {"steps": step, "minutes": args.minutes, "threads": args.threads, "threshold": "argmax (BIO)"}
    if args.out:
        json.dump(report, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
