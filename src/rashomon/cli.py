"""The ``rashomon`` command line.

Exit codes (stable, for scripts):

- 0: every input was analysed and the outputs written;
- 1: an internal error stopped the run (a bug: please report it with the traceback);
- 2: bad usage (unknown option, missing argument, unknown format);
- 3: the outputs were written, but some inputs could not be read (listed on stderr and in
  ``dossier.json`` under ``run.errors``);
- 4: no input could be read at all (an empty dossier is still written, with the errors).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2, 3, 4

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read one news event through many sources: who claims what, what is corroborated by "
         "independent sources, what is contradicted, numbers and dates checked, word choice compared.",
    epilog="Exit codes: 0 ok; 1 internal error; 2 bad usage; 3 written, but some inputs unreadable; 4 no input readable.",
)


class OutputFormat(str, Enum):
    json = "json"
    html = "html"
    md = "md"
    csv = "csv"
    all = "all"


class EngineKind(str, Enum):
    auto = "auto"
    inline = "inline"
    pool = "pool"
    dask = "dask"


def _version(value: bool):
    if value:
        typer.echo(f"rashomon {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", metavar="", callback=_version, is_eager=True, help="Print the version and exit.")):
    """rashomon: a dossier of one news event from many articles."""


def _formats(fmt: List[OutputFormat]) -> set[str]:
    chosen = {f.value for f in fmt} or {"all"}
    return {"json", "html", "md", "csv"} if "all" in chosen else chosen | {"json"}


@app.command()
def analyze(
    inputs: List[str] = typer.Argument(..., help="Article files or directories (.txt, .md, .html/.htm, .json, .jsonl, .jsonl.gz, .warc/.warc.gz; "
                                                  "NAME.meta.json sidecars are read as metadata). '-' reads one article, or JSONL, from standard input."),
    out: Path = typer.Option(Path("rashomon-out"), "--out", "-o", help="Directory for dossier.json and the reports (created if missing)."),
    fmt: Optional[List[OutputFormat]] = typer.Option(None, "--format", "-f", case_sensitive=False,
                                                     help="What to write besides dossier.json: html (report.html), md (report.md), csv (claims.csv), or all (setting output.formats, default all). Repeat the option for several."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for the per-article half (setting engine.jobs; default: one per core; small batches run in-process)."),
    engine: Optional[EngineKind] = typer.Option(None, "--engine", case_sensitive=False,
                                                help="What runs the per-article half (setting engine.kind): auto (this process, or a process pool), "
                                                     "inline, pool, or dask (dask.distributed: a LocalCluster of --jobs workers, or --scheduler)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="With --engine dask: a running dask scheduler, e.g. tcp://10.0.0.5:8786 (setting engine.scheduler; "
                                                 "default: a LocalCluster for the run)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="Print nothing but errors (setting output.quiet); the exit code still tells how the run went."),
    settings_file: Optional[Path] = typer.Option(None, "--settings", help="A YAML or TOML file of settings (groups and keys as in 'rashomon settings'); "
                                                                            "overrides the defaults and the RASHOMON_<GROUP>__<NAME> environment variables."),
    assignments: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE", help="Set one setting, e.g. --set clusters.link=0.45 (repeatable; over --settings). "
                                                                                           "'rashomon settings' lists them all."),
    stream: Optional[bool] = typer.Option(None, "--stream/--no-stream",
                                          help="Stream a large corpus: records spilled to a file under OUT, events linked window by window and a chunk of events "
                                               "at a time, one dossier per chunk in OUT/chunks/NNNN/ and OUT/index.json. Default: streamed above "
                                               "blocking.stream_min_articles articles (2,000); --no-stream links any batch at once."),
):
    """Analyse INPUTS and write OUT/dossier.json (and the reports); a large corpus: OUT/chunks/NNNN/ and OUT/index.json (see --stream)."""
    from .api import Progress as ApiProgress, write_dossier
    from .stream_run import analyze_to
    from .errors import SettingsError, input_code
    from .settings import load_settings

    err = Console(stderr=True)
    named: dict = {"engine": {**({"jobs": jobs} if jobs is not None else {}), **({"kind": engine.value} if engine else {}),
                              **({"scheduler": scheduler} if scheduler else {})},
                   "output": {**({"formats": [f.value for f in fmt]} if fmt else {}), **({"quiet": True} if quiet else {})}}
    try:  # settings: defaults < environment < --settings < --set < the named options
        settings = load_settings(settings_file, assignments or None, named)
    except SettingsError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_USAGE)
    quiet, jobs = settings.output.quiet, settings.engine.jobs
    con = Console(quiet=quiet)
    formats = _formats([OutputFormat(f) for f in settings.output.formats])
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=con, transient=True, disable=quiet) as bar:
            task = bar.add_task("reading", total=None)

            def on_articles(n):  # None: a stream, the count comes when the inputs are read
                if n is None:
                    bar.update(task, description="annotating articles", total=None, completed=0)
                else:
                    bar.update(task, description="annotating articles", total=n)

            def on_article_done(_):
                bar.advance(task)

            def on_stage(name):
                bar.update(task, description=f"linking: {name}")

            stdin = sys.stdin.buffer if "-" in inputs else None
            outcome = analyze_to(inputs, out, stream=stream, jobs=jobs, stdin=stdin, settings=settings, formats=frozenset(formats),
                                 progress=ApiProgress(on_articles=on_articles, on_article_done=on_article_done, on_stage=on_stage))
        dossier = outcome.dossier
        if dossier is not None:
            out.mkdir(parents=True, exist_ok=True)
            written = [write_dossier(dossier, out / "dossier.json")]
            extra = formats - {"json"}
            if extra:
                from .report import write_reports

                written += write_reports(dossier, out, extra)
    except Exception as e:  # noqa: BLE001 - the exit code must say "internal error", with the traceback
        err.print_exception()
        typer.echo(f"error: [R901] internal error: {type(e).__name__}: {e}", err=True)
        raise typer.Exit(EXIT_INTERNAL)

    if dossier is None:
        _finish_streamed(outcome, inputs, con)
        return
    from .report.leftout import plural

    errors = dossier.run.errors if dossier.run else []
    con.print(f"{plural(len(dossier.articles), 'article')}, {plural(len(dossier.claims), 'claim')}, "
              f"{plural(len(dossier.clusters), 'cluster')}, "
              f"{plural(sum(r.type == 'contradicts' for r in dossier.relations), 'contradiction')}", highlight=False)
    for p in written:
        con.print(f"wrote {p}", highlight=False)
    _print_notices(dossier, quiet)
    if not dossier.articles:
        n = len(dossier.run.inputs) if dossier.run else len(inputs)
        typer.echo(f"error: nothing to analyse: none of the {plural(n, 'input')} ({', '.join(inputs)}) gave an article "
                   f"({'see the reasons above' if errors else 'no file found'}); the outputs are empty", err=True)
        raise typer.Exit(EXIT_NOTHING)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


def _finish_streamed(outcome, inputs: List[str], con: Console) -> None:
    """The end of a streamed ``analyze``: counts, the index path, every left-out input (stderr),
    and the exit code as for one dossier."""
    from .errors import input_code
    from .report.leftout import plural

    index = outcome.index
    con.print(f"{plural(index.articles, 'article')} in {plural(len(index.events), 'event')} and {plural(len(index.chunks), 'chunk')}: "
              f"{plural(sum(c.claims for c in index.chunks), 'claim')}, {plural(sum(c.clusters for c in index.chunks), 'cluster')}, "
              f"{plural(sum(c.contradictions for c in index.chunks), 'contradiction')}", highlight=False)
    con.print(f"wrote {plural(len(outcome.written) - 1, 'file')} under {outcome.written[-1].parent / 'chunks'} and {outcome.written[-1]}", highlight=False)
    for e in index.errors:
        where = f"{e.path}:{e.line}" if e.line else e.path
        typer.echo(f"error: {where}: {e.message} [{input_code(e.code)} {e.code}]", err=True)
    for d in index.duplicates:
        typer.echo(f"duplicate: {d.dropped} is the same text as {d.kept}; analysed once", err=True)
    if not index.articles:
        typer.echo(f"error: nothing to analyse: none of the {plural(len(index.inputs), 'input')} ({', '.join(inputs)}) gave an article", err=True)
        raise typer.Exit(EXIT_NOTHING)
    if index.errors:
        raise typer.Exit(EXIT_PARTIAL)


def _print_notices(dossier, quiet: bool) -> None:
    """The end-of-run summary on stderr: every left-out input with its reason (always: one
    ``error: PATH: reason [code]`` line each, then the exact duplicates), then near copies and
    notes (unless ``quiet``)."""
    from .errors import input_code
    from .report.leftout import headline, run_notices

    notices = run_notices(dossier)
    errors = dossier.run.errors if dossier.run else []
    if notices.left_out:
        typer.echo(headline(len(notices.left_out)), err=True)
    for e in errors:
        where = f"{e.path}:{e.line}" if e.line else e.path
        typer.echo(f"error: {where}: {e.message} [{input_code(e.code)} {e.code}]", err=True)  # one unwrapped line per bad input
    for d in (dossier.run.duplicates if dossier.run else []):
        typer.echo(f"duplicate: {d.dropped} is the same text as {d.kept}; analysed once", err=True)
    if quiet:
        return
    for c in notices.copies:
        typer.echo(f"copy: {c.what} is a {c.why}", err=True)
    for note in notices.notes:
        typer.echo(f"note: {note}", err=True)


def _load_or_exit(settings_file, assignments, named):
    from .errors import SettingsError
    from .settings import load_settings

    try:
        return load_settings(settings_file, assignments or None, named)
    except SettingsError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_USAGE)


def _open_store_or_exit(db: Optional[str]):
    from .errors import StoreURLError, StoreVersionError
    from .store import open_store

    try:
        return open_store(db)
    except (StoreURLError, StoreVersionError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_USAGE)


DB_HELP = "The workspace database: sqlite:///PATH, a file path, or postgresql://USER@HOST/DB (setting store.url; default ./rashomon.db)."


@app.command()
def add(
    inputs: List[str] = typer.Argument(..., help="Article files or directories, as for 'rashomon analyze'."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for the per-article half (setting engine.jobs)."),
    engine: Optional[EngineKind] = typer.Option(None, "--engine", case_sensitive=False,
                                                help="What runs the per-article half of the new articles (setting engine.kind), as for 'rashomon analyze'."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="With --engine dask: a running dask scheduler (setting engine.scheduler)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="Print nothing but errors."),
    settings_file: Optional[Path] = typer.Option(None, "--settings", help="A YAML or TOML file of settings."),
    assignments: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE", help="Set one setting (repeatable)."),
    full: bool = typer.Option(False, "--full", help="Link every event again, not only the events the new articles changed."),
):
    """Add INPUTS to the workspace: new articles are analysed once and stored, the events they change are linked again.

    An article whose text is already stored is skipped. If the command is stopped, run it again
    with the same inputs: stored articles are kept and the rest is done."""
    named_engine = {**({"jobs": jobs} if jobs is not None else {}), **({"kind": engine.value} if engine else {}),
                    **({"scheduler": scheduler} if scheduler else {})}
    settings = _load_or_exit(settings_file, assignments, {"engine": named_engine, "output": {"quiet": True} if quiet else {}})
    con = Console(quiet=settings.output.quiet)
    store = _open_store_or_exit(db)
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=con, transient=True, disable=settings.output.quiet) as bar:
            task = bar.add_task("adding articles", total=None)
            result = store.add(inputs, settings=settings, jobs=settings.engine.jobs, stdin=sys.stdin.buffer if "-" in inputs else None,
                               on_progress=lambda done, total: bar.update(task, completed=done, total=total), full=full)
        held = len(store.article_ids())
    except Exception as e:  # noqa: BLE001 - the exit code must say "internal error"
        Console(stderr=True).print_exception()
        typer.echo(f"error: [R901] internal error: {type(e).__name__}: {e}", err=True)
        raise typer.Exit(EXIT_INTERNAL)
    finally:
        store.close()
    from .errors import input_code
    from .report.leftout import plural

    con.print(f"{plural(len(result.added), 'article')} added, {len(result.skipped)} already stored, "
              f"{plural(len(result.events), 'event')} changed" + ("" if result.linked else " (nothing to link)"), highlight=False)
    for e in result.errors:
        where = f"{e.path}:{e.line}" if e.line else e.path
        typer.echo(f"error: {where}: {e.message} [{input_code(e.code)} {e.code}]", err=True)
    if held > settings.blocking.stream_min_articles and not settings.output.quiet:
        typer.echo(f"note: the workspace holds {plural(held, 'article')}, more than blocking.stream_min_articles "
                   f"({settings.blocking.stream_min_articles}); 'add' links them all in one batch, in memory "
                   "(docs/SCALE.md); 'rashomon analyze --stream' links a corpus this size in bounded memory", err=True)
    if result.errors:
        raise typer.Exit(EXIT_NOTHING if not (result.added or result.skipped) else EXIT_PARTIAL)


@app.command()
def export(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    event: Optional[str] = typer.Option(None, "--event", "-e", help="Export one event (its stable id, as 'rashomon events' lists; default: the whole workspace)."),
    out: Path = typer.Option(Path("rashomon-out"), "--out", "-o", help="Directory for dossier.json and the reports."),
    fmt: Optional[List[OutputFormat]] = typer.Option(None, "--format", "-f", case_sensitive=False, help="html, md, csv or all (setting output.formats)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="Print nothing but errors."),
):
    """Write the workspace's dossier.json (or one event's) and the reports, as 'rashomon analyze' does, with each claim cluster's history."""
    from .api import write_dossier
    from .report import write_reports

    settings = _load_or_exit(None, None, {"output": {**({"formats": [f.value for f in fmt]} if fmt else {})}})
    con = Console(quiet=quiet)
    store = _open_store_or_exit(db)
    try:
        if store.needs_linking():
            con.print("note: the last add was cut off; the workspace is linked again first", highlight=False)
            store.relink(settings)
        try:
            dossier = store.histories(store.dossier(event))
        except KeyError as e:
            typer.echo(f"error: {e.args[0]}; known events: {', '.join(ev.id for ev in store.events()) or 'none'}", err=True)
            raise typer.Exit(EXIT_USAGE)
    finally:
        store.close()
    written = [write_dossier(dossier, out / "dossier.json")]
    written += write_reports(dossier, out, _formats([OutputFormat(f) for f in settings.output.formats]) - {"json"})
    for p in written:
        con.print(f"wrote {p}", highlight=False)


@app.command()
def events(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)):
    """List the events of the workspace: stable id, articles, dates, label."""
    store = _open_store_or_exit(db)
    try:
        for ev in store.events():
            dates = (ev.first_date or "?") if ev.first_date == ev.last_date else f"{ev.first_date or '?'}..{ev.last_date or '?'}"
            typer.echo(f"{ev.id}\t{ev.n_articles}\t{dates}\t{ev.label}")
    finally:
        store.close()


@app.command()
def schema(out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the schema to this file instead of standard output.")):
    """Print the JSON Schema of dossier.json (rashomon.dossier/1)."""
    from .models import dossier_schema

    text = json.dumps(dossier_schema(), indent=1)
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        typer.echo(text)


@app.command()
def report(
    dossier_path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A dossier.json written by 'rashomon analyze'."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Directory for the reports (default: the dossier's directory)."),
    fmt: List[OutputFormat] = typer.Option([OutputFormat.all], "--format", "-f", case_sensitive=False, help="html, md, csv or all; repeat for several."),
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="Print nothing but errors."),
):
    """Render report.html, report.md and claims.csv again from a saved dossier."""
    from .api import load_dossier
    from .errors import NotADossier
    from .report import write_reports

    con = Console(quiet=quiet)
    try:
        dossier = load_dossier(dossier_path)
    except (OSError, ValueError) as e:  # unreadable, not JSON, or not the dossier schema (pydantic's errors are ValueErrors)
        err = NotADossier(path=str(dossier_path), reason=f"{type(e).__name__}: {str(e)[:200]}")
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE)
    for p in write_reports(dossier, out or dossier_path.parent, _formats(fmt) - {"json"}):
        con.print(f"wrote {p}", highlight=False)


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="The workspace: a path or URL (sqlite:///PATH, postgresql://...); default ./rashomon.db."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Off loopback, reads need the token too unless --public."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="RASHOMON_TOKEN", show_envvar=True,
                                        help="The token that allows adding articles (and reading, off loopback). Without one the app is read-only."),
    public: bool = typer.Option(False, "--public", metavar="", help="Off loopback, let anyone read without the token (writes still need it)."),
):
    """Serve the workspace: its events, dossiers, claims and search in a browser, and a JSON API (/docs)."""
    from .web import serve as run_server
    from .web.access import is_loopback

    if not token and not public and not is_loopback(host):
        typer.echo(f"error: {host} is not a loopback address: give --token (or RASHOMON_TOKEN) so readers can sign in, "
                   "or --public to let anyone read", err=True)
        raise typer.Exit(EXIT_USAGE)
    if not token:
        typer.echo("note: no token (--token or RASHOMON_TOKEN): the app is read-only", err=True)
    run_server(db, host=host, port=port, token=token, public=public)


@app.command("settings")
def settings_cmd(markdown: bool = typer.Option(False, "--markdown", help="Print docs/SETTINGS.md (a Markdown table) instead of the plain list.")):
    """List every setting with its default and what it does (defaults: src/rashomon/data/settings.yaml)."""
    from .settings import describe, settings_markdown

    if markdown:
        typer.echo(settings_markdown(), nl=False)
        return
    for key, tname, default, doc in describe():
        typer.echo(f"{key} = {json.dumps(default)}  ({tname}) {doc}")


if __name__ == "__main__":  # pragma: no cover
    app()
