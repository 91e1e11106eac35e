// Validates manifests rendered by `helm template` (read from stdin) against the Kubernetes API schemas of the npm
// package kubernetes-models, and checks the chart's own rules (security, management port, shutdown, disruption
// budget, NetworkPolicy reaching every configured dependency). Custom resources are checked for their shape only.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { Service, ConfigMap, ServiceAccount, Pod } from "kubernetes-models/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { NetworkPolicy, Ingress } from "kubernetes-models/networking.k8s.io/v1";

const models = { Deployment, Service, ConfigMap, ServiceAccount, Pod, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy, Ingress };
const shapes = {
  ServiceMonitor: (d) => d.apiVersion === "monitoring.coreos.com/v1" && d.spec?.endpoints?.length > 0,
  PrometheusRule: (d) => d.apiVersion === "monitoring.coreos.com/v1" && d.spec?.groups?.every((g) => g.name && g.rules?.length > 0),
  HTTPRoute: (d) => d.apiVersion === "gateway.networking.k8s.io/v1" && d.spec?.parentRefs?.length > 0 && d.spec?.rules?.length > 0,
};
const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJSON()).filter(Boolean);
let failures = 0;
const fail = (what) => { failures++; console.error(`FAIL ${what}`); };
for (const doc of docs) {
  const Model = models[doc.kind];
  try {
    if (Model) {
      new Model(doc).validate();
    } else if (shapes[doc.kind]) {
      if (!shapes[doc.kind](doc)) throw new Error(`bad ${doc.kind}`);
    } else {
      throw new Error(`unexpected kind ${doc.kind}`);
    }
    console.log(`ok   ${doc.kind}/${doc.metadata.name}`);
  } catch (error) {
    fail(`${doc.kind}/${doc.metadata?.name}: ${error.message}`);
  }
}

const all = (kind) => docs.filter((d) => d.kind === kind);
const one = (kind) => all(kind)[0];
for (const kind of ["Deployment", "Service", "ConfigMap"]) {
  if (!one(kind)) fail(`missing ${kind}`);
}
const deployment = one("Deployment");
const pod = deployment?.spec?.template?.spec;
const container = pod?.containers?.[0];
const portNumber = (name) => container?.ports?.find((p) => p.name === name)?.containerPort;
const config = JSON.parse(all("ConfigMap").find((c) => c.data?.["cdsbone.json"])?.data["cdsbone.json"] ?? "{}").CdsBone ?? {};
const env = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
const check = (ok, what) => { if (!ok) fail(`rule: ${what}`); };

// Security.
check(container?.securityContext?.readOnlyRootFilesystem === true, "readOnlyRootFilesystem");
check(container?.securityContext?.allowPrivilegeEscalation === false, "allowPrivilegeEscalation false");
check(container?.securityContext?.capabilities?.drop?.includes("ALL"), "capabilities drop ALL");
check(pod?.securityContext?.runAsNonRoot === true, "runAsNonRoot");
check(pod?.securityContext?.seccompProfile?.type === "RuntimeDefault", "seccomp RuntimeDefault");
check(pod?.automountServiceAccountToken === false, "no service account token");
check(pod?.serviceAccountName, "a service account");

// Management port: probes there, the app told so, the API Service and every route on the API port only.
check(portNumber("management") && portNumber("management") !== portNumber("http"), "a management container port apart from http");
check(Number(env.CdsBone__ManagementPort) === portNumber("management"), "CdsBone__ManagementPort is the management container port");
for (const [probe, path] of [["livenessProbe", "/healthz"], ["readinessProbe", "/readyz"], ["startupProbe", "/readyz"]]) {
  check(container?.[probe]?.httpGet?.path === path && container?.[probe]?.httpGet?.port === "management", `${probe} on management ${path}`);
}
for (const service of all("Service")) {
  const names = service.spec.ports.map((p) => p.targetPort);
  check(!(names.includes("http") && names.includes("management")), `Service ${service.metadata.name} mixes the API and management ports`);
  if (names.includes("management")) check(service.spec.type === "ClusterIP", "the management Service is ClusterIP");
}
const apiService = all("Service").find((s) => s.spec.ports.some((p) => p.targetPort === "http"));
for (const ingress of all("Ingress")) {
  for (const rule of ingress.spec.rules) {
    for (const path of rule.http.paths) {
      check(path.backend.service.name === apiService?.metadata.name && path.backend.service.port.name === "http", "Ingress routes the API Service only");
    }
  }
}
for (const route of all("HTTPRoute")) {
  for (const rule of route.spec.rules) {
    for (const ref of rule.backendRefs) check(ref.name === apiService?.metadata.name, "HTTPRoute routes the API Service only");
  }
}
for (const monitor of all("ServiceMonitor")) {
  check(monitor.spec.endpoints.every((e) => e.port === "management" && e.path === "/metrics"), "ServiceMonitor scrapes the management port");
}

// Shutdown: a preStop delay, then the app's drain, within the grace period.
const preStop = container?.lifecycle?.preStop?.sleep?.seconds ?? 0;
const drain = Number((env.CdsBone__ShutdownTimeout ?? "00:00:00").split(":")[2]);
check(preStop > 0, "a preStop delay");
check(pod?.terminationGracePeriodSeconds > preStop + drain, "grace period > preStop + shutdown timeout");

// Key sets: whole Secrets, no subPath (a rotated Secret must reach the running pod).
check((container?.volumeMounts ?? []).every((m) => !m.subPath), "no subPath mounts");
check(pod?.topologySpreadConstraints?.length > 0, "topology spread");

// Disruption budget only when two replicas are guaranteed; HPA with behavior.
const hpa = one("HorizontalPodAutoscaler");
const guaranteed = hpa ? hpa.spec.minReplicas : deployment?.spec?.replicas ?? 1;
for (const pdb of all("PodDisruptionBudget")) {
  check(guaranteed >= 2, `PodDisruptionBudget with ${guaranteed} guaranteed replica(s)`);
  check(pdb.spec.maxUnavailable === 1, "PDB maxUnavailable 1");
}
if (hpa) {
  check(hpa.spec.behavior?.scaleDown && hpa.spec.behavior?.scaleUp, "HPA behavior");
  check(deployment?.spec?.replicas === undefined, "no Deployment replicas under an HPA");
}

// NetworkPolicy: every dependency the configuration names is reachable.
const policy = one("NetworkPolicy");
if (policy) {
  const egressPorts = new Set(policy.spec.egress.flatMap((rule) => (rule.ports ?? []).map((p) => p.port)));
  const portOf = (url, fallback) => Number(new URL(url).port || fallback);
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    check(egressPorts.has(portOf(env.OTEL_EXPORTER_OTLP_ENDPOINT, 4317)), `egress to the OTLP endpoint ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
  }
  if (env.CdsBone__Auth__ReplayCacheRedis) check(egressPorts.has(6379), "egress to Redis (port 6379)");
  for (const url of [...(config.Fhir?.AllowedServers ?? []), ...(config.Auth?.Issuers ?? []).map((i) => i.JwksUri).filter(Boolean)]) {
    check(egressPorts.has(portOf(url, 443)), `egress to ${url}`);
  }
  const management = policy.spec.ingress.find((rule) => rule.ports?.some((p) => p.port === "management"));
  check(management?.from?.length > 0, "management port ingress limited to named sources");
}

console.log(`${docs.length} manifests, ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
