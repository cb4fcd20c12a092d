// Properties every conversion must have, checked over all fixture cases and every runtime family
// the case accepts: the output parses into at least two stages, raises no error the input did not,
// ships on a base the facts say is smaller, keeps EXPOSE and the CMD/ENTRYPOINT contract, and
// converting it again is refused as already multi-stage.

import * as assert from "assert";
import { convertToMultiStage, ConversionResult, RUNTIME_FAMILIES, RuntimeFamily } from "../../../server/src/convert/index";
import { readEntryCommand } from "../../../server/src/convert/entry-command";
import { analyze } from "../../../server/src/engine";
import { parseImageReference } from "../../../server/src/images/reference";
import { toolchainOf } from "../../../server/src/images/toolchains";
import { parseDockerfile } from "../../../server/src/model/parse";
import type { Stage } from "../../../server/src/model/types";
import { convertCases } from "./cases";

function errorIds(text: string): Set<string> {
  return new Set(
    analyze(text)
      .findings.filter((f) => f.severity === "error")
      .map((f) => f.ruleId),
  );
}

function exposed(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => i.keyword === "EXPOSE")
    .flatMap((i) => i.args.map((a) => a.value))
    .sort();
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Checks one successful conversion of `input` against every property. */
function checkProperties(label: string, input: string, result: ConversionResult & { ok: true }): void {
  const before = parseDockerfile(input);
  const after = parseDockerfile(result.text);
  assert.ok(after.stages.length >= 2, `${label}: ${after.stages.length} stage(s)`);
  const final = after.finalStage as Stage;
  const original = before.finalStage as Stage;

  const newErrors = [...errorIds(result.text)].filter((id) => !errorIds(input).has(id));
  assert.deepStrictEqual(newErrors, [], `${label}: new error findings`);

  const { builderSize, runtimeSize } = result.summary;
  if (builderSize && runtimeSize) {
    const ref = parseImageReference(result.summary.builderBase);
    const isToolchain = ref !== null && toolchainOf(ref) !== null;
    assert.ok(isToolchain ? runtimeSize.amd64 < builderSize.amd64 : runtimeSize.amd64 <= builderSize.amd64, `${label}: runtime base is not smaller`);
  }

  assert.deepStrictEqual(exposed(final), exposed(original), `${label}: EXPOSE changed`);
  const was = readEntryCommand(original);
  const now = readEntryCommand(final);
  switch (result.summary.command) {
    case "kept":
      assert.deepStrictEqual(now.argv, was.argv, `${label}: command changed`);
      break;
    case "adjusted":
      // Same program (moved to where the artifact lands), same arguments.
      assert.ok(was.argv && now.argv, `${label}: command unreadable`);
      assert.strictEqual(basename(now.argv[0]), basename(was.argv[0]), label);
      assert.deepStrictEqual(now.argv.slice(1), was.argv.slice(1), label);
      break;
    case "replaced":
      assert.strictEqual(now.cmd, null, `${label}: a replaced command leaves the image's own`);
      break;
    case "artifact":
      // The build tool at start (`mvn spring-boot:run`, `dotnet run`) gives way to the artifact it built,
      // started by the runtime that tool brought along.
      assert.ok(now.argv && was.argv, `${label}: command unreadable`);
      assert.strictEqual(basename(now.argv[0]), basename(was.argv[0]) === "dotnet" ? "dotnet" : "java", label);
      assert.doesNotMatch(now.argv[1] ?? "", /^(?:run|spring-boot:run)$/, `${label}: still builds at start`);
      break;
  }

  const again = convertToMultiStage(after);
  assert.ok(!again.ok && /already multi-stage/.test(again.reason), `${label}: second conversion was ${again.ok ? "accepted" : again.reason}`);
}

describe("convert: properties over every case", () => {
  for (const c of convertCases()) {
    it(`${c.name} holds under every runtime family it accepts`, () => {
      let accepted = 0;
      const runtimes: (RuntimeFamily | undefined)[] = [undefined, ...RUNTIME_FAMILIES];
      for (const runtime of runtimes) {
        const result = convertToMultiStage(parseDockerfile(c.input, c.context), { runtime });
        if (!result.ok) {
          // A refusal is one line that says why.
          assert.ok(result.reason.length > 0 && !result.reason.includes("\n"), result.reason);
          continue;
        }
        accepted++;
        checkProperties(`${c.name} (${runtime ?? "auto"})`, c.input, result);
      }
      assert.ok(accepted >= 1, `${c.name}: no runtime family accepted`);
    });
  }
});
