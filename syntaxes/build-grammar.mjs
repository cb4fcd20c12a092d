#!/usr/bin/env node
// Builds syntaxes/dockerfile.tmLanguage.json (scopeName source.dockerfile).
//
//   node syntaxes/build-grammar.mjs          write the grammar
//   node syntaxes/build-grammar.mjs --check  exit 1 when the committed JSON is stale
//
// Edit this file, not the JSON. The grammar is generated because every rule exists twice: once
// for the default escape character `\` and once for the backtick that `# escape=\`` selects
// (repository keys ending in `-bt`). TextMate cannot carry a variable through a file, but it can
// carry a rule: the escape directive opens a rule that never ends and holds the backtick copy.
//
// Design notes (why the rules look the way they do):
// - An instruction is a begin/end rule whose end is `(?=\n)`. A continuation (escape character
//   at the end of a line) opens a nested rule that only ends at the first line that has content
//   other than a comment, so the end of the instruction is never seen on a continued line and
//   continuation lines (even `    from-something`) can never start a new instruction. Empty lines
//   and comment lines inside a continuation stay inside it, as in BuildKit.
// - Every nested begin/end rule (strings, JSON arrays, ${...}) also ends at `(?=\n)` unless a
//   continuation is open, so a stray quote cannot leak into the next instruction.
// - Embedded shell (source.shell) is applied per line, through captures that are retokenized.
//   vscode-textmate tokenizes a capture in isolation, so nothing the shell grammar leaves open
//   (an unbalanced quote, a heredoc it misreads) can run past the end of that line and swallow
//   later instructions. The cost: a shell string continued over a line continuation is not
//   highlighted as one string. Heredoc bodies are handled the same way, line by line.
// - Heredocs: `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`; up to three in one instruction (the body
//   of each ends at its own delimiter line). A RUN heredoc at the start of the command or fed to
//   a shell (`bash <<EOF`) has a shell body; any other heredoc body is a plain string.
// - Parser directives (`# syntax=`, `# escape=`, `# check=`) are recognised only in the leading
//   run of directive lines, as BuildKit does; anything later is a comment.
// - A line ending in an escaped escape character (`C:\\`) is not continued (BuildKit's rule;
//   dockerfile-ast continues it).
// - Exec form is recognised only when the line reads as a JSON array of strings; otherwise the
//   arguments are shell form (`RUN [ -f x ] && ...`).
// - Known limits: heredoc openers are found by pattern (`<<WORD`, not `<<<`, not after a word
//   character such as `1<<x`); a RUN heredoc body is taken as shell only at the start of the
//   command or after sh/bash/ash/dash/zsh/ksh; more than three heredocs in one instruction are
//   not split by delimiter.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, "dockerfile.tmLanguage.json");

const INSTRUCTIONS = [
  "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
  "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
];
const DIRECTIVE_KEYS = "(?i:syntax|escape|check)";
const IS_DIRECTIVE = String.raw`[ \t]*#[ \t]*${DIRECTIVE_KEYS}[ \t]*=`;
const SHELLS = ["sh", "bash", "ash", "dash", "zsh", "ksh"];

/** Escape modes: `esc` is the escape character as a regex atom, `cls` as a character-class member. */
const MODES = [
  { key: "", esc: String.raw`\\`, cls: String.raw`\\` },
  { key: "-bt", esc: "`", cls: "`" },
];

/** One JSON string, single line (used in look-aheads). */
const JSON_STR = String.raw`"(?:[^"\\\n]|\\.)*"`;
/** Heredoc opener: `<<`, optional `-`, optional quote, word, same quote. Not `<<<`, not `1<<x`. */
const HEREDOC_WORD = String.raw`[A-Za-z_][A-Za-z0-9_.-]*`;
const HEREDOC_GUARD = String.raw`(?<![\w$)}<])`;
const HEREDOC_AFTER = String.raw`(?=[\s;&|>)]|$)`;
const HEREDOC_AHEAD = String.raw`${HEREDOC_GUARD}<<-?["']?[A-Za-z_]`;

function modeRules(m) {
  const S = m.key;
  const ESC = m.esc;
  const inc = (name) => ({ include: `#${name}${S}` });
  /**
   * The escape character ending a line (with optional trailing blanks): a continuation, unless it
   * is itself escaped (`C:\\` ends the instruction), as in BuildKit's lineContinuationRegex.
   */
  const CONT = String.raw`(?<!${ESC})${ESC}[ \t]*$`;
  /** A word character that is not a continuation escape. */
  const WORDCH = String.raw`(?:(?!${CONT})\S)`;
  /** A value: quoted parts, escaped characters, plain characters. */
  const VALUE = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|${ESC}(?![ \t]*$).|[^\s"'${m.cls}])+`;
  const KEY = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s="'${m.cls}]+)`;
  /** Position after a word boundary in the argument list. */
  const WB = String.raw`(?<![^ \t])`;
  const R = {};

  // ---------------------------------------------------------------- structure
  R.body = {
    patterns: [
      inc("comment-line"),
      ...INSTRUCTIONS.map((k) => inc(`instruction-${k.toLowerCase()}`)),
      // Never matches. vscode-textmate decides which grammars to load by walking `patterns` and
      // ignores captures, where source.shell is used; this rule makes it load the shell grammar.
      { begin: "(?!)", end: "(?!)", patterns: [{ include: "source.shell" }] },
    ],
  };
  R["comment-line"] = {
    match: String.raw`^[ \t]*((#).*)$`,
    captures: {
      1: { name: "comment.line.number-sign.dockerfile" },
      2: { name: "punctuation.definition.comment.dockerfile" },
    },
  };
  R.continuation = {
    begin: String.raw`(?<!${ESC})(${ESC})[ \t]*$`,
    beginCaptures: { 1: { name: "constant.character.escape.line-continuation.dockerfile" } },
    // Ends at the first later line with content; blank and comment lines stay inside.
    end: String.raw`^(?=[ \t]*[^\s#])`,
    patterns: [inc("comment-line")],
  };

  const instruction = (name, patterns, extra = {}) => ({
    name: `meta.instruction.${name.toLowerCase()}.dockerfile`,
    // `\G` lets ONBUILD reuse the rule right after its own keyword.
    begin: String.raw`(?:^|\G)[ \t]*((?i:${name}))(?=\s|${CONT})`,
    beginCaptures: { 1: { name: "keyword.other.instruction.dockerfile" } },
    end: String.raw`(?=\n)`,
    patterns: [inc("continuation"), ...patterns],
    ...extra,
  });

  // ---------------------------------------------------------------- shared pieces
  R.escape = { match: String.raw`${ESC}(?![ \t]*$).`, name: "constant.character.escape.dockerfile" };
  R.variable = {
    patterns: [
      { match: String.raw`${ESC}\$`, name: "constant.character.escape.dockerfile" },
      {
        match: String.raw`(\$)(\{)([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?]|##?|%%?|//?)((?:[^{}\n]|\$\{[^{}\n]*\})*))?(\})`,
        name: "meta.variable.expansion.dockerfile",
        captures: {
          1: { name: "punctuation.definition.variable.dockerfile" },
          2: { name: "punctuation.definition.variable.begin.dockerfile" },
          3: { name: "variable.other.dockerfile" },
          4: { name: "keyword.operator.expansion.dockerfile" },
          5: { name: "string.unquoted.expansion.dockerfile", patterns: [inc("variable")] },
          6: { name: "punctuation.definition.variable.end.dockerfile" },
        },
      },
      {
        match: String.raw`(\$)([A-Za-z_][A-Za-z0-9_]*)`,
        name: "variable.other.dockerfile",
        captures: { 1: { name: "punctuation.definition.variable.dockerfile" } },
      },
    ],
  };
  R["string-double"] = {
    name: "string.quoted.double.dockerfile",
    begin: '"',
    beginCaptures: { 0: { name: "punctuation.definition.string.begin.dockerfile" } },
    end: String.raw`"|(?=\n)`,
    endCaptures: { 0: { name: "punctuation.definition.string.end.dockerfile" } },
    patterns: [inc("continuation"), { match: String.raw`${ESC}(?![ \t]*$).`, name: "constant.character.escape.dockerfile" }, inc("variable")],
  };
  R["string-single"] = {
    name: "string.quoted.single.dockerfile",
    begin: "'",
    beginCaptures: { 0: { name: "punctuation.definition.string.begin.dockerfile" } },
    end: String.raw`'|(?=\n)`,
    endCaptures: { 0: { name: "punctuation.definition.string.end.dockerfile" } },
    patterns: [inc("continuation")],
  };
  R.strings = { patterns: [inc("string-double"), inc("string-single")] };
  R["plain-args"] = { patterns: [inc("strings"), inc("variable"), inc("escape")] };

  // Exec form: only when the line really reads as a JSON array of strings (else it is shell form,
  // e.g. `RUN [ -f x ] && ...`).
  const JSON_AHEAD = String.raw`(?=[ \t]*(?:${JSON_STR}[ \t]*(?:,[ \t]*${JSON_STR}[ \t]*)*)?(?:\][ \t]*$|,?[ \t]*${CONT}))`;
  const jsonArray = (withVariables) => ({
    name: "meta.exec-form.dockerfile",
    begin: String.raw`(\[)${JSON_AHEAD}`,
    beginCaptures: { 1: { name: "punctuation.definition.array.begin.json.dockerfile" } },
    end: String.raw`(\])|(?=\n)`,
    endCaptures: { 1: { name: "punctuation.definition.array.end.json.dockerfile" } },
    patterns: [
      inc("continuation"),
      {
        name: "string.quoted.double.json.dockerfile",
        begin: '"',
        beginCaptures: { 0: { name: "punctuation.definition.string.begin.json.dockerfile" } },
        end: String.raw`"|(?=\n)`,
        endCaptures: { 0: { name: "punctuation.definition.string.end.json.dockerfile" } },
        patterns: [
          { match: String.raw`\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})`, name: "constant.character.escape.json.dockerfile" },
          ...(withVariables ? [inc("variable")] : []),
        ],
      },
      { match: ",", name: "punctuation.separator.array.json.dockerfile" },
    ],
  });
  // RUN/CMD/ENTRYPOINT/SHELL exec form runs without a shell: no variable substitution.
  R["exec-form"] = jsonArray(false);
  // COPY/ADD/VOLUME: the builder substitutes variables in the JSON form too.
  R["exec-form-substituted"] = jsonArray(true);

  // ---------------------------------------------------------------- flags
  const flag = (nameRe, valuePatterns) => ({
    match: String.raw`${WB}((--)(${nameRe}))(?:(=)((?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|${WORDCH})*))?(?=\s|$)`,
    captures: {
      1: { name: "entity.other.attribute-name.flag.dockerfile" },
      2: { name: "punctuation.definition.flag.dockerfile" },
      4: { name: "keyword.operator.assignment.dockerfile" },
      5: { name: "string.unquoted.flag-value.dockerfile", patterns: valuePatterns },
    },
  });
  R["flag-mount"] = flag("(?i:mount)", [
    inc("variable"),
    {
      match: String.raw`(?<=[=,])([A-Za-z][\w-]*)(=)`,
      captures: {
        1: { name: "variable.parameter.mount-option.dockerfile" },
        2: { name: "keyword.operator.assignment.dockerfile" },
      },
    },
    { match: String.raw`(?<=,)[A-Za-z][\w-]*(?=,|$)`, name: "variable.parameter.mount-option.dockerfile" },
    { match: ",", name: "punctuation.separator.mount-option.dockerfile" },
  ]);
  R["flag-from"] = flag("(?i:from)", [
    inc("variable"),
    { match: String.raw`(?<==)[0-9]+$`, name: "constant.numeric.stage-index.dockerfile" },
    { match: String.raw`(?<==)[A-Za-z_][\w.-]*$`, name: "entity.name.type.stage.dockerfile" },
    inc("image-parts"),
  ]);
  R["flag-any"] = flag(String.raw`[A-Za-z][A-Za-z0-9-]*`, [inc("strings"), inc("variable")]);
  R.flags = { patterns: [inc("flag-mount"), inc("flag-from"), inc("flag-any")] };

  // ---------------------------------------------------------------- FROM
  R["image-parts"] = {
    patterns: [
      inc("variable"),
      {
        match: String.raw`(@)([^\s@]+)$`,
        captures: {
          1: { name: "punctuation.separator.digest.dockerfile" },
          2: { name: "constant.other.digest.dockerfile", patterns: [inc("variable")] },
        },
      },
      {
        match: String.raw`(:)((?:\$\{[^}\s]*\}|[^:/@\s])+)(?=@|$)`,
        captures: {
          1: { name: "punctuation.separator.tag.dockerfile" },
          2: { name: "constant.other.tag.dockerfile", patterns: [inc("variable")] },
        },
      },
      // A `:` followed later by `/` belongs to a registry host:port.
      { match: String.raw`(?:[^\s@:$]|:(?=[^:@\s]*/))+`, name: "support.class.image.dockerfile" },
    ],
  };
  R["from-args"] = {
    patterns: [
      inc("flags"),
      {
        match: String.raw`${WB}((?i:as))[ \t]+(${WORDCH}+)`,
        captures: {
          1: { name: "keyword.other.as.dockerfile" },
          2: { name: "entity.name.type.stage.dockerfile", patterns: [inc("variable")] },
        },
      },
      {
        match: String.raw`${WB}(?!--|(?i:as)(?:[ \t]|$))(${WORDCH}+)`,
        captures: { 1: { name: "meta.image-reference.dockerfile", patterns: [inc("image-parts")] } },
      },
    ],
  };

  // ---------------------------------------------------------------- shell
  // A run of shell text on one line: stops before a heredoc opener and before the continuation.
  // Words and the blanks between them; blanks are only taken when more text follows, which keeps
  // the match linear on long runs of blanks.
  const SEGCH = String.raw`(?:(?!${HEREDOC_AHEAD}|${CONT})\S)`;
  const SEGMENT = String.raw`(${SEGCH}+(?:[ \t]+${SEGCH}+)*)`;
  R["shell-segment"] = {
    match: SEGMENT,
    captures: { 1: { name: "meta.embedded.shell.line.dockerfile", patterns: [{ include: "source.shell" }] } },
  };
  R["heredoc-marker"] = {
    match: String.raw`${HEREDOC_GUARD}(<<-?)(["']?)(${HEREDOC_WORD})(\2)${HEREDOC_AFTER}`,
    captures: {
      1: { name: "keyword.operator.heredoc.dockerfile" },
      2: { name: "punctuation.definition.string.begin.dockerfile" },
      3: { name: "keyword.control.heredoc-token.dockerfile" },
      4: { name: "punctuation.definition.string.end.dockerfile" },
    },
  };
  R["heredoc-rest-shell"] = { patterns: [inc("heredoc-marker"), inc("shell-segment")] };
  R["heredoc-rest-args"] = { patterns: [inc("heredoc-marker"), inc("plain-args")] };

  /**
   * One heredoc: begins at the opener, ends at the delimiter line.
   * body: "shell" | "string"; rest: repository rule for the rest of the opener line.
   */
  const heredoc = (prefix, body, rest) => ({
    name: "meta.heredoc.dockerfile",
    begin: String.raw`${prefix}${HEREDOC_GUARD}(<<-?)(["']?)(${HEREDOC_WORD})(\2)${HEREDOC_AFTER}(.*)$`,
    beginCaptures: {
      1: { name: "keyword.operator.heredoc.dockerfile" },
      2: { name: "punctuation.definition.string.begin.dockerfile" },
      3: { name: "keyword.control.heredoc-token.dockerfile" },
      4: { name: "punctuation.definition.string.end.dockerfile" },
      5: { patterns: [inc(rest)] },
    },
    end: String.raw`^[ \t]*(\3)[ \t]*$`,
    endCaptures: { 1: { name: "keyword.control.heredoc-token.dockerfile" } },
    ...(body === "shell"
      ? {
          patterns: [
            {
              match: ".+",
              name: "meta.embedded.shell.heredoc.dockerfile",
              captures: { 0: { patterns: [{ include: "source.shell" }] } },
            },
          ],
        }
      : { contentName: "string.unquoted.heredoc.dockerfile" }),
  });
  /**
   * n heredocs opened on one line: an outer rule per later heredoc, each ending at its own
   * delimiter and holding the earlier ones (bodies come in order). Bodies are data.
   */
  const heredocGroup = (n, rest, anchored = false) => {
    const opener = String.raw`${HEREDOC_GUARD}<<-?(["']?)(${HEREDOC_WORD})\1${HEREDOC_AFTER}`;
    const later = String.raw`(?:[^\n]*?${HEREDOC_GUARD}<<-?(["']?)(${HEREDOC_WORD})\3${HEREDOC_AFTER}){${n - 1}}`;
    return {
      name: "meta.heredoc.dockerfile",
      begin: String.raw`${anchored ? String.raw`\G` : ""}(?=${opener}${later})`,
      end: String.raw`^[ \t]*(\4)[ \t]*$`,
      endCaptures: { 1: { name: "keyword.control.heredoc-token.dockerfile" } },
      patterns: [
        n === 2 ? heredoc(String.raw`\G`, "string", rest) : heredocGroup(n - 1, rest, true),
        // Body lines of this group's own (last) heredoc.
        { match: ".+", name: "string.unquoted.heredoc.dockerfile" },
      ],
    };
  };
  R["heredocs-shell"] = {
    patterns: [
      heredocGroup(3, "heredoc-rest-shell"),
      heredocGroup(2, "heredoc-rest-shell"),
      // At the start of the command (`RUN <<EOF`) or fed to a shell: the body is a script.
      heredoc(String.raw`\G`, "shell", "heredoc-rest-shell"),
      heredoc(String.raw`(?<=${SHELLS.map((s) => String.raw`\b${s} `).join("|")})`, "shell", "heredoc-rest-shell"),
      heredoc("", "string", "heredoc-rest-shell"),
    ],
  };
  R["heredocs-args"] = {
    patterns: [
      heredocGroup(3, "heredoc-rest-args"),
      heredocGroup(2, "heredoc-rest-args"),
      heredoc("", "string", "heredoc-rest-args"),
    ],
  };
  // The command of a shell-form RUN/CMD/ENTRYPOINT, from its first word to the end of the
  // instruction (flags before it are Docker's, after it they are the command's).
  R["shell-command"] = {
    begin: String.raw`(?=\S)`,
    end: String.raw`(?=\n)`,
    patterns: [inc("continuation"), inc("heredocs-shell"), inc("shell-segment")],
  };
  R["command-args"] = { patterns: [inc("exec-form"), inc("shell-command")] };

  // ---------------------------------------------------------------- key=value instructions
  const pairs = (kind) => ({
    match: String.raw`${WB}(${KEY})(=)(${VALUE})?`,
    captures: {
      1: { name: `variable.other.${kind}.dockerfile`, patterns: [inc("strings")] },
      2: { name: "keyword.operator.assignment.dockerfile" },
      3: { name: "string.unquoted.value.dockerfile", patterns: [inc("strings"), inc("variable"), inc("escape")] },
    },
  });

  // ---------------------------------------------------------------- instructions
  R["instruction-from"] = instruction("FROM", [inc("from-args")]);
  R["instruction-run"] = instruction("RUN", [inc("flags"), inc("command-args")]);
  R["instruction-cmd"] = instruction("CMD", [inc("command-args")]);
  R["instruction-entrypoint"] = instruction("ENTRYPOINT", [inc("command-args")]);
  R["instruction-shell"] = instruction("SHELL", [inc("exec-form"), inc("plain-args")]);
  R["instruction-label"] = instruction("LABEL", [pairs("label"), inc("plain-args")]);
  R["instruction-maintainer"] = instruction("MAINTAINER", [
    { match: String.raw`(?:(?!${CONT})[^\n])+`, name: "string.unquoted.maintainer.dockerfile" },
  ]);
  R["instruction-expose"] = instruction("EXPOSE", [
    inc("variable"),
    {
      match: String.raw`${WB}([0-9]+)(?:(-)([0-9]+))?(?:(/)((?i:tcp|udp|sctp)))?(?=\s|$)`,
      captures: {
        1: { name: "constant.numeric.port.dockerfile" },
        2: { name: "punctuation.separator.range.dockerfile" },
        3: { name: "constant.numeric.port.dockerfile" },
        4: { name: "punctuation.separator.protocol.dockerfile" },
        5: { name: "constant.language.protocol.dockerfile" },
      },
    },
    {
      match: String.raw`(/)((?i:tcp|udp|sctp))(?=\s|$)`,
      captures: {
        1: { name: "punctuation.separator.protocol.dockerfile" },
        2: { name: "constant.language.protocol.dockerfile" },
      },
    },
  ]);
  R["instruction-env"] = instruction("ENV", [
    {
      // Legacy form `ENV KEY value with spaces`: the first word has no `=`.
      begin: String.raw`\G[ \t]+([A-Za-z_][A-Za-z0-9_.-]*)(?=[ \t]+\S)`,
      beginCaptures: { 1: { name: "variable.other.env.dockerfile" } },
      end: String.raw`(?=\n)`,
      contentName: "string.unquoted.value.dockerfile",
      patterns: [inc("continuation"), inc("plain-args")],
    },
    pairs("env"),
    inc("plain-args"),
  ]);
  R["instruction-arg"] = instruction("ARG", [
    pairs("arg"),
    { match: String.raw`${WB}[A-Za-z_][A-Za-z0-9_]*(?=\s|$)`, name: "variable.other.arg.dockerfile" },
    inc("plain-args"),
  ]);
  const copyArgs = {
    begin: String.raw`(?=\S)`,
    end: String.raw`(?=\n)`,
    patterns: [inc("continuation"), inc("heredocs-args"), inc("plain-args")],
  };
  R["instruction-add"] = instruction("ADD", [inc("flags"), inc("exec-form-substituted"), copyArgs]);
  R["instruction-copy"] = instruction("COPY", [inc("flags"), inc("exec-form-substituted"), copyArgs]);
  R["instruction-volume"] = instruction("VOLUME", [inc("exec-form-substituted"), inc("plain-args")]);
  R["instruction-user"] = instruction("USER", [inc("plain-args")]);
  R["instruction-workdir"] = instruction("WORKDIR", [inc("plain-args")]);
  R["instruction-stopsignal"] = instruction("STOPSIGNAL", [
    inc("variable"),
    { match: String.raw`${WB}(?:(?i:SIG)[A-Z0-9+-]+|[0-9]+)(?=\s|$)`, name: "constant.language.signal.dockerfile" },
  ]);
  R["instruction-healthcheck"] = instruction("HEALTHCHECK", [
    inc("flags"),
    { match: String.raw`${WB}(?i:NONE)(?=\s|$)`, name: "keyword.other.healthcheck.dockerfile" },
    {
      begin: String.raw`${WB}((?i:CMD))(?=\s|${CONT})`,
      beginCaptures: { 1: { name: "keyword.other.healthcheck.dockerfile" } },
      end: String.raw`(?=\n)`,
      patterns: [inc("continuation"), inc("command-args")],
    },
  ]);
  R["instruction-onbuild"] = instruction("ONBUILD", [
    // The trigger instruction (ONBUILD cannot nest ONBUILD, FROM or MAINTAINER).
    ...INSTRUCTIONS.filter((k) => !["ONBUILD", "FROM", "MAINTAINER"].includes(k)).map((k) =>
      inc(`instruction-${k.toLowerCase()}`),
    ),
  ]);

  const out = {};
  for (const [k, v] of Object.entries(R)) out[`${k}${S}`] = v;
  return out;
}

const directiveCaptures = {
  1: { name: "punctuation.definition.directive.dockerfile" },
  2: { name: "keyword.other.directive.dockerfile" },
  3: { name: "keyword.operator.assignment.dockerfile" },
  4: { name: "string.unquoted.directive-value.dockerfile" },
};

export function buildGrammar() {
  const directiveLine = {
    match: String.raw`^[ \t]*(#)[ \t]*(${DIRECTIVE_KEYS})[ \t]*(=)[ \t]*(.*?)[ \t]*$`,
    name: "meta.directive.dockerfile",
    captures: directiveCaptures,
  };
  const backtickMode = {
    // `# escape=\``: everything after is tokenized with the backtick rules. The rule never ends.
    begin: String.raw`^[ \t]*(#)[ \t]*((?i:escape))[ \t]*(=)[ \t]*(\`)[ \t]*\n`,
    beginCaptures: { 0: { name: "meta.directive.dockerfile" }, ...directiveCaptures },
    end: "(?!)",
    patterns: [
      {
        // More directives may follow (`\G` holds at the next line start: the begin took the EOL).
        begin: String.raw`\G(?=${IS_DIRECTIVE})`,
        end: String.raw`^(?!${IS_DIRECTIVE})`,
        patterns: [directiveLine],
      },
      { include: "#body-bt" },
    ],
  };
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "Dockerfile",
    scopeName: "source.dockerfile",
    fileTypes: ["Dockerfile", "Containerfile", "dockerfile", "containerfile"],
    comment: "GENERATED by syntaxes/build-grammar.mjs: edit that file, then run `node syntaxes/build-grammar.mjs`.",
    patterns: [
      {
        // Parser directives: only the leading run of directive lines.
        begin: String.raw`\A(?=${IS_DIRECTIVE})`,
        end: String.raw`^(?!${IS_DIRECTIVE})`,
        patterns: [backtickMode, directiveLine],
      },
      { include: "#body" },
    ],
    repository: Object.assign({}, ...MODES.map(modeRules)),
  };
}

export function grammarText() {
  return JSON.stringify(buildGrammar(), null, 2) + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = grammarText();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(OUT, "utf8");
    } catch {
      // Missing file: reported as stale below.
    }
    if (current !== text) {
      console.error("syntaxes/dockerfile.tmLanguage.json is stale: run `node syntaxes/build-grammar.mjs`.");
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
