// Which build context a compose file gives a Dockerfile (`build.context` + `build.dockerfile`).

import * as assert from "assert";
import { workflowContexts } from "../../../server/src/host/ci-context";
import { composeContextFor, parseDotEnv } from "../../../server/src/host/compose-context";

describe("host: compose build context", () => {
  const compose = [
    "services:",
    "  backend:",
    "    build:",
    "      context: ./../../",
    "      dockerfile: ./examples/app/Backend/Dockerfile",
    "  web:",
    "    build: ./web",
  ].join("\n");

  it("finds the repository-root context of a Dockerfile kept in a subfolder", () => {
    assert.strictEqual(composeContextFor(compose, "/repo/examples/app", "/repo/examples/app/Backend/Dockerfile"), "/repo");
  });

  it("a short-form build names the folder holding the Dockerfile", () => {
    assert.strictEqual(composeContextFor(compose, "/repo/examples/app", "/repo/examples/app/web/Dockerfile"), "/repo/examples/app/web");
  });

  it("a build that names no file reads a lower-case `dockerfile` only where it is the folder's one", () => {
    assert.strictEqual(composeContextFor(compose, "/repo/examples/app", "/repo/examples/app/web/dockerfile"), null);
    assert.strictEqual(
      composeContextFor(compose, "/repo/examples/app", "/repo/examples/app/web/dockerfile", new Map(), "dockerfile"),
      "/repo/examples/app/web",
    );
  });

  it("a service that only pulls an image builds no Dockerfile next to the compose file", () => {
    const text = [
      "services:",
      "  proxy:",
      "    image: nginx:1-alpine",
      "  app:",
      "    build:",
      "      context: ../",
      "      dockerfile: docker/Dockerfile",
    ].join("\n");
    assert.strictEqual(composeContextFor(text, "/repo/docker", "/repo/docker/Dockerfile"), "/repo");
    assert.strictEqual(composeContextFor("services:\n  db:\n    image: postgres:14\n", "/repo/docker", "/repo/docker/Dockerfile"), null);
  });

  it("null when no service builds the Dockerfile, or the file is not valid YAML", () => {
    assert.strictEqual(composeContextFor(compose, "/repo/examples/app", "/repo/other/Dockerfile"), null);
    assert.strictEqual(composeContextFor("services: [", "/repo", "/repo/Dockerfile"), null);
  });
});

describe("host: compose and CI files with tags of their own", () => {
  it("reads compose's !reset and GitLab's !reference without a warning on stderr", () => {
    // openfga's docker-compose.override.yaml resets an image with `image: !reset null`.
    const warnings: unknown[] = [];
    const emit = process.emitWarning;
    process.emitWarning = ((warning: unknown) => void warnings.push(warning)) as typeof process.emitWarning;
    try {
      const compose = "services:\n  app:\n    image: !reset null\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n";
      assert.strictEqual(composeContextFor(compose, "/repo/docker", "/repo/docker/Dockerfile"), "/repo");
      const ci = "build:\n  script:\n    - !reference [.setup, script]\n    - docker build -f docker/Dockerfile .\n";
      assert.deepStrictEqual(workflowContexts(ci, "docker/Dockerfile"), [""]);
    } finally {
      process.emitWarning = emit;
    }
    assert.deepStrictEqual(warnings, []);
  });
});

describe("host: compose interpolation of a build's context and dockerfile", () => {
  const compose = "services:\n  app:\n    build:\n      context: ${APP_CONTEXT:-.}\n      dockerfile: ${APP_DOCKERFILE}\n";
  it("fills variables from the project's .env and defaults, as compose does", () => {
    const env = parseDotEnv("# local settings\nexport APP_DOCKERFILE=docker/Dockerfile\nOTHER='x y'\n");
    assert.strictEqual(env.get("OTHER"), "x y");
    assert.strictEqual(composeContextFor(compose, "/repo", "/repo/docker/Dockerfile", env), "/repo");
    const there = parseDotEnv('APP_CONTEXT=./server\nAPP_DOCKERFILE="Dockerfile.prod"\n');
    assert.strictEqual(composeContextFor(compose, "/repo", "/repo/server/Dockerfile.prod", there), "/repo/server");
  });
  it("skips a build whose dockerfile no .env or default names (the shell's environment is not known)", () => {
    assert.strictEqual(composeContextFor(compose, "/repo", "/repo/docker/Dockerfile"), null);
  });
});
