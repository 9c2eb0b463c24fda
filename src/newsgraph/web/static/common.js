/* newsgraph UI helpers shared by every page. No inline code anywhere: the CSP forbids it. */
"use strict";
window.NG = (function () {
  const TYPE_COLOURS = {
    ASSAULT: "#c0392b", COERCE: "#d35400", PROTEST: "#8e44ad", MOBILIZE: "#2c3e50",
    SANCTION: "#7f8c8d", THREATEN: "#e67e22", ACCUSE: "#b9770e", REJECT: "#6c3483",
    REQUEST: "#1f618d", CONSULT: "#148f77", AGREE: "#27ae60", SUPPORT: "#2e86c1",
    COOPERATE: "#17a589", AID: "#52be80", CONCEDE: "#5dade2", RETREAT: "#a9cce3",
  };
  function colour(type) {
    if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
    let h = 0;
    for (const ch of String(type)) h = (h * 31 + ch.charCodeAt(0)) % 360;
    return "hsl(" + h + ",55%,45%)";
  }
  /* Read a JSON data block written by the server (never executed). */
  function data(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  /* Set or remove URL query parameters without reloading: every view state is a permalink. */
  function setParams(changes) {
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === "") url.searchParams.delete(k);
      else url.searchParams.set(k, v);
    }
    window.history.replaceState(null, "", url.pathname + url.search);
  }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  /* Keyboard: Enter on a focusable row or span acts like a click. */
  document.addEventListener("keydown", function (ev) {
    const t = ev.target;
    if (ev.key === "Enter" && t instanceof HTMLElement && t.matches("tr[tabindex], span.ann")) {
      t.click();
    }
  });
  return { colour: colour, data: data, setParams: setParams, el: el };
})();
