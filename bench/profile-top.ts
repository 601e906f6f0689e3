// Prints the frames a V8 .cpuprofile (node --cpu-prof) spent most time in: self time, and with --inclusive the
// TidalDB functions by time including their callees; idle time is left out of the percentages. --from-ms N leaves out
// the first N ms of the profile (server start, table prepare), so only the measured run counts.
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
const fromIndex = args.indexOf('--from-ms');
const fromMs = fromIndex < 0 ? 0 : Number(args[fromIndex + 1]);
const positional = args.filter((arg, i) => arg !== '--inclusive' && (fromIndex < 0 || (i !== fromIndex && i !== fromIndex + 1)));
const [file, countText] = positional;
if (file === undefined || !(fromMs >= 0)) throw new Error('usage: profile-top.js FILE.cpuprofile [COUNT] [--inclusive] [--from-ms N]');
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
// timeDeltas are microseconds since the previous sample; their running sum is the sample's time into the profile.
let elapsedUs = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  elapsedUs += delta;
  if (elapsedUs >= fromMs * 1000) timeById.set(id, (timeById.get(id) ?? 0) + delta);
});
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
