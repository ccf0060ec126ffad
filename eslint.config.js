// ESLint 9 flat config: Next.js rules (core web vitals, React, hooks, jsx-a11y, import) and typescript-eslint's
// recommended set, plus the project's own rules: configuration is read in one module only, and links come from
// app/_components/link.tsx (no prefetching).
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const SOURCES = "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}";

// Where reading process.env is allowed: the config module and tool/test configuration.
const MAY_READ_ENV = [
  "lib/env/config.ts",
  "instrumentation.ts",
  "prisma.config.ts",
  "vitest.config.ts",
  "next.config.js",
  "tests/**",
  "bench/**",
];

const ENV_MESSAGE =
  "Read configuration through getConfig() from lib/env/config.ts, the one module that reads process.env.";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "next-env.d.ts",
      "coverage/**",
      ".worker/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: [SOURCES],
    ignores: MAY_READ_ENV,
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: ENV_MESSAGE }],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "process", importNames: ["env"], message: ENV_MESSAGE },
            { name: "node:process", importNames: ["env"], message: ENV_MESSAGE },
            {
              name: "next/link",
              importNames: ["default"],
              message: "Use Link from @/app/_components/link: it does not prefetch (every page here is dynamic).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
