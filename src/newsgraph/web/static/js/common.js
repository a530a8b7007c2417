// Shared helpers. Data comes from <script type="application/json"> blocks; text goes in via textContent only.
"use strict";
window.newsgraph = {
  data(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  },
  palette: ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"],
  typeColors: { PERSON: "#aa9cfc", ORG: "#7aecec", GPE: "#feca74", LOC: "#ff9561", NORP: "#c887fb" },
};
