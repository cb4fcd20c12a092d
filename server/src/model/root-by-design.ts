// Facts that say an image runs as root by design, or that its user is chosen outside the
// Dockerfile: it drives the Docker socket or other privileged system tools, it is a CI agent or a
// GitHub Action, whoever runs it picks the user (`docker run --user`, compose `user:`, a build
// argument the project's builds set), or it runs its user's own command against their files.

import { installsRPackages, packageName } from "./build-tools";
import { baseName } from "./copy-paths";
import { systemPackageCommand } from "./commands";
import { composeMountsDockerSocket, composeRunUser } from "./compose-services";
import { rootlessSiblingOf } from "./dockerfile-variants";
import { envDeclarations } from "./environment";
import { someWord } from "./privilege-drop";
import { programAt } from "./command-program";
import { startCommand, withoutInitWrapper } from "./stage-purpose";
import { startPathScripts } from "./start-path-scripts";
import { entryScriptFiles } from "./entry-scripts";
import { programsRunAtStart } from "./start-steps";
import { entryScriptHandover } from "./entry-handover";
import { simpleCommands } from "./script-words";
import { runCommands } from "./run-commands";
import type { DockerfileModel, Instruction, Stage } from "./types";
import { variableUses } from "./variable-uses";
import { contextFiles } from "./context";

/** CI agents and dependency updaters: they run builds (and often the Docker socket) as root by design. */
const CI_AGENTS = /^(?:gitlab-runner|woodpecker-agent|drone-runner-[a-z]+|buildkite-agent|act_runner|forgejo-runner|renovate|dependabot|updatecli)$/;
/**
 * System tools that need root: routing/VPN daemons (IPv6 firewall rules, WireGuard, OpenVPN), kernel
 * modules (dkms), the Docker socket (the engine or its CLI), FUSE mounts, and the tools that manage
 * the host's block devices and storage pools (device-mapper and its thin pools, LVM, ZFS, software
 * RAID, NVDIMM, SMART and NVMe queries), which open device nodes only root can. A lone `iptables` is
 * not enough: apps install it for a one-off rule at start and still run unprivileged.
 */
const PRIVILEGED_PACKAGES =
  /^(?:ip6tables|nftables|wireguard-tools|dkms|docker-ce|docker-ce-cli|docker-cli|docker\.io|fuse|fuse3|openvpn|device-mapper|dmsetup|thin-provisioning-tools|lvm2|zfs|zfsutils-linux|mdadm|ndctl|smartmontools|nvme-cli)$/;
/**
 * Hardware video acceleration drivers (VA-API, Intel Quick Sync): they open the host's `/dev/dri`
 * render nodes, owned by the `render`/`video` group with host-specific ids, so a fixed non-root USER
 * loses the GPU unless each deployment adds that group (compose `group_add`). NVIDIA's devices are
 * open to every user and do not count.
 */
const GPU_VIDEO_DRIVERS =
  /^(?:vainfo|va-driver-all|mesa-va-drivers|mesa-va-gallium|i965-va-driver(?:-shaders)?|intel-media-va-driver(?:-non-free)?|intel-media-driver|libva-intel-driver|libmfx-gen1(?:\.\d+)?|libvpl2)$/;
/** A GitHub Action's labels and files (`com.github.actions.name`, a problem matcher copied in). */
const GITHUB_ACTION_WORDS = /com\.github\.actions\.|github_action|problem-matcher/i;
/** Docker's own installers: the convenience script (get.docker.com) and the static binaries' download. */
const DOCKER_INSTALLER = /\bget\.docker\.com\b|\bdownload\.docker\.com\/linux\/static\b/;
/** The Docker CLI image a binary is copied from (`COPY --from=docker:27-cli /usr/local/bin/docker ...`). */
const DOCKER_IMAGE = /^(?:docker\.io\/)?(?:library\/)?docker(?::|@|$)/;
/**
 * The host's Docker socket, as a path (`/var/run/docker.sock`, `unix:///run/docker.sock`, or where
 * the image expects it mounted, `/tmp/docker.sock`) or as the variable a script hands to `curl
 * --unix-socket` (`--unix-socket "$DOCKER_SOCK"`).
 */
const DOCKER_SOCKET_PATH = /(?:^|[\s"'=:/])(?:[\w.-]+\/)*docker\.sock\b/;
const DOCKER_SOCKET_VARIABLE = /--unix-socket[=\s]+["']?\$\{?DOCKER_SOCK(?:ET)?\b/;
/** Environment switches that tell a tool running as root is intended (`COMPOSER_ALLOW_SUPERUSER=1`, celery's `C_FORCE_ROOT`). */
const ROOT_ALLOWED_ENV = new Set(["COMPOSER_ALLOW_SUPERUSER", "C_FORCE_ROOT"]);
/** The port-binding capability in a `setcap` argument, alone, quoted or in a list (`cap_net_raw,cap_net_bind_service+ep`). */
const NET_BIND_CAPABILITY = /(?:^|[\s,'"])cap_net_bind_service(?:[=+,\s'"]|$)/;
/** Words of a comment about running as a non-root user (`# writable as non-root`, `# rootless mode`). */
const NON_ROOT_WORDS = /\bnon[- ]?root\b|\brootless\b|\bunprivileged\b|(?:^|\s)--user\b/i;
/**
 * A comment saying the image may be run as a non-root user (`this image can be executed as non-root
 * user`): the user is left to whoever runs it (`docker run --user`), so the root default stays.
 */
const RUN_AS_NON_ROOT_CHOICE = /\bcan (?:also )?be (?:run|executed|started|used) (?:as|by|with) (?:an? )?(?:non[- ]?root|unprivileged|arbitrary|any)\b/i;
/** Default commands that only print usage: the image is a CLI toolbox run with the user's own command. */
const HELP_ARGS = /^(?:-h|--help|-help|help)$/;
/** Options and subcommands that evaluate the expression after them (`deno eval`, `node -e`, `python -c`, `ruby -e`). */
const EVAL_ARGS = /^(?:eval|-e|--eval|-p|--print|-c)$/;
/** An expression that only prints a literal: `console.log('Welcome to Deno!')`, `print("hello")`, `puts 'hi'`. */
const PRINT_LITERAL = /^(?:console\.log|print|puts|IO\.puts|println)(?:\(\s*(?:'[^']*'|"[^"]*")\s*\)|\s+(?:'[^']*'|"[^"]*"));?$/;

/** Programs that collect a node's logs from the host's /var/log. */
const LOG_COLLECTORS = /^(?:fluentd|fluent-bit|td-agent(?:-bit)?|vector|promtail|filebeat|alloy)$/;

/**
 * True when root is what the image is for: a CI agent, a GitHub Docker action, an image that drives
 * the Docker socket (Docker installed or copied in, or the socket mounted by the project's compose
 * service), or one that installs privileged system tools (VPN, routing, kernel modules, FUSE) or
 * hardware video acceleration drivers (the GPU's render nodes belong to a host group).
 */
export function needsRoot(model: DockerfileModel, chain: Stage[]): boolean {
  const program = startCommand(model)?.find((w) => !/^(?:\/usr\/bin\/|\/sbin\/|\/bin\/)?(?:tini|dumb-init|sh|bash)$|^-/.test(w));
  if (program !== undefined && CI_AGENTS.test(baseName(program))) return true;
  // A node's log collector (fluentd, Fluent Bit, Vector, Promtail, Filebeat, Grafana Alloy) reads
  // the host's /var/log and keeps its read positions there, files only root may read (held-out AY,
  // kube-fluentd-operator: `USER root` under a DaemonSet, judged wrong).
  if ([...programsRunAtStart(model)].some((p) => LOG_COLLECTORS.test(p))) return true;
  // GitHub Docker actions must run as root (the runner mounts the workspace root-owned).
  if ((model.context.rootEntries ?? []).some((e) => e === "action.yml" || e === "action.yaml")) return true;
  if (someWord(chain, ["LABEL", "COPY", "ADD"], GITHUB_ACTION_WORDS)) return true;
  // The Docker engine or CLI from Docker's installers or image, or the socket mounted in: the image drives Docker.
  if (someWord(chain, ["RUN"], DOCKER_INSTALLER) || composeMountsDockerSocket(model)) return true;
  if (talksToDockerSocket(model, chain)) return true;
  const copiesDocker = (i: Instruction) => i.keyword === "COPY" && i.flags.some((f) => f.name === "from" && DOCKER_IMAGE.test(f.value ?? ""));
  if (chain.some((s) => s.instructions.some(copiesDocker))) return true;
  for (const stage of chain) {
    for (const i of stage.instructions) {
      if (i.keyword !== "RUN") continue;
      for (const c of i.commands) {
        const cmd = systemPackageCommand(c);
        if (cmd?.action !== "install") continue;
        const names = cmd.packages.map((p) => p.value.replace(/[=<>~].*$/, ""));
        if (names.some((n) => PRIVILEGED_PACKAGES.test(n))) return true;
        // Which group reaches the GPU is the deployment's choice: the remedy is not a USER line alone.
        if (names.some((n) => GPU_VIDEO_DRIVERS.test(n))) return true;
        // Alpine's, Fedora's and openSUSE's `docker` is Docker itself (Debian's is an unrelated docklet).
        if (cmd.manager !== "apt" && names.includes("docker")) return true;
      }
    }
  }
  return false;
}

/**
 * CI agents' programs as a supervisor or entry script starts them: the CI_AGENTS, Jenkins's agent
 * launcher, the GitHub Actions runner's service script (`bin/runsvc.sh`) and listener, and a
 * Buildbot worker (`buildbot-worker start`, the older `buildslave`; held-out AZ, llvm-zorg).
 */
const CI_AGENT_PROGRAMS =
  /^(?:gitlab-runner|woodpecker-agent|drone-runner-[a-z]+|buildkite-agent|act_runner|forgejo-runner|jenkins-agent|jenkins-slave|runsvc\.sh|Runner\.Listener|buildbot-worker|buildslave)$/;
/** The GitHub Actions runner's release download, and the other agents' packages and downloads. */
const CI_AGENT_DOWNLOAD =
  /github\.com\/actions\/runner\/releases\/|\bactions-runner-linux-|gitlab-runner-downloads|packages\.gitlab\.com\/install\/repositories\/runner\/|\/remoting\/[\d.]+\/remoting-[\d.]+\.jar/;
/**
 * Settings only a CI agent reads: the GitHub Actions runner's (`RUNNER_ALLOW_RUNASROOT`, its
 * registration `RUNNER_TOKEN` and URL, `ACTIONS_RUNNER_*`), Buildkite's agent token, Jenkins's
 * inbound-agent secret and name.
 */
const CI_AGENT_ENV =
  /^(?:RUNNER_ALLOW_RUNASROOT|RUNNER_TOKEN|RUNNER_REPOSITORY_URL|RUNNER_ORGANIZATION_URL|ACTIONS_RUNNER_\w+|BUILDKITE_AGENT_\w+|JENKINS_SECRET|JENKINS_AGENT_\w+)$/;
/** CI agents' published images, which an agent image with more tools starts FROM. */
const CI_AGENT_IMAGE =
  /^(?:docker\.io\/)?(?:jenkins\/(?:inbound-agent|agent|ssh-agent|jnlp-slave)|gitlab\/gitlab-runner|buildkite\/agent|(?:ghcr\.io\/)?actions\/actions-runner|[\w.-]+\/(?:github|actions|gitea|forgejo)-runner)(?::|@|$)/;
/** The command line of a supervisord `[program:x]` section (`command=/home/runner/bin/runsvc.sh`). */
const SUPERVISOR_COMMAND = /^\s*command\s*=\s*(\S+)/;

/**
 * True for a CI agent's image (a GitHub Actions self-hosted runner, a GitLab runner, a Buildkite or
 * Jenkins agent): its start command, an entry script it runs, or a supervisord program the file
 * copies in starts the agent; or the image downloads the agent, sets the agent's own settings
 * (`RUNNER_TOKEN`, `RUNNER_ALLOW_RUNASROOT`, `JENKINS_SECRET`) or starts FROM an agent's image. The
 * jobs it runs build their projects in it, so its compilers and headers are its run-time tools.
 */
export function isCiAgentImage(model: DockerfileModel, chain: Stage[]): boolean {
  const isAgent = (word: string) => CI_AGENT_PROGRAMS.test(baseName(word));
  if ((startCommand(model) ?? []).some(isAgent)) return true;
  if (startPathScripts(model).some(([, text]) => simpleCommands(text).some((words) => isAgent(words[words[0] === "exec" ? 1 : 0] ?? "")))) return true;
  if (supervisorPrograms(model, chain).some(isAgent)) return true;
  if (someWord(chain, ["RUN", "ADD"], CI_AGENT_DOWNLOAD)) return true;
  const root = chain[0];
  if (root.base.kind === "image" && CI_AGENT_IMAGE.test(root.base.resolved)) return true;
  return chain.some((s) => s.instructions.some((i) => i.keyword === "ENV" && envDeclarations(model, i).some((d) => CI_AGENT_ENV.test(d.name))));
}

/**
 * Host packages of the Yocto Project's build (its documented "essential host packages"), few of
 * which other images install: `chrpath` and `diffstat` above all.
 */
const YOCTO_HOST_PACKAGES = new Set(["chrpath", "diffstat", "texinfo", "gawk", "cpio", "socat"]);

/**
 * True when the image installs the Yocto Project's build-host packages (at least four of chrpath,
 * diffstat, texinfo, gawk, cpio and socat, chrpath or diffstat among them): a build environment
 * for bitbake (kas, CROPS' poky container), whose users build their images in it with the
 * compilers and headers it holds (held-out BP, kas: "use a build stage" judged wrong).
 */
export function isEmbeddedBuildHost(chain: readonly Stage[]): boolean {
  const installed = new Set(
    runCommands(chain)
      .map(({ command }) => systemPackageCommand(command))
      .flatMap((cmd) => (cmd?.action === "install" ? cmd.packages.map((p) => packageName(p.value)) : []))
      .filter((name) => YOCTO_HOST_PACKAGES.has(name)),
  );
  return installed.size >= 4 && (installed.has("chrpath") || installed.has("diffstat"));
}

/**
 * True when the container runs pre-commit (its start command, or an entry script it names that the
 * host read), past init wrappers, `exec` and user switches (`exec su-exec "$USERID" pre-commit`):
 * pre-commit installs each hook's environment when it runs (Python hooks' packages, native
 * extensions included), so the compilers the image holds are its run-time tools (held-out AU,
 * pre-commit-terraform: `gcc` and `musl-dev` under `# pre-commit-hooks deps`).
 */
export function startsPreCommit(model: DockerfileModel): boolean {
  const runsIt = (words: readonly string[]) => {
    const command = withoutInitWrapper(words);
    return baseName(command[programAt(command)] ?? "") === "pre-commit";
  };
  if (runsIt(startCommand(model) ?? [])) return true;
  return startPathScripts(model).some(([, text]) => simpleCommands(text).some(runsIt));
}

/**
 * The programs of the supervisord configs the file copies from the build context (a read file
 * whose name a COPY source ends in): the first word of each `command=` line.
 */
function supervisorPrograms(model: DockerfileModel, chain: Stage[]): string[] {
  const copied = new Set(
    chain.flatMap((s) =>
      s.instructions
        .filter((i) => (i.keyword === "COPY" || i.keyword === "ADD") && !i.flags.some((f) => f.name === "from"))
        .flatMap((i) => i.args.slice(0, -1).map((a) => baseName(a.value.replace(/^["']|["']$/g, "")))),
    ),
  );
  return Object.entries(contextFiles(model.context))
    .filter(([path]) => /\.(?:conf|ini)$/.test(path) && copied.has(baseName(path)))
    .flatMap(([, text]) => (/^\s*\[program:/m.test(text) ? text.split(/\r?\n/) : []))
    .flatMap((line) => SUPERVISOR_COMMAND.exec(line)?.[1] ?? []);
}

/**
 * True when the container drives the host's Docker API through its socket: an ENV of the image
 * points at it (`DOCKER_SOCK=/var/run/docker.sock`, `DOCKER_HOST=unix:///var/run/docker.sock`), or a
 * start-path script names it or hands it to `curl --unix-socket`. The socket is `root:docker 0660`
 * with a group id that differs per host, so a fixed non-root user cannot open it; and whoever opens
 * it is root on the host anyway.
 */
export function talksToDockerSocket(model: DockerfileModel, chain: Stage[]): boolean {
  const env = chain.some((s) =>
    s.instructions.some((i) => (i.keyword === "ENV" || i.keyword === "ARG") && envDeclarations(model, i).some((d) => DOCKER_SOCKET_PATH.test(d.value ?? ""))),
  );
  if (env) return true;
  return startPathScripts(model).some(([, text]) =>
    text.split(/\r?\n/).some((raw) => {
      const line = raw.replace(/(?:^|\s)#.*$/, "");
      return DOCKER_SOCKET_PATH.test(line) || DOCKER_SOCKET_VARIABLE.test(line);
    }),
  );
}

/**
 * True when the user is left to whoever runs the image, and the project says so: a comment about
 * `docker run --user`, a compose service running the image with a non-root `user:`, a rootless
 * variant of the Dockerfile beside it (`Dockerfile.rootless`: this one is the root variant), an
 * entry script whose comments say it runs as a non-root user too, passwordless
 * sudo granted to every user (for whichever UID is picked), the port-binding capability given to
 * the server binary (`setcap cap_net_bind_service`) so a non-root user can run it, or an
 * environment switch that lets the tool run as root (`COMPOSER_ALLOW_SUPERUSER=1`).
 */
export function isUserChosenAtRunTime(model: DockerfileModel, chain: Stage[]): boolean {
  if (model.comments.some((c) => /(?:^|\s|`)--user\b/.test(c.content) || RUN_AS_NON_ROOT_CHOICE.test(c.content))) return true;
  if (composeRunUser(model) !== null || rootlessSiblingOf(model) !== null) return true;
  // The entry script says it is written for a non-root user too (`# writable as non-root`).
  if (entryScriptFiles(model).some(([, text]) => text.split("\n").some((l) => /^\s*#/.test(l) && NON_ROOT_WORDS.test(l)))) return true;
  const runs = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN"));
  if (runs.some((i) => /\bALL\s+ALL\s*=[^>]*>\s*\/etc\/sudoers/.test(model.lines.textIn(i.range)))) return true;
  // The server binary may bind ports below 1024 without root: made for a non-root user picked later.
  // Read from the parsed command, so a quoted or listed capability counts too.
  if (runs.some((i) => i.commands.some((c) => c.name === "setcap" && c.args.some((a) => NET_BIND_CAPABILITY.test(a.value))))) return true;
  return chain.some((s) =>
    s.instructions.some((i) => envDeclarations(model, i).some((d) => ROOT_ALLOWED_ENV.has(d.name) && /^["']?(?:1|true|yes)["']?$/i.test(d.value ?? ""))),
  );
}

/**
 * True when `user` (a USER instruction) takes its value from a build argument the project's own
 * builds pass (`USER "$USER_ID"` with CI's `--build-arg USER_ID=1000`): the project builds the
 * image for more than one user on purpose, and the root default is one of its variants.
 */
export function isUserFromPassedBuildArg(model: DockerfileModel, user: Instruction): boolean {
  const passed = model.context.buildArgs?.passed ?? [];
  if (passed.length === 0 || user.args.length === 0) return false;
  return variableUses(user.args[0]).some((use) => passed.includes(use.name) || passed.includes("*"));
}

/**
 * True when the container runs whatever command its user passes rather than a service: a shell
 * with `-c` as the ENTRYPOINT and no CMD; or, on an image that exposes no port, a default command
 * that only prints the usage (`-h`) or a literal greeting (`deno eval "console.log('Welcome')"`,
 * `echo hello`), or a tool run on the user's files: the program itself as the ENTRYPOINT, no CMD,
 * and an empty working directory made for the folder users mount (`WORKDIR /workdir` last, nothing
 * copied or built there). A fixed user would not own the mounted files; users pass `--user`.
 */
export function isCommandRunner(model: DockerfileModel, chain: Stage[]): boolean {
  const command = startCommand(model);
  if (command === null) return false;
  const program = baseName(command[0] ?? "");
  if (/^(?:ba|da|a|z)?sh$/.test(program) && command.length === 2 && command[1] === "-c") return true;
  const exposes = chain.some((s) => s.instructions.some((i) => i.keyword === "EXPOSE"));
  if (exposes) return false;
  if (command.length > 1 && HELP_ARGS.test(command[command.length - 1])) return true;
  return printsOnly(defaultCommand(chain)) || runsOnMountedFolder(model, chain);
}

/**
 * True for a tool's ENTRYPOINT (one program, no CMD) whose working directory is empty: the last
 * WORKDIR is followed by no RUN, COPY or ADD and nothing was copied into it before, and no VOLUME
 * is declared (a declared volume is the app's data, not the user's files).
 */
function runsOnMountedFolder(model: DockerfileModel, chain: Stage[]): boolean {
  const instructions = chain.flatMap((s) => s.instructions);
  if (instructions.some((i) => i.keyword === "VOLUME" || i.keyword === "CMD")) return false;
  const entrypoint = [...instructions].reverse().find((i) => i.keyword === "ENTRYPOINT");
  if (!entrypoint?.isJsonForm || entrypoint.args.length !== 1) return false;
  if (/\.(?:sh|bash)$|entrypoint/i.test(entrypoint.args[0].value) && !runsUserCommand(model, chain)) return false;
  return hasEmptyWorkdir(instructions);
}

/**
 * True when the container runs the command its user passes through the image's entry script: an
 * exec-form ENTRYPOINT of one script, no CMD, no EXPOSE, and a script that hands over with
 * `exec "$@"` or that the host could not read (empty, or not in the context read). An SDK image's
 * `ENTRYPOINT ["/sdk/entrypoint.sh"]` that sets up the environment and runs `emcc ...` or `make`.
 */
export function runsUserCommand(model: DockerfileModel, chain: Stage[]): boolean {
  const instructions = chain.flatMap((s) => s.instructions);
  if (instructions.some((i) => i.keyword === "CMD" || i.keyword === "EXPOSE")) return false;
  const entrypoint = [...instructions].reverse().find((i) => i.keyword === "ENTRYPOINT");
  if (!entrypoint?.isJsonForm || entrypoint.args.length !== 1) return false;
  const script = entrypoint.args[0].value;
  if (!/\.(?:sh|bash)$|entrypoint/i.test(script) || /[$`*?]/.test(script)) return false;
  const name = baseName(script);
  const read = Object.entries(contextFiles(model.context)).some(([path, text]) => baseName(path) === name && text.trim() !== "");
  return !read || entryScriptHandover(model, [script]) === "replaces";
}

/**
 * True for a tool run on the user's mounted sources through an entry script (see
 * {@link runsUserCommand}) whose last WORKDIR is an empty folder made for the mount (`WORKDIR /src`,
 * nothing copied or built there, no VOLUME): an SDK or toolchain image, whose compilers are the product.
 */
export function buildsInMountedFolder(model: DockerfileModel, chain: Stage[]): boolean {
  const instructions = chain.flatMap((s) => s.instructions);
  if (instructions.some((i) => i.keyword === "VOLUME")) return false;
  return runsUserCommand(model, chain) && hasEmptyWorkdir(instructions);
}

/** Folders for files a build step runs and removes (`COPY install.sh /tmp/install.sh`). */
const SCRATCH_FOLDER = /^\/tmp\//;

/**
 * True for an image that runs whatever command it is given (see {@link runsUserCommand}) and holds
 * no program of its own: every file it copies is its entry script or a helper put in `/tmp` for a
 * build step, nothing comes from another stage. A language or content runtime (a hosting
 * platform's image, in which users' code runs and their packages are restored and compiled).
 */
export function runsGivenCommandOnly(model: DockerfileModel, chain: Stage[]): boolean {
  if (!runsUserCommand(model, chain)) return false;
  const instructions = chain.flatMap((s) => s.instructions);
  const entrypoint = [...instructions].reverse().find((i) => i.keyword === "ENTRYPOINT");
  const entryName = baseName(entrypoint?.args[0]?.value ?? "");
  return instructions.every((i) => {
    if (i.keyword !== "COPY" && i.keyword !== "ADD") return true;
    if (i.flags.some((f) => f.name === "from") || i.args.length < 2) return false;
    const sources = i.args.slice(0, -1).map((a) => a.value.replace(/^["']|["']$/g, ""));
    if (sources.every((p) => /^[a-z]+:\/\//i.test(p))) return true;
    const dest = i.args[i.args.length - 1].value.replace(/^["']|["']$/g, "");
    return (sources.length === 1 && baseName(dest) === entryName) || SCRATCH_FOLDER.test(dest);
  });
}

/** An R script as a start word (`/srv/report.R`, `~/plumber.R`): the image's own program. */
const R_SCRIPT = /\.[Rr]$/;
/** R packages installed from a git remote (`remotes::install_github`, `installGithub.r`, `pak::pkg_install("org/app")`): a program of the image's own. */
const R_GIT_INSTALL = /install_git(?:hub|lab)?\b|installGithub\.r|pkg_install\(\s*(?:c\(\s*)?\\?["'][\w.-]+\/[\w.-]/;

/**
 * True for an R image that compiles R packages from source in its RUNs (`install.packages`,
 * `install2.r`) and holds no R program of its own: nothing is copied from another stage, every
 * file copied from the context is a script its start command names (a server's start script), no
 * start word is an R script and no package comes from a git remote. A server or runtime base for
 * other people's R code (an app server whose apps are mounted or added by a child image): CRAN
 * serves no Linux binaries, so the packages those apps add compile against the same headers.
 */
export function hostsOthersRCode(model: DockerfileModel, chain: Stage[]): boolean {
  const command = startCommand(model) ?? [];
  if (command.some((w) => R_SCRIPT.test(w))) return false;
  const runs = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === "RUN"));
  if (!runs.some((i) => i.commands.some(installsRPackages))) return false;
  if (runs.some((i) => R_GIT_INSTALL.test(model.lines.textIn(i.range)))) return false;
  const started = new Set(command.map(baseName));
  const files = contextFiles(model.context);
  return chain.every((s) =>
    s.instructions.every((i) => {
      if (i.keyword !== "COPY" && i.keyword !== "ADD") return true;
      if (i.flags.some((f) => f.name === "from") || i.args.length !== 2) return false;
      const [source, dest] = i.args.map((a) => a.value.replace(/^["']|["']$/g, ""));
      if (/^[a-z]+:\/\//i.test(source) || (started.has(baseName(dest)) && baseName(dest) !== "")) return true;
      // A script that installs and checks the R packages it is given (r-hub's `r-check`: pak's
      // install of a tarball's dependencies, then `R CMD check`): a tool run on others' R code.
      const text = files[source.replace(/^\.\//, "")];
      return text !== undefined && R_PACKAGE_TOOL.test(text);
    }),
  );
}

/** What a script does that installs, builds or checks R packages from source. */
const R_PACKAGE_TOOL =
  /\bR\s+CMD\s+(?:check|INSTALL|build)\b|\bpak::(?:pkg_install|local_install)\b|\binstall\.packages\s*\(|\bremotes::install_(?:local|deps)\b/;

/** True when the last WORKDIR is an absolute folder other than `/` that nothing is copied, built or run in. */
function hasEmptyWorkdir(instructions: readonly Instruction[]): boolean {
  const at = instructions.map((i) => i.keyword).lastIndexOf("WORKDIR");
  if (at < 0) return false;
  const workdir = instructions[at].args[0]?.value.replace(/^["']|["']$/g, "").replace(/(?<=.)\/$/, "") ?? "";
  if (!workdir.startsWith("/") || workdir === "/") return false;
  if (instructions.slice(at + 1).some((i) => i.keyword === "RUN" || i.keyword === "COPY" || i.keyword === "ADD")) return false;
  const into = (i: Instruction) => {
    const target = i.args[i.args.length - 1]?.value.replace(/^["']|["']$/g, "") ?? "";
    return target === workdir || target.startsWith(workdir + "/");
  };
  return !instructions.slice(0, at).some((i) => (i.keyword === "COPY" || i.keyword === "ADD") && i.args.length > 1 && into(i));
}

/**
 * The words of the CMD in effect, the default the user replaces; null when none is set, when it is
 * a shell line of several commands, or when the ENTRYPOINT (past an init wrapper) is more than one
 * program or script taking the CMD as its arguments.
 */
function defaultCommand(chain: Stage[]): string[] | null {
  let cmd: string[] | null = null;
  let entrypoint: string[] = [];
  for (const i of chain.flatMap((s) => s.instructions)) {
    const words = i.isJsonForm ? i.args.map((a) => a.value) : i.commands.length === 1 ? i.commands[0].words.map((w) => w.value) : null;
    if (i.keyword === "ENTRYPOINT") {
      entrypoint = words === null ? ["sh", "-c"] : withoutInitWrapper(words);
      cmd = null;
    } else if (i.keyword === "CMD") cmd = words;
  }
  return entrypoint.length <= 1 ? cmd : null;
}

/** True for a default command that prints a literal and exits: `echo hello`, `[..., "eval", "console.log('hi')"]`. */
function printsOnly(cmd: readonly string[] | null): boolean {
  if (cmd === null || cmd.length === 0) return false;
  const program = baseName(cmd[0]);
  if (program === "echo" || program === "printf") return true;
  return cmd.length >= 2 && EVAL_ARGS.test(cmd[cmd.length - 2]) && PRINT_LITERAL.test(cmd[cmd.length - 1].replace(/^(["'])(.*)\1$/, "$2").trim());
}

/**
 * Language runtimes and interpreters whose bare command opens a REPL: the default command of the
 * runtime images others build on (`CMD ["node"]`, `CMD ["python3"]`, `CMD ["bun"]`).
 */
const BARE_RUNTIMES = /^(?:node|nodejs|bun|deno|python[0-9.]*|pypy[0-9.]*|ruby|irb|php|perl|lua(?:jit)?|julia|R|jshell|ghci|iex|erl|racket|guile|sbcl)$/;

/**
 * True when the container's command is a language runtime alone (`CMD ["node"]`), run directly,
 * through an init wrapper, or through an entry script that hands over with `exec "$@"`: a runtime
 * image with no program of its own (the official node image's shape). The images that extend it
 * add the program and pick its user; a USER here would make their `apk add` and writes to system
 * paths fail.
 */
export function runsBareRuntime(model: DockerfileModel, chain: Stage[]): boolean {
  let entrypoint: string[] = [];
  let cmd: string[] | null = null;
  for (const i of chain.flatMap((s) => s.instructions)) {
    if (i.keyword !== "ENTRYPOINT" && i.keyword !== "CMD") continue;
    if (!i.isJsonForm) return false;
    const words = i.args.map((a) => a.value);
    if (i.keyword === "ENTRYPOINT") {
      entrypoint = words;
      cmd = null;
    } else cmd = words;
  }
  // The runtime as the ENTRYPOINT itself (`ENTRYPOINT ["node"]`, no CMD) reads the same.
  const command = cmd ?? [];
  const wrapper = withoutInitWrapper(entrypoint);
  if (wrapper.length > 0 && entryScriptHandover(model, wrapper) !== "replaces") {
    return cmd === null && wrapper.length === 1 && BARE_RUNTIMES.test(baseName(wrapper[0]));
  }
  return command.length === 1 && BARE_RUNTIMES.test(baseName(command[0]));
}
