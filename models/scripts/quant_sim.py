"""The int8 weight rounding of export.quantize_int8, applied to a PyTorch model, so evaluation and
golden outputs describe the shipped (quantized) weights."""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from model import GlinerSmall, fold_embeddings  # noqa: E402

MIN_ELEMS = 4096


def _round(w, axis):
    red = tuple(a for a in range(w.dim()) if a != axis)
    scale = w.abs().amax(dim=red, keepdim=True).clamp_min(1e-8) / 127.0
    return torch.clamp(torch.round(w / scale), -127, 127) * scale


def load_quantized_model(ck):
    m = GlinerSmall(**ck["cfg"])
    m.load_state_dict(ck["state"])
    m.eval()
    fold_embeddings(m)
    with torch.no_grad():
        # span_out's last Linear is used as a plain MatMul on the label side (model.py): the export
        # rounds such a weight per column, so the simulation must too
        label_side = m.span_out[2]
        if label_side.weight.numel() >= MIN_ELEMS:
            label_side.weight.copy_(_round(label_side.weight, 1))
        for mod in m.modules():
            if mod is label_side:
                continue
            if isinstance(mod, torch.nn.Embedding) and mod.weight.numel() >= MIN_ELEMS:
                mod.weight.copy_(_round(mod.weight, 0))           # per row (gathered int8 + row scale)
            elif isinstance(mod, torch.nn.Linear) and mod.weight.numel() >= MIN_ELEMS:
                mod.weight.copy_(_round(mod.weight, 0))           # per output feature
            elif isinstance(mod, torch.nn.Conv1d) and mod.weight.numel() >= MIN_ELEMS:
                mod.weight.copy_(_round(mod.weight, 0))
    return m
