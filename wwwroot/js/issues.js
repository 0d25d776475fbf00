// The issue summary's chart: counts by category and year, from the page's JSON block.
(function () {
  'use strict';
  const source = document.getElementById('issues-data');
  const canvas = document.getElementById('issues-chart');
  if (!source || !canvas || typeof Chart === 'undefined') { return; }
  const data = JSON.parse(source.textContent);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: data.years, datasets: data.categories.map((c) => ({ label: c.name, data: c.counts })) },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  });
  document.querySelectorAll('[data-download="issues-chart"]').forEach((button) => button.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = chart.toBase64Image();
    link.download = 'issues-chart.png';
    link.click();
  }));
})();
