// Relation page: events per type and direction over time (Chart.js).
"use strict";
(function () {
  const ng = window.newsgraph;
  const series = ng.data("relation-data");
  const canvas = document.getElementById("relation-chart");
  if (!canvas || !series || !series.labels.length || !window.Chart) return;
  window.relationChart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: series.labels,
      datasets: series.datasets.map((d, i) => ({ label: d.label, data: d.data, backgroundColor: ng.palette[i % ng.palette.length] })),
    },
    options: { animation: false, maintainAspectRatio: false,
               scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();
