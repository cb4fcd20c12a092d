// What the Node server loads only when first needed, from files of its own beside it (issue #16: the
// server's start): dockerfile-language-service (its registry client loads https and TLS; the server
// thread only needs it for completion resolve and the quick fixes of syntax problems), yaml (read
// only where a compose file is), the apt Recommends table (~360 kB, read with the first apt
// install) and Debian's removals per release (~140 kB, read with the first base-image move past
// one). Left in the server's bundle, V8 would parse them at every start. The worker keeps the
// service in its own bundle: its requests need it at once.
// One definition for scripts/build.mjs and the tests' bundle (test/support/lsp-client.ts), so that
// the server the tests drive loads its chunks as the shipped one does.

/** Imports the server bundle leaves out, and the file beside it each resolves to. */
const CHUNK_IMPORTS = [
  { filter: /^dockerfile-language-service$/, file: "./dockerfile-language-service.js" },
  { filter: /^yaml$/, file: "./yaml.js" },
  // Plain JSON, which Node's require reads natively (a JSON entry bundled as cjs and minified exports nothing).
  { filter: /apt-recommends\.generated\.json$/, file: "./apt-recommends.json" },
  { filter: /debian-removals\.generated\.json$/, file: "./debian-removals.json" },
];

/** The esbuild plugin for the server's bundle: those imports stay `require`s of the files beside it. */
export const serverChunks = {
  name: "server-chunks",
  setup(build) {
    for (const { filter, file } of CHUNK_IMPORTS) build.onResolve({ filter }, () => ({ path: file, external: true }));
  },
};

/**
 * The chunk files (relative to the server bundle's folder), their sources (relative to the
 * repository), and what the server reads from each (test/lsp/shipped-server.test.ts checks the
 * shipped files export it).
 */
export const SERVER_CHUNK_FILES = [
  { entry: "server/src/lsp/language-service-chunk.ts", file: "dockerfile-language-service.js", exports: ["DockerfileLanguageServiceFactory"] },
  { entry: "node_modules/yaml/dist/index.js", file: "yaml.js", exports: ["parse"] },
  { entry: "server/src/model/data/apt-recommends.generated.json", file: "apt-recommends.json", copy: true, exports: ["names", "named", "entries"] },
  { entry: "server/src/images/data/debian-removals.generated.json", file: "debian-removals.json", copy: true, exports: ["missingFrom"] },
];
