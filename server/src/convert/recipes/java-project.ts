// What the Java recipe reads beyond `java -jar <file>`: the files the program loads from its working
// directory (copied from the context next to the build inputs), a jar that the context supplies
// rather than the build, and a Spring Boot app started with `mvn spring-boot:run` (the build at
// every start), which converts to a repackaged jar run by `java -jar`.

import { isBroadContextCopy } from "../../model/copies";
import { copyPaths } from "../../model/copy-paths";
import type { DockerfileModel, Instruction, Stage } from "../../model/types";
import { workdirOf } from "../../model/workdir";
import type { EntryCommand } from "../entry-command";
import { isContextCopy } from "./python";
import { runtimeEntryCopies } from "./runtime-entries";
import { basename, resolvePath } from "./shared";

/** Files and folders only a Java build reads: sources, build scripts, wrappers and their settings. */
const JAVA_BUILD_INPUT =
  /^(?:\.\/)?(?:pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|gradle\.properties|gradlew(?:\.bat)?|mvnw(?:\.cmd)?|\.mvn|\.mnv|gradle|src|lib|libs|buildSrc|\.gradle|target|build)\/?$/;

/** Context copies the runtime stage repeats: those bringing anything besides build inputs. */
export function javaRuntimeFiles(model: DockerfileModel, stage: Stage, workdir: string): string[] {
  return runtimeEntryCopies(model, stage, workdir, JAVA_BUILD_INPUT);
}

/** The context COPY that puts the jar `jarPath` in place (`COPY ${JAR_FILE} app.jar`), when one does. */
export function jarCopiedFromContext(model: DockerfileModel, stage: Stage, jarPath: string, workdir: string): Instruction | null {
  for (const copy of stage.instructions.filter(isContextCopy)) {
    const paths = copyPaths(copy);
    if (!paths || isBroadContextCopy(copy)) continue;
    const dest = resolvePath(workdirOf(model, stage, copy) ?? workdir, paths.dest.value);
    const isFolder = paths.dest.value.endsWith("/") || paths.sources.length > 1;
    if (dest === jarPath) return copy;
    if (isFolder && paths.sources.some((s) => resolvePath(dest, basename(s.value)) === jarPath)) return copy;
  }
  return null;
}

export interface BootRun {
  /** `mvn`, `./mvnw`... as the command wrote it. */
  maven: string;
}

/** `mvn spring-boot:run` / `./mvnw spring-boot:run` as the whole command (options before the goal allowed); null otherwise. */
export function springBootRun(entry: EntryCommand): BootRun | string | null {
  const argv = entry.argv;
  if (!argv || argv.length === 0) return null;
  const tool = basename(argv[0]);
  if ((tool === "gradle" || tool === "gradlew") && argv.some((w) => /^(?::?[\w-]+:)*bootRun$/.test(w)))
    return `the command runs '${argv.join(" ")}', which builds at every start; build with 'bootJar' in a builder stage and run 'java -jar' by hand`;
  if (tool !== "mvn" && tool !== "mvnw") return null;
  const goal = argv.indexOf("spring-boot:run");
  if (goal < 0) return null;
  const rest = argv.slice(1).filter((_, i) => i + 1 !== goal);
  if (rest.some((w) => !/^(?:-B|--batch-mode|-q|--quiet|-e|-ntp|--no-transfer-progress|-o|--offline)$/.test(w)))
    return `the command passes '${rest.join(" ")}' to 'spring-boot:run', which cannot be carried over to 'java -jar' safely`;
  return { maven: argv[0] };
}

/** True when the stage's COPYs put the Maven wrapper's settings (`.mvn/`) where `mvnw` looks for them. */
export function hasWrapperSettings(model: DockerfileModel, stage: Stage, workdir: string): boolean {
  const target = resolvePath(workdir, ".mvn");
  return stage.instructions.filter(isContextCopy).some((copy) => {
    const paths = copyPaths(copy);
    if (!paths) return false;
    const dest = resolvePath(workdirOf(model, stage, copy) ?? workdir, paths.dest.value);
    return (isBroadContextCopy(copy) && dest === workdir) || (dest === target && paths.sources.some((s) => /^(?:\.\/)?\.mvn\/?$/.test(s.value)));
  });
}

/** Whether pom.xml (from the context facts) declares spring-boot-maven-plugin under <build><plugins>, outside pluginManagement. */
export function declaresBootPlugin(model: DockerfileModel): boolean | null {
  const pom = model.context.files?.["pom.xml"];
  if (pom === undefined) return null;
  const withoutManagement = pom.replace(/<pluginManagement>[\s\S]*?<\/pluginManagement>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  return /<artifactId>\s*spring-boot-maven-plugin\s*<\/artifactId>/.test(withoutManagement);
}

/** Shell syntax other words of the command must not hold (only the jar may be a pattern). */
const SHELL_SYNTAX = /[$;&|<>()`'"\\~*?[]/;
const JAR_PATTERN = /^[\w./-]*[*?][\w./*?-]*$/;

/** The jar pattern of a shell-form `java [opts] -jar target/*.jar [args]` (the one CMD/ENTRYPOINT), or null. */
export function shellGlobJar(model: DockerfileModel, entry: EntryCommand): string | null {
  const forms = [entry.entrypoint, entry.cmd].filter((i): i is Instruction => i !== null);
  if (forms.length !== 1 || forms[0].isJsonForm) return null;
  const words = forms[0].args
    .map((a) => a.value)
    .join(" ")
    .trim()
    .split(/\s+/);
  if (words[0] === "exec") words.shift();
  const at = words.indexOf("-jar");
  const jar = words[at + 1];
  if (words[0] !== "java" || at < 0 || jar === undefined || !JAR_PATTERN.test(jar)) return null;
  return words.every((w, i) => i === at + 1 || !SHELL_SYNTAX.test(w)) ? jar : null;
}

/**
 * Why a stage without a build step that runs `java -jar <file>` cannot convert: the jar (or a
 * distribution archive) arrives from the build context, built outside the image; null otherwise.
 */
export function prebuiltJarReason(stage: Stage, entry: EntryCommand): string | null {
  const argv = entry.argv;
  const jar = argv && argv.length > 0 && basename(argv[0]) === "java" && argv.includes("-jar") ? argv[argv.indexOf("-jar") + 1] : undefined;
  if (jar === undefined) return null;
  const copy = stage.instructions.filter(isContextCopy).find((c) => {
    const paths = copyPaths(c);
    return paths !== null && (basename(paths.dest.value) === basename(jar) || paths.sources.some((s) => /\.jar$/.test(s.value)));
  });
  if (!copy) return null;
  const written = copy.args.map((a) => a.value).join(" ");
  return `the jar '${jar}' arrives from the build context ('${copy.keyword} ${written}'), built outside the image, so there is no build in the stage to leave behind; add the Maven or Gradle build as a builder stage by hand`;
}

/** The `<packaging>` of pom.xml from the context facts (`jar` when absent); null when pom.xml is unknown. */
export function pomPackaging(model: DockerfileModel): string | null {
  const pom = model.context.files?.["pom.xml"];
  if (pom === undefined) return null;
  const project = pom.replace(/<!--[\s\S]*?-->/g, "").replace(/<parent>[\s\S]*?<\/parent>/, "");
  return /<packaging>\s*([\w-]+)\s*<\/packaging>/.exec(project)?.[1] ?? "jar";
}
