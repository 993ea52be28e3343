import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's Chromium (.ci/run installs it); the browser tests skip, saying so, when it is absent. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

export interface PageCheck {
  consoleErrors: string[];
  /** Per canvas id: whether it has any painted pixel. */
  canvases: Record<string, boolean>;
  rendered: boolean;
  /** Requests the page tried to make to anything but the page itself. */
  requests: string[];
  /** The page's visible text, and the rows of the misunderstood table. */
  text: string;
  misunderstoodRows: number;
}

/**
 * Opens an HTML file in headless Chromium (playwright-core driving the system browser, never a
 * downloaded one), waits for the report to draw, checks every canvas and saves a screenshot.
 */
export async function checkReportPage(file: string, screenshot: string): Promise<PageCheck> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'supportbot-chromium-'));
  // A fresh profile each time (Playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.rendered === 'true', undefined, { timeout: 15_000 }).catch(() => undefined);
    const rendered = await page.evaluate(() => (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.rendered === 'true');
    // A canvas that Chart.js drew has non-transparent pixels.
    const canvases = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ id: string; width: number; height: number; getContext(k: string): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null }> } }).document;
      const out: Record<string, boolean> = {};
      for (const canvas of Array.from(doc.querySelectorAll('canvas'))) {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let painted = false;
        for (let i = 3; i < pixels.length; i += 4) {
          if ((pixels[i] ?? 0) > 0) {
            painted = true;
            break;
          }
        }
        out[canvas.id] = painted;
      }
      return out;
    });
    const text = await page.innerText('body');
    const misunderstoodRows = await page.locator('#misunderstood-rows tr').count();
    await page.screenshot({ path: screenshot, fullPage: true });
    // The top of the page, for the docs.
    await page.screenshot({ path: screenshot.replace(/\.png$/, '-top.png') });
    return { consoleErrors, canvases, rendered, requests, text, misunderstoodRows };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
