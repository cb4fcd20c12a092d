// Absolute paths a Go program writes, read from its sources, and how the runtime stage provides
// them to the user that runs the program (the original ran as root on a full image).

import * as assert from "assert";
import { convertToMultiStage, RuntimeFamily } from "../../../server/src/convert/index";
import { goWrites } from "../../../server/src/convert/recipes/go-writes";
import { parseDockerfile } from "../../../server/src/model/parse";

const LOGGER = `package main

import (
\t"log"
\t"os"
)

const logFilePath = "/var/log/random.log"

func main() {
\tlogFile, err := os.OpenFile(logFilePath, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0666)
\tif err != nil {
\t\tlog.Fatalf("open: %v", err)
\t}
\tdefer logFile.Close()
\tconfig, _ := os.OpenFile("/etc/app/config.yaml", os.O_RDONLY, 0)
\t_ = config
\t_ = os.Stdout
}
`;

const DOCKERFILE = 'FROM golang:1.26\nWORKDIR /app\nCOPY . .\nRUN go build -o logger .\nCMD ["./logger"]\n';

function convert(sources: Record<string, string>, runtime?: RuntimeFamily) {
  return convertToMultiStage(parseDockerfile(DOCKERFILE, { rootEntries: ["go.mod", ...Object.keys(sources)], files: { "go.mod": "module x\n", ...sources } }), {
    runtime,
  });
}

describe("convert: paths a Go program writes", () => {
  it("finds a write through a constant, and not a read-only OpenFile", () => {
    assert.deepStrictEqual(goWrites({ files: { "main.go": LOGGER } }), [
      { path: "/var/log/random.log", kind: "file", evidence: "main.go:11 os.OpenFile(logFilePath)" },
    ]);
  });

  it("finds MkdirAll, WriteFile, a folder joined with a name, and a log file option; skips tests and /dev", () => {
    const source = [
      "package store",
      'const dataDir = "/data/store"',
      "func init() {",
      "\tos.MkdirAll(dataDir, 0o755)",
      '\t_ = ioutil.WriteFile("/srv/state.json", nil, 0o644)',
      '\tf, _ := os.Create(filepath.Join("/var/cache/app", name))',
      '\tw := &lumberjack.Logger{Filename: "/var/log/app/app.log"}',
      '\tos.Create("/dev/stdout")',
      "}",
    ].join("\n");
    assert.deepStrictEqual(
      goWrites({ files: { "store/store.go": source, "store/store_test.go": 'os.Create("/tmp/x/y")' } }).map((w) => `${w.kind} ${w.path} (${w.evidence})`),
      [
        "folder /data/store (store/store.go:4 os.MkdirAll(dataDir))",
        'file /srv/state.json (store/store.go:5 ioutil.WriteFile("/srv/state.json"))',
        'folder /var/cache/app (store/store.go:6 os.Create(filepath.Join("/var/cache/app", ...)))',
        'file /var/log/app/app.log (store/store.go:7 Filename: "/var/log/app/app.log")',
        'file /dev/stdout (store/store.go:8 os.Create("/dev/stdout"))',
      ],
    );
  });

  it("takes Filename: as a log file only on an absolute .log path", () => {
    const source = 'package main\nvar h = multipart.FileHeader{Filename: "report.pdf"}\nvar l = &lumberjack.Logger{Filename: "/var/log/app.log"}\n';
    assert.deepStrictEqual(
      goWrites({ files: { "main.go": source } }).map((w) => w.path),
      ["/var/log/app.log"],
    );
  });

  it("gives distroless the file itself, created empty in the builder and owned by nonroot", () => {
    const result = convert({ "main.go": LOGGER });
    assert.ok(result.ok, result.ok ? "" : result.reason);
    assert.match(result.text, /^RUN mkdir -p \/runtime-paths\/var\/log && touch \/runtime-paths\/var\/log\/random\.log$/m);
    assert.match(
      result.text,
      /^# main\.go:11 os\.OpenFile\(logFilePath\) writes \/var\/log\/random\.log: created here for 'nonroot', who runs the program\.$/m,
    );
    assert.match(result.text, /^COPY --from=build --chown=nonroot \/runtime-paths\/var\/log\/random\.log \/var\/log\/random\.log$/m);
    assert.match(result.text, /^FROM gcr\.io\/distroless\/static-debian13:nonroot AS runtime$/m);
  });

  it("creates the folder with a RUN where the runtime has a shell", () => {
    const result = convert({ "main.go": LOGGER }, "alpine");
    assert.ok(result.ok);
    assert.match(result.text, /^RUN mkdir -p \/var\/log$/m);
    assert.doesNotMatch(result.text, /runtime-paths/);
  });

  it("ships on a shell image when the program creates files in a folder the base may own (/var/log)", () => {
    const source = 'package main\nfunc main() { os.Create(filepath.Join("/var/log", "a.log")) }\n';
    const result = convert({ "main.go": source });
    assert.ok(result.ok);
    assert.match(result.text, /^FROM debian:\S+-slim AS runtime$/m);
    assert.match(result.text, /^RUN mkdir -p \/var\/log$/m);
    const refused = convert({ "main.go": source }, "distroless");
    assert.ok(!refused.ok);
    assert.match(refused.reason, /creates files in \/var\/log.*choose the alpine or slim runtime/);
  });

  it("copies the program's folder owned by the runtime user where the sources write into it, and says so where unknown", () => {
    const sources = { "main.go": 'package main\nfunc main() { os.MkdirAll("./uploads", 0o755) }\n', "templates/": "" };
    const writes = convert(sources);
    assert.ok(writes.ok);
    assert.match(
      writes.text,
      /^# main\.go:2 os\.MkdirAll\("\.\/uploads"\) writes under \/app: copied owned by 'nonroot', who runs the program\.\nCOPY --from=build --chown=nonroot \/app \/app$/m,
    );
    const unknown = convert({ "main.go": "package main\nfunc main() {}\n", "templates/": "" });
    assert.ok(unknown.ok);
    assert.match(
      unknown.text,
      /^# Copied owned by root while 'nonroot' runs the program: if it writes under \/app, add --chown=nonroot to the COPY below\.\nCOPY --from=build \/app \/app$/m,
    );
    // Debian slim runs as root, like the original: nothing to say.
    const root = convert(sources, "slim");
    assert.ok(root.ok);
    assert.match(root.text, /^COPY --from=build \/app \/app$/m);
    assert.doesNotMatch(root.text, /--chown|Copied owned/);
  });

  it("refuses a program that creates files in a system folder", () => {
    const result = convert({ "main.go": 'package main\nfunc main() { os.MkdirAll("/etc", 0o755) }\n' });
    assert.ok(!result.ok);
    assert.match(result.reason, /creates files in \/etc \(main\.go:2 os\.MkdirAll\("\/etc"\)\), a system folder/);
  });

  it("leaves /tmp alone except on scratch, which has none", () => {
    const source = 'package main\nfunc main() { os.WriteFile("/tmp/cache.json", nil, 0o600) }\n';
    const distroless = convert({ "main.go": source });
    assert.ok(distroless.ok);
    assert.doesNotMatch(distroless.text, /runtime-paths/);
    const scratch = convert({ "main.go": source }, "scratch");
    assert.ok(scratch.ok);
    assert.match(scratch.text, /^COPY --from=build --chown=65532:65532 \/runtime-paths\/tmp\/cache\.json \/tmp\/cache\.json$/m);
  });
});
