# Gatehouse service image. Build: docker build -t gatehouse .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY console/package.json ./console/
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=7400 GATEHOUSE_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/console/dist ./console/dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/bin ./bin
COPY --from=build /app/policies ./policies
VOLUME /data
EXPOSE 7400
USER node
# A larger young generation for lineage ingestion (see scripts/start.mjs); override with NODE_OPTIONS.
ENV NODE_OPTIONS=--max-semi-space-size=64
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
