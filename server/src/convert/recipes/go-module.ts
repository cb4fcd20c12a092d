// What go.mod says about a Go build: a dependency that only works with cgo (sqlite through
// mattn/go-sqlite3, librdkafka, ImageMagick, RocksDB...), which then needs a C compiler in the
// builder and the builder's C library at run time.

import type { BuildContextFacts } from "../../model/context";

/** Module paths that compile C code and do nothing useful with CGO_ENABLED=0. */
const CGO_ONLY_MODULES = [
  "github.com/mattn/go-sqlite3",
  "github.com/confluentinc/confluent-kafka-go",
  "gopkg.in/gographics/imagick",
  "github.com/tecbot/gorocksdb",
  "github.com/linxGnu/grocksdb",
  "github.com/go-gl/glfw",
  "github.com/veandco/go-sdl2",
  "github.com/h2non/bimg",
  "github.com/davidbyttow/govips",
];

/** The first cgo-only module go.mod at the context root requires (direct or indirect), or null. */
export function cgoOnlyModule(context: BuildContextFacts): string | null {
  const goMod = context.files?.["go.mod"];
  if (goMod === undefined) return null;
  for (const line of goMod.split(/\r?\n/)) {
    const word = line
      .trim()
      .replace(/^require\s+/, "")
      .split(/\s+/)[0];
    const found = CGO_ONLY_MODULES.find((m) => word === m || word.startsWith(`${m}/`));
    if (found) return found;
  }
  return null;
}
