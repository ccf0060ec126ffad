// Client JavaScript per route of the last `next build`, read from the build's own manifests (Next 16 no longer prints
// "First Load JS"): for each app route, the framework's root scripts plus every script its layouts, error and
// not-found boundaries and page load up front (entryJSFiles of the route's client-reference manifest), summed raw and
// gzipped. Scripts a page loads later (next/dynamic, e.g. the charts) are not counted.
//
//   npx tsx bench/route-js.ts [--app <checkout>] [--filter /staff]
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

const { values: args } = parseArgs({
  options: { app: { type: "string", default: "." }, filter: { type: "string", default: "" } },
});
const next = path.resolve(args.app, ".next");
const root: string[] = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")).rootMainFiles;

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return manifests(p);
    return name === "page_client-reference-manifest.js" ? [p] : [];
  });
}

const sizes = new Map<string, { raw: number; gz: number }>();
function sizeOf(file: string) {
  let s = sizes.get(file);
  if (!s) {
    const bytes = readFileSync(path.join(next, file));
    s = { raw: bytes.length, gz: gzipSync(bytes).length };
    sizes.set(file, s);
  }
  return s;
}

const rows = [];
for (const file of manifests(path.join(next, "server/app"))) {
  const sandbox: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, unknown> } = { globalThis: {} };
  sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const [route, manifest] = Object.entries(sandbox.__RSC_MANIFEST ?? {})[0] as [
    string,
    { entryJSFiles: Record<string, string[]> },
  ];
  const pathName = route.replace(/\/page$/, "") || "/";
  if (!pathName.startsWith(args.filter)) continue;
  const files = new Set([...root, ...Object.values(manifest.entryJSFiles).flat()]);
  let raw = 0,
    gz = 0;
  for (const f of files) {
    const s = sizeOf(f);
    raw += s.raw;
    gz += s.gz;
  }
  rows.push({
    route: pathName,
    scripts: files.size,
    "raw KB": +(raw / 1024).toFixed(1),
    "gzip KB": +(gz / 1024).toFixed(1),
  });
}
rows.sort((a, b) => a.route.localeCompare(b.route));
console.log(`bench route-js: ${path.resolve(args.app)}, build ${readFileSync(path.join(next, "BUILD_ID"), "utf8")}`);
console.table(rows);
