// `stagecraft convert` as users run it: the bundled CLI in a child process on temp projects.

import * as assert from "assert";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseDockerfile } from "../../server/src/model/parse";
import { bundleCli, runCli } from "../support/cli-process";
import { TempProjects } from "../support/temp-project";

const GO = 'FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/hello .\nEXPOSE 8080\nCMD ["/bin/hello"]\n';
const MULTI = 'FROM golang:1.26 AS build\nRUN go build -o /hello .\n\nFROM scratch\nCOPY --from=build /hello /hello\nCMD ["/hello"]\n';

describe("stagecraft convert", function () {
  this.timeout(60000);
  const projects = new TempProjects("stagecraft-convert");
  const bundleDir = mkdtempSync(join(tmpdir(), "stagecraft-convert-cli-"));
  const cliPath = join(bundleDir, "cli.js");

  const cli = (args: string[], cwd: string) => runCli(args, { cwd, bundle: cliPath });

  before(() => bundleCli(cliPath, false));
  after(() => {
    projects.dispose();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it("prints the multi-stage Dockerfile and leaves the file alone", () => {
    const dir = projects.create({ Dockerfile: GO });
    const r = cli(["convert", "Dockerfile"], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const model = parseDockerfile(r.stdout);
    assert.strictEqual(model.stages.length, 2);
    assert.strictEqual(model.stages[0].name, "build");
    assert.strictEqual(model.stages[1].base.resolved, "gcr.io/distroless/static-debian13:nonroot");
    assert.match(r.stdout, /RUN CGO_ENABLED=0 go build -o \/bin\/hello \.\n/);
    assert.match(r.stderr, /^stagecraft: Builds on 'golang:1\.26' and ships on 'gcr\.io\/distroless\/static-debian13:nonroot', about \d+ MB smaller base/);
    assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), GO);
  });

  it("rewrites the file with --write and prints nothing on stdout", () => {
    const dir = projects.create({ Dockerfile: GO });
    const printed = cli(["convert", "Dockerfile"], dir).stdout;
    const r = cli(["convert", "--write", "Dockerfile"], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stdout, "");
    assert.match(r.stderr, /^stagecraft: rewrote Dockerfile\. Builds on/);
    assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), printed);
  });

  it("uses the runtime family given with --runtime", () => {
    const dir = projects.create({ Dockerfile: GO });
    const r = cli(["convert", "Dockerfile", "--runtime", "scratch"], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nFROM scratch AS runtime\n/);
    assert.match(r.stdout, /COPY --from=build \/etc\/ssl\/certs\/ca-certificates\.crt/);
  });

  it("exits 3 with a one-line reason when the file cannot be converted", () => {
    const dir = projects.create({ Dockerfile: MULTI });
    const r = cli(["convert", "Dockerfile", "--write"], dir);
    assert.strictEqual(r.code, 3);
    assert.strictEqual(r.stdout, "");
    assert.match(r.stderr, /^stagecraft: cannot convert Dockerfile: the file is already multi-stage/);
    assert.strictEqual(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.strictEqual(readFileSync(join(dir, "Dockerfile"), "utf8"), MULTI);
  });

  it("converting its own output again exits 3", () => {
    const dir = projects.create({ Dockerfile: GO });
    assert.strictEqual(cli(["convert", "--write", "Dockerfile"], dir).code, 0);
    const again = cli(["convert", "Dockerfile"], dir);
    assert.strictEqual(again.code, 3);
    assert.match(again.stderr, /already multi-stage/);
  });

  for (const [name, args, message] of [
    ["an unknown runtime", ["convert", "Dockerfile", "--runtime", "busybox"], /unknown runtime 'busybox'/],
    ["two files", ["convert", "a", "b"], /'convert' needs exactly one Dockerfile/],
    ["--write on check", ["check", "--write"], /'check' takes no --write or --runtime/],
    ["a missing file", ["convert", "Nope.Dockerfile"], /cannot read 'Nope\.Dockerfile': no such file or folder/],
  ] as const) {
    it(`exits 2 for ${name}`, () => {
      const dir = projects.create({ Dockerfile: GO });
      const r = cli([...args], dir);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
    });
  }

  it("explains convert in its help", () => {
    const dir = projects.create({});
    const r = cli(["help", "convert"], dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /^Usage: stagecraft convert <file> \[--write\] \[--runtime distroless\|alpine\|slim\|scratch\]/);
  });
});
