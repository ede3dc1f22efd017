"""Train the pii-local-small GLiNER model under a wall-clock budget.

Usage: train.py --data DIR --work DIR --minutes N [--threads 2]
Writes WORK/tokenizer/*, WORK/ckpt.pt (every few minutes and at the end), WORK/train.log lines."""
import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from common import MAX_WIDTH, WordPiece, encode_example  # noqa: E402
from data_real import load_real  # noqa: E402
from model import GlinerSmall  # noqa: E402
from synth import SYN_TYPES, generate  # noqa: E402
from tokenizer_build import build_vocab, write_tokenizer  # noqa: E402
import word_vectors  # noqa: E402
from word_vocab import LEX_FLAGS, N_SHAPES, char_table, choose_words, id_tables, lexicon_entries  # noqa: E402

# labels that never occur in the news/wiki/tweet corpora: safe negative prompts for real text
SAFE_NEG_REAL = ["credit card number", "iban", "social security number", "passport number", "ip address", "email",
                 "phone number", "street address"]
# No dropout: the run sees each example about once, so there is nothing to regularise against and
# dropout only slows learning (and costs ~6% of a step).
# Per encoder: sized so one 128-word window stays within the latency budget (see the card).
MODEL_ARGS = {"transformer": dict(d=256, layers=2, heads=4, ff=1024, dropout=0.0, span_dim=128),
              "cnn": dict(d=256, layers=6, dropout=0.0, conv_kernel=3, span_dim=128),
              "bilstm": dict(d=256, layers=1, dropout=0.0, span_dim=128)}
MAX_TOKENS_TRAIN = 256
# Focal loss (GLiNER's loss_alpha / loss_gamma): positive cells are ~1 in 1,000, and with plain BCE a
# model trained from scratch spends most of a short budget predicting "nothing" everywhere.
FOCAL_ALPHA = 0.75
FOCAL_GAMMA = 2.0
# Label-choice loss: per gold span, a softmax over the row's prompted labels. The per-cell loss is
# dominated by "entity or not" (almost every cell is a negative span), so label scores stay close
# (an address scored 0.64 "street address" and 0.74 "date"); this term trains the choice directly.
LABEL_CE_WEIGHT = 0.5


def log(work, msg):
    line = time.strftime("%H:%M:%S ") + msg
    print(line, flush=True)
    with open(os.path.join(work, "train.log"), "a", encoding="utf-8") as f:
        f.write(line + "\n")


def choose_prompt(ex, rng):
    present = sorted({s[2] for s in ex["spans"]})
    avail = [t for t in ex["types"] if t not in present]
    labels = [t for t in present if rng.random() < 0.85]
    n_neg = rng.randint(0, min(len(avail), 6))
    labels += rng.sample(avail, n_neg)
    if ex["src"] not in ("synthetic",) and rng.random() < 0.3:
        labels += rng.sample(SAFE_NEG_REAL, rng.randint(1, 2))
    labels = list(dict.fromkeys(labels))
    if not labels:
        labels = [rng.choice(ex["types"])]
    rng.shuffle(labels)
    return labels[:12]


def make_batch(tok, exs, rng, K=MAX_WIDTH):
    rows = []
    for ex in exs:
        labels = choose_prompt(ex, rng)
        ids, wm, n = encode_example(tok, ex["words"], labels, MAX_TOKENS_TRAIN)
        rows.append((ids, wm, max(n, 1), labels, ex))
    B = len(rows)
    L = max(len(r[0]) for r in rows)
    W = max(r[2] for r in rows)
    C = max(len(r[3]) for r in rows)
    ids = torch.full((B, L), tok.pad, dtype=torch.int64)
    am = torch.zeros((B, L), dtype=torch.int64)
    wm = torch.zeros((B, L), dtype=torch.int64)
    tl = torch.zeros((B, 1), dtype=torch.int64)
    y = torch.zeros((B, W, K, C))
    valid = torch.zeros((B, W, K, C))
    i_idx = torch.arange(W)[:, None]
    k_idx = torch.arange(K)[None, :]
    for b, (ri, rw, n, labels, ex) in enumerate(rows):
        # every row must have the same number of <<ENT>> tokens: pad the prompt with repeats? No:
        # rows with fewer labels get extra negative labels from their own available set instead.
        ids[b, :len(ri)] = torch.tensor(ri); am[b, :len(ri)] = 1; wm[b, :len(rw)] = torch.tensor(rw)
        tl[b, 0] = n
        ok = ((i_idx + k_idx) < n).float()
        valid[b, :, :, :len(labels)] = ok[:, :, None]
        lid = {l: c for c, l in enumerate(labels)}
        for s, e, t in ex["spans"]:
            if t in lid and e < n and e - s < K:
                y[b, s, e - s, lid[t]] = 1.0
    spi = torch.stack([i_idx.expand(W, K), (i_idx + k_idx)], -1).reshape(1, W * K, 2).repeat(B, 1, 1)
    spm = ((i_idx + k_idx) < tl[:, :, None]).reshape(B, W * K)
    spi = spi * spm.unsqueeze(-1)
    return (ids, am, wm, tl, spi, spm), y, valid


def focal_loss(logits, y, alpha=FOCAL_ALPHA, gamma=FOCAL_GAMMA):
    bce = F.binary_cross_entropy_with_logits(logits, y, reduction="none")
    p = torch.sigmoid(logits)
    p_t = p * y + (1 - p) * (1 - y)
    a_t = alpha * y + (1 - alpha) * (1 - y)
    return a_t * (1 - p_t) ** gamma * bce


def label_choice_loss(logits, y, valid):
    """Cross-entropy of the gold label among the prompted ones, over gold spans only."""
    gold = y.sum(-1) > 0                                                     # [B, W, K]
    if not gold.any():
        return logits.new_zeros(())
    lg = logits[gold]                                                        # [N, C]
    lg = lg.masked_fill(valid[gold] == 0, -1e4)
    target = y[gold] / y[gold].sum(-1, keepdim=True)
    return -(target * torch.log_softmax(lg, -1)).sum(-1).sum()


def batches(pool_syn, pool_real, rng, max_tokens=2400, syn_frac=0.5):
    """Length-bucketed batches; each batch all-synthetic or all-real to keep label counts sane."""
    while True:
        pool = pool_syn if rng.random() < syn_frac else pool_real
        cand = [pool[rng.randrange(len(pool))] for _ in range(64)]
        cand.sort(key=lambda e: len(e["words"]))
        start = rng.randrange(len(cand))
        out, longest = [], 0
        for e in cand[start:] + cand[:start]:
            ln = min(int(len(e["words"]) * 1.5) + 40, MAX_TOKENS_TRAIN)
            if out and max(longest, ln) * (len(out) + 1) > max_tokens:
                break
            out.append(e); longest = max(longest, ln)
        yield out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--minutes", type=float, default=45)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--vocab", type=int, default=8000)
    ap.add_argument("--n-synth", type=int, default=60000)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--encoder", choices=sorted(MODEL_ARGS), default="cnn")
    ap.add_argument("--embedding", choices=["plain", "word_vectors"], default="word_vectors")
    ap.add_argument("--max-words", type=int, default=40000, help="whole-word tokens with pretrained vectors")
    ap.add_argument("--cache", default=None, help="where the pretrained vectors are fetched (outside git)")
    ap.add_argument("--ckpt-minutes", default="15,30,45,60,90", help="extra checkpoints for the learning curve")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after N steps (timing runs)")
    ap.add_argument("--char-cnn", type=int, default=1, help="1: a character CNN over each id's string joins the token table")
    ap.add_argument("--synth", choices=["base", "extended"], default="base",
                    help="extended: synth.py's T_MORE kinds and wordings, IDs in tables and bare cells (training and test)")
    ap.add_argument("--sigil-spans", type=int, default=0, help="1: btc training spans start at a handle's @/# (data_real.py)")
    ap.add_argument("--syn-frac", type=float, default=0.5, help="share of all-synthetic batches")
    ap.add_argument("--ema", type=float, default=0.0,
                    help="decay of the weights' exponential moving average, saved as ckpt_ema.pt (0: none; "
                         "0.9995 measured: see average_checkpoints.py)")
    args = ap.parse_args()
    t0 = time.time()
    os.makedirs(args.work, exist_ok=True)
    torch.set_num_threads(args.threads)
    random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed)
    rng = random.Random(args.seed)

    real_train, held = load_real(args.data, sigils=bool(args.sigil_spans))
    extended = args.synth == "extended"
    syn_train = generate(args.data, "train", args.n_synth, seed=args.seed, extended=extended)
    syn_test = generate(args.data, "test", 1000, seed=args.seed + 1, extended=extended)
    held["synthetic_test"] = syn_test
    with open(os.path.join(args.work, "heldout.json"), "w", encoding="utf-8") as f:
        json.dump(held, f, ensure_ascii=False)
    log(args.work, f"data: real train {len(real_train)}, synthetic train {len(syn_train)}, heldout "
                   + json.dumps({k: len(v) for k, v in held.items()}))

    tok_dir = os.path.join(args.work, "tokenizer")
    lines = [" ".join(e["words"]) for e in real_train] + [" ".join(e["words"]) for e in syn_train[:25000]]
    lines += [" ".join(SYN_TYPES + ["product", "creative work", "event"])] * 20
    pieces = build_vocab(lines, args.vocab, os.path.join(args.work, "sp"), seed=args.seed)
    if args.embedding == "word_vectors":
        g_words, g_mat = word_vectors.load(args.cache)
        words = choose_words(lines + [" ".join(SYN_TYPES)] * 2, args.data, g_words, max_words=args.max_words)
        pieces = words + [p for p in pieces if p not in set(words)]
    write_tokenizer(pieces, tok_dir)
    tok = WordPiece(os.path.join(tok_dir, "tokenizer.json"))
    log(args.work, f"tokenizer: {len(tok.vocab)} ids, <<ENT>>={tok.ent}; {time.time() - t0:.0f}s")

    margs = dict(MODEL_ARGS[args.encoder], encoder=args.encoder, embedding=args.embedding)
    if args.embedding == "word_vectors":
        margs.update(vec_dim=g_mat.shape[1], n_shapes=N_SHAPES, n_lex=len(LEX_FLAGS))
        chars, n_chars = char_table(tok.vocab) if args.char_cnn else (None, 0)
        margs.update(n_chars=n_chars)
    model = GlinerSmall(len(tok.vocab), tok.ent, max_width=MAX_WIDTH, label_pool="mean", sep_token_index=tok.sep_tok,
                        **margs)
    if args.embedding == "word_vectors":
        vec, shp, flags, covered = id_tables(tok.vocab, g_words, g_mat, lexicon_entries(args.data))
        model.emb.set_tables(vec, shp, flags, chars)
        log(args.work, f"word vectors: {covered} of {len(tok.vocab)} ids ({word_vectors.PACKAGE}, {word_vectors.INTEGRITY[:20]}...); "
                       f"lexicon flags on {int((flags.sum(1) > 0).sum())} ids")
        del g_mat
    nparam = sum(p.numel() for p in model.parameters())
    log(args.work, f"model: {nparam} parameters {margs}")
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01, betas=(0.9, 0.98), foreach=True)
    budget = args.minutes * 60 - (time.time() - t0)
    t_train = time.time()
    warm = 150
    step, seen, loss_avg = 0, 0, None
    last_ck = time.time()
    curve = sorted(float(m) for m in args.ckpt_minutes.split(",") if m.strip())
    gen = batches(syn_train, real_train, rng, syn_frac=args.syn_frac)
    # An average of the weights (at decay 0.9995 a half-life of ~1,400 steps): single checkpoints of
    # one run swing by about +-0.05 F1 on held-out text, an average sits between the swings. The
    # optimizer updates the parameters in place, so their detached views are taken once.
    params = [p.detach() for p in model.parameters()]
    ema = [p.clone() for p in params] if args.ema > 0 else None
    model.train()
    while True:
        frac = (time.time() - t_train) / budget
        if frac >= 1.0 or (args.max_steps and step >= args.max_steps):
            break
        if curve and time.time() - t0 >= curve[0] * 60:
            m = curve.pop(0)
            torch.save({"state": model.state_dict(), "cfg": model.cfg, "step": step, "seen": seen, "minutes": m},
                       os.path.join(args.work, f"ckpt_{m:g}min.pt"))
            log(args.work, f"curve checkpoint at {m:g} min: step {step}")
        lr = args.lr * min(1.0, (step + 1) / warm) * max(0.1, 0.5 * (1 + math.cos(math.pi * frac)))
        for g in opt.param_groups:
            g["lr"] = lr
        exs = next(gen)
        inputs, y, valid = make_batch(tok, exs, rng)
        # rows may have different label counts; the model gathers C = max <<ENT>> count, cells of
        # missing labels are masked out by `valid`
        logits = model(*inputs)
        loss_cells = focal_loss(logits, y) * valid
        loss = (loss_cells.sum() + LABEL_CE_WEIGHT * label_choice_loss(logits, y, valid)) / len(exs)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if ema is not None:
            with torch.no_grad():
                decay = min(args.ema, (1 + step) / (10 + step))
                torch._foreach_mul_(ema, decay)
                torch._foreach_add_(ema, params, alpha=1.0 - decay)
        step += 1; seen += len(exs)
        loss_avg = loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * loss.item()
        if step % 50 == 0:
            el = time.time() - t_train
            log(args.work, f"step {step} ex {seen} loss {loss_avg:.3f} lr {lr:.2e} {seen / el:.1f} ex/s frac {frac:.2f}")
        if time.time() - last_ck > 300:
            torch.save({"state": model.state_dict(), "cfg": model.cfg, "step": step}, os.path.join(args.work, "ckpt.pt"))
            last_ck = time.time()
    torch.save({"state": model.state_dict(), "cfg": model.cfg, "step": step, "seen": seen,
                "train_seconds": time.time() - t_train, "total_seconds": time.time() - t0},
               os.path.join(args.work, "ckpt.pt"))
    if ema is not None:
        names = [n for n, _ in model.named_parameters()]
        state = dict(model.state_dict(), **{n: e.clone() for n, e in zip(names, ema)})
        torch.save({"state": state, "cfg": model.cfg, "step": step, "seen": seen, "ema": args.ema},
                   os.path.join(args.work, "ckpt_ema.pt"))
    log(args.work, f"done: {step} steps, {seen} examples, train {time.time() - t_train:.0f}s, total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
