"""Keep the summary of one evaluation (evaluate.py or baseline_tagger.py output) in the model folder's
experiments.json under a key, so the card can show what was compared: encoders at equal wall clock,
learning-curve points, the baseline tagger, the previous bundled model.

Usage: record_experiment.py --out models/pii-local-small KEY EVAL.json [--note TEXT]"""
import argparse
import json
import os

REAL = ["btc", "crossner", "wikigold", "uner_pud", "gum", "wnut17"]
LABELS = ["person", "organization", "location"]


def summary(rep):
    out = {}
    for src in REAL:
        r = rep.get(src)
        if r:
            out[src] = {lab: r[lab]["f1"] for lab in LABELS if lab in r}
    syn = rep.get("synthetic_test")
    if syn:
        out["synthetic_test"] = {"found_core5": syn.get("found_overlap_core5"),
                                 "left_alone": syn.get("non_pii_words_left_alone")}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("key")
    ap.add_argument("eval")
    ap.add_argument("--note", default="")
    args = ap.parse_args()
    path = os.path.join(args.out, "experiments.json")
    exp = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    rep = json.load(open(args.eval, encoding="utf-8"))
    exp[args.key] = {"note": args.note, "meta": rep.get("_meta", {}), "f1": summary(rep)}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(exp, f, indent=1, sort_keys=True)
    print(args.key, json.dumps(exp[args.key]["f1"]))


if __name__ == "__main__":
    main()
