// Node.js: a server with a build step ships its build output plus production dependencies
// (`npm ci --omit=dev`) on node slim/alpine; a static front end ships its build folder on nginx.

import { canonicalTag, newestVersions, tagNames } from "../../images/facts";
import { parseImageReference } from "../../images/reference";
import { effectiveTag, officialName } from "../../images/tags";
import type { DependencyInstall } from "../../model/commands";
import { readArgDeclarations } from "../../model/parse";
import type { Instruction, Stage } from "../../model/types";
import { hasNoCommand } from "../entry-command";
import { readPackageJson } from "../package-json";
import { installPackages, stagePackages } from "../packages";
import { isAlpineImage, officialVariant, RuntimeImage } from "../runtime-base";
import { instructionText } from "../source-text";
import type { Recipe, RecipeAnswer, RecipeInput } from "../types";
import { dependenciesOnlyPlan } from "./node-deps";
import { runtimeEntryCopies } from "./runtime-entries";
import { artifactCommand, refuse, resolvePath, usedPrograms } from "./shared";

const BUILD_ONLY_ENV = /^(?:NPM_CONFIG_[A-Z_]+|npm_config_[a-z_]+|YARN_[A-Z_]+|PNPM_[A-Z_]+|NODE_OPTIONS_BUILD)$/;
/** What only a Node.js build reads (sources, manifests, tool configuration) or writes (its output folders). */
const NODE_BUILD_INPUT =
  /^(?:\.\/)?(?:src|source|test|tests|__tests__|node_modules|dist|build|out|\.next|package(?:-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc|\.yarnrc(?:\.yml)?|tsconfig[\w.-]*\.json|\.babelrc|\.eslintrc[\w.]*|\.prettierrc[\w.]*|[\w-]+\.config\.[cm]?[jt]s)\/?$/;
const STATIC_SERVERS = new Set(["serve", "http-server", "live-server", "lite-server"]);
/** Options of `serve` and `http-server` that take a value (the folder is the other word). */
const VALUE_OPTIONS = new Set(["-l", "--listen", "-p", "--port", "-c", "--config", "-a", "-e", "-C", "-K", "--cors", "-t"]);
const MANIFESTS =
  /^(?:\.\/)?(?:package(?:-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc|\.yarnrc(?:\.yml)?)$/;

/** The folder a static server serves, when the command runs one (`serve -s build`, `npx http-server dist`). */
function staticFolder(argv: readonly string[]): string | null {
  let i = 0;
  if (["npx", "pnpx", "bunx"].includes(argv[0]) || (["yarn", "pnpm"].includes(argv[0]) && argv[1] === "dlx"))
    i = argv[0] === "yarn" || argv[0] === "pnpm" ? 2 : 1;
  while (argv[i]?.startsWith("-")) i++;
  if (!STATIC_SERVERS.has(argv[i] ?? "")) return null;
  for (let j = i + 1; j < argv.length; j++) {
    if (VALUE_OPTIONS.has(argv[j])) j++;
    else if (!argv[j].startsWith("-")) return argv[j].replace(/\/+$/, "");
  }
  return ".";
}

/** `serve -s` / `serve --single`: unknown paths get index.html (client-side routing). */
function isSinglePageServer(argv: readonly string[]): boolean {
  return argv.includes("serve") && argv.some((a) => a === "-s" || a === "--single" || /^-[a-rt-z]*s[a-z]*$/.test(a));
}

/** Top folder of the script `node <script>` runs, relative to the working directory (`dist`). */
function outputFolder(argv: readonly string[], workdir: string): string | null {
  if (argv[0] !== "node") return null;
  const script = argv.slice(1).find((a) => !a.startsWith("-"));
  if (!script) return null;
  const path = resolvePath(workdir, script);
  const prefix = workdir === "/" ? "/" : `${workdir}/`;
  if (!path.startsWith(prefix)) return null;
  const relative = path.slice(prefix.length);
  return relative.includes("/") ? relative.slice(0, relative.indexOf("/")) : null;
}

/**
 * The pinned stable nginx tag the facts know: `<v>-alpine-slim` (no optional modules, which a
 * static site does not need), or the full `<v>-alpine` when Alpine is asked for by name.
 */
function nginxImage(slim: boolean): RuntimeImage {
  const suffix = slim ? "-alpine-slim" : "-alpine";
  const canonical = canonicalTag("nginx", `stable${suffix}`);
  const pattern = new RegExp(`^\\d+\\.\\d+${suffix}$`);
  const pinned = canonical ? tagNames("nginx").find((t) => pattern.test(t) && canonicalTag("nginx", t) === canonical) : undefined;
  const fallback = newestVersions("nginx")[0];
  const tag = pinned ?? (fallback ? `${fallback.join(".")}${suffix}` : `stable${suffix}`);
  return {
    image: `nginx:${tag}`,
    kind: "web-server",
    hasShell: true,
    packageManager: "apk",
    nonRootUser: null,
    runsAsNonRoot: false,
  };
}

function staticPlan(input: RecipeInput, folder: string, singlePage: boolean): RecipeAnswer {
  const { model, stage, workdir, builderName } = input;
  const preference = input.options.runtime;
  if (preference === "distroless" || preference === "scratch") return refuse(`a static site needs a web server, and nginx has no ${preference} image`);
  const runtime = nginxImage(preference !== "alpine");
  const ports = stage.instructions.filter((i) => i.keyword === "EXPOSE").flatMap((i) => i.args.map((a) => a.value.split("/")[0]));
  const steps: string[] = [];
  const notes = [
    `The site is served by nginx from '${folder}'; the original '${model.lines.textIn((input.entry.cmd ?? input.entry.entrypoint ?? stage.from).range)}' is no longer run.`,
  ];
  const configEdits: string[] = [];
  // nginx listens on 80; a site exposed elsewhere keeps its port so clients need no change.
  if (ports.length === 1 && /^\d+$/.test(ports[0]) && ports[0] !== "80") {
    configEdits.push(`-e 's/listen\\(.*\\)80;/listen\\1${ports[0]};/'`);
  } else if (ports.length > 1) {
    notes.push(`The original exposes several ports (${ports.join(", ")}); nginx listens on 80 only.`);
  }
  // `serve -s` answers unknown paths with index.html so client-side routes load; nginx would 404.
  if (singlePage) configEdits.push(`-e 's#^\\([[:space:]]*index[[:space:]].*;\\)$#\\1 try_files $uri $uri/ /index.html;#'`);
  if (configEdits.length > 0) steps.push(`RUN sed -i ${configEdits.join(" ")} /etc/nginx/conf.d/default.conf`);
  const source = folder === "." ? workdir : resolvePath(workdir, folder);
  steps.push(`COPY --from=${builderName} ${source} /usr/share/nginx/html`);
  return {
    ok: true,
    plan: {
      variant: "node-static",
      runtime,
      builderPrelude: [],
      builderEdits: [],
      runtimeSteps: steps,
      command: { lines: [], change: "replaced" },
      buildOnlyEnv: BUILD_ONLY_ENV,
      notes,
    },
  };
}

/** The original COPY lines that bring only package manifests, to repeat before the install. */
function manifestCopies(input: RecipeInput, install: DependencyInstall): string[] {
  const installAt = input.stage.instructions.find((i) => i.commands.includes(install.command));
  const copies = input.stage.instructions.filter(
    (i: Instruction) =>
      i.keyword === "COPY" &&
      !i.flags.some((f) => f.name === "from") &&
      (installAt === undefined || i.ordinal < installAt.ordinal) &&
      i.args.length >= 2 &&
      i.args.slice(0, -1).every((a) => MANIFESTS.test(a.value.replace(/^["']|["']$/g, ""))),
  );
  if (copies.length > 0) return copies.map((i) => instructionText(input.model, i));
  if (install.ecosystem === "yarn") return ["COPY package.json yarn.lock ./"];
  if (install.ecosystem === "pnpm") return ["COPY package.json pnpm-lock.yaml ./"];
  return ["COPY package*.json ./"];
}

/**
 * The ARGs declared before the original install, for the install repeated in the runtime stage:
 * `.npmrc` files and install scripts read them (`${NPM_TOKEN}`), and an ARG is scoped to its stage.
 */
function installArgs(input: RecipeInput, install: DependencyInstall): string[] {
  const installAt = input.stage.instructions.find((i) => i.commands.includes(install.command));
  return input.stage.instructions
    .filter((i) => i.keyword === "ARG" && (installAt === undefined || i.ordinal < installAt.ordinal))
    .flatMap((i) => readArgDeclarations(i).map((d) => d.name));
}

/** The production-only form of the original install command. */
function productionInstall(install: DependencyInstall): string {
  const sub = install.command.args.find((w) => !w.value.startsWith("-"))?.value;
  if (install.ecosystem === "yarn") return "RUN yarn install --production --frozen-lockfile && yarn cache clean";
  if (install.ecosystem === "pnpm") return "RUN corepack enable && pnpm install --prod --frozen-lockfile";
  return sub === "ci" || sub === "clean-install" ? "RUN npm ci --omit=dev" : "RUN npm install --omit=dev";
}

function pruneCommand(install: DependencyInstall): string {
  if (install.ecosystem === "yarn") return "RUN yarn install --production --ignore-scripts --prefer-offline && yarn cache clean";
  if (install.ecosystem === "pnpm") return "RUN corepack enable && pnpm prune --prod";
  return "RUN npm prune --omit=dev";
}

/** Yarn 2+ reveals itself by `--immutable` (Yarn 1 says `--frozen-lockfile`) or a `.yarnrc.yml`. */
function usesYarnBerry(stage: Stage, install: DependencyInstall): boolean {
  if (install.command.args.some((w) => /^--immutable(?:-cache)?$/.test(w.value))) return true;
  return stage.instructions.some(
    (i) => (i.keyword === "COPY" || i.keyword === "ADD") && i.args.slice(0, -1).some((a) => /(?:^|\/)\.yarnrc\.yml$/.test(a.value)),
  );
}

function nodeRuntime(stage: Stage, input: RecipeInput): RuntimeImage | string {
  const ref = parseImageReference(stage.base.resolved);
  if (!ref || officialName(ref) !== "node")
    return `the build runs on '${stage.base.resolved}', not the official node image, so the Node.js runtime to ship on cannot be told`;
  const tag = effectiveTag(ref) ?? "latest";
  const preference = input.options.runtime;
  if (preference === "distroless" || preference === "scratch") {
    return `the ${preference} image has no npm to install the production dependencies; use slim or alpine`;
  }
  const alpine = preference === "alpine" || (preference !== "slim" && isAlpineImage(stage.base.resolved));
  return {
    image: officialVariant("node", tag, alpine ? "alpine" : "slim"),
    kind: alpine ? "alpine" : "debian",
    hasShell: true,
    packageManager: alpine ? "apk" : "apt",
    nonRootUser: "node",
    runsAsNonRoot: false,
  };
}

export const nodeRecipe: Recipe = {
  id: "node",
  plan(input) {
    const { stage, entry, workdir, builderName } = input;
    const argv = entry.argv;
    const folder = argv ? staticFolder(argv) : null;
    // `serve -s build:prod` names the npm script, not its output folder: what to serve is unknown.
    const scripts = readPackageJson(input.model)?.scripts ?? {};
    if (folder !== null && (folder in scripts || /:/.test(folder)))
      return refuse(`the static server is told to serve '${folder}', which names an npm script, not a folder; name the build's output folder in the command`);
    if (folder !== null) return staticPlan(input, folder, argv !== null && isSinglePageServer(argv));
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear whether it runs a server or builds a static site");
    const install = input.target.installs.find((d) => d.ecosystem === "npm" || d.ecosystem === "yarn" || d.ecosystem === "pnpm");
    if (!install) return refuse("no npm, yarn or pnpm install found, so the production dependencies cannot be installed apart");
    if (install.ecosystem === "yarn" && usesYarnBerry(stage, install)) {
      return refuse(
        "the project uses Yarn 2+ (Berry), whose production-only install needs the workspace-tools plugin and the .yarn folder; it is not converted",
      );
    }
    const runtime = nodeRuntime(stage, input);
    if (typeof runtime === "string") return refuse(runtime);
    if (input.target.step === null) return dependenciesOnlyPlan(input, install, runtime, pruneCommand(install), BUILD_ONLY_ENV);

    const packages = installPackages(stagePackages(stage, usedPrograms(stage.instructions)), runtime);
    const output = argv ? outputFolder(argv, workdir) : null;
    const builderAlpine = isAlpineImage(stage.base.resolved);
    let steps: string[];
    let epilogue: string[] = [];
    let runtimeArgs: string[] = [];
    const notes = [...packages.notes];
    if (output !== null) {
      runtimeArgs = installArgs(input, install);
      steps = [
        ...packages.lines,
        ...manifestCopies(input, install),
        productionInstall(install),
        `COPY --from=${builderName} ${resolvePath(workdir, output)} ./${output}`,
        // Views, public files, configuration the server reads beside its output, as the original copied them.
        ...runtimeEntryCopies(input.model, stage, workdir, NODE_BUILD_INPUT),
      ];
      notes.push(
        `Only '${output}' and the production dependencies are copied into the runtime stage; add COPY lines for other files the server reads at run time.`,
      );
    } else {
      // The command does not say which files it needs: ship the built project, minus dev dependencies.
      if (workdir === "/") return refuse("the command does not name the built entry point and the project sits in '/', so the files to ship cannot be told");
      if ((runtime.kind === "alpine") !== builderAlpine)
        return refuse(
          "the command does not name the built entry point, and node_modules built on one C library cannot ship on the other; keep the same variant",
        );
      // Pruned in the builder: pruning after the copy would only hide the dev dependencies under a
      // new layer, and the image would keep every byte of them.
      epilogue = [pruneCommand(install)];
      steps = [...packages.lines, `COPY --from=${builderName} ${workdir} ${workdir}`];
      notes.push("The command does not name the built entry point, so the whole project is copied after pruning its dev dependencies.");
    }
    return {
      ok: true,
      plan: {
        variant: "node-server",
        runtime,
        builderPrelude: [],
        builderEdits: [],
        builderEpilogue: epilogue,
        runtimeArgs,
        runtimeSteps: steps,
        command: artifactCommand(entry, runtime, null, workdir),
        buildOnlyEnv: BUILD_ONLY_ENV,
        notes,
      },
    };
  },
};
