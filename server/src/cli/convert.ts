// `stagecraft convert <file> [--write] [--runtime ...]`: prints the multi-stage version of a
// Dockerfile (or rewrites the file), with a one-line summary and the planner's notes on stderr.
// Exit 3 with the planner's reason when it will not convert.

import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { convertToMultiStage, describeConversion } from "../convert/index";
import { readBuildContext } from "../host/node-context";
import { readTextFile } from "../host/read-text";
import { parseDockerfile } from "../model/parse";
import type { Command } from "./args";
import { InputError, reason } from "./discover";
import { printable } from "./output";

export const EXIT_CONVERTED = 0;
export const EXIT_NOT_CONVERTIBLE = 3;

export async function convertFile(command: Extract<Command, { name: "convert" }>, display: (file: string) => string): Promise<number> {
  const file = resolve(command.file);
  // The name goes to the terminal: control characters escaped.
  const shown = printable(display(file));
  const read = await readTextFile(file);
  if (!read.ok) throw new InputError(`cannot read '${shown}': ${read.reason}`);
  const text = read.text;
  const model = parseDockerfile(text, await readBuildContext(pathToFileURL(file).href));
  const result = convertToMultiStage(model, { runtime: command.runtime });
  if (!result.ok) {
    process.stderr.write(`stagecraft: cannot convert ${shown}: ${result.reason}\n`);
    return EXIT_NOT_CONVERTIBLE;
  }
  if (command.write) {
    try {
      await writeFile(file, result.text, "utf8");
    } catch (error) {
      throw new InputError(`cannot write '${shown}': ${reason(error)}`);
    }
    process.stderr.write(`stagecraft: rewrote ${shown}. `);
  } else {
    process.stdout.write(result.text);
    process.stderr.write("stagecraft: ");
  }
  process.stderr.write(`${describeConversion(result.summary)}\n`);
  for (const note of result.summary.notes) process.stderr.write(`stagecraft: note: ${note}\n`);
  return EXIT_CONVERTED;
}
