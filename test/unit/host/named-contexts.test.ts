import * as assert from "assert";
import {
  bakeHclContextNames,
  bakeJsonContextNames,
  bakeFilesNamed,
  commandLineContextNames,
  composeContextNames,
  readNamedContexts,
} from "../../../server/src/host/named-contexts";
import { TempProjects } from "../../support/temp-project";

describe("host/named-contexts: build contexts passed by name", () => {
  const projects = new TempProjects("stagecraft-contexts");
  after(() => projects.dispose());

  it("reads compose additional_contexts in map and list form", () => {
    const text = [
      "services:",
      "  web:",
      "    build:",
      "      context: .",
      "      additional_contexts:",
      "        templates: ./templates",
      "        base: docker-image://alpine:3.22",
      "  worker:",
      "    build:",
      "      additional_contexts:",
      "        - src=../src",
      "  db:",
      "    image: postgres:17",
      "  plain:",
      "    build: ./plain",
    ].join("\n");
    assert.deepStrictEqual(composeContextNames(text).sort(), ["base", "src", "templates"]);
  });

  it("declares nothing for invalid or unrelated YAML", () => {
    assert.deepStrictEqual(composeContextNames("services: [\n"), []);
    assert.deepStrictEqual(composeContextNames("version: '3'\n"), []);
    assert.deepStrictEqual(composeContextNames("- a\n- b\n"), []);
  });

  it("reads bake HCL and JSON contexts", () => {
    const hcl =
      'target "app" {\n  dockerfile = "Dockerfile"\n  contexts = {\n    langgraph_src = "../../langgraph"\n    "alpine" = "docker-image://alpine:3.22"\n  }\n}\ntarget "x" { contexts = { base = "target:base" } }\n';
    assert.deepStrictEqual(bakeHclContextNames(hcl), ["langgraph_src", "alpine", "base"]);
    assert.deepStrictEqual(bakeJsonContextNames('{ "target": { "app": { "contexts": { "templates": "./t" } }, "b": {} } }'), ["templates"]);
    assert.deepStrictEqual(bakeJsonContextNames("{ nope"), []);
  });

  it("reads every key of a bake contexts map whose values interpolate variables (held-out AL: hydra)", () => {
    const hcl = [
      'target "postgres" {',
      "  contexts = {",
      '    columnar = "target:columnar_${POSTGRES_BASE_VERSION}"',
      '    postgres_base = "docker-image://postgres:${POSTGRES_BASE_VERSION}-bookworm"',
      "    # a comment with a } and key = value",
      '    nested = "${lookup({ a = "}" }, "a", "x")}", after = "./after" /* } */',
      "  }",
      '  args = { later = "x" }',
      "}",
      "",
    ].join("\n");
    assert.deepStrictEqual(bakeHclContextNames(hcl), ["columnar", "postgres_base", "nested", "after"]);
    assert.deepStrictEqual(bakeHclContextNames('target "a" { contexts = { "x=y" = "./a,b = c" } }\n'), ["x=y"]);
    assert.deepStrictEqual(bakeHclContextNames('target "a" { contexts = { unclosed = "./a"\n'), ["unclosed"]);
  });

  it("takes every target for a named context where a function builds a target's contexts", () => {
    // Held-out CJ, isle-buildkit: `contexts = dependencies("fcrepo6", "")` maps tomcat to `target:tomcat`.
    const hcl = [
      "function dependencies {",
      "  params = [image, suffix]",
      '  result = { for target in DEPENDENCIES[image]: target => "target:${target}" }',
      "}",
      'target "tomcat" {',
      '  context = "images/tomcat"',
      "}",
      'target "fcrepo6" {',
      '  contexts = dependencies("fcrepo6", "")',
      "}",
      "",
    ].join("\n");
    assert.deepStrictEqual(bakeHclContextNames(hcl), ["tomcat", "fcrepo6"]);
    assert.deepStrictEqual(bakeHclContextNames('target "tomcat" {\n  context = "images/tomcat"\n}\n'), []);
  });

  it("reads a bake file of deeply nested or unclosed values in one pass, without recursion", () => {
    const nested = `target "a" {\n  contexts = { x = "${'${"'.repeat(10_000)}" }\n}\n`;
    assert.deepStrictEqual(bakeHclContextNames(nested), ["x"]);
    const unclosed = 'target "a" {\n  contexts = {\n'.repeat(20_000);
    const started = performance.now();
    assert.strictEqual(bakeHclContextNames(unclosed).length, 0);
    assert.ok(performance.now() - started < 2000, "20,000 unclosed maps read in one pass");
  });

  it("skips heredoc values and HCL's $${ escape", () => {
    const hcl = 'target "a" {\n  contexts = {\n    notes = <<EOT\n}\nfake = 1\nEOT\n    tmpl = "$${x}"\n    after = "./b"\n  }\n}\n';
    assert.deepStrictEqual(bakeHclContextNames(hcl), ["notes", "tmpl", "after"]);
  });

  it("reads --build-context names from build command lines and build-push-action's build-contexts", () => {
    const script = 'docker buildx build --build-context plugin-sources=../plugins \\\n  --build-context=docs="./docs" -t app .\n';
    assert.deepStrictEqual(commandLineContextNames(script), ["plugin-sources", "docs"]);
    const workflow =
      "      - uses: docker/build-push-action@v6\n        with:\n          build-contexts: |\n            assets=./web/dist\n            base=docker-image://alpine:3.22\n          push: true\n";
    assert.deepStrictEqual(commandLineContextNames(workflow), ["assets", "base"]);
    // One context on the key's own line (letsencrypt/pebble's release workflow).
    const inline = "        with:\n          build-contexts: dist-files=/tmp/dist\n          file: Dockerfile.release\n";
    assert.deepStrictEqual(commandLineContextNames(inline), ["dist-files"]);
    assert.deepStrictEqual(commandLineContextNames("          build-contexts: ${{ env.CONTEXTS }}\n"), []);
    assert.deepStrictEqual(commandLineContextNames("docker build -t app .\n"), []);
  });

  it("reads the build scripts and CI workflows in reach, as for --target", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/release.yml": "jobs:\n  b:\n    steps:\n      - run: docker buildx build --build-context theme=./theme -f docker/Dockerfile .\n",
      "repo/docker/build.sh": "#!/bin/sh\ndocker build --build-context vendor-src=../vendor .\n",
      "repo/docker/Dockerfile": "FROM alpine:3.22\n",
    });
    assert.deepStrictEqual(await readNamedContexts(`${root}/repo/docker`), ["theme", "vendor-src"]);
  });

  it("finds the bake files a build command or bake-action names, relative ones only", () => {
    assert.deepStrictEqual(bakeFilesNamed("docker buildx bake -f build/images.hcl --print ci\ndocker buildx bake --file=./ci/override.json\n"), [
      "build/images.hcl",
      "ci/override.json",
    ]);
    const workflow = [
      "steps:",
      "  - uses: docker/bake-action@v6",
      "    with:",
      "      files: |",
      "        build/images.hcl",
      "        ./build/tags.json",
      "  - uses: docker/bake-action@v6",
      "    with:",
      "      files: deploy/a.hcl,deploy/b.hcl",
      "",
    ].join("\n");
    assert.deepStrictEqual(bakeFilesNamed(workflow), ["build/images.hcl", "build/tags.json", "deploy/a.hcl", "deploy/b.hcl"]);
    assert.deepStrictEqual(
      bakeFilesNamed("docker buildx bake -f ${BAKE_FILE}\ndocker buildx bake -f ../outside.hcl -f /etc/x.hcl\ndocker build -f Dockerfile .\n"),
      [],
    );
  });

  it("reads the contexts of a bake file named by a CI workflow, under any name", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/images.yml": "jobs:\n  b:\n    steps:\n      - uses: docker/bake-action@v6\n        with:\n          files: build/images.hcl\n",
      "repo/build/images.hcl":
        'target "toolchain" {\n  dockerfile = "build/toolchain.dockerfile"\n}\ntarget "app" {\n  contexts = { toolchain = "target:toolchain" }\n}\n',
      "repo/Dockerfile": "FROM toolchain AS deps\n",
    });
    assert.deepStrictEqual(await readNamedContexts(`${root}/repo`), ["toolchain"]);
  });

  it("looks in the Dockerfile's folder and above, stopping at the repository root", async () => {
    const root = projects.create({
      "compose.yaml": "services:\n  a:\n    build:\n      additional_contexts:\n        outside: ../x\n",
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/docker-bake.hcl": 'target "a" {\n  contexts = { shared = "./shared" }\n}\n',
      "repo/services/api/docker-compose.yml": 'services:\n  api:\n    build:\n      additional_contexts: ["templates=../templates"]\n',
      "repo/services/api/Dockerfile": "FROM alpine:3.22\n",
    });
    assert.deepStrictEqual(await readNamedContexts(`${root}/repo/services/api`), ["shared", "templates"]);
  });
});
