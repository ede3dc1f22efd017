"""The cased whole-word vocabulary and the per-id constant tables of the word-vector embedding.

Whole words (in the casings text uses: seen in the training text or the lexicons, plus the lower and
Title forms of frequent pretrained words) sit in the WordPiece vocabulary beside the BPE pieces, so
greedy longest-match gives a known word one id and falls back to pieces for the rest. Each id then
gets: the vector of its lower-cased form (if the pretrained set has one), a shape class and lexicon
flags. Lexicon flags use the training part of each lexicon only (synth.is_test), so the synthetic
test set's names stay unseen."""
import collections
import os
import sys
import unicodedata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from common import bert_pre_tokenize, _is_punct  # noqa: E402
from synth import _tsv, is_test, title_case  # noqa: E402

LEX_FLAGS = ["first_name", "surname", "city", "country", "company_word", "street_word"]
N_SHAPES = 16


def shape_class(tok):
    cont = tok.startswith("##") and len(tok) > 2
    t = tok[2:] if cont else tok
    if not t:
        base = 7
    elif all(_is_punct(c) for c in t):
        base = 6
    elif t.isdigit():
        base = 4
    elif any(c.isdigit() for c in t):
        base = 5
    elif not t.isalpha():
        base = 7
    elif t.islower():
        base = 0
    elif t.isupper():
        base = 2 if len(t) > 1 else 1
    elif t[0].isupper() and t[1:].islower():
        base = 1
    else:
        base = 3
    return base + 8 * cont


def _single_token(w):
    toks = bert_pre_tokenize(w)
    return len(toks) == 1 and toks[0] == w


def lexicon_entries(data):
    """{flag: set of lower-cased single tokens} from the training part of each lexicon."""
    keep = lambda e: not is_test(e)  # noqa: E731
    out = {f: set() for f in LEX_FLAGS}
    for r in _tsv(os.path.join(data, "lexicon_faker_names", "faker_names.tsv")):
        n = r["name"].strip()
        if n and keep(n):
            out["first_name" if r["kind"].startswith("first") else "surname"].add(n.lower())
    for r in _tsv(os.path.join(data, "lexicon_ssa_first_names", "ssa_first_names.tsv"))[:20000]:
        if keep(r["name"]):
            out["first_name"].add(r["name"].lower())
    for r in _tsv(os.path.join(data, "lexicon_us_census_names", "surnames_1990.tsv"))[:30000]:
        if keep(title_case(r["name"])):
            out["surname"].add(r["name"].lower())
    for r in _tsv(os.path.join(data, "lexicon_geo", "cities.tsv")):
        if keep(r["name"]):
            out["city"].add(r["name"].lower())
    for r in _tsv(os.path.join(data, "lexicon_geo", "countries.tsv")):
        if keep(r["name"]):
            out["country"].add(r["name"].lower())
    words = collections.Counter()
    for r in _tsv(os.path.join(data, "lexicon_companies", "sec_company_names.tsv")):
        if keep(r["name"]):
            words.update({t.lower() for t in bert_pre_tokenize(r["name"]) if t.isalpha()})
    out["company_word"] = {w for w, n in words.items() if n >= 2}
    ap = os.path.join(data, "lexicon_address_parts")
    for fn in os.listdir(ap):
        if fn.endswith(".txt") and "street" in fn:
            for l in open(os.path.join(ap, fn), encoding="utf-8"):
                if l.strip() and keep(l.strip()):
                    out["street_word"].update(t.lower() for t in l.split() if t.isalpha())
    for fn in os.listdir(ap):
        if fn.endswith(".tsv") and "suffix" in fn:
            for r in _tsv(os.path.join(ap, fn)):
                out["street_word"].update(str(v).lower() for v in r.values() if v and str(v).isalpha())
    # multi-word entries flag nothing (their parts are ordinary words: "new", "san", "bank")
    return {f: {w for w in s if _single_token(w)} for f, s in out.items()}


def lexicon_surface_forms(data):
    """Single-token lexicon entries in their own casing (training part only)."""
    keep = lambda e: not is_test(e)  # noqa: E731
    forms = set()
    for r in _tsv(os.path.join(data, "lexicon_faker_names", "faker_names.tsv")):
        n = r["name"].strip()
        if n and keep(n) and _single_token(n):
            forms.add(n)
    for r in _tsv(os.path.join(data, "lexicon_geo", "cities.tsv")):
        for t in bert_pre_tokenize(r["name"]) if keep(r["name"]) else []:
            forms.add(t)
    return forms


def choose_words(lines, data, glove_words, max_words=40000, top_glove=20000, min_count=2):
    """Whole-word tokens: forms whose lower case has a pretrained vector, by priority."""
    have = {}
    for i, w in enumerate(glove_words):
        have.setdefault(w, i)
    counts = collections.Counter()
    for line in lines:
        counts.update(bert_pre_tokenize(unicodedata.normalize("NFC", line)))
    prio = {}

    def add(form, p):
        if len(form) < 2 or form.lower() not in have or not _single_token(form):
            return
        if form not in prio or prio[form] > p:
            prio[form] = p

    for form, n in counts.items():
        if n >= min_count:
            add(form, -n)                                  # corpus forms first, by frequency
    for form in lexicon_surface_forms(data):
        add(form, 0)
    for w in glove_words[:top_glove]:
        r = have[w]
        add(w, r); add(w[:1].upper() + w[1:], r + 0.5)
    ordered = sorted(prio, key=lambda f: (prio[f], f))
    return ordered[:max_words]


def id_tables(vocab, glove_words, glove_mat, lex):
    """vec [V, 100] (unit-normalised; zero where none), shape [V], lex flags [V, len(LEX_FLAGS)]."""
    have = {}
    for i, w in enumerate(glove_words):
        have.setdefault(w, i)
    V = len(vocab)
    vec = np.zeros((V, glove_mat.shape[1]), dtype=np.float32)
    shape = np.zeros(V, dtype=np.int64)
    flags = np.zeros((V, len(LEX_FLAGS)), dtype=np.float32)
    covered = 0
    for tok, i in vocab.items():
        shape[i] = shape_class(tok)
        if tok.startswith("##") or tok.startswith("[") or tok.startswith("<<"):
            continue
        low = tok.lower()
        j = have.get(low)
        if j is not None:
            v = glove_mat[j]
            vec[i] = v / max(float(np.linalg.norm(v)), 1e-6)
            covered += 1
        for k, f in enumerate(LEX_FLAGS):
            if low in lex[f]:
                flags[i, k] = 1.0
    return vec, shape, flags, covered


def char_table(vocab, max_chars=16, max_symbols=300):
    """chars [V, max_chars] (0 = padding) and the symbol count, for the character CNN of each id's
    own string: a start symbol (1 for a word start, 2 for a continuation piece), then its characters
    (long tokens keep their head and their tail, where suffixes like -son, -ski, -ova live).
    Special tokens ([CLS], <<ENT>>, ...) get no characters."""
    toks = {}
    for tok, i in vocab.items():
        if tok.startswith("[") and tok.endswith("]") or tok.startswith("<<"):
            continue
        cont = tok.startswith("##") and len(tok) > 2
        toks[i] = (cont, tok[2:] if cont else tok)
    freq = collections.Counter(c for _, t in toks.values() for c in t)
    sym = {c: k + 4 for k, (c, _) in enumerate(freq.most_common(max_symbols))}   # 3 = rare character
    chars = np.zeros((len(vocab), max_chars), dtype=np.int64)
    for i, (cont, t) in toks.items():
        if len(t) > max_chars - 1:
            head = (max_chars - 1) // 2
            t = t[:head] + t[-(max_chars - 1 - head):]
        chars[i, 0] = 2 if cont else 1
        for k, c in enumerate(t):
            chars[i, k + 1] = sym.get(c, 3)
    return chars, max_symbols + 4
