# Stand-in for maven:3.9-eclipse-temurin-17, made by docker/verify.sh on machines that cannot pull from a
# registry: the debootstrapped Debian 12 base with Debian's OpenJDK 17 JDK and Apache Maven 3.9 from Maven
# Central (the tarball verify.sh downloaded and checked against Central's .sha512; Debian 12's own maven is 3.8).
ARG BASE
FROM ${BASE}
ARG MAVEN_VERSION
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
 && rm -rf /var/lib/apt/lists/*
COPY apache-maven-bin.tar.gz /tmp/
RUN mkdir -p /usr/share/maven \
 && tar -xzf /tmp/apache-maven-bin.tar.gz -C /usr/share/maven --strip-components=1 \
 && rm /tmp/apache-maven-bin.tar.gz \
 && ln -s /usr/share/maven/bin/mvn /usr/bin/mvn
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    MAVEN_HOME=/usr/share/maven
LABEL org.hicserve.standin="maven:3.9-eclipse-temurin-17 stand-in: debootstrap Debian 12 + openjdk-17-jdk-headless + Maven ${MAVEN_VERSION} from Maven Central"
CMD ["mvn", "--version"]
