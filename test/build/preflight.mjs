// Runs before the real-build suite: says plainly what is missing instead of failing deep inside a build.
import { execFileSync } from "node:child_process";

const tools = ["buildah", "podman", "runc", "debootstrap", "tar"];
const missing = tools.filter((tool) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return false;
  } catch {
    return true;
  }
});

const problems = [];
if (missing.length > 0) {
  problems.push(
    `missing ${missing.join(", ")}: run scripts/ci-install-build-deps.sh as root (installs buildah, podman, runc, debootstrap and friends from Debian)`,
  );
}
if (typeof process.getuid === "function" && process.getuid() !== 0) {
  problems.push("not root: debootstrap and the rootful buildah/podman setup this suite uses need root (run it with sudo)");
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`test:build: ${problem}`);
  process.exit(1);
}
