// A parsed model under other build-context facts. Parsing reads only the text; the facts are
// carried along for the rules, so a model parsed before its context was read need not be parsed again.

import { BuildContextFacts, withOwnFilesOnly } from "./context";
import type { DockerfileModel } from "./types";

/** The same parse, carrying `context` (the model itself when it already does), its files answering only their own paths. */
export function withContext(model: DockerfileModel, context: BuildContextFacts): DockerfileModel {
  return model.context === context ? model : { ...model, context: withOwnFilesOnly(context) };
}
