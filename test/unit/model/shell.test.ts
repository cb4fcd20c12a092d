import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";

function commandsOf(text: string, which = 0) {
  const model = parseDockerfile(text);
  const runs = model.instructions.filter((i) => i.keyword === "RUN" || i.keyword === "CMD");
  return { model, commands: runs[which].commands };
}

describe("model/shell: RUN scripts read into commands", () => {
  it("splits on && || ; | and keeps every word's range", () => {
    const { model, commands } = commandsOf("FROM a\nRUN apt-get update && apt-get install -y curl || true; echo 'a b' | tee x\n");
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["apt-get", "apt-get", "true", "echo", "tee"],
    );
    assert.deepStrictEqual(
      commands.map((c) => c.joinedBy),
      [null, "&&", "||", ";", "|"],
    );
    assert.strictEqual(commands[3].args[0].value, "a b");
    assert.strictEqual(model.lines.textIn(commands[3].args[0].range), "'a b'");
    assert.strictEqual(model.lines.textIn(commands[1].range), "apt-get install -y curl");
  });

  it("reads a bash array assignment as one word, its items on lines of their own no commands", () => {
    const text =
      'FROM a\nRUN <<EOF\n#!/bin/bash -ex\nPACKAGES=(\n  build-essential\n  sudo\n)\nEXTRA+=(zip unzip)\napt-get install -y "${PACKAGES[@]}" "${EXTRA[@]}"\nEOF\n';
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["", "", "apt-get"],
    );
    assert.strictEqual(commands[0].assignments[0].value, "PACKAGES=(\n  build-essential\n  sudo\n)");
    assert.strictEqual(commands[1].assignments[0].value, "EXTRA+=(zip unzip)");
  });

  it("follows line continuations and drops comment lines inside them", () => {
    const text = "FROM a\nRUN apt-get update \\\n  # a comment Docker drops\n  && apt-get install -y \\\n     curl \\\n     git\n";
    const { model, commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["apt-get", "apt-get"],
    );
    assert.deepStrictEqual(
      commands[1].args.map((w) => w.value),
      ["install", "-y", "curl", "git"],
    );
    const git = commands[1].args[3];
    assert.deepStrictEqual(git.range.start, { line: 5, character: 5 });
    assert.strictEqual(model.lines.textIn(git.range), "git");
  });

  it("reads a bash -c script whose quoted text runs over continued lines, in place", () => {
    // Held-out BK, clickhouse-backup: `bash -xec "apt-get update && ... && \` over eight lines.
    const text =
      "FROM a\nRUN bash -xec \"apt-get update && apt-get install -y gpg curl && \\\n    echo 'deb [signed-by=/k.gpg] https://p/ stable main' > /etc/apt/sources.list.d/k.list\"\n";
    const { model, commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["apt-get", "apt-get", "echo"],
    );
    assert.deepStrictEqual(commands[2].words[0].range.start, { line: 2, character: 4 });
    assert.strictEqual(model.lines.textIn(commands[1].range), "apt-get install -y gpg curl");
  });

  it("leaves a bash -c script with escaped quotes whole: its text does not map", () => {
    const { commands } = commandsOf('FROM a\nRUN bash -c "echo \\"q\\" && \\\n    echo b"\n');
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["bash"],
    );
  });

  it("skips wrappers and assignments to find the program", () => {
    const { commands } = commandsOf("FROM a\nRUN DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y x && env A=b /usr/bin/pip3 install y\n");
    assert.strictEqual(commands[0].name, "apt-get");
    assert.deepStrictEqual(
      commands[0].assignments.map((w) => w.value),
      ["DEBIAN_FRONTEND=noninteractive"],
    );
    assert.strictEqual(commands[1].name, "pip3");
  });

  it("skips a wrapper option's value, and no other word", () => {
    const { commands } = commandsOf(
      "FROM a\nRUN find img -name 'opa*' -print0 | xargs -0 -I {} cp {} ./opa && sudo -n -u app make && env -C /src make check && nice -n 5 tar xf a.tar\n",
    );
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["find", "cp", "make", "make", "tar"],
    );
  });

  it("reads sudo's options as sudo does: a value written into its option leaves the next word the program", () => {
    const { commands } = commandsOf("FROM a\nRUN sudo -uapp make && sudo -EHu app npm ci && sudo --group=staff -p 'pw:' pip install x && sudo -h\n");
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["make", "npm", "pip", ""],
    );
  });

  it("reads a case statement's branches, not its subject or patterns, as commands", () => {
    const text =
      'FROM a\nRUN case "${TARGETARCH}" in \\\n  "amd64") ARCH=x86_64 ;; \\\n  arm64|aarch64) ARCH=arm64 ;; \\\n  *) echo "unsupported" && exit 1 ;; \\\n esac && wget -O app "$URL-$ARCH" && (case x in (y) true ;; esac)\n';
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => `${c.name || c.words[0].value}:${c.depth}`),
      ["ARCH=x86_64:1", "ARCH=arm64:1", "echo:1", "exit:1", "esac:0", "wget:0", "true:2", "esac:1"],
    );
  });

  it("reads a for loop's body, not its header, as commands", () => {
    const { commands } = commandsOf('FROM a\nRUN for f in /docker-entrypoint.d/*.sh; do "$f"; done && for pkg in a b; \\\n  do apk add "$pkg"; done\n');
    assert.deepStrictEqual(
      commands.map((c) => `${c.name || c.words[0].value}:${c.depth}`),
      ["$f:1", "done:0", "apk:1", "done:0"],
    );
  });

  it("reads compound commands and subshells", () => {
    const { commands } = commandsOf("FROM a\nRUN if [ -f x ]; then npm ci; else npm install; fi && (cd app && make)\n");
    // `if`, `then`, `else` lead into the command they precede; `fi` alone is a command without a program.
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["[", "npm", "npm", "", "cd", "make"],
    );
    assert.deepStrictEqual(
      commands[1].args.map((w) => w.value),
      ["ci"],
    );
  });

  it("keeps command substitutions inside one word", () => {
    const { commands } = commandsOf("FROM a\nRUN echo $(uname -m) && ls\n");
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["echo", "ls"],
    );
    assert.strictEqual(commands[0].args[0].value, "$(uname -m)");
  });

  it("reads a RUN heredoc body as a script, one command per line", () => {
    const text = "# syntax=docker/dockerfile:1\nFROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n";
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.args[0]?.value),
      ["update", "install"],
    );
  });

  it("joins a heredoc body's line that ends in a backslash to the next, as the shell does", () => {
    // Held-out CH, LocalAI: `apt-get update && \` then the installs, in a `RUN <<EOT bash` body.
    const text = "FROM a\nRUN <<EOT bash\n    apt-get update && \\\n    apt-get install -y \\\r\n      curl\necho done\nEOT\n";
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => [c.name, c.joinedBy, c.args.map((a) => a.value).join(" ")]),
      [
        ["apt-get", null, "update"],
        ["apt-get", "&&", "install -y curl"],
        ["echo", "\n", "done"],
      ],
    );
  });

  it("does not read a heredoc fed to another program as shell", () => {
    const text = "FROM a\nRUN python3 <<EOF\nimport os\nprint(os.name)\nEOF\n";
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["python3"],
    );
  });

  it("reads the command after leading heredoc markers, and its body as data unless a shell reads it", () => {
    // BuildKit feeds the bodies to the command after the markers: Maintainerr's `.env` lines are cat's input.
    const toFile = parseDockerfile("FROM a\nRUN <<EOF cat >> ./ui/.env\nNEXT_PUBLIC_BASE_PATH=/x\nEOF\n");
    assert.deepStrictEqual(
      toFile.instructions[1].commands.map((c) => [c.name, ...c.args.map((a) => a.value)]),
      [["cat", ">>", "./ui/.env"]],
    );
    const toBash = parseDockerfile("FROM a\nRUN <<EOF bash\nset -e\nmake install\nEOF\n");
    assert.deepStrictEqual(
      toBash.instructions[1].commands.map((c) => c.name),
      ["set", "make"],
    );
  });

  it("reads every continued line before the line that opens a data heredoc", () => {
    const text = "FROM a\nRUN apt-get update \\\n && apt-get install -y gnupg \\\n && cat <<EOF > /etc/x\nTypes: deb\nEOF\n";
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["apt-get", "apt-get", "cat"],
    );
  });

  it("reads a double-quoted word's escapes as the shell does: only \\ before \" \\ $ ` escapes", () => {
    const { commands } = commandsOf('FROM a\nRUN echo "a \\"b\\" \\$HOME \\\\ c\\d" "x"y "" "\\"" z"\\\\"\n');
    assert.deepStrictEqual(
      commands[0].args.map((a) => a.value),
      ['a "b" $HOME \\ c\\d', "xy", "", '"', "z\\"],
    );
  });

  it("treats backslash as a path character under the backtick escape", () => {
    const text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\Windows && `\n    echo done\n";
    const { commands } = commandsOf(text);
    assert.deepStrictEqual(
      commands.map((c) => c.name),
      ["dir", "echo"],
    );
    assert.strictEqual(commands[0].args[0].value, "C:\\Windows");
  });

  it("reads shell-form CMD but not exec form", () => {
    const model = parseDockerfile('FROM a\nCMD node server.js\nENTRYPOINT ["node", "x.js"]\n');
    assert.strictEqual(model.instructions[1].commands[0].name, "node");
    assert.deepStrictEqual(model.instructions[2].commands, []);
    assert.deepStrictEqual(
      model.instructions[2].args.map((a) => a.value),
      ["node", "x.js"],
    );
    assert.ok(model.instructions[2].isJsonForm);
  });

  it("counts the subshells and compound commands around each command", () => {
    const { commands } = commandsOf("FROM a\nRUN cd /a && (cd b && make) && if [ -n x ]; then cd c; fi; for d in x; do cd $d; done; { cd e; }; cd $(pwd)\n");
    assert.deepStrictEqual(
      commands.map((c) => `${c.name || c.words[0].value}:${c.depth}`),
      ["cd:0", "cd:1", "make:1", "[:1", "cd:1", "fi:0", "cd:1", "done:0", "cd:1", "}:0", "cd:0"],
    );
  });
});
