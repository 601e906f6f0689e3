// Reads TidalDB's name and version from package.json, found from this module's location (src/ or dist/src/).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `name` field that identifies our own package.json while walking up from this module. */
const PACKAGE_NAME = 'tidaldb';

/** Name and version of the TidalDB package. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** The package's folder (where package.json is), for files shipped beside the code (dashboard assets). */
  readonly root: string;
}

let cached: PackageInfo | undefined;

/**
 * Returns TidalDB's package name and version. Walks up from this module's folder to the first package.json
 * named "tidaldb", so it works from src/config/ and from dist/src/config/ alike. Throws if none is found
 * (a broken install).
 */
export function packageInfo(): PackageInfo {
  if (cached !== undefined) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const found = readPackageJson(folder);
    if (found !== undefined) {
      cached = found;
      return found;
    }
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error(`package.json of ${PACKAGE_NAME} not found above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
}

/** The text --version prints, e.g. "tidaldb 0.1.0\n". */
export function versionText(): string {
  const { name, version } = packageInfo();
  return `${name} ${version}\n`;
}

function readPackageJson(folder: string): PackageInfo | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { name, version } = parsed as Record<string, unknown>;
  return name === PACKAGE_NAME && typeof version === 'string' ? { name, version, root: folder } : undefined;
}
