import * as assert from "assert";
import { UNKNOWN_CONTEXT } from "../../../server/src/model/context";
import { parseDockerfile } from "../../../server/src/model/parse";
import { installedSetupPys, setupPyRequirements } from "../../../server/src/model/setup-py-requirements";

/** ethereum-etl's setup.py, shortened: a comment that quotes a module name, and two extras. */
const SETUP_PY = `setup(
    name='ethereum-etl',
    install_requires=[
        'web3>=5.29,<6',
        # TODO: removed when "ModuleNotFoundError: No module named 'eth_utils.toolz'" is fixed
        'click>=8.0.4,<9',
    ],
    extras_require={
        'streaming': [
            'kafka-python==2.0.2',
            # Later versions break the build in Travis CI for Python 3.7.2
            'grpcio==1.46.3'
        ],
        "Dev_Tools": ["pytest~=4.3.0"],
    },
)
`;

const modelWith = (dockerfile: string, files: Record<string, string>) => parseDockerfile(dockerfile, { ...UNKNOWN_CONTEXT, files });

describe("model/setup-py-requirements", () => {
  it("reads install_requires and the named extras' lists, not comments nor other extras", () => {
    assert.deepStrictEqual(setupPyRequirements(SETUP_PY, []), ["web3>=5.29,<6", "click>=8.0.4,<9"]);
    assert.deepStrictEqual(setupPyRequirements(SETUP_PY, ["streaming"]), ["web3>=5.29,<6", "click>=8.0.4,<9", "kafka-python==2.0.2", "grpcio==1.46.3"]);
    // Extra names compare as pip compares them (PEP 685).
    assert.deepStrictEqual(setupPyRequirements(SETUP_PY, ["dev-tools"]), ["web3>=5.29,<6", "click>=8.0.4,<9", "pytest~=4.3.0"]);
    assert.deepStrictEqual(setupPyRequirements("setup(install_requires=REQUIREMENTS)\n", ["x"]), []);
  });

  it("finds the setup.py of the project pip installs from a folder, through the copy and the stage's variables", () => {
    const model = modelWith(
      "FROM python:3.7\nENV PROJECT_DIR=ethereum-etl\nWORKDIR /$PROJECT_DIR\nCOPY . .\nRUN pip install --upgrade pip && pip install -e /$PROJECT_DIR/[streaming]\n",
      { "setup.py": SETUP_PY },
    );
    assert.deepStrictEqual(installedSetupPys(model), [
      { file: "setup.py", requirements: ["web3>=5.29,<6", "click>=8.0.4,<9", "kafka-python==2.0.2", "grpcio==1.46.3"] },
    ]);
  });

  it("reads `pip install .` against the working folder and `python -m pip`, and nothing for a package from an index", () => {
    const files = { "app/setup.py": SETUP_PY };
    const local = modelWith("FROM python:3.12\nWORKDIR /srv\nCOPY app/ ./\nRUN python -m pip install --no-cache-dir .\n", files);
    assert.deepStrictEqual(
      installedSetupPys(local).map((p) => p.file),
      ["app/setup.py"],
    );
    const named = modelWith("FROM python:3.12\nWORKDIR /srv\nCOPY app/ ./\nRUN pip install -r requirements.txt ethereum-etl[streaming]\n", files);
    assert.deepStrictEqual(installedSetupPys(named), []);
  });
});
