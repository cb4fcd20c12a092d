// Counts dockerfile-ast parses while `run` runs: how tests prove a text is parsed once per analysis.

import { DockerfileParser } from "dockerfile-ast";

export function countParses(run: () => void): number {
  const parse = DockerfileParser.parse;
  let calls = 0;
  DockerfileParser.parse = (content: string) => {
    calls++;
    return parse.call(DockerfileParser, content);
  };
  try {
    run();
  } finally {
    DockerfileParser.parse = parse;
  }
  return calls;
}
