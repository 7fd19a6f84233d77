{{/*
Shared helpers. Every "firstsec-lib.*" template that describes a component takes a dict:
  root       the top-level context ($)
  component  the component's key in values, e.g. "organisation"
  values     the component's values block (.Values.<component>)
  env        optional list of extra EnvVars computed by the caller (the gateway's routes)
  public     optional bool: the NetworkPolicy admits traffic from anywhere (the gateway)
*/}}

{{- define "firstsec-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "firstsec-lib.fullname" -}}
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

{{/* Name of a component's objects (Deployment, Service, ...): <fullname>-<component>. Takes the dict. */}}
{{- define "firstsec-lib.componentName" -}}
{{- printf "%s-%s" (include "firstsec-lib.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "firstsec-lib.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The image tag: the component's, else the global one, else the chart's appVersion. Takes the dict. */}}
{{- define "firstsec-lib.imageTag" -}}
{{- .values.image.tag | default .root.Values.global.image.tag | default .root.Chart.AppVersion -}}
{{- end -}}

{{- define "firstsec-lib.image" -}}
{{- $g := .root.Values.global.image -}}
{{- $parts := compact (list $g.registry $g.repositoryPrefix .values.image.name) -}}
{{- printf "%s:%s" (join "/" $parts) (include "firstsec-lib.imageTag" .) -}}
{{- end -}}

{{- define "firstsec-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "firstsec-lib.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "firstsec-lib.labels" -}}
{{ include "firstsec-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ include "firstsec-lib.imageTag" . | quote }}
app.kubernetes.io/part-of: firstsec
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "firstsec-lib.chart" .root }}
{{- end -}}

{{/*
The MongoDB URI of a component: the base URI with the component's database inserted before the
options, e.g. mongodb://a,b/?replicaSet=rs0 + firstsec-activity -> mongodb://a,b/firstsec-activity?replicaSet=rs0
*/}}
{{- define "firstsec-lib.mongodbUri" -}}
{{- $uri := required "mongodb.uri is required" .root.Values.mongodb.uri -}}
{{- $parts := splitn "?" 2 $uri -}}
{{- $base := $parts._0 | trimSuffix "/" -}}
{{- if $parts._1 -}}
{{- printf "%s/%s?%s" $base .values.database $parts._1 -}}
{{- else -}}
{{- printf "%s/%s" $base .values.database -}}
{{- end -}}
{{- end -}}

{{/* Every object of one component, each behind its own switch. Takes the dict. */}}
{{- define "firstsec-lib.component" -}}
{{- if .values.enabled }}
{{ include "firstsec-lib.deployment" . }}
---
{{ include "firstsec-lib.service" . }}
{{- if .values.autoscaling.enabled }}
---
{{ include "firstsec-lib.hpa" . }}
{{- end }}
{{- if .values.pdb.enabled }}
---
{{ include "firstsec-lib.pdb" . }}
{{- end }}
{{- if .root.Values.networkPolicy.enabled }}
---
{{ include "firstsec-lib.networkpolicy" . }}
{{- end }}
{{- if .root.Values.metrics.serviceMonitor.enabled }}
---
{{ include "firstsec-lib.servicemonitor" . }}
{{- end }}
{{- end }}
{{- end -}}
