// Actor page: the timeline (Chart.js) and the counterpart network (Cytoscape.js).
"use strict";
(function () {
  const ng = window.newsgraph;
  const timeline = ng.data("timeline-data");
  const canvas = document.getElementById("timeline-chart");
  if (canvas && timeline && timeline.labels.length && window.Chart) {
    window.timelineChart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: timeline.labels,
        datasets: timeline.datasets.map((d, i) => ({ label: d.label, data: d.data, backgroundColor: ng.palette[i], stack: d.key.split("_")[0] })),
      },
      options: {
        animation: false, maintainAspectRatio: false,
        scales: { x: { stacked: true, title: { display: true, text: "week starting" } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  const graph = ng.data("graph-data");
  const container = document.getElementById("cy");
  if (container && graph && graph.counterparts && window.cytoscape) {
    const cy = cytoscape({
      container: container,
      elements: graph.elements,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
          "width": "mapData(total, 0, 10, 22, 44)", "height": "mapData(total, 0, 10, 22, 44)",
          "background-color": (n) => ng.typeColors[n.data("type")] || "#ccc", "border-width": 1, "border-color": "#555" } },
        { selector: "node[center = 1]", style: { "width": 50, "height": 50, "border-width": 3, "font-weight": "bold" } },
        { selector: "edge", style: {
          "label": "data(label)", "font-size": 9, "text-rotation": "autorotate", "text-background-color": "#fff",
          "text-background-opacity": 0.8, "curve-style": "bezier", "target-arrow-shape": "triangle",
          "width": "mapData(total, 1, 10, 1.5, 8)", "line-color": "#8a8a8a", "target-arrow-color": "#8a8a8a" } },
        { selector: "node.hover", style: { "border-color": "#d62728", "border-width": 3 } },
      ],
      layout: { name: "concentric", concentric: (n) => (n.data("center") ? 2 : 1), levelWidth: () => 1,
                minNodeSpacing: 50, animate: false, padding: 30 },
    });
    cy.on("tap", "node", (evt) => {
      const id = evt.target.id();
      if (!evt.target.data("center")) window.location.href = "/actor/" + encodeURIComponent(id);
    });
    cy.on("mouseover", "node", (evt) => { evt.target.addClass("hover"); container.style.cursor = evt.target.data("center") ? "default" : "pointer"; });
    cy.on("mouseout", "node", (evt) => { evt.target.removeClass("hover"); container.style.cursor = "default"; });
    window.cy = cy; // for tests and for the console
  }
})();
