// The scheme editor: a form over the scheme's JSON. Every change is written back into the JSON text area, which is
// what the form posts (and what the server checks); the AHP matrices show their consistency ratio as they are typed,
// computed by the server (one formula, in the Domain).
(function () {
  'use strict';
  const root = document.getElementById('scheme-editor');
  const text = document.getElementById('scheme-json');
  const source = document.getElementById('scheme-editor-data');
  if (!root || !text || !source) { return; }
  const { labels, indicators, ahpUrl } = JSON.parse(source.textContent);
  const t = (key) => labels[key] || key;
  let scheme;
  try { scheme = JSON.parse(text.value); } catch {
    root.append(el('p', { class: 'alert alert-warning', 'data-json-unreadable': '' }, t('Schemes.JsonUnreadable')));
    return;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) { node.setAttribute(k, v); } });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  let ids = 0;
  function field(label, control) {
    const id = `scheme-field-${++ids}`;
    control.id = id;
    control.classList.add(control.tagName === 'SELECT' ? 'form-select' : 'form-control', 'form-control-sm');
    return el('div', { class: 'col-auto' }, el('label', { class: 'form-label small mb-0', for: id }, label), control);
  }

  function input(object, key, kind, name) {
    const control = el('input', { type: 'text', inputmode: kind === 'number' ? 'decimal' : null, 'data-field': name });
    control.value = object[key] ?? '';
    control.addEventListener('input', () => {
      const value = control.value.trim();
      object[key] = kind === 'number' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
      write();
    });
    return control;
  }

  function select(object, key, options, name, onChange) {
    const control = el('select', { 'data-field': name }, options.map(([value, label]) => el('option', { value }, label)));
    control.value = object[key] ?? options[0][0];
    control.addEventListener('change', () => { object[key] = control.value; write(); if (onChange) { onChange(); } });
    return control;
  }

  function write() { text.value = JSON.stringify(scheme, null, 2); }

  const weightingOptions = (withEntropy) => [['given', t('Scheme.Weighting.Given')], ['equal', t('Scheme.Weighting.Equal')]]
    .concat(withEntropy ? [['entropy', t('Scheme.Weighting.Entropy')]] : []).concat([['ahp', t('Scheme.Weighting.Ahp')]]);

  // A weighting: a select, and for AHP the matrix (upper triangle typed, lower filled with the reciprocals) and its CR.
  function weighting(owner, key, count, withEntropy, name) {
    const box = el('div', { class: 'col-12' });
    const current = () => (owner[key] && typeof owner[key] === 'object' && owner[key].ahp ? 'ahp' : owner[key] || 'given');
    const choice = el('select', { 'data-field': name }, weightingOptions(withEntropy).map(([v, l]) => el('option', { value: v }, l)));
    choice.value = current();
    choice.addEventListener('change', () => {
      owner[key] = choice.value === 'ahp' ? { ahp: identity(count()) } : choice.value;
      write();
      draw();
    });
    const matrixBox = el('div', { class: 'mt-2' });
    function draw() {
      matrixBox.replaceChildren();
      if (current() !== 'ahp') { return; }
      const n = count();
      let m = owner[key].ahp;
      if (!Array.isArray(m) || m.length !== n) { m = owner[key].ahp = identity(n); write(); }
      const status = el('p', { class: 'small mb-0', 'data-cr': '', 'aria-live': 'polite' });
      const table = el('table', { class: 'table table-sm table-bordered w-auto mb-1', 'data-matrix': name });
      for (let i = 0; i < n; i++) {
        const row = el('tr');
        for (let j = 0; j < n; j++) {
          const cell = el('td');
          if (j > i) {
            const entry = el('input', { class: 'form-control form-control-sm', size: '4', 'aria-label': `${t('Schemes.Matrix')} ${i + 1}, ${j + 1}`, 'data-entry': `${i}-${j}` });
            entry.value = String(m[i][j]);
            entry.addEventListener('input', () => { m[i][j] = entry.value.trim(); m[j][i] = reciprocal(entry.value.trim()); write(); check(); refill(); });
            cell.append(entry);
          } else {
            cell.append(el('span', { 'data-entry': `${i}-${j}` }, String(m[i][j])));
          }
          row.append(cell);
        }
        table.append(row);
      }
      function refill() { table.querySelectorAll('span[data-entry]').forEach((s) => { const [i, j] = s.dataset.entry.split('-'); s.textContent = String(m[i][j]); }); }
      let pending;
      function check() {
        clearTimeout(pending);
        status.textContent = t('Schemes.Checking');
        pending = setTimeout(async () => {
          const answer = await fetch(`${ahpUrl}?matrix=${encodeURIComponent(m.map((r) => r.join(',')).join(';'))}`, { headers: { Accept: 'application/json' } });
          const body = await answer.json();
          status.className = `small mb-0 ${body.ok ? 'text-success' : 'text-danger'}`;
          status.textContent = body.crText !== null && body.crText !== undefined
            ? `CR = ${body.crText} ${body.ok ? t('Schemes.Consistent') : t('Schemes.Inconsistent')}` : body.problems.join(' ');
          if (body.crText !== null && body.crText !== undefined && !body.ok && body.problems.length) { status.textContent += ` ${body.problems.join(' ')}`; }
        }, 250);
      }
      matrixBox.append(el('p', { class: 'small text-body-secondary mb-1' }, t('Schemes.MatrixHelp')), table, status);
      check();
    }
    box.append(field(t('Schemes.Weighting'), choice), matrixBox);
    box.redraw = draw;
    draw();
    return box;
  }

  function identity(n) { return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? '1' : '1'))); }
  function reciprocal(entry) {
    const parts = entry.split('/');
    if (parts.length === 2) { return parts[1].trim() === '1' ? parts[0].trim() : `${parts[1].trim()}/${parts[0].trim()}`; }
    return entry === '1' ? '1' : `1/${entry}`;
  }

  function render() {
    root.replaceChildren();
    const head = el('div', { class: 'row g-2 mb-3' },
      field(t('Schemes.Code'), input(scheme, 'code', 'text', 'code')),
      field(t('Schemes.NameZh'), input(scheme, 'name_zh', 'text', 'name_zh')),
      field(t('Schemes.NameEn'), input(scheme, 'name_en', 'text', 'name_en')),
      field(t('Schemes.Normalisation'), select(scheme, 'normalisation', [['minmax', t('Scheme.Normalisation.MinMax')], ['zscore', t('Scheme.Normalisation.ZScore')], ['percentile', t('Scheme.Normalisation.Percentile')]], 'normalisation')),
      field(t('Schemes.PeerGroup'), select(scheme, 'peer_group', [['type', t('Scheme.PeerGroup.Type')], ['all', t('Scheme.PeerGroup.All')]], 'peer_group')),
      field(t('Schemes.MaxMissingWeight'), input(scheme, 'max_missing_weight', 'number', 'max_missing_weight')));
    root.append(head);

    scheme.dimensions = Array.isArray(scheme.dimensions) ? scheme.dimensions : [];
    const dimensionWeighting = weighting(scheme, 'dimension_weighting', () => scheme.dimensions.length, false, 'dimension_weighting');
    root.append(el('h2', { class: 'h6' }, t('Schemes.DimensionWeighting')), el('div', { class: 'row g-2 mb-3' }, dimensionWeighting));
    root.append(el('h2', { class: 'h5' }, t('Schemes.Dimensions')));
    scheme.dimensions.forEach((dimension, d) => {
      dimension.items = Array.isArray(dimension.items) ? dimension.items : [];
      const card = el('fieldset', { class: 'border rounded p-2 mb-3', 'data-dimension': String(d) }, el('legend', { class: 'h6 float-none w-auto px-1' }, `${d + 1}. ${dimension.code || ''}`));
      const remove = el('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-remove-dimension': String(d) }, t('Schemes.Remove'));
      remove.addEventListener('click', () => { scheme.dimensions.splice(d, 1); write(); render(); });
      card.append(el('div', { class: 'row g-2 align-items-end mb-2' },
        field(t('Schemes.Code'), input(dimension, 'code', 'text', 'dimension-code')),
        field(t('Schemes.NameZh'), input(dimension, 'name_zh', 'text', 'dimension-name_zh')),
        field(t('Schemes.NameEn'), input(dimension, 'name_en', 'text', 'dimension-name_en')),
        field(t('Schemes.Weight'), input(dimension, 'weight', 'number', 'dimension-weight')),
        el('div', { class: 'col-auto' }, remove)));
      const itemWeighting = weighting(dimension, 'weighting', () => dimension.items.length, true, `weighting-${d}`);
      card.append(el('div', { class: 'row g-2 mb-2' }, itemWeighting));
      dimension.items.forEach((item, k) => {
        const removeItem = el('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-remove-item': `${d}-${k}` }, t('Schemes.Remove'));
        removeItem.addEventListener('click', () => { dimension.items.splice(k, 1); write(); render(); });
        card.append(el('div', { class: 'row g-2 align-items-end mb-1', 'data-item': `${d}-${k}` },
          field(t('Schemes.Indicator'), select(item, 'indicator', indicators.map((i) => [i.code, `${i.name} (${i.code})`]), 'item-indicator')),
          field(t('Schemes.Measure'), select(item, 'measure', [['level', t('Scheme.Measure.level')], ['growth', t('Scheme.Measure.growth')]], 'item-measure')),
          field(t('Schemes.GrowthSpan'), input(item, 'growth_span', 'number', 'item-growth_span')),
          field(t('Schemes.Weight'), input(item, 'weight', 'number', 'item-weight')),
          field(t('Schemes.Transform'), select(item, 'transform', [['none', t('Scheme.Transform.none')], ['log1p', t('Scheme.Transform.log1p')], ['sqrt', t('Scheme.Transform.sqrt')]], 'item-transform')),
          field(t('Schemes.Direction'), select(item, 'direction', [['higher', t('Scheme.Direction.Higher')], ['lower', t('Scheme.Direction.Lower')]], 'item-direction')),
          el('div', { class: 'col-auto' }, removeItem)));
      });
      const addItem = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary mt-1', 'data-add-item': String(d) }, t('Schemes.AddItem'));
      addItem.addEventListener('click', () => {
        dimension.items.push({ indicator: indicators[0]?.code || '', measure: 'level', weight: 1, transform: 'none', direction: 'higher' });
        write(); render();
      });
      card.append(addItem);
      root.append(card);
    });
    const addDimension = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary mb-3', 'data-add-dimension': '' }, t('Schemes.AddDimension'));
    addDimension.addEventListener('click', () => {
      scheme.dimensions.push({ code: `d${scheme.dimensions.length + 1}`, name_zh: '', name_en: '', weight: 1, weighting: 'given', items: [] });
      write(); render();
    });
    root.append(addDimension);

    root.append(el('h2', { class: 'h5' }, t('Schemes.Grades')));
    scheme.grades = Array.isArray(scheme.grades) ? scheme.grades : [];
    scheme.grades.forEach((grade, g) => {
      const removeGrade = el('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-remove-grade': String(g) }, t('Schemes.Remove'));
      removeGrade.addEventListener('click', () => { scheme.grades.splice(g, 1); write(); render(); });
      root.append(el('div', { class: 'row g-2 align-items-end mb-1', 'data-grade': String(g) },
        field(t('Schemes.Code'), input(grade, 'code', 'text', 'grade-code')),
        field(t('Schemes.NameZh'), input(grade, 'name_zh', 'text', 'grade-name_zh')),
        field(t('Schemes.NameEn'), input(grade, 'name_en', 'text', 'grade-name_en')),
        field(t('Schemes.MinScore'), input(grade, 'min_score', 'number', 'grade-min_score')),
        el('div', { class: 'col-auto' }, removeGrade)));
    });
    const addGrade = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-add-grade': '' }, t('Schemes.AddGrade'));
    addGrade.addEventListener('click', () => { scheme.grades.push({ code: '', name_zh: '', name_en: '', min_score: 0 }); write(); render(); });
    root.append(addGrade);
  }

  render();
})();
