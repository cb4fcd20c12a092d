// The web extension host is a web worker without Node's `process`; the npm `assert` package and
// its `util` dependency read it. esbuild injects this stand-in into the test bundle.
import process from "process/browser.js";
export { process };
