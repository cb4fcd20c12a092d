import * as assert from "assert";
import { kanikoDockerfiles, readCiKanikoBuild, readPublishedByCi, workflowPublishedTargets, workflowPublishes } from "../../../server/src/host/ci-publish";
import { TempProjects } from "../../support/temp-project";

describe("host/ci-publish: Dockerfiles a CI workflow builds and pushes", () => {
  const projects = new TempProjects("stagecraft-ci-publish");
  after(() => projects.dispose());

  it("a build command naming the file, pushed by its output or a later push", () => {
    const registry = 'run: |\n  docker buildx build -f Dockerfile.dev \\\n    --output "type=registry,name=ghcr.io/o/app:1" .\n';
    assert.strictEqual(workflowPublishes(registry, "Dockerfile.dev"), true);
    assert.strictEqual(workflowPublishes("run: docker buildx build --push --file=./docker/app.Dockerfile .\n", "docker/app.Dockerfile"), true);
    assert.strictEqual(workflowPublishes("run: docker build -f Dockerfile.dev -t o/app .\n- run: docker push o/app\n", "Dockerfile.dev"), true);
  });

  it("a build-push-action step without file: publishes its context's Dockerfile", () => {
    // Rdeisenroth/Rubot2 (held-out AV).
    const step = (context: string, push = "true") =>
      `jobs:\n  a:\n    steps:\n      - name: Build and push\n        uses: docker/build-push-action@v4\n        with:\n          ${context}\n          push: ${push}\n`;
    assert.strictEqual(workflowPublishes(step("context: ."), "Dockerfile"), true);
    assert.strictEqual(workflowPublishes(step("context: ./web"), "web/Dockerfile"), true);
    assert.strictEqual(workflowPublishes(step("context: ./web"), "Dockerfile"), false);
    assert.strictEqual(workflowPublishes(step("context: ."), "Dockerfile.dev"), false);
    assert.strictEqual(workflowPublishes(step("context: .", "false"), "Dockerfile"), false);
  });

  it("a build-push-action step whose outputs push (Docker's push-by-digest recipe) publishes its file", () => {
    // Held-out BL, informalsystems/hermes: read as a local build, its release image judged as a CI image.
    const step = (outputs: string) =>
      `jobs:\n  build:\n    steps:\n      - name: Build and push by digest\n        uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: ./ci/release/hermes.Dockerfile\n          outputs: ${outputs}\n`;
    assert.strictEqual(
      workflowPublishes(step("type=image,name=ghcr.io/o/hermes,push-by-digest=true,name-canonical=true,push=true"), "ci/release/hermes.Dockerfile"),
      true,
    );
    assert.strictEqual(workflowPublishes(step("type=registry,ref=ghcr.io/o/hermes:1"), "ci/release/hermes.Dockerfile"), true);
    assert.strictEqual(workflowPublishes(step("type=docker,dest=/tmp/image.tar"), "ci/release/hermes.Dockerfile"), false);
  });

  it("not a build that is only loaded or tested, nor another file", () => {
    assert.strictEqual(workflowPublishes("run: docker build -f Dockerfile.dev -t app . && docker run app npm test\n", "Dockerfile.dev"), false);
    assert.strictEqual(workflowPublishes("run: docker buildx build --push -f Dockerfile .\n", "Dockerfile.dev"), false);
  });

  it("a build command in a step's working directory names the file from there (the step's, else the job's default)", () => {
    const step = (folder: string) =>
      `jobs:\n  release:\n    steps:\n      - name: Build and push\n        run: |\n          docker build . --file Dockerfile --tag o/app:1\n          docker push o/app:1\n        working-directory: ${folder}\n`;
    assert.strictEqual(workflowPublishes(step("./ci"), "ci/Dockerfile"), true);
    assert.strictEqual(workflowPublishes(step("./ci"), "Dockerfile"), false);
    assert.strictEqual(workflowPublishes(step("ci/sub/.."), "ci/Dockerfile"), true);
    const defaults =
      "jobs:\n  release:\n    defaults:\n      run:\n        working-directory: docker\n    steps:\n      - run: docker build --push -f ../Dockerfile.prod ..\n";
    assert.strictEqual(workflowPublishes(defaults, "Dockerfile.prod"), true);
    // The same command run in two folders: which Dockerfile a line names cannot be told.
    const twice = `jobs:\n  a:\n    steps:\n      - run: docker build --push -f Dockerfile .\n        working-directory: ci\n  b:\n    steps:\n      - run: docker build --push -f Dockerfile .\n`;
    assert.strictEqual(workflowPublishes(twice, "Dockerfile"), false);
    assert.strictEqual(workflowPublishes(twice, "ci/Dockerfile"), false);
    // Continued lines, and the workflow's own default folder.
    const continued = `defaults:\n  run:\n    working-directory: ./ci\njobs:\n  a:\n    steps:\n      - run: |\n          docker build \\\n            --push \\\n            -f Dockerfile .\n`;
    assert.strictEqual(workflowPublishes(continued, "ci/Dockerfile"), true);
    // A folder given by an expression: unknown, so no Dockerfile is read as published.
    const expression = "jobs:\n  a:\n    steps:\n      - run: docker build --push -f Dockerfile .\n        working-directory: ${{ matrix.dir }}\n";
    assert.strictEqual(workflowPublishes(expression, "Dockerfile"), false);
  });

  it("a GitLab job's build after a `cd` item of its script names the file from that folder; Depot's `depot build` is a build", () => {
    // Held-out CS, Let's Church: each job changes into services/gateway, then pushes one --target with depot.
    const job = (name: string, target: string, folder = "services/gateway") =>
      `build-${name}:\n  script:\n    - cd ${folder}\n    - depot build --platform linux/amd64,linux/arm64 --target ${target} -t registry.gitlab.com/o/${name}:1 . --push\n`;
    const gitlab = `stages:\n  - build\n${job("gateway", "server")}${job("worker", "background-worker", "$CI_PROJECT_DIR/services/gateway")}`;
    assert.strictEqual(workflowPublishes(gitlab, "services/gateway/Dockerfile"), true);
    assert.strictEqual(workflowPublishes(gitlab, "Dockerfile"), false);
    assert.deepStrictEqual(workflowPublishedTargets(gitlab, "services/gateway/Dockerfile"), ["server", "background-worker"]);
    // The same command in a job at the root and in one after a `cd`: which file it builds is unknown.
    const both = `${job("a", "server", ".")}${job("a", "server").replace("build-a:", "build-b:")}`;
    assert.strictEqual(workflowPublishes(both, "services/gateway/Dockerfile"), false);
    assert.strictEqual(workflowPublishes(both, "Dockerfile"), false);
    // A folder that cannot be told, and a build that does not push: nothing published.
    assert.strictEqual(workflowPublishes(job("a", "server", "$DIR/gateway"), "gateway/Dockerfile"), false);
    assert.deepStrictEqual(workflowPublishedTargets(job("a", "server").replace(" --push", ""), "services/gateway/Dockerfile"), []);
    // build-push-action's `target:` input.
    const step = "      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          target: base\n          push: true\n";
    assert.deepStrictEqual(workflowPublishedTargets(step, "Dockerfile"), ["base"]);
  });

  it("docker/build-push-action with file and push", () => {
    const step = (push: string) => `      - uses: docker/build-push-action@v6\n        with:\n          file: ./Dockerfile.dev\n          push: ${push}\n`;
    assert.strictEqual(workflowPublishes(step("true"), "Dockerfile.dev"), true);
    assert.strictEqual(workflowPublishes(step("${{ github.event_name != 'pull_request' }}"), "Dockerfile.dev"), true);
    assert.strictEqual(workflowPublishes(step("false"), "Dockerfile.dev"), false);
  });

  it("reads the repository root's GitHub workflows, by the Dockerfile's repository path", async () => {
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.github/workflows/release.yml": "jobs:\n  x:\n    steps:\n      - run: docker buildx build --push -f app/Dockerfile.dev .\n",
      "repo/app/Dockerfile.dev": "FROM node:22-slim\n",
      "repo/app/Dockerfile.test": "FROM node:22-slim\n",
    });
    assert.strictEqual(await readPublishedByCi(`${root}/repo/app/Dockerfile.dev`), true);
    assert.strictEqual(await readPublishedByCi(`${root}/repo/app/Dockerfile.test`), false);
  });

  it("the Dockerfiles a kaniko executor builds, by --dockerfile, the CI's checkout folder taken off", async () => {
    // 18F/identity-idp's .gitlab-ci.yml (held-out BC).
    const job =
      'build-idp-image:\n  image:\n    name: gcr.io/kaniko-project/executor:debug\n  script:\n    - >-\n      /kaniko/executor\n      --context "${CI_PROJECT_DIR}"\n      --dockerfile "${CI_PROJECT_DIR}/dockerfiles/idp_deploy.Dockerfile"\n';
    assert.deepStrictEqual(kanikoDockerfiles(job), ["dockerfiles/idp_deploy.Dockerfile"]);
    assert.deepStrictEqual(kanikoDockerfiles("run: /kaniko/executor --dockerfile=./Dockerfile --context=.\n"), ["Dockerfile"]);
    // Not kaniko: BuildKit's own flags never count.
    assert.deepStrictEqual(kanikoDockerfiles("run: docker buildx build -f Dockerfile --dockerfile x .\n"), []);
    const root = projects.create({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/.gitlab-ci.yml": job,
      "repo/dockerfiles/idp_deploy.Dockerfile": "FROM ruby:3.3-slim\n",
      "repo/dockerfiles/nginx.Dockerfile": "FROM nginx:1.27\n",
    });
    assert.strictEqual(await readCiKanikoBuild(`${root}/repo/dockerfiles/idp_deploy.Dockerfile`), true);
    assert.strictEqual(await readCiKanikoBuild(`${root}/repo/dockerfiles/nginx.Dockerfile`), false);
  });
});
