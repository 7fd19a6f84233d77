{{/* Prometheus Operator ServiceMonitor for one component (rendered only when metrics.serviceMonitor.enabled). */}}
{{- define "firstsec-lib.servicemonitor" -}}
{{- $sm := .root.Values.metrics.serviceMonitor -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "firstsec-lib.componentName" . }}
  labels:
    {{- include "firstsec-lib.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "firstsec-lib.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: management
      path: /actuator/prometheus
      interval: {{ $sm.interval }}
{{- end -}}
