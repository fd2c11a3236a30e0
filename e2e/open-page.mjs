// Opens one page (a file:// URL, e.g. a run's report.html) in headless Chromium, records console
// errors, page errors and every request that left the page's own file, and saves a full-page
// screenshot. Used by RunReportBrowserIT.
//
//   node open-page.mjs --url URL --screenshot FILE.png --result FILE.json [--chromium PATH]
//
// Exit 0 when the page loaded with no console error, no page error and no outside request; 1 otherwise.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    screenshot: { type: 'string' },
    result: { type: 'string' },
    chromium: { type: 'string', default: process.env.LATENTBENCH_CHROMIUM || '/usr/bin/chromium' },
  },
});
if (!args.url || !args.screenshot || !args.result) {
  console.error('usage: node open-page.mjs --url URL --screenshot FILE.png --result FILE.json [--chromium PATH]');
  process.exit(2);
}

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const result = { url: args.url, consoleErrors: [], pageErrors: [], outsideRequests: [], svgs: 0, title: '' };
const browser = await chromium.launch({ executablePath: args.chromium, headless: true, args: CHROMIUM_FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.pageErrors.push(e.message));
  page.on('request', (r) => { if (r.url() !== args.url) result.outsideRequests.push(r.url()); });
  await page.goto(args.url, { waitUntil: 'load' });
  result.title = await page.title();
  result.svgs = await page.locator('svg').count();
  await page.screenshot({ path: args.screenshot, fullPage: true });
} finally {
  await browser.close();
}
writeFileSync(args.result, JSON.stringify(result, null, 2));
const ok = result.consoleErrors.length === 0 && result.pageErrors.length === 0 && result.outsideRequests.length === 0;
console.log(JSON.stringify(result));
process.exit(ok ? 0 : 1);
