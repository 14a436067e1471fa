#!/usr/bin/env bash
# Validates the deployment files with the real tools (Debian's docker-compose and promtool).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== docker-compose config"
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml --profile feed config --services | sort | tr '\n' ' '; echo
echo "== promtool check config (the compose stack's, as shipped)"
# The shipped config resolves rule_files next to itself, as in the container.
promtool check config deploy/prometheus/prometheus.yml
echo "== promtool check rules"
promtool check rules deploy/prometheus/alerts.yml
echo "== promtool test rules"
(cd deploy/prometheus && promtool test rules alerts_test.yml)
echo "== grafana dashboard is JSON with panels"
python3 -c 'import json,sys; d=json.load(open("deploy/grafana/dashboards/newsflow.json")); assert d["panels"], "no panels"; print(len(d["panels"]), "panels")'
