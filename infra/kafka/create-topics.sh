#!/usr/bin/env bash
# Creates the topics of the Arrival catalogue on an existing Kafka cluster.
# Usage: BOOTSTRAP=host:9092 ./create-topics.sh [--dry-run] [--catalogue PATH]
# Extra kafka-topics.sh options (e.g. --command-config admin.properties) go in KAFKA_TOPICS_OPTS.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
catalogue="$here/../../contracts/src/main/resources/arrival/contracts/catalogue.yaml"
dry_run=false
BOOTSTRAP="${BOOTSTRAP:-localhost:9092}"
KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics.sh}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) dry_run=true; shift ;;
    --catalogue) catalogue="$2"; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

[[ -f "$catalogue" ]] || { echo "catalogue not found: $catalogue" >&2; exit 1; }

# Prints "name partitions retentionMs cleanupPolicy" per topic. The catalogue's `topics:` list is plain
# block YAML (one "key: value" per line), so a line-based reader is enough.
read_topics() {
  awk '
    function flush() { if (name != "") print name, partitions, retention, policy; name = "" }
    /^[^ #]/ { flush(); in_topics = ($0 ~ /^topics:/); next }
    !in_topics { next }
    /^  - name:/ { flush(); name = $3; partitions = ""; retention = ""; policy = ""; next }
    /^    partitions:/ { partitions = $2 }
    /^    retentionMs:/ { retention = $2 }
    /^    cleanupPolicy:/ { policy = $2 }
    END { flush() }
  ' "$1"
}

count=0
while read -r name partitions retention policy; do
  if [[ -z "$partitions" || -z "$retention" || -z "$policy" ]]; then
    echo "topic $name lacks partitions, retentionMs or cleanupPolicy in $catalogue" >&2
    exit 1
  fi
  cmd=("$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name"
       --partitions "$partitions" --config "retention.ms=$retention" --config "cleanup.policy=$policy")
  # shellcheck disable=SC2206 # word splitting of the extra options is intended
  [[ -n "${KAFKA_TOPICS_OPTS:-}" ]] && cmd+=(${KAFKA_TOPICS_OPTS})
  if $dry_run; then
    printf '%q ' "${cmd[@]}"; echo
  else
    "${cmd[@]}"
  fi
  count=$((count + 1))
done < <(read_topics "$catalogue")

[[ $count -gt 0 ]] || { echo "no topics found in $catalogue" >&2; exit 1; }
$dry_run && echo "# $count topic(s); dry run, nothing created" >&2 || true
