// Shared helpers. Data comes from <script type="application/json"> blocks; text goes in via textContent only.
"use strict";
window.newsgraph = {
  data(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  },
  palette: ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"],
  typeColors: { PERSON: "#aa9cfc", ORG: "#7aecec", GPE: "#feca74", LOC: "#ff9561", NORP: "#c887fb" },
  // A real date axis (Chart.js `time` scale through the vendored date-fns adapter): periods are
  // placed by their dates, so a quiet stretch is empty axis. `by` is the period the bars count;
  // `axis` ({min, max}) runs from one period before the first bar to one after the last.
  timeScale(by, axis) {
    const formats = { day: "d MMM yyyy", week: "'week of' d MMM yyyy", month: "MMM yyyy", year: "yyyy" };
    return {
      type: "time", offset: true, stacked: true, min: axis ? axis.min : undefined, max: axis ? axis.max : undefined,
      // ticks one period apart: Chart.js sizes a bar by the closest ticks or points, so each bar is one period wide
      time: { parser: "yyyy-MM-dd", unit: by, tooltipFormat: formats[by] || formats.day, isoWeekday: true },
      ticks: { maxRotation: 0, autoSkip: true },
      title: { display: true, text: by === "week" ? "weeks (each bar starts on a Monday)" : by + "s" },
    };
  },
  countScale() {
    return { stacked: true, beginAtZero: true, ticks: { precision: 0 } };
  },
};
