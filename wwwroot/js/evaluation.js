// The evaluation's charts: level against growth on the results page, contributions on a base's scorecard.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }

  const quadrant = document.getElementById('quadrant-data');
  const quadrantCanvas = document.getElementById('quadrant-chart');
  if (quadrant && quadrantCanvas) {
    const data = JSON.parse(quadrant.textContent);
    new Chart(quadrantCanvas, {
      type: 'scatter',
      data: { datasets: data.groups.map((g) => ({ label: g.label, data: g.points })) },
      options: {
        animation: false,
        scales: { x: { title: { display: true, text: data.labels.x } }, y: { title: { display: true, text: data.labels.y } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.raw.code}: ${c.raw.x}, ${c.raw.y}` } } },
      },
    });
  }

  const contributions = document.getElementById('contributions-data');
  const contributionsCanvas = document.getElementById('contributions-chart');
  if (contributions && contributionsCanvas) {
    const data = JSON.parse(contributions.textContent);
    new Chart(contributionsCanvas, {
      type: 'bar',
      data: {
        labels: data.items,
        datasets: [{ label: data.labels.self, data: data.self }, { label: data.labels.median, data: data.median }],
      },
      options: { animation: false, indexAxis: 'y' },
    });
  }
})();
