/**
 * The report page in a real browser: Debian's Chromium, headless, driven by playwright-core. The
 * data comes from replaying every transcript; the test checks that every chart drew, that nothing
 * went wrong in the console, that the page asked the network for nothing, and that the numbers on
 * the page are the report's. The page and a screenshot are kept in test-artifacts/ (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowOutlines } from '../../src/cli/insights/report-context.js';
import { renderReportHtml } from '../../src/insights/render-html.js';
import { buildReportData, type ReportData } from '../../src/insights/report-data.js';
import { createMemoryInsights } from '../../src/store/insights/memory-insights.js';
import { replayIntoInsights } from '../insights/replay-into-insights.js';
import { realTextModel } from '../insights/test-model.js';
import { checkReportPage, hasChromium, type PageCheck } from '../support/open-in-chromium.js';

const ARTIFACTS = path.resolve('test-artifacts/insights');
if (!hasChromium()) console.warn('\n  [skipped] the report in a real browser: /usr/bin/chromium is not installed (.ci/run installs it with apt-get install chromium)\n');

describe.skipIf(!hasChromium())('the insights report in headless Chromium', () => {
  let data: ReportData;
  let html: string;
  let page: PageCheck;

  beforeAll(async () => {
    const insights = createMemoryInsights();
    await replayIntoInsights(insights);
    data = await buildReportData(insights.read(0), { since: Date.parse('2026-01-05T00:00:00Z'), now: Date.parse('2026-02-01T00:00:00Z'), flows: flowOutlines(), model: await realTextModel() });
    html = renderReportHtml(data);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'report.html');
    writeFileSync(file, html);
    page = await checkReportPage(file, path.join(ARTIFACTS, 'report.png'));
  }, 90_000);

  it('draws every chart: the six overview charts and one funnel per flow', () => {
    expect(page.rendered).toBe(true);
    const expected = ['chart-per-day', 'chart-rates', 'chart-fallback', 'chart-outcomes', 'chart-intents', 'chart-feedback', ...data.funnels.map((_, i) => `chart-funnel-${i}`)];
    expect(Object.keys(page.canvases).sort()).toEqual(expected.sort());
    expect(Object.entries(page.canvases).filter(([, painted]) => !painted)).toEqual([]);
  });

  it('logs no console error and asks the network for nothing', () => {
    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([]);
  });

  it('shows the report\'s numbers and one row per misunderstood group', () => {
    expect(page.text).toContain(`${data.conversations} conversations`);
    expect(page.misunderstoodRows).toBe(Math.max(1, data.misunderstood.length));
    expect(data.misunderstood.length).toBeGreaterThan(0);
  });

  it('is one self-contained page under 2 MB', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    // Nothing is loaded from elsewhere (and the page's policy would block it: the browser check sees no request).
    expect(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=["']?http/i.test(html)).toBe(false);
    expect(html).toContain("default-src 'none'");
  });
});
