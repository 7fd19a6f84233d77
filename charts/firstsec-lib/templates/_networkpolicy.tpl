{{/*
Ingress to a component's pods on its http port: from anywhere for the public component (the
gateway), otherwise only from this release's gateway; plus networkPolicy.extraIngress (e.g. the
Prometheus namespace). The management port (Actuator) only from networkPolicy.extraIngress; the
kubelet's probes are not subject to the policy. Egress is not restricted: Kafka and MongoDB are external.
*/}}
{{- define "firstsec-lib.networkpolicy" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "firstsec-lib.componentName" . }}
  labels:
    {{- include "firstsec-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "firstsec-lib.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    - ports:
        - port: http
          protocol: TCP
      {{- if not .public }}
      from:
        - podSelector:
            matchLabels:
              {{- include "firstsec-lib.selectorLabels" (dict "root" .root "component" "gateway") | nindent 14 }}
        {{- with .root.Values.networkPolicy.extraIngress }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- end }}
    {{- with .root.Values.networkPolicy.extraIngress }}
    - ports:
        - port: management
          protocol: TCP
      from:
        {{- toYaml . | nindent 8 }}
    {{- end }}
{{- end -}}
