// Builds a workflow runs through an action of the repository itself: a step `uses:
// ./.github/actions/build-docker` with `platforms: linux/amd64,linux/arm64` and `dockerfile:
// Dockerfile`, whose composite action hands `${{ inputs.platforms }}` to docker/build-push-action
// (held-out AS and AT, cybertec's pgwatch and pg_timetable: their multi-platform Go builds went
// unseen). Each such call becomes a workflow of its own holding the action's build-push-action
// steps with the caller's inputs (or the action's defaults) in place, so every reader of builds
// (platforms, pushes, tags, contexts) sees them as if written in the workflow.

import { join } from "node:path";
import { isRecord } from "./compose-file";
import { parsedYaml } from "./ci-workflow";
import { BUILD_PUSH_ACTION, BUILD_PUSH_ACTION_USE } from "../model/build-commands";
import type { FolderReader } from "./folder-reader";

/** Most local actions read per repository. */
const MAX_ACTIONS = 12;

interface LocalActionCall {
  /** The action's folder, relative to the repository root (`.github/actions/build-docker`). */
  path: string;
  /** The step's `with:` inputs, as text. */
  inputs: ReadonlyMap<string, string>;
  /** The calling job's `runs-on`, which the action's steps run on. */
  runsOn: unknown;
}

/**
 * Workflows (as JSON text, which YAML reads) holding the docker/build-push-action steps of the
 * repository's composite actions that the workflow `texts` call, one per call; empty when none
 * is called or none builds.
 */
export async function localActionBuilds(root: string, texts: readonly string[], reader: FolderReader, maxBytes: number): Promise<string[]> {
  const calls = texts.flatMap(localActionCalls);
  if (calls.length === 0) return [];
  const paths = [...new Set(calls.map((c) => c.path))].slice(0, MAX_ACTIONS);
  const actions = new Map<string, string>();
  await Promise.all(
    paths.map(async (path) => {
      const text = (await reader.readSmall(join(root, path, "action.yml"), maxBytes)) ?? (await reader.readSmall(join(root, path, "action.yaml"), maxBytes));
      if (text !== null && BUILD_PUSH_ACTION_USE.test(text)) actions.set(path, text);
    }),
  );
  return calls.flatMap((call) => {
    const action = actions.get(call.path);
    const expanded = action === undefined ? null : compositeBuilds(action, call);
    return expanded === null ? [] : [expanded];
  });
}

/** The steps of a workflow's jobs that run a local action (`uses: ./path`), with their inputs and job's runner. */
export function localActionCalls(text: string): LocalActionCall[] {
  if (!/uses:\s*["']?\.\//.test(text)) return [];
  const document = parsedYaml(text);
  const jobs = isRecord(document) ? document.jobs : undefined;
  if (!isRecord(jobs)) return [];
  const calls: LocalActionCall[] = [];
  for (const job of Object.values(jobs)) {
    if (!isRecord(job) || !Array.isArray(job.steps)) continue;
    for (const step of job.steps) {
      if (!isRecord(step) || typeof step.uses !== "string") continue;
      const path = /^\.\/(.+?)\/?$/.exec(step.uses.trim())?.[1];
      if (path === undefined || path.split("/").includes("..")) continue;
      calls.push({ path, inputs: textInputs(step.with), runsOn: job["runs-on"] });
    }
  }
  return calls;
}

/**
 * A workflow holding the composite action's build-push-action steps, each `${{ inputs.NAME }}` in
 * their inputs replaced by the call's value or the action's default; null when it has none.
 */
export function compositeBuilds(actionText: string, call: LocalActionCall): string | null {
  const action = parsedYaml(actionText);
  const runs = isRecord(action) ? action.runs : undefined;
  if (!isRecord(runs) || runs.using !== "composite" || !Array.isArray(runs.steps)) return null;
  const defaults = new Map<string, string>();
  if (isRecord(action) && isRecord(action.inputs))
    for (const [name, input] of Object.entries(action.inputs)) {
      const value = isRecord(input) ? scalar(input.default) : null;
      if (value !== null) defaults.set(name, value);
    }
  const resolve = (value: string) =>
    value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (whole, name: string) => call.inputs.get(name) ?? defaults.get(name) ?? whole);
  const steps = runs.steps
    .filter((step): step is Record<string, unknown> => isRecord(step) && typeof step.uses === "string" && BUILD_PUSH_ACTION.test(step.uses.trim()))
    .map((step) => ({ uses: step.uses, with: Object.fromEntries([...textInputs(step.with)].map(([name, value]) => [name, resolve(value)])) }));
  if (steps.length === 0) return null;
  return JSON.stringify({ jobs: { [call.path]: { ...(call.runsOn !== undefined ? { "runs-on": call.runsOn } : {}), steps } } });
}

/** A `with:` mapping's scalar values as text. */
function textInputs(value: unknown): Map<string, string> {
  const inputs = new Map<string, string>();
  if (!isRecord(value)) return inputs;
  for (const [name, input] of Object.entries(value)) {
    const text = scalar(input);
    if (text !== null) inputs.set(name, text);
  }
  return inputs;
}

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}
