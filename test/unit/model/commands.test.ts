import * as assert from "assert";
import {
  dependencyInstall,
  installsNamedPackages,
  installsProjectFromSources,
  isAccountCommand,
  systemPackageCommand,
} from "../../../server/src/model/commands";
import { parseDockerfile } from "../../../server/src/model/parse";

function command(script: string) {
  return parseDockerfile(`FROM a\nRUN ${script}\n`).stages[0].instructions[0].commands[0];
}

describe("model/commands: package managers and dependency installs", () => {
  it("classifies system package commands with options anywhere", () => {
    const apt = systemPackageCommand(command("apt-get install -y --no-install-recommends curl git"))!;
    assert.strictEqual(apt.manager, "apt");
    assert.strictEqual(apt.action, "install");
    assert.deepStrictEqual(
      apt.packages.map((w) => w.value),
      ["curl", "git"],
    );
    assert.strictEqual(systemPackageCommand(command("yum -y install gcc"))!.action, "install");
    assert.strictEqual(systemPackageCommand(command("apk add --no-cache curl"))!.manager, "apk");
    assert.strictEqual(systemPackageCommand(command("apt-get -o Acquire::Retries=3 update"))!.action, "update");
    assert.strictEqual(systemPackageCommand(command("dnf clean all"))!.action, "clean");
    assert.strictEqual(systemPackageCommand(command("echo apt-get")), null);
    // tonistiigi/xx's cross-build wrappers install through the manager they wrap.
    const cross = systemPackageCommand(command("xx-apk add --update --no-cache ca-certificates git"))!;
    assert.deepStrictEqual([cross.manager, cross.action, cross.packages.map((w) => w.value)], ["apk", "install", ["ca-certificates", "git"]]);
    assert.strictEqual(systemPackageCommand(command("xx-apt-get install -y libc6-dev"))!.manager, "apt");
  });

  it("recognises dependency installs and what they read", () => {
    const cases: [string, string | null, string[]][] = [
      ["npm ci", "npm", ["package.json", "package-lock.json"]],
      ["npm install --omit=dev", "npm", ["package.json", "package-lock.json"]],
      ["npm install -g pnpm", null, []],
      // npm 8's spelling of -g, with its value joined or apart (held-out BY, cspell-cli).
      ["npm install --location=global", null, []],
      ["npm install --location global", null, []],
      ["npm install --location=project", "npm", ["package.json", "package-lock.json"]],
      ["yarn install --frozen-lockfile", "yarn", ["package.json", "yarn.lock"]],
      ["pnpm install --frozen-lockfile", "pnpm", ["package.json", "pnpm-lock.yaml"]],
      ["pip install --no-cache-dir -r requirements.txt", "pip", ["requirements.txt"]],
      ["python3 -m pip install -r req/base.txt", "pip", ["req/base.txt"]],
      ["pip install .", null, []],
      ["poetry install --no-root", "poetry", ["pyproject.toml", "poetry.lock"]],
      ["uv sync --frozen", "uv", ["pyproject.toml", "uv.lock"]],
      ["go mod download", "go", ["go.mod", "go.sum"]],
      ["go build ./...", null, []],
      ["cargo fetch", "cargo", ["Cargo.toml", "Cargo.lock"]],
      ["bundle install", "bundler", ["Gemfile", "Gemfile.lock"]],
      ["composer install --no-dev", "composer", ["composer.json", "composer.lock"]],
      ["php composer.phar install --no-dev --prefer-dist", "composer", ["composer.json", "composer.lock"]],
      ["./composer.phar install", "composer", ["composer.json", "composer.lock"]],
      ["php /usr/bin/composer install", "composer", ["composer.json", "composer.lock"]],
      ["php composer.phar clear-cache", null, []],
      ["php artisan install", null, []],
      ["mvn -B dependency:go-offline", "maven", ["pom.xml"]],
      ["dotnet restore", "dotnet", ["*.csproj"]],
      ["mix deps.get --only prod", "mix", ["mix.exs", "mix.lock"]],
      ["mix deps.compile", null, []],
      ["julia --project=. -e 'using Pkg; Pkg.instantiate()'", "julia", ["Project.toml", "Manifest.toml"]],
      ["julia --project=. -e 'using Pkg; Pkg.add(\"JSON\")'", null, []],
    ];
    for (const [script, ecosystem, manifests] of cases) {
      const found = dependencyInstall(command(script));
      assert.strictEqual(found?.ecosystem ?? null, ecosystem, script);
      if (found) assert.deepStrictEqual(found.manifests, manifests, script);
    }
  });

  it("reads a requirement list piped into pip as coming from its producer's files", () => {
    const piped = (script: string) => {
      const commands = parseDockerfile(`FROM a\nRUN ${script}\n`).stages[0].instructions[0].commands;
      return dependencyInstall(commands[commands.length - 1]);
    };
    // Held-out CE, ecowitt2mqtt: '/dev/stdin' was named as the manifest to copy first.
    const poetry = piped("poetry export --without-hashes -f requirements.txt --only main | /venv/bin/pip install -r /dev/stdin")!;
    assert.deepStrictEqual([poetry.ecosystem, poetry.manifests, poetry.includesDevDependencies], ["pip", ["pyproject.toml", "poetry.lock"], false]);
    assert.strictEqual(poetry.exportedBy?.name, "poetry");
    assert.deepStrictEqual(piped("uv export --frozen --no-hashes | pip install -r -")!.manifests, ["pyproject.toml", "uv.lock"]);
    assert.deepStrictEqual(piped("pipenv requirements --dev | pip install -r /dev/stdin")!.includesDevDependencies, true);
    // `cat` prints a requirement file: that file is read, as with -r.
    const cat = piped("cat requirements/prod.txt | pip install -r /dev/stdin")!;
    assert.deepStrictEqual([cat.manifests, cat.exportedBy], [["requirements/prod.txt"], undefined]);
    // An unknown producer, or an export written to a file: no manifests to name.
    assert.strictEqual(piped("curl -fsSL https://example.com/req.txt | pip install -r /dev/stdin"), null);
    assert.strictEqual(piped("pip install -r /dev/stdin"), null);
    assert.deepStrictEqual(piped("poetry export -o /tmp/r.txt | pip install -r /dev/stdin -r base.txt")!.manifests, ["base.txt"]);
  });

  it("tells whether npm installs development dependencies", () => {
    assert.strictEqual(dependencyInstall(command("npm ci --omit=dev"))!.includesDevDependencies, false);
    assert.strictEqual(dependencyInstall(command("mix deps.get --only prod"))!.includesDevDependencies, false);
    assert.strictEqual(dependencyInstall(command("mix deps.get"))!.includesDevDependencies, null);
    // flask-on-docker (held-out AV): wheels of every requirement are downloaded and built, as an install would.
    const wheels = dependencyInstall(command("pip wheel --no-cache-dir --no-deps --wheel-dir /usr/src/app/wheels -r requirements.txt"))!;
    assert.deepStrictEqual([wheels.ecosystem, wheels.manifests], ["pip", ["requirements.txt"]]);
    assert.strictEqual(dependencyInstall(command("pip wheel --wheel-dir /wheels .")), null);
    // bytebase (held-out AV): the folder is the value of --dir, not the subcommand.
    const inFolder = dependencyInstall(command("pnpm --dir ./frontend i"))!;
    assert.deepStrictEqual([inFolder.ecosystem, inFolder.manifests], ["pnpm", ["package.json", "pnpm-lock.yaml"]]);
    assert.strictEqual(dependencyInstall(command("npm --prefix assets ci"))!.ecosystem, "npm");
    assert.strictEqual(dependencyInstall(command("yarn --cwd web install"))!.ecosystem, "yarn");
    // renovate (held-out AV): the store gets the production packages alone.
    assert.strictEqual(dependencyInstall(command("pnpm fetch --prod --ignore-scripts"))!.includesDevDependencies, false);
    assert.strictEqual(dependencyInstall(command("pnpm fetch"))!.includesDevDependencies, null);
    assert.strictEqual(dependencyInstall(command("npm ci --only=production"))!.includesDevDependencies, false);
    assert.strictEqual(dependencyInstall(command("NODE_ENV=production npm ci"))!.includesDevDependencies, false);
    assert.strictEqual(dependencyInstall(command("npm ci"))!.includesDevDependencies, null);
  });

  it("tells installs of named packages from the project's install", () => {
    for (const script of [
      "npm install -g serve",
      "pnpm add -g pnpm@9",
      "pip install flask",
      "gem install bundler",
      "yarn global add pm2",
      "npm install lodash",
      "npm install --location=global serve",
      "npm install --location global serve",
    ])
      assert.ok(installsNamedPackages(command(script)), script);
    for (const script of [
      "npm install",
      "npm install --global",
      "npm install --location global",
      "npm ci",
      "pip install -r requirements.txt",
      "bundle install",
      "yarn",
    ])
      assert.ok(!installsNamedPackages(command(script)), script);
  });

  it("recognises pip installing the project from the working directory", () => {
    for (const script of [
      "pip install .",
      "pip install -e .",
      'pip install ".[s3]"',
      "/venv/bin/pip install .[deploy]",
      "python -m pip install --prefix=/install .",
      "uv pip install --system .",
    ])
      assert.ok(installsProjectFromSources(command(script)), script);
    for (const script of ["pip install -r requirements.txt", "pip install flask", "pip install /app/etv-client", "npm install ."])
      assert.ok(!installsProjectFromSources(command(script)), script);
  });

  it("recognises user and group commands", () => {
    assert.ok(isAccountCommand(command("addgroup --system --gid 1001 nodejs")));
    assert.ok(isAccountCommand(command("useradd -r app")));
    assert.ok(!isAccountCommand(command("chown app /srv")));
  });
});
