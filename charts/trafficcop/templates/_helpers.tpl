{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "trafficcop.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the operator's resources. */}}
{{- define "trafficcop.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s-operator" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "trafficcop.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "trafficcop.selectorLabels" -}}
app.kubernetes.io/name: {{ include "trafficcop.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "trafficcop.labels" -}}
helm.sh/chart: {{ include "trafficcop.chart" . }}
{{ include "trafficcop.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "trafficcop.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "trafficcop.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "trafficcop.instanceName" -}}
{{- default .Release.Name .Values.trafficcop.name | trunc 53 | trimSuffix "-" }}
{{- end }}

{{/* Checks across values that the JSON schema cannot express; fails the render with a clear message. */}}
{{- define "trafficcop.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.leaderElection.enabled) }}
{{- fail "replicaCount > 1 needs leaderElection.enabled=true: two active operators would fight over the same resources" }}
{{- end }}
{{- if .Values.trafficcop.enabled }}
{{- if and (not .Values.trafficcop.config.existingConfigMap) (not .Values.trafficcop.config.staticConfig) }}
{{- fail "trafficcop.enabled needs trafficcop.config.existingConfigMap or trafficcop.config.staticConfig" }}
{{- end }}
{{- if not (regexMatch "\\.(ya?ml|toml)$" .Values.trafficcop.config.staticKey) }}
{{- fail (printf "trafficcop.config.staticKey %q must end with .yml, .yaml or .toml" .Values.trafficcop.config.staticKey) }}
{{- end }}
{{- if hasKey .Values.trafficcop.config.dynamicConfig .Values.trafficcop.config.staticKey }}
{{- fail (printf "trafficcop.config.dynamicConfig must not contain the static key %q" .Values.trafficcop.config.staticKey) }}
{{- end }}
{{- if and .Values.watchNamespaces (not (has .Release.Namespace .Values.watchNamespaces)) }}
{{- fail (printf "trafficcop.enabled creates a TrafficCop in %q, which is not in watchNamespaces" .Release.Namespace) }}
{{- end }}
{{- end }}
{{- end }}
