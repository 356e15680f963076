# AI-wijzer in a container: `docker build -t ai-wijzer .` then
# `docker run -p 3978:3978 --env-file prod.env ai-wijzer` (see docs/admin.md, "Hosting").
# Node.js 24 (LTS); the app supports 20, 22 and 24 (package.json "engines").

# --- build: every dependency, the server (tsc) and the tab (webpack) ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# --- run: the built app and its runtime dependencies only, as the unprivileged user `node` ---
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/bin ./bin
# The content (vision Markdown, YAML rules and register, SQL migrations) is read from src/ next to its code.
COPY --from=build --chown=root:root /app/src ./src
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/ai-wijzer.js", "serve"]
