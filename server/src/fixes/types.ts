// What a fix is: text edits to the Dockerfile, plus files to create beside it. The fix primitives
// in this folder build these; rules attach them to reports; the lint runner and adapters apply them.

import type { TextEdit } from "../model/text";

/** A file the fix creates next to the Dockerfile (path relative to the Dockerfile's folder). */
export interface FileCreation {
  path: string;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  createFiles?: FileCreation[];
  /** Marks the fix VS Code should prefer for the lightbulb. */
  isPreferred?: boolean;
}
