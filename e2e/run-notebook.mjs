// Opens a notebook in a running Jupyter Notebook 6 (the classic UI) with headless Chromium, runs all
// cells through the menu like a user, waits for the kernel to finish, checks the outputs and saves a
// full-page screenshot. The server is started and stopped by the caller (NotebookBrowserIT).
//
//   node run-notebook.mjs --url URL --screenshot FILE.png [--result FILE.json] [--timeout-seconds N] [--chromium PATH]
//
// URL is the notebook's page including ?token=... Exit 0 when every code cell ran without an
// error and at least one PNG image rendered; 1 when a check failed; 2 on bad arguments.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    screenshot: { type: 'string' },
    result: { type: 'string' },
    'timeout-seconds': { type: 'string', default: '900' },
    chromium: { type: 'string', default: process.env.LATENTBENCH_CHROMIUM || '/usr/bin/chromium' },
  },
});
if (!args.url || !args.screenshot) {
  console.error('usage: node run-notebook.mjs --url URL --screenshot FILE.png [--result FILE.json] [--timeout-seconds N] [--chromium PATH]');
  process.exit(2);
}
const timeoutMs = Number(args['timeout-seconds']) * 1000;

// What this sandbox's Chromium needs: no sandbox as root, no GPU, and none of the background
// connections to Google's hosts, which the closed network refuses. Playwright adds --headless and
// a fresh, empty profile directory itself.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const log = (msg) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const result = { url: args.url.replace(/token=[^&]*/, 'token=***'), codeCells: 0, executed: 0, errors: [], images: 0, stderr: [], problems: [] };

const browser = await chromium.launch({ executablePath: args.chromium, headless: true, args: CHROMIUM_FLAGS });
let exitCode = 1;
let page;
try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(timeoutMs);
  page.on('pageerror', (e) => log(`page error: ${e.message}`));

  log('opening the notebook');
  await page.goto(args.url, { waitUntil: 'load' });
  // The notebook is loaded and its kernel connected (the server starts the kernel on open).
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded
      && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { polling: 500 });
  await waitForIdleKernel(page);
  log('kernel ready; Cell > Run All');

  // Like a user: the Cell menu, then Run All.
  await page.click('#celllink');
  await page.click('#run_all_cells > a');

  // Run All marks every non-empty code cell '*' at once; each gets its execution count when it has
  // run (or loses the '*' when the kernel skips it after an error). Done when no '*' is left and
  // the kernel is idle; a dead kernel never gets there: stop early, the checks below say so.
  await page.waitForFunction(() => {
    if (document.querySelector('#kernel_indicator_icon.kernel_dead_icon, #kernel_indicator_icon.kernel_disconnected_icon')) {
      return true;
    }
    return document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null
        && Jupyter.notebook.get_cells().every((c) => c.cell_type !== 'code' || c.input_prompt_number !== '*');
  }, null, { polling: 500 });
  log('all cells ran; checking the outputs');

  // Images from image/png outputs are data URIs: give them a moment to decode.
  await page.waitForFunction(() => [...document.querySelectorAll('.output_png img')].every((img) => img.complete),
      null, { polling: 250, timeout: 30_000 }).catch(() => {});

  Object.assign(result, await page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code' && c.get_text().trim() !== '');
    return {
      kernel: document.querySelector('#kernel_indicator_icon')?.className ?? '',
      codeCells: code.length,
      executed: code.filter((c) => Number.isInteger(c.input_prompt_number)).length,
      errors: [...document.querySelectorAll('.output_error')].map((e) => e.innerText.slice(0, 2000)),
      stderr: [...document.querySelectorAll('.output_stderr')].map((e) => e.innerText.slice(0, 2000)),
      images: [...document.querySelectorAll('.output_png img')].filter((img) => img.naturalWidth > 0).length,
      dialogs: [...document.querySelectorAll('.modal.in .modal-body')].map((e) => e.innerText),
    };
  }));

  // A Java or Python stack trace on stderr is an error even when the kernel did not send an error message.
  const traceback = /Traceback \(most recent call last\)|^\s*at [\w$.<>/]+\(|\b[\w.]*(Exception|Error)\b:/m;
  const problems = result.problems;
  if (!/kernel_idle_icon/.test(result.kernel)) problems.push(`the kernel is not idle at the end (${result.kernel}): it died or lost its connection`);
  if (result.codeCells === 0) problems.push('the notebook has no code cells');
  if (result.executed < result.codeCells) problems.push(`only ${result.executed} of ${result.codeCells} code cells have an execution count`);
  for (const e of result.errors) problems.push(`a cell shows an error:\n${e}`);
  for (const s of result.stderr.filter((s) => traceback.test(s))) problems.push(`a cell shows a stack trace on stderr:\n${s}`);
  for (const d of result.dialogs) problems.push(`a dialog is open: ${d}`);
  if (result.images === 0) problems.push('no image/png output rendered as an image');

  await saveFullPageScreenshot(page, args.screenshot);
  log(`screenshot: ${args.screenshot}`);

  if (problems.length === 0) {
    exitCode = 0;
    log(`OK: ${result.executed} code cells ran, ${result.images} image(s), no errors`);
  } else {
    for (const p of problems) console.error(`FAILED: ${p}`);
  }
} catch (e) {
  result.problems.push(`${e.name}: ${e.message}`);
  console.error(`FAILED: ${e.stack ?? e}`);
  // What the page showed when it went wrong (a timeout, say) is the best clue.
  await saveFullPageScreenshot(page, args.screenshot).catch(() => {});
} finally {
  await browser.close();
  if (args.result) {
    mkdirSync(dirname(args.result), { recursive: true });
    writeFileSync(args.result, JSON.stringify(result, null, 2));
  }
}
process.exit(exitCode);

async function waitForIdleKernel(page) {
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { state: 'attached' });
}

// Notebook 6 scrolls inside #site, not the page, so a plain full-page screenshot would stop at the
// window: let the page grow to the notebook's height first.
async function saveFullPageScreenshot(page, file) {
  mkdirSync(dirname(file), { recursive: true });
  await page.addStyleTag({ content: 'html, body, #site { height: auto !important; overflow: visible !important; }' });
  await page.screenshot({ path: file, fullPage: true });
}
