"""eval.json -> the markdown tables of the model card."""
import json
import sys

rep = json.load(open(sys.argv[1], encoding="utf-8"))
print("| held-out set | n | label | P | R | F1 | support |\n|---|---|---|---|---|---|---|")
for src, r in rep.items():
    if src.startswith("_"):
        continue
    for lab, m in r.items():
        if isinstance(m, dict) and "f1" in m:
            print(f"| {src} | {r['n']} | {lab} | {m['p']:.3f} | {m['r']:.3f} | {m['f1']:.3f} | {m['support']} |")
s = rep.get("synthetic_test")
if s:
    print("\nSynthetic test set, share of gold PII strings found (a predicted span of the same label overlaps it):\n")
    print("| label | found |\n|---|---|")
    for lab, v in s["found_overlap"].items():
        print(f"| {lab} | {v:.3f} |")
    print(f"\nperson + street address + organization + email + phone number together: {s['found_overlap_core5']:.3f}; "
          f"non-PII words left alone: {s['non_pii_words_left_alone']:.4f}")
