{{/*
Deployment of one component. Components with a `database` are domain services: they get
SPRING_KAFKA_BOOTSTRAP_SERVERS and SPRING_MONGODB_URI from the top-level kafka/mongodb values.
An extraEnv entry replaces a generated variable of the same name (e.g. a URI from a Secret).
*/}}
{{- define "firstsec-lib.deployment" -}}
{{- $v := .values -}}
{{- $root := .root -}}
{{- $overridden := list -}}
{{- range $v.extraEnv }}{{ $overridden = append $overridden .name }}{{ end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "firstsec-lib.componentName" . }}
  labels:
    {{- include "firstsec-lib.labels" . | nindent 4 }}
spec:
  {{- if not $v.autoscaling.enabled }}
  replicas: {{ $v.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "firstsec-lib.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "firstsec-lib.labels" . | nindent 8 }}
    spec:
      {{- with $root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: {{ .component }}
          image: {{ include "firstsec-lib.image" . }}
          imagePullPolicy: {{ $root.Values.global.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $v.port }}
              protocol: TCP
            - name: management
              containerPort: {{ $root.Values.global.managementPort }}
              protocol: TCP
          env:
            {{- $generated := list (dict "name" "SERVER_PORT" "value" (toString $v.port)) }}
            {{- $generated = append $generated (dict "name" "MANAGEMENT_SERVER_PORT" "value" (toString $root.Values.global.managementPort)) }}
            {{- if $v.database }}
            {{- $security := $root.Values.security }}
            {{- $issuer := required "security.issuerUri is required" $security.issuerUri }}
            {{- $generated = append $generated (dict "name" "SPRING_KAFKA_BOOTSTRAP_SERVERS" "value" (required "kafka.bootstrapServers is required" $root.Values.kafka.bootstrapServers)) }}
            {{- $generated = append $generated (dict "name" "SPRING_MONGODB_URI" "value" (include "firstsec-lib.mongodbUri" .)) }}
            {{- $generated = append $generated (dict "name" "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI" "value" $issuer) }}
            {{- $generated = append $generated (dict "name" "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI" "value" (default (printf "%s/oauth2/jwks" $issuer) $security.jwkSetUri)) }}
            {{- $generated = append $generated (dict "name" "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES" "value" $security.audience) }}
            {{- $generated = append $generated (dict "name" "FIRSTSEC_SECURITY_CLAIMS_BUREAU" "value" $security.claims.bureau) }}
            {{- $generated = append $generated (dict "name" "FIRSTSEC_SECURITY_CLAIMS_MEMBER" "value" $security.claims.member) }}
            {{- $generated = append $generated (dict "name" "FIRSTSEC_SECURITY_CLAIMS_ROLES" "value" $security.claims.roles) }}
            {{- end }}
            {{- range concat $generated (.env | default list) }}
            {{- if not (has .name $overridden) }}
            - name: {{ .name }}
              value: {{ .value | quote }}
            {{- end }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            periodSeconds: 5
            failureThreshold: 36
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: management
            periodSeconds: 5
            failureThreshold: 3
          {{- with $v.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
{{- end -}}
