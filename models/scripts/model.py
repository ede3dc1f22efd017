"""A small GLiNER span model (markerV0 contract) trained from scratch.

token embeddings + sinusoidal positions -> pre-LN transformer encoder over [CLS] prompt text [SEP]
-> word reps (first sub-token of each text word, chosen by words_mask) -> word-level conv mixer
-> span rep = MLP(start_proj(w_i) + end_proj(w_j) + width_emb(k)); label rep = MLP(pooled prompt reps):
   `label_pool="ent"` takes the <<ENT>> token (GLiNER's way, which leans on a pretrained encoder);
   `"mean"` averages the <<ENT>> token and its label's word pieces, so a model trained from scratch
   sees which label a slot holds from the first step instead of having to learn to attend to it
-> logits[b, i, k, c] = <span(i, i+k), label c>.
Everything is written with plain matmuls/gathers so the ONNX graph stays simple (no ScatterND)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, d, heads, ff, dropout):
        super().__init__()
        self.h = heads
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.ff1 = nn.Linear(d, ff)
        self.ff2 = nn.Linear(ff, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, bias):
        B, L, D = x.shape
        hd = D // self.h
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        q = q.reshape(B, L, self.h, hd).transpose(1, 2)
        k = k.reshape(B, L, self.h, hd).transpose(1, 2)
        v = v.reshape(B, L, self.h, hd).transpose(1, 2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(hd)) + bias
        att = self.drop(torch.softmax(att, dim=-1))
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, L, D)
        x = x + self.drop(self.out(y))
        return x + self.drop(self.ff2(F.gelu(self.ff1(self.ln2(x)))))


def sinusoid(n, d):
    pos = torch.arange(n, dtype=torch.float32)[:, None]
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    pe = torch.zeros(n, d)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe


class GlinerSmall(nn.Module):
    def __init__(self, vocab_size, class_token_index, d=256, layers=4, heads=4, ff=1024, max_width=12,
                 max_pos=512, dropout=0.1, conv_kernel=3, label_pool="ent", sep_token_index=None):
        super().__init__()
        if label_pool not in ("ent", "mean") or (label_pool == "mean" and sep_token_index is None):
            raise ValueError("label_pool is 'ent', or 'mean' with sep_token_index")
        self.cfg = dict(vocab_size=vocab_size, class_token_index=class_token_index, d=d, layers=layers,
                        heads=heads, ff=ff, max_width=max_width, max_pos=max_pos, dropout=dropout,
                        conv_kernel=conv_kernel)
        if label_pool != "ent":
            self.cfg.update(label_pool=label_pool, sep_token_index=sep_token_index)
        self.K = max_width
        self.ent_id = class_token_index
        self.sep_id = sep_token_index
        self.label_pool = label_pool
        self.emb = nn.Embedding(vocab_size, d)
        self.register_buffer("pos", sinusoid(max_pos, d), persistent=False)
        self.emb_ln = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)
        self.layers = nn.ModuleList([Layer(d, heads, ff, dropout) for _ in range(layers)])
        self.ln_f = nn.LayerNorm(d)
        self.word_conv = nn.Conv1d(d, d, conv_kernel, padding=conv_kernel // 2)
        self.start = nn.Linear(d, d)
        self.end = nn.Linear(d, d)
        self.width = nn.Embedding(max_width, d)
        self.span_out = nn.Sequential(nn.ReLU(), nn.Dropout(dropout), nn.Linear(d, d))
        self.label_mlp = nn.Sequential(nn.Linear(d, d), nn.ReLU(), nn.Dropout(dropout), nn.Linear(d, d))
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Conv1d)):
            nn.init.normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def forward(self, input_ids, attention_mask, words_mask, text_lengths, span_idx, span_mask):
        B, L = input_ids.shape
        x = self.emb(input_ids) + self.pos[:L].unsqueeze(0)
        x = self.drop(self.emb_ln(x))
        bias = (1.0 - attention_mask.to(x.dtype))[:, None, None, :] * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        h = self.ln_f(x)                                                     # [B, L, D]

        S = span_idx.shape[1]
        W = S // self.K
        # word reps: one-hot selection matrix [B, W, L] (words_mask value j -> word slot j-1)
        slots = torch.arange(1, W + 1, device=h.device, dtype=words_mask.dtype)
        sel = (words_mask.unsqueeze(1) == slots[None, :, None]).to(h.dtype)
        words = torch.matmul(sel, h)                                         # [B, W, D]
        wvalid = (slots[None, :] <= text_lengths).to(h.dtype)                # [B, W]
        words = words * wvalid.unsqueeze(-1)
        words = words + F.gelu(self.word_conv(words.transpose(1, 2)).transpose(1, 2))
        words = words * wvalid.unsqueeze(-1)

        # label reps: the c-th <<ENT>> token of each row (or the mean of it and its label's pieces)
        is_ent = (input_ids == self.ent_id).to(torch.int64)
        seg = torch.cumsum(is_ent, dim=1)                                    # c from the c-th <<ENT>> on
        if self.label_pool == "mean":
            in_prompt = (torch.cumsum((input_ids == self.sep_id).to(torch.int64), dim=1) == 0).to(torch.int64)
            rank = seg * in_prompt                                           # c over <<ENT>> + label pieces
        else:
            rank = seg * is_ent                                              # c at the c-th <<ENT>> only
        C = is_ent.sum(dim=1).max()
        cls_slots = torch.arange(1, C + 1, device=h.device, dtype=torch.int64)
        lsel = (rank.unsqueeze(1) == cls_slots[None, :, None]).to(h.dtype)  # [B, C, L]
        if self.label_pool == "mean":
            lsel = lsel / lsel.sum(dim=-1, keepdim=True).clamp(min=1.0)
        labels = self.label_mlp(torch.matmul(lsel, h))                       # [B, C, D]

        # spans from span_idx (masked rows point at word 0 and are ignored by the caller)
        si = span_idx * span_mask.unsqueeze(-1).to(span_idx.dtype)
        st = self.start(words)
        en = self.end(words)
        D = st.shape[-1]
        s_rep = torch.gather(st, 1, si[:, :, 0:1].expand(B, S, D))
        e_rep = torch.gather(en, 1, si[:, :, 1:2].expand(B, S, D))
        widths = torch.arange(self.K, device=h.device).repeat(W)            # [S]
        spans = self.span_out(s_rep + e_rep + self.width(widths).unsqueeze(0))  # [B, S, D]
        logits = torch.matmul(spans, labels.transpose(1, 2))                 # [B, S, C]
        return logits.reshape(B, W, self.K, -1)
