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

const NODE_GLOBALS = {
  process: "readonly",
  console: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  URL: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  setInterval: "readonly",
  clearInterval: "readonly",
  Buffer: "readonly",
};

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
      // Style, not safety: the regexes read as written.
      "regexp/no-misleading-capturing-group": "off",
      "regexp/use-ignore-case": "off",
      "regexp/prefer-w": "off",
      "regexp/prefer-d": "off",
      "regexp/prefer-character-class": "off",
      "regexp/no-useless-character-class": "off",
      "regexp/no-useless-non-capturing-group": "off",
      "regexp/no-unused-capturing-group": "off",
      "regexp/control-character-escape": "off",
      // `let [os, arch, variant] = ...` where only some are reassigned stays one declaration.
      "prefer-const": ["error", { destructuring: "all" }],
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
              from: ["server/src/lsp", "server/src/cli", "server/src/cli.ts", "server/src/cli-entry.ts", "server/src/host"],
              message: "The engine never imports adapters or the Node host.",
            },
            // Dependencies point one way (STYLE.md 1): model <- images <- fixes <- rules <- lint <- engine.ts <- adapters.
            {
              target: "server/src/model",
              from: ["server/src/images", "server/src/fixes", "server/src/rules", "server/src/lint", "server/src/convert", "server/src/engine.ts"],
              message: "The model imports only the model.",
            },
            {
              target: "server/src/images",
              from: ["server/src/fixes", "server/src/rules", "server/src/lint", "server/src/convert", "server/src/engine.ts"],
              message: "Image facts import only the model.",
            },
            {
              target: "server/src/fixes",
              from: ["server/src/rules", "server/src/lint", "server/src/convert", "server/src/engine.ts"],
              message: "Fix primitives live below the rules and the runner: they import the model and image facts only.",
            },
            // Rules read the model, image facts and fix primitives; never each other, the runner or the planner.
            {
              target: "server/src/rules/!(index).ts",
              from: ["server/src/rules", "server/src/lint", "server/src/convert", "server/src/engine.ts", "server/src/syntax-checks.ts"],
              except: ["./types.ts"],
              message: "A rule imports only the model, images and fix primitives (and the Rule types).",
            },
            { target: "server/src/lint", from: "server/src/convert", message: "The runner and the planner do not know each other." },
            { target: "server/src/lint", from: "server/src/engine.ts", message: "engine.ts is the door out of the engine; lint/ sits behind it." },
            { target: "server/src/convert", from: "server/src/lint", message: "The runner and the planner do not know each other." },
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
              except: ["./lsp/protocol.ts"],
              message: "The client knows nothing about Dockerfiles: it imports only the shared protocol.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "scripts/**/*.ts", "test/**/*.ts"],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // CommonJS launchers, the sample apps the build tests put in images, and the web suite's
    // stand-in extensions (loaded as is by the web extension host).
    files: ["bin/**/*.js", "test/build/apps/**/*.js", "test/vscode/stub-extension/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...NODE_GLOBALS, require: "readonly", module: "writable", exports: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Functions passed to page.evaluate run in the browser.
    files: ["scripts/screenshots.mjs"],
    languageOptions: { globals: { document: "readonly", window: "readonly" } },
  },
);
