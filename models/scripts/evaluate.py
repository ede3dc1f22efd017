"""Evaluate a checkpoint (with the shipped int8 weight rounding) on every held-out set.

Real corpora: prompt = the labels that source annotates; exact-span P/R/F1 per label.
Synthetic test set (templates + lexicon entries unseen in training): per-label P/R/F1, the share of
gold PII strings found (any predicted span of the same label overlapping it) and the share of
non-PII words that no predicted span covers.
Usage: evaluate.py --work models/build/train [--max-per-set 1000] [--out FILE.json]"""
import argparse
import collections
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
from common import WordPiece  # noqa: E402
from export import THRESHOLD, decode_flat  # noqa: E402
from quant_sim import load_quantized_model  # noqa: E402
from train import make_batch  # noqa: E402  (only for shapes; prompts are fixed here)
from common import encode_example, MAX_WIDTH  # noqa: E402

SYN_GROUPS = [["person", "organization", "location", "street address", "date", "email", "phone number",
               "age", "nationality", "title"],
              ["credit card number", "iban", "social security number", "ip address", "url", "username",
               "passport number"]]
FOUND_TYPES = ["person", "street address", "organization", "email", "phone number"]


def predict(model, tok, exs, labels, bs=16, threshold=THRESHOLD):
    out = []
    order = sorted(range(len(exs)), key=lambda i: len(exs[i]["words"]))
    res = [None] * len(exs)
    K = MAX_WIDTH
    for s in range(0, len(order), bs):
        chunk = [exs[i] for i in order[s:s + bs]]
        rows = [encode_example(tok, e["words"], labels, 512) for e in chunk]
        B = len(rows); L = max(len(r[0]) for r in rows); W = max(max(r[2] for r in rows), 1)
        ids = torch.full((B, L), tok.pad, dtype=torch.int64); am = torch.zeros((B, L), dtype=torch.int64)
        wm = torch.zeros((B, L), dtype=torch.int64); tl = torch.zeros((B, 1), dtype=torch.int64)
        for b, (ri, rw, n) in enumerate(rows):
            ids[b, :len(ri)] = torch.tensor(ri); am[b, :len(ri)] = 1; wm[b, :len(rw)] = torch.tensor(rw); tl[b, 0] = n
        i_idx = torch.arange(W)[:, None]; k_idx = torch.arange(K)[None, :]
        spm = ((i_idx + k_idx) < tl[:, :, None]).reshape(B, W * K)
        spi = torch.stack([i_idx.expand(W, K), i_idx + k_idx], -1).reshape(1, W * K, 2).repeat(B, 1, 1) * spm.unsqueeze(-1)
        with torch.no_grad():
            lg = model(ids, am, wm, tl, spi, spm).numpy()
        for b, i in enumerate(order[s:s + bs]):
            n = rows[b][2]
            res[i] = [(st, en, labels[c]) for st, en, c, p in decode_flat(lg[b], [None] * n, threshold)]
    return res


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "support": tp + fn}


def score(exs, preds, labels):
    c = collections.defaultdict(lambda: [0, 0, 0])
    for e, pr in zip(exs, preds):
        gold = {(s, t, l) for s, t, l in e["spans"] if l in labels}
        pred = set(pr)
        for x in pred & gold: c[x[2]][0] += 1
        for x in pred - gold: c[x[2]][1] += 1
        for x in gold - pred: c[x[2]][2] += 1
    out = {l: prf(*c[l]) for l in labels if sum(c[l])}
    tot = [sum(v[i] for v in c.values()) for i in range(3)]
    out["micro"] = prf(*tot)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--max-per-set", type=int, default=1000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    tok = WordPiece(os.path.join(args.work, "tokenizer", "tokenizer.json"))
    ck = torch.load(os.path.join(args.work, "ckpt.pt"), map_location="cpu")
    model = load_quantized_model(ck)
    held = json.load(open(os.path.join(args.work, "heldout.json"), encoding="utf-8"))
    report = {}
    for src, exs in held.items():
        exs = exs[:args.max_per_set]
        if src == "synthetic_test":
            preds = [[] for _ in exs]
            for grp in SYN_GROUPS:
                for i, p in enumerate(predict(model, tok, exs, grp, threshold=args.threshold)):
                    preds[i].extend(p)
            labels = SYN_GROUPS[0] + SYN_GROUPS[1]
            rep = score(exs, preds, labels)
            found = collections.Counter(); total = collections.Counter(); kept = [0, 0]
            for e, pr in zip(exs, preds):
                covered = set()
                for s, t, _ in pr: covered.update(range(s, t + 1))
                gold_words = set()
                for s, t, l in e["spans"]:
                    gold_words.update(range(s, t + 1))
                    total[l] += 1
                    if any(pl == l and not (pt < s or ps > t) for ps, pt, pl in pr):
                        found[l] += 1
                for w in range(len(e["words"])):
                    if w not in gold_words:
                        kept[1] += 1; kept[0] += w not in covered
            rep["found_overlap"] = {l: round(found[l] / total[l], 3) for l in labels if total[l]}
            rep["found_overlap_core5"] = round(sum(found[l] for l in FOUND_TYPES) / max(1, sum(total[l] for l in FOUND_TYPES)), 3)
            rep["non_pii_words_left_alone"] = round(kept[0] / max(1, kept[1]), 4)
        else:
            labels = [t for t in exs[0]["types"] if t in ("person", "organization", "location", "date", "nationality")]
            preds = predict(model, tok, exs, labels, threshold=args.threshold)
            rep = score(exs, preds, labels)
        rep["n"] = len(exs)
        report[src] = rep
        print(src, json.dumps(rep), flush=True)
    report["_meta"] = {"checkpoint_step": ck.get("step"), "seconds": round(time.time() - t0),
                       "weights": "int8-rounded (as shipped)", "threshold": args.threshold, "decoding": "flat greedy"}
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
