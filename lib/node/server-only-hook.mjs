// Scripts run by tsx outside Next.js (migrate, seed, worker) import modules marked `import "server-only"`. That
// package throws unless resolved under React's "react-server" condition, which in turn breaks react-dom/server (mail
// rendering). This hook resolves just "server-only" to an empty module instead. Used as `tsx --import <this file>`.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true }; return next(specifier, context); }',
    ),
);
