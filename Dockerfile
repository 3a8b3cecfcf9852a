# The backend image used by docker-compose.yml.
FROM node:20-bookworm-slim
# postgresql-client: pg_dump / pg_restore 15 (bookworm's) for npm run db:backup / db:restore
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium ca-certificates postgresql-client \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# local packages linked from package.json (file:packages/…) must exist for npm ci
COPY packages/api-params/package.json packages/api-params/
COPY packages/ops/package.json packages/ops/
COPY packages/sql/package.json packages/sql/
COPY packages/text/package.json packages/text/
COPY packages/vehicle-label/package.json packages/vehicle-label/
# npm ci's postinstall applies patches/ (patch-package: the admin UI's TND decimals)
COPY patches/ patches/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.js
ENV NODE_ENV=development CHROMIUM_PATH=/usr/bin/chromium
EXPOSE 9000
CMD ["node", "scripts/start.js"]
