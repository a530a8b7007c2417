// Relation page: events per type and direction on a date axis (Chart.js), one stack per direction.
"use strict";
(function () {
  const ng = window.newsgraph;
  const series = ng.data("relation-data");
  const canvas = document.getElementById("relation-chart");
  if (!canvas || !series || !series.periods || !window.Chart) return;
  const types = [...new Set(series.datasets.map((d) => d.type))].sort();
  window.relationChart = new Chart(canvas, {
    type: "bar",
    data: {
      datasets: series.datasets.map((d) => {
        const color = ng.palette[types.indexOf(d.type) % ng.palette.length];
        // the second direction is drawn hatched-light so the two stacks read apart
        return { label: d.label, data: d.data, stack: d.direction, borderColor: color, borderWidth: 1,
                 backgroundColor: d.direction === "a->b" ? color : color + "66" };
      }),
    },
    options: { animation: false, maintainAspectRatio: false,
               scales: { x: ng.timeScale(series.by, series.axis), y: ng.countScale() } },
  });
})();
