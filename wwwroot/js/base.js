// The base page's chart: the base against the national mean and its type's mean, for the chosen indicator.
(function () {
  'use strict';
  const source = document.getElementById('base-data');
  const canvas = document.getElementById('base-chart');
  const select = document.getElementById('base-indicator');
  if (!source || !canvas || !select || typeof Chart === 'undefined') { return; }
  const data = JSON.parse(source.textContent);
  const chart = new Chart(canvas, { type: 'line', data: { labels: data.years, datasets: [] }, options: { animation: false } });

  function show(code) {
    const indicator = data.indicators.find((i) => i.code === code) || data.indicators[0];
    if (!indicator) { return; }
    chart.data.datasets = [
      { label: data.labels.self, data: indicator.self, borderWidth: 3 },
      { label: data.labels.national, data: indicator.national, borderDash: [6, 4] },
      { label: data.labels.type, data: indicator.type, borderDash: [2, 2] },
    ];
    chart.update();
  }

  select.addEventListener('change', () => show(select.value));
  document.getElementById('base-chart-download')?.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = chart.toBase64Image();
    link.download = `base-${select.value}.png`;
    link.click();
  });
  show(select.value);
})();
