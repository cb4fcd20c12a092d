// Stand-in for Node's global `Buffer` in the browser server bundle (esbuild `inject`).
// dockerfile-ast calls `Buffer.from(char, "UTF-8")` on every parse to spot a byte-order mark; a web
// worker has no Buffer, so without this every parse throws and no diagnostics reach the editor.
// TextEncoder yields the same UTF-8 bytes, which is all that call needs.

const encoder = new TextEncoder();

export const Buffer = {
  from(text: string): Uint8Array {
    return encoder.encode(text);
  },
};
