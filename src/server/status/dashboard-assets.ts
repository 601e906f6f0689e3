// The dashboard's static files, read once at start: the page from the package's assets/dashboard folder and the
// uPlot charting library from its npm package, so the page needs no network beyond the status port.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { packageInfo } from '../../config/index.js';

/** One file as served. */
export interface DashboardAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** Assets by their path under /dashboard/. */
export type DashboardAssets = ReadonlyMap<string, DashboardAsset>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** uPlot's browser build and stylesheet, served as /dashboard/vendor/…. */
const VENDOR_FILES = ['uplot/dist/uPlot.iife.min.js', 'uplot/dist/uPlot.min.css'] as const;

/** Reads every dashboard file; a missing one is a broken install and fails the start. */
export function loadDashboardAssets(): DashboardAssets {
  const assets = new Map<string, DashboardAsset>();
  const folder = join(packageInfo().root, 'assets', 'dashboard');
  for (const name of readdirSync(folder)) assets.set(name, asset(join(folder, name)));
  const require = createRequire(import.meta.url);
  for (const file of VENDOR_FILES) assets.set(`vendor/${file.split('/').pop() ?? file}`, asset(require.resolve(file)));
  return assets;
}

function asset(file: string): DashboardAsset {
  return { contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
}
