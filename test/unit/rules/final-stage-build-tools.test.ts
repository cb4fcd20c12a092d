import { rule } from "../../../server/src/rules/final-stage-build-tools";
import { testRule } from "../../support/rule-tester";

/** An image whose entry script sources a library of functions copied with its folder to a path the ENV names. */
const SOURCING_IMAGE =
  'FROM ruby:3.3-slim\nENV APP_ASSETS=/etc/app\nENV RUNTIME_DIR=${APP_ASSETS}/runtime\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY assets/runtime/ ${RUNTIME_DIR}/\nCOPY entrypoint.sh /sbin/entrypoint.sh\nENTRYPOINT ["/sbin/entrypoint.sh"]\nCMD ["app:start"]\n';
/** The entry script: sources the library, calls its start steps, then starts the server. */
const SOURCING_ENTRY =
  "#!/bin/bash\nset -e\nsource ${RUNTIME_DIR}/functions\ncase ${1} in\n  app:start)\n    configure_app\n    install_plugins\n    exec puma\n    ;;\nesac\n";
/** The library: a function that runs its arguments as the app's user, and a plugin install through it. */
const PLUGIN_LIBRARY =
  '#!/bin/bash\nexec_as_app() {\n  if [[ $(whoami) == app ]]; then\n    $@\n  else\n    sudo -HEu ${APP_USER} "$@"\n  fi\n}\n\nconfigure_app() {\n  exec_as_app sed -i s/a/b/ /etc/app.conf\n}\n\ninstall_plugins() {\n  if [[ -d /data/plugins ]]; then\n    exec_as_app bundle install -j"$(nproc)" --quiet\n  fi\n}\n';

/** Jupyter's docker-stacks concatenated onto a CUDA base: its scipy section keeps build-essential for users' Cython builds. */
const CONCATENATED_STACKS =
  'FROM nvidia/cuda:12.9.1-runtime-ubuntu24.04\nCOPY fix-permissions /usr/local/bin/fix-permissions\nRUN fix-permissions /opt/conda\nCOPY start.sh /usr/local/bin/\nENTRYPOINT ["tini", "-g", "--", "start.sh"]\nCMD ["start-notebook.py"]\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nUSER ${NB_UID}\n';
/** A database image that keeps pip and the Python headers for the Python packages its extension installs when it runs. */
const RUN_TIME_PIP =
  'FROM postgres:17-bookworm\nRUN apt-get update && apt-get -y install postgresql-plpython3-17 python3-dev python3-venv python3-pip\nCOPY --from=build /build/python-wheels /python-wheels\nENTRYPOINT ["db-entrypoint.sh"]\nCMD ["postgres"]\n';

/** A research image's entry script: it loads the build environment and hands the command over. */
const HANDOVER_ENTRY = '#!/usr/bin/env bash\n. /opt/spack-environment/activate.sh\nexec "$@"\n';
/** A package-check image's program: installs a package's dependencies, then checks it (r-hub's r-check). */
const R_CHECK_SCRIPT =
  "#!/bin/bash\nset -e\nfor pkg in /check/*.tar.gz; do\n  R -q -e \"pak::pkg_install('deps::$pkg', dependencies = TRUE)\"\n  R CMD check $pkg\ndone\n";
/** An R check image on Ubuntu with `program` copied into its bin folder. */
const rCheckImage = (program: string) =>
  `FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y r-base && apt-get clean\nRUN apt-get update && apt-get install -y libcurl4-openssl-dev && apt-get clean\nRUN R -q -e 'install.packages("pak", lib = .Library)'\nCOPY ${program} /usr/local/bin\nWORKDIR /root\n`;
/** An entry script that hands over in both branches of its final `if` (PX4's: as a user, or as root). */
const BRANCHED_HANDOVER_ENTRY =
  '#!/bin/bash\nif [ -n "${LOCAL_USER_ID}" ]; then\n\techo "Starting with UID : $LOCAL_USER_ID"\n\tusermod -u $LOCAL_USER_ID user\n\texec gosu user "$@"\nelse\n\texec "$@"\nfi\n';
/** The same script with no `else`: without a user id it falls through and runs nothing. */
const ONE_BRANCH_HANDOVER_ENTRY = '#!/bin/bash\nif [ -n "${LOCAL_USER_ID}" ]; then\n\texec gosu user "$@"\nfi\n';
/** An image on Ubuntu with a C toolchain, an entry script that hands over, and `cmd` (a CMD line, or ""). */
const handoverToolchainImage = (cmd: string) =>
  `FROM ubuntu:22.04\nRUN apt-get update && apt-get -y --no-install-recommends install build-essential cmake ccache && rm -rf /var/lib/apt/lists/*\nRUN useradd --shell /bin/bash -u 1001 -m user\nCOPY scripts/entrypoint.sh /usr/local/bin/entrypoint.sh\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\n${cmd}`;
/** An image that builds the project in its final stage with build-essential, started through a handover script. */
const handoverImage = (cmd: string) =>
  `FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends git build-essential cmake && rm -rf /var/lib/apt/lists/*\nWORKDIR /project\nCOPY . src\nRUN cmake -B build -S src && cmake --build build\nCOPY docker/docker_entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ${cmd}\n`;
/** An agent's workspace image: a C compiler, then a Rust toolchain installed with rustup, then `after`. */
const rustupImage = (after: string) =>
  `FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl build-essential git && rm -rf /var/lib/apt/lists/*\nENV CARGO_HOME=/usr/local/cargo PATH=/usr/local/cargo/bin:$PATH\nRUN curl --proto '=https' -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal && rustup component add rust-analyzer\n${after}WORKDIR /workspace\nCOPY . .\nENTRYPOINT ["/bin/bash", "-c", "$0 $@"]\n`;

testRule(rule, {
  fires: [
    {
      // The counterpart of Electrum's Wine builder (silent below): a script of its own besides apt's configuration.
      name: "an image with no command that copies apt's configuration and a program of its own",
      code: "FROM debian:trixie\nCOPY apt.sources.list /etc/apt/sources.list\nRUN apt-get update && apt-get install -qy make cmake autotools-dev && rm -rf /var/lib/apt/lists/*\nCOPY tool.sh /usr/local/bin/tool\n",
      messageId: "buildToolsInstallOnly",
      line: 3,
    },
    {
      name: "a JDK in an image that builds its JVM code there: the compiler ships",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk maven && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN cd /src && mvn -q package && cp target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      // The runtime variant holds no toolkit: compilers added to it are the image's own choice to keep.
      name: "compilers on nvidia/cuda's runtime variant",
      code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc g++ && rm -rf /var/lib/apt/lists/*\nCOPY app.py /app/\nCMD ["python3", "/app/app.py"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      // Held-out BG, trackdechets-data-platform: Airflow's own command starts the scheduler and webserver.
      name: "compilers kept over a product image whose own command starts its service: no toolchain, judged",
      code: "FROM apache/airflow:2.10.4-python3.10\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends gcc build-essential libpq-dev\nUSER airflow\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
      messageId: "buildToolsInstallOnly",
      line: 3,
    },
    {
      // Held-out BG, jkeam/finance-web: psych in Gemfile.lock compiles against libyaml's yaml.h.
      name: "headers a later bundle install compiles native gems against: keep only the runtime libraries once built",
      code: 'FROM quay.io/fedora/ruby-33:20260408\nUSER 0\nRUN dnf install libyaml-devel -y\nUSER 1001\nCOPY --chown=1001:0 ./Gemfile* .\nRUN bundle install\nCOPY --chown=1001:0 . .\nCMD ["bin/rails", "server"]\n',
      messageId: "headersCompiled",
      line: 3,
    },
    {
      // Held-out BE, OpenFAST: users run `openfast` from the PATH with their input files.
      name: "no command, but an install tree copied from the build stage and put on the PATH: a program image, judged",
      code: "ARG BASE=ubuntu:jammy\nFROM ${BASE} AS build\nRUN apt-get update && apt-get install -y gfortran cmake libopenblas-dev\nCOPY . /openfast\nRUN cmake -S /openfast -B /build -DCMAKE_INSTALL_PREFIX=/openfast/install && make -C /build install\nFROM ${BASE} AS production\nCOPY --from=build /openfast/install /openfast/install\nRUN apt-get update -qq && apt-get install --no-install-recommends -y libopenblas-dev libgomp1 && rm -rf /var/lib/apt/lists/*\nENV PATH=/openfast/install/bin:$PATH\n",
      messageId: "headers",
      line: 8,
    },
    {
      name: "a Rust toolchain installed and used by the image's own build: the headers are build tools",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential pkg-config libssl-dev curl ca-certificates && rm -rf /var/lib/apt/lists/*\nRUN curl -sSf https://sh.rustup.rs | sh -s -- -y\nCOPY . /src\nRUN /root/.cargo/bin/cargo build --release --manifest-path /src/Cargo.toml\nCMD ["/src/target/release/app"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "a handover only in a branch without else, before a shell CMD: the script may not hand over",
      code: handoverToolchainImage('CMD ["/bin/bash"]\n'),
      context: { files: { "scripts/entrypoint.sh": ONE_BRANCH_HANDOVER_ENTRY } },
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "an app's own program named init as the command: no init system, a service",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nCOPY bin/init /app/bin/init\nCMD ["/app/bin/init"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      // The same shape as hermes-3's research image, but the handed-over command is the app.
      name: "an image whose handover entry script runs a server as its CMD",
      code: handoverImage('["/project/build/server"]'),
      context: { files: { "docker/docker_entrypoint.sh": HANDOVER_ENTRY } },
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "an R image whose copied program only renders a report: no package is built when it runs",
      code: rCheckImage("render-report"),
      context: { files: { "render-report": "#!/bin/bash\nRscript -e \"rmarkdown::render('/data/report.Rmd')\"\n" } },
      messageId: "headersCompiled",
    },
    {
      name: "a C compiler beside a rustup toolchain the build then uses: the program is built here",
      code: rustupImage("RUN cargo install --locked ripgrep\n"),
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "an image that only installs pre-commit, its start command another program's",
      code: 'FROM python:3.13-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN pip install --no-cache-dir pre-commit flask\nCOPY app.py /app.py\nCMD ["flask", "--app", "/app.py", "run"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      // Held-out AQ, stac-fastapi-pgstac: CI pushes the last stage, named `builder`, and it serves with uvicorn.
      name: "a final stage named builder that CI publishes and that starts a server",
      code: 'FROM python:3.14-slim AS base\nRUN apt-get update && apt-get install -y build-essential git && rm -rf /var/lib/apt/lists/*\nFROM base AS builder\nCOPY . /app\nRUN python -m pip install /app\nCMD ["uvicorn", "app:create_app", "--factory"]\n',
      context: { publishedByCi: true },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      // Held-out CP, wikmd: the published last stage kept the name `python-builder`, and serves on port 5000.
      name: "a final stage named for a language's builder that exposes a port and starts a server",
      code: 'FROM python:3.9-alpine3.17 AS python-base\nRUN python -m venv /venv\nFROM python-base AS python-builder\nRUN apk add build-base linux-headers\nCOPY ./src/wikmd /code/wikmd\nEXPOSE 5000\nCMD ["python", "-m", "wikmd.wiki"]\n',
      messageId: "buildToolsInstallOnly",
      line: 4,
    },
    {
      // Held-out AQ, valheim-server-docker: CI's `valheim-test` check image beside the push metadata-action tags.
      name: "a test tag on one CI build says nothing while another build's tags cannot be read",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libc6-dev gcc\nCMD ["/usr/local/sbin/bootstrap"]\n',
      context: { ciImageBuilds: [["valheim-test"], []] },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "Go and Rust toolchains beside a copied program, with a later build that uses them",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /app\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /out /app\nRUN apt-get update && apt-get install -y --no-install-recommends golang cargo\nRUN cargo install --root /usr/local ripgrep\nENTRYPOINT ["/app/tool"]\n',
      messageId: "buildToolsInstallOnly",
      line: 6,
    },
    {
      name: "a C compiler beside a copied program is still reported where nothing is built after it",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /app\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /out /app\nRUN apt-get update && apt-get install -y --no-install-recommends golang gcc\nENTRYPOINT ["/app/tool"]\n',
      messageId: "buildToolsInstallOnly",
      line: 6,
    },
    {
      name: "a RUN that only installs Python's packaging tools after the compiler builds nothing: the build stage is the remedy",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache build-base python3-dev py3-pip && python3 -m ensurepip --upgrade && pip install -U setuptools pip==24.0 wheel\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "compose mounts the source over the development target only: the production stage last in the file ships",
      code: 'FROM alpine:3.22 AS base\nRUN apk add --no-cache build-base python3-dev\nFROM base AS development\nCMD ["dev"]\nFROM base AS production\nCOPY . .\nCMD ["docker/run.sh"]\n',
      context: { composeSourceMountTargets: ["development"] },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      // Held-out CS, Let's Church: compose mounts the sources over the targets GitLab CI pushes.
      name: "compose mounts the source over the last stage, which CI also builds with --target and pushes: it ships",
      code: 'FROM alpine:3.22 AS base\nRUN apk add --no-cache build-base python3-dev\nCOPY . .\nFROM base AS worker\nCMD ["worker"]\n',
      context: { composeSourceMountTargets: ["worker"], publishedTargets: ["worker"] },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "a Jupyter image that only runs a notebook as a batch job is no workbench",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nCOPY report.ipynb /srv/\nCMD ["jupyter", "nbconvert", "--execute", "/srv/report.ipynb"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "a docker-stacks base whose image starts a program of its own is an app",
      code: 'FROM acme/notebook-base:5\nUSER root\nRUN apt-get update && apt-get install -y gcc && fix-permissions /srv\nCOPY app.py /srv/\nCMD ["python", "/srv/app.py"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      // Held-out CB, linkedin/oncall: python-ldap (source only) compiles against these in the
      // `bash -c` script a later RUN runs; "install their runtime libraries instead" was judged wrong.
      name: "Python's headers kept with others, and a later RUN pip-installs in a shell's -c script: they serve that compile",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev python3-venv libldap2-dev libsasl2-dev && rm -rf /var/lib/apt/lists/*\nCOPY . /srv/app\nRUN python3 -m venv /srv/env && /bin/bash -c 'source /srv/env/bin/activate && cd /srv/app && pip install .'\nCMD [\"/srv/env/bin/app\"]\n",
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'python3-dev', 'libldap2-dev' and 1 more" },
    },
    {
      name: "the Python headers without pip: nothing in the image installs Python packages",
      code: RUN_TIME_PIP.replace(" python3-pip", ""),
      messageId: "headers",
      data: { shipped: "final image", packages: "'python3-dev'" },
    },
    {
      name: "pip installed and run by a later RUN: the headers serve the build",
      code: RUN_TIME_PIP.replace("COPY --from", "RUN pip3 install --break-system-packages psycopg2\nCOPY --from"),
      messageId: "headersCompiled",
      line: 2,
      data: { shipped: "final image", packages: "'python3-dev'" },
    },
    {
      name: "pip installed and run as a module by a later RUN",
      code: RUN_TIME_PIP.replace("COPY --from", "RUN python3 -m venv /venv && /venv/bin/python -m pip install -r /req.txt\nCOPY --from"),
      messageId: "headersCompiled",
    },
    {
      name: "pip installed, and pipx installs packages with it in the same RUN",
      code: RUN_TIME_PIP.replace("python3-pip", "python3-pip pipx && pipx install tokenizers"),
      messageId: "headersCompiled",
    },
    {
      name: "pip installed, and uv installs packages through its pip interface",
      code: RUN_TIME_PIP.replace("COPY --from", "RUN uv pip install --system psycopg2\nCOPY --from"),
      messageId: "headersCompiled",
    },
    {
      name: "pip installed, and poetry installs the project's packages",
      code: RUN_TIME_PIP.replace("COPY --from", "RUN poetry install --only main\nCOPY --from"),
      messageId: "headersCompiled",
    },
    {
      // Review AL #7: the project's own setup.py compiles its extensions against the headers.
      name: "pip installed, and setup.py installs the project at build",
      code: RUN_TIME_PIP.replace("COPY --from", "COPY . /src\nRUN cd /src && python3 setup.py install\nCOPY --from"),
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'python3-dev'" },
    },
    {
      name: "pip installed, and a script the whole-context copy brought runs pip",
      code: RUN_TIME_PIP.replace("COPY --from", "WORKDIR /app\nCOPY . .\nRUN ./install.sh\nCOPY --from"),
      context: { files: { "install.sh": "#!/bin/sh\nset -e\nsudo pip3 install --break-system-packages -r requirements.txt\n" } },
      messageId: "headers",
    },
    {
      name: "pip installed, and a script copied by name and run by a shell runs python -m build",
      code: RUN_TIME_PIP.replace("COPY --from", "COPY scripts/wheels.sh /tmp/\nRUN bash /tmp/wheels.sh\nCOPY --from"),
      context: { files: { "scripts/wheels.sh": "cd /src && python3 -m build --wheel\n" } },
      messageId: "headers",
    },
    {
      name: "pip installed, and easy_install or pip-sync installs packages without the pip program",
      code: RUN_TIME_PIP.replace("COPY --from", "RUN easy_install-3.11 supervisor && pip-sync requirements.txt\nCOPY --from"),
      messageId: "headersCompiled",
    },
    {
      name: "pip installed for run time: the compiler beside the Python headers is still reported",
      code: RUN_TIME_PIP.replace("python3-dev", "gcc python3-dev"),
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc'" },
    },
    {
      name: "a test stage last in the file, CI pushing the web target: the web image keeps the compiler",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk add --no-cache build-base postgresql-dev\nWORKDIR /app\nFROM base AS web\nCOPY . .\nCMD ["bin/rails", "server"]\nFROM web AS test\nRUN apk add --no-cache chromium\nCMD ["bin/rails", "test"]\n',
      context: { buildTargets: ["web"] },
      messageId: "buildToolsInstallOnly",
      line: 2,
      data: { shipped: "'web' image", packages: "'build-base', 'postgresql-dev'" },
    },
    {
      name: "two pushed targets on one base: one finding for the base's install",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk add --no-cache build-base\nFROM base AS web\nCMD ["bin/rails", "server"]\nFROM base AS worker\nCMD ["bin/jobs"]\nFROM web AS test\nCMD ["bin/rails", "test"]\n',
      context: { buildTargets: ["web", "worker"] },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "a note that builds the app inside the container, in the RUN that builds it",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y gcc libssl-dev \\\n    # building the app inside the container\n    && make -C /src\nCMD ["/src/app"]\n',
      messageId: "buildTools",
    },
    {
      name: "libomp-dev in an image without Intel MKL: the runtime package is enough",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libomp-dev ca-certificates\nCOPY app /usr/local/bin/app\nCMD ["app"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libomp-dev'" },
    },
    {
      name: "beside copied Intel MKL, the other -dev package is still reported, libomp-dev is not",
      code: 'FROM debian:bookworm-slim AS mkl\nRUN apt-get update && apt-get install -y intel-oneapi-mkl-devel\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libomp-dev libssl-dev\nCOPY --from=mkl /opt/intel/oneapi/mkl/latest/lib/intel64/libmkl_core.so.2 /usr/local/lib/\nCMD ["router"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libssl-dev'" },
      line: 4,
    },
    {
      name: "an app whose stage is named runner and whose ENV names no CI agent's setting is not a CI agent",
      code: 'FROM debian:bookworm-slim AS runner\nENV RUNNER_PORT=8080\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libssl-dev && rm -rf /var/lib/apt/lists/*\nCOPY . /srv\nCMD ["/srv/bin/serve"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-essential', 'libssl-dev'" },
    },
    {
      name: "an R server started with an R script of its own is an app",
      code: 'FROM rocker/r-ver:4.4.1\nRUN apt-get update && apt-get install -y --no-install-recommends libxml2-dev && rm -rf /var/lib/apt/lists/*\nRUN install2.r --error xml2 plumber\nCOPY api.R /srv/api.R\nEXPOSE 8000\nCMD ["Rscript", "/srv/api.R"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libxml2-dev'" },
    },
    {
      name: "an R app installed from a git remote is a program of the image's own",
      code: 'FROM rocker/r-ver:4.4.1\nRUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN Rscript -e "remotes::install_github(\'acme/dashboard\')"\nEXPOSE 3838\nCMD ["R", "-e", "dashboard::run()"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libpq-dev'" },
    },
    {
      name: "headers a later RUN compiles an R package from a source folder against (R CMD INSTALL): purge after that compile",
      code: 'FROM example/r-api-base:4.4\nRUN apt-get update && apt-get install -y --no-install-recommends libzmq3-dev libyaml-dev && rm -rf /var/lib/apt/lists/*\nCOPY . /pkg\nRUN R CMD INSTALL /pkg\nEXPOSE 8000\nENTRYPOINT ["/usr/local/bin/serve"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libzmq3-dev', 'libyaml-dev'" },
    },
    {
      name: "an interpreter started with a script of the image's own is an app, not a language base",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends r-base-core r-base-dev && rm -rf /var/lib/apt/lists/*\nCOPY report.R /srv/report.R\nCMD ["Rscript", "/srv/report.R"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'r-base-dev'" },
    },
    {
      name: "a bare shell start with a program copied from a build stage is still an app",
      code: 'FROM ubuntu:24.04 AS build\nRUN make\nFROM ubuntu:24.04\nRUN apt-get update && apt-get install -y ffmpeg libsdl2-dev cmake && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /app /app\nENTRYPOINT ["bash", "-c"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'libsdl2-dev', 'cmake'" },
    },
    {
      name: "a header that mentions tests in passing does not make a test image",
      code: '# API server image. Tests run in CI, see test.yml.\nFROM alpine:3.22\nRUN apk add --no-cache build-base cmake openssl-dev\nCOPY . /src\nRUN cmake -S /src -B /b && make -C /b install\nCMD ["/usr/local/bin/server"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "a compiler kept while the file removes nothing it builds with",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache build-base cmake openssl-dev\nCOPY . /src\nRUN cmake -S /src -B /b && make -C /b install\nCMD ["/usr/local/bin/server"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-base', 'cmake' and 1 more" },
    },
    {
      name: "headers kept beside a build group the RUN removes again: the compile between may need them, so purge them after it",
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev python3-dev \\\n && apk add --no-cache python3 py3-pip libxml2-dev \\\n && pip install --break-system-packages lxml \\\n && apk del .build-deps\nCMD ["python3", "-m", "app"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libxml2-dev'" },
    },
    {
      name: "headers for R packages a later RUN installs: CRAN has no Linux binaries, so they compile there",
      code: 'FROM rocker/r-ver:4.4.1\nRUN apt-get update && apt-get install -y --no-install-recommends libxml2-dev libsodium-dev && rm -rf /var/lib/apt/lists/*\nRUN Rscript -e "install.packages(c(\'xml2\', \'sodium\'))"\nCMD ["Rscript", "serve.R"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libxml2-dev', 'libsodium-dev'" },
    },
    {
      name: "headers a later RUN's pip install builds against, with a compiler installed and removed for it: purge them after that build",
      code: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install --yes nginx libpq-dev && apt-get clean\nCOPY requirements.txt ./\nRUN apt-get install --yes gcc && pip install --no-cache-dir -r requirements.txt && apt-get remove --yes gcc && apt-get autoremove --yes\nCMD ["supervisord"]\n',
      messageId: "headersCompiled",
      line: 2,
      token: "libpq-dev",
      data: { shipped: "final image", packages: "'libpq-dev'" },
      output: null,
    },
    {
      name: "a later RUN that installs a compiler but builds nothing after it does not make the headers compiled",
      code: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install --yes libpq-dev && apt-get clean\nRUN apt-get install --yes gcc && rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n',
      messageId: "buildToolsMany",
      line: 2,
      data: { shipped: "final image", packages: "'libpq-dev'", count: 1 },
    },
    {
      name: "a RUN that only installs the toolchain serves a later RUN: no 'remove them in this RUN'",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libopencv-dev && rm -rf /var/lib/apt/lists/*\nRUN ./build-extension.sh\nCMD ["server"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-essential', 'libopencv-dev'" },
    },
    {
      // Held-out CR, Podly: Python's headers only for bases without Python 3.11, the compiler always.
      name: "of two installs in one RUN, the one every build runs is reported, not one inside a branch",
      code: 'FROM python:3.11-slim\nRUN apt-get update && if ! python3 --version | grep -q 3.11; then apt-get install -y python3.11-dev; fi && apt-get install -y --no-install-recommends libsqlite3-dev build-essential && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\nCMD ["python", "/app/main.py"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
      token: "libsqlite3-dev",
      data: { shipped: "final image", packages: "'libsqlite3-dev', 'build-essential'" },
      output: null,
    },
    {
      // Held-out CR, Swords and Ravens: Dokku starts the copied Procfile's processes; the image has no CMD.
      name: "an image without a command that ships a Procfile is an app, not a toolchain",
      code: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCOPY website.Procfile Procfile\n",
      messageId: "buildToolsInstallOnly",
      line: 2,
      data: { shipped: "final image", packages: "'gcc', 'libpq-dev'" },
      output: null,
    },
    {
      name: "a RUN that builds right after installing can drop its tools itself",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y gcc make && make -C /src install && rm -rf /var/lib/apt/lists/*\nCMD ["tool"]\n',
      messageId: "buildTools",
      data: { shipped: "final image", packages: "'gcc', 'make'" },
    },
    {
      name: "the RUN removes the compilers it named again: only the headers left out of the removal are reported, to purge after the compile they served",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libffi-dev libpq-dev && pip install -r requirements.txt && apt-get autoremove --purge -y gcc libffi-dev\nCMD ["python", "app.py"]\n',
      messageId: "headersCompiled",
      line: 2,
      token: "libpq-dev",
      data: { shipped: "final image", packages: "'libpq-dev'" },
      output: null,
    },
    {
      name: "on php's Debian image, the headers the RUN adds are reported, not the compiler the base keeps",
      code: 'FROM php:8.4-fpm-bookworm\nRUN apt-get install -y gcc libxslt1-dev && docker-php-ext-install xsl\nCMD ["php-fpm"]\n',
      messageId: "headersCompiled",
      line: 2,
      token: "libxslt1-dev",
      data: { shipped: "final image", packages: "'libxslt1-dev'" },
      output: null,
    },
    {
      name: "php's Alpine images remove their toolchain, so a compiler installed again is kept by this RUN",
      code: 'FROM php:8.4-fpm-alpine\nRUN apk add --no-cache gcc make && pecl install redis\nCMD ["php-fpm"]\n',
      messageId: "buildTools",
      data: { shipped: "final image", packages: "'gcc', 'make'" },
    },
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
      token: "gcc",
      data: { shipped: "final image", packages: "'gcc', 'libpq-dev'" },
      output: null,
    },
    {
      name: "a comment naming a CI workflow file (test-only.yml) does not make a development image",
      code: '# For the GitHub Action test purpose (test-only.yml).\nFROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 3,
    },
    {
      name: "a Dockerfile.dev that CI builds and pushes ships its compilers",
      code: 'FROM node:22-slim\nRUN apt-get install -y --no-install-recommends g++ make\nCMD ["node", "server.js"]\n',
      context: { dockerfilePath: "Dockerfile.dev", publishedByCi: true },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "git is not listed, the compiler is",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache git build-base\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
      token: "build-base",
      data: { shipped: "final image", packages: "'build-base'" },
    },
    {
      name: "dnf -devel with make next to it",
      code: 'FROM fedora:42\nRUN dnf install -y make openssl-devel\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
      token: "make",
      data: { shipped: "final image", packages: "'make', 'openssl-devel'" },
    },
    {
      name: "-dev headers alone in a runtime stage (lighthouse's libssl-dev)",
      code: "FROM rust:1.90 AS build\nRUN cargo build --release\nFROM ubuntu:22.04\nRUN apt-get install -y libssl-dev ca-certificates\nCOPY --from=build /app/target/release/node /usr/local/bin/node\n",
      messageId: "headers",
      line: 4,
      data: { shipped: "final image", packages: "'libssl-dev'" },
    },
    {
      name: "long lists are cut",
      code: 'FROM debian:bookworm-slim\nRUN apt-get install -y gcc g++ make cmake libssl-dev\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc', 'g++' and 3 more" },
    },
    {
      name: "version-pinned package",
      code: 'FROM debian:bookworm-slim\nRUN apt-get install -y build-essential=12.9\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-essential'" },
    },
    {
      name: "installed in a parent stage of the final",
      code: 'FROM debian:bookworm-slim AS base\nRUN apt-get install -y gcc\nFROM base\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "removed in a later RUN still leaves a layer",
      code: 'FROM alpine:3.22\nRUN apk add gcc\nRUN apk del gcc\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "a comment about building does not excuse the compiler",
      code: '# gcc to build the wheels\nFROM python:3.13-slim\n# gcc to build the wheels\nRUN apt-get install -y gcc\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 4,
    },
    {
      // Held-out CD, Castopod: "install their runtime libraries instead" judged wrong, the RUN ends configuring gd against them.
      name: "headers that install-php-extensions and docker-php-ext-configure build against in the same RUN",
      code: 'FROM dunglas/frankenphp:1-php8.4-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libfreetype6-dev libjpeg62-turbo-dev libwebp-dev && install-php-extensions intl gd && docker-php-ext-configure gd --with-webp --with-jpeg --with-freetype\nCOPY . /app\nCMD ["frankenphp", "run"]\n',
      messageId: "headersCompiled",
    },
    {
      // pterodactyl, koel, grav: headers the RUN compiles PHP extensions against. Runtime libraries
      // instead would fail the compile; purging them afterwards (apk del, apt-mark + purge) drops them.
      name: "-dev packages of a PHP extension build in the same RUN: purge after the build",
      code: 'FROM php:8.4-fpm-alpine\nRUN apk add --no-cache libzip-dev icu-dev && docker-php-ext-install zip intl\nCMD ["php-fpm"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libzip-dev', 'icu-dev'" },
    },
    {
      name: "headers a later RUN of the final stage compiles against: purge after the build, not runtime libraries",
      code: 'FROM php:8.2-apache\nRUN apt-get install -y libpq-dev libonig-dev\nRUN docker-php-ext-configure pgsql\nRUN docker-php-ext-install pgsql mbstring\nCMD ["apache2-foreground"]\n',
      messageId: "headersCompiled",
      line: 2,
      token: "libpq-dev",
      data: { shipped: "final image", packages: "'libpq-dev', 'libonig-dev'" },
    },
    {
      name: "headers compiled only by an earlier RUN: the runtime libraries are the remedy",
      code: 'FROM debian:bookworm-slim\nRUN make -C /opt/tool install\nRUN apt-get install -y libsqlite3-dev\nCMD ["tool"]\n',
      messageId: "headers",
      line: 3,
      data: { shipped: "final image", packages: "'libsqlite3-dev'" },
    },
    {
      name: "an entry script that starts a server keeps the finding, even with an empty working folder",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /opt/app /opt/app\nRUN apt-get install -y --no-install-recommends build-essential cmake\nWORKDIR /src\nENTRYPOINT ["/opt/app/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": "#!/bin/sh\n/opt/app/bin/server --port 8080\n" } },
      messageId: "buildToolsInstallOnly",
      line: 3,
    },
    {
      // laradock: one RUN per extension; one finding for the file, on the first, with a count.
      name: "one finding for many RUNs that keep headers",
      code: 'FROM php:8.4-fpm\nRUN apt-get install -y libzip-dev && docker-php-ext-install zip\nRUN apt-get install -y libgmp-dev libicu-dev libxml2-dev && docker-php-ext-install gmp intl\nRUN apt-get install -y libpq-dev\nCMD ["php-fpm"]\n',
      messageId: "buildToolsMany",
      line: 2,
      count: 1,
      token: "libzip-dev",
      data: { shipped: "final image", packages: "'libzip-dev'", count: 2 },
    },
    {
      name: "a header above the RUN calling the list runtime dependencies is not enough",
      code: 'FROM node:24-alpine AS build\nRUN npm ci\nFROM node:24-alpine\n# Install runtime dependencies\nRUN apk add --no-cache chromium make g++ cairo-dev\nCMD ["node", "index.js"]\n',
      messageId: "buildToolsInstallOnly",
      line: 5,
    },
    {
      name: "a runtime header that says the build dependencies are removed later is not enough",
      code: 'FROM python:3.12-slim\n# Runtime dependencies; build dependencies are purged after the wheels compile\nRUN apt-get install -y gcc libpq-dev\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 3,
    },
    {
      name: "a link in the same RUN to another package's file does not excuse the -dev package",
      code: 'FROM debian:bookworm-slim\nRUN apt-get install -y python3 libxml2-dev && ln -s /usr/bin/python3 /usr/local/bin/python\nCMD ["python", "app.py"]\n',
      messageId: "headers",
      line: 2,
      data: { shipped: "final image", packages: "'libxml2-dev'" },
    },
    {
      name: "the compiler stays reported when the -dev package next to it is linked on purpose",
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y g++ musl-dev && ln -s /usr/lib/x86_64-linux-musl/libc.so /lib/libc.musl-x86_64.so.1\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      line: 2,
      data: { shipped: "final image", packages: "'g++'" },
    },
    {
      name: "a test layer over an image whose entry script installs packages at start, with no --target saying that image is built",
      code: 'FROM python:3.12-slim AS app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\nCMD ["start"]\nFROM app AS app-bats\nENTRYPOINT ["/usr/local/bin/bats"]\n',
      context: { files: { "entry.sh": '#!/bin/sh\nset -e\nif [ -n "$PIP_PKGS" ]; then pip install $PIP_PKGS; fi\nexec /srv/bin/serve "$@"\n' } },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc', 'libpq-dev'" },
    },
    {
      name: "a test layer over a --target image whose entry script only starts the server",
      code: 'FROM python:3.12-slim AS app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\nCMD ["start"]\nFROM app AS app-bats\nENTRYPOINT ["/usr/local/bin/bats"]\n',
      context: { files: { "entry.sh": '#!/bin/sh\nset -e\nexec /srv/bin/serve "$@"\n' }, buildTargets: ["app", "app-bats"] },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc', 'libpq-dev'" },
    },
    {
      name: "a compiler the test layer adds over a --target image that installs packages at start",
      code: 'FROM python:3.12-slim AS app\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\nFROM app AS app-bats\nRUN apt-get install -y build-essential\nENTRYPOINT ["/usr/local/bin/bats"]\n',
      context: {
        files: { "entry.sh": '#!/bin/sh\nset -e\nif [ -n "$PIP_PKGS" ]; then pip install $PIP_PKGS; fi\nexec /srv/bin/serve "$@"\n' },
        buildTargets: ["app", "app-bats"],
      },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-essential'" },
    },
    {
      name: "an entry script that only starts the server: the compiler is a leftover",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache build-base\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/bin/sh", "/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": "#!/bin/sh\n# mix setup is done in CI\nexec mix phx.server\n" } },
      messageId: "buildToolsInstallOnly",
      line: 2,
    },
    {
      name: "a start that builds and then runs the program it built is a service, not a build job",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libssl-dev dotnet-sdk-8.0\nCOPY . /src\nWORKDIR /src\nCMD dotnet publish -c Release -o /out && dotnet /out/App.dll\n",
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc', 'libssl-dev'" },
    },
    {
      name: "rebar3's shell runs the project rather than building it: the compiler is a leftover",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libssl-dev\nCOPY . /app\nWORKDIR /app\nCMD ./rebar3 as prod shell\n",
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc', 'libssl-dev'" },
    },
    {
      name: "a native program copied in may link the allocator: outside a JVM the runtime package is the remedy",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev ca-certificates\nCOPY linux/ /usr/local/bin/\nCMD ["server"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libjemalloc-dev'" },
    },
    {
      name: "a JVM image that shows a preload of the versioned allocator file: the runtime package has it",
      code: 'FROM ubuntu:24.04\nCOPY --from=eclipse-temurin:21-jre /opt/java/openjdk /opt/java/openjdk\nENV JAVA_HOME=/opt/java/openjdk\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev\nENV LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2\nCMD ["/opt/app/bin/app"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libjemalloc-dev'" },
    },
    {
      name: "in a JVM image only the allocator's -dev package is left alone, not other headers",
      code: 'FROM eclipse-temurin:21-jre\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev libssl-dev\nCMD ["/opt/app/bin/app"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libssl-dev'" },
    },
    {
      name: "a RUN that writes the versioned allocator file into /etc/ld.so.preload: the runtime package has it",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev && echo /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 > /etc/ld.so.preload\nCMD ["server"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libjemalloc-dev'" },
    },
    {
      name: "a context script the image neither copies nor runs preloads nothing in it, nor does a library it names",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev libssl-dev\nCOPY server /usr/local/bin/\nCMD ["server"]\n',
      context: {
        files: { "scripts/bench.sh": "#!/bin/sh\nLD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so ./server --bench\nldd ./server | grep libssl.so\n" },
      },
      messageId: "headers",
      data: { shipped: "final image", packages: "'libjemalloc-dev', 'libssl-dev'" },
    },
    {
      name: "the entry script's preload names jemalloc: a library the script names elsewhere is not preloaded",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev libssl-dev\nCOPY server entry.sh /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/entry.sh"]\n',
      context: {
        files: {
          "entry.sh":
            "#!/bin/sh\nldd /usr/local/bin/server | grep -q libssl.so || exit 1\nexport LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so\nexec server\n",
        },
      },
      messageId: "headers",
      data: { shipped: "final image", packages: "'libssl-dev'" },
    },
    {
      name: "a RUN that preloads the allocator for its own self-test: the container's start preloads nothing",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev\nCOPY server /usr/local/bin/\nRUN LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so server --selftest\nCMD ["server"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libjemalloc-dev'" },
    },
    {
      name: "a RUN that removes /etc/ld.so.preload writes no preload, whatever library it names",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev && ls -l /usr/lib/x86_64-linux-gnu/libjemalloc.so && rm -f /etc/ld.so.preload\nCMD ["server"]\n',
      messageId: "headers",
      data: { shipped: "final image", packages: "'libjemalloc-dev'" },
    },
    {
      name: "a shell-form ENTRYPOINT ignores CMD: the build the CMD names never runs, the server does",
      code: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev\nCOPY server /usr/local/bin/\nCMD gcc -o /out/x x.c\nENTRYPOINT exec /usr/local/bin/server\n",
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "an exec-form ENTRYPOINT gets a shell-form CMD as its arguments: the server runs, not the build",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc maven\nCOPY server /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/server"]\nCMD mvn package && cp target/app.jar /out/\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "a versioned preload is the runtime package's file: the -dev package is not needed",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y install libjemalloc-dev\nENV LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2\nCMD ["app"]\n',
      messageId: "headers",
    },
    {
      name: "a preload keeps its own -dev package only, not the compiler next to it",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y install gcc libjemalloc-dev\nENV LD_PRELOAD=libjemalloc.so\nCMD ["app"]\n',
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc'" },
    },
    {
      name: "Xdebug only in an opt-in branch: the default image is not a development one",
      code: 'FROM php:8.3-fpm-alpine\nARG INSTALL_XDEBUG=false\nRUN apk add --no-cache build-base libpng-dev\nRUN if [ ${INSTALL_XDEBUG} = true ]; then pecl install xdebug; fi\nCMD ["php-fpm"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "headers alone in a .NET runtime image: P/Invoke may want the bare .so, so the remedy says when it does not",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nCOPY . /src\nRUN dotnet publish /src/App.csproj -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:9.0\nRUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev\nCOPY --from=build /out /app\nENTRYPOINT ["dotnet", "/app/App.dll"]\n',
      messageId: "headersManaged",
      data: { packages: "'libsqlite3-dev'" },
    },
    {
      name: "headers and kernel headers kept after the compilers are removed: keep the runtime libraries the extensions load",
      code: 'FROM php:8.3-fpm-alpine\nRUN apk add --no-cache libpng-dev gmp-dev linux-headers autoconf make gcc g++ libc-dev \\\n && docker-php-ext-install gd gmp sockets \\\n && apk del autoconf make gcc g++ libc-dev\nCMD ["php-fpm"]\n',
      messageId: "headersCompiled",
      data: { shipped: "final image", packages: "'libpng-dev', 'gmp-dev' and 1 more" },
    },
    {
      name: "pkg-config the start script does not run is still a build tool",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y pkg-config libjemalloc-dev\nCOPY start.sh /srv/\nCMD ["/srv/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\nexec python -m worker\n" } },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'pkg-config', 'libjemalloc-dev'" },
    },
    {
      name: "a versioned name opened with ctypes is the runtime package's file",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libmagic-dev\nCOPY worker/ /app/\nCMD ["python", "/app/main.py"]\n',
      context: { files: { "worker/native.py": 'import ctypes\nlib = ctypes.CDLL("libmagic.so.1")\n' } },
      messageId: "headers",
    },
    {
      name: "a list entry that names the package for building does not excuse it",
      code: 'FROM ubuntu:24.04\n# What the Python packages need:\n# Building C extensions: gcc libffi-dev\nRUN apt-get update && apt-get install -y --no-install-recommends gcc curl\nCMD ["python3", "app.py"]\n',
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "a comment inside the RUN about building does not excuse the package",
      code: 'FROM python:3.13-slim\nRUN apt-get update \\\n    # gcc is only here to build the wheels\n    && apt-get install -y gcc \\\n    && pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      messageId: "buildTools",
    },
    {
      name: "a compose mount over the working folder of an image that copies its sources there: a production image, still judged",
      code: 'FROM ruby:3.3-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /srv/app\nCOPY . .\nRUN bundle install\nCMD ["bin/rails", "server"]\n',
      context: {
        composeServices: [
          { file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [{ target: "/srv/app", source: "host", readOnly: false }] },
        ],
      },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-essential', 'libpq-dev'" },
    },
    {
      name: "a compose mount over the working folder of an image that copies its tree into / (which holds that folder): still judged",
      code: 'FROM ruby:3.3-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY rootfs/ /\nWORKDIR /srv/app/\nRUN bundle install\nCMD ["bin/rails", "server"]\n',
      context: {
        composeServices: [
          { file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [{ target: "/srv/app", source: "host", readOnly: false }] },
        ],
      },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'build-essential', 'libpq-dev'" },
    },
    {
      // Held-out CA, cashubtc/nutshell (missed): the published mint's Dockerfile has no CMD; the
      // compose service that builds it starts `poetry run mint`. The silent counterpart is the
      // build-environment image with compilers and no command below.
      name: "no command in the file, but the compose service that builds it starts the program: a service, not a toolchain",
      code: "FROM python:3.10-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev g++ && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n",
      context: {
        composeServices: [{ file: "docker-compose.yaml", builds: true, image: null, user: null, mounts: [], command: ["poetry", "run", "mint"] }],
      },
      messageId: "buildToolsInstallOnly",
    },
    {
      name: "a named volume over the working folder is data, not mounted sources",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libffi-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /var/lib/worker\nCOPY worker.py /usr/local/bin/worker.py\nCMD ["python", "/usr/local/bin/worker.py"]\n',
      context: {
        composeServices: [
          { file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [{ target: "/var/lib/worker", source: "volume", readOnly: false }] },
        ],
      },
      messageId: "buildToolsInstallOnly",
      data: { shipped: "final image", packages: "'gcc', 'libffi-dev'" },
    },
    {
      name: "an entry script that execs its command, in an image that copies a program of its own: an app, still judged",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends r-base libxml2-dev libcurl4-openssl-dev && rm -rf /var/lib/apt/lists/*\nCOPY api/ /srv/api/\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": '#!/bin/sh\nset -e\nexec "$@"\n' } },
      messageId: "headers",
      data: { shipped: "final image", packages: "'libxml2-dev', 'libcurl4-openssl-dev'" },
    },
    {
      name: "a sourced library's plugin install in a function the entry script never calls: not part of the start",
      code: SOURCING_IMAGE,
      context: { files: { "entrypoint.sh": SOURCING_ENTRY.replace("    install_plugins\n", ""), "assets/runtime/functions": PLUGIN_LIBRARY } },
      messageId: "buildToolsInstallOnly",
      line: 4,
    },
    {
      name: "a library the entry script sources from a path the file copies nothing to is not the context's copy",
      code: SOURCING_IMAGE.replace("COPY assets/runtime/ ${RUNTIME_DIR}/", "COPY assets/runtime/ /opt/runtime/"),
      context: { files: { "entrypoint.sh": SOURCING_ENTRY, "assets/runtime/functions": PLUGIN_LIBRARY } },
      messageId: "buildToolsInstallOnly",
      line: 4,
    },
    {
      name: "a function that only prints its arguments does not run them",
      code: SOURCING_IMAGE,
      context: {
        files: {
          "entrypoint.sh": SOURCING_ENTRY,
          "assets/runtime/functions":
            '#!/bin/bash\nexec_as_app() {\n  echo "would run: $@"\n}\nconfigure_app() { :; }\ninstall_plugins() {\n  exec_as_app bundle install\n}\n',
        },
      },
      messageId: "buildToolsInstallOnly",
      line: 4,
    },
  ],
  silent: [
    {
      name: "compose mounts the source over the last stage and nothing pushes it: a development container",
      code: 'FROM alpine:3.22 AS base\nRUN apk add --no-cache build-base python3-dev\nCOPY . .\nFROM base AS worker\nCMD ["worker"]\n',
      context: { composeSourceMountTargets: ["worker"], publishedTargets: ["other"] },
    },
    {
      // Held-out CT, Sequencescape: no command in the file; compose starts an entry script that runs `bundle install`.
      name: "no command in the file, and the compose service that builds it starts an entry script that installs gems",
      code: "FROM ruby:3.4-slim\nRUN apt-get update && apt-get install -y build-essential default-libmysqlclient-dev\nWORKDIR /code\nADD . /code/\nRUN bundle install\n",
      context: {
        composeServices: [{ file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [], entrypoint: ["bash", "-c", "./entrypoint.sh"] }],
        files: { "entrypoint.sh": "#!/bin/bash\nset -e\nbundle install\nexec bundle exec rails s -b 0.0.0.0\n" },
      },
    },
    {
      // flyte/mqtt-io (held-out CO): its modules pip-install their requirements (RPi.GPIO, a C extension) when they load.
      name: "a compiler kept under a comment saying packages are built at run time",
      code: 'FROM python:3.8-slim\n# Install gcc so packages installed durring runtime may be build\nRUN apt-get update && apt-get install -y gcc && gcc --version\nCMD ["venv/bin/python", "-m", "mqtt_io", "/config.yml"]\n',
    },
    {
      // Held-out CN, Jobe in a box: it compiles the C, Pascal and Java programs Moodle sends it.
      name: "an image that installs the compilers of three languages serves them",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get --no-install-recommends install -yq apache2 build-essential fp-compiler default-jdk php python3 && rm -rf /var/lib/apt/lists/*\nCMD ["/usr/sbin/apache2ctl", "-D", "FOREGROUND"]\n',
    },
    {
      // Held-out BZ, HDX's CKAN: apt installs the virtual libxslt-dev as libxslt1-dev, which the RUN removes.
      name: "a virtual -dev name installed, its provider removed by the same RUN",
      code: 'FROM ubuntu:jammy\nRUN apt-get update && apt-get install -y build-essential python3-pip libxslt-dev && pip install lxml && apt-get remove -y build-essential libxslt1-dev && apt-get -y autoremove && rm -rf /var/lib/apt/lists/*\nCMD ["python3", "-m", "app"]\n',
    },
    {
      // Held-out BL, weserv: the Red Hat family's -devel package holds the unversioned file the preload names.
      name: "jemalloc-devel in a Rocky Linux image that preloads libjemalloc.so by its unversioned name",
      code: 'FROM rockylinux:9\nRUN dnf install -y epel-release && dnf install -y jemalloc-devel nginx && dnf clean all\nENV LD_PRELOAD=/usr/lib64/libjemalloc.so\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      // Held-out BK, automq: the broker tarball is built on the CI host; the image unpacks it and runs
      // it on the JDK, whose jcmd its start script calls; jemalloc is preloaded by the JVM launcher.
      name: "a JDK installed as the runtime of a JVM image that builds no JVM code, with an allocator's -dev package",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk libjemalloc-dev && rm -rf /var/lib/apt/lists/*\nCOPY automq.tgz /opt/kafka/kafka.tgz\nRUN tar -xzf /opt/kafka/kafka.tgz -C /opt/kafka && rm /opt/kafka/kafka.tgz\nCMD ["/opt/kafka/scripts/start.sh"]\n',
    },
    {
      // Held-out BJ, AutoRAG: judged wrong. The devel variant is the CUDA toolkit, chosen for what compiles in the container.
      name: "compilers on a GPU image's devel variant",
      code: 'FROM pytorch/pytorch:2.4.1-cuda11.8-cudnn9-devel AS base\nRUN apt-get update && apt-get install -y build-essential gcc libssl-dev\nWORKDIR /usr/src/app\nCOPY . .\nRUN pip install -e ".[gpu]"\nENTRYPOINT ["python", "-m", "app.cli"]\n',
    },
    {
      name: "compilers on nvidia/cuda's devel variant",
      code: 'FROM nvidia/cuda:12.4.1-devel-ubuntu22.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc g++ && rm -rf /var/lib/apt/lists/*\nCOPY app.py /app/\nCMD ["python3", "/app/app.py"]\n',
    },
    {
      name: "no command, a virtual environment copied from the build stage and put on the PATH: a base others extend",
      code: "FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install numpy\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nRUN apt-get update && apt-get install -y --no-install-recommends libopenblas-dev && rm -rf /var/lib/apt/lists/*\nENV PATH=/opt/venv/bin:$PATH\n",
    },
    {
      // Held-out BD, feldera: the pipeline manager runs cargo on users' pipelines in the container.
      name: "a Rust toolchain installed into the shipped image that no RUN compiles with: it serves run time",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential pkg-config libssl-dev curl ca-certificates && rm -rf /var/lib/apt/lists/*\nRUN curl --proto "=https" -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal\nCOPY pipeline-manager /app/pipeline-manager\nENTRYPOINT ["/app/pipeline-manager"]\n',
    },
    {
      // Held-out BC, pulumi/pulumi: the image with every SDK, whose users' programs compile in it.
      name: "an SDK image with the toolchains of several languages (Go, .NET, Python versions, Node versions)",
      code:
        "FROM debian:trixie AS base\nARG TARGETARCH\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential curl git libssl-dev && rm -rf /var/lib/apt/lists/*\n" +
        "RUN curl -fsSLo /tmp/go.tgz https://golang.org/dl/go${GOLANG_VERSION}.linux-${TARGETARCH}.tar.gz && tar -C /usr/local -xzf /tmp/go.tgz\n" +
        "RUN curl -fsSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 8.0 --install-dir /usr/local/share/dotnet\n" +
        "RUN git clone --depth=1 https://github.com/pyenv/pyenv.git /usr/local/share/pyenv\nRUN pyenv install 3.13\n" +
        "RUN fnm install 22\n" +
        'ENTRYPOINT ["pulumi"]\n',
    },
    {
      name: "an entry script that hands over in every branch of its final if, to a shell CMD",
      code: handoverToolchainImage('CMD ["/bin/bash"]\n'),
      context: { files: { "scripts/entrypoint.sh": BRANCHED_HANDOVER_ENTRY } },
    },
    {
      // Held-out AZ, PX4's base development image: judged wrong.
      name: "a header that names the file a development environment",
      code: `#\n# PX4 base development environment\n#\n\n${handoverToolchainImage("")}`,
      context: { files: { "scripts/entrypoint.sh": BRANCHED_HANDOVER_ENTRY } },
    },
    {
      // Held-out AW, geerlingguy's Ansible test images: the roles under test compile as on a server.
      name: "an image that boots systemd as a whole machine",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libffi-dev libssl-dev python3-dev python3-pip systemd sudo && rm -rf /var/lib/apt/lists/*\nRUN pip3 install ansible\nVOLUME ["/sys/fs/cgroup", "/tmp", "/run"]\nCMD ["/lib/systemd/systemd"]\n',
    },
    {
      // Held-out AW, hermes-3: `COPY docker/docker_entrypoint.sh /entrypoint.sh`, the script found where the copy put it.
      name: "an image whose handover entry script opens a shell as its CMD: a workspace to rebuild in",
      code: handoverImage('[ "/bin/bash"]'),
      context: { files: { "docker/docker_entrypoint.sh": HANDOVER_ENTRY } },
    },
    {
      // Held-out AW, r-hub's s390x check image.
      name: "an R image whose copied program installs and checks the packages it is given",
      code: rCheckImage("r-check"),
      context: { files: { "r-check": R_CHECK_SCRIPT } },
    },
    {
      // Held-out AW, serena: rust-analyzer's `cargo check` links with cc.
      name: "a C compiler beside a rustup toolchain nothing in the build uses: its linker at run time",
      code: rustupImage(""),
    },
    {
      name: "the same builder-named final stage that CI does not publish: a build environment by its name",
      code: 'FROM python:3.14-slim AS base\nRUN apt-get update && apt-get install -y build-essential git && rm -rf /var/lib/apt/lists/*\nFROM base AS builder\nCOPY . /app\nRUN python -m pip install /app\nCMD ["uvicorn", "app:create_app", "--factory"]\n',
    },
    {
      // sbom-tool: its component detectors run go and cargo on the mounted sources.
      name: "Go and Rust toolchains beside a program copied from a build stage, nothing built after them",
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . /app\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /out /app\nRUN apt-get update && apt-get install -y --no-install-recommends golang cargo npm maven && rm -rf /var/lib/apt/lists/*\nRUN useradd -m tool\nUSER tool\nENTRYPOINT ["/app/tool"]\n',
    },
    {
      name: "a one-shot build job through npx: the start builds with webpack and only copies the output",
      code: 'FROM node:20-bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential python3 && rm -rf /var/lib/apt/lists/*\nWORKDIR /src\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["sh", "-c", "npx webpack --mode production && cp -r dist/. /output/"]\n',
    },
    {
      name: "Jupyter's docker-stacks concatenated onto a CUDA base: the image starts the notebook server",
      code: CONCATENATED_STACKS,
    },
    {
      name: "an image that starts JupyterLab itself",
      code: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nEXPOSE 8888\nCMD jupyter lab --ip=0.0.0.0 --allow-root\n",
    },
    {
      name: "JupyterLab started through docker-stacks' start.sh",
      code: 'FROM acme/lab:3\nRUN apt-get update && apt-get install -y --no-install-recommends libhdf5-dev\nCMD ["start.sh", "jupyter", "lab"]\n',
    },
    {
      name: "JupyterHub's single-user server as the command",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nCMD ["jupyterhub-singleuser"]\n',
    },
    {
      name: "an entry script the host read that starts the notebook server",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": "#!/bin/sh\nset -e\nexec jupyter notebook --no-browser --ip=0.0.0.0\n" } },
    },
    {
      name: "pip installed and never run in the build: the Python packages are installed at run time and build against the headers",
      code: RUN_TIME_PIP,
    },
    {
      name: "pip installed, and the script the build runs installs no Python package: pip stays for run time",
      code: RUN_TIME_PIP.replace("COPY --from", "WORKDIR /app\nCOPY . .\nRUN ./setup.sh && python3 setup.py --version\nCOPY --from"),
      context: { files: { "setup.sh": "#!/bin/sh\nmkdir -p /var/lib/plugins\necho 'pip install happens at start' > /etc/motd\n" } },
    },
    {
      name: "Alpine's pip installed and never run in the build",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache python3 python3-dev py3-pip\nCOPY plugins.py /srv/\nCMD ["python3", "/srv/plugins.py"]\n',
    },
    {
      name: "a test stage last in the file and no target CI builds: nothing says which image ships",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk add --no-cache build-base postgresql-dev\nWORKDIR /app\nFROM base AS web\nCOPY . .\nCMD ["bin/rails", "server"]\nFROM web AS test\nRUN apk add --no-cache chromium\nCMD ["bin/rails", "test"]\n',
    },
    {
      name: "a test stage last, the target CI builds named for development",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk add --no-cache build-base postgresql-dev\nWORKDIR /app\nFROM base AS dev\nCOPY . .\nCMD ["bin/rails", "server"]\nFROM dev AS test\nRUN apk add --no-cache chromium\nCMD ["bin/rails", "test"]\n',
      context: { buildTargets: ["dev"] },
    },
    {
      name: "a test stage last in a file named for development: its targets are development images too",
      code: 'FROM ruby:3.3-alpine AS base\nRUN apk add --no-cache build-base postgresql-dev\nWORKDIR /app\nFROM base AS web\nCOPY . .\nCMD ["bin/rails", "server"]\nFROM web AS test\nRUN apk add --no-cache chromium\nCMD ["bin/rails", "test"]\n',
      context: { buildTargets: ["web"], dockerfilePath: "Dockerfile.dev" },
    },
    {
      name: "the compiler only in the test stage last, CI pushing the web target",
      code: 'FROM ruby:3.3-alpine AS web\nCOPY . /app\nCMD ["bin/rails", "server"]\nFROM web AS test\nRUN apk add --no-cache build-base\nCMD ["bin/rails", "test"]\n',
      context: { buildTargets: ["web"] },
    },
    {
      name: "a note on the package list that the headers are for builds inside the running container",
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    # libvpl-dev: headers required when building the custom FFmpeg inside the container.\n    && apt-get install -y build-essential libvpl-dev \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends gcc python3-dev\nCMD ["/usr/bin/app"]\n',
    },
    {
      name: "a file whose header names it a test image: its toolchain runs the specs",
      code: '# Turbo.lua test image.\n#\n# Builds Turbo against LuaJIT and runs the busted test suite.\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends luajit luarocks build-essential libssl-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /turbo\nCOPY . /turbo\nRUN make\nENTRYPOINT ["busted-luajit"]\nCMD ["spec/util_spec.lua"]\n',
    },
    {
      name: "a language toolchain image whose entrypoint is the toolchain's driver alone",
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nCOPY --from=golang:1.24 /usr/local/go /usr/local/go\nENV PATH=/usr/local/go/bin:$PATH\nENTRYPOINT ["go"]\n',
    },
    {
      // 84codes/crystal-container-images: the image is the Crystal compiler others build with.
      name: "a language toolchain image whose entrypoint is the compiler",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache musl-dev gcc pcre2-dev openssl-dev zlib-dev make\nCOPY --from=crystallang/crystal:1.17-alpine /usr/bin/crystal /usr/bin/\nENTRYPOINT ["/usr/bin/crystal"]\n',
    },
    {
      name: "a GitHub Actions self-hosted runner started by supervisord: its jobs build with the toolchain",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y build-essential libssl-dev supervisor sudo && rm -rf /var/lib/apt/lists/*\nCOPY agent.conf /etc/supervisor/conf.d/agent.conf\nENTRYPOINT ["/start.sh"]\nCMD ["supervisord", "-n"]\n',
      context: { files: { "agent.conf": "[program:agent]\ncommand=/opt/actions/bin/runsvc.sh\n" } },
    },
    {
      // antonbabenko/pre-commit-terraform (held-out AU): the entry script runs pre-commit, which builds the hooks' environments.
      name: "an image whose entry script runs pre-commit through su-exec",
      code: 'FROM python:3.13-alpine\nRUN apk add --no-cache bash git su-exec \\\n    # pre-commit-hooks deps\n    musl-dev gcc\nRUN pip install --no-cache-dir pre-commit\nCOPY tools/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: {
        files: {
          "tools/entrypoint.sh": '#!/usr/bin/env bash\nset -e\nUSERID=${USERID:-"0:0"}\n[[ $USERID == "0:0" ]] && exec su-exec "$USERID" pre-commit "$@"\n',
        },
      },
    },
    {
      // siemens/kas (held-out BP): bitbake builds the users' images with the host's compilers.
      name: "a Yocto build host: the Yocto Project's host packages beside the compilers",
      code: 'FROM debian:trixie-slim\nRUN apt-get update && apt-get install --no-install-recommends -y gawk wget git diffstat unzip texinfo gcc build-essential chrpath socat cpio python3-pip libsdl1.2-dev\nCOPY . /kas\nRUN pip3 install --break-system-packages /kas\nUSER builder\nCMD ["kas", "build"]\n',
    },
    {
      name: "a file that says its code is JIT-compiled when it runs keeps its compilers",
      code: 'FROM python:3.12-slim\n# cffi compiles the extension just-in-time on first import\nRUN apt-get update && apt-get install -y gcc libffi-dev && rm -rf /var/lib/apt/lists/*\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    },
    {
      // citusdata/pg_auto_failover (held-out BT): pg_autoctl reads the Postgres install's paths from pg_config.
      name: "libpq-dev's pg_config for the pg_autoctl the image runs",
      code: "FROM debian:stable-slim\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-common libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-11 && rm -rf /var/lib/apt/lists/*\nCOPY pg_autoctl /usr/local/bin/\nCMD pg_autoctl do tmux session --nodes 3\n",
    },
    {
      // pseudomuto/protoc-gen-doc (held-out BP): protoc imports the well-known types protobuf-dev ships.
      name: "an image whose entry script runs protoc keeps protobuf's -dev package",
      code: 'FROM alpine:3.22\nRUN apk --update add bash protoc protobuf-dev\nCOPY script/entrypoint.sh ./\nCOPY protoc-gen-doc /usr/bin/\nENTRYPOINT ["./entrypoint.sh"]\n',
      context: { files: { "script/entrypoint.sh": '#!/bin/bash\nset -euo pipefail\nexec protoc -I/usr/include -Iprotos --doc_out=/out "$@"\n' } },
    },
    {
      name: "a CI agent's image known by the agent's own settings (the Actions runner's registration token)",
      code: 'FROM debian:bookworm-slim\nENV RUNNER_TOKEN="" RUNNER_LABELS=""\nRUN apt-get update && apt-get install -y gcc g++ zlib1g-dev && rm -rf /var/lib/apt/lists/*\nCMD ["/opt/start"]\n',
    },
    {
      name: "a CI agent's image that downloads the Actions runner release",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y build-essential curl && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSLO https://github.com/actions/runner/releases/download/v2.320.0/actions-runner-linux-x64-2.320.0.tar.gz\nCMD ["/opt/start"]\n',
    },
    {
      name: "an entry script that starts a GitLab runner",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential libffi-dev && rm -rf /var/lib/apt/lists/*\nCOPY boot.sh /boot.sh\nCMD ["/boot.sh"]\n',
      context: { files: { "boot.sh": "#!/bin/sh\ngitlab-runner register --non-interactive\nexec gitlab-runner run\n" } },
    },
    {
      name: "an image built on a Jenkins inbound agent",
      code: 'FROM jenkins/inbound-agent:latest-jdk21\nUSER root\nRUN apt-get update && apt-get install -y build-essential && rm -rf /var/lib/apt/lists/*\nUSER jenkins\nENTRYPOINT ["/usr/local/bin/start-agent"]\n',
    },
    {
      name: "an R app server with no R program of its own: the packages its users' apps add compile against these headers",
      code: "FROM rocker/r-ver:4.4.1\nRUN apt-get update && apt-get install -y libcurl4-openssl-dev libcairo2-dev && rm -rf /var/lib/apt/lists/*\nRUN R -e \"install.packages(c('shiny', 'rmarkdown'))\"\nEXPOSE 3838\nCOPY serve.sh /usr/local/bin/serve.sh\nCMD [\"/usr/local/bin/serve.sh\"]\n",
    },
    {
      name: "a development image: compose bind-mounts the sources (a variable host path) onto the folder the entry script works in, the image copies none",
      code: 'FROM ruby:3.3-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev libxml2-dev gosu && rm -rf /var/lib/apt/lists/*\nENV GEM_HOME=/workspace/vendor/gems\nCOPY dev-entrypoint.sh /usr/local/bin/dev-entrypoint.sh\nENTRYPOINT ["/usr/local/bin/dev-entrypoint.sh"]\nCMD ["bin/dev"]\n',
      context: {
        files: { "dev-entrypoint.sh": '#!/bin/bash\ncd /workspace\nexec gosu "$(stat -c %u .)" "$@"\n' },
        composeServices: [
          {
            file: "compose.yml",
            builds: true,
            image: null,
            user: null,
            mounts: [
              { target: "/workspace", source: "host", readOnly: false },
              { target: "/workspace/vendor/gems", source: "volume", readOnly: false },
            ],
          },
        ],
      },
    },
    {
      name: "a development image: compose mounts the project over the WORKDIR, nothing is copied there",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /code\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
      context: {
        composeServices: [
          { file: "docker-compose.yml", builds: true, image: null, user: null, mounts: [{ target: "/code", source: "project", readOnly: false }] },
        ],
      },
    },
    {
      name: "a runtime for other people's code: the entry script execs the command it is given, nothing of its own is copied",
      code: 'FROM ubuntu:22.04\n# System libraries R packages compile against when the platform restores them\nRUN apt-get update && apt-get install -y --no-install-recommends default-jdk libxml2-dev libssl-dev make && rm -rf /var/lib/apt/lists/*\nCOPY setup-extras.sh /tmp/setup-extras.sh\nRUN /tmp/setup-extras.sh && rm /tmp/setup-extras.sh\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": '#!/bin/bash\nset -e\n[ "$#" -gt 0 ] || exit 1\nexec "$@"\n' } },
    },
    {
      name: "a language base that starts only its interpreter and copies no program: users compile their packages in it",
      code: 'FROM debian:testing\nRUN apt-get update && apt-get install -y --no-install-recommends littler r-base r-base-dev && rm -rf /var/lib/apt/lists/*\nCMD ["R"]\n',
    },
    {
      name: "an s6-overlay oneshot installs the user's npm plugins at every start: node-gyp compiles them",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nodejs npm python3 make g++ libavahi-compat-libdnssd-dev && rm -rf /var/lib/apt/lists/*\nCOPY overlay /\nEXPOSE 8581\nENTRYPOINT ["/init"]\n',
      context: {
        files: {
          "overlay/etc/s6-overlay/s6-rc.d/prepare/up": "/etc/s6-overlay/scripts/prepare.sh\n",
          "overlay/etc/s6-overlay/scripts/prepare.sh": "#!/bin/sh\ncd /data\nnpm --prefix /data install\n",
        },
      },
    },
    {
      // Held-out CA, spesmilo/electrum's contrib/build-wine (wrong): a build script runs the image
      // with the repository mounted and builds in it; the file copies only apt's pinned snapshot.
      name: "an image with no command that copies only apt's configuration: a build environment, no program of its own",
      code: "FROM debian:trixie\nCOPY apt.sources.list /etc/apt/sources.list\nCOPY apt.preferences /etc/apt/preferences.d/snapshot\nRUN apt-get update && apt-get install -qy make cmake mingw-w64 autotools-dev libtool && rm -rf /var/lib/apt/lists/*\nRUN useradd -m user\nUSER user\nWORKDIR /home/user/wspace\n",
    },
    {
      // Held-out CA, PhasecoreX/docker-red-discordbot (wrong): the start's loop runs a script that
      // pip-installs the bot (PyNaCl built against libsodium) at every start.
      name: "a script the start runs from a sourced loop pip-installs the program at every start (`python -m pip install`)",
      code: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libsodium-dev libffi-dev && rm -rf /var/lib/apt/lists/*\nENV SODIUM_INSTALL=system\nCOPY root/ /\nCMD ["/app/start.sh"]\n',
      context: {
        files: {
          "root/app/start.sh": "#!/bin/sh\n. /app/functions/main-loop.sh\n",
          "root/app/functions/main-loop.sh": "while true; do\n    /app/functions/update.sh\n    python -m redbot\ndone\n",
          "root/app/functions/update.sh": "#!/bin/sh\npython -m pip install --upgrade --no-cache-dir Red-DiscordBot\n",
        },
      },
    },
    {
      name: "build dependencies sorted into a group removed after the compile, a compiler kept beside them on purpose",
      code: 'FROM alpine:3.22\nCOPY . /src\nRUN apk add --no-cache build-base cmake icu-dev tini\nRUN apk add --no-cache --virtual .build-deps boost-dev perl-dev \\\n && cmake -S /src -B /b && make -C /b install \\\n && apk del .build-deps\nCOPY hooks/ /startup/\nENTRYPOINT ["/entrypoint.sh"]\n',
    },
    {
      name: "an SDK image: the entry script execs its user's command in an empty folder for mounted sources",
      code: 'FROM ubuntu:24.04\nCOPY --from=build /opt/sdk /opt/sdk\nRUN apt-get install -y --no-install-recommends build-essential cmake\nWORKDIR /src\nENTRYPOINT ["/opt/sdk/entrypoint.sh"]\n',
      context: { files: { "entrypoint.sh": '#!/bin/bash\n. /opt/sdk/env.sh\nexec "$@"\n' } },
    },
    {
      name: "Xdebug and PCOV on every build: a PHP development image (Laravel Sail's)",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y php8.4-cli php8.4-dev libpng-dev php8.4-pcov php8.4-xdebug\nCMD ["start-container"]\n',
    },
    {
      name: "a one-shot builder: its shell-form CMD clones the project, builds the release with rebar3 and copies it out",
      code: "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN apt-get install -y libssl-dev libgmp-dev make gcc g++ git\nWORKDIR /app\nVOLUME /output\nCMD set -x && \\\n    git clone --recursive https://example.com/acme/node.git && \\\n    cd node && \\\n    ./rebar3 as prod tar && \\\n    cp _build/prod/rel/node/node-*.tar.gz /output/node.tar.gz\n",
    },
    {
      name: "a one-shot builder whose exec-form CMD runs a shell script that builds an Erlang release and copies it out",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential erlang-dev libssl-dev\nWORKDIR /src\nCMD ["sh", "-c", "./rebar3 as prod release && cp -r _build/prod/rel/app /artifacts/ && echo done"]\n',
    },
    {
      name: "a one-shot builder whose entry script publishes the app and copies the output to a mounted folder",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev dotnet-sdk-8.0\nCOPY build-release.sh /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/build-release.sh"]\n',
      context: { files: { "build-release.sh": "#!/bin/sh\nset -e\ncd /src\ndotnet publish -c Release -r linux-x64 -o /out\ncp -r /out/. /artifacts/\n" } },
    },
    {
      name: "an exec-form ENTRYPOINT takes the exec-form CMD as its arguments: together they run the build",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev dotnet-sdk-8.0\nWORKDIR /src\nENTRYPOINT ["dotnet"]\nCMD ["publish", "-c", "Release", "-o", "/out"]\n',
    },
    {
      name: "an init ENTRYPOINT runs the shell-form CMD it is given: the CMD's build is the start",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends tini gcc libssl-dev\nWORKDIR /src\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ./rebar3 as prod tar && cp _build/prod/rel/*/*.tar.gz /output/\n',
    },
    {
      name: 'an entry script that hands over with exec "$@" runs the shell-form CMD\'s build',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libssl-dev\nCOPY entry.sh /entry.sh\nWORKDIR /src\nENTRYPOINT ["/entry.sh"]\nCMD ./rebar3 as prod tar && cp _build/prod/rel/*/*.tar.gz /output/\n',
      context: { files: { "entry.sh": '#!/bin/sh\nset -e\ngit config --global --add safe.directory /src\nexec "$@"\n' } },
    },
    {
      name: "a library the entry script sources sets the preload from a variable of the image's ENV",
      code: 'FROM debian:bookworm-slim\nENV JEMALLOC_LIB=/usr/lib/x86_64-linux-gnu/libjemalloc.so\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev\nCOPY lib/ /opt/lib/\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\n',
      context: {
        files: {
          "entry.sh": '#!/bin/sh\n. /opt/lib/common.sh\nexec /usr/local/bin/server "$@"\n',
          "lib/common.sh": 'export LD_PRELOAD="${JEMALLOC_LIB}"\n',
        },
      },
    },
    {
      name: "a JVM image (a JRE copied in, JAVA_HOME set) keeps jemalloc's -dev package for its launcher's preload of libjemalloc.so",
      code: 'FROM eclipse-temurin:25-jre AS java-base\nFROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev && rm -rf /var/lib/apt/lists/*\nCOPY --from=java-base /opt/java/openjdk /opt/java/openjdk\nCOPY node /opt/node/\nENV JAVA_HOME=/opt/java/openjdk\nENTRYPOINT ["node-entry.sh"]\n',
    },
    {
      name: "a JVM image by its base (a JRE image) keeps tcmalloc's -dev package for a preload",
      code: 'FROM eclipse-temurin:21-jre\nRUN apt-get update && apt-get install -y --no-install-recommends libgoogle-perftools-dev\nCOPY dist/ /opt/app/\nCMD ["/opt/app/bin/app"]\n',
    },
    {
      name: "a JVM image by its start (java runs) keeps jemalloc's -dev package for a preload",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless libjemalloc-dev\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
    },
    {
      name: "the start command preloads the unversioned allocator file: only the -dev package ships it",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev\nCOPY server /usr/local/bin/\nCMD LD_PRELOAD=libjemalloc.so exec server\n",
    },
    {
      name: "a RUN writes the unversioned allocator file into /etc/ld.so.preload",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev && echo /usr/lib/x86_64-linux-gnu/libjemalloc.so > /etc/ld.so.preload\nCMD ["server"]\n',
    },
    {
      name: "a launcher the entry script runs (not the entry script itself) preloads the unversioned allocator file",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libjemalloc-dev\nCOPY dist/ /opt/app/\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\n',
      context: {
        files: {
          "entry.sh": '#!/bin/sh\nexec /opt/app/bin/launch "$@"\n',
          "dist/bin/launch":
            '#!/bin/sh\nif [ -z "$(LD_PRELOAD=libjemalloc.so sh -c true 2>&1)" ]; then export LD_PRELOAD=libjemalloc.so; fi\nexec /opt/app/bin/server "$@"\n',
        },
      },
    },
    {
      name: "libomp-dev beside copied Intel MKL libraries: MKL's threading layer loads libiomp5.so, which only the -dev package ships",
      code: 'FROM debian:bookworm-slim AS mkl\nRUN apt-get update && apt-get install -y intel-oneapi-mkl-devel\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libomp-dev ca-certificates\nCOPY --from=mkl /opt/intel/oneapi/mkl/latest/lib/intel64/libmkl_intel_thread.so.2 /usr/local/lib/\nCMD ["router"]\n',
    },
    {
      name: "libomp-14-dev in an image that installs Intel MKL from apt",
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends libomp-14-dev intel-oneapi-mkl\nCMD ["solver"]\n',
    },
    {
      name: "ENV LD_PRELOAD loads the unversioned libtcmalloc.so that only libgoogle-perftools-dev ships",
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get -y install libgoogle-perftools-dev\nENV LD_PRELOAD=libtcmalloc.so\nCMD ["app"]\n',
    },
    {
      name: "the entry script preloads /usr/lib/<arch>/libjemalloc.so, shipped by libjemalloc-dev",
      code: 'FROM eclipse-temurin:21-jre-noble\nRUN apt-get update && apt-get -y install gpg libjemalloc-dev\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      context: {
        files: {
          "docker-entrypoint.sh":
            '#!/bin/bash\nJEMALLOC_PATH="/usr/lib/$(uname -m)-linux-gnu/libjemalloc.so"\nexport LD_PRELOAD=$LD_PRELOAD:$JEMALLOC_PATH\nexec "$@"\n',
        },
      },
    },
    {
      name: "the start script asks pkg-config where the preloaded allocator lives: pkg-config and the -dev package run with it",
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends pkgconf libtcmalloc-minimal4 libjemalloc-dev\nCOPY start.sh /srv/\nCMD ["/srv/start.sh"]\n',
      context: {
        files: {
          "start.sh": '#!/bin/sh\nlib="$(pkg-config --variable=libdir jemalloc)/libjemalloc.so"\nLD_PRELOAD="$lib" exec python -m worker\n',
        },
      },
    },
    {
      name: "the app opens the unversioned library by name with ctypes: only the -dev package ships it",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libmagic-dev\nCOPY worker/ /app/\nCMD ["python", "/app/main.py"]\n',
      context: { files: { "worker/native.py": 'import ctypes\nlib = ctypes.CDLL("libmagic.so")\n' } },
    },
    {
      name: "a .NET app binds the bare library name with DllImport: the -dev package ships librhash.so",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y librhash-dev\nCOPY --from=build /out /app\nENTRYPOINT ["dotnet", "/app/App.dll"]\n',
      context: {
        files: {
          "src/Hashing/Native.cs":
            'static class Native {\n  [DllImport("librhash", EntryPoint = "rhash_library_init")]\n  internal static extern void Init();\n}\n',
        },
      },
    },
    {
      name: "a comment lists what each Python package needs at run time: the JDK for a Java helper is one entry",
      code: 'FROM ubuntu:24.04\n# What the Python packages need:\n# pdfbox-wrapper: default-jdk\n# Building wheels: libffi-dev zlib1g-dev\nRUN apt-get update && apt-get install -y --no-install-recommends default-jdk curl\nCMD ["python3", "app.py"]\n',
    },
    {
      name: "the entry script runs the extensions' install.py at start: they pip-install and may compile",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y build-essential libcairo2-dev\nCOPY . /docker\nENTRYPOINT ["/docker/entrypoint.sh"]\nCMD ["python", "webui.py"]\n',
      context: {
        files: {
          "entrypoint.sh":
            '#!/bin/bash\nlist=(./extensions/*/install.py)\nfor installscript in "${list[@]}"; do\n  PYTHONPATH=${ROOT} python "$installscript"\ndone\nexec "$@"\n',
        },
      },
    },
    {
      name: "linux-libc-dev on php's Debian image only upgrades the toolchain the base keeps ($PHPIZE_DEPS)",
      code: 'FROM php:8.4-apache-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends linux-libc-dev curl && install-php-extensions gd\nCMD ["apache2-foreground"]\n',
    },
    {
      name: "FrankenPHP's Debian images keep php's toolchain too",
      code: 'FROM dunglas/frankenphp:1-php8-trixie\nRUN apt-get install -y gcc make libc6-dev && install-php-extensions redis\nCMD ["frankenphp", "run"]\n',
    },
    {
      name: "the entry script compiles dependencies at start (mix setup): the compiler is needed at run time",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache build-base elixir postgresql14-dev\nCOPY config config\nENTRYPOINT ["/bin/sh", "/app/config/entrypoint.sh"]\n',
      context: { files: { "config/entrypoint.sh": "#!/bin/sh\nif [ ! -e /first ]; then\n    touch /first\n    mix setup\nfi\n\nmix phx.server" } },
    },
    {
      name: "the entry script runs the project's build script at start (yarn build): its toolchain is a run-time need",
      code: 'FROM node:22-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends g++ make && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nENTRYPOINT ["/app/start.sh"]\n',
      context: { files: { "start.sh": "#!/bin/sh\ncd /app\nyarn build\nexec node dist/server.js\n" } },
    },
    {
      name: "a test layer ends the file, over a --target image whose entry script installs pip packages at start",
      code: 'FROM python:3.12-slim AS app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\nCMD ["start"]\nFROM app AS app-bats\nENTRYPOINT ["/usr/local/bin/bats"]\n',
      context: {
        files: { "entry.sh": '#!/bin/sh\nset -e\nif [ -n "$PIP_PKGS" ]; then pip install $PIP_PKGS; fi\nexec /srv/bin/serve "$@"\n' },
        buildTargets: ["app", "app-bats"],
      },
    },
    {
      name: "the command installs packages at start (native modules need the compiler)",
      code: 'FROM node:22-bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends g++ make python3\nCMD ["sh", "-c", "npm install && exec npm start"]\n',
    },
    // The same RUN links a file of the -dev package into place: it is kept for a run-time user.
    'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-pip musl-dev \\\n    && ln -s /usr/lib/x86_64-linux-musl/libc.so /lib/libc.musl-x86_64.so.1\nCMD ["python3", "-m", "app"]\n',
    "FROM debian:bookworm-slim\nRUN apt-get install -y curl ca-certificates\n",
    // Removed in the same RUN.
    "FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n",
    "FROM debian:bookworm-slim\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n",
    {
      name: "apt-get autoremove given package names removes them",
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc g++ libxml2-dev && pip install lxml && apt-get --purge autoremove -y gcc g++ libxml2-dev\nCMD ["python", "app.py"]\n',
    },
    "FROM debian:bookworm-slim\nRUN savedAptMark=\"$(apt-mark showmanual)\" && apt-get install -y gcc make && make && apt-mark auto '.*' > /dev/null && apt-get purge -y --auto-remove\n",
    // Builder stages may install anything.
    "FROM debian:bookworm AS build\nRUN apt-get install -y build-essential\nFROM debian:bookworm-slim\nCOPY --from=build /out /out\n",
    // Development stages are built with tools on purpose.
    "FROM debian:bookworm-slim AS dev\nRUN apt-get install -y gcc git\n",
    // A toolchain base has them anyway (final-stage-toolchain's concern).
    "FROM golang:1.27-alpine\nRUN apk add --no-cache git gcc\n",
    "FROM alpine:3.22\nRUN apk add $BUILD_DEPS\n",
    // git and make are run-time tools of many images (wikis, CI agents, Composer, doc builders).
    { name: "git alone", code: 'FROM ruby:3.4-slim\nRUN apt-get install -y git\nCMD ["gollum"]\n' },
    { name: "git and make alone", code: 'FROM python:3.12-slim\nRUN apt-get install -y git make\nCMD ["gunicorn"]\n' },
    {
      // Squidex: "# Curl for debugging and libc-dev for protobuf".
      name: "a comment above the RUN names the package and why it stays",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\n# curl for debugging and libc-dev for protobuf\nRUN apt-get install -y curl libc-dev\nENTRYPOINT ["dotnet", "App.dll"]\n',
    },
    {
      // falco's driver loader compiles the kernel module for the host when it starts.
      name: "dkms driver builders compile at run time",
      code: 'FROM debian:12\nRUN apt-get install -y dkms gcc make linux-headers-amd64 clang llvm\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
    },
    {
      name: "a development image by its path",
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCMD ["app"]\n',
      context: { dockerfilePath: "docker/dev-builder/ubuntu/Dockerfile" },
    },
    { name: "a devcontainer", code: "FROM mcr.microsoft.com/devcontainers/base:ubuntu\nRUN apt-get install -y build-essential\n" },
    {
      name: "a compose development service that bind-mounts the sources",
      code: 'FROM ruby:3.4-alpine\nRUN apk add build-base\nCMD ["bin/dev"]\n',
      context: { composeSourceMount: true },
    },
    { name: "an interactive toolbox image", code: 'FROM python:3.12\nRUN apt-get install -y build-essential cmake\nCMD ["/bin/bash"]\n' },
    // pivotal/LicenseFinder: a scanner's shell, opened in the mounted project, runs the package managers there.
    {
      name: "an interactive toolbox image whose shell-form command enters its folder first",
      code: "FROM ubuntu:jammy\nRUN apt-get install -y build-essential python3-dev\nCMD cd /scan && /bin/bash -l\n",
    },
    { name: "an image whose command is a build", code: "FROM eclipse-temurin:21-jdk\nRUN apt-get install -y gcc\nCMD ./gradlew installDist\n" },
    {
      // Held-out AQ, fluxcd/website: `make serve` runs pip and npm installs inside it.
      name: "a build-environment image that empties the base's command with ENTRYPOINT []",
      code: "FROM alpine:3.20\nRUN apk add --no-cache gcc libc-dev python3-dev py3-pip make\nENTRYPOINT []\n",
    },
    {
      // Held-out AQ, datacube-core: CI tags it opendatacube/datacube-tests and runs the suite in it.
      name: "an image every CI build tags as a test image",
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y build-essential python3-dev libpq-dev\nENTRYPOINT ["/usr/local/bin/with_bootstrap"]\n',
      context: { ciImageBuilds: [["opendatacube/datacube-tests"]] },
    },
    {
      name: "an image whose command runs the test suite",
      code: 'FROM node:22\nRUN apt-get update && apt-get install -y g++ make\nENTRYPOINT ["npm", "run"]\nCMD ["test:e2e"]\n',
    },
    {
      // zeek's builder.Dockerfile, greptime's dev-builder: a toolchain and no command of its own.
      name: "a build-environment image: compilers and no command",
      code: "FROM ubuntu:24.04\nRUN apt-get install -y build-essential cmake libssl-dev\n",
    },
    {
      name: "a comment inside the package list says these are run-time dependencies",
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    # Runtime dependencies: notebooks compile native extensions\n    build-essential ca-certificates libncurses5-dev \\\n    wget && rm -rf /var/lib/apt/lists/*\nCMD ["/app/bin/server", "start"]\n',
    },
    {
      // A packaging tool's image: the packages it builds at run time compile native extensions.
      name: "a header above the RUN calls the list run-time needs and puts the build dependencies in other stages",
      code: 'FROM debian:bookworm-slim AS base\n# Run-time dependencies only; the build deps live in the builder stage below\nRUN apt-get install -y ruby ruby-dev gcc make rpm\nFROM base AS builder\nRUN gem install --install-dir /opt/gems packager\nFROM base\nCOPY --from=builder /opt/gems /opt/gems\nENTRYPOINT ["/opt/gems/bin/packager"]\n',
    },
    {
      name: "the file describes the stage by name as holding production dependencies",
      code: '# Stages:\n# - "system-deps" - system-level production dependencies (DB clients, Git, xmlsec)\nFROM python:3.12-slim AS system-deps\nRUN apt-get update && apt-get install -y --no-install-recommends git libxmlsec1-dev libxmlsec1-openssl\nFROM system-deps AS final\nCMD ["app"]\n',
    },
    {
      name: "an SDK image with no command and no program of its own: the compilers are the product",
      code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y build-essential cmake python3 git\nRUN git clone https://example.org/sdk.git /sdk && /sdk/install.sh\nENV PATH=/sdk/bin:$PATH\n",
    },
    {
      name: "a comment inside the RUN, right above the install, names the package for a run-time need",
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && ./bin/install-deps.sh \\\n    # libffi-dev is what the jobs that run on this image link their gems against.\n    && apt-get install -y libffi-dev \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["run.sh"]\n',
    },
    {
      name: "an RStudio Server workbench: its users install packages that compile at run time",
      code: 'FROM rocker/rstudio:4.4.2\nRUN apt-get update && apt-get install -y --no-install-recommends python3-dev libxml2-dev && rm -rf /var/lib/apt/lists/*\nEXPOSE 8787\nCMD ["/init"]\n',
    },
    {
      name: "a Jupyter notebook image on quay.io",
      code: "FROM quay.io/jupyter/scipy-notebook:2025-01-06\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libhdf5-dev\nUSER ${NB_UID}\n",
    },
    {
      name: "the entry script sources a library (copied with its folder to the path the ENV names) whose plugin install it calls through a function that runs its arguments with sudo",
      code: SOURCING_IMAGE,
      context: { files: { "entrypoint.sh": SOURCING_ENTRY, "assets/runtime/functions": PLUGIN_LIBRARY } },
    },
    {
      name: "a dot-sourced library whose called function calls another that installs through a one-line gosu wrapper",
      code: 'FROM node:22-bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential python3 && rm -rf /var/lib/apt/lists/*\nCOPY lib/common.sh /usr/local/lib/app/common.sh\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
      context: {
        files: {
          "docker-entrypoint.sh": '#!/bin/sh\n. /usr/local/lib/app/common.sh\nprepare\nexec "$@"\n',
          "lib/common.sh":
            'as_node() { gosu node "$@"; }\nprepare() {\n  install_addons\n}\ninstall_addons() {\n  [ -d /addons ] && as_node npm --prefix /addons install\n}\n',
        },
      },
    },
  ],
});
