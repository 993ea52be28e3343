/* global document, Chart */
// Draws the insights report in the browser, from the JSON in #report-data, with Chart.js (inlined
// in the same page). Plain JavaScript: this file is read and put inside the page as it is. Every
// text from the data goes through textContent, never innerHTML.
(function drawReport() {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const palette = { blue: '#2563eb', green: '#16a34a', red: '#dc2626', amber: '#d97706', grey: '#6b7280', purple: '#7c3aed', teal: '#0d9488' };
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';
  const pct = (x) => `${Math.round(x * 1000) / 10}%`;
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  const days = data.perDay.map((d) => d.day);
  const chart = (id, config) => new Chart(document.getElementById(id), config);

  // Headline numbers.
  const tiles = document.getElementById('tiles');
  for (const [label, value] of [
    ['Conversations', data.conversations],
    ['Containment', pct(data.containmentRate)],
    ['Handed to a person', `${data.handoffs} (${pct(data.handoffRate)})`],
    ['Resolved (person said so)', pct(data.resolvedRate)],
    ['Fallback rate (messages)', pct(data.fallbackRate)],
    ['Feedback up / down', `${data.feedback.up} / ${data.feedback.down}`],
  ]) {
    const tile = el('div', undefined, 'tile');
    tile.append(el('div', value, 'value'), el('div', label, 'label'));
    tiles.append(tile);
  }

  chart('chart-per-day', {
    type: 'bar',
    data: {
      labels: days,
      datasets: [
        { label: 'conversations', data: data.perDay.map((d) => d.conversations), backgroundColor: palette.blue },
        { label: 'resolved', data: data.perDay.map((d) => d.resolved), backgroundColor: palette.green },
        { label: 'handed to a person', data: data.perDay.map((d) => d.handoffs), backgroundColor: palette.amber },
      ],
    },
  });
  const share = (part, whole) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
  chart('chart-rates', {
    type: 'line',
    data: {
      labels: days,
      datasets: [
        { label: 'containment %', data: data.perDay.map((d) => share(d.conversations - d.handoffs, d.conversations)), borderColor: palette.green, backgroundColor: palette.green },
        { label: 'handoff %', data: data.perDay.map((d) => share(d.handoffs, d.conversations)), borderColor: palette.amber, backgroundColor: palette.amber },
      ],
    },
    options: { scales: { y: { min: 0, max: 100 } } },
  });
  chart('chart-fallback', {
    type: 'line',
    data: { labels: days, datasets: [{ label: 'fallback % of typed messages', data: data.perDay.map((d) => share(d.fallbackTurns, d.typedTurns)), borderColor: palette.red, backgroundColor: palette.red }] },
    options: { scales: { y: { min: 0 } } },
  });
  const outcomeNames = Object.keys(data.outcomes);
  chart('chart-outcomes', {
    type: 'doughnut',
    data: {
      labels: outcomeNames.map((o) => o.replace(/_/g, ' ')),
      datasets: [{ data: outcomeNames.map((o) => data.outcomes[o]), backgroundColor: [palette.green, palette.amber, palette.teal, palette.red, palette.blue, palette.grey, palette.purple, '#94a3b8'] }],
    },
    options: { plugins: { legend: { position: 'right' } } },
  });
  chart('chart-intents', {
    type: 'bar',
    data: { labels: data.intents.map((i) => i.intent), datasets: [{ label: 'typed messages', data: data.intents.map((i) => i.count), backgroundColor: palette.blue }] },
    options: { indexAxis: 'y', scales: { y: { ticks: { autoSkip: false, font: { size: 10 } } }, x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  chart('chart-feedback', {
    type: 'bar',
    data: {
      labels: days,
      datasets: [
        { label: 'thumbs up', data: data.perDay.map((d) => d.up), backgroundColor: palette.green },
        { label: 'thumbs down', data: data.perDay.map((d) => d.down), backgroundColor: palette.red },
      ],
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  });

  // One funnel per flow: how many reached each question, and how many stopped there.
  const funnels = document.getElementById('funnels');
  data.funnels.forEach((f, i) => {
    const box = el('div', undefined, 'card');
    box.append(el('h3', `${f.title} (${f.flow})`));
    box.append(el('p', `${f.started} started · ${f.finished} worked out · ${f.completed} ended otherwise · ${f.handoff} handed over`, 'muted'));
    const holder = el('div', undefined, 'chart');
    // Room for every step's name: no label may be skipped.
    holder.style.height = `${80 + 22 * f.steps.length}px`;
    const canvas = document.createElement('canvas');
    canvas.id = `chart-funnel-${i}`;
    holder.append(canvas);
    box.append(holder);
    funnels.append(box);
    chart(canvas.id, {
      type: 'bar',
      data: {
        labels: f.steps.map((s) => s.step),
        datasets: [
          { label: 'reached', data: f.steps.map((s) => s.reached), backgroundColor: palette.blue },
          { label: 'stopped here', data: f.steps.map((s) => s.dropped), backgroundColor: palette.red },
        ],
      },
      options: { indexAxis: 'y', scales: { y: { ticks: { autoSkip: false } }, x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });

  // The misunderstood messages, grouped.
  const body = document.getElementById('misunderstood-rows');
  for (const g of data.misunderstood) {
    const tr = document.createElement('tr');
    const text = el('td');
    text.append(el('div', g.text));
    if (g.examples.length > 0) text.append(el('div', `also: ${g.examples.join(' · ')}`, 'muted'));
    const reasons = Object.entries(g.reasons).map(([r, n]) => `${r.replace(/_/g, ' ')} ${n}`).join(', ');
    tr.append(text, el('td', g.count), el('td', `${g.suggestedIntent} (${pct(g.suggestedConfidence)})`), el('td', (g.intentsThen || []).join(', ')), el('td', reasons), el('td', g.id, 'mono'));
    body.append(tr);
  }
  if (data.misunderstood.length === 0) {
    const tr = document.createElement('tr');
    const td = el('td', 'Nothing misunderstood in this period.');
    td.colSpan = 6;
    tr.append(td);
    body.append(tr);
  }
  document.body.dataset.rendered = 'true';
})();
