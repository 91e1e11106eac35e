# syntax=docker/dockerfile:1.7
# CdsBone: build with the .NET SDK, run on the chiseled ASP.NET Core runtime (no shell, no package manager, non-root).
# Tags are pinned to the versions CI builds and tests with (.NET 10.0.12 runtime, SDK 10.0.401); bump them together.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
# amd64 or arm64, from BuildKit; the SDK takes Docker's architecture names for -a.
ARG TARGETARCH
WORKDIR /src

# Restore first, from the project files only, so that the package layer is cached across source changes.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/CdsBone.Rules/CdsBone.Rules.csproj src/CdsBone.Rules/
COPY src/CdsBone.Fhir/CdsBone.Fhir.csproj src/CdsBone.Fhir/
COPY src/CdsBone.Api/CdsBone.Api.csproj src/CdsBone.Api/
RUN dotnet restore src/CdsBone.Api/CdsBone.Api.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true

# The same publish that .ci/ops-checks and bench/load.sh perform. ReadyToRun precompiles the libraries (start to ready
# ~1.5 s instead of ~2 s on two cores); CdsBone's own assemblies stay JIT-compiled for tiered PGO (docs/performance.md).
COPY cds-services.json ./
COPY src/ src/
RUN dotnet publish src/CdsBone.Api/CdsBone.Api.csproj --configuration Release --no-restore -a "$TARGETARCH" --self-contained false \
    -p:PublishReadyToRun=true --output /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./

# Port 8080 on all interfaces; Production unless told otherwise. The root filesystem can be read-only: nothing is
# written outside /tmp (mount an emptyDir there), and the diagnostics IPC socket, which would need a writable /tmp,
# is off unless an operator turns it on for a debugging session.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_TieredPGO=1 \
    TMPDIR=/tmp

EXPOSE 8080
# The chiseled images' non-root "app" user.
USER 1654:1654
ENTRYPOINT ["dotnet", "CdsBone.Api.dll"]
