// The extension manifest agrees with the code: a setting per rule, the language contribution
// covers every Dockerfile name the CLI checks, and the entry points the build writes.

import * as assert from "assert";
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { isDockerfileName } from "../../server/src/model/dockerfile-names";
import { SYNTAX_SETTING_KEYS } from "../../server/src/lsp/protocol";
import { allRules } from "../../server/src/rules/index";
import { escapeRegExp } from "../../server/src/model/text";

const REPO = resolve(__dirname, "..", "..");

interface Setting {
  type: string;
  enum?: string[];
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}
interface Manifest {
  main: string;
  browser: string;
  bin: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] }; virtualWorkspaces: boolean };
  contributes: {
    languages: Array<{ id: string; filenames: string[]; filenamePatterns: string[]; extensions: string[]; configuration: string }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    configuration: Array<{ id: string; properties: Record<string, Setting> }>;
    commands: Array<{ command: string }>;
  };
}

const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as Manifest;
const settings: Record<string, Setting> = Object.assign({}, ...manifest.contributes.configuration.map((s) => s.properties));

/** A VS Code filename pattern (`*` and literal text only) as a regular expression. */
function patternToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
}

function isDockerfileLanguage(name: string): boolean {
  const [language] = manifest.contributes.languages;
  return (
    language.filenames.includes(name) ||
    language.filenamePatterns.some((p) => patternToRegExp(p).test(name)) ||
    language.extensions.some((ext) => name.toLowerCase().endsWith(ext))
  );
}

describe("extension manifest", () => {
  it("is up to date with the rules (generate-manifest --check)", () => {
    const r = spawnSync(process.execPath, [join(REPO, "scripts", "generate-manifest.mjs"), "--check"], { encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
  });

  it("contributes stagecraft.rules.<id> for every rule, defaulting to the rule's own severity (opt-in rules: off), with its description", () => {
    for (const { meta } of allRules) {
      const setting = settings[`stagecraft.rules.${meta.id}`];
      assert.ok(setting, `no setting for ${meta.id}`);
      assert.deepStrictEqual(setting.enum, ["default", "off", "hint", "info", "warning", "error"]);
      // Not the rule's severity: VS Code sends defaults, and an explicit severity overrides per-finding ones.
      assert.strictEqual(setting.default, "default", meta.id);
      // An opt-in rule says it is off until a severity turns it on.
      assert.ok(setting.markdownDescription?.includes(meta.optIn ? "Off by default" : `Default severity: ${meta.severity}.`), meta.id);
      assert.strictEqual(setting.description, meta.description, meta.id);
    }
    const ruleSettings = Object.keys(settings).filter((key) => key.startsWith("stagecraft.rules."));
    assert.strictEqual(ruleSettings.length, allRules.length, "a setting for a rule that no longer exists");
  });

  it("contributes stagecraft.syntax.<key> for every dockerfile-utils check, in the rules' severity words", () => {
    for (const key of SYNTAX_SETTING_KEYS) {
      assert.deepStrictEqual(settings[`stagecraft.syntax.${key}`]?.enum, ["off", "hint", "info", "warning", "error"], key);
    }
  });

  it("says which settings cannot work in the browser", () => {
    for (const key of ["stagecraft.imageSize.online", "stagecraft.shellcheck.path"])
      assert.match(String(settings[key].description ?? settings[key].markdownDescription), /in the browser/, key);
  });

  it("declares the client settings and the trust and virtual-workspace capabilities", () => {
    assert.strictEqual(settings["stagecraft.imageSize.online"].default, true);
    assert.match(String(settings["stagecraft.imageSize.online"].description), /untrusted/);
    assert.deepStrictEqual(settings["stagecraft.convert.runtime"].enum, ["auto", "distroless", "alpine", "slim", "scratch"]);
    assert.deepStrictEqual(settings["stagecraft.trace.server"].enum, ["off", "messages", "verbose"]);
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces, {
      supported: "limited",
      description: (manifest.capabilities.untrustedWorkspaces as { description?: string }).description,
      // A binary path from an untrusted workspace would run that workspace's program.
      restrictedConfigurations: ["stagecraft.imageSize.online", "stagecraft.shellcheck.path"],
    });
    assert.strictEqual(settings["stagecraft.shellcheck.path"].default, "shellcheck");
    assert.strictEqual(manifest.capabilities.virtualWorkspaces, true);
  });

  it("gives the dockerfile language every name the CLI checks, and the reverse", () => {
    const names = [
      "Dockerfile",
      "Containerfile",
      "api.Dockerfile",
      "Dockerfile.dev",
      "Dockerfile-prod",
      "web.containerfile",
      "Containerfile.prod",
      "x.dockerfile",
    ];
    for (const name of names) {
      assert.ok(isDockerfileLanguage(name), `${name} is not a dockerfile for VS Code`);
      assert.ok(isDockerfileName(name), `${name} is not a Dockerfile for the CLI`);
    }
    for (const name of ["README.md", "docker-compose.yml", "Dockerfile.dockerignore"]) assert.ok(!isDockerfileName(name), name);
  });

  it("points at the grammar, the language configuration and the commands", () => {
    assert.deepStrictEqual(manifest.contributes.grammars, [
      { language: "dockerfile", scopeName: "source.dockerfile", path: "./syntaxes/dockerfile.tmLanguage.json" },
    ]);
    const configuration = JSON.parse(readFileSync(join(REPO, manifest.contributes.languages[0].configuration), "utf8")) as {
      comments: { lineComment: string };
    };
    assert.strictEqual(configuration.comments.lineComment, "#");
    assert.deepStrictEqual(manifest.contributes.commands.map((c) => c.command).sort(), [
      "stagecraft.convert",
      "stagecraft.restartServer",
      "stagecraft.showOutput",
    ]);
    assert.deepStrictEqual(manifest.activationEvents, ["onLanguage:dockerfile"]);
  });

  it("names entry points the build writes and bin wrappers that load them", () => {
    const build = readFileSync(join(REPO, "scripts", "build.mjs"), "utf8");
    for (const entry of [manifest.main, manifest.browser]) assert.ok(build.includes(entry.replace(/^\.\//, "")), entry);
    for (const [name, path] of Object.entries(manifest.bin)) {
      const file = join(REPO, path);
      assert.ok(existsSync(file), `${name} -> ${path}`);
      const text = readFileSync(file, "utf8");
      assert.match(text, /^#!\/usr\/bin\/env node\n/);
      const target = /require\("([^"]+)"\)/.exec(text)?.[1];
      assert.ok(target && build.includes(join("dist", target.replace(/^\.\.\/dist\//, ""))), `${path} requires ${target}`);
    }
  });
});
