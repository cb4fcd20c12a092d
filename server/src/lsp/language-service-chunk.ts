// The entry of the Node server's dockerfile-language-service chunk (dist/server/dockerfile-language-service.js,
// scripts/build.mjs), which language-service.ts imports when the service is first needed. Written
// as a module of its own so that the chunk names what it exports: Node's import() of a CommonJS file
// finds only the names it can read there.

export { DockerfileLanguageServiceFactory } from "dockerfile-language-service";
