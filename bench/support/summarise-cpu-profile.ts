// Where a V8 CPU profile (node --cpu-prof, e.g. from bench/recipient-pages.ts --cpu-prof) spends its time, grouped
// into the buckets that decide what to change: Next.js/React rendering, Prisma and pg, the proxy, our own code,
// Node's I/O, idle. Self time per bucket, and the heaviest functions.
//
//   npx tsx bench/support/summarise-cpu-profile.ts <file.cpuprofile> [--top 25]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "25" } },
});
const profile = JSON.parse(readFileSync(positionals[0]!, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

function bucket(node: Node): string {
  const { url, functionName } = node.callFrame;
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 / native (program)";
  if (/prisma|adapter-pg|query_compiler|query-compiler/i.test(url)) return "Prisma (client, query compiler, adapter)";
  if (/node_modules\/pg(-[a-z]+)?\//.test(url)) return "pg driver";
  if (/react-dom|react-server|server\.node|react\.(production|development)/.test(url)) return "React rendering";
  if (/next-intl|use-intl|intl-messageformat|@formatjs/.test(url)) return "next-intl / ICU";
  if (/pino/.test(url)) return "logging (pino)";
  if (/\[turbopack\]_runtime|\.next\/server\/chunks\/ssr\/\[root-of-the-server\]|\.next\/server\/app/.test(url))
    return "app code (bundled: pages, lib, proxy)";
  if (/next\/dist|\.next\/server/.test(url)) return "Next.js server";
  if (url.startsWith("node:") || url === "") return "Node core (http, streams, crypto)";
  return "other node_modules";
}

const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]!;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const buckets = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  const b = bucket(node);
  buckets.set(b, (buckets.get(b) ?? 0) + us);
  const f = node.callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*node_modules\//, "").replace(/^.*\.next\//, ".next/")}:${f.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
const busy = total - (buckets.get("idle") ?? 0);
console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
console.table(
  [...buckets]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({
      bucket: name,
      "self s": +(us / 1e6).toFixed(2),
      share: pct(us),
      "of busy": `${((100 * us) / busy).toFixed(1)} %`,
    })),
);
console.table(
  [...functions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(values.top))
    .map(([name, us]) => ({ function: name.slice(0, 110), "self ms": Math.round(us / 1000), share: pct(us) })),
);

// Inclusive time: a sample counts for every stage found on its stack (a query issued during a page render counts for
// both), which tells how much of the work happens under each stage.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const STAGES: [string, (n: Node) => boolean][] = [
  [
    "proxy.ts (middleware adapter)",
    (n) => /(proxy|middleware)\.js/.test(n.callFrame.url) || /[\\/]proxy\.ts/.test(n.callFrame.url),
  ],
  ["page render (app-page runtime)", (n) => /app-page(-turbo)?\.runtime/.test(n.callFrame.url)],
  ["route handler (app-route runtime)", (n) => /app-route(-turbo)?\.runtime/.test(n.callFrame.url)],
  ["Prisma", (n) => /@prisma|prisma\//.test(n.callFrame.url)],
  ["pg driver", (n) => /node_modules\/pg\//.test(n.callFrame.url)],
  [
    "module loading (start-up, first requests)",
    (n) => /wrapSafe|compileSourceTextModule|instantiateModule|loadESM|Module\._load/.test(n.callFrame.functionName),
  ],
  [
    "socket writes (writev/writeBuffer)",
    (n) => /^(writev|writeBuffer|writeUtf8String)$/.test(n.callFrame.functionName),
  ],
];
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur)!;
    for (const [name, test] of STAGES) if (!seen.has(name) && test(node)) seen.add(name);
  }
  for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
}
console.table(
  STAGES.map(([name]) => ({
    stage: name,
    "inclusive s": +((inclusive.get(name) ?? 0) / 1e6).toFixed(2),
    "of busy": `${((100 * (inclusive.get(name) ?? 0)) / busy).toFixed(1)} %`,
  })),
);
