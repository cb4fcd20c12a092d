// Whether the final image runs a Java virtual machine: a JVM links no native library of the image's
// at build time (Java is compiled to bytecode), so what it loads from the system is opened by name
// or preloaded when it starts.

import { packageName } from "../model/build-tools";
import { GRADLE_PROGRAMS, MAVEN_PROGRAMS, systemPackageCommand } from "../model/commands";
import { baseName } from "../model/copy-paths";
import { envDeclarations } from "../model/environment";
import { lineage } from "../model/stage-graph";
import { programsRunAtStart } from "../model/start-steps";
import type { DockerfileModel, Stage } from "../model/types";
import { rootImageName } from "./base-image";
import { imageEnvironment } from "./image-env";

/**
 * System packages of a Java runtime or JDK: Debian's `openjdk-17-jre-headless`, `default-jdk`,
 * Adoptium's `temurin-21-jdk`, the Red Hat family's `java-17-openjdk-devel`, Alpine's `openjdk17-jre`.
 */
const JAVA_PACKAGE =
  /^(?:openjdk-?\d+(?:-jre|-jdk)?(?:-headless)?|default-(?:jre|jdk)(?:-headless)?|temurin-\d+-(?:jre|jdk)|java-[\d.]+-openjdk(?:-headless|-devel)?)$/;

/** True for a system package of a Java runtime or JDK (`openjdk-17-jdk=17.0.9+9-1`). */
export function isJavaPackage(name: string): boolean {
  return JAVA_PACKAGE.test(packageName(name));
}

/** True when a RUN of `stages` installs a Java runtime or JDK with the system's package manager. */
function installsJava(stages: readonly Stage[]): boolean {
  return stages.some((stage) =>
    stage.instructions.some(
      (i) => i.keyword === "RUN" && i.commands.some((c) => (systemPackageCommand(c)?.packages ?? []).some((p) => isJavaPackage(p.value))),
    ),
  );
}

/** Programs that compile Java or another JVM language, or build with them (`javac`, `mvn`, `./gradlew`, `sbt`). */
const JVM_BUILD_PROGRAMS = new Set([...MAVEN_PROGRAMS, ...GRADLE_PROGRAMS, "javac", "sbt", "ant", "kotlinc", "scalac", "lein", "bazel", "bazelisk"]);

/** True when a RUN of `stages` compiles or builds JVM code. */
export function buildsJvmCode(stages: readonly Stage[]): boolean {
  return stages.some((stage) => stage.instructions.some((i) => i.keyword === "RUN" && i.commands.some((c) => JVM_BUILD_PROGRAMS.has(baseName(c.name)))));
}

/**
 * True when the final image runs a JVM: its stages set `JAVA_HOME` (a JRE copied in from another
 * image, `COPY --from=eclipse-temurin:21-jre /opt/java/openjdk ...`), its base image does
 * (`eclipse-temurin:21-jre`, `tomcat`), its stages install a Java runtime or JDK with the system's
 * package manager (`apt-get install openjdk-17-jdk`), or its start runs `java`.
 */
export function runsJvm(model: DockerfileModel): boolean {
  const final = model.finalStage;
  if (final === null) return false;
  const chain = lineage(final);
  const setsJavaHome = chain.some((stage) =>
    stage.instructions.some((i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => d.name === "JAVA_HOME")),
  );
  if (setsJavaHome) return true;
  if (chain[0].base.kind === "image" && imageEnvironment(rootImageName(final), false).names.includes("JAVA_HOME")) return true;
  if (installsJava(chain)) return true;
  return programsRunAtStart(model).has("java");
}
