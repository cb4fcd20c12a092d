// Facts several rules read, computed once per parsed model. A model is not changed once parsed (a
// model under other build-context facts is another object: with-context.ts), so a fact of the
// model object stays true; the cache lets go of a model once nothing else holds it.

import type { DockerfileModel } from "./types";

/** `compute`, run once per model; callers share its answer and must not change it. */
export function perModel<T>(compute: (model: DockerfileModel) => T): (model: DockerfileModel) => T {
  const known = new WeakMap<DockerfileModel, T>();
  return (model) => {
    if (known.has(model)) return known.get(model) as T;
    const fact = compute(model);
    known.set(model, fact);
    return fact;
  };
}
