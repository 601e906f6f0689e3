// Prints the frames a V8 .cpuprofile (node --cpu-prof) spent most time in: self time, and with --inclusive the
// TidalDB functions by time including their callees; idle time is left out of the percentages.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const args = process.argv.slice(2);
const isInclusive = args.includes('--inclusive');
const [file, countText] = args.filter((arg) => arg !== '--inclusive');
if (file === undefined) throw new Error('usage: profile-top.js FILE.cpuprofile [COUNT] [--inclusive]');
const count = Number(countText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
};

const timeById = new Map<number, number>();
profile.samples.forEach((id, i) => timeById.set(id, (timeById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totals = new Map<string, number>();
let busy = 0;
for (const [id, time] of timeById) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  busy += time;
  if (!isInclusive) {
    totals.set(label(node), (totals.get(label(node)) ?? 0) + time);
    continue;
  }
  // Each function counts once per sample, however often it recurs on the stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name) || !name.includes('dist/src/')) continue;
    seen.add(name);
    totals.set(name, (totals.get(name) ?? 0) + time);
  }
}
console.log(`busy ${(busy / 1000).toFixed(0)} ms of ${file}`);
for (const [name, time] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count)) {
  console.log(`${((100 * time) / busy).toFixed(1).padStart(5)}%  ${name}`);
}
