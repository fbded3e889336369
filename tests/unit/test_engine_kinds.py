"""Setting ``engine.kind`` picks the engine of the per-article half (engine/pool.py ``pick_engine``),
so every command that asks ``pick_engine`` (analyze, add) gets the Dask engine from settings alone;
``--engine``/``--scheduler`` on the command line set them. Nothing is started here."""
from __future__ import annotations

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.engine import InlineEngine, ProcessPoolEngine, pick_engine
from rashomon.engine.dask_engine import DaskEngine
from rashomon.settings import load_settings


def _settings(**engine):
    return load_settings(None, None, {"engine": engine})


def test_kind_dask_gives_the_dask_engine_with_the_scheduler_and_batch_of_the_settings():
    eng = pick_engine(3, 2, settings=_settings(kind="dask", scheduler="tcp://10.0.0.5:8786", dask_batch=5))
    assert isinstance(eng, DaskEngine)
    assert (eng.jobs, eng.scheduler, eng.batch) == (2, "tcp://10.0.0.5:8786", 5)


def test_kind_inline_and_pool_override_the_automatic_choice():
    assert isinstance(pick_engine(1000, 4, settings=_settings(kind="inline")), InlineEngine)
    assert isinstance(pick_engine(1, 2, settings=_settings(kind="pool")), ProcessPoolEngine)


def test_kind_auto_keeps_few_articles_in_process_and_a_stream_of_unknown_length_in_a_pool():
    assert isinstance(pick_engine(3, 2, settings=_settings()), InlineEngine)
    assert isinstance(pick_engine(None, 2, settings=_settings()), ProcessPoolEngine)
    assert isinstance(pick_engine(None, 1, settings=_settings()), InlineEngine)


def test_analyze_help_offers_the_dask_engine_and_a_scheduler_address():
    out = CliRunner().invoke(app, ["analyze", "--help"], terminal_width=200).output
    assert "--engine" in out and "dask" in out and "--scheduler" in out
