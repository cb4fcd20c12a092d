import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { createdUserHome } from "../../../server/src/model/user-homes";

function homeOf(script: string, login: string): string | null {
  return createdUserHome(parseDockerfile(`FROM debian:12\nRUN ${script}\n`).stages, login);
}

describe("model/user-homes: the home a user the file creates gets", () => {
  it("reads useradd with -m or --create-home, a folder -d names, and adduser's default home", () => {
    assert.strictEqual(homeOf("useradd --create-home --uid 1000 app", "app"), "/home/app");
    assert.strictEqual(homeOf("useradd -ms /bin/bash app", "app"), "/home/app");
    assert.strictEqual(homeOf("useradd -m -d /srv/svc/ svc", "svc"), "/srv/svc");
    assert.strictEqual(homeOf("adduser --disabled-password --gecos '' app", "app"), "/home/app");
    assert.strictEqual(homeOf("adduser -D -h /data app", "app"), "/data");
  });

  it("knows no home for a user made without one, another user, or a home in a variable", () => {
    assert.strictEqual(homeOf("useradd app", "app"), null);
    assert.strictEqual(homeOf("useradd -M app", "app"), null);
    assert.strictEqual(homeOf("adduser --no-create-home app", "app"), null);
    assert.strictEqual(homeOf("adduser -D -H app", "app"), null);
    assert.strictEqual(homeOf("adduser --system app", "app"), null);
    assert.strictEqual(homeOf("useradd -m -d $HOME_DIR app", "app"), null);
    assert.strictEqual(homeOf("useradd -m other", "app"), null);
  });
});
