// What a report format may say about a rule: plain data handed in by the CLI, so the formats do not
// import the rules (and any tool's codes can be described the same way).

export interface RuleInfo {
  id: string;
  description: string;
  helpUri?: string;
  /** Default severity: SARIF's `defaultConfiguration.level`. */
  severity: "error" | "warning" | "info" | "hint";
}
