// A synthetic Dockerfile with thousands of stages, for the complexity test and the benchmark: the
// shapes that made analysis quadratic (FROM chains, COPY --from of earlier, later and mistyped
// stages, image references, whole-filesystem copies), generated so no huge file is committed.

/** About 95 bytes per stage: 10,800 stages make a file of about 1 MB. */
export function manyStagesDockerfile(stageCount: number): string {
  const lines: string[] = ["# syntax=docker/dockerfile:1", "ARG GO_VERSION=1.22", ""];
  for (let i = 0; i < stageCount; i++) {
    const name = `build-${i}`;
    // Every fifth stage builds on the one before it, so FROM chains grow with the file.
    lines.push(i > 0 && i % 5 === 0 ? `FROM build-${i - 1} AS ${name}` : `FROM golang:\${GO_VERSION}-alpine AS ${name}`);
    if (i > 0) lines.push(`COPY --from=build-${i - 1} /out/ /in/`);
    if (i % 7 === 3) lines.push(`COPY --from=nginx:1.25 /etc/nginx/ /etc/nginx/`);
    // Now and then a mistyped stage name, which asks for a "did you mean" over every stage.
    if (i % 101 === 4 && i > 10) lines.push(`COPY --from=bulid-${i - 10} /out/ /in/`);
    if (i % 13 === 5 && i > 0) lines.push(`COPY --from=build-${i - 1} . /app/`);
    if (i % 17 === 6 && i + 2 < stageCount) lines.push(`RUN --mount=from=build-${i + 2},target=/later true`);
    lines.push(`RUN go build -o /out/app-${i} ./cmd`);
  }
  lines.push("FROM gcr.io/distroless/static AS final", `COPY --from=build-${Math.max(0, stageCount - 1)} /out/ /app/`, 'ENTRYPOINT ["/app/app"]', "");
  return lines.join("\n");
}
