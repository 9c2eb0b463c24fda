/* Article view: click a highlight (or a list entry, or a source-chain link) to see its evidence;
   toggle layers. State (?ann=…&hide=…) is kept in the URL. */
"use strict";
(function () {
  const anns = NG.data("ng-anns") || {};
  const text = document.getElementById("article-text");
  const spans = Array.from(text.querySelectorAll("span.ann"));
  const body = document.getElementById("details-body");
  const empty = document.getElementById("details-empty");

  function show(ids) {
    body.replaceChildren();
    empty.hidden = ids.length > 0;
    for (const id of ids) {
      const a = anns[id];
      if (!a) continue;
      const card = NG.el("div", "card k-" + a.kind);
      card.dataset.ann = id;
      card.appendChild(NG.el("h3", null, a.kind + ": " + a.label));
      const dl = NG.el("dl");
      const add = (k, v) => { dl.appendChild(NG.el("dt", null, k)); dl.appendChild(NG.el("dd", null, v)); };
      add("stage", a.stage || "unknown");
      add("confidence", a.confidence === null ? "n/a" : Number(a.confidence).toFixed(2));
      for (const [k, v] of Object.entries(a.details)) {
        if (k === "evidence") continue;
        add(k, Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v));
      }
      const ev = a.details.evidence || [];
      add("evidence", ev.length ? ev.map((s, i) => "“" + (a.evidence_text[i] || "") + "” [" + s[0] + "–" + s[1] + "]").join("; ") : "none");
      card.appendChild(dl);
      body.appendChild(card);
    }
  }
  function covering(id) {
    return spans.filter((s) => s.dataset.anns.split(" ").includes(id));
  }
  function select(id, scroll) {
    for (const s of text.querySelectorAll(".selected")) s.classList.remove("selected");
    const hit = covering(id);
    for (const s of hit) s.classList.add("selected");
    if (scroll && hit.length) hit[0].scrollIntoView({ block: "center" });
    show([id]);
    NG.setParams({ ann: id });
  }
  for (const s of spans) {
    s.addEventListener("click", () => {
      const ids = s.dataset.anns.split(" ").filter((i) => !document.body.classList.contains("hide-" + (anns[i] || {}).kind));
      for (const x of text.querySelectorAll(".selected")) x.classList.remove("selected");
      s.classList.add("selected");
      show(ids);
      NG.setParams({ ann: ids[0] || null });
    });
    s.addEventListener("mouseenter", () => {
      if (!s.title) s.title = s.dataset.anns.split(" ").map((i) => anns[i] ? anns[i].kind + ": " + anns[i].label + (anns[i].confidence === null ? "" : " (" + Number(anns[i].confidence).toFixed(2) + ")") : "").join("\n");
    });
  }
  for (const b of document.querySelectorAll("[data-ann]")) {
    if (b.tagName === "BUTTON") b.addEventListener("click", () => select(b.dataset.ann, true));
  }
  const hidden = new Set((new URL(window.location.href).searchParams.get("hide") || "").split(",").filter(Boolean));
  for (const box of document.querySelectorAll("#layers input[data-kind]")) {
    const kind = box.dataset.kind;
    box.checked = !hidden.has(kind);
    document.body.classList.toggle("hide-" + kind, hidden.has(kind));
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(kind); else hidden.add(kind);
      document.body.classList.toggle("hide-" + kind, !box.checked);
      NG.setParams({ hide: [...hidden].sort().join(",") });
    });
  }
  const start = new URL(window.location.href).searchParams.get("ann");
  if (start && anns[start]) select(start, true);
})();
