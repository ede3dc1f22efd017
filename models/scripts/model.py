"""A small GLiNER span model (markerV0 contract).

token embeddings (plain, or built from pretrained word vectors: see WordVectorEmbedding)
-> encoder over [CLS] prompt text [SEP]: pre-LN transformer (+ sinusoidal positions), dilated CNN or BiLSTM
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


class WordVectorEmbedding(nn.Module):
    """Token embedding built from constant per-id tables: the frozen pretrained vector of the id's
    lower-cased word (zero for pieces without one), a learned shape embedding (case, digits,
    punctuation, continuation piece), learned lexicon flags (first name, surname, place, ...) and a
    learned per-id residual. Every term is a function of the id alone, so export folds them into one
    plain [V, d] table (`table()`) and the ONNX graph keeps the official single Gather."""

    def __init__(self, vocab_size, d, vec_dim=100, n_shapes=16, n_lex=6, resid_rank=64, n_chars=0,
                 max_chars=16, char_dim=32, char_filters=128):
        super().__init__()
        self.register_buffer("vec", torch.zeros(vocab_size, vec_dim))
        self.register_buffer("shape", torch.zeros(vocab_size, dtype=torch.int64))
        self.register_buffer("lex", torch.zeros(vocab_size, n_lex))
        self.proj = nn.Linear(vec_dim, d, bias=False)
        self.shape_emb = nn.Embedding(n_shapes, d)
        self.lex_proj = nn.Linear(n_lex, d, bias=False)
        # low-rank per-id residual: a full [V, d] table made the optimizer step cost as much as the
        # forward+backward pass (0.4 s of ~1.2 s per step at 1 thread)
        self.resid = nn.Embedding(vocab_size, resid_rank)
        self.resid_up = nn.Linear(resid_rank, d, bias=False)
        # character CNN over each id's own string: the spelling of rare surnames, pieces and shapes
        # that have no pretrained vector. Still a function of the id alone, so it folds into the table.
        self.n_chars = n_chars
        if n_chars:
            self.register_buffer("chars", torch.zeros(vocab_size, max_chars, dtype=torch.int64))
            self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
            self.char_conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.char_proj = nn.Linear(char_filters, d, bias=False)

    def set_tables(self, vec, shape, lex, chars=None):
        with torch.no_grad():
            self.vec.copy_(torch.as_tensor(vec)); self.shape.copy_(torch.as_tensor(shape)); self.lex.copy_(torch.as_tensor(lex))
            if self.n_chars:
                self.chars.copy_(torch.as_tensor(chars))

    def char_features(self, ids):
        c = self.chars[ids]                                                  # [N, max_chars]
        h = F.gelu(self.char_conv(self.char_emb(c).transpose(1, 2)))         # [N, filters, max_chars]
        h = h.masked_fill((c == 0).unsqueeze(1), -1e4).amax(dim=-1)
        return self.char_proj(h.clamp(min=-1e3) * (c[:, :1] != 0))

    def forward(self, ids):
        out = self.proj(self.vec[ids]) + self.shape_emb(self.shape[ids]) + self.lex_proj(self.lex[ids]) + self.resid_up(self.resid(ids))
        if self.n_chars:
            # each distinct id once per batch: a batch holds ~2,400 tokens but far fewer distinct ids
            uniq, inv = torch.unique(ids, return_inverse=True)
            out = out + self.char_features(uniq)[inv]
        return out

    def table(self):
        with torch.no_grad():
            ids = torch.arange(self.vec.shape[0])
            return torch.cat([self.forward(ids[i:i + 8192]) for i in range(0, len(ids), 8192)])


class ConvBlock(nn.Module):
    """Pre-LN residual dilated convolution (ID-CNN style): a cheap local encoder with a wide
    receptive field. Written as shifted copies + one matmul: on this CPU torch that trains ~2x faster
    than Conv1d with dilation, and exports to plain Pad/Slice/Concat/MatMul. Padding positions are
    zeroed before each convolution."""

    def __init__(self, d, kernel, dilation):
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.k, self.dil = kernel, dilation
        self.conv = nn.Linear(kernel * d, d)
        self.mix = nn.Linear(d, d)

    def forward(self, x, mask):
        h = self.ln(x) * mask
        L = h.shape[1]
        r = self.dil * (self.k // 2)
        hp = F.pad(h, (0, 0, r, r))
        taps = torch.cat([hp[:, j * self.dil: j * self.dil + L] for j in range(self.k)], dim=-1)
        return x + self.mix(F.gelu(self.conv(taps)))


CNN_DILATIONS = (1, 2, 4, 8, 1, 2)


def fold_embeddings(model):
    """Replace a WordVectorEmbedding by the plain nn.Embedding it computes (export and int8 rounding)."""
    if isinstance(model.emb, WordVectorEmbedding):
        table = model.emb.table()
        emb = nn.Embedding(table.shape[0], table.shape[1])
        with torch.no_grad():
            emb.weight.copy_(table)
        model.emb = emb
    return model


class GlinerSmall(nn.Module):
    def __init__(self, vocab_size, class_token_index, d=256, layers=4, heads=4, ff=1024, max_width=12,
                 max_pos=512, dropout=0.1, conv_kernel=3, label_pool="ent", sep_token_index=None,
                 encoder="transformer", embedding="plain", vec_dim=100, n_shapes=16, n_lex=6, span_dim=None,
                 score_offset=0.0, n_chars=0):
        super().__init__()
        if label_pool not in ("ent", "mean") or (label_pool == "mean" and sep_token_index is None):
            raise ValueError("label_pool is 'ent', or 'mean' with sep_token_index")
        if encoder not in ("transformer", "cnn", "bilstm") or embedding not in ("plain", "word_vectors"):
            raise ValueError("encoder is transformer|cnn|bilstm, embedding is plain|word_vectors")
        self.cfg = dict(vocab_size=vocab_size, class_token_index=class_token_index, d=d, layers=layers,
                        heads=heads, ff=ff, max_width=max_width, max_pos=max_pos, dropout=dropout,
                        conv_kernel=conv_kernel)
        if label_pool != "ent":
            self.cfg.update(label_pool=label_pool, sep_token_index=sep_token_index)
        if encoder != "transformer":
            self.cfg.update(encoder=encoder)
        if span_dim:
            self.cfg.update(span_dim=span_dim)
        if score_offset:
            self.cfg.update(score_offset=score_offset)
        # calibration: a constant added to every logit so the library's default threshold decides
        # as the threshold chosen on the held-out precision/recall curve (finalize.py sets it)
        self.score_offset = float(score_offset)
        # per-label calibration (set_label_offsets): none until finalize.py sets it
        self.register_buffer("label_offset_ids", torch.zeros(0, dtype=torch.int64), persistent=False)
        self.register_buffer("label_offset_vals", torch.zeros(0), persistent=False)
        self.label_offsets = {}
        if embedding != "plain":
            self.cfg.update(embedding=embedding, vec_dim=vec_dim, n_shapes=n_shapes, n_lex=n_lex)
            if n_chars:
                self.cfg.update(n_chars=n_chars)
        self.K = max_width
        self.ent_id = class_token_index
        self.sep_id = sep_token_index
        self.label_pool = label_pool
        self.encoder = encoder
        self.emb = (WordVectorEmbedding(vocab_size, d, vec_dim, n_shapes, n_lex, n_chars=n_chars) if embedding == "word_vectors"
                    else nn.Embedding(vocab_size, d))
        self.register_buffer("pos", sinusoid(max_pos, d), persistent=False)
        self.emb_ln = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)
        if encoder == "transformer":
            self.layers = nn.ModuleList([Layer(d, heads, ff, dropout) for _ in range(layers)])
        elif encoder == "cnn":
            dil = [CNN_DILATIONS[i % len(CNN_DILATIONS)] for i in range(layers)]
            self.layers = nn.ModuleList([ConvBlock(d, conv_kernel, x) for x in dil])
        else:
            self.lstm = nn.LSTM(d, d // 2, num_layers=layers, batch_first=True, bidirectional=True)
        self.ln_f = nn.LayerNorm(d)
        self.word_conv = nn.Conv1d(d, d, conv_kernel, padding=conv_kernel // 2)
        ds = span_dim or d
        self.start = nn.Linear(d, ds)
        self.end = nn.Linear(d, ds)
        self.width = nn.Embedding(max_width, ds)
        self.span_out = nn.Sequential(nn.ReLU(), nn.Dropout(dropout), nn.Linear(ds, ds))
        self.label_mlp = nn.Sequential(nn.Linear(d, d), nn.ReLU(), nn.Dropout(dropout), nn.Linear(d, ds))
        self.apply(self._init)

    def set_score_offset(self, offset):
        """Calibration: a constant added to every logit (finalize.py; see `score_offset` above)."""
        self.score_offset = float(offset)
        if offset:
            self.cfg["score_offset"] = round(float(offset), 6)
        else:
            self.cfg.pop("score_offset", None)
        return self

    def set_label_offsets(self, tok, offsets):
        """Per-label calibration inside the graph: `offsets` = {label: logit shift}, added to the
        logits of a prompt label whose whole text is that label (one vocabulary id). A label's scores
        then mean the same as the others' at one threshold, for every runtime that runs the graph;
        other labels, and wordings that merely contain the word, are untouched."""
        if self.label_pool != "mean" and offsets:
            raise ValueError("per-label offsets need label_pool='mean' (the prompt's label pieces)")
        ids, vals = [], []
        for label, off in sorted(offsets.items()):
            piece = tok.encode_word(label)
            if len(piece) != 1:
                raise ValueError(f"label {label!r} is {len(piece)} vocabulary ids; per-label offsets take one-id labels")
            ids.append(piece[0]); vals.append(float(off))
        self.label_offset_ids = torch.tensor(ids, dtype=torch.int64)
        self.label_offset_vals = torch.tensor(vals, dtype=torch.float32)
        self.label_offsets = {k: round(float(v), 6) for k, v in sorted(offsets.items())}
        return self

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Conv1d)):
            nn.init.normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)
        elif isinstance(m, WordVectorEmbedding):
            nn.init.normal_(m.proj.weight, std=0.1)

    def forward(self, input_ids, attention_mask, words_mask, text_lengths, span_idx, span_mask):
        B, L = input_ids.shape
        x = self.emb(input_ids)
        if self.encoder == "transformer":
            x = self.drop(self.emb_ln(x + self.pos[:L].unsqueeze(0)))
            bias = (1.0 - attention_mask.to(x.dtype))[:, None, None, :] * -1e4
            for layer in self.layers:
                x = layer(x, bias)
        elif self.encoder == "cnn":
            x = self.drop(self.emb_ln(x))
            mask = attention_mask.to(x.dtype).unsqueeze(-1)
            for layer in self.layers:
                x = layer(x, mask)
        else:
            x = self.drop(self.emb_ln(x)) * attention_mask.to(x.dtype).unsqueeze(-1)
            x, _ = self.lstm(x)
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
        label_bias = None
        if self.label_offset_ids.numel():
            # a slot holding <<ENT>> and exactly one piece whose id has an offset takes that offset
            hit = (input_ids.unsqueeze(-1) == self.label_offset_ids).to(h.dtype)      # [B, L, J]
            tok_bias = (hit * self.label_offset_vals).sum(-1)                        # [B, L]
            one_piece = (lsel.sum(-1) == 2.0).to(h.dtype)                            # [B, C]
            label_bias = (lsel * tok_bias.unsqueeze(1)).sum(-1) * one_piece          # [B, C]
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
        # span_out's Linear is applied on the label side: <relu(x) W^T + b, l> = <relu(x), l W> + <b, l>,
        # the same function without a [B, S, D] x [D, D] matmul (spans outnumber labels ~1000 to 1)
        act = self.span_out[1](self.span_out[0](s_rep + e_rep + self.width(widths).unsqueeze(0)))  # [B, S, D]
        out = self.span_out[2]
        lab = torch.matmul(labels, out.weight)                               # [B, C, D]
        # (<b, l> as Mul + ReduceSum: onnxruntime's WebGPU MatMul rejects a 1-D right operand)
        logits = torch.matmul(act, lab.transpose(1, 2)) + (labels * out.bias).sum(-1).unsqueeze(1)  # [B, S, C]
        if self.score_offset:
            logits = logits + self.score_offset
        if label_bias is not None:
            logits = logits + label_bias.unsqueeze(1)
        return logits.reshape(B, W, self.K, -1)
