import * as assert from "assert";
import { parseDockerfile } from "../../../server/src/model/parse";
import { runCommands } from "../../../server/src/model/run-commands";
import {
  checkedSystemPipInstall,
  marksPythonExternallyManaged,
  optsOutOfExternallyManagedPython,
  predatesExternallyManagedPython,
} from "../../../server/src/model/system-pip";

const firstCommand = (run: string) => runCommands(parseDockerfile(`FROM debian:12\nRUN ${run}\n`).stages)[0].command;
const optsOut = (text: string) => {
  const model = parseDockerfile(text);
  return optsOutOfExternallyManagedPython(model, model.stages);
};

describe("model/system-pip: a pip install into the distribution's marked Python (PEP 668)", () => {
  it("knows the releases before each family marks its Python: Debian 12, Ubuntu 23.04, Alpine 3.19", () => {
    const before = (family: string, version: string) => predatesExternallyManagedPython({ family, version });
    assert.deepStrictEqual(
      [before("debian", "11"), before("debian", "12"), before("ubuntu", "22.04"), before("ubuntu", "23.04"), before("ubuntu", "24.04")],
      [true, false, true, false, false],
    );
    // Minor versions compare as numbers: 3.20 is after 3.19, 3.9 before it.
    assert.deepStrictEqual(
      [before("alpine", "3.9"), before("alpine", "3.18"), before("alpine", "3.19"), before("alpine", "3.20"), before("alpine", "3.23")],
      [true, true, false, false, false],
    );
    assert.strictEqual(before("fedora", "39"), false);
  });

  it("reads pip, pip3 and python3 -m pip installs, options before the subcommand included", () => {
    assert.deepStrictEqual(checkedSystemPipInstall(firstCommand("pip3 install flask")), ["flask"]);
    assert.deepStrictEqual(checkedSystemPipInstall(firstCommand("python3 -m pip --no-cache-dir install -r req.txt")), ["--no-cache-dir", "-r", "req.txt"]);
    assert.deepStrictEqual(checkedSystemPipInstall(firstCommand("/usr/bin/pip3 install flask")), ["flask"]);
  });

  it("leaves a pip given by another path, another subcommand and an install that skips the check", () => {
    assert.strictEqual(checkedSystemPipInstall(firstCommand("/opt/venv/bin/pip install flask")), null);
    assert.strictEqual(checkedSystemPipInstall(firstCommand("pip3 download flask")), null);
    assert.strictEqual(checkedSystemPipInstall(firstCommand("pip3 install --target=/deps flask")), null);
    assert.strictEqual(checkedSystemPipInstall(firstCommand("pip install --break-system-packages flask")), null);
  });

  it("marks Debian from 12 and Ubuntu from 23.04, and no other family", () => {
    assert.deepStrictEqual(
      [
        marksPythonExternallyManaged("debian", 11),
        marksPythonExternallyManaged("debian", 12),
        marksPythonExternallyManaged("ubuntu", 22.04),
        marksPythonExternallyManaged("ubuntu", 24.04),
        marksPythonExternallyManaged("alpine", 3.2),
      ],
      [false, true, false, true, false],
    );
  });

  it("sees a virtual environment or the override in any of its spellings", () => {
    assert.strictEqual(optsOut("FROM debian:12\nRUN pip3 install flask\n"), false);
    assert.strictEqual(optsOut("FROM debian:12\nENV VIRTUAL_ENV=/app/.env\nRUN pip3 install flask\n"), true);
    assert.strictEqual(optsOut("FROM debian:12\nRUN python3 -m venv /app/.env && pip3 install flask\n"), true);
    assert.strictEqual(optsOut("FROM debian:12\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN pip3 install flask\n"), true);
    assert.strictEqual(optsOut("FROM debian:12\nRUN rm /usr/lib/python3*/EXTERNALLY-MANAGED && pip3 install flask\n"), true);
    assert.strictEqual(optsOut("FROM debian:12\nRUN poetry install\n"), true);
  });

  it("takes virtualenv and pipx installed by the system pip for packages, and run for environments", () => {
    assert.strictEqual(optsOut("FROM debian:12\nRUN pip3 install virtualenv pipx\n"), false);
    assert.strictEqual(optsOut("FROM debian:12\nRUN pip3 install virtualenv && virtualenv /opt/env\n"), true);
  });
});
