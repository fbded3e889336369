"""Readers of the claim matcher's training pairs (``rashomon.train.matcher_pairs``) on small files
written here: MSRP labels, the STS bands, ECB+ coreferent sentences across documents, and the
closest body sentence of a headline."""
from __future__ import annotations

import random

import numpy as np

from rashomon.train.matcher_pairs import closest_pairs, ecb_pairs, msrp_pairs, sts_pairs


def _ecb_doc(tokens: list[list[str]], actions: dict[int, tuple[int, str]]) -> str:
    """ECB+ XML: sentences of tokens; ``actions``: markable id -> (token id, cross-doc note)."""
    out, tid = ['<Document doc_name="x">'], 0
    for k, sent in enumerate(tokens):
        for t in sent:
            tid += 1
            out.append(f'<token t_id="{tid}" sentence="{k}" number="0">{t}</token>')
    out.append("<Markables>")
    for mid, (t, _) in actions.items():
        out.append(f'<ACTION_OCCURRENCE m_id="{mid}"><token_anchor t_id="{t}"/></ACTION_OCCURRENCE>')
    out.append("</Markables><Relations>")
    for mid, (_, note) in actions.items():
        out.append(f'<CROSS_DOC_COREF r_id="r{mid}" note="{note}"><source m_id="{mid}"/><target m_id="99"/></CROSS_DOC_COREF>')
    out.append("</Relations></Document>")
    return "\n".join(out)


def test_msrp_and_sts_readers_give_labels_and_leave_the_sts_middle_out(tmp_path):
    m = tmp_path / "m.tsv"
    m.write_text("\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA dam broke.\tThe dam gave way.\n", encoding="utf-8")
    assert msrp_pairs(m) == [("A dam broke.", "The dam gave way.", 1, "msrp")]
    s = tmp_path / "s.tsv"
    s.write_text("4.2\tDam breaks\tDam gives way\n2.8\tDam breaks\tRiver rises\n0.4\tDam breaks\tPrices fall\n", encoding="utf-8")
    assert sts_pairs(s) == [("Dam breaks", "Dam gives way", 1, "sts"), ("Dam breaks", "Prices fall", 0, "sts")]


def test_ecb_sentences_sharing_an_event_instance_across_documents_are_positive(tmp_path):
    folder = tmp_path / "ECB+" / "1"
    folder.mkdir(parents=True)
    s1 = "The singer checked into a rehab clinic on Monday .".split()
    s2 = "Fans gathered outside the arena for the concert tonight .".split()
    (folder / "1_1ecb.xml").write_text(_ecb_doc([s1, s2], {1: (4, "ACT1"), 2: (len(s1) + 2, "ACT2")}), encoding="utf-8")
    t1 = "On Monday the singer entered a rehab clinic , her agent said .".split()
    (folder / "1_2ecb.xml").write_text(_ecb_doc([t1], {1: (5, "ACT1")}), encoding="utf-8")
    pairs = ecb_pairs(tmp_path, [1], random.Random(0))
    pos = [(a, b) for a, b, y, _ in pairs if y == 1]
    neg = [(a, b) for a, b, y, _ in pairs if y == 0]
    assert pos == [("The singer checked into a rehab clinic on Monday.", "On Monday the singer entered a rehab clinic, her agent said.")]
    assert neg == [("Fans gathered outside the arena for the concert tonight.", "On Monday the singer entered a rehab clinic, her agent said.")]


def test_a_headline_is_paired_with_its_closest_body_sentence():
    vec = {"h": np.array([1.0, 0.0]), "far": np.array([0.0, 1.0]), "near": np.array([0.9, 0.1])}
    assert closest_pairs([("h", ["far", "near"], 1)], vec) == [("h", "near", 1, "fnc")]
