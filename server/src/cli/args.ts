// Command-line parsing for `stagecraft`: turns argv into a typed command or a UsageError.
// Hand-written (no dependency): the surface is a few commands with a few long options.

import { RUNTIME_FAMILIES, RuntimeFamily } from "../convert/types";
import type { Severity } from "../rules/types";

export type OutputFormat = "text" | "json";
/** Report formats of `check`: people, scripts, and CI systems (code scanning, annotations, dashboards). */
export type CheckFormat = OutputFormat | "sarif" | "github" | "checkstyle" | "gitlab";

export type Command =
  | { name: "help"; topic?: string }
  | { name: "version" }
  | {
      name: "check";
      paths: string[];
      format: CheckFormat;
      severity: Severity;
      color?: boolean;
      maxWarnings?: number;
      /** `--shellcheck <path>`: run this ShellCheck binary on RUN scripts. */
      shellcheck?: string;
      /** `--fix` writes the safe fixes into the files; `--fix-dry-run` prints them as a diff. */
      fix?: "write" | "dry-run";
      /** `--stdin-filename <path>`: where the Dockerfile read from stdin (`-`) lives. */
      stdinFilename?: string;
    }
  | { name: "explain"; ruleId: string; format: OutputFormat }
  | { name: "convert"; file: string; write: boolean; runtime?: RuntimeFamily };

/** A mistake in how the CLI was called: exit code 2 with a one-line message. */
export class UsageError extends Error {}

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info", "hint"];
const FORMATS: readonly OutputFormat[] = ["text", "json"];
const CHECK_FORMATS: readonly CheckFormat[] = ["text", "json", "sarif", "github", "checkstyle", "gitlab"];

export const USAGE = `Usage: stagecraft <command> [options]

Commands:
  check [paths...]     Lint Dockerfiles (files or folders, searched recursively; default ".";
                       "-" reads one Dockerfile from stdin)
  explain <rule-id>    Describe a rule: what it checks, its severity, equivalents and docs
  convert <file>       Rewrite a single-stage Dockerfile as a builder and a runtime stage
  help [command]       Show help

Options for check:
  --format <format>    text (default), json, sarif (SARIF 2.1.0 for code scanning), github
                       (workflow annotations), checkstyle (XML) or gitlab (code quality)
  --max-warnings <n>   Exit 1 only on errors or on more than n warnings (default: any finding)
  --severity <level>   Report findings at or above error|warning|info|hint (default: warning);
                       findings below it are neither printed nor counted in the exit code
  --no-color           Plain text output (also NO_COLOR=1; FORCE_COLOR=1 forces colour)
  --shellcheck <path>  Check RUN scripts with this ShellCheck binary ('shellcheck' for the one
                       on PATH); SCxxxx findings are reported under run-shellcheck
  --fix                Apply the safe fixes in place, say on stderr what changed, and report
                       what remains
  --fix-dry-run        Print the safe fixes as a unified diff (for 'git apply'); change nothing
  --stdin-filename <path>
                       With "-": the path the Dockerfile from stdin is checked as (its folder's
                       build context and .stagecraft.json; the name in the report)

Options for convert:
  --write              Rewrite the file instead of printing the result
  --runtime <family>   Runtime base family: distroless|alpine|slim|scratch (default: the
                       smallest that fits the ecosystem)

Options:
  -h, --help           Show help
  -v, --version        Show the version

Folders are searched for Dockerfile, Dockerfile.*, Dockerfile-*, *.Dockerfile, Containerfile,
Containerfile.* and *.Containerfile (any case), skipping node_modules and .git. Rule severities come from the nearest
.stagecraft.json above each Dockerfile: { "rules": { "<rule-id>": "off|hint|info|warning|error" } }.

Exit codes: 0 no findings at or above the threshold (or converted; with --fix or --fix-dry-run,
none left after the fixes), 1 findings, 2 usage,
configuration or I/O error, 3 the file cannot be converted (the reason is printed).`;

export const CHECK_USAGE = `Usage: stagecraft check [paths...|-] [--format text|json|sarif|github|checkstyle|gitlab] [--severity error|warning|info|hint] [--max-warnings n] [--no-color] [--shellcheck path] [--fix|--fix-dry-run] [--stdin-filename path]`;
export const EXPLAIN_USAGE = `Usage: stagecraft explain <rule-id> [--format text|json]`;
export const CONVERT_USAGE = `Usage: stagecraft convert <file> [--write] [--runtime distroless|alpine|slim|scratch]`;

export function parseArgs(argv: readonly string[]): Command {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const takesValue = new Set(["format", "severity", "runtime", "max-warnings", "shellcheck", "stdin-filename"]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") options.set("help", true);
    else if (arg === "-v") options.set("version", true);
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const key = arg.slice(2, eq < 0 ? undefined : eq);
      if (!["help", "version", "no-color", "write", "fix", "fix-dry-run", ...takesValue].includes(key)) throw new UsageError(`unknown option '${arg}'`);
      if (takesValue.has(key)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || value === "") throw new UsageError(`option '--${key}' needs a value`);
        options.set(key, value);
      } else {
        if (eq >= 0) throw new UsageError(`option '--${key}' takes no value`);
        options.set(key, true);
      }
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      positionals.push(arg);
    }
  }

  const [command, ...rest] = positionals;
  if (options.has("version") && command === undefined) return { name: "version" };
  if (command === undefined) {
    if (options.has("help")) return { name: "help" };
    throw new UsageError("no command given (try 'stagecraft check' or 'stagecraft --help')");
  }
  if (command === "help") return { name: "help", topic: rest[0] };
  if (options.has("help")) return { name: "help", topic: command };
  if (command === "version") return { name: "version" };

  const format = (options.get("format") ?? "text") as string;
  if (command === "check" && !(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' (expected ${CHECK_FORMATS.slice(0, -1).join(", ")} or ${CHECK_FORMATS[CHECK_FORMATS.length - 1]})`);
  }
  if (command !== "check" && !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' (expected text or json)`);
  if (command !== "check" && options.has("max-warnings")) throw new UsageError(`'${command}' takes no --max-warnings`);
  if (command !== "check" && options.has("shellcheck")) throw new UsageError(`'${command}' takes no --shellcheck`);
  for (const key of ["fix", "fix-dry-run", "stdin-filename"])
    if (command !== "check" && options.has(key)) throw new UsageError(`'${command}' takes no --${key}`);

  if (command !== "convert" && (options.has("write") || options.has("runtime"))) throw new UsageError(`'${command}' takes no --write or --runtime`);
  if (command === "check") {
    const severity = (options.get("severity") ?? "warning") as string;
    if (!(SEVERITY_ORDER as readonly string[]).includes(severity)) {
      throw new UsageError(`unknown severity '${severity}' (expected error, warning, info or hint)`);
    }
    const maxWarnings = options.get("max-warnings");
    if (maxWarnings !== undefined && !/^\d{1,9}$/.test(String(maxWarnings)))
      throw new UsageError(`'--max-warnings' needs a whole number, not '${String(maxWarnings)}'`);
    if (options.has("fix") && options.has("fix-dry-run")) throw new UsageError("use --fix or --fix-dry-run, not both");
    const fromStdin = rest.includes("-");
    if (fromStdin && rest.length > 1) throw new UsageError("'-' (stdin) cannot be mixed with other paths");
    if (fromStdin && options.has("fix")) throw new UsageError("--fix cannot write to stdin; use --fix-dry-run for the diff");
    if (!fromStdin && options.has("stdin-filename")) throw new UsageError("--stdin-filename needs '-' as the path");
    return {
      name: "check",
      paths: rest.length > 0 ? rest : ["."],
      format: format as CheckFormat,
      severity: severity as Severity,
      color: options.has("no-color") ? false : undefined,
      maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
      shellcheck: options.has("shellcheck") ? String(options.get("shellcheck")) : undefined,
      fix: options.has("fix") ? "write" : options.has("fix-dry-run") ? "dry-run" : undefined,
      stdinFilename: options.has("stdin-filename") ? String(options.get("stdin-filename")) : undefined,
    };
  }
  if (command === "convert") return convertCommand(rest, options);
  if (options.has("severity") || options.has("no-color")) throw new UsageError(`'${command}' takes no --severity or --no-color`);
  if (command === "explain") {
    if (rest.length !== 1) throw new UsageError(`'explain' needs exactly one rule id (${EXPLAIN_USAGE})`);
    return { name: "explain", ruleId: rest[0], format: format as OutputFormat };
  }
  throw new UsageError(`unknown command '${command}' (try 'stagecraft --help')`);
}

/** Whether `severity` is at or above `threshold` (error > warning > info > hint). */
export function meetsThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}

function convertCommand(rest: readonly string[], options: ReadonlyMap<string, string | true>): Command {
  if (rest.length !== 1) throw new UsageError(`'convert' needs exactly one Dockerfile (${CONVERT_USAGE})`);
  for (const key of ["severity", "no-color", "format"]) if (options.has(key)) throw new UsageError(`'convert' takes no --${key}`);
  const runtime = options.get("runtime");
  if (runtime !== undefined && !(RUNTIME_FAMILIES as readonly unknown[]).includes(runtime)) {
    throw new UsageError(`unknown runtime '${String(runtime)}' (expected distroless, alpine, slim or scratch)`);
  }
  return {
    name: "convert",
    file: rest[0],
    write: options.has("write"),
    runtime: runtime as RuntimeFamily | undefined,
  };
}
