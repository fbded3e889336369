// rashomon serve: the add page (drop files, paste text or JSONL, follow the job's progress).
// Everything a server or an article sends is shown with textContent: nothing is parsed as HTML.
"use strict";
(function () {
  const form = document.getElementById("add");
  if (!form) return;
  const drop = document.getElementById("drop"), input = document.getElementById("files"), picked = document.getElementById("picked");
  const pasted = document.getElementById("pasted"), token = document.getElementById("token");
  const job = document.getElementById("job"), bar = document.getElementById("bar"), state = document.getElementById("jobstate");
  const count = document.getElementById("jobcount"), errs = document.getElementById("joberrors"), done = document.getElementById("jobdone");
  let files = [];
  token.value = sessionStorage.getItem("rashomon-token") || "";

  function show() {
    picked.replaceChildren(...files.map(f => { const li = document.createElement("li"); li.textContent = f.name + " (" + f.size + " bytes)"; return li; }));
  }
  input.addEventListener("change", () => { files = files.concat(Array.from(input.files)); show(); });
  ["dragenter", "dragover"].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.remove("over"); }));
  drop.addEventListener("drop", e => { files = files.concat(Array.from(e.dataTransfer.files)); show(); });

  function looksLikeJsonl(text) {
    const lines = text.split(/\r?\n/).filter(l => l.trim());
    return lines.length > 0 && lines.every(l => l.trim().startsWith("{"));
  }

  function error(msg) {
    const li = document.createElement("li"); li.textContent = msg; errs.appendChild(li);
  }

  async function poll(id) {
    const r = await fetch("/api/jobs/" + encodeURIComponent(id), {headers: {"Authorization": "Bearer " + token.value}});
    const j = await r.json();
    state.textContent = j.state;
    count.textContent = j.done + " / " + j.total;
    bar.max = Math.max(1, j.total); bar.value = j.done;
    if (j.state === "done" || j.state === "failed") {
      errs.replaceChildren(); (j.errors || []).forEach(error);
      if (j.reason) error(j.reason);
      bar.value = j.state === "done" ? bar.max : j.done;
      job.dataset.state = j.state; done.hidden = false;
      return;
    }
    setTimeout(() => poll(id), 400);
  }

  form.addEventListener("submit", async e => {
    e.preventDefault();
    sessionStorage.setItem("rashomon-token", token.value);
    const data = new FormData();
    files.forEach(f => data.append("files", f, f.name));
    const text = pasted.value.trim();
    if (text) data.append("files", new Blob([text], {type: "text/plain"}), looksLikeJsonl(text) ? "pasted.jsonl" : "pasted.txt");
    job.hidden = false; errs.replaceChildren(); done.hidden = true; delete job.dataset.state;
    if (!files.length && !text) { state.textContent = "nothing to add"; error("drop or choose a file, or paste text"); return; }
    state.textContent = "sending";
    const r = await fetch("/api/articles", {method: "POST", body: data, headers: {"Authorization": "Bearer " + token.value}});
    const j = await r.json().catch(() => ({detail: r.statusText}));
    if (r.status !== 202) { state.textContent = "refused (" + r.status + ")"; error(j.detail || r.statusText); job.dataset.state = "refused"; return; }
    files = []; show(); pasted.value = "";
    poll(j.job);
  });
})();
