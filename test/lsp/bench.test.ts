// The LSP side-by-side bench (scripts/bench-lsp.ts) in its quick mode on 5 files, so that it keeps
// running against both servers: every figure is measured on both, and every growth measure is fitted.

import * as assert from "assert";
import { ANCHOR_SERVER, corpusFiles, GROWTH_INPUTS, projectFiles, runLspBench } from "../../scripts/bench-lsp";
import { buildServer } from "../support/lsp-client";
import { manyStagesDockerfile } from "../support/many-stages";

describe("LSP side-by-side bench (quick, 5 files)", function () {
  this.timeout(240000);

  it("measures both servers on every figure and fits every growth measure", async () => {
    const corpus = corpusFiles(undefined, 5);
    // Without the shared corpus the bench still runs, on generated files.
    const files = corpus.length === 5 ? corpus : [10, 20, 30, 40, 50].map((n) => ({ name: `stages-${n}`, text: manyStagesDockerfile(n) }));
    // Two Dockerfiles in their real projects, when the shared corpus is there.
    const projects = projectFiles(undefined, 2);
    const lines: string[] = [];
    const result = await runLspBench({ stagecraft: await buildServer(), anchor: ANCHOR_SERVER, files, projects, quick: true, log: (line) => lines.push(line) });

    const measures = result.figures.map((f) => f.measure);
    for (const expected of [
      "cold start",
      "spawn -> first diagnostics",
      "open -> diagnostics, median",
      ...(projects.length > 0 ? ["open in a project"] : []),
      "edit -> diagnostics",
      "server CPU per edit",
      "semantic tokens",
      "code actions",
      "peak RSS",
    ])
      assert.ok(
        measures.some((m) => m.startsWith(expected)),
        `no figure for ${expected}: ${measures.join(", ")}`,
      );
    for (const f of result.figures) {
      // CPU time is read in clock ticks: a few quick edits on a small file may use none.
      const atLeast = f.measure.startsWith("server CPU") ? 0 : Number.MIN_VALUE;
      assert.ok(Number.isFinite(f.stagecraft) && f.stagecraft >= atLeast, `stagecraft ${f.measure}: ${f.stagecraft}`);
      assert.ok(Number.isFinite(f.anchor) && f.anchor >= atLeast, `anchor ${f.measure}: ${f.anchor}`);
    }
    assert.ok(lines.some((l) => l.includes("ratio")) && lines.some((l) => l.includes("fitted exponent")));

    assert.strictEqual(result.growth.length, GROWTH_INPUTS.length * 4 * 2, "4 measures per input per server");
    for (const g of result.growth) {
      assert.ok(g.atN > 0 && g.at4N > 0, `${g.server} ${g.measure} on ${g.input}: ${g.atN} / ${g.at4N}`);
      // CPU time may read 0 ticks for a quick request, never less.
      assert.ok(!(g.cpuAtN < 0) && !(g.cpuAt4N < 0), `${g.server} ${g.measure} on ${g.input}: CPU ${g.cpuAtN} / ${g.cpuAt4N}`);
      assert.ok(g.basis === "cpu" || g.basis === "wall");
      assert.strictEqual(g.flagged, !(g.exponent <= 1.2));
    }
  });
});
