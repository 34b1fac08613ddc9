# Gongkai in a container: a release build on the Swift image, run on Debian slim as a non-root user.
#
#   docker build -t gongkai .
#   docker run -d --name gongkai -p 8080:8080 -v gongkai-data:/data gongkai
#   docker exec gongkai gongkai token create --name 办公室-管理员 --role admin
#
# Configuration: the environment below (host 0.0.0.0, port 8080, data in /data), or a mounted
# config.json: -v /etc/gongkai/config.json:/etc/gongkai/config.json:ro -e GONGKAI_CONFIG=/etc/gongkai/config.json
# (GONGKAI_HOST, GONGKAI_PORT, GONGKAI_DATA_DIR and GONGKAI_PUBLIC_DIR still override the file).

FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libmicrohttpd-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first: a source change does not resolve them again.
# Package.resolved is not checked in; when present it pins the versions.
COPY Package.* ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
# The Swift runtime and Foundation are linked in, so the runtime image needs no toolchain.
RUN swift build -c release --product gongkai --static-swift-stdlib \
 && install -D -m 0755 "$(swift build -c release --show-bin-path)/gongkai" /out/gongkai

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libmicrohttpd12 zlib1g tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 gongkai \
 && useradd --system --uid 10001 --gid gongkai --home-dir /data --no-create-home --shell /usr/sbin/nologin gongkai \
 && mkdir -p /data /etc/gongkai \
 && chown gongkai:gongkai /data \
 && chmod 0750 /data
COPY --from=build /out/gongkai /usr/local/bin/gongkai
COPY Public /usr/share/gongkai/Public
ENV GONGKAI_HOST=0.0.0.0 \
    GONGKAI_PORT=8080 \
    GONGKAI_DATA_DIR=/data \
    GONGKAI_PUBLIC_DIR=/usr/share/gongkai/Public \
    TZ=Asia/Shanghai
VOLUME ["/data"]
EXPOSE 8080
WORKDIR /data
USER 10001:10001
# curl and wget are not in the slim image: the binary probes GET /healthz itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/usr/local/bin/gongkai", "healthcheck"]
# SIGTERM: stop accepting, finish in-flight requests, flush, exit 0 (well within a second).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/gongkai"]
CMD ["serve"]
