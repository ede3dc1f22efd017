"""Shared pieces of the model build: word splitting, the WordPiece encoder (mirrors the
tokenizer.json we write, as @huggingface/tokenizers runs it), GLiNER prompt and tensor building."""
import json
import re
import unicodedata

# GLiNER's whitespace splitter: Python's \w is Unicode-aware, matching the engine's \p{L}\p{N}_ form.
WORD_RE = re.compile(r"\w+(?:[-_]\w+)*|\S")

ENT_TOKEN = "<<ENT>>"
SEP_TOKEN = "<<SEP>>"
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
MAX_WIDTH = 12


def split_words(text):
    """(word, start, end) triples, offsets in code points, end exclusive."""
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _is_punct(ch):
    cp = ord(ch)
    if 0x21 <= cp <= 0x2F or 0x3A <= cp <= 0x40 or 0x5B <= cp <= 0x60 or 0x7B <= cp <= 0x7E:
        return True
    return unicodedata.category(ch).startswith("P")


def bert_pre_tokenize(text):
    """Same split as tokenizers.js BertPreTokenizer: runs of non-space non-punct, or one punct."""
    out, cur = [], []
    for ch in text.strip():
        if ch.isspace():
            if cur:
                out.append("".join(cur)); cur = []
        elif _is_punct(ch):
            if cur:
                out.append("".join(cur)); cur = []
            out.append(ch)
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


class WordPiece:
    """Greedy longest-match WordPiece over an NFC-normalised, Bert-pre-tokenised string."""

    def __init__(self, path_or_json):
        tj = path_or_json if isinstance(path_or_json, dict) else json.load(open(path_or_json, encoding="utf-8"))
        self.vocab = tj["model"]["vocab"]
        self.prefix = tj["model"]["continuing_subword_prefix"]
        self.unk = self.vocab[tj["model"]["unk_token"]]
        self.max_chars = tj["model"]["max_input_chars_per_word"]
        self.added = {t["content"]: t["id"] for t in tj["added_tokens"]}
        self.cls = self.added["[CLS]"]; self.sep = self.added["[SEP]"]; self.pad = self.added["[PAD]"]
        self.ent = self.added[ENT_TOKEN]; self.sep_tok = self.added[SEP_TOKEN]
        self.cache = {}

    def _piece_ids(self, tok):
        chars = list(tok)
        if len(chars) > self.max_chars:
            return [self.unk]
        ids, start = [], 0
        while start < len(chars):
            end, found = len(chars), None
            while start < end:
                sub = "".join(chars[start:end])
                if start > 0:
                    sub = self.prefix + sub
                if sub in self.vocab:
                    found = self.vocab[sub]; break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found); start = end
        return ids

    def encode_word(self, word):
        """Ids of one word (a label may contain spaces), no special tokens."""
        if word in self.added:
            return [self.added[word]]
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        ids = []
        for tok in bert_pre_tokenize(unicodedata.normalize("NFC", word)):
            ids.extend(self._piece_ids(tok))
        if len(self.cache) < 500000:
            self.cache[word] = ids
        return ids


def encode_example(tok, words, labels, max_tokens=512):
    """One row of the GLiNER span contract. Returns (input_ids, words_mask, n_words) where words
    beyond the token budget are dropped (n_words says how many survived)."""
    ids = [tok.cls]
    for lab in labels:
        ids.append(tok.ent)
        ids.extend(tok.encode_word(lab))
    ids.append(tok.sep_tok)
    wmask = [0] * len(ids)
    n = 0
    for w in words:
        p = tok.encode_word(w)
        if not p:  # a word the pre-tokenizer empties (never for \S words); keep a slot anyway
            p = [tok.unk]
        if len(ids) + len(p) + 1 > max_tokens:
            break
        n += 1
        wmask.append(n); wmask.extend([0] * (len(p) - 1))
        ids.extend(p)
    ids.append(tok.sep); wmask.append(0)
    return ids, wmask, n


def span_tensors(n_words_list, K=MAX_WIDTH):
    """span_idx [B, W*K, 2] and span_mask [B, W*K] as nested lists (gliner.md §3.1)."""
    W = max(n_words_list)
    idx, mask = [], []
    for n in n_words_list:
        r_i, r_m = [], []
        for i in range(W):
            for k in range(K):
                ok = i + k < n
                r_i.append([i, i + k] if ok else [0, 0]); r_m.append(ok)
        idx.append(r_i); mask.append(r_m)
    return idx, mask, W
