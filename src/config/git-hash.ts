// The git commit the server runs from, read from the checkout's .git (TiDB embeds it at build time), or 'None'.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

const UNKNOWN = 'None';

/**
 * The commit hash of HEAD in the git checkout at `root` (a worktree's `.git` file and packed refs included), or
 * 'None' when `root` is no checkout (an installed package), as TiDB prints an unknown hash.
 */
export function gitHash(root: string): string {
  try {
    const gitDir = locateGitDir(root);
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice('ref: '.length);
    // A worktree keeps its HEAD, but refs live in the common folder.
    const commonDir = readOptional(join(gitDir, 'commondir'));
    const refsDir = commonDir === undefined ? gitDir : resolve(gitDir, commonDir);
    return readOptional(join(refsDir, ref)) ?? packedRef(refsDir, ref) ?? UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

function locateGitDir(root: string): string {
  const dotGit = join(root, '.git');
  const pointer = readOptional(dotGit);
  if (pointer === undefined) return dotGit;
  const target = pointer.replace(/^gitdir:\s*/, '');
  return isAbsolute(target) ? target : resolve(dirname(dotGit), target);
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const packed = readOptional(join(gitDir, 'packed-refs')) ?? '';
  return packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.split(' ')[0];
}
