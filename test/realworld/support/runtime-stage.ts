// A deliberately small, independent reading of a converted Dockerfile's last stage for the convert
// eval: which paths its COPY/ADD instructions put where, its working directory, its start command.
// It does not use Stagecraft's model, so the eval does not share the planner's blind spots.

import { existsSync } from "node:fs";
import { join, posix } from "node:path";

export interface Instruction {
  keyword: string;
  /** The arguments, continuation lines joined. */
  args: string;
  line: number;
}

/** Instructions of the whole file, continuation lines joined, comments and blank lines dropped. */
export function readInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  let pending: { text: string; line: number } | undefined;
  let heredocEnd: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (heredocEnd !== undefined) {
      if (raw.trim() === heredocEnd) heredocEnd = undefined;
      if (pending) pending.text += "\n" + raw;
      continue;
    }
    const trimmed = raw.trim();
    if (pending === undefined && (trimmed === "" || trimmed.startsWith("#"))) continue;
    if (pending !== undefined && trimmed.startsWith("#")) continue;
    const continues = /\\\s*$/.test(raw);
    const body = continues ? raw.replace(/\\\s*$/, "") : raw;
    pending = pending ? { text: pending.text + " " + body.trim(), line: pending.line } : { text: body.trim(), line: i + 1 };
    const heredoc = /<<-?["']?(\w+)["']?/.exec(body);
    if (heredoc && !continues) heredocEnd = heredoc[1];
    if (!continues && heredocEnd === undefined) {
      const [keyword, ...rest] = pending.text.split(/\s+/);
      out.push({ keyword: keyword.toUpperCase(), args: rest.join(" "), line: pending.line });
      pending = undefined;
    }
  }
  if (pending) {
    const [keyword, ...rest] = pending.text.split(/\s+/);
    out.push({ keyword: keyword.toUpperCase(), args: rest.join(" "), line: pending.line });
  }
  return out;
}

/** Shell-like word splitting: quotes group, backslash escapes; no expansion. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let current = "";
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (c === "\\" && i + 1 < text.length) {
      current += text[++i];
      started = true;
    } else if (/\s/.test(c)) {
      if (started) words.push(current);
      current = "";
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

/** Exec form (a JSON array) or shell form (`sh -c` of the text), as argv. */
export function commandWords(args: string): { argv: string[]; shell: boolean } {
  const trimmed = args.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === "string")) return { argv: parsed as string[], shell: false };
    } catch {
      // Not valid JSON: Docker runs it in a shell, so do we.
    }
  }
  return { argv: ["/bin/sh", "-c", trimmed], shell: true };
}

/** The words a start command really runs: `sh -c` unwrapped, `exec`/`env`/`tini --` prefixes dropped. */
export function startedWords(argv: readonly string[]): string[] {
  let words = [...argv];
  for (let guard = 0; guard < 8; guard++) {
    const first = words[0] ? posix.basename(words[0]) : "";
    if ((first === "sh" || first === "bash" || first === "ash" || first === "dash") && words[1] === "-c" && words[2] !== undefined) {
      words = [...shellWords(words[2]), ...words.slice(3)];
    } else if (first === "exec") words = words.slice(1);
    else if (first === "tini" || first === "dumb-init") words = words.slice(words[1] === "--" ? 2 : 1);
    else break;
  }
  return words;
}

export interface StageView {
  from: string;
  name?: string;
  instructions: Instruction[];
  /** Text of the stage from its FROM line to the end of the stage. */
  text: string;
}

export function splitStages(text: string): StageView[] {
  const instructions = readInstructions(text);
  const lines = text.split(/\r?\n/);
  const stages: StageView[] = [];
  const globalArgs = new Map<string, string>();
  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const words = shellWords(ins.args).filter((w) => !w.startsWith("--"));
      const image = words[0]?.replace(/\$\{?(\w+)\}?/g, (m, name: string) => globalArgs.get(name) ?? m) ?? "";
      const name = words[1]?.toLowerCase() === "as" ? words[2] : undefined;
      stages.push({ from: image, name, instructions: [], text: "" });
    } else if (stages.length === 0 && ins.keyword === "ARG") {
      const [name, value] = ins.args.split("=");
      if (value !== undefined) globalArgs.set(name.trim(), value.trim().replace(/^["']|["']$/g, ""));
    } else if (stages.length > 0) stages[stages.length - 1].instructions.push(ins);
  }
  const fromLines = instructions.filter((i) => i.keyword === "FROM").map((i) => i.line);
  stages.forEach((s, i) => (s.text = lines.slice(fromLines[i] - 1, i + 1 < fromLines.length ? fromLines[i + 1] - 1 : lines.length).join("\n")));
  return stages;
}

interface CopyMapping {
  /** Source as written (builder-absolute for --from, context-relative otherwise). */
  source: string;
  fromStage?: StageView;
  fromImage?: string;
  dest: string;
  destIsDir: boolean;
}

function resolvePath(base: string, path: string): string {
  return posix.normalize(path.startsWith("/") ? path : posix.join(base, path)).replace(/\/$/, "") || "/";
}

function substitute(text: string, env: Map<string, string>): string {
  return text.replace(/\$\{?(\w+)\}?/g, (m, name: string) => env.get(name) ?? m);
}

/** Glob match of one path segment pattern (`*`, `?`), linear. */
function segmentMatches(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Working directory at the end of a stage, and the COPY/ADD mappings in order. */
export function readStage(stage: StageView, stages: readonly StageView[]): { workdir: string; copies: CopyMapping[]; env: Map<string, string> } {
  let workdir = "/";
  const env = new Map<string, string>();
  const copies: CopyMapping[] = [];
  for (const ins of stage.instructions) {
    if (ins.keyword === "WORKDIR") workdir = resolvePath(workdir, substitute(shellWords(ins.args)[0] ?? "/", env));
    else if (ins.keyword === "ENV" || ins.keyword === "ARG") {
      for (const word of shellWords(ins.args)) {
        const eq = word.indexOf("=");
        if (eq > 0) env.set(word.slice(0, eq), word.slice(eq + 1));
      }
    } else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
      const trimmed = ins.args.trim();
      const flags: string[] = [];
      let rest = trimmed;
      for (let m = /^--\S+\s*/.exec(rest); m; m = /^--\S+\s*/.exec(rest)) {
        flags.push(m[0].trim());
        rest = rest.slice(m[0].length);
      }
      let words: string[];
      if (rest.startsWith("[")) {
        try {
          words = JSON.parse(rest) as string[];
        } catch {
          words = shellWords(rest);
        }
      } else words = shellWords(rest);
      words = words.map((w) => substitute(w, env));
      if (words.length < 2) continue;
      const destWord = words[words.length - 1];
      const sources = words.slice(0, -1);
      const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
      const fromStage = from === undefined ? undefined : (stages.find((s) => s.name === from) ?? (/^\d+$/.test(from) ? stages[Number(from)] : undefined));
      const dest = resolvePath(workdir, destWord);
      const destIsDir = destWord.endsWith("/") || sources.length > 1 || destWord === "." || destWord === "./";
      for (const source of sources) copies.push({ source, fromStage, fromImage: fromStage ? undefined : from, dest, destIsDir });
    }
  }
  return { workdir, copies, env };
}

function contextHas(contextRoot: string, rel: string): boolean {
  return existsSync(join(contextRoot, rel));
}

/**
 * Whether a COPY/ADD of the runtime stage puts something at `wanted` (absolute). Copied from the
 * context, it must exist in the case folder; copied from a builder stage, the mapping decides (the
 * eval cannot run the build, so a builder path counts as present).
 */
export function runtimeHasPath(wanted: string, runtime: StageView, stages: readonly StageView[], contextRoot: string): boolean {
  const target = posix.normalize(wanted).replace(/\/$/, "");
  const { copies } = readStage(runtime, stages);
  for (const copy of copies) {
    const sourceIsGlob = /[*?[]/.test(copy.source);
    // Candidate remainders of `target` below what this COPY wrote.
    const candidates: Array<{ sourcePath: string }> = [];
    const sourceBase = posix.basename(copy.source.replace(/\/$/, ""));
    if (copy.destIsDir && !sourceIsGlob && target === posix.join(copy.dest, sourceBase)) candidates.push({ sourcePath: copy.source });
    if (copy.destIsDir && sourceIsGlob && posix.dirname(target) === copy.dest && segmentMatches(sourceBase, posix.basename(target)))
      candidates.push({ sourcePath: posix.join(posix.dirname(copy.source), posix.basename(target)) });
    if (!sourceIsGlob && (target === copy.dest || target.startsWith(copy.dest === "/" ? "/" : copy.dest + "/"))) {
      const rest = target === copy.dest ? "" : target.slice(copy.dest === "/" ? 1 : copy.dest.length + 1);
      candidates.push({ sourcePath: rest === "" ? copy.source : posix.join(copy.source, rest) });
    }
    for (const candidate of candidates) {
      if (copy.fromImage !== undefined) return true; // another image: trust it
      if (copy.fromStage === undefined) {
        const rel = posix.normalize(candidate.sourcePath).replace(/^\.\/?/, "");
        if (contextHas(contextRoot, rel)) return true;
        continue;
      }
      // From a builder stage: a path the builder holds, copied from the context or built there. The
      // eval cannot run the build, so the mapping is what it checks.
      return true;
    }
  }
  return false;
}

/** The runtime stage's effective start command (ENTRYPOINT + CMD, the last of each). */
export function startCommand(runtime: StageView): string[] {
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  for (const ins of runtime.instructions) {
    if (ins.keyword === "ENTRYPOINT") {
      entrypoint = commandWords(ins.args).argv;
      cmd = [];
    } else if (ins.keyword === "CMD") cmd = commandWords(ins.args).argv;
  }
  return startedWords([...entrypoint, ...cmd]);
}
