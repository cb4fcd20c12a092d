// Java (Maven, Gradle): the jar that `java -jar` runs is copied onto the matching JRE image
// (eclipse-temurin:<release>-jre, its Alpine variant, or distroless java).

import { isKnownTag } from "../../images/facts";
import { DISTROLESS_DEBIAN } from "../../images/lifecycle";
import { parseImageReference } from "../../images/reference";
import { toolchainOf } from "../../images/toolchains";
import { executableOf, hasNoCommand, rewriteEntry } from "../entry-command";
import type { RuntimeImage } from "../runtime-base";
import { instructionText } from "../source-text";
import type { Recipe, RecipeAnswer, RecipeInput } from "../types";
import { declaresBootPlugin, hasWrapperSettings, jarCopiedFromContext, javaRuntimeFiles, pomPackaging, shellGlobJar, springBootRun } from "./java-project";
import { artifactCommand, artifactPlan, basename, dirname, healthcheckNeedsShell, refuse, resolvePath } from "./shared";

const BUILD_ONLY_ENV = /^(?:MAVEN_[A-Z_]+|M2_HOME|GRADLE_[A-Z_]+|JAVA_HOME|PATH)$/;
const DISTROLESS_RELEASES = new Set([17, 21, 25]);

function jre(image: string, kind: RuntimeImage["kind"]): RuntimeImage {
  const distroless = kind === "distroless";
  return {
    image,
    kind,
    hasShell: !distroless,
    packageManager: null,
    nonRootUser: distroless ? "nonroot" : null,
    runsAsNonRoot: distroless,
  };
}

export const javaRecipe: Recipe = {
  id: "java",
  plan(input) {
    const { model, stage, entry, workdir, builderName } = input;
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which jar runs");
    const bootRun = springBootRun(entry);
    if (typeof bootRun === "string") return refuse(bootRun);
    if (bootRun !== null) return bootRunPlan(input, bootRun.maven);
    const argv = entry.argv;
    const executable = executableOf(entry);
    // `CMD java -jar target/*.jar`: the shell expands the pattern; the jars are copied by it and the command kept.
    const globJar = argv === null ? shellGlobJar(model, entry) : null;
    if ((argv === null || executable === null) && globJar === null) return refuse("the command runs through a shell, so the jar it starts cannot be told");
    if (globJar === null && basename(executable ?? "") !== "java")
      return refuse(`the container starts '${executable}', not 'java -jar <file>', so there is no single jar to ship`);
    const jarIndex = argv?.indexOf("-jar") ?? -1;
    const jar = globJar ?? (jarIndex >= 0 ? argv?.[jarIndex + 1] : undefined);
    if (!jar) return refuse("the command runs 'java' without '-jar <file>', so the classpath to ship cannot be told");
    if (globJar === null && /[*?[]/.test(jar)) return refuse(`the jar '${jar}' is a pattern the exec-form command never expands; name the jar file`);

    const ref = parseImageReference(stage.base.resolved);
    const toolchain = ref ? toolchainOf(ref) : null;
    const release = toolchain?.runtime ? /eclipse-temurin:(\d+)/.exec(toolchain.runtime)?.[1] : undefined;
    if (!release) return refuse(`the Java release of '${stage.base.resolved}' cannot be told, so no matching JRE can be chosen`);
    const alpineTag = `${release}-jre-alpine`;
    let runtime: RuntimeImage;
    switch (input.options.runtime) {
      case "scratch":
        return refuse("a jar needs a Java runtime, which scratch does not have");
      case "distroless":
        if (!DISTROLESS_RELEASES.has(Number(release))) return refuse(`distroless publishes no Java ${release} image`);
        runtime = jre(`gcr.io/distroless/java${release}-debian${DISTROLESS_DEBIAN}:nonroot`, "distroless");
        break;
      case "alpine":
        if (!isKnownTag("eclipse-temurin", alpineTag)) return refuse(`eclipse-temurin has no '${alpineTag}' tag`);
        runtime = jre(`eclipse-temurin:${alpineTag}`, "alpine");
        break;
      default:
        runtime = jre(toolchain?.runtime?.replace(/-alpine$/, "") ?? `eclipse-temurin:${release}-jre`, "debian");
    }
    // Distroless has no shell (and no curl): a shell-form health check there would always fail.
    if (!runtime.hasShell && healthcheckNeedsShell(stage.instructions)) return refuse(`the health check needs a shell, which '${runtime.image}' does not have`);
    const source = resolvePath(workdir, jar);
    const fromContext = jarCopiedFromContext(model, stage, source, workdir);
    if (fromContext)
      return refuse(
        `the jar '${jar}' comes from the build context ('${instructionText(model, fromContext)}'), built outside the image rather than by the stage's build; build it in the stage first`,
      );
    // Distroless java images set ENTRYPOINT ["java", "-jar"]: a CMD that names java itself would be
    // appended to it (`java -jar java -jar app.jar`), so the inherited entry point is cleared.
    const clearsEntrypoint = runtime.kind === "distroless" && entry.entrypoint === null && entry.cmd !== null;
    const command = clearsEntrypoint
      ? {
          lines: ["ENTRYPOINT []", ...rewriteEntry(entry, null)],
          change: "adjusted" as const,
        }
      : artifactCommand(entry, runtime, null, workdir);
    if (globJar !== null && !runtime.hasShell) return refuse(`the command expands '${jar}' in a shell, which '${runtime.image}' does not have`);
    const files = javaRuntimeFiles(model, stage, workdir);
    // Quarkus fast-jar: quarkus-run.jar loads lib/, app/ and quarkus/ beside it, so the folder goes whole.
    const artifact =
      globJar !== null
        ? [`COPY --from=${builderName} ${source} ${dirname(source)}/`]
        : basename(source) === "quarkus-run.jar"
          ? [`COPY --from=${builderName} ${dirname(source)} ${dirname(source)}`]
          : [`COPY --from=${builderName} ${source} ${source}`];
    return artifactPlan({
      runtime,
      runtimeSteps: [...artifact, ...files],
      command,
      buildOnlyEnv: BUILD_ONLY_ENV,
      notes:
        files.length > 0 ? ["Files the original copies next to the build inputs (configuration, templates, data) are copied into the runtime stage too."] : [],
    });
  },
};

/**
 * `mvn spring-boot:run` at start: the builder packages the app (adding `spring-boot:repackage` when
 * pom.xml does not bind it) and the runtime runs that jar with `java -jar` on the matching JRE.
 */
function bootRunPlan(input: RecipeInput, maven: string): RecipeAnswer {
  const { model, stage, entry, workdir, builderName } = input;
  const ref = parseImageReference(stage.base.resolved);
  const toolchain = ref ? toolchainOf(ref) : null;
  const runtimeImage = toolchain?.runtime?.replace(/-alpine$/, "");
  if (!runtimeImage) return refuse(`the Java release of '${stage.base.resolved}' cannot be told, so no matching JRE can be chosen`);
  if (input.options.runtime !== undefined && input.options.runtime !== "slim")
    return refuse(`a Spring Boot app moved off 'spring-boot:run' is shipped on '${runtimeImage}' only; choose the default runtime`);
  const packaging = pomPackaging(model);
  if (packaging !== null && packaging !== "jar")
    return refuse(`pom.xml packages a '${packaging}', not an executable jar, so 'spring-boot:run' cannot become 'java -jar'`);
  const epilogue: string[] = [];
  // Only when nothing builds before the start: a build step in the stage shows the wrapper already works there.
  if (input.target.step === null && /mvnw$/.test(maven) && !hasWrapperSettings(model, stage, workdir) && (model.context.rootEntries ?? []).includes(".mvn/"))
    epilogue.push("# The Maven wrapper reads .mvn/wrapper/ next to mvnw, which the original does not copy there", "COPY .mvn .mvn");
  const packages = input.target.step !== null && input.target.step.ecosystem === "java" && /\b(?:package|install|verify)\b/.test(input.target.step.tool);
  if (!(packages && declaresBootPlugin(model) === true))
    epilogue.push(
      "# spring-boot:run replaced by an executable jar (tests are skipped: spring-boot:run ran none)",
      `RUN ${maven} -B -DskipTests package spring-boot:repackage`,
    );
  const jar = resolvePath(workdir, "app.jar");
  const keyword = entry.entrypoint !== null ? "ENTRYPOINT" : "CMD";
  return {
    ok: true,
    plan: {
      runtime: jre(runtimeImage, "debian"),
      builderPrelude: [],
      builderEdits: [],
      builderEpilogue: epilogue,
      runtimeSteps: [
        "# The one executable jar of target/ (a second jar there fails this COPY rather than the start)",
        `COPY --from=${builderName} ${resolvePath(workdir, "target")}/*.jar ${jar}`,
        ...javaRuntimeFiles(model, stage, workdir),
      ],
      // An ENTRYPOINT and a CMD together would pass the CMD to java as arguments: only one is written.
      command: {
        lines:
          entry.entrypoint !== null && entry.cmd !== null ? [`${keyword} ["java", "-jar", "${jar}"]`, "CMD []"] : [`${keyword} ["java", "-jar", "${jar}"]`],
        change: "artifact",
      },
      buildOnlyEnv: BUILD_ONLY_ENV,
      notes: [`'${model.lines.textIn((entry.cmd ?? entry.entrypoint ?? stage.from).range)}' is replaced by 'java -jar ${jar}' on a JRE.`],
    },
  };
}
