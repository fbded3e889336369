"""The ONNX sentence encoder runs on ``engine.encoder_threads`` threads (0 by default: as many
as torch uses), and its vectors do not depend on the thread count: one thread and two give the
same floats, bit for bit, on sentences written for this test.
"""
from __future__ import annotations

import numpy as np
import pytest

from rashomon.settings import use, validate

SENTENCES = [
    "The ferry operator said on Monday that all 214 passengers had been brought ashore.",
    "Divers found no sign of damage to the hull, the coast guard said.",
    "Officials said.",
    "The harbour stayed closed for a second day while investigators searched the wreck, a spokeswoman for the port authority told reporters.",
    "It was not true, he said.",
    "Rescuers pulled twelve people from the water near the pier.",
    "About 3,500 litres of fuel leaked into the bay before the tanks were sealed, according to the environment agency.",
    "The captain denied that the ship had been overloaded.",
    "Shops reopened.",
]


@pytest.fixture(scope="module")
def sessions():
    from rashomon import nlp

    st = nlp.get_sentence_transformer()
    out = {}
    for n in (1, 2):
        with use(validate({"engine": {"encoder_threads": n}}, "test")):
            enc = nlp._onnx_encoder(st)
        assert enc is not None, "the ONNX export failed (onnx and onnxruntime are pinned dependencies)"
        out[n] = enc
    return out


def test_the_session_uses_the_threads_of_the_setting(sessions):
    for n, enc in sessions.items():
        assert enc.session.get_session_options().intra_op_num_threads == n


def test_by_default_the_encoder_takes_torchs_thread_count():
    import torch

    from rashomon import nlp

    assert validate(None, "test").engine.encoder_threads == 0
    with use(validate(None, "test")):
        enc = nlp._onnx_encoder(nlp.get_sentence_transformer())
    assert enc.session.get_session_options().intra_op_num_threads == max(1, torch.get_num_threads())


def test_one_thread_and_two_give_the_same_vectors(sessions):
    one = sessions[1].encode(SENTENCES, batch_size=4)
    two = sessions[2].encode(SENTENCES, batch_size=4)
    assert one.shape == (len(SENTENCES), 384)
    assert np.array_equal(one, two)
