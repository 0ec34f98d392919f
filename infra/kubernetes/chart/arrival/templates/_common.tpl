{{/* Labels every object carries. */}}
{{- define "arrival.labels" -}}
app.kubernetes.io/part-of: arrival
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{/* A service module's selector labels; argument: the module name. */}}
{{- define "arrival.selector" -}}
app.kubernetes.io/name: {{ . }}
app.kubernetes.io/instance: arrival-{{ . }}
{{- end -}}

{{/* ACTION_PLANS for action-plans: the part of the services' environment variable names that names the module. */}}
{{- define "arrival.envName" -}}
{{ . | replace "-" "_" | upper }}
{{- end -}}

{{/* arrival_action_plans for action-plans: the module's database and its role. */}}
{{- define "arrival.dbName" -}}
arrival_{{ . | replace "-" "_" }}
{{- end -}}

{{- define "arrival.webHost" -}}app.{{ .Values.domain }}{{- end -}}
{{- define "arrival.authHost" -}}auth.{{ .Values.domain }}{{- end -}}
{{/* a public API's host; argument: dict with root and module */}}
{{- define "arrival.apiHost" -}}{{ .module }}.api.{{ .root.Values.domain }}{{- end -}}

{{/* The issuer as browsers reach it, named in every token. */}}
{{- define "arrival.issuer" -}}https://auth.{{ .Values.domain }}/realms/{{ .Values.keycloak.realm }}{{- end -}}
{{/* The same realm inside the cluster (keys, token endpoint, admin API). */}}
{{- define "arrival.realmInCluster" -}}http://{{ .Values.keycloak.name }}-service:8080/realms/{{ .Values.keycloak.realm }}{{- end -}}
{{- define "arrival.kafkaBootstrap" -}}{{ .Values.kafka.name }}-kafka-bootstrap:9092{{- end -}}
{{- define "arrival.postgresHost" -}}{{ .Values.postgres.name }}-rw{{- end -}}
{{- define "arrival.clientSecrets" -}}{{ .Values.keycloak.name }}-clients{{- end -}}

{{/*
A password kept across upgrades: the one already in the Secret when it exists, a new random one otherwise.
Argument: dict with root, secret (name) and key.
*/}}
{{- define "arrival.password" -}}
{{- $existing := dict -}}
{{- /* only against a cluster: its API list has CloudNativePG's (an offline render has the built-in APIs only) */ -}}
{{- if and .root.Values.secrets.lookupExisting (.root.Capabilities.APIVersions.Has "postgresql.cnpg.io/v1") -}}
{{- $existing = lookup "v1" "Secret" .root.Release.Namespace .secret -}}
{{- end -}}
{{- if and $existing $existing.data (hasKey $existing.data .key) -}}
{{ index $existing.data .key | b64dec }}
{{- else -}}
{{ randAlphaNum 32 }}
{{- end -}}
{{- end -}}
