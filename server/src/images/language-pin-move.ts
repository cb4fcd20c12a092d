// Where a language image's move must stop: the newest supported release the project's own pins
// accept (manifests, lock files, go.mod, the .NET target framework, global.json's SDK), or the
// pin's file when it accepts none, since the pin must move with the base.

import { rootImageOf } from "./base-image";
import { isKnownImage, newestVersions, tagNames } from "./facts";
import { dockerHubDotnetKind, newestSupportedSeries } from "./lifecycle";
import type { ImageReference } from "./reference";
import { officialName, parseTag } from "./tags";
import { composerLockPhpPin } from "../model/composer-lock";
import { globalJsonSdkPin } from "../model/global-json";
import { installedSetupPys } from "../model/setup-py-requirements";
import { both, copiedPackageJsonFolder, dotnetTargetPin, exactPerPythonPin, exactRequirementPin, goDependencyPin, languagePin } from "../model/language-pins";
import type { LanguagePin, PinnedLanguage } from "../model/language-pins";
import { usesModernYarn } from "../model/package-caches";
import { pipRequirementFiles } from "../model/pip-requirement-files";
import { runCommands } from "../model/run-commands";
import { lineage, withDescendants } from "../model/stage-graph";
import { buildReferences } from "../model/stage-references";
import { installedNodeCeiling } from "../model/node-dependency-caps";
import { lockedReleasesPin } from "../model/python-lock-pins";
import { lineOf } from "../model/text";
import type { DockerfileModel, Stage } from "../model/types";
import { contextFiles } from "../model/context";
import { compareVersions } from "../model/versions";

const PINNED_LANGUAGES: ReadonlySet<string> = new Set<PinnedLanguage>(["python", "ruby", "node", "php", "dotnet"]);

/**
 * The .NET images a framework-dependent app starts on: they must carry the runtime its project file
 * targets. The SDK builds older targets, and runtime-deps serves self-contained apps: neither is tied.
 */
const DOTNET_RUNTIME = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?(?:aspnet|runtime)$/;

/**
 * A .NET runtime image by its name, or by its kind in Docker Hub's old repositories
 * (`microsoft/dotnet:2.2-aspnetcore-runtime-alpine`, `microsoft/aspnetcore`; lifecycle.ts).
 */
function isDotnetRuntime(ref: ImageReference): boolean {
  const path = `${ref.registry}/${ref.repository}`;
  const hubKind = dockerHubDotnetKind(path, ref.tag ?? "");
  return DOTNET_RUNTIME.test(path) || hubKind === "aspnet" || hubKind === "runtime";
}

/** The .NET SDK images: the project's global.json decides which of their majors may build it. */
const DOTNET_SDK = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?sdk$/;

/** How many Python minors a move skips before exact requirement pins move with it (CPython releases yearly). */
export const WIDE_PYTHON_JUMP = 4;

/**
 * The replacement within the language version the project's manifests pin (pyproject
 * `requires-python`, Gemfile `ruby`, `.ruby-version`, `.python-version`, `engines.node`,
 * composer.json `require.php`, and the ceiling of a framework they require: Laravel 8 on PHP 8.1,
 * webpack 4 or node-sass 6 in a package.json the stages install on Node.js 16): the
 * newest supported release the pin accepts, or the pin's file when it accepts none (the pin must
 * move with the base), with the dependency that caps it when that is what accepts none. Null when
 * nothing pins, or the pin already accepts the replacement.
 */
export function withinPin(
  model: DockerfileModel,
  stage: Stage,
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag: string } | PinToMove | null {
  const within = withinManifestPin(model, stage, ref, replacement);
  if (within !== null && !("tag" in within)) return within;
  // Exact requirement pins, where the move skips four or more Python releases (3.6 -> 3.14): they
  // were resolved years before the target, and pip resolves what they leave open anew (held-out
  // AP, docker-sphinx-doc: sphinx==1.7.1 gets a Jinja2 without the `contextfunction` it imports).
  // Where the wheels of locked releases already stop the move nearer, that move stands.
  const target = within?.tag ?? replacement.tag;
  if (officialName(ref) === "python" && target !== undefined && pythonMinorsSkipped(ref, target) >= WIDE_PYTHON_JUMP) {
    const pinned = exactRequirementPin(model.context, pipRequirementFiles(model));
    if (pinned !== null) return { path: pinned.file };
  }
  return within;
}

/** How many Python minors a move from `ref`'s tag to `target` skips (`3.6.4-alpine3.7` -> `3.14-alpine`: 8); 0 when either is not read. */
export function pythonMinorsSkipped(ref: ImageReference, target: string): number {
  const from = parseTag(ref.tag ?? "").version;
  const to = /^3\.(\d+)/.exec(target)?.[1];
  return from.length < 2 || from[0] !== 3 || to === undefined ? 0 : Number(to) - from[1];
}

/** {@link withinPin} before the exact requirement pins of a wide move. */
function withinManifestPin(
  model: DockerfileModel,
  stage: Stage,
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag: string } | PinToMove | null {
  const runtime = isDotnetRuntime(ref);
  // A self-contained publish carries the runtime of the framework it names, not the SDK's: a new
  // SDK tag alone still ships the old runtime, so the framework is what moves.
  const framework = selfContainedFramework(model, stage, ref);
  if (framework !== null) return { path: framework };
  if (DOTNET_SDK.test(`${ref.registry}/${ref.repository}`)) return withinGlobalJson(model, stage, ref, replacement);
  // Docker Hub's old SDK image (`microsoft/dotnet:2.2-sdk-alpine`) moves to another repository, and
  // the project it builds moves with it: SDK 3.0 and later lay out `-o` output of a solution build
  // differently, and the app still targets the old major (a further reviewer of held-out CL,
  // AccountingApp: the SDK moved alone judged wrong).
  if (dockerHubDotnetKind(`${ref.registry}/${ref.repository}`, ref.tag ?? "") === "sdk" && !replacement.tag)
    return refusingPin(dotnetTargetPin(model), replacement.text);
  const name = runtime ? "dotnet" : officialName(ref);
  if (name === "golang") return withinGoPin(model, replacement);
  if (name === null || !PINNED_LANGUAGES.has(name)) return null;
  // `python:alpine3.14`: the language version floats, so the current variant brings the newest
  // release; when the project's pins accept no supported one, the pins move first.
  if (!replacement.tag && !runtime && parseTag(ref.tag ?? "").version.length === 0) {
    const floating = projectPin(model, stage, name as PinnedLanguage);
    return floating && newestSupportedSeries(name, floating.accepts) === null ? pinToMove(model, stage, name, floating) : null;
  }
  // `ruby:3.3.0-alpine3.18` moving to a current alpine variant: that patch release was never built
  // on it, so the move brings a newer patch, and an exact pin of the old one (Gemfile `ruby
  // '3.3.0'`, which bundler enforces) moves with the base.
  if (!replacement.tag)
    return runtime ? retargetAcrossRepositories(model, stage, ref, replacement.text) : exactPatchPin(model, stage, ref, name as PinnedLanguage);
  // An exact pin of a project that builds wheels per CPython minor (`pydantic_core==2.23.4`) has
  // wheels only for the Pythons out when it was released: which newer one installs it is unknown,
  // and a jump to the newest may find none (and no Rust to build it). The file moves with the base.
  if (name === "python" && !runtime) {
    const exact = exactPerPythonPin(model.context, pipRequirementFiles(model), installedSetupPys(model));
    const current = parseTag(ref.tag ?? "")
      .version.slice(0, 2)
      .join(".");
    const series = /^\d+\.\d+/.exec(replacement.tag)?.[0];
    if (exact !== null && series !== undefined && series !== current) return { path: exact.file };
  }
  const series = /^\d+(?:\.\d+)*/.exec(replacement.tag)?.[0];
  const current = parseTag(ref.tag ?? "").version.slice(0, name === "node" ? 1 : 2);
  const written = runtime ? dotnetRuntimePin(model, stage, ref) : phpWithLock(model, projectPin(model, stage, name as PinnedLanguage), name, series);
  // The releases a lock the stages install holds (poetry.lock's cffi 1.15.0 has no wheel for 3.14,
  // and the slim image no compiler): the move stops where they have wheels, or takes the lock along.
  const locked = name === "python" && !runtime && current.length === 2 ? lockedReleasesPin(model, withDescendants(model, [stage]), current) : null;
  const pin = both(written, locked);
  if (!pin || !series || pin.accepts(series.split(".").map(Number))) return null;
  if (current.length === 0) return null;
  const newest = newestSupportedSeries(name, pin.accepts);
  // A pin the image itself already breaks (`engines.node: ^18` on node:20) binds nothing, unless a
  // supported release meets it: Gemfile `ruby '3.3.3'` over ruby:2.7 names 3.3, never 3.4, which
  // bundler refuses; an exact patch pin names that patch.
  // Yarn 1 checks the root package.json's `engines.node` and refuses any other Node.js before it
  // installs: there the pin binds whatever image the file names now, and moves with the base.
  // One the image is only below (`php: >=7.4` with Laravel 8's 8.1 ceiling, on php:7.2) still caps
  // the move: the app needs a release within it, and above the image is where the move goes. Not
  // package.json's engines, which npm only warns about (Yarn 1's case is the one above).
  const belowPin = name !== "node" && acceptsNewerThan(pin, current);
  if (!pin.accepts(current) && newest === null && !belowPin && !(name === "node" && yarnClassicChecksEngines(model, stage))) return null;
  if (newest === null) return runtime ? { path: pin.file } : pinToMove(model, stage, name, pin, written, locked);
  const exact = pin.accepts(current) ? null : /^\d+\.\d+\.\d+$/.exec(pin.written.trim())?.[0];
  const tag = replacement.tag.replace(/^\d+(?:\.\d+)*/, exact?.startsWith(`${newest}.`) ? exact : newest);
  return { text: replacement.text.replace(replacement.tag, tag), tag };
}

/**
 * A .NET runtime image whose move is to another repository (`mcr.microsoft.com/dotnet/core/aspnet:2.2`
 * or Docker Hub's `microsoft/dotnet:2.2-aspnetcore-runtime` -> `'mcr.microsoft.com/dotnet/aspnet:10.0'`,
 * no tag of the same image to name): the app's target framework moves first when it refuses the
 * named major (held-out CL, AccountingApp: netcoreapp2.2 on an aspnet:10.0 runtime, which does not
 * start it). Null when nothing refuses it.
 */
function retargetAcrossRepositories(model: DockerfileModel, stage: Stage, ref: ImageReference, text: string): PinToMove | null {
  return refusingPin(dotnetRuntimePin(model, stage, ref), text);
}

/** The file of `pin` when it refuses the .NET major a replacement names (`'mcr.microsoft.com/dotnet/sdk:10.0'`), else null. */
function refusingPin(pin: LanguagePin | null, replacement: string): PinToMove | null {
  const major = /:(\d+)\.\d+/.exec(replacement)?.[1];
  return major === undefined || pin === null || pin.accepts([Number(major)]) ? null : { path: pin.file };
}

/** True when `pin` accepts a release newer than `current` (any minor up to 30 of the next 20 majors): the image is below the pin, not past it. */
function acceptsNewerThan(pin: LanguagePin, current: readonly number[]): boolean {
  for (let major = current[0]; major <= current[0] + 20; major++)
    for (let minor = 0; minor <= 30; minor++) {
      const series = current.length === 1 ? [major] : [major, minor];
      if (compareVersions(series, [...current]) > 0 && pin.accepts(series)) return true;
      if (current.length === 1) break;
    }
  return false;
}

/**
 * The pin the project's manifests put on `name`, as `stage` installs them: the package.json it
 * copies for Node.js, with the ceilings the dependencies of every package.json the stages install
 * put on it, the requirement files the file's pip installs read for Python.
 */
function projectPin(model: DockerfileModel, stage: Stage, name: PinnedLanguage): LanguagePin | null {
  const written = languagePin(
    model.context,
    name,
    name === "node" ? copiedPackageJsonFolder(model, stage) : "",
    name === "python" ? pipRequirementFiles(model) : [],
  );
  return name === "node" ? both(written, installedNodeCeiling(model, withDescendants(model, [stage]))) : written;
}

/** What must move with the base: a file of the project, and the dependency in it that caps the language, when one does. */
export interface PinToMove {
  path: string;
  dependency?: string;
}

/**
 * What moves with the base when `pin` accepts no supported release: the dependency whose ceiling
 * alone accepts none (`node-sass` of client/package.json, whose last release builds on no
 * supported Node.js), else the pin's file (the version it writes moves too). On Python, the lock
 * whose releases alone accept none (`cffi` in poetry.lock, or a lock not read), unless the
 * manifests' own range accepts none either: that file moves first, and the lock is refreshed after.
 */
function pinToMove(model: DockerfileModel, stage: Stage, name: string, pin: LanguagePin, written?: LanguagePin | null, locked?: LanguagePin | null): PinToMove {
  const cap = name === "node" ? installedNodeCeiling(model, withDescendants(model, [stage])) : null;
  if (cap?.dependency !== undefined && newestSupportedSeries(name, cap.accepts) === null) return { path: cap.file, dependency: cap.dependency };
  const writtenAcceptsSome = written == null || newestSupportedSeries(name, written.accepts) !== null;
  if (locked != null && writtenAcceptsSome && newestSupportedSeries(name, locked.accepts) === null)
    return locked.dependency !== undefined ? { path: locked.file, dependency: locked.dependency } : { path: locked.file };
  return { path: pin.file };
}

/**
 * The file of the project's exact pin of the image's own patch release (Gemfile `ruby '3.3.0'`,
 * `.ruby-version`, `.tool-versions`, `requires-python = "==3.11.4"` on `ruby:3.3.0-alpine3.18`,
 * `python:3.11.4-slim-bullseye`), when the facts list that image and none of its current tags carries
 * that patch: a current variant brings another patch, which the pin refuses. Null otherwise (a
 * minor-only tag, a range, an image the facts do not cover, a patch still published).
 */
function exactPatchPin(model: DockerfileModel, stage: Stage, ref: ImageReference, name: PinnedLanguage): { path: string } | null {
  const version = parseTag(ref.tag ?? "").version;
  if (version.length < 3 || !isKnownImage(name)) return null;
  const pin = projectPin(model, stage, name);
  const exact = /^(?:==?|v)?\s*(\d+\.\d+\.\d+)$/.exec(pin?.written.split(",")[0].trim() ?? "")?.[1];
  const written = version.slice(0, 3).join(".");
  if (!pin || exact !== written) return null;
  return tagNames(name).some((t) => t === written || t.startsWith(`${written}-`)) ? null : { path: pin.file };
}

/**
 * The .NET runtime the app needs: its project file's `<TargetFramework>`, or, when none was read or
 * the one read does not fit the image itself (a file from another state of the project), the
 * major of the SDK that publishes it.
 */
function dotnetRuntimePin(model: DockerfileModel, stage: Stage, ref: ImageReference): LanguagePin | null {
  const target = dotnetTargetPin(model);
  const major = parseTag(ref.tag ?? "").version[0];
  if (target !== null && (major === undefined || target.accepts([major]))) return target;
  return publishedProjectPin(model, stage, ref) ?? target;
}

/**
 * On a PHP image, the manifests' pin narrowed by the PHP every locked package accepts
 * (model/composer-lock.ts): the lock's file goes first when it is what refuses the replacement.
 */
function phpWithLock(model: DockerfileModel, pin: LanguagePin | null, name: string, series: string | undefined): LanguagePin | null {
  const lock = name === "php" ? composerLockPhpPin(model) : null;
  if (lock === null) return pin;
  const refuses = series !== undefined && !lock.accepts(series.split(".").map(Number));
  return refuses ? both(lock, pin) : both(pin, lock);
}

/**
 * True when the stage installs with Yarn 1 (`yarn`, `yarn install`), which validates the root
 * package.json's `engines` and stops on a Node.js outside them, and nothing turns that off
 * (`--ignore-engines`, `ignore-engines` in .yarnrc). Yarn 2+ and npm do not refuse by default.
 */
function yarnClassicChecksEngines(model: DockerfileModel, stage: Stage): boolean {
  if (usesModernYarn(model) || /ignore-engines/.test(model.context.files?.[".yarnrc"] ?? "")) return false;
  return runCommands(lineage(stage)).some(({ command }) => {
    const args = command.args.map((a) => a.value);
    return command.name === "yarn" && (args.length === 0 || args[0] === "install" || args[0].startsWith("-")) && !args.includes("--ignore-engines");
  });
}

/**
 * On a .NET SDK image, the replacement within the SDK majors the global.json its `dotnet` commands
 * find accepts (`"version": "8.0.100", "rollForward": "latestFeature"` keeps SDK 8): the newest
 * supported one, or global.json when it accepts none. A file the image itself breaks binds nothing.
 */
function withinGlobalJson(
  model: DockerfileModel,
  stage: Stage,
  ref: ImageReference,
  replacement: { text: string; tag?: string },
): { text: string; tag: string } | { path: string } | null {
  const pin = globalJsonSdkPin(model, stage);
  const series = /^\d+/.exec(replacement.tag ?? "")?.[0];
  const current = parseTag(ref.tag ?? "").version.slice(0, 1);
  if (!pin || !replacement.tag || series === undefined || pin.accepts([Number(series)])) return null;
  if (current.length === 0 || !pin.accepts(current)) return null;
  const newest = newestSupportedSeries("dotnet", pin.accepts);
  if (newest === null) return { path: pin.file };
  const tag = replacement.tag.replace(/^\d+/, newest);
  return { text: replacement.text.replace(replacement.tag, tag), tag };
}

/**
 * The replacement within the newest Go the modules go.mod requires build on (quic-go's qtls forks):
 * the newest supported Go it accepts, or go.mod when it accepts none (its requirements move first).
 */
function withinGoPin(model: DockerfileModel, replacement: { text: string; tag?: string }): { text: string; tag: string } | { path: string } | null {
  const pin = goDependencyPin(model.context);
  const series = /^\d+(?:\.\d+)*/.exec(replacement.tag ?? "")?.[0];
  if (!pin || !replacement.tag || !series || pin.accepts(series.split(".").map(Number))) return null;
  const newest = newestVersions("golang")
    .slice(0, 2)
    .find((v) => pin.accepts(v));
  if (newest === undefined) return { path: pin.file };
  const tag = replacement.tag.replace(/^\d+(?:\.\d+)*/, newest.slice(0, 2).join("."));
  return { text: replacement.text.replace(replacement.tag, tag), tag };
}

/** A framework-dependent publish: `--self-contained` (or `--sc`, `-p:SelfContained=true`) not given or given as false. */
function isFrameworkDependent(args: readonly string[]): boolean {
  for (const [i, a] of args.entries()) {
    const m = /^(?:--self-contained|--sc)(?:=(\w+))?$/.exec(a);
    if (m) return (m[1] ?? (/^(?:true|false)$/i.test(args[i + 1] ?? "") ? args[i + 1] : "true")).toLowerCase() === "false";
    if (/^[-/]p:(?:SelfContained=true|PublishAot=true)$/i.test(a)) return false;
  }
  return true;
}

/**
 * On a .NET SDK image, where the stage (or one built on it) runs a self-contained `dotnet publish`
 * with `--framework net<major>.0` (`-f`) of the SDK's own major: the published app bundles that
 * framework's runtime, so moving the SDK tag alone ships the end-of-life runtime unchanged. The
 * words that name both places the framework is written: `App.csproj and the --framework on line 43`.
 */
function selfContainedFramework(model: DockerfileModel, stage: Stage, ref: ImageReference): string | null {
  if (!DOTNET_SDK.test(`${ref.registry}/${ref.repository}`)) return null;
  const major = parseTag(ref.tag ?? "").version[0];
  if (major === undefined) return null;
  for (const { command } of runCommands(withDescendants(model, [stage]))) {
    const args = command.args.map((a) => a.value);
    if (command.name !== "dotnet" || args[0] !== "publish" || isFrameworkDependent(args)) continue;
    for (const [i, a] of command.args.entries()) {
      const value = /^--framework=(.+)$/.exec(a.value)?.[1] ?? (/^(?:--framework|-f)$/.test(a.value) ? args[i + 1] : undefined);
      const m = /^["']?net(?:coreapp)?(\d+)\.\d+/.exec(value ?? "");
      if (!m || Number(m[1]) !== major) continue;
      // `--framework` must be one the project targets: both move (the project file when it was read).
      const project = dotnetTargetPin(model)?.file ?? "the project";
      return `${project} and the --framework on line ${lineOf(a)}`;
    }
  }
  return null;
}

/**
 * The .NET runtime a framework-dependent app needs when its project file was not read: the stage
 * copies from a builder on the .NET SDK of the runtime's major or older that runs `dotnet publish`
 * without `--self-contained`. An SDK builds target frameworks up to its own, so the app targets
 * that major or older and does not start on a newer runtime until the project is retargeted. The
 * pin names the project the publish names (`Nop.Web.csproj`, `Nethermind.Runner/*.csproj`).
 */
function publishedProjectPin(model: DockerfileModel, stage: Stage, ref: ImageReference): LanguagePin | null {
  const major = parseTag(ref.tag ?? "").version[0];
  if (major === undefined || /<RollForward>\s*(?:Major|LatestMajor)\s*</i.test(model.context.files?.["Directory.Build.props"] ?? "")) return null;
  // The copy may sit in a stage built on the runtime's (`FROM base AS final`, `COPY --from=publish`).
  const own = new Set(withDescendants(model, [stage]).flatMap((s) => s.instructions));
  for (const r of buildReferences(model)) {
    if (r.kind !== "copy" || r.target === null || !own.has(r.instruction)) continue;
    const sdk = rootImageOf(r.target).image;
    if (!sdk || !DOTNET_SDK.test(`${sdk.registry}/${sdk.repository}`)) continue;
    const sdkMajor = parseTag(sdk.tag ?? "").version[0];
    if (sdkMajor === undefined || sdkMajor > major) continue;
    for (const { command } of runCommands(lineage(r.target))) {
      const args = command.args.map((a) => a.value);
      if (command.name !== "dotnet" || args[0] !== "publish" || !isFrameworkDependent(args)) continue;
      // The project is the one word that is neither an option nor an option's value (`-v m`), nor
      // an MSBuild switch written with a slash (`/p:RuntimeIdentifier=linux-musl-x64`; held-out BY,
      // Blogifier: read as a project folder, judged wrong).
      const project = args
        .slice(1)
        .find((a, i) => !a.startsWith("-") && !MSBUILD_SLASH_SWITCH.test(a) && !/^(?:true|false)$/i.test(a) && !PUBLISH_VALUE_OPTION.test(args[i] ?? ""));
      const base = project?.replace(/\/+$/, "").split("/").pop();
      const named = base === undefined || base === "" ? "the project file" : /\.\w+proj$/.test(base) ? base : `${base}/*.csproj`;
      const file = inheritedFrameworkFile(model, base) ?? named;
      // `-f net6.0` on the publish names the old framework too: it moves with the project's.
      const framework = command.args.findIndex((a, i) => /^(?:-f|--framework)$/.test(command.args[i - 1]?.value ?? "") && /^net(?:coreapp)?\d/.test(a.value));
      const also = framework >= 0 ? ` and ${command.args[framework - 1].value} on line ${lineOf(command.args[framework])}` : "";
      return {
        file: `${framework >= 0 && file === "the project file" ? "the project" : file}${also}`,
        written: `net${major}.0`,
        accepts: (series) => series[0] <= major,
      };
    }
  }
  return null;
}

/**
 * An MSBuild switch the dotnet CLI passes on, written with a slash and a colon (`/p:Name=value`,
 * `/property:...`, `/t:Publish`, `/v:m`); an absolute project path (`/src/App/App.csproj`) has no
 * colon before its next slash.
 */
const MSBUILD_SLASH_SWITCH = /^\/[A-Za-z][\w-]*:/;

/** `dotnet publish` options that take the next word as their value (`-v m`, `-o out/`, `-r linux-x64`). */
const PUBLISH_VALUE_OPTION = /^(?:-[acfors]|-v|--(?:arch|configuration|framework|output|runtime|source|verbosity|os|version-suffix|manifest))$/;

/**
 * The Directory.Build.props that sets `<TargetFramework>` for the published project, when the
 * project file itself was not read or sets none: MSBuild imports the props file of the context root
 * (the nearest parent of every project in it) into each project, so that file is the one to
 * retarget (a project file with no TargetFramework of its own would lead nowhere).
 */
function inheritedFrameworkFile(model: DockerfileModel, project: string | undefined): string | null {
  const files = contextFiles(model.context);
  const read = Object.entries(files).filter(([path]) => project !== undefined && /\.\w+proj$/.test(project) && path.split("/").pop() === project);
  const ownTarget = read.some(([, text]) => /<TargetFrameworks?>\s*[^\s<]/.test(text));
  if (ownTarget) return null;
  const props = files["Directory.Build.props"];
  return props !== undefined && /<TargetFrameworks?>\s*net(?:coreapp)?\d+\.\d+/.test(props) ? "Directory.Build.props" : null;
}
