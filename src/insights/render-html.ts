/**
 * The report as one self-contained HTML page: the data as JSON, Chart.js's minified build and our
 * drawing script inlined, and a Content-Security-Policy that allows no network at all (no CDN, no
 * fonts, no images from elsewhere). Chart.js (MIT, about 205 KB minified) is read from node_modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportData } from './report-data.js';

let assets: { chart: string; client: string; licence: string } | undefined;

/** Read once: Chart.js's UMD build (without its source-map comment) and the drawing script. */
function loadAssets(): { chart: string; client: string; licence: string } {
  if (assets) return assets;
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('chart.js'));
  const chart = readFileSync(path.join(dist, 'chart.umd.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
  const version = /Chart\.js v([\d.]+)/.exec(chart)?.[1] ?? '';
  // The drawing script ships as source (src/insights/), both for src/ and for dist/ (two levels below the package).
  const client = readFileSync(fileURLToPath(new URL('../../src/insights/report-client.js', import.meta.url)), 'utf8');
  assets = { chart, client, licence: `Chart.js ${version} (MIT licence, Chart.js Contributors)` };
  return assets;
}

/** JSON that is safe inside a <script> element: no "</script>", no "<!--". */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
header{background:#0f172a;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#cbd5e1;font-size:13px}
main{padding:16px 24px;max-width:1200px;margin:auto}
#tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:16px}
.tile{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}.tile .value{font-size:22px;font-weight:600}.tile .label{font-size:12px;color:#64748b}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 16px;margin-bottom:16px}
.card h2,.card h3{margin:0 0 8px;font-size:15px}
.chart{position:relative;height:260px}.chart.small{height:180px}
.muted{color:#64748b;font-size:12px}.mono{font-family:ui-monospace,monospace;font-size:12px}
table{width:100%;border-collapse:collapse;font-size:13px}th,td{text-align:left;padding:6px;border-top:1px solid #e2e8f0;vertical-align:top}
footer{color:#94a3b8;font-size:11px;padding:8px 24px 24px}
`;

const canvas = (id: string, title: string): string => `<div class="card"><h2>${title}</h2><div class="chart"><canvas id="${id}"></canvas></div></div>`;

export function renderReportHtml(data: ReportData): string {
  const { chart, client, licence } = loadAssets();
  const period = `${data.since.slice(0, 10)} to ${data.generatedAt.slice(0, 10)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>supportbot insights, ${escapeHtml(period)}</title>
<style>${STYLE}</style></head>
<body>
<header><h1>supportbot insights</h1><p>${escapeHtml(period)} · ${data.conversations} conversations · ${data.turns} turns · generated ${escapeHtml(data.generatedAt)}</p></header>
<main>
<div id="tiles"></div>
<div class="grid">
${canvas('chart-per-day', 'Conversations per day')}
${canvas('chart-rates', 'Containment and handoff rate per day')}
${canvas('chart-fallback', 'Fallback rate per day')}
${canvas('chart-outcomes', 'How conversations ended')}
${canvas('chart-intents', 'Intents of typed messages')}
${canvas('chart-feedback', 'Feedback over time')}
</div>
<h2>Where people stop, per flow</h2>
<div class="grid" id="funnels"></div>
<div class="card"><h2>Misunderstood messages (${data.misunderstoodMessages} messages, ${data.misunderstoodDistinct} distinct), grouped by similarity</h2>
<p class="muted">Low confidence, fallback, reprompted twice, or a thumbs down on the answer. File a group into the training data with <span class="mono">supportbot inbox file &lt;id&gt; --intent &lt;intent&gt;</span>.</p>
<table><thead><tr><th>message</th><th>count</th><th>the model now says</th><th>intent then</th><th>why</th><th>id</th></tr></thead><tbody id="misunderstood-rows"></tbody></table></div>
</main>
<footer>Charts drawn by ${escapeHtml(licence)}, inlined: this page loads nothing from the network.</footer>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${chart}</script>
<script>${client}</script>
</body></html>
`;
}
