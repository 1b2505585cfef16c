# lede in a container: a build stage with the toolchain, and a runtime stage
# with only the shared libraries lede links against, run as a non-root user.
#
#   podman build --format docker -t lede .      (docker build -t lede . works too)
#   docker run -p 8080:8080 lede
#
# Paths inside the image: /usr/local/bin/lede, and under /usr/local/share/lede
# the models and word lists (data/), the configuration (lede.conf) and the API
# description (openapi.yaml). Configuration keys can be overridden with
# LEDE_<KEY> environment variables (LEDE_PORT, LEDE_BIND, LEDE_DATA_DIR, ...).

FROM debian:bookworm-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake pkg-config \
      libmicrohttpd-dev libjansson-dev libxml2-dev libcurl4-openssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Optional files (data, config, spec) are copied when the tree has them, so
# the image builds at every stage of the project; a missing configuration
# file is replaced by a minimal one that only sets the listening address.
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DLEDE_TESTS=OFF >/dev/null \
 && cmake --build /build --target lede -j 2 \
 && install -D -m 0755 -s /build/lede /stage/bin/lede \
 && mkdir -p /stage/share/lede/data \
 && if [ -d core/data ]; then cp -R core/data/. /stage/share/lede/data/; fi \
 && if [ -f openapi.yaml ]; then cp openapi.yaml /stage/share/lede/; fi \
 && if [ -f config/lede.conf ]; then cp config/lede.conf /stage/share/lede/; \
    else printf 'port = 8080\nbind = 0.0.0.0\n' > /stage/share/lede/lede.conf; fi

FROM debian:bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
# Runtime libraries only; curl (the command, a few hundred KiB over libcurl4
# which lede needs anyway) serves the HEALTHCHECK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libmicrohttpd12 libjansson4 libxml2 libcurl4 ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin lede
COPY --from=build /stage/ /usr/local/
ENV LEDE_DATA_DIR=/usr/local/share/lede/data \
    LEDE_OPENAPI_PATH=/usr/local/share/lede/openapi.yaml \
    LEDE_BIND=0.0.0.0 \
    LEDE_PORT=8080
USER 10001:10001
WORKDIR /usr/local/share/lede
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/healthz || exit 1
CMD ["lede", "serve", "--config", "/usr/local/share/lede/lede.conf"]
