{{- define "cdsbone.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cdsbone.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "cdsbone.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cdsbone.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "cdsbone.labels" -}}
{{ include "cdsbone.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "cdsbone.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "cdsbone.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The image by digest when one is given, else by tag (default: the chart's appVersion). */}}
{{- define "cdsbone.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* "true" when at least two replicas are guaranteed (a PodDisruptionBudget then leaves one running). */}}
{{- define "cdsbone.atLeastTwoReplicas" -}}
{{- if .Values.autoscaling.enabled -}}
{{- ge (int .Values.autoscaling.minReplicas) 2 -}}
{{- else -}}
{{- ge (int .Values.replicaCount) 2 -}}
{{- end -}}
{{- end -}}

{{/*
Settings that would give a pod that cannot serve, refused at `helm install`/`helm template` time with one message
rather than found later as a crash-looping pod.
*/}}
{{- define "cdsbone.validate" -}}
{{- $auth := .Values.config.Auth | default dict -}}
{{- $required := ternary true $auth.Required (kindIs "invalid" $auth.Required) -}}
{{- if and $required (not $auth.Issuers) -}}
{{- fail "config.Auth.Issuers is empty while config.Auth.Required is true: the service would refuse every call. Name at least one trusted EHR (Issuer with JwksUri, JwksPath or Jwks), or set config.Auth.Required=false for a closed test cluster." -}}
{{- end -}}
{{- if and $required (not .Values.config.PublicBaseUrl) -}}
{{- fail "config.PublicBaseUrl is empty while config.Auth.Required is true: set it to the URL EHRs call (client JWTs carry it as aud)." -}}
{{- end -}}
{{- $keySets := list -}}
{{- range .Values.keySetSecrets -}}
{{- $keySets = append $keySets (printf "/secrets/jwks/%s/%s" .name .key) -}}
{{- end -}}
{{- range $auth.Issuers -}}
{{- if and .JwksPath (not (has .JwksPath $keySets)) -}}
{{- fail (printf "config.Auth.Issuers: %s has JwksPath %s, which no keySetSecrets entry mounts (expected /secrets/jwks/<name>/<key>; mounted: %s)." .Issuer .JwksPath (join ", " $keySets)) -}}
{{- end -}}
{{- end -}}
{{- if le (int .Values.terminationGracePeriodSeconds) (add .Values.preStopSeconds .Values.shutdownTimeoutSeconds | int) -}}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed preStopSeconds + shutdownTimeoutSeconds (%d): the kubelet would kill calls still in flight." (int .Values.terminationGracePeriodSeconds) (add .Values.preStopSeconds .Values.shutdownTimeoutSeconds | int)) -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) -}}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas." -}}
{{- end -}}
{{- if eq (int .Values.managementPort) 8080 -}}
{{- fail "managementPort must differ from the API container port 8080." -}}
{{- end -}}
{{- end -}}
