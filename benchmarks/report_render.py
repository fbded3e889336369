"""Report size and render speed for a 50-article dossier.

    python benchmarks/report_render.py [--data DIR] [--split SPLIT] [--json OUT.json] [--articles 50] [--dossier D.json]

The dossier: the articles in ``--data`` (default: the repository's ``examples/kursk``, five seed
articles) analysed once, then replicated with fresh ids until it holds ``--articles`` articles
(every copy keeps its claims, quantities, times, attributions; copies join the same clusters, so
the claim matrix, framing and timeline grow as they would with more outlets). ``--dossier`` starts
from a saved dossier.json instead of analysing.

Measures: report.html size in bytes, Python render time, and in headless Chromium
(``/usr/bin/chromium``): time to the load event, time to scroll to the bottom in 400 px steps
(one animation frame each), the number of DOM elements, and the time from a click on a claim to
its highlighted evidence painted (two animation frames, measured in the page). Exits 0 with a message when the data or Chromium is absent.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, finish

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def replicate(d, n: int):
    """A dossier of ``n`` articles made of copies of ``d``'s articles (ids suffixed ``~k``)."""
    from rashomon.models import Dossier

    base = d.model_copy(deep=True)
    out = base.model_copy(deep=True)
    k = 1
    idx = len(out.articles)
    while len(out.articles) < n:
        suf = f"~{k}"
        for a in base.articles:
            if len(out.articles) >= n:
                break
            aid = a.id
            na = a.model_copy(deep=True, update={"id": aid + suf, "index": idx, "outlet": (a.outlet + f" ({k + 1})") if a.outlet else None})
            idx += 1
            out.articles.append(na)
            for lst in ("claims", "quantities", "times", "attributions"):
                for r in getattr(base, lst):
                    if r.article == aid:
                        upd = {"id": r.id + suf, "article": aid + suf}
                        if lst == "claims":
                            upd["times"] = [t + suf for t in r.times]
                            upd["quantities"] = [q + suf for q in r.quantities]
                        getattr(out, lst).append(r.model_copy(deep=True, update=upd))
            for kl in out.clusters:
                orig = [c for c in kl.claims if "~" not in c and any(x.id == c and x.article == aid for x in base.claims)]
                kl.claims += [c + suf for c in orig]
                if orig:
                    kl.articles.append(aid + suf)
            for f in out.framing:
                if aid in f.terms:
                    f.terms[aid + suf] = list(f.terms[aid])
            if aid in base.distinctive_words:
                out.distinctive_words[aid + suf] = list(base.distinctive_words[aid])
            for ev in out.events:
                if aid in ev.articles:
                    ev.articles.append(aid + suf)
        k += 1
    return Dossier.model_validate(out.model_dump())


def browser_metrics(path: Path, claim) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = b.new_page(viewport={"width": 1366, "height": 900})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        load_s = time.perf_counter() - t0
        nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : null; })()")
        scroll_ms = page.evaluate("""async () => {
            const t0 = performance.now(); let y = 0; const H = document.documentElement.scrollHeight;
            while (y < H) { y += 400; window.scrollTo(0, y); await new Promise(r => requestAnimationFrame(r)); }
            return performance.now() - t0; }""")
        frames = page.evaluate("document.documentElement.scrollHeight / 400")
        dom = page.evaluate("document.getElementsByTagName('*').length")
        page.evaluate("window.scrollTo(0, 0)")
        sel = f'.ev[data-a="{claim.article}"][data-s="{claim.start}"]'
        click_ms = page.evaluate("""async (sel) => {
            const el = document.querySelector(sel); const t0 = performance.now(); el.click();
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const ok = document.querySelector('mark'); return ok ? performance.now() - t0 : null; }""", sel)
        outside = [u for u in requests if not u.startswith("file:")]
        b.close()
    return {"load_ms": round(load_s * 1000, 1), "load_event_ms": round(nav, 1) if nav else None, "scroll_to_bottom_ms": round(scroll_ms, 1),
            "scroll_ms_per_step": round(scroll_ms / max(frames, 1), 2), "dom_elements": dom, "click_to_evidence_ms": round(click_ms, 1) if click_ms is not None else None,
            "network_requests": len(outside)}


def main() -> None:
    ap = argparse.ArgumentParser(prog="benchmarks/report_render.py", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "examples" / "kursk", help="articles to analyse (default examples/kursk)")
    ap.add_argument("--split", default="kursk-replicated")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--dossier", type=Path, default=None, help="start from this dossier.json instead of analysing --data")
    args = ap.parse_args()
    args.name = "report_render"
    args.t0 = time.perf_counter()
    if args.dossier is None and not args.data.exists():
        print(f"report_render: data folder {args.data} is absent; nothing to measure.")
        return
    if not os.path.exists(CHROMIUM):
        print(f"report_render: {CHROMIUM} is absent (apt-get install -y chromium); nothing to measure.")
        return
    import rashomon
    from rashomon.report import render_html

    if args.dossier:
        base = rashomon.load_dossier(args.dossier)
    else:
        base = rashomon.analyze([args.data], jobs=1)
    d = replicate(base, args.articles)
    t = time.perf_counter()
    html = render_html(d)
    render_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(html, encoding="utf-8")
        claim = next((c for c in d.claims if c.cluster), d.claims[0]) if d.claims else None
        metrics = {"articles": len(d.articles), "claims": len(d.claims), "report_bytes": len(html.encode("utf-8")),
                   "python_render_ms": round(render_s * 1000, 1)}
        if claim is not None:
            metrics.update(browser_metrics(path, claim))
    finish(args, metrics, len(d.articles), title=f"report_render ({len(d.articles)} articles from {args.dossier or args.data})")


if __name__ == "__main__":
    sys.exit(main())
