"""Write the model card (models/<name>/README.md) from the build's own outputs: eval.json (evaluate.py),
train.log and ckpt.pt (train.py), latency.json (latency.mjs) and the shipped file sizes. Every number
in the card comes from these files, so rerunning the build rewrites the card.

Usage: write_card.py --work models/build/train --out models/pii-local-small [--latency FILE]"""
import argparse
import json
import os
import re

import torch

SOURCES = [
    ("btc", "Broad Twitter Corpus", "CC BY 4.0", "train/dev train, test held out"),
    ("wnut17", "WNUT-17 (train and dev only; the test split is never used)", "CC BY 4.0", "train trains, dev held out"),
    ("crossner", "CrossNER (Wikipedia domains; its CoNLL-2003 part is not used)", "MIT", "train/dev train, test held out"),
    ("wikigold", "WikiGold", "CC BY 4.0", "80/20 split"),
    ("gum", "GUM", "annotations CC BY 4.0, texts per genre (see shared/data/gum/SOURCE.md)", "train/dev train, test held out"),
    ("uner_english_pud", "UNER English PUD", "CC BY-SA 3.0", "50/50 split"),
    ("re3d", "re3d (permissive-licence subsets)", "per source, CC BY 3.0 AU / OGL (see SOURCE.md)", "80/20 split"),
    ("sec_filings", "SEC filings NER", "CC BY 3.0", "train trains, test held out"),
    ("lexicon_faker_names", "Faker name lists (synthetic documents)", "MIT", "entries hashed 90/10 train/test"),
    ("lexicon_us_census_names", "US Census names", "public domain", "entries hashed 90/10"),
    ("lexicon_ssa_first_names", "SSA first names", "public domain", "entries hashed 90/10"),
    ("lexicon_geo", "world cities and countries", "CC BY 4.0", "entries hashed 90/10"),
    ("lexicon_companies", "SEC company names, Presidio lists", "public data / MIT", "entries hashed 90/10"),
    ("lexicon_address_parts", "Census/USPS street names and suffixes", "public domain", "entries hashed 90/10"),
]


def table(rep):
    out = ["| held-out set | n | label | P | R | F1 | support |", "|---|---:|---|---:|---:|---:|---:|"]
    for src, r in rep.items():
        if src.startswith("_"):
            continue
        for lab, m in r.items():
            if isinstance(m, dict) and "f1" in m:
                out.append(f"| {src} | {r['n']} | {lab} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['support']} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--latency", default=None)
    args = ap.parse_args()
    rep = json.load(open(os.path.join(args.out, "eval.json"), encoding="utf-8"))
    cfg = json.load(open(os.path.join(args.out, "gliner_config.json"), encoding="utf-8"))
    ck = torch.load(os.path.join(args.work, "ckpt.pt"), map_location="cpu")
    nparam = sum(v.numel() for v in ck["state"].values())
    log = open(os.path.join(args.work, "train.log"), encoding="utf-8").read()
    data_line = next((l for l in log.splitlines() if " data: " in l), "")
    sizes = {}
    for root, _, files in os.walk(args.out):
        for f in files:
            if f not in ("README.md", "eval.json"):
                p = os.path.join(root, f)
                sizes[os.path.relpath(p, args.out)] = os.path.getsize(p)
    latency = ""
    if args.latency and os.path.exists(args.latency):
        try:
            lat = json.loads(open(args.latency, encoding="utf-8").read().strip().splitlines()[-1])
            latency = f"One 128-word window, 7 labels, onnxruntime-web WASM, 1 thread, Node: median **{lat.get('median_ms')} ms** (`node models/scripts/latency.mjs`)."
        except (ValueError, IndexError):
            latency = ""
    syn = rep.get("synthetic_test", {})
    enc = cfg.get("encoder_config", {})
    meta = rep.get("_meta", {})
    lines = [
        f"# {cfg.get('name', 'pii-local-small')}",
        "",
        "The default GLiNER model bundled with pii-local: a small span-mode (markerV0) GLiNER model trained from",
        "scratch by `bash models/build.sh` on the corpora and lexicons of `shared/data`, exported in the official",
        "GLiNER ONNX contract (inputs `input_ids`, `attention_mask`, `words_mask`, `text_lengths`, `span_idx`,",
        "`span_mask`; output `logits[B, W, max_width, C]`; prompt `[CLS] <<ENT>> label … <<SEP>> words [SEP]`).",
        "",
        "## Architecture",
        "",
        f"- Encoder: pre-LN transformer, {enc.get('layers')} layers, {enc.get('heads')} heads, d_model {enc.get('d_model')}, FF {enc.get('ff')}, sinusoidal positions; cased WordPiece vocabulary of {cfg.get('vocab_size')} ids (`<<ENT>>` = {cfg.get('class_token_index')}).",
        "- Words: first sub-token of each word, then a width-3 convolution; span = MLP(start(w_i) + end(w_j) + width(k)); label = MLP(mean of the `<<ENT>>` state and its label's word-piece states); score = sigmoid(span · label). GLiNER takes the `<<ENT>>` state alone, which works on a pretrained encoder; trained from scratch under this budget, a model built that way hardly told labels apart (organization/location F1 ≈ 0 on real text), so the label's own pieces are pooled in (`label_pool=\"mean\"` in `model.py`; same ONNX inputs and outputs).",
        f"- Parameters: {nparam:,}. max_width {cfg.get('max_width')}, max_len {cfg.get('max_len')} words per window (the engine windows longer texts).",
        "- Files: " + ", ".join(f"`{k}` {v / 1e6:.2f} MB" for k, v in sorted(sizes.items())) + ". Weights are int8 (per-output-channel symmetric, dequantized in the graph); the golden file holds PyTorch outputs of the same int8-rounded weights.",
        "",
        "## Training",
        "",
        f"- Data: `{data_line.split('data: ', 1)[-1]}`.",
        "- Each step: a length-bucketed batch, all synthetic or all real; the prompt holds the labels present (85% each) plus 0–6 absent labels of that source (negatives), shuffled; real-text rows sometimes get PII labels that never occur in news/wiki text as extra negatives.",
        f"- Loss: focal (alpha 0.75, gamma 2) over all valid (span, label) cells, plus half a cross-entropy over the prompted labels for each gold span (the per-cell loss is mostly about entity or not, so on its own it leaves the label scores of a span close together); no dropout (each example is seen about once); AdamW, cosine schedule under a wall-clock budget. Steps: {ck.get('step')}, examples seen: {ck.get('seen')}, training {round((ck.get('train_seconds') or 0) / 60)} min, whole `train.py` {round((ck.get('total_seconds') or 0) / 60)} min on 2 cores.",
        "- The budget is wall clock, so the number of steps depends on the machine's load: a rebuild gives equivalent, not identical, weights.",
        "",
        "## Data sources and licences",
        "",
        "| source | what | licence | use |",
        "|---|---|---|---|",
    ] + [f"| `shared/data/{a}` | {b} | {c} | {d} |" for a, b, c, d in SOURCES] + [
        "",
        "Synthetic documents (`models/scripts/synth.py`): templates × lexicons for many document kinds (e-mails, chat, tickets, medical notes, HR records, invoices, CSV-like rows, forms) and locales. The synthetic test set uses templates and lexicon entries that training never saw (hash split).",
        "CoNLL-2003, the WNUT-17 test split, TAB and presidio-research data are not used, not even to evaluate.",
        "",
        "## Evaluation",
        "",
        f"`python3 models/scripts/evaluate.py --work models/build/train` (run by `build.sh`): threshold {meta.get('threshold')}, {meta.get('decoding')}, exact word-span match, int8-rounded weights; real corpora are prompted with the labels they annotate, the synthetic set with two label groups.",
        "",
        table(rep),
        "",
    ]
    if syn:
        lines += [
            "Synthetic test set, share of gold PII strings found (a predicted span of the same label overlaps it):",
            "",
            "| label | found |",
            "|---|---:|",
        ] + [f"| {k} | {v:.3f} |" for k, v in syn.get("found_overlap", {}).items()] + [
            "",
            f"Person + street address + organization + email + phone number together: **{syn.get('found_overlap_core5')}**; non-PII words left alone: **{syn.get('non_pii_words_left_alone')}**.",
            "",
        ]
    if latency:
        lines += ["## Speed", "", latency, ""]
    lines += [
        "## Known weaknesses",
        "",
        "- Trained from scratch in under an hour on two CPU cores: it is far from a pretrained GLiNER (e.g. `knowledgator/gliner-pii-*`, `urchade/gliner_multi_pii-v1`), which pii-local loads unchanged from a URL or folder. Check the tables above before relying on it; for structured identifiers (e-mail, phone, cards, IDs) the validated heuristics are the reliable detector, and `gliner+heuristics` (the default) merges both.",
        "- It tells labels apart only roughly: read the per-label rows; a name may still come out under another label it was prompted with, and organizations and locations in real text are found far less often than persons. The engine's combined methods ask it only for free-text types and leave e-mail, phone, dates and IDs to the heuristics.",
        "- Precision is low on real text (many false positives): sentence-initial capitalised words (\"Finally\") may come out as persons, bare numbers (an id cell of a CSV row) as ages, and whole street addresses were, before the label-choice loss, found with the right boundaries but under `date`; they are now mostly labelled right, but the labels of one span still score close together.",
        "- English-centred real data; other languages only through synthetic names and addresses.",
        "- The numbers above are at the library's default threshold 0.3 (focal loss keeps scores low); GLiNER's usual 0.5 trades recall for precision.",
        "",
    ]
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("card written:", os.path.join(args.out, "README.md"))


if __name__ == "__main__":
    main()
