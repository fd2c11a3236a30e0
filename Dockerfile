# Dockerfile: latentbench with Temurin JDK 25 and Maven, the project built, for the Kubernetes
# benchmark matrix (deploy/k8s/bench-matrix.yaml) or any machine with Docker:
#
#   docker build -t latentbench --build-arg GIT_COMMIT="$(git rev-parse HEAD)" .
#   docker run --rm -v "$PWD/out:/results" latentbench bench --profile full --shard 1/8 --out /results/shard-1
#
# This repository's CI has no Docker, so it does not build this image; MatrixManifestsTest checks
# that what it copies and runs exists.
FROM maven:3.9-eclipse-temurin-25

# Results name the commit they measured; the image has no .git, so it is told (RunInfos reads it).
ARG GIT_COMMIT=""

WORKDIR /opt/latentbench
COPY . .
# `lb build` is `mvn -B -q -DskipTests package` with the JDK of the image; the listing checks that
# the built command line starts and finds its benchmarks.
RUN ./lb build \
 && ./lb bench --profile full --list | tail -n 1 \
 && useradd --uid 10001 --user-group --no-create-home --home-dir /opt/latentbench bench \
 && chown -R bench:bench /opt/latentbench

ENV LB_GIT_COMMIT=${GIT_COMMIT} \
    LB_NO_BUILD=1
USER 10001
ENTRYPOINT ["./lb"]
CMD ["--help"]
