"""``render_markdown(dossier) -> str``: ``report.md`` for pasting into a newsroom document:
the articles, the summary with its citations, the disputes (question, positions, history with
quotes), the pairwise contradictions, and the claim
matrix as a table."""
from __future__ import annotations

from .leftout import plural
from .view import build_view

MAX_STEPS = 8  # statements listed per dispute position; the dossier holds them all


def _cell(s: str) -> str:
    return (s or "").replace("|", "\\|").replace("\n", " ").strip()


def render_markdown(dossier) -> str:
    v = build_view(dossier)
    out = [f"# {v['title']}", ""]
    c = v["counts"]
    lo = v["left_out"]
    if lo["headline"]:
        out += [f"**{lo['headline']}**", ""] + [f"- `{_cell(x['what'])}`: {_cell(x['why'])}" for x in lo["inputs"]] + [""]
    if lo["copies"]:
        out += [f"**Near copies, counted as one source: {len(lo['copies'])}**", ""] + [f"- {_cell(x['what'])}: {_cell(x['why'])}" for x in lo["copies"]] + [""]
    if lo["notes"]:
        out += [f"**Notes: {len(lo['notes'])}**", ""] + [f"- {_cell(x)}" for x in lo["notes"]] + [""]
    out.append(" · ".join([plural(c['articles'], 'article'), plural(c['claims'], 'claim'), plural(c['clusters'], 'claim cluster'),
                           plural(c['disputes'], 'dispute') + f" ({plural(c['contradictions'], 'pairwise contradiction')})"]))
    out += ["", "## Articles", "", "| Article | Published | Date from | Format |", "|---|---|---|---|"]
    for a in v["articles"]:
        name = a["label"] if a["outlet"] else a["name"]
        out.append(f"| {_cell(name)} (`{a['id']}`) | {a['published'] or 'unknown'} | {a['published_source'] or 'unknown'} | {a['format'] or '?'} |")
    if v["summary"]:
        out += ["", "## Summary", ""]
        for part in v["summary"]:
            out += [f"**{part['title']}.** " + " ".join(
                s["text"] + "".join(f"[^{x['id']}]" for x in s["cites"]) for s in part["sentences"]), ""]
        cited = {}
        for part in v["summary"]:
            for s in part["sentences"]:
                for x in s["cites"]:
                    cited[x["id"]] = x
        for cid, x in cited.items():
            who = x["speaker"] or "narration"
            out.append(f"[^{cid}]: {x['outlet']}, {who}: “{_cell(x['text'])}” (`{x['article']}` {x['start']}–{x['end']})")
    out += ["", "## Disputes", ""]
    if not v["disputes"]:
        out.append("No dispute was found between the sources.")
    for i, dp in enumerate(v["disputes"], 1):
        out.append(f"{i}. **{_cell(dp['question'])}** ({dp['type']})")
        for p in dp["positions"]:
            sides = ", ".join(s["name"] for s in p["sides"]) or "side unknown"
            when = p["first_date"] or "undated"
            if p["last_date"] and p["last_date"] != p["first_date"]:
                when += f" – {p['last_date']}"
            out.append(f"    - *{_cell(p['label'])}* — {sides}; sources: {_cell(', '.join(p['sources']))}; "
                       f"in {_cell(', '.join(p['outlets']))}; {when}")
            for h in p["history"][:MAX_STEPS]:
                who = h["speaker"] or "narration"
                out.append(f"        - {h['step']} {h['date'] or 'undated'}, {_cell(who)} ({_cell(h['outlet'] or '')}): "
                           f"“{_cell(h['text'])}” (`{h['article']}` {h['start']}–{h['end']})")
            if len(p["history"]) > MAX_STEPS:
                out.append(f"        - and {len(p['history']) - MAX_STEPS} more statements (see dossier.json)")
        n_up = len(dp["updates"])
        out.append(f"    - pairwise: {len(dp['relations'])} contradictions between sides"
                   + (f", {n_up} revisions by one side" if n_up else ""))
    out += ["", "## Pairwise contradictions", ""]
    if not v["contested"]:
        out.append("No contradiction was found.")
    for i, r in enumerate(v["contested"], 1):
        out.append(f"{i}. **{_cell(r['explanation'])}**")
        for side in (r["a"], r["b"]):
            who = side["speaker"] or "the outlet"
            cue = f" {side['cue']}" if side["cue"] else ""
            out.append(f"    - {who}{cue} ({side['outlet']}): “{_cell(side['text'])}”")
    m = v["matrix"]
    out += ["", "## Claim matrix", ""]
    if m["rows"]:
        out.append("| Claim | " + " | ".join(_cell(col["label"]) for col in m["columns"]) + " |")
        out.append("|---|" + "---|" * len(m["columns"]))
        for r in m["rows"]:
            label = ("**contested** " if r["contested"] else "") + _cell(r["label"])
            out.append(f"| {label} | " + " | ".join(cell["status"] for cell in r["cells"]) + " |")
    else:
        out.append("No claim is carried by two or more articles.")
    if v["numbers"]["checks"]:
        out += ["", "## Numeric cross-checks", ""]
        for ch in v["numbers"]["checks"]:
            out.append(f"- **{ch['type']}**: {_cell(ch['explanation'])}")
    out.append("")
    return "\n".join(out)
