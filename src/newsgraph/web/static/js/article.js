// Article page: #q-3 (quote 3) or #e-5 (event 5) scrolls to the fact's sentence and highlights it:
// every piece of the attribution (speaker, cue, content) or of the event's sentence, and its table row.
"use strict";
(function () {
  const FACT = /^#([qe])-(\d+)$/;

  function focusFact() {
    document.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
    const match = FACT.exec(window.location.hash);
    const note = document.getElementById("focus-note");
    if (!match) { if (note) note.hidden = true; return; }
    const [, kind, idx] = match;
    const pieces = document.querySelectorAll(`#article-text [data-${kind}s~="${idx}"]`);
    pieces.forEach((el) => el.classList.add("focus"));
    const row = document.getElementById(`${kind}-${idx}-row`);
    if (row) row.classList.add("focus");
    const target = pieces[0] || document.getElementById(`${kind}-${idx}`) || row;
    if (target) target.scrollIntoView({ block: "center" });
    if (note) {
      note.textContent = `Highlighted: ${kind === "q" ? "quote" : "event"} ${idx}` +
        (pieces.length ? "." : " (its span is not in the text; see its row below).");
      note.hidden = false;
    }
  }

  window.addEventListener("hashchange", focusFact);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusFact);
  else focusFact();
})();
