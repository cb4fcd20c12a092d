// Java (Maven, Gradle): the jar that `java -jar` runs is copied onto the matching JRE image
// (eclipse-temurin:<release>-jre, its Alpine variant, or distroless java).

import { isKnownTag } from "../../images/facts";
import { parseImageReference } from "../../images/reference";
import { toolchainOf } from "../../images/toolchains";
import { executableOf, hasNoCommand, rewriteEntry } from "../entry-command";
import type { RuntimeImage } from "../runtime-base";
import type { Recipe } from "../types";
import { artifactCommand, artifactPlan, basename, healthcheckNeedsShell, refuse, resolvePath } from "./shared";

const BUILD_ONLY_ENV = /^(?:MAVEN_[A-Z_]+|M2_HOME|GRADLE_[A-Z_]+|JAVA_HOME|PATH)$/;
const DISTROLESS_RELEASES = new Set([17, 21]);

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
    const { stage, entry, workdir, builderName } = input;
    if (hasNoCommand(entry)) return refuse("the stage sets no CMD or ENTRYPOINT, so it is unclear which jar runs");
    const argv = entry.argv;
    const executable = executableOf(entry);
    if (argv === null || executable === null) return refuse("the command runs through a shell, so the jar it starts cannot be told");
    if (basename(executable) !== "java") return refuse(`the container starts '${executable}', not 'java -jar <file>', so there is no single jar to ship`);
    const jarIndex = argv.indexOf("-jar");
    const jar = jarIndex >= 0 ? argv[jarIndex + 1] : undefined;
    if (!jar) return refuse("the command runs 'java' without '-jar <file>', so the classpath to ship cannot be told");
    if (/[*?[]/.test(jar)) return refuse(`the jar '${jar}' is a pattern; name the jar file so it can be copied`);

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
        runtime = jre(`gcr.io/distroless/java${release}-debian12:nonroot`, "distroless");
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
    // Distroless java images set ENTRYPOINT ["java", "-jar"]: a CMD that names java itself would be
    // appended to it (`java -jar java -jar app.jar`), so the inherited entry point is cleared.
    const clearsEntrypoint = runtime.kind === "distroless" && entry.entrypoint === null && entry.cmd !== null;
    const command = clearsEntrypoint
      ? {
          lines: ["ENTRYPOINT []", ...rewriteEntry(entry, null)],
          change: "adjusted" as const,
        }
      : artifactCommand(entry, runtime, null, workdir);
    return artifactPlan({
      runtime,
      runtimeSteps: [`COPY --from=${builderName} ${source} ${source}`],
      command,
      buildOnlyEnv: BUILD_ONLY_ENV,
    });
  },
};
