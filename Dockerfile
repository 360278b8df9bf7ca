# Cairn's container image, built in two stages: the shaded jar from the sources, then a JRE-only image that runs it
# as a non-root user. Base images are pinned to a JDK 17 update; pin them by digest in your registry.
#   docker build -t cairn .
# Without a Docker engine, Jib builds the same image: mvn -B -pl wallet-api -am package jib:buildTar -DskipTests

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl wallet-api -am package

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --gid 10001 cairn \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /var/lib/cairn --shell /usr/sbin/nologin cairn \
 && mkdir -p /var/lib/cairn && chown 10001:10001 /var/lib/cairn
COPY --from=build /src/wallet-api/target/cairn.jar /opt/cairn/cairn.jar
USER 10001:10001
ENV CAIRN_HOME=/var/lib/cairn CAIRN_HTTP_HOST=0.0.0.0 CAIRN_HTTP_PORT=8080
EXPOSE 8080
# Exec form: SIGTERM reaches the JVM, which drains before it stops (CAIRN_SHUTDOWN_DRAIN_SECONDS).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/cairn/cairn.jar"]
