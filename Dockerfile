# syntax=docker/dockerfile:1
# supportbot: the Slack and Discord bot, with /healthz, /readyz and /metrics.
#   docker build -t supportbot .
#   docker compose up -d          # the bot and Redis (compose.yaml), settings from .env
# See docs/deploy.md. test/deploy/container.test.ts checks this file against the code.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- Production dependencies: fs-ext (the lowdb store's file lock) is a native addon, compiled here.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` (the build) needs the development dependencies.
RUN npm ci --omit=dev --ignore-scripts && npm rebuild fs-ext

# --- Build: compile TypeScript to dist/, train the intent model and build the knowledge index.
FROM ${NODE_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY intents ./intents
COPY knowledge ./knowledge
# `npm ci` runs `prepare` = `npm run build`: dist/, models/intent-model.json, models/knowledge-index.json.
RUN npm ci

# --- Runtime: no compiler, no development dependencies, not root.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/models ./models
COPY package.json ./
COPY bin ./bin
COPY intents ./intents
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
# The lowdb store (conversations, Slack installations) when REDIS_URL is not set.
VOLUME ["/data"]
# Slack's HTTP mode (POST /slack/events) and /healthz, /readyz, /metrics: all on PORT unless
# HEALTH_PORT is set.
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HEALTH_PORT || process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1: `serve` handles SIGTERM and SIGINT (stops the adapters, lets turns in
# progress finish, closes the store) and starts no child processes. compose.yaml adds `init: true`.
CMD ["node", "bin/supportbot.js", "serve"]
