// Bundles the worker (our TypeScript only; packages stay in node_modules) into .worker/run-worker.mjs with esbuild,
// so `npm run worker` runs plain Node: no TypeScript loader in the process, ~45 MB less memory per worker.
// `server-only` (a guard for Next.js bundles) resolves to an empty module here, as lib/node/server-only-hook.mjs does
// for tsx scripts.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export async function buildWorker() {
  await build({
    entryPoints: [path.join(root, "lib/jobs/run-worker.ts")],
    outfile: path.join(root, ".worker/run-worker.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    alias: { "@": root },
    jsx: "automatic",
    logLevel: "warning",
    plugins: [
      {
        name: "server-only",
        setup(b) {
          b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
          b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
        },
      },
    ],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWorker();
