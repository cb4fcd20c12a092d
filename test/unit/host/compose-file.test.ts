import * as assert from "assert";
import { composeServiceMap, extendedFiles, withExtendsResolved } from "../../../server/src/host/compose-file";

describe("host/compose-file: services that extend others", () => {
  const services = (text: string) => composeServiceMap(text) as Record<string, unknown>;

  it("takes the extended service's settings under the service's own; sequences add up", () => {
    const file = services(
      "services:\n  base:\n    build: .\n    volumes: ['.:/code']\n    command: 'false'\n  web:\n    extends: base\n    command: python manage.py runserver\n    volumes: ['static:/static']\n",
    );
    const web = withExtendsResolved(file, () => null).web as Record<string, unknown>;
    assert.deepStrictEqual(web, { build: ".", volumes: [".:/code", "static:/static"], command: "python manage.py runserver" });
  });

  it("reads another file of the same folder, and leaves out a base it cannot place", () => {
    const file = services(
      "services:\n  test:\n    extends:\n      file: docker-compose-base.yml\n      service: base\n  far:\n    extends: { file: ../x.yml, service: base }\n",
    );
    assert.deepStrictEqual(extendedFiles(file), ["docker-compose-base.yml", "../x.yml"]);
    const base = services("services:\n  base:\n    build: .\n");
    const resolved = withExtendsResolved(file, (name) => (name === "docker-compose-base.yml" ? base : null));
    assert.deepStrictEqual(resolved.test, { build: "." });
    assert.deepStrictEqual(resolved.far, {});
  });

  it("stops on a cycle", () => {
    const file = services("services:\n  a:\n    extends: b\n    image: a\n  b:\n    extends: a\n    build: .\n");
    const resolved = withExtendsResolved(file, () => null);
    assert.strictEqual((resolved.a as Record<string, unknown>).image, "a");
  });
});
