// Whether the final image runs a Java virtual machine: a JVM links no native library of the image's
// at build time (Java is compiled to bytecode), so what it loads from the system is opened by name
// or preloaded when it starts.

import { envDeclarations } from "../model/environment";
import { lineage } from "../model/stage-graph";
import { programsRunAtStart } from "../model/start-steps";
import type { DockerfileModel } from "../model/types";
import { rootImageName } from "./base-image";
import { imageEnvironment } from "./image-env";

/**
 * True when the final image runs a JVM: its stages set `JAVA_HOME` (a JRE copied in from another
 * image, `COPY --from=eclipse-temurin:21-jre /opt/java/openjdk ...`), its base image does
 * (`eclipse-temurin:21-jre`, `tomcat`), or its start runs `java`.
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
  return programsRunAtStart(model).has("java");
}
