{{- define "firstsec-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "firstsec-lib.componentName" . }}
  labels:
    {{- include "firstsec-lib.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "firstsec-lib.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .values.port }}
      targetPort: http
      protocol: TCP
    - name: management
      port: {{ .root.Values.global.managementPort }}
      targetPort: management
      protocol: TCP
{{- end -}}
