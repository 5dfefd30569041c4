# One image for every leadscore service: `docker compose` picks the service by its command. The api serves
# the web console built into apps/console/dist.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps ./apps
COPY libs ./libs
COPY services ./services
COPY tools ./tools
RUN rm -rf tools/kafka/lib && npm install --no-audit --no-fund && npx nx run-many -t build --parallel=2

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
