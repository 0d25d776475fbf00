// Draws the dashboard's charts from the JSON block the server rendered (no inline script: the CSP forbids it).
(function () {
  'use strict';
  const source = document.getElementById('dashboard-data');
  if (!source || typeof Chart === 'undefined') { return; }
  const data = JSON.parse(source.textContent);
  const charts = {};

  function tooltipWithN(series) {
    return { callbacks: { label: (ctx) => `${ctx.formattedValue} (N=${series.n[ctx.dataIndex]})` } };
  }

  data.indicators.forEach((indicator) => {
    const canvas = document.querySelector(`canvas[data-trend="${CSS.escape(indicator.code)}"]`);
    if (!canvas) { return; }
    charts[`trend-${indicator.code}`] = new Chart(canvas, {
      type: 'line',
      data: { labels: data.years, datasets: [{ label: indicator.unit, data: indicator.values, spanGaps: false, tension: 0.2 }] },
      options: { animation: false, plugins: { legend: { display: false }, tooltip: tooltipWithN(indicator) } },
    });
  });

  const growth = document.getElementById('growth-chart');
  if (growth) {
    charts['growth-chart'] = new Chart(growth, {
      type: 'bar',
      data: {
        labels: data.indicators.map((i) => i.name),
        datasets: [{ label: data.labels.growth + ' (%)', data: data.indicators.map((i) => i.cagr) }],
      },
      options: { animation: false, indexAxis: 'y', plugins: { legend: { display: false } } },
    });
  }

  const regions = document.getElementById('region-chart');
  if (regions) {
    charts['region-chart'] = new Chart(regions, {
      type: 'line',
      data: { labels: data.years, datasets: data.regions.map((r) => ({ label: r.name, data: r.values, tension: 0.2 })) },
      options: {
        animation: false,
        plugins: { tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.formattedValue} (N=${data.regions[ctx.datasetIndex].n[ctx.dataIndex]})` } } },
      },
    });
  }

  document.querySelectorAll('[data-download]').forEach((button) => {
    button.addEventListener('click', () => {
      const chart = charts[button.dataset.download];
      if (!chart) { return; }
      const link = document.createElement('a');
      link.href = chart.toBase64Image();
      link.download = `${button.dataset.download}.png`;
      link.click();
    });
  });
})();
