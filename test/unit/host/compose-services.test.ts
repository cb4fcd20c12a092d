import * as assert from "assert";
import { join } from "path";
import { readComposeServices } from "../../../server/src/host/compose-services";
import { TempProjects } from "../../support/temp-project";

describe("host/compose-services: the compose services that may run a Dockerfile's image", () => {
  const projects = new TempProjects("stagecraft-compose-services");
  after(() => projects.dispose());

  it("keeps services that build the Dockerfile or pull an image, with their user and mounts, and drops those that build another", async () => {
    const dir = projects.create({
      ".git/HEAD": "",
      "conf/app.toml": "port = 1\n",
      "src/main.js": "",
      "docker-compose.example.yml": [
        "services:",
        "  app:",
        "    build:",
        "      context: .",
        "      dockerfile: docker/Dockerfile",
        "    user: '1000:1000'",
        "    volumes:",
        "      - data:/var/lib/app",
        "      - ./uploads:/app/uploads",
        "      - ./src:/app/src",
        "      - ${PWD}/conf/app.toml:/etc/app.toml:ro",
        "      - /var/run/docker.sock:/var/run/docker.sock",
        "      - /cache",
        "      - type: bind",
        "        source: ./conf",
        "        target: /etc/app",
        "        read_only: true",
        "  worker:",
        "    build: ./worker",
        "  db:",
        "    image: postgres:16",
        "    user: 999",
        "  web:",
        "    image: acme/portal:v3",
        "    entrypoint: [bin/serve, --port, '3000']",
        "    working_dir: /srv/portal/ ",
        "",
      ].join("\n"),
      "docker/Dockerfile": "FROM node:22\n",
    });
    const services = await readComposeServices(join(dir, "docker", "Dockerfile"));
    assert.deepStrictEqual(services, [
      {
        file: "../docker-compose.example.yml",
        builds: true,
        image: null,
        user: "1000:1000",
        mounts: [
          { target: "/var/lib/app", source: "volume", readOnly: false },
          { target: "/app/uploads", source: "host", readOnly: false },
          { target: "/app/src", source: "project", readOnly: false },
          { target: "/etc/app.toml", source: "project", readOnly: true },
          { target: "/var/run/docker.sock", source: "host", readOnly: false },
          { target: "/cache", source: "volume", readOnly: false },
          { target: "/etc/app", source: "project", readOnly: true },
        ],
      },
      { file: "../docker-compose.example.yml", builds: false, image: "postgres:16", user: "999", mounts: [] },
      {
        file: "../docker-compose.example.yml",
        builds: false,
        image: "acme/portal:v3",
        user: null,
        mounts: [],
        entrypoint: ["bin/serve", "--port", "3000"],
        workingDir: "/srv/portal/",
      },
    ]);
  });

  it("reads a lower-case `dockerfile` as what `build: .` builds, and keeps the service's command", async () => {
    const dir = projects.create({
      ".git/HEAD": "",
      "docker-compose.yml": 'services:\n  app:\n    build: .\n    command: bash -c "bundle install && rails s"\n    volumes:\n      - .:/petrescue\n',
      dockerfile: "FROM ruby:3.3\n",
    });
    assert.deepStrictEqual(await readComposeServices(join(dir, "dockerfile")), [
      {
        file: "docker-compose.yml",
        builds: true,
        image: null,
        user: null,
        mounts: [{ target: "/petrescue", source: "project", readOnly: false }],
        command: ["bash", "-c", '"bundle', "install", "&&", "rails", 's"'],
      },
    ]);
  });

  it("finds nothing where there is no compose file, and skips one that does not parse", async () => {
    const dir = projects.create({ ".git/HEAD": "", "compose.yaml": "services: [\n", Dockerfile: "FROM alpine\n" });
    assert.deepStrictEqual(await readComposeServices(join(dir, "Dockerfile")), []);
  });
});
