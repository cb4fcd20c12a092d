// Throwaway project folders for tests that need real files next to a Dockerfile.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";

/** A temp root for one suite: `create` makes a fresh project under it, `dispose` removes it all. */
export class TempProjects {
  private root: string | undefined;

  constructor(private readonly prefix: string) {}

  /** Writes files (relative path -> text) under a fresh folder and returns the folder. */
  create(files: Record<string, string>): string {
    this.root ??= mkdtempSync(join(tmpdir(), `${this.prefix}-`));
    const dir = mkdtempSync(join(this.root, "p-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  dispose(): void {
    if (this.root) rmSync(this.root, { recursive: true, force: true });
    this.root = undefined;
  }
}
