// Stand-in for Node's `https` in the browser bundle (esbuild alias `https` -> this file).
// dockerfile-language-service requires `https` at load time for its Docker Hub tag lookups; the
// server never asks it for tags (see lsp/completion.ts), and a worker could not reach Docker Hub
// anyway (no CORS), so any call fails like a network error would.

export function get(): never {
  throw new Error("https is not available in the browser build");
}

export function request(): never {
  throw new Error("https is not available in the browser build");
}
