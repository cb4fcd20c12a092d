import * as assert from "assert";
import { compositeBuilds, localActionCalls } from "../../../server/src/host/local-actions";

describe("host/local-actions: builds run through the repository's own composite actions", () => {
  const workflow =
    "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/build/\n        with:\n          platforms: linux/amd64,linux/arm64\n      - uses: ../outside\n      - uses: actions/checkout@v4\n";

  it("finds the steps that run a local action, with their inputs; not a path outside the repository, nor a published action", () => {
    const calls = localActionCalls(workflow);
    assert.deepStrictEqual(
      calls.map((c) => [c.path, [...c.inputs], c.runsOn]),
      [[".github/actions/build", [["platforms", "linux/amd64,linux/arm64"]], "ubuntu-latest"]],
    );
    assert.deepStrictEqual(localActionCalls("not: [yaml"), []);
  });

  it("writes the action's build-push-action steps with the caller's inputs, else the defaults, and other expressions as they are", () => {
    const action =
      "inputs:\n  file:\n    default: Dockerfile\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n    - uses: docker/build-push-action@v6\n      with:\n        file: ${{ inputs.file }}\n        platforms: ${{ inputs.platforms }}\n        tags: ${{ steps.meta.outputs.tags }}\n";
    const [call] = localActionCalls(workflow);
    assert.deepStrictEqual(JSON.parse(compositeBuilds(action, call) as string), {
      jobs: {
        ".github/actions/build": {
          "runs-on": "ubuntu-latest",
          steps: [
            {
              uses: "docker/build-push-action@v6",
              with: { file: "Dockerfile", platforms: "linux/amd64,linux/arm64", tags: "${{ steps.meta.outputs.tags }}" },
            },
          ],
        },
      },
    });
    // A JavaScript or Docker action, or a composite one that builds nothing, adds no build.
    assert.strictEqual(compositeBuilds("runs:\n  using: node20\n  main: index.js\n", call), null);
    assert.strictEqual(compositeBuilds("runs:\n  using: composite\n  steps:\n    - run: make\n", call), null);
  });
});
