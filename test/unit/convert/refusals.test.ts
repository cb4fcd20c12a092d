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

  it("refuses a jar pattern in an exec-form command (no shell expands it; the shell form converts)", () => {
    assert.match(
      reasonFor('FROM maven:3-eclipse-temurin-21\nWORKDIR /b\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/*.jar"]\n'),
      /pattern the exec-form command never expands/,
    );
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

  it("refuses a pip install already on python slim with nothing build-only: nothing to gain", () => {
    const text =
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "main.py"]\n';
    assert.match(reasonFor(text), /nothing to gain: 'python:3\.12-slim' is already the image the runtime stage would use/);
  });

  it("refuses a pip install already on python alpine with nothing build-only: nothing to gain", () => {
    const text = 'FROM python:3.12-alpine\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nCMD ["python", "main.py"]\n';
    assert.match(reasonFor(text), /nothing to gain/);
  });

  it("still converts python slim when the stage installs compilers or headers", () => {
    const text =
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "main.py"]\n';
    assert.ok(convertToMultiStage(parseDockerfile(text)).ok);
  });

  it("refuses a Node.js install without a build step already on node alpine: nothing to gain", () => {
    const text = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["npm", "start"]\n';
    assert.match(reasonFor(text), /nothing to gain: 'node:20-alpine' is already the image the runtime stage would use/);
  });

  it("refuses a Node.js install without a build step that also installs a tool globally", () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm install -g pm2\nCMD ["pm2-runtime", "server.js"]\n';
    assert.match(reasonFor(text), /'npm install -g pm2' installs outside the project folder/);
  });

  it("refuses a static server told to serve an npm script name", () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build:prod\nCMD ["serve", "-s", "build:prod"]\n';
    assert.match(reasonFor(text), /serve 'build:prod', which names an npm script, not a folder/);
  });

  it("refuses a jar the build context supplies rather than the stage's build", () => {
    const text = 'FROM gradle:jdk21\nARG JAR_FILE=build/libs/*-all.jar\nRUN gradle build\nCOPY ${JAR_FILE} app.jar\nENTRYPOINT ["java", "-jar", "app.jar"]\n';
    assert.match(reasonFor(text), /the jar 'app\.jar' comes from the build context \('COPY \$\{JAR_FILE\} app\.jar'\)/);
  });

  it("refuses spring-boot:run with arguments it cannot carry over to java -jar", () => {
    const text = 'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nCMD ["mvn", "spring-boot:run", "-Dspring-boot.run.profiles=prod"]\n';
    assert.match(reasonFor(text), /passes '-Dspring-boot\.run\.profiles=prod' to 'spring-boot:run'/);
  });

  it("names a jar built outside the image as the blocker when the stage has no build", () => {
    const text = 'FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY target/*.jar app.jar\nENTRYPOINT ["java", "-jar", "app.jar"]\n';
    assert.match(reasonFor(text), /the jar 'app\.jar' arrives from the build context \('COPY target\/\*\.jar app\.jar'\), built outside the image/);
  });

  it("does not throw on an empty exec-form command", () => {
    assert.match(reasonFor("FROM eclipse-temurin:21-jdk\nCOPY a.jar /a.jar\nCMD []\n"), /no recognisable build step/);
  });

  it("refuses gradle bootRun at start with what to do instead", () => {
    const text = 'FROM gradle:8-jdk21\nWORKDIR /app\nCOPY . .\nCMD ["gradle", "bootRun"]\n';
    assert.match(reasonFor(text), /runs 'gradle bootRun', which builds at every start; build with 'bootJar'/);
  });

  it("refuses spring-boot:run of a war project", () => {
    const text = 'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nCMD ["mvn", "spring-boot:run"]\n';
    const context = { files: { "pom.xml": "<project><artifactId>web</artifactId><packaging>war</packaging></project>" } };
    const result = convertToMultiStage(parseDockerfile(text, context));
    assert.ok(!result.ok && /packages a 'war', not an executable jar/.test(result.reason));
  });

  it("says how to shed dev dependencies when a Node.js image has nothing else to gain", () => {
    const text = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY src ./src\nCMD ["node", "src/index.js"]\n';
    const context = { files: { "package.json": '{"dependencies":{"express":"4"},"devDependencies":{"jest":"29"}}' } };
    const result = convertToMultiStage(parseDockerfile(text, context));
    assert.ok(!result.ok && /nothing to gain.*; to leave the dev dependency out, install with 'npm ci --omit=dev' instead$/.test(result.reason));
  });
});
