"""Train a cased WordPiece vocabulary (pieces learned with sentencepiece BPE, then rewritten in
WordPiece form: word-initial pieces bare, continuation pieces with '##') and write tokenizer.json +
tokenizer_config.json in the Hugging Face format that @huggingface/tokenizers loads."""
import collections
import json
import os
import sys
import unicodedata

import sentencepiece as spm

sys.path.insert(0, os.path.dirname(__file__))
from common import ENT_TOKEN, SEP_TOKEN, SPECIALS, bert_pre_tokenize  # noqa: E402


def build_vocab(lines, vocab_size, workdir, seed=13):
    """lines: iterable of raw text. Returns the ordered piece list (without special tokens)."""
    os.makedirs(workdir, exist_ok=True)
    corpus = os.path.join(workdir, "sp_corpus.txt")
    chars = collections.Counter()
    with open(corpus, "w", encoding="utf-8") as f:
        for line in lines:
            toks = bert_pre_tokenize(unicodedata.normalize("NFC", line))
            if toks:
                chars.update("".join(toks))
                f.write(" ".join(toks) + "\n")
    # every character seen at least 3 times gets a bare and a '##' piece so almost nothing is [UNK]
    alphabet = [c for c, n in chars.most_common() if n >= 3 and not c.isspace()]
    budget = vocab_size - len(SPECIALS) - 2 - 2 * len(alphabet)
    if budget < 50:
        raise SystemExit(f"vocab_size {vocab_size} too small for {len(alphabet)} characters")
    prefix = os.path.join(workdir, "sp")
    spm.SentencePieceTrainer.train(
        input=corpus, model_prefix=prefix, vocab_size=budget + 3, model_type="bpe",
        character_coverage=1.0, split_digits=True, max_sentence_length=20000,
        input_sentence_size=2000000, shuffle_input_sentence=False,
        num_threads=1, bos_id=-1, eos_id=-1, pad_id=-1, unk_id=0, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=prefix + ".model")
    pieces, seen = [], set()
    for c in alphabet:
        for p in (c, "##" + c):
            if p not in seen:
                seen.add(p); pieces.append(p)
    for i in range(sp.get_piece_size()):
        p = sp.id_to_piece(i)
        if sp.is_unknown(i) or sp.is_control(i):
            continue
        wp = p[1:] if p.startswith("\u2581") else "##" + p
        if wp in ("", "##") or wp in seen:
            continue
        seen.add(wp); pieces.append(wp)
    return pieces[: vocab_size - len(SPECIALS) - 2]


def write_tokenizer(pieces, out_dir):
    vocab = {}
    for t in SPECIALS:
        vocab[t] = len(vocab)
    for p in pieces:
        if p not in vocab:
            vocab[p] = len(vocab)
    for t in (ENT_TOKEN, SEP_TOKEN):  # last two ids, like official GLiNER exports
        vocab[t] = len(vocab)
    added = [{"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for t in SPECIALS + [ENT_TOKEN, SEP_TOKEN]]
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    tj = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": {"type": "NFC"},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [cls], "tokens": ["[CLS]"]},
                               "[SEP]": {"id": "[SEP]", "ids": [sep], "tokens": ["[SEP]"]}},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }
    cfg = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 512, "do_lower_case": False,
           "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]",
           "additional_special_tokens": [ENT_TOKEN, SEP_TOKEN], "clean_up_tokenization_spaces": True}
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tj, f, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(out_dir, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(cfg, f, ensure_ascii=False, indent=2)
    return tj
