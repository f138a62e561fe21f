#!/usr/bin/env bash
# Prints the ConfigMap "trino-access" (Trino's file-based access rules and group file) built from schemas/access,
# the one copy of the rules: `infra/k8s/trino/access-configmap.sh | kubectl apply -n salesops -f -`.
# groups.txt loses its comment lines on the way, as the local stack's TrinoAccessControl does: Trino's group file
# has no comments (every line is group:user,user).
set -euo pipefail
access="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../schemas/access" && pwd)"

indent() { sed 's/^/    /'; }

cat <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: trino-access
  labels:
    app.kubernetes.io/part-of: salesops-lakehouse
data:
  rules.json: |
$(indent < "$access/rules.json")
  groups.txt: |
$(grep -v -e '^#' -e '^[[:space:]]*$' "$access/groups.txt" | indent)
YAML
