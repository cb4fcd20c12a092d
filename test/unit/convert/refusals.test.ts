// The planner's honest fallback: when it cannot convert safely it says why, in one line, instead
// of guessing.

import * as assert from "assert";
import { conversionTitle, convertToMultiStage, RuntimeFamily } from "../../../server/src/convert/index";
import { parseDockerfile } from "../../../server/src/model/parse";

function reasonFor(text: string, runtime?: RuntimeFamily): string {
  const result = convertToMultiStage(parseDockerfile(text), { runtime });
  assert.ok(!result.ok, `converted:\n${result.ok ? result.text : ""}`);
  return result.reason;
}

const GO = "FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n";

describe("convert: refusals", () => {
  it("refuses a development image that starts a hot-reload tool", () => {
    assert.match(
      reasonFor('FROM golang:1.24\nWORKDIR /app\nRUN go install github.com/air-verse/air@latest\nCMD ["air", "-c", ".air.toml"]\n'),
      /hot-reload tool/,
    );
  });

  it("refuses a development image that starts an interactive shell", () => {
    assert.match(reasonFor('FROM rust:1.80\nWORKDIR /app\nCOPY . .\nRUN cargo build\nENTRYPOINT ["/bin/bash"]\n'), /interactive shell/);
  });

  it("refuses an empty file", () => {
    assert.match(reasonFor("# nothing here\n"), /no FROM instruction/);
  });

  it("refuses a stage without a recognisable build", () => {
    assert.match(reasonFor("FROM nginx:1.30\nCOPY site/ /usr/share/nginx/html/\n"), /no recognisable build step/);
  });

  it("names builds it has no recipe for", () => {
    assert.match(reasonFor('FROM gcc:14\nCOPY . /src\nRUN make -C /src\nCMD ["/src/app"]\n'), /no conversion recipe for the 'make' build/);
  });

  it("refuses a file that is already multi-stage", () => {
    const text = 'FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM alpine:3.23\nCOPY --from=build /app /app\nCMD ["/app"]\n';
    assert.match(reasonFor(text), /already multi-stage/);
  });

  it("refuses a base image that depends on a build argument without a default", () => {
    assert.match(reasonFor('ARG BASE\nFROM ${BASE}\nRUN go build -o /app .\nCMD ["/app"]\n'), /build argument 'BASE' with no default/);
  });

  it("refuses when no CMD or ENTRYPOINT says which binary runs", () => {
    assert.match(reasonFor(GO), /no CMD or ENTRYPOINT/);
  });

  it("refuses a shell command on an image without a shell when that family is asked for", () => {
    assert.match(reasonFor(`${GO}CMD /bin/app | tee log\n`, "distroless"), /needs a shell, which distroless does not have/);
  });

  it("refuses a glibc Rust binary on Alpine", () => {
    assert.match(reasonFor('FROM rust:1\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD ["app"]\n', "alpine"), /links glibc dynamically/);
  });

  it("refuses a jar given as a pattern", () => {
    assert.match(reasonFor("FROM maven:3-eclipse-temurin-21\nWORKDIR /b\nCOPY . .\nRUN mvn package\nCMD java -jar target/*.jar\n"), /shell|pattern/);
  });

  it("refuses Python environments other than pip", () => {
    assert.match(reasonFor('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\nCMD ["python", "app.py"]\n'), /'poetry' manages its own environment/);
  });

  it("refuses pip --user installs, which bypass the virtual environment", () => {
    assert.match(
      reasonFor('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --user -r requirements.txt\nCMD ["python", "app.py"]\n'),
      /bypasses the virtual environment/,
    );
  });

  it("refuses distroless for a Node server (no npm there)", () => {
    const node = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/index.js"]\n';
    assert.match(reasonFor(node, "distroless"), /no npm/);
  });

  it("never throws on malformed input", () => {
    for (const text of [
      "FROM",
      "FROM golang:1.26\nRUN go build -o\nCMD",
      'FROM node:22\nRUN npm run build\nCMD ["node"',
      "\u0000FROM x\n",
      "FROM python:3.12\nRUN pip install \\\n",
    ]) {
      const result = convertToMultiStage(parseDockerfile(text));
      assert.ok(result.ok || result.reason.length > 0);
    }
  });

  it("titles the action with the estimated saving when the facts know both bases", () => {
    const result = convertToMultiStage(parseDockerfile(`${GO}CMD ["/bin/app"]\n`));
    assert.ok(result.ok);
    assert.match(conversionTitle(result.summary), /^Convert to multi-stage \(≈ −\d+ MB\)$/);
    assert.strictEqual(conversionTitle(null), "Convert to multi-stage");
  });

  it("refuses a shell-form command that does not mention the binary the build writes", () => {
    assert.match(reasonFor(`${GO}CMD ./start.sh $MODE\n`), /does not mention 'app'/);
  });

  it("refuses Yarn 2+ projects, whose production install it cannot write", () => {
    const berry =
      'FROM node:24\nWORKDIR /app\nCOPY package.json yarn.lock .yarnrc.yml ./\nRUN yarn install --immutable\nCOPY . .\nRUN yarn build\nCMD ["node", "dist/index.js"]\n';
    assert.match(reasonFor(berry), /Yarn 2\+ \(Berry\)/);
    assert.match(reasonFor(berry.replace(" .yarnrc.yml", "")), /Yarn 2\+ \(Berry\)/);
  });

  it("treats a Go build that installs C headers without setting CGO_ENABLED as cgo", () => {
    const cgo =
      'FROM golang:1.26\nRUN apt-get update && apt-get install -y libsqlite3-dev\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD ["/bin/app"]\n';
    assert.match(reasonFor(cgo, "scratch"), /C compiler or headers with CGO_ENABLED unset/);
  });
  it("refuses a requested runtime family larger than the base the build already uses", () => {
    const alpine = 'FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/index.js"]\n';
    assert.match(reasonFor(alpine, "slim"), /'node:24-slim' is larger than 'node:24-alpine'/);
  });
  it("refuses a shell-form health check on distroless Java and chiseled .NET (no shell, no curl)", () => {
    const java =
      'FROM gradle:8.8-jdk21\nWORKDIR /src\nCOPY . .\nRUN gradle build --no-daemon\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nCMD ["java", "-jar", "build/libs/app.jar"]\n';
    assert.match(reasonFor(java, "distroless"), /health check needs a shell/);
    const dotnet =
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /out\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nENTRYPOINT ["dotnet", "/out/Api.dll"]\n';
    assert.match(reasonFor(dotnet, "distroless"), /health check needs a shell/);
    const dotnetExec =
      'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /out\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/"]\nENTRYPOINT ["dotnet", "/out/Api.dll"]\n';
    assert.match(reasonFor(dotnetExec, "distroless"), /health check runs 'curl'/);
  });
});
