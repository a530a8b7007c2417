// Actor page: the timeline on a date axis (Chart.js) and the counterpart network (Cytoscape.js).
"use strict";
(function () {
  const ng = window.newsgraph;
  const timeline = ng.data("timeline-data");
  const canvas = document.getElementById("timeline-chart");
  if (canvas && timeline && timeline.periods && window.Chart) {
    window.timelineChart = new Chart(canvas, {
      type: "bar",
      data: {
        datasets: timeline.datasets.map((d, i) => ({
          label: d.label, data: d.data, backgroundColor: ng.palette[i], stack: d.key.split("_")[0],
        })),
      },
      options: {
        animation: false, maintainAspectRatio: false,
        scales: { x: ng.timeScale(timeline.by, timeline.axis), y: ng.countScale() },
      },
    });
  }

  const graph = ng.data("graph-data");
  const container = document.getElementById("cy");
  if (container && graph && graph.counterparts && window.cytoscape) {
    const nodeMax = Math.max(1, ...graph.elements.filter((e) => !e.data.source && !e.data.center).map((e) => e.data.total));
    const edgeMax = Math.max(1, ...graph.elements.filter((e) => e.data.source).map((e) => e.data.total));
    const cy = cytoscape({
      container: container,
      elements: graph.elements,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
          "width": `mapData(total, 0, ${nodeMax}, 20, 46)`, "height": `mapData(total, 0, ${nodeMax}, 20, 46)`,
          "background-color": (n) => ng.typeColors[n.data("type")] || "#ccc", "border-width": 1, "border-color": "#555" } },
        { selector: "node[center = 1]", style: { "width": 52, "height": 52, "border-width": 3, "font-weight": "bold" } },
        { selector: "node[others]", style: { "shape": "round-rectangle", "background-color": "#e6e6e6", "border-style": "dashed",
                                              "font-style": "italic" } },
        { selector: "edge", style: {
          "label": "data(label)", "font-size": 9, "text-rotation": "autorotate", "text-background-color": "#fff",
          "text-background-opacity": 0.8, "curve-style": "bezier", "target-arrow-shape": "triangle",
          "width": `mapData(total, 1, ${edgeMax}, 1.5, 10)`, "line-color": "data(color)", "target-arrow-color": "data(color)",
          "opacity": 0.85 } },
        { selector: "node.hover", style: { "border-color": "#d62728", "border-width": 3 } },
      ],
      layout: { name: "concentric", concentric: (n) => (n.data("center") ? 2 : 1), levelWidth: () => 1,
                minNodeSpacing: 50, animate: false, padding: 30 },
    });
    cy.on("tap", "node", (evt) => {
      const node = evt.target;
      if (node.data("center")) return;
      if (node.data("others")) {
        const more = document.getElementById("counterparts-more");
        if (more) { more.open = true; more.scrollIntoView({ block: "start" }); }
        return;
      }
      window.location.href = "/actor/" + encodeURIComponent(node.id());
    });
    cy.on("mouseover", "node", (evt) => { evt.target.addClass("hover"); container.style.cursor = evt.target.data("center") ? "default" : "pointer"; });
    cy.on("mouseout", "node", (evt) => { evt.target.removeClass("hover"); container.style.cursor = "default"; });
    window.cy = cy; // for tests and for the console
  }
})();
