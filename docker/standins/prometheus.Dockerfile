# Stand-in for prom/prometheus (the tag docker/compose.yaml names), made by docker/verify.sh on machines that
# cannot pull from a registry: the debootstrapped Debian 12 base with Debian's prometheus package, laid out as
# the real image is (binary as ENTRYPOINT, config /etc/prometheus/prometheus.yml, data /prometheus, user nobody).
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends prometheus \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /prometheus \
 && chown nobody:nogroup /prometheus
USER nobody
WORKDIR /prometheus
EXPOSE 9090
LABEL org.hicserve.standin="prom/prometheus stand-in: debootstrap Debian 12 + Debian's prometheus package"
ENTRYPOINT ["/usr/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
