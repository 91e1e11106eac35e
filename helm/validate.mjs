// Validates manifests rendered by `helm template` (read from stdin) against the Kubernetes API schemas of the npm
// package kubernetes-models. Custom resources (ServiceMonitor) are checked for their basic shape only.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { Service, ConfigMap } from "kubernetes-models/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";

const models = { Deployment, Service, ConfigMap, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy };
const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJSON()).filter(Boolean);
let failures = 0;
const seen = new Set();
for (const doc of docs) {
  seen.add(doc.kind);
  const Model = models[doc.kind];
  try {
    if (Model) {
      new Model(doc).validate();
    } else if (doc.kind === "ServiceMonitor") {
      if (doc.apiVersion !== "monitoring.coreos.com/v1" || !doc.spec?.endpoints?.length) throw new Error("bad ServiceMonitor");
    } else {
      throw new Error(`unexpected kind ${doc.kind}`);
    }
    console.log(`ok   ${doc.kind}/${doc.metadata.name}`);
  } catch (error) {
    failures++;
    console.error(`FAIL ${doc.kind}/${doc.metadata?.name}: ${error.message}`);
  }
}
const deployment = docs.find((d) => d.kind === "Deployment");
const container = deployment?.spec?.template?.spec?.containers?.[0];
const checks = [
  [container?.securityContext?.readOnlyRootFilesystem === true, "readOnlyRootFilesystem"],
  [container?.securityContext?.allowPrivilegeEscalation === false, "allowPrivilegeEscalation false"],
  [container?.securityContext?.capabilities?.drop?.includes("ALL"), "capabilities drop ALL"],
  [deployment?.spec?.template?.spec?.securityContext?.runAsNonRoot === true, "runAsNonRoot"],
  [deployment?.spec?.template?.spec?.securityContext?.seccompProfile?.type === "RuntimeDefault", "seccomp RuntimeDefault"],
  [container?.livenessProbe?.httpGet?.path === "/healthz", "liveness on /healthz"],
  [container?.readinessProbe?.httpGet?.path === "/readyz", "readiness on /readyz"],
  [container?.startupProbe?.httpGet?.path === "/readyz", "startup probe"],
  [deployment?.spec?.template?.spec?.topologySpreadConstraints?.length > 0, "topology spread"],
];
for (const [ok, what] of checks) {
  if (!ok) { failures++; console.error(`FAIL Deployment: ${what}`); }
}
for (const kind of ["Deployment", "Service", "ConfigMap"]) {
  if (!seen.has(kind)) { failures++; console.error(`FAIL missing ${kind}`); }
}
console.log(`${docs.length} manifests, ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
