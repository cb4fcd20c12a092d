import * as assert from "assert";
import { dependencyInstall } from "../../../server/src/model/commands";
import type { BuildContextFacts } from "../../../server/src/model/context";
import { declaresNoNodeDependencies, manifestPlan } from "../../../server/src/model/dependency-manifests";
import { parseDockerfile } from "../../../server/src/model/parse";

function planFor(script: string, context: BuildContextFacts = {}) {
  const command = parseDockerfile(`FROM a\nRUN ${script}\n`).stages[0].instructions[0].commands[0];
  const install = dependencyInstall(command);
  assert.ok(install, `'${script}' is a dependency install`);
  return manifestPlan(install, context);
}

describe("model/dependency-manifests: what an install needs before the sources", () => {
  it("uses wildcard forms when the context is unknown", () => {
    assert.deepStrictEqual(planFor("npm ci"), { files: ["package*.json"], dirs: [], isCertain: true });
    assert.deepStrictEqual(planFor("go mod download"), { files: ["go.mod", "go.sum*"], dirs: [], isCertain: true });
    assert.deepStrictEqual(planFor("pipenv install --deploy"), { files: ["Pipfile", "Pipfile.lock*"], dirs: [], isCertain: true });
  });

  it("lists only the files that exist when the root entries are known", () => {
    const yarn = { rootEntries: ["package.json", "yarn.lock", ".yarnrc.yml", ".yarn/", "src/"] };
    assert.deepStrictEqual(planFor("yarn install --immutable", yarn), {
      files: ["package.json", "yarn.lock", ".yarnrc.yml"],
      dirs: [".yarn"],
      isCertain: true,
    });
    assert.deepStrictEqual(planFor("npm ci", { rootEntries: ["package.json", "npm-shrinkwrap.json"] })?.files, ["package.json", "npm-shrinkwrap.json"]);
    assert.deepStrictEqual(planFor("go mod download", { rootEntries: ["go.mod", "main.go"] })?.files, ["go.mod"]);
  });

  it("is unsure where optional configuration may change the install", () => {
    assert.strictEqual(planFor("yarn")?.isCertain, false);
    assert.strictEqual(planFor("poetry install --no-root")?.isCertain, false);
    assert.strictEqual(planFor("./mvnw dependency:go-offline")?.isCertain, false);
    assert.deepStrictEqual(planFor("./mvnw dependency:go-offline")?.dirs, [".mvn"]);
    assert.strictEqual(planFor("npm ci", { rootEntries: ["package.json", "package-lock.json", "lerna.json"] })?.isCertain, false);
    assert.deepStrictEqual(planFor("uv sync --frozen --no-install-project"), { files: ["pyproject.toml", "uv.lock*"], dirs: [], isCertain: false });
    assert.deepStrictEqual(planFor("uv sync --no-install-project", { rootEntries: ["pyproject.toml", "uv.lock", ".python-version"] })?.files, [
      "pyproject.toml",
      "uv.lock",
      ".python-version",
    ]);
  });

  it("names the requirement files pip is given, when they exist", () => {
    assert.deepStrictEqual(planFor("pip install -r requirements/prod.txt -c constraints.txt")?.files, ["requirements/prod.txt", "constraints.txt"]);
    assert.strictEqual(planFor("pip install -r requirements.txt", { rootEntries: ["setup.py"] }), null);
    assert.strictEqual(planFor("pip install -r $REQUIREMENTS"), null);
  });

  it("refuses installs that need the sources themselves", () => {
    assert.strictEqual(planFor("poetry install"), null, "installs the project too");
    assert.strictEqual(planFor("uv sync --frozen"), null, "installs the project too");
    assert.strictEqual(planFor("composer install --no-dev"), null, "runs scripts and scans classes");
    assert.strictEqual(planFor("cargo fetch"), null, "needs the crate's targets");
    assert.strictEqual(planFor("bundle install", { rootEntries: ["Gemfile", "mygem.gemspec"] }), null, "gemspec loads the gem");
    assert.strictEqual(planFor("pnpm install", { rootEntries: ["package.json", "pnpm-workspace.yaml"] }), null, "workspace packages");
    assert.strictEqual(planFor("dotnet restore", { rootEntries: ["App.sln", "src/"] }), null, "solution with projects in folders");
  });

  it("copies the project file dotnet restore names, or the single one at the root", () => {
    assert.deepStrictEqual(planFor("dotnet restore src/Api/Api.csproj")?.files, ["src/Api/Api.csproj"]);
    assert.deepStrictEqual(planFor("dotnet restore", { rootEntries: ["Api.csproj", "NuGet.Config", "Program.cs"] })?.files, ["Api.csproj", "NuGet.Config"]);
  });

  it("tells a package.json that declares nothing to install", () => {
    const files = {
      "package.json": '{ "name": "assets", "scripts": { "deploy": "cd assets && npm install" } }',
      "web/package.json": '{ "dependencies": { "react": "^19.0.0" } }',
      "tools/package.json": '{ "devDependencies": {}, "workspaces": ["a"] }',
      "broken/package.json": "{ not json",
    };
    assert.ok(declaresNoNodeDependencies({ files }, "package.json"));
    assert.ok(!declaresNoNodeDependencies({ files }, "web/package.json"));
    assert.ok(!declaresNoNodeDependencies({ files }, "tools/package.json"), "workspaces list members with dependencies");
    assert.ok(!declaresNoNodeDependencies({ files }, "broken/package.json"));
    assert.ok(!declaresNoNodeDependencies({ files }, "missing/package.json"));
  });
});
