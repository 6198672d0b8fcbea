# Stand-in for eclipse-temurin:17-jre, made by docker/verify.sh on machines that cannot pull from a registry:
# the debootstrapped Debian 12 base with Debian's OpenJDK 17 JRE. Only what docker/Dockerfile's runtime stage
# relies on: java on PATH, apt-get, groupadd/useradd. (The real image is Ubuntu with Temurin in /opt/java.)
ARG BASE
FROM ${BASE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
LABEL org.hicserve.standin="eclipse-temurin:17-jre stand-in: debootstrap Debian 12 + openjdk-17-jre-headless"
CMD ["jshell"]
