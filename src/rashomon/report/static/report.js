/* rashomon report: renders article bodies on demand and highlights evidence spans.
   Article text is only ever inserted with textContent / text nodes, never as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("rashomon-data").textContent);

  function render(id, s, e) {
    var art = DATA.articles[id];
    var box = document.querySelector('[data-body="' + CSS.escape(id) + '"]');
    if (!art || !box) return null;
    box.textContent = "";
    var text = art.text, mark = null;
    if (s != null && e != null && s >= 0 && e <= text.length && s < e) {
      box.appendChild(document.createTextNode(text.slice(0, s)));
      mark = document.createElement("mark");
      mark.textContent = text.slice(s, e);
      box.appendChild(mark);
      box.appendChild(document.createTextNode(text.slice(e)));
    } else {
      box.appendChild(document.createTextNode(text));
    }
    box.dataset.rendered = "1";
    var list = document.querySelector('[data-removed="' + CSS.escape(id) + '"]');
    if (list && !list.dataset.rendered) {
      art.removed.forEach(function (r) {
        var li = document.createElement("li");
        var tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = r.reason;
        li.appendChild(tag);
        li.appendChild(document.createTextNode(" " + r.text));
        list.appendChild(li);
      });
      list.dataset.rendered = "1";
    }
    return mark;
  }

  var back = document.createElement("button");
  back.type = "button";
  back.className = "back";
  back.textContent = "\u2190 Back";
  back.hidden = true;
  document.body.appendChild(back);
  var backY = null;
  back.addEventListener("click", function () {
    if (backY !== null) window.scrollTo(0, backY);
    back.hidden = true;
    backY = null;
  });

  function open(id, s, e) {
    var det = document.getElementById("art-" + id);
    if (!det) return;
    backY = window.scrollY;
    back.hidden = false;
    det.open = true;
    var mark = render(id, s, e);
    var target = mark || det;
    requestAnimationFrame(function () {
      target.scrollIntoView({ block: mark ? "center" : "start", behavior: "auto" });
      if (mark) { mark.classList.add("flash"); }
    });
    if (history.replaceState) history.replaceState(null, "", "#art-" + id);
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest(".ev[data-a], a[data-open]");
    if (!a) return;
    ev.preventDefault();
    if (a.dataset.open) { open(a.dataset.open); return; }
    open(a.dataset.a, parseInt(a.dataset.s, 10), parseInt(a.dataset.e, 10));
  });

  document.querySelectorAll("details.article").forEach(function (d) {
    d.addEventListener("toggle", function () {
      var box = d.querySelector("[data-body]");
      if (d.open && box && !box.dataset.rendered) render(d.dataset.id);
    });
  });

  if (location.hash && location.hash.indexOf("#art-") === 0) open(decodeURIComponent(location.hash.slice(5)));
})();
