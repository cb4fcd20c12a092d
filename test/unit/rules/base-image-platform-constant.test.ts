import { rule } from "../../../server/src/rules/base-image-platform-constant";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      name: "a uv lock limited to another machine explains nothing",
      code: "FROM --platform=linux/arm64 python:3.11-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked\n",
      context: { files: { "pyproject.toml": "[tool.uv]\nenvironments = [\"platform_machine == 'x86_64'\"]\n" } },
      messageId: "constant",
    },
    {
      name: "a stage that does not sync the limited uv lock is not tied by it",
      code: "FROM --platform=linux/amd64 nginx:1.27\nCOPY static /usr/share/nginx/html\n",
      context: { files: { "pyproject.toml": "[tool.uv]\nenvironments = [\"platform_machine == 'x86_64'\"]\n" } },
      messageId: "constant",
    },
    {
      name: "a release asset whose URL chooses the architecture",
      code: 'FROM --platform=linux/amd64 debian:12\nRUN curl -LO "https://github.com/o/r/releases/download/v1/tool-$(uname -m).tar.gz"\n',
      messageId: "constant",
    },
    {
      name: "a release asset that is a source archive, compiled in the RUN",
      code: "FROM --platform=linux/amd64 debian:12\nRUN curl -LO https://github.com/o/r/releases/download/v1/lib-1.0.tar.gz && tar xf lib-1.0.tar.gz && cd lib-1.0 && ./configure && make install\n",
      messageId: "constant",
    },
    { code: "FROM --platform=linux/amd64 node:22\n", messageId: "constant", line: 1, token: "linux/amd64", data: { platform: "linux/amd64" }, output: null },
    { name: "a comment that does not name the architecture", code: "# the builder\nFROM --platform=linux/amd64 node:22\nRUN npm ci\n", messageId: "constant" },
    { name: "a comment separated by a blank line", code: "# built on amd64 hosts\n\nFROM --platform=linux/amd64 node:22\n", messageId: "constant" },
    {
      name: "an artefact for another architecture",
      code: "FROM --platform=linux/amd64 debian:12\nRUN curl -LO https://example.org/tool_arm64.deb\n",
      messageId: "constant",
    },
    { name: "an architecture inside a longer word", code: "FROM --platform=linux/amd64 debian:12\nRUN echo x64bit\n", messageId: "constant" },
    {
      name: "another stage tagged for another architecture",
      code: "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-arm64v8 AS build\nRUN dotnet publish -r linux-arm64\nFROM --platform=linux/amd64 debian:12\nCOPY --from=build /app /app\n",
      messageId: "constant",
    },
    {
      name: "a path naming another architecture",
      code: "FROM --platform=linux/amd64 debian:12\n",
      messageId: "constant",
      context: { dockerfilePath: "docker/arm64/Dockerfile" },
    },
  ],
  silent: [
    {
      // mozilla-services/tecken (held-out AS): uv.lock only covers x86_64 Linux, so `uv sync --locked` fails elsewhere.
      name: "the stage syncs a uv lock that pyproject.toml limits to the machine",
      code: "FROM --platform=linux/amd64 python:3.11-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked\n",
      context: {
        files: {
          "pyproject.toml":
            '[project]\nname = "tecken"\n\n[tool.uv]\nenvironments = ["""\n    sys_platform == \'linux\' and\n    platform_machine == \'x86_64\' and\n    implementation_name == \'cpython\'\n"""]\n',
        },
      },
    },
    {
      name: "a script the RUN runs fetches an artefact for the architecture",
      code: "FROM --platform=linux/amd64 debian:12\nCOPY docker/fetch.sh /tmp/fetch.sh\nRUN /tmp/fetch.sh\n",
      context: { files: { "docker/fetch.sh": "curl -LO https://example.org/tool-linux-x86_64.tar.gz\n" } },
    },
    {
      name: "a script the RUN runs installs a prebuilt release tarball that chooses no architecture",
      code: "FROM --platform=linux/amd64 python:3.11-slim\nCOPY docker/set_up_tool.sh /tmp/set_up_tool.sh\nRUN /tmp/set_up_tool.sh\nRUN npm ci\n",
      context: {
        files: {
          "docker/set_up_tool.sh":
            'URL="https://github.com/o/tool/releases/download/v1/tool.2025-06-20.tar.gz"\ncurl -sL -o tool.tar.gz "${URL}"\ntar -xzf tool.tar.gz\ncp build/bin/tool /opt/tool\n/opt/tool --version\n',
        },
      },
    },
    "FROM --platform=linux/amd64 node:22 AS build-amd64\n",
    "FROM --platform=linux/amd64 scratch AS linux\n",
    "FROM --platform=$BUILDPLATFORM node:22\n",
    {
      name: "explained in the comment above",
      code: "# release binaries are cross-built on an AMD64 host\nFROM --platform=linux/amd64 golang:1.23 AS helper\n",
    },
    {
      name: "an amd64-only package installed in the stage",
      code: "FROM --platform=linux/amd64 debian:12\nRUN wget -q https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb && \\\n  apt-get install -y ./google-chrome-stable_current_amd64.deb\n",
    },
    { name: "an x86_64 tarball", code: "FROM --platform=linux/amd64 debian:12\nADD https://example.org/tool-1.0-linux-x86_64.tar.gz /opt/\n" },
    {
      name: "another stage's base image tagged for the architecture",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-amd64 AS runtime\nFROM --platform=linux/amd64 example/ffmpeg:7.1 AS base\nCOPY --from=runtime /usr/share/dotnet /usr/share/dotnet\n",
    },
    {
      name: "a build flag for the architecture in another stage",
      code: "FROM --platform=linux/amd64 example/ffmpeg:7.1 AS base\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -r linux-x64 -o /app\nFROM base\nCOPY --from=build /app /app\n",
    },
    {
      name: "the Dockerfile's path names the architecture",
      code: "FROM --platform=linux/amd64 debian:12\n",
      context: { dockerfilePath: "docker/amd64/Dockerfile" },
    },
    {
      name: "the Dockerfile's name names the architecture",
      code: "FROM --platform=linux/arm64 debian:12\n",
      context: { dockerfilePath: "Dockerfile.aarch64" },
    },
    {
      name: "an aarch64 tarball under an arm64 pin",
      code: "FROM --platform=linux/arm64 debian:12\nRUN curl -L https://example.org/tool-aarch64.tar.gz | tar xz\n",
    },
  ],
});
