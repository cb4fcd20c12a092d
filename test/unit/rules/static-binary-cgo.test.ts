import { rule } from "../../../server/src/rules/static-binary-cgo";
import { testRule } from "../../support/rule-tester";

testRule(rule, {
  fires: [
    {
      code: 'FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      messageId: "cgo",
      line: 6,
      token: "build",
      data: { base: "scratch", stage: "build", image: "golang:1.27" },
      output:
        'FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "exec-form build gets the variable through env",
      code: 'FROM golang:1.27 AS b\nRUN ["go", "build", "-o", "/app"]\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
      messageId: "cgo",
      line: 4,
      output: 'FROM golang:1.27 AS b\nRUN ["env", "CGO_ENABLED=0", "go", "build", "-o", "/app"]\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "distroless static",
      code: 'FROM golang:1.27-bookworm AS b\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
      messageId: "cgo",
      line: 4,
      token: "b",
    },
    {
      name: "alpine builder that installs gcc",
      code: 'FROM golang:1.27-alpine AS b\nRUN apk add --no-cache build-base\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
      messageId: "cgo",
      line: 5,
    },
    {
      name: "CGO_ENABLED=1 explicitly",
      code: 'FROM golang:1.27 AS b\nENV CGO_ENABLED=1\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
      messageId: "cgo",
      line: 5,
    },
    {
      name: "builder chain",
      code: 'FROM golang:1.27 AS base\nFROM base AS b\nRUN go install ./cmd/app\nFROM scratch\nCOPY --from=b /go/bin/app /app\nENTRYPOINT ["/app"]\n',
      messageId: "cgo",
      line: 5,
    },
  ],
  silent: [
    'FROM golang:1.27 AS b\nRUN CGO_ENABLED=0 go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    'FROM golang:1.27 AS b\nENV CGO_ENABLED=0\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    'FROM golang:1.27 AS b\nARG CGO_ENABLED=0\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    'FROM golang:1.27 AS b\nRUN export CGO_ENABLED=0 && go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    'FROM golang:1.27 AS b\nRUN go env -w CGO_ENABLED=0\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    // golang alpine images have no C compiler: cgo is off.
    'FROM golang:1.27-alpine AS b\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    // Statically linked on purpose.
    "FROM golang:1.27 AS b\nRUN go build -ldflags '-linkmode external -extldflags -static' -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT [\"/app\"]\n",
    // A final image with a C library is fine.
    'FROM golang:1.27 AS b\nRUN go build -o /app\nFROM debian:bookworm-slim\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    'FROM golang:1.27 AS b\nRUN go build -o /app\nFROM gcr.io/distroless/base-debian12\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    // CGO_ENABLED comes from a build argument without default: unknown.
    'FROM golang:1.27 AS b\nARG CGO_ENABLED\nRUN go build -o /app\nFROM scratch\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\n',
    // An export stage (no ENTRYPOINT/CMD) is files for --output, not an image to run.
    "FROM golang:1.27 AS b\nRUN go build -o /out/app\nFROM scratch AS binaries\nCOPY --from=b /out /\n",
    // The copied files are not what go built.
    'FROM golang:1.27 AS b\nRUN GOBIN=/usr/local/bin go install github.com/google/go-licenses@latest && CGO_ENABLED=0 scripts/build\nFROM scratch\nCOPY --from=b /_LICENSES/* /LICENSES/\nCOPY --from=b /src/bin/app /app\nENTRYPOINT ["/app"]\n',
    'FROM golang:1.27 AS b\nRUN go build -o /out/tool ./tools && CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=b /out/app /app\nENTRYPOINT ["/app"]\n',
    // Not a Go build.
    'FROM rust:1 AS b\nRUN cargo build --release\nFROM scratch\nCOPY --from=b /target/release/app /app\nENTRYPOINT ["/app"]\n',
  ],
});
