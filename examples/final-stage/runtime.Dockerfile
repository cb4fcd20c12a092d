# More final-stage rules, on a runtime image that carries what only the build needed.
# Expect: final-stage-heavy-base (debian:bookworm has a slim variant), final-stage-build-tools
# (build-essential and git stay in the image), final-stage-dev-dependencies (npm install without
# --omit=dev) and final-stage-root (the last USER is root).

FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential git nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install
COPY . .
USER root
CMD ["node", "server.js"]
