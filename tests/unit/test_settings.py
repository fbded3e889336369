"""The settings object: defaults from one data file, overrides in order, every key documented,
mistyped keys named."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.data import load_yaml
from rashomon.errors import SettingValueError, UnknownSettingError
from rashomon.pipeline import CorpusState, run_corpus_stages
from rashomon.models import Dossier
from rashomon.settings import (DATA_FILE, Settings, all_keys, current, load_settings, setting, settings_markdown, use,
                               validate)

ROOT = Path(__file__).resolve().parents[2]


def _yaml_value(key: str):
    node = load_yaml(DATA_FILE)
    for part in key.split("."):
        node = node[part]
    return node


def test_settings_have_many_keys_in_every_group():
    keys = all_keys()
    assert len(keys) >= 40
    assert {k.split(".")[0] for k in keys} == {"ingest", "parse", "attribution", "claims", "events", "clusters", "dates", "independence", "relations", "framing", "engine", "output", "store", "blocking", "web"}


def test_every_default_is_the_data_file_value(monkeypatch):
    for name in [n for n in __import__("os").environ if n.startswith("RASHOMON_")]:
        monkeypatch.delenv(name)
    s = Settings()
    checked = 0
    for key in all_keys():
        assert s.get(key) == _yaml_value(key), key
        checked += 1
    assert checked == len(all_keys())


def test_every_setting_is_in_docs_settings_md_and_the_doc_is_current():
    doc = (ROOT / "docs" / "SETTINGS.md").read_text(encoding="utf-8")
    missing = [k for k in all_keys() if f"`{k}`" not in doc]
    assert missing == []
    assert doc == settings_markdown(), "docs/SETTINGS.md is stale: run `rashomon settings --markdown > docs/SETTINGS.md`"


def test_every_setting_is_listed_by_the_settings_command():
    res = CliRunner().invoke(app, ["settings"])
    assert res.exit_code == 0
    listed = {line.split(" = ")[0] for line in res.output.splitlines()}
    assert set(all_keys()) <= listed


def test_analyze_help_offers_settings_file_set_and_names_the_settings_of_its_options():
    res = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "300"})
    assert res.exit_code == 0
    for text in ("--settings", "--set", "engine.jobs", "output.formats", "output.quiet"):
        assert text in res.output


def test_lookup_of_an_unknown_key_raises_naming_it():
    with pytest.raises(UnknownSettingError) as e:
        setting("clusters.no_such_threshold")
    assert "clusters.no_such_threshold" in str(e.value) and e.value.code == "R101"


def test_mistyped_key_in_a_yaml_settings_file_is_named(tmp_path):
    f = tmp_path / "my.yaml"
    f.write_text("clusters:\n  cluster: 0.55\n  lnik: 0.4\n", encoding="utf-8")
    with pytest.raises(UnknownSettingError) as e:
        load_settings(f)
    msg = str(e.value)
    assert "'clusters.lnik'" in msg and str(f) in msg and "did you mean 'clusters.link'" in msg


def test_mistyped_group_in_a_toml_settings_file_is_named(tmp_path):
    f = tmp_path / "my.toml"
    f.write_text("[cluster]\nlink = 0.45\n", encoding="utf-8")
    with pytest.raises(UnknownSettingError, match="'cluster'"):
        load_settings(f)


def test_a_value_of_the_wrong_type_names_the_key():
    with pytest.raises(SettingValueError, match="'events.cut'"):
        load_settings(None, ["events.cut=high"])


def test_overrides_apply_in_order_data_env_file_set_api(tmp_path, monkeypatch):
    base = Settings().clusters
    assert (base.link, base.cluster, base.w_cos) == (_yaml_value("clusters.link"), _yaml_value("clusters.cluster"),
                                                     _yaml_value("clusters.w_cos"))
    monkeypatch.setenv("RASHOMON_CLUSTERS__LINK", "0.31")
    monkeypatch.setenv("RASHOMON_CLUSTERS__CLUSTER", "0.32")
    monkeypatch.setenv("RASHOMON_CLUSTERS__W_COS", "0.33")
    assert Settings().clusters.link == 0.31
    f = tmp_path / "s.yaml"
    f.write_text("clusters:\n  cluster: 0.42\n  w_cos: 0.43\n", encoding="utf-8")
    s = load_settings(f, ["clusters.w_cos=0.53"])
    assert (s.clusters.link, s.clusters.cluster, s.clusters.w_cos) == (0.31, 0.42, 0.53)
    api = validate({"clusters": {"link": 0.61}}, "analyze")
    assert (api.clusters.link, api.clusters.cluster) == (0.61, 0.32)  # unset keys keep the lower layers
    assert api.events == Settings().events


def test_the_old_environment_variables_still_work(monkeypatch, tmp_path):
    monkeypatch.setenv("RASHOMON_PREFETCH", "0")
    monkeypatch.setenv("RASHOMON_ENCODER", "torch")
    monkeypatch.setenv("RASHOMON_CACHE_DIR", str(tmp_path))
    e = Settings().engine
    assert (e.prefetch, e.encoder, e.cache_dir) == (False, "torch", str(tmp_path))
    assert current().engine.prefetch is False


def test_an_unknown_double_underscore_environment_variable_is_named(monkeypatch):
    monkeypatch.setenv("RASHOMON_CLUSTERS__LNK", "0.4")
    with pytest.raises(UnknownSettingError, match="clusters.lnk"):
        Settings()


def test_use_makes_settings_current_and_restores_the_previous_ones():
    before = setting("events.cut")
    with use(Settings(events={"cut": 0.77})):
        assert setting("events.cut") == 0.77
    assert setting("events.cut") == before


def test_corpus_stages_run_under_the_state_settings():
    seen = []
    state = CorpusState(dossier=Dossier(), settings=Settings(relations={"all_pairs_max": 7}))

    class Probe:
        name, scope = "probe", "corpus"

        def load(self):
            return lambda st: seen.append((setting("relations.all_pairs_max"), st.settings.relations.all_pairs_max))

    run_corpus_stages(state, stages=(Probe(),))
    assert seen == [(7, 7)]


def test_settings_survive_pickling_for_worker_processes():
    s = Settings(clusters={"link": 0.41}, engine={"prefetch": False})
    assert pickle.loads(pickle.dumps(s)) == s


def test_cli_names_a_mistyped_set_key_and_exits_with_usage_error(tmp_path):
    res = CliRunner().invoke(app, ["analyze", str(tmp_path), "--set", "clusters.lnk=0.4", "-o", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "[R101]" in res.output and "clusters.lnk" in res.output


def test_a_settings_file_that_is_not_yaml_is_named_with_a_code(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("[clusters\nlink = ", encoding="utf-8")
    with pytest.raises(SettingValueError, match=r"\[R102\].*bad.toml"):
        load_settings(f)
