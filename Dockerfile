# syntax=docker/dockerfile:1.7
# CdsBone: build with the .NET SDK, run on the chiseled ASP.NET Core runtime (no shell, no package manager, non-root).
# Tags are pinned to the versions CI builds and tests with (.NET 10.0.12 runtime, SDK 10.0.401); bump them together.
# Build: docker buildx build --platform linux/amd64,linux/arm64 \
#          --build-arg VERSION=0.1.0 --build-arg REVISION=$(git rev-parse HEAD) -t registry.example.org/cdsbone:0.1.0 .

# The SDK runs on the build machine's platform and cross-compiles for the target (-a): no emulation of the SDK.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
# amd64 or arm64, from BuildKit; the SDK takes Docker's architecture names for -a.
ARG TARGETARCH
ARG VERSION=0.1.0
WORKDIR /src

# Restore first, from the project files only, so that the package layer is cached across source changes; the NuGet
# cache is a BuildKit cache mount, kept between builds and never part of a layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/CdsBone.Rules/CdsBone.Rules.csproj src/CdsBone.Rules/
COPY src/CdsBone.Fhir/CdsBone.Fhir.csproj src/CdsBone.Fhir/
COPY src/CdsBone.Api/CdsBone.Api.csproj src/CdsBone.Api/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore src/CdsBone.Api/CdsBone.Api.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true

# The same publish that .ci/ops-checks and bench/load.sh perform: the project file holds the settings that matter
# (ReadyToRun of the libraries, tiered-compilation and GC settings in the runtimeconfig; docs/performance.md), so only
# the architecture is added here.
# No symbols (.pdb) or XML docs in the output, and no Development settings: only what Production reads.
COPY cds-services.json ./
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/CdsBone.Api/CdsBone.Api.csproj --configuration Release --no-restore -a "$TARGETARCH" --self-contained false \
      --output /app -p:UseAppHost=false -p:Version="$VERSION" \
      -p:DebugType=none -p:DebugSymbols=false \
 && rm -f /app/appsettings.Development.json \
 && find /app \( -name '*.pdb' -o -name '*.xml' \) -delete

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG SOURCE=https://github.com/example/cdsbone
LABEL org.opencontainers.image.title="CdsBone" \
      org.opencontainers.image.description="CDS Hooks 2.0 service: anastrozole and bone health (FHIR R4)" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION" \
      org.opencontainers.image.source="$SOURCE"
WORKDIR /app
COPY --from=build /app ./

# API on 8080, all interfaces; /metrics, /healthz and /readyz on the management port 8081 only; Production unless told
# otherwise. The root filesystem can be read-only: nothing is written outside /tmp (mount an emptyDir there), and the
# diagnostics IPC socket, which would need a writable /tmp, is off unless an operator turns it on for a debugging session.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    CdsBone__ManagementPort=8081 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_EnableDiagnostics=0 \
    TMPDIR=/tmp

EXPOSE 8080 8081
# The chiseled images' non-root "app" user.
USER 1654:1654
ENTRYPOINT ["dotnet", "CdsBone.Api.dll"]
