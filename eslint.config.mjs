// The gate's lint: typescript-eslint, no import cycles, the import directions of the style guide
// (STYLE.md 1, 2, 11, 13) as zones, and no regular expression built from unescaped text.

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import regexp from "eslint-plugin-regexp";
import noDynamicRegExp from "./scripts/eslint/no-dynamic-regexp.mjs";

const NODE_BUILTINS = [
  "node:*",
  "fs",
  "fs/*",
  "path",
  "os",
  "child_process",
  "net",
  "http",
  "https",
  "url",
  "util",
  "crypto",
  "stream",
  "events",
  "zlib",
  "worker_threads",
];
const ENGINE = [
  "server/src/model/**",
  "server/src/rules/**",
  "server/src/fixes/**",
  "server/src/convert/**",
  "server/src/images/**",
  "server/src/lint/**",
  "server/src/engine.ts",
];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "out/**", ".vscode-test/**", ".vscode-test-web/**", "test/fixtures/**", "examples/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    plugins: { "import-x": importX, stagecraft: { rules: { "no-dynamic-regexp": noDynamicRegExp } } },
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".js", ".mjs", ".json"] } }, "import-x/extensions": [".ts", ".js", ".mjs"] },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "stagecraft/no-dynamic-regexp": "error",
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-misleading-capturing-group": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["server/src/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            // The engine runs in a web worker: no Node, no LSP, no CLI, no file-system host.
            {
              target: ENGINE,
              from: ["server/src/lsp", "server/src/cli", "server/src/cli.ts", "server/src/host"],
              message: "The engine never imports adapters or the Node host.",
            },
            // Rules read the model, image facts and fix primitives; nothing else.
            {
              target: "server/src/rules/!(index|run|suppressions|types|format|docs-url).ts",
              from: ["server/src/convert", "server/src/lsp", "server/src/cli", "server/src/host", "server/src/engine.ts"],
              message: "A rule imports only the model, images and fix primitives.",
            },
          ],
        },
      ],
      "no-restricted-imports": ["error", { paths: [{ name: "vscode", message: "Nothing in server/ imports vscode." }] }],
    },
  },
  {
    files: ENGINE.map((g) => (g.endsWith(".ts") ? g : `${g.replace("/**", "")}/**/*.ts`)),
    ignores: ["server/src/images/registry/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "vscode", message: "Nothing in server/ imports vscode." }],
          patterns: [{ group: NODE_BUILTINS, message: "The engine runs in a web worker: the host passes files, clock and network in." }],
        },
      ],
    },
  },
  {
    files: ["client/src/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "client/src",
              from: "server/src",
              except: ["./lsp/protocol.ts", "./syntax-checks.ts"],
              message: "The client knows nothing about Dockerfiles: it imports only the shared protocol.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "scripts/**/*.ts", "test/**/*.ts"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly",
      },
    },
  },
);
