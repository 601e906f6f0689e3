// The live dashboard in Debian's headless Chromium (driven by playwright-core): it loads only from the status port,
// draws its uPlot charts from live data made by mysql2 clients, and fills its certificate and statement tables.
// The screenshot is kept in test-artifacts/dashboard.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
/** The flags this machine's Chromium needs: no sandbox as root, and no background calls to a closed network. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What the test reads off the page. */
interface PageState {
  readonly charts: number;
  /** Painted pixels per chart canvas. */
  readonly canvases: number[];
  readonly legends: string[];
  readonly hasLatency: boolean;
  readonly selectRate: number;
  readonly certificates: string[];
  readonly slowest: string[];
  readonly statements: string[];
  readonly state: string;
}

/** One element of the page, typed by hand: the test's TypeScript has no DOM library. */
interface PageElement {
  readonly textContent: string | null;
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** The page's globals the test reads. */
interface PageGlobals {
  readonly document: {
    readonly body: { readonly dataset: Readonly<Record<string, string | undefined>> };
    querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
    getElementById(id: string): PageElement | null;
  };
  readonly tidalDashboard: { readonly p99: Array<number | null>; readonly qps: Map<string, Array<number | null>> };
}

/** Runs in the page; Playwright calls it through the DevTools protocol, so the page's CSP (no eval) still holds. */
function readPageState(): PageState {
  const page = globalThis as unknown as PageGlobals;
  const canvases = [...page.document.querySelectorAll('.uplot canvas')].map((canvas) => {
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    let drawn = 0;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) drawn++;
    return drawn;
  });
  const text = (selector: string): string[] => [...page.document.querySelectorAll(selector)].map((node) => node.textContent ?? '');
  return {
    charts: page.document.querySelectorAll('.uplot').length,
    canvases,
    legends: text('.u-legend .u-label'),
    hasLatency: page.tidalDashboard.p99.some((value) => value !== null && value > 0),
    selectRate: Math.max(...(page.tidalDashboard.qps.get('Select') ?? []).map((value) => value ?? 0)),
    certificates: text('#certificates tbody tr'),
    slowest: text('#slowest tbody tr'),
    statements: text('#statements tbody tr'),
    state: page.document.getElementById('state')?.textContent ?? '',
  };
}

/** Runs in the page: whether the dashboard has drawn `count` polls. */
function hasSamples(count: number): boolean {
  return Number((globalThis as unknown as PageGlobals).document.body.dataset.samples ?? 0) >= count;
}

void describe('dashboard in headless Chromium', () => {
  let server: TidalProcess;
  let browser: Browser;
  before(async () => {
    server = await startTidal();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser.close();
    await server.stop();
  });

  void it('draws live charts and tables from the status port alone', async () => {
    const origin = `http://127.0.0.1:${server.statusPort}`;
    const tls = await connect(server.port, { ssl: { ca: readFileSync(join(server.dataDir, 'ca.pem')) } });
    const plain = await connect(server.port);
    await plain.query('CREATE DATABASE dash');
    await plain.query('CREATE TABLE dash.t (id INT PRIMARY KEY, v INT)');
    await plain.query('INSERT INTO dash.t VALUES (1, 1), (2, 2), (3, 3)');
    let isLoading = true;
    // A bounded background load: point selects on both connections, now and then a slow one and a failing one.
    const load = (async () => {
      for (let i = 0; isLoading && i < 20_000; i++) {
        await (i % 2 === 0 ? tls : plain).execute('SELECT v FROM dash.t WHERE id = ?', [1 + (i % 3)]);
        if (i % 200 === 0) await plain.query('SELECT SLEEP(0.05)');
        if (i % 150 === 0) await plain.query('SELECT * FROM dash.missing').catch(() => undefined);
      }
    })();

    const page = await browser.newPage({ viewport: { width: 1400, height: 1700 } });
    const outside: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) outside.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${origin}/dashboard/?interval=500`);
      await page.waitForFunction(hasSamples, 6, { timeout: 90_000 });
      const state = await page.evaluate(readPageState);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

      assert.deepEqual(outside, [], 'the page fetched from outside the status port');
      assert.deepEqual(problems, []);
      assert.equal(state.charts, 4);
      assert.ok(state.canvases.length >= 4 && state.canvases.every((drawn) => drawn > 500), `blank chart: ${state.canvases.join(',')}`);
      for (const label of ['Select', 'p95 ms', 'p99 ms', 'plain', 'TLS', 'TLS share %', 'handshake failures/s']) assert.ok(state.legends.includes(label), `legend ${label} in ${state.legends.join('|')}`);
      assert.ok(state.hasLatency);
      assert.ok(state.selectRate > 0);
      assert.ok(state.certificates.some((row) => row.includes('server') && /\d+d \d+h \d+m \d+s/.test(row)), state.certificates.join('\n'));
      assert.ok(state.slowest.some((row) => row.includes('select `sleep` ( ? )')), state.slowest.join('\n'));
      assert.ok(state.statements.some((row) => row.includes('select `v` from `dash` . `t` where `id` = ?')), state.statements.join('\n'));
      assert.match(state.state, /^live · updated /);
    } finally {
      isLoading = false;
      await load;
      await page.close();
      await tls.end();
      await plain.end();
    }
  });
});
