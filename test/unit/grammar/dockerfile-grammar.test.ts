// Scopes of the Dockerfile TextMate grammar (syntaxes/dockerfile.tmLanguage.json).
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { GRAMMAR_PATH, loadGrammar, scopesAt, tokenize, type ShellGrammar } from "./grammar-support";

const KEYWORD = "keyword.other.instruction.dockerfile";
const SHELL_LINE = "meta.embedded.shell.line.dockerfile";
const SHELL_HEREDOC = "meta.embedded.shell.heredoc.dockerfile";
const HEREDOC_STRING = "string.unquoted.heredoc.dockerfile";
const HEREDOC_TOKEN = "keyword.control.heredoc-token.dockerfile";

interface Options {
  occurrence?: number;
  shell?: ShellGrammar;
  partial?: boolean;
}

/** Asserts that the token where `substring` starts on `line` has every scope in `has` and none in `hasNot`. */
async function expectScopes(text: string, line: number, substring: string, has: string[], hasNot: string[] = [], options: Options = {}): Promise<void> {
  const scopes = await scopesAt(text, line, substring, options);
  for (const scope of has) {
    assert.ok(scopes.includes(scope), `'${substring}' (line ${line}) lacks ${scope}; has ${scopes.join(" ")}`);
  }
  for (const scope of hasNot) {
    assert.ok(!scopes.includes(scope), `'${substring}' (line ${line}) has ${scope}: ${scopes.join(" ")}`);
  }
}

/** Lines (0-based) carrying an instruction keyword scope. */
async function keywordLines(text: string, shell: ShellGrammar = "none"): Promise<number[]> {
  const tokens = tokenize(await loadGrammar(shell), text);
  return tokens.flatMap((line, i) => (line.some((t) => t.scopes.includes(KEYWORD)) ? [i] : []));
}

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("dockerfile grammar", () => {
  describe("the grammar file", () => {
    it("is the generator's current output and names source.dockerfile", () => {
      const root = path.resolve(__dirname, "../../..");
      execFileSync(process.execPath, [path.join(root, "syntaxes/build-grammar.mjs"), "--check"]);
      const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, "utf8"));
      assert.equal(grammar.scopeName, "source.dockerfile");
    });
  });

  describe("performance", () => {
    it("tokenizes pathological long lines in bounded time", async () => {
      const grammar = await loadGrammar("hostile");
      const cases = {
        blanks: "RUN a" + " ".repeat(10_000) + "b \\\n  c",
        quotes: "ENV A=" + '"'.repeat(5_001) + "\nFROM x",
        escapes: "RUN " + "\\ ".repeat(5_000),
        openers: "RUN " + "<<a ".repeat(2_000),
        lessThan: "RUN " + "<".repeat(10_000),
        json: "CMD [" + '"a", '.repeat(2_000),
        colons: "FROM " + "a:".repeat(5_000),
        expansions: "ENV A=" + "${B:-".repeat(2_000),
        pairs: "LABEL " + "a=".repeat(5_000),
      };
      for (const [name, text] of Object.entries(cases)) {
        const started = Date.now();
        tokenize(grammar, text);
        const ms = Date.now() - started;
        assert.ok(ms < 1_000, `${name}: ${ms} ms`);
      }
    });
  });

  describe("parser directives and comments", () => {
    const text = lines("# syntax=docker/dockerfile:1.7", "# escape=\\", "# check=skip=JSONArgsRecommended", "# just a comment", "FROM alpine");
    it("scopes directives as directives, not comments", async () => {
      await expectScopes(text, 0, "syntax", ["meta.directive.dockerfile", "keyword.other.directive.dockerfile"], ["comment.line.number-sign.dockerfile"]);
      await expectScopes(text, 0, "docker/dockerfile:1.7", ["string.unquoted.directive-value.dockerfile"]);
      await expectScopes(text, 0, "#", ["punctuation.definition.directive.dockerfile"]);
      await expectScopes(text, 1, "escape", ["keyword.other.directive.dockerfile"]);
      await expectScopes(text, 2, "check", ["keyword.other.directive.dockerfile"]);
      await expectScopes(text, 2, "skip=JSONArgsRecommended", ["string.unquoted.directive-value.dockerfile"]);
    });
    it("scopes comments", async () => {
      await expectScopes(text, 3, "#", ["comment.line.number-sign.dockerfile", "punctuation.definition.comment.dockerfile"]);
      await expectScopes(text, 3, " just a comment", ["comment.line.number-sign.dockerfile"]);
    });
    it("treats directive-looking lines after a comment, blank line or instruction as comments", async () => {
      for (const text of [lines("# hello", "# syntax=x"), lines("", "# syntax=x"), lines("FROM a", "# syntax=x")]) {
        await expectScopes(text, 1, "#", ["comment.line.number-sign.dockerfile"], ["meta.directive.dockerfile"]);
      }
    });
    it("ignores unknown directive names", async () => {
      await expectScopes(lines("# foo=bar"), 0, "#", ["comment.line.number-sign.dockerfile"]);
    });
    it("does not treat a # after an instruction keyword as a comment", async () => {
      await expectScopes(lines("RUN echo # not a docker comment"), 0, "echo", [SHELL_LINE], ["comment.line.number-sign.dockerfile"], { partial: true });
    });
  });

  describe("instruction keywords", () => {
    const all = [
      "FROM",
      "RUN",
      "CMD",
      "LABEL",
      "MAINTAINER",
      "EXPOSE",
      "ENV",
      "ADD",
      "COPY",
      "ENTRYPOINT",
      "VOLUME",
      "USER",
      "WORKDIR",
      "ARG",
      "ONBUILD",
      "STOPSIGNAL",
      "HEALTHCHECK",
      "SHELL",
    ];
    it("scopes every keyword at line start, in any case, after optional whitespace", async () => {
      for (const keyword of all) {
        for (const spelled of [keyword, keyword.toLowerCase(), keyword[0] + keyword.slice(1).toLowerCase()]) {
          await expectScopes(lines(`${spelled} x`), 0, spelled, [KEYWORD, `meta.instruction.${keyword.toLowerCase()}.dockerfile`]);
          await expectScopes(lines(`   ${spelled} x`), 0, spelled, [KEYWORD]);
        }
      }
    });
    it("does not scope keyword-like words that are not followed by a blank", async () => {
      await expectScopes(lines("FROMAGE x"), 0, "FROMAGE", [], [KEYWORD]);
      await expectScopes(lines("run-parts x"), 0, "run-parts", [], [KEYWORD]);
    });
    it("scopes the trigger instruction of ONBUILD", async () => {
      const text = lines("ONBUILD RUN make", "onbuild COPY --chown=app . /app");
      await expectScopes(text, 0, "ONBUILD", [KEYWORD]);
      await expectScopes(text, 0, "RUN", [KEYWORD, "meta.instruction.run.dockerfile", "meta.instruction.onbuild.dockerfile"]);
      await expectScopes(text, 0, "make", [SHELL_LINE]);
      await expectScopes(text, 1, "COPY", [KEYWORD, "meta.instruction.copy.dockerfile"]);
      await expectScopes(text, 1, "chown", ["entity.other.attribute-name.flag.dockerfile"]);
    });
  });

  describe("FROM", () => {
    const text = lines(
      "FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build",
      "FROM registry.example.com:5000/team/app:${TAG:-latest}@sha256:0123abcd as Runtime",
      "FROM scratch",
    );
    it("scopes the --platform flag name and value", async () => {
      await expectScopes(text, 0, "--", ["entity.other.attribute-name.flag.dockerfile", "punctuation.definition.flag.dockerfile"]);
      await expectScopes(text, 0, "platform", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "=", ["keyword.operator.assignment.dockerfile"]);
      await expectScopes(text, 0, "BUILDPLATFORM", ["string.unquoted.flag-value.dockerfile", "variable.other.dockerfile"]);
    });
    it("scopes image name, tag and digest", async () => {
      await expectScopes(text, 0, "golang", ["support.class.image.dockerfile", "meta.image-reference.dockerfile"]);
      await expectScopes(text, 0, ":", ["punctuation.separator.tag.dockerfile"], [], { occurrence: 0 });
      await expectScopes(text, 0, "1.22-alpine", ["constant.other.tag.dockerfile"]);
      await expectScopes(text, 1, "registry.example.com:5000/team/app", ["support.class.image.dockerfile"]);
      await expectScopes(text, 1, "TAG", ["constant.other.tag.dockerfile", "variable.other.dockerfile"]);
      await expectScopes(text, 1, "latest", ["string.unquoted.expansion.dockerfile"]);
      await expectScopes(text, 1, "@", ["punctuation.separator.digest.dockerfile"]);
      await expectScopes(text, 1, "sha256:0123abcd", ["constant.other.digest.dockerfile"]);
      await expectScopes(text, 2, "scratch", ["support.class.image.dockerfile"]);
    });
    it("scopes AS and the stage name distinctly from the image", async () => {
      await expectScopes(text, 0, "AS", ["keyword.other.as.dockerfile"], [KEYWORD]);
      await expectScopes(text, 0, "build", ["entity.name.type.stage.dockerfile"], ["support.class.image.dockerfile"]);
      await expectScopes(text, 1, "as", ["keyword.other.as.dockerfile"]);
      await expectScopes(text, 1, "Runtime", ["entity.name.type.stage.dockerfile"]);
    });
    it("handles AS on a continuation line", async () => {
      const text = lines("FROM node:20 \\", "    AS deps", "RUN x");
      await expectScopes(text, 1, "AS", ["keyword.other.as.dockerfile", "meta.instruction.from.dockerfile"]);
      await expectScopes(text, 1, "deps", ["entity.name.type.stage.dockerfile"]);
      await expectScopes(text, 2, "RUN", [KEYWORD]);
    });
  });

  describe("flags", () => {
    it("scopes COPY/ADD flags: --from stage, index and image, --chown, --chmod, --link", async () => {
      const text = lines(
        "COPY --from=build --chown=app:app --chmod=0755 --link /out /app",
        "COPY --from=0 a b",
        "COPY --from=nginx:1.27 /etc/nginx /etc/nginx",
        "ADD --checksum=sha256:abc --keep-git-dir=true https://x/y.git /src",
      );
      await expectScopes(text, 0, "from", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "build", ["string.unquoted.flag-value.dockerfile", "entity.name.type.stage.dockerfile"]);
      await expectScopes(text, 0, "chown", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "app:app", ["string.unquoted.flag-value.dockerfile"]);
      await expectScopes(text, 0, "chmod", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "0755", ["string.unquoted.flag-value.dockerfile"]);
      await expectScopes(text, 0, "link", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "/out", [], ["entity.other.attribute-name.flag.dockerfile", "string.unquoted.flag-value.dockerfile"], { partial: true });
      await expectScopes(text, 1, "0", ["constant.numeric.stage-index.dockerfile"]);
      await expectScopes(text, 2, "nginx", ["support.class.image.dockerfile"]);
      await expectScopes(text, 2, "1.27", ["constant.other.tag.dockerfile"]);
      await expectScopes(text, 3, "keep-git-dir", ["entity.other.attribute-name.flag.dockerfile"]);
    });
    it("scopes RUN --mount options, --network and --security", async () => {
      const text = lines("RUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none --security=insecure pip install -r req.txt");
      await expectScopes(text, 0, "mount", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "type", ["variable.parameter.mount-option.dockerfile"]);
      await expectScopes(text, 0, "cache", ["string.unquoted.flag-value.dockerfile"], ["variable.parameter.mount-option.dockerfile"]);
      await expectScopes(text, 0, "target", ["variable.parameter.mount-option.dockerfile"]);
      await expectScopes(text, 0, "/root/.cache", ["string.unquoted.flag-value.dockerfile"]);
      await expectScopes(text, 0, "network", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "none", ["string.unquoted.flag-value.dockerfile"]);
      await expectScopes(text, 0, "security", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "pip install -r req.txt", [SHELL_LINE]);
    });
    it("treats options after the command starts as the command's, even on continuation lines", async () => {
      const text = lines("RUN --mount=type=secret,id=npm \\", "    npm ci \\", "    --omit=dev");
      await expectScopes(text, 1, "npm ci", [SHELL_LINE]);
      await expectScopes(text, 2, "--omit=dev", [SHELL_LINE], ["entity.other.attribute-name.flag.dockerfile"]);
    });
    it("scopes Docker flags continued onto the next line before the command", async () => {
      const text = lines("RUN --mount=type=cache,target=/var/cache/apt \\", "    --mount=type=cache,target=/var/lib/apt \\", "    apt-get update");
      await expectScopes(text, 1, "mount", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 2, "apt-get update", [SHELL_LINE]);
    });
  });

  describe("variables", () => {
    it("scopes $VAR, ${VAR} and ${VAR:-default} in arguments", async () => {
      const text = lines(
        "WORKDIR $HOME/app",
        "USER ${APP_USER}",
        "COPY ${SRC:-./src} /dst/${NAME:+x}",
        "LABEL version=$VERSION",
        "EXPOSE $PORT",
        "ENV PATH=${PATH}:/opt/bin",
        'VOLUME ["$DATA"]',
      );
      await expectScopes(text, 0, "$", ["variable.other.dockerfile", "punctuation.definition.variable.dockerfile"]);
      await expectScopes(text, 0, "HOME", ["variable.other.dockerfile"]);
      await expectScopes(text, 1, "${", ["meta.variable.expansion.dockerfile"], [], { partial: true });
      await expectScopes(text, 1, "APP_USER", ["variable.other.dockerfile", "meta.variable.expansion.dockerfile"]);
      await expectScopes(text, 1, "}", ["punctuation.definition.variable.end.dockerfile"]);
      await expectScopes(text, 2, "SRC", ["variable.other.dockerfile"]);
      await expectScopes(text, 2, ":-", ["keyword.operator.expansion.dockerfile"]);
      await expectScopes(text, 2, "./src", ["string.unquoted.expansion.dockerfile"]);
      await expectScopes(text, 2, ":+", ["keyword.operator.expansion.dockerfile"]);
      await expectScopes(text, 3, "VERSION", ["variable.other.dockerfile", "string.unquoted.value.dockerfile"]);
      await expectScopes(text, 4, "PORT", ["variable.other.dockerfile"]);
      await expectScopes(text, 5, "PATH", ["variable.other.dockerfile"], [], { occurrence: 1 });
      await expectScopes(text, 6, "DATA", ["variable.other.dockerfile", "string.quoted.double.json.dockerfile"]);
    });
    it("does not scope an escaped dollar as a variable", async () => {
      const text = lines("ENV A=\\$HOME");
      await expectScopes(text, 0, "\\$", ["constant.character.escape.dockerfile"]);
      await expectScopes(text, 0, "HOME", [], ["variable.other.dockerfile"]);
    });
    it("nests a variable in a default value", async () => {
      const text = lines("ARG IMAGE=${BASE:-${REGISTRY}/alpine}");
      await expectScopes(text, 0, "REGISTRY", ["variable.other.dockerfile", "string.unquoted.expansion.dockerfile"]);
    });
  });

  describe("strings", () => {
    it("scopes double and single quoted strings with escapes", async () => {
      const text = lines(`LABEL description="say \\"hi\\" to $USER" note='no $expansion here'`);
      await expectScopes(text, 0, '"say', ["string.quoted.double.dockerfile", "punctuation.definition.string.begin.dockerfile"], [], { partial: true });
      await expectScopes(text, 0, '\\"', ["constant.character.escape.dockerfile", "string.quoted.double.dockerfile"]);
      await expectScopes(text, 0, "USER", ["variable.other.dockerfile", "string.quoted.double.dockerfile"]);
      await expectScopes(text, 0, "no $expansion here", ["string.quoted.single.dockerfile"], ["variable.other.dockerfile"]);
    });
    it("does not let an unclosed quote run into the next instruction", async () => {
      const text = lines(`LABEL a="unclosed`, "FROM alpine");
      await expectScopes(text, 1, "FROM", [KEYWORD], ["string.quoted.double.dockerfile"]);
    });
    it("continues a quoted string over a line continuation", async () => {
      const text = lines(`ENV MSG="first \\`, `second"`, "RUN x");
      await expectScopes(text, 1, "second", ["string.quoted.double.dockerfile", "meta.instruction.env.dockerfile"]);
      await expectScopes(text, 2, "RUN", [KEYWORD]);
    });
  });

  describe("exec form (JSON arrays)", () => {
    for (const keyword of ["RUN", "CMD", "ENTRYPOINT", "SHELL", "VOLUME", "COPY", "ADD"]) {
      it(`scopes ${keyword} ["…"]`, async () => {
        const text = lines(`${keyword} ["a b", "c\\"d", "e"]`);
        await expectScopes(text, 0, "[", ["meta.exec-form.dockerfile", "punctuation.definition.array.begin.json.dockerfile"]);
        await expectScopes(text, 0, "a b", ["string.quoted.double.json.dockerfile"]);
        await expectScopes(text, 0, ",", ["punctuation.separator.array.json.dockerfile"]);
        await expectScopes(text, 0, '\\"', ["constant.character.escape.json.dockerfile"]);
        await expectScopes(text, 0, "]", ["punctuation.definition.array.end.json.dockerfile"]);
      });
    }
    it("does not substitute variables in RUN/CMD/ENTRYPOINT exec form", async () => {
      await expectScopes(lines(`CMD ["echo", "$HOME"]`), 0, "$HOME", ["string.quoted.double.json.dockerfile"], ["variable.other.dockerfile"]);
    });
    it("reads a shell test bracket as shell form", async () => {
      const text = lines(`RUN [ -f /etc/os-release ] && cat /etc/os-release`);
      await expectScopes(text, 0, "[ -f", [SHELL_LINE], ["meta.exec-form.dockerfile"], { partial: true });
    });
    it("continues an exec form array over lines", async () => {
      const text = lines(`ENTRYPOINT ["/usr/bin/tini", \\`, `    "--", "run"]`, "FROM x");
      await expectScopes(text, 1, "--", ["string.quoted.double.json.dockerfile", "meta.exec-form.dockerfile"]);
      await expectScopes(text, 1, "]", ["punctuation.definition.array.end.json.dockerfile"]);
      await expectScopes(text, 2, "FROM", [KEYWORD]);
    });
  });

  describe("line continuations", () => {
    it("keeps continuation lines that start with keyword-like words inside the instruction", async () => {
      const text = lines("RUN apt-get install -y \\", "    from-something \\", "    run-parts \\", "    FROM \\", "copy x \\", "  && echo done", "COPY . /app");
      assert.deepEqual(await keywordLines(text), [0, 6]);
      await expectScopes(text, 1, "from-something", ["meta.instruction.run.dockerfile", SHELL_LINE], [KEYWORD]);
      await expectScopes(text, 3, "FROM", ["meta.instruction.run.dockerfile"], [KEYWORD]);
      await expectScopes(text, 4, "copy", ["meta.instruction.run.dockerfile"], [KEYWORD], { partial: true });
      await expectScopes(text, 0, "\\", ["constant.character.escape.line-continuation.dockerfile"]);
    });
    it("keeps comment lines, blank lines and trailing blanks inside a continuation", async () => {
      const text = lines("RUN set -eux; \\  ", "    # install things", "", "    FROM=1 make", "ENV A=1");
      assert.deepEqual(await keywordLines(text), [0, 4]);
      await expectScopes(text, 1, "#", ["comment.line.number-sign.dockerfile", "meta.instruction.run.dockerfile"]);
      await expectScopes(text, 3, "FROM=1 make", [SHELL_LINE, "meta.instruction.run.dockerfile"]);
    });
    it("continues every kind of instruction", async () => {
      const text = lines(
        "ENV A=1 \\",
        "    B=2",
        "LABEL a=1 \\",
        "      b=2",
        "EXPOSE 80 \\",
        "       443",
        "COPY a \\",
        "     b /c/",
        "HEALTHCHECK --interval=5s \\",
        "  CMD true",
        "ARG X",
      );
      assert.deepEqual(await keywordLines(text), [0, 2, 4, 6, 8, 10]);
      await expectScopes(text, 1, "B", ["variable.other.env.dockerfile"]);
      await expectScopes(text, 3, "b", ["variable.other.label.dockerfile"]);
      await expectScopes(text, 5, "443", ["constant.numeric.port.dockerfile"]);
      await expectScopes(text, 9, "CMD", ["keyword.other.healthcheck.dockerfile"], [KEYWORD]);
    });
    it("ends the instruction at a line ending in an escaped escape character", async () => {
      const text = lines("COPY a.dll C:\\\\Windows\\\\", "ENV A=1");
      await expectScopes(text, 0, "\\\\", ["constant.character.escape.dockerfile"]);
      await expectScopes(text, 1, "ENV", [KEYWORD]);
    });
    it("does not treat a trailing backtick as a continuation by default", async () => {
      const text = lines("RUN echo `date`", "FROM x");
      await expectScopes(text, 1, "FROM", [KEYWORD]);
    });
    it("uses the backtick after `# escape=`` (and then a trailing backslash is a path)", async () => {
      const text = lines(
        "# escape=`",
        "# syntax=docker/dockerfile:1",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022",
        "RUN powershell -Command `",
        "    FROM-Something; `",
        "    $ErrorActionPreference = 'Stop'",
        "COPY app\\ C:\\app\\",
        "WORKDIR C:\\app",
      );
      await expectScopes(text, 0, "escape", ["keyword.other.directive.dockerfile"]);
      await expectScopes(text, 0, "`", ["string.unquoted.directive-value.dockerfile"]);
      await expectScopes(text, 1, "syntax", ["keyword.other.directive.dockerfile"]);
      await expectScopes(text, 3, "`", ["constant.character.escape.line-continuation.dockerfile"]);
      await expectScopes(text, 4, "FROM-Something;", [SHELL_LINE], [KEYWORD]);
      assert.deepEqual(await keywordLines(text), [2, 3, 6, 7]);
    });
    it("keeps `# escape=` directives only in the leading directive lines", async () => {
      const text = lines("FROM a", "# escape=`", "RUN x `", "FROM b");
      await expectScopes(text, 1, "#", ["comment.line.number-sign.dockerfile"]);
      await expectScopes(text, 3, "FROM", [KEYWORD]);
    });
  });

  describe("embedded shell", () => {
    it("scopes the shell form of RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD as embedded shell", async () => {
      const text = lines("RUN make all", "CMD node server.js", "ENTRYPOINT exec app", "HEALTHCHECK CMD curl -f http://localhost/ || exit 1");
      await expectScopes(text, 0, "make all", [SHELL_LINE]);
      await expectScopes(text, 1, "node server.js", [SHELL_LINE]);
      await expectScopes(text, 2, "exec app", [SHELL_LINE]);
      await expectScopes(text, 3, "curl -f http://localhost/ || exit 1", [SHELL_LINE]);
    });
    it("leaves the continuation character outside the embedded shell", async () => {
      const text = lines("RUN a && \\", "    b");
      await expectScopes(text, 0, "\\", ["constant.character.escape.line-continuation.dockerfile"], [SHELL_LINE]);
      await expectScopes(text, 1, "b", [SHELL_LINE]);
    });
    it("applies the shell grammar when one is installed", async () => {
      const text = lines('RUN echo "$HOME"');
      await expectScopes(text, 0, "echo", [SHELL_LINE, "keyword.control.shell"], [], { shell: "hostile" });
      await expectScopes(text, 0, '"', ["string.quoted.double.shell"], [], { shell: "hostile", partial: true });
    });
    it("confines whatever the shell grammar leaves open to its line", async () => {
      const text = lines('RUN echo "unclosed \\', "    more $(date \\", "    FROM-ish 'x", "COPY . /app", "CMD echo 'it", "FROM alpine");
      assert.deepEqual(await keywordLines(text, "hostile"), [0, 3, 4, 5]);
      await expectScopes(text, 1, "more", [SHELL_LINE], ["string.quoted.double.shell"], { shell: "hostile" });
      await expectScopes(text, 3, "COPY", [KEYWORD], ["string.quoted.single.shell"], { shell: "hostile" });
    });
  });

  describe("heredocs", () => {
    it("embeds shell in a RUN heredoc body and ends at the delimiter line", async () => {
      const text = lines("RUN <<EOF", "set -e", "FROM debian", "apt-get update", "EOF", "COPY . /app");
      await expectScopes(text, 0, "<<", ["keyword.operator.heredoc.dockerfile", "meta.heredoc.dockerfile"]);
      await expectScopes(text, 0, "EOF", [HEREDOC_TOKEN]);
      await expectScopes(text, 1, "set -e", [SHELL_HEREDOC]);
      await expectScopes(text, 2, "FROM debian", [SHELL_HEREDOC], [KEYWORD]);
      await expectScopes(text, 4, "EOF", [HEREDOC_TOKEN, "meta.instruction.run.dockerfile"]);
      assert.deepEqual(await keywordLines(text), [0, 5]);
    });
    it("handles <<-EOF, <<\"EOF\" and <<'EOF'", async () => {
      const text = lines("RUN <<-EOT", "\techo hi", "\tEOT", 'RUN <<"EOF"', "echo $X", "EOF", "RUN <<'END'", "echo", "END", "USER app");
      await expectScopes(text, 0, "<<-", ["keyword.operator.heredoc.dockerfile"]);
      await expectScopes(text, 1, "echo hi", [SHELL_HEREDOC]);
      await expectScopes(text, 2, "EOT", [HEREDOC_TOKEN]);
      await expectScopes(text, 3, '"', ["punctuation.definition.string.begin.dockerfile"]);
      await expectScopes(text, 3, "EOF", [HEREDOC_TOKEN]);
      await expectScopes(text, 5, "EOF", [HEREDOC_TOKEN]);
      await expectScopes(text, 6, "END", [HEREDOC_TOKEN]);
      assert.deepEqual(await keywordLines(text), [0, 3, 6, 9]);
    });
    it("scopes a COPY heredoc body as a plain string and the rest of the line as arguments", async () => {
      const text = lines("COPY --chmod=755 <<EOF /usr/local/bin/run.sh", "#!/bin/sh", "RUN not-an-instruction", "EOF", "RUN run.sh");
      await expectScopes(text, 0, "chmod", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "/usr/local/bin/run.sh", ["meta.heredoc.dockerfile"], [HEREDOC_STRING]);
      await expectScopes(text, 1, "#!/bin/sh", [HEREDOC_STRING], ["comment.line.number-sign.dockerfile"]);
      await expectScopes(text, 2, "RUN not-an-instruction", [HEREDOC_STRING], [KEYWORD]);
      await expectScopes(text, 3, "EOF", [HEREDOC_TOKEN]);
      await expectScopes(text, 4, "RUN", [KEYWORD]);
    });
    it("ends each of several heredocs at its own delimiter", async () => {
      const text = lines(
        "RUN <<FILE1 cat > file1 && <<FILE2 cat > file2",
        "I am",
        "FILE2 is not the end yet",
        "FILE1",
        "second",
        "FILE2",
        "COPY <<a <<b <<c /dst/",
        "A",
        "a",
        "B",
        "b",
        "C",
        "c",
        "EXPOSE 80",
      );
      await expectScopes(text, 0, "FILE1", [HEREDOC_TOKEN]);
      await expectScopes(text, 0, "FILE2", [HEREDOC_TOKEN]);
      await expectScopes(text, 0, "cat > file1 &&", [SHELL_LINE]);
      await expectScopes(text, 1, "I am", [HEREDOC_STRING]);
      await expectScopes(text, 2, "FILE2 is not the end yet", [HEREDOC_STRING]);
      await expectScopes(text, 3, "FILE1", [HEREDOC_TOKEN]);
      await expectScopes(text, 4, "second", [HEREDOC_STRING]);
      await expectScopes(text, 5, "FILE2", [HEREDOC_TOKEN]);
      for (const [line, word] of [
        [8, "a"],
        [10, "b"],
        [12, "c"],
      ] as const) {
        await expectScopes(text, line, word, [HEREDOC_TOKEN]);
      }
      await expectScopes(text, 9, "B", [HEREDOC_STRING]);
      assert.deepEqual(await keywordLines(text), [0, 6, 13]);
    });
    it("reads a heredoc fed to a program as data, and one fed to a shell as a script", async () => {
      const text = lines("RUN python3 <<EOF", "print('hi')", "EOF", "RUN bash <<EOF", "echo hi", "EOF");
      await expectScopes(text, 0, "python3", [SHELL_LINE]);
      await expectScopes(text, 1, "print('hi')", [HEREDOC_STRING], [SHELL_HEREDOC]);
      await expectScopes(text, 4, "echo hi", [SHELL_HEREDOC]);
    });
    it("finds a heredoc opened on a continuation line", async () => {
      const text = lines("RUN set -e; \\", "    cat <<EOF > /etc/motd", "hello", "EOF", "FROM x");
      await expectScopes(text, 1, "EOF", [HEREDOC_TOKEN]);
      await expectScopes(text, 2, "hello", [HEREDOC_STRING]);
      assert.deepEqual(await keywordLines(text), [0, 4]);
    });
    it("does not read <<< or a shift as a heredoc", async () => {
      const text = lines('RUN cat <<<"$x" && echo $((1<<4))', "FROM x");
      await expectScopes(text, 0, "cat <<<", [SHELL_LINE], ["keyword.operator.heredoc.dockerfile"], { partial: true });
      assert.deepEqual(await keywordLines(text), [0, 1]);
    });
  });

  describe("HEALTHCHECK", () => {
    it("scopes options, CMD (shell and exec form) and NONE", async () => {
      const text = lines(
        "HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://localhost/",
        'HEALTHCHECK CMD ["/bin/check", "--fast"]',
        "HEALTHCHECK NONE",
      );
      await expectScopes(text, 0, "interval", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "30s", ["string.unquoted.flag-value.dockerfile"]);
      await expectScopes(text, 0, "start-interval", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "retries", ["entity.other.attribute-name.flag.dockerfile"]);
      await expectScopes(text, 0, "CMD", ["keyword.other.healthcheck.dockerfile"], [KEYWORD]);
      await expectScopes(text, 0, "curl -f http://localhost/", [SHELL_LINE]);
      await expectScopes(text, 1, "/bin/check", ["string.quoted.double.json.dockerfile"]);
      await expectScopes(text, 2, "NONE", ["keyword.other.healthcheck.dockerfile"]);
    });
  });

  describe("ENV, ARG and LABEL", () => {
    it("scopes key=value pairs: key as a variable, value as a string", async () => {
      const text = lines(
        'ENV NODE_ENV=production PATH="/app/bin:$PATH" EMPTY=',
        "ARG VERSION=1.2.3",
        "ARG TARGETARCH",
        'LABEL org.opencontainers.image.source="https://x" "quoted.key"=v',
      );
      await expectScopes(text, 0, "NODE_ENV", ["variable.other.env.dockerfile"]);
      await expectScopes(text, 0, "=", ["keyword.operator.assignment.dockerfile"]);
      await expectScopes(text, 0, "production", ["string.unquoted.value.dockerfile"]);
      await expectScopes(text, 0, "/app/bin:", ["string.quoted.double.dockerfile", "string.unquoted.value.dockerfile"]);
      await expectScopes(text, 0, "EMPTY", ["variable.other.env.dockerfile"]);
      await expectScopes(text, 1, "VERSION", ["variable.other.arg.dockerfile"]);
      await expectScopes(text, 1, "1.2.3", ["string.unquoted.value.dockerfile"]);
      await expectScopes(text, 2, "TARGETARCH", ["variable.other.arg.dockerfile"]);
      await expectScopes(text, 3, "org.opencontainers.image.source", ["variable.other.label.dockerfile"]);
      await expectScopes(text, 3, "https://x", ["string.quoted.double.dockerfile"]);
      await expectScopes(text, 3, "quoted.key", ["variable.other.label.dockerfile", "string.quoted.double.dockerfile"]);
    });
    it("scopes the legacy `ENV KEY value` form", async () => {
      const text = lines("ENV JAVA_HOME /usr/lib/jvm/$JDK");
      await expectScopes(text, 0, "JAVA_HOME", ["variable.other.env.dockerfile"]);
      await expectScopes(text, 0, " /usr/lib/jvm/", ["string.unquoted.value.dockerfile"]);
      await expectScopes(text, 0, "JDK", ["variable.other.dockerfile", "string.unquoted.value.dockerfile"]);
    });
  });

  describe("other instructions", () => {
    it("scopes EXPOSE ports, ranges and protocols", async () => {
      const text = lines("EXPOSE 80 443/tcp 53/udp 8000-8010/TCP ${P}/sctp");
      await expectScopes(text, 0, "80", ["constant.numeric.port.dockerfile"]);
      await expectScopes(text, 0, "443", ["constant.numeric.port.dockerfile"]);
      await expectScopes(text, 0, "/", ["punctuation.separator.protocol.dockerfile"]);
      await expectScopes(text, 0, "tcp", ["constant.language.protocol.dockerfile"]);
      await expectScopes(text, 0, "udp", ["constant.language.protocol.dockerfile"]);
      await expectScopes(text, 0, "-", ["punctuation.separator.range.dockerfile"]);
      await expectScopes(text, 0, "8010", ["constant.numeric.port.dockerfile"]);
      await expectScopes(text, 0, "sctp", ["constant.language.protocol.dockerfile"]);
    });
    it("scopes STOPSIGNAL, MAINTAINER, USER and WORKDIR arguments", async () => {
      const text = lines("STOPSIGNAL SIGTERM", "MAINTAINER Jane <jane@example.com>", "USER app:${GID}", "WORKDIR /srv/$APP");
      await expectScopes(text, 0, "SIGTERM", ["constant.language.signal.dockerfile"]);
      await expectScopes(text, 1, "Jane <jane@example.com>", ["string.unquoted.maintainer.dockerfile"]);
      await expectScopes(text, 2, "GID", ["variable.other.dockerfile"]);
      await expectScopes(text, 3, "APP", ["variable.other.dockerfile"]);
    });
  });
});
