# aspalint serve in a container: lint before send over HTTP.
#
#   docker build -t aspalint .
#   docker run --rm -p 8080:8080 aspalint
#   docker run --rm -p 8080:8080 -v "$PWD/.aspalintrc.yaml:/config/.aspalintrc.yaml:ro" aspalint serve --host 0.0.0.0 --config /config/.aspalintrc.yaml
#
# Stateless: scale by running more containers behind a load balancer (GET /health).
FROM node:20-bookworm-slim AS build
# The build computes the phrase words' base forms with Voikko and writes V8's
# code cache from sample runs: with the spellers here, both match the image's.
RUN apt-get update \
  && apt-get install -y --no-install-recommends libvoikko1 voikko-fi libhunspell-1.7-0 hunspell-sv \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# The prepare script builds dist/, so the sources come first; dev dependencies are needed for the build.
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY scripts ./scripts
COPY rules ./rules
COPY schema ./schema
COPY fixtures ./fixtures
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
# Voikko (Finnish spelling and morphology) and Hunspell with the Swedish
# dictionaries, from Debian's own packages; aspalint loads them through koffi.
RUN apt-get update \
  && apt-get install -y --no-install-recommends libvoikko1 voikko-fi libhunspell-1.7-0 hunspell-sv \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/rules ./rules
COPY --from=build /app/schema ./schema
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8080/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "/app/bin/aspalint.js"]
# Inside a container the service must listen on every interface to be reachable through -p.
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
