#!/usr/bin/env bash
# Runs the README's walk-through exactly as written against a freshly started Molnkoll, then checks
# through the API that it did what the README says. Usage:
#   .ci/readme-walkthrough.sh h2                 (embedded database in a temporary directory)
#   .ci/readme-walkthrough.sh postgres JDBC_URL  (postgres profile, demo users on for the trial)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-h2}
jar=ui/target/molnkoll.jar
[ -f "$jar" ] || { echo "walkthrough: $jar is missing; build first" >&2; exit 1; }
if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
  echo "walkthrough: port 8080 is taken; the README's commands need it" >&2; exit 1
fi

work=$(mktemp -d)
args=(--molnkoll.data-dir="$work/data")
if [ "$mode" = postgres ]; then
  args+=(--spring.profiles.active=postgres --spring.datasource.url="$2" --spring.datasource.username=postgres
         --molnkoll.demo-users=true)
fi
java -XX:+ExitOnOutOfMemoryError -jar "$jar" "${args[@]}" >"$work/molnkoll.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  curl -sf http://localhost:8080/actuator/health >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$work/molnkoll.log"; echo "walkthrough: Molnkoll did not start" >&2; exit 1; }
  sleep 1
done

# The block between the walkthrough markers, without its ``` fences.
sed -n '/<!-- walkthrough:start -->/,/<!-- walkthrough:end -->/p' README.md | sed '1,2d;$d' | sed '$d' >"$work/walkthrough.sh"
echo "walkthrough ($mode): running $(grep -c 'curl ' "$work/walkthrough.sh") curl commands from README.md"
(cd "$work" && bash -euo pipefail walkthrough.sh >out.txt)

fail() { echo "walkthrough ($mode): $*" >&2; cat "$work/out.txt" >&2; exit 1; }
# The walk-through ends by starting a rebuild; the read models are complete again once it is done.
for _ in $(seq 1 60); do
  curl -s -u admin:admin http://localhost:8080/api/admin/rebuild | grep -q '"state":"RUNNING"' || break
  sleep 1
done
curl -s -u admin:admin http://localhost:8080/api/admin/rebuild | grep -q '"state":"DONE"' || fail "the rebuild did not finish"
id=$(sed -n 1p "$work/out.txt")
[[ "$id" =~ ^[0-9a-f-]{36}$ ]] || fail "first line is not a service id: $id"
service=$(curl -s -u auditor:auditor "http://localhost:8080/api/services/$id")
grep -q '"personalData":true' <<<"$service" || fail "the classification was not recorded"
grep -q '"withdrawn":true' <<<"$service" || fail "the evidence was not withdrawn"
grep -q '"measureId":18,"phase":"ACQUIRE","status":"RISK_ACCEPTED"' <<<"$service" || fail "measure 18 is not risk-accepted"
grep -q '"phase":"ACQUIRE"' <<<"$service" || fail "the service left the acquire phase"
grep -q '"vendor":"Moln Holding AB"' <<<"$service" || fail "the vendor was not corrected"
grep -q 'ACQUIRE_MEASURES_OPEN' "$work/out.txt" || fail "starting operation was not refused with the open measures"
grep -q '"field":"measureIds"' "$work/out.txt" || grep -q '"field":"phases\[0\]"' "$work/out.txt" || fail "bad input was not refused by field"
trail=$(curl -s -u auditor:auditor "http://localhost:8080/api/services/$id/audit?order=asc")
for type in CloudServiceRegistered ClassificationSet EvidenceReceived RiskAcceptanceProposed RiskAcceptanceApproved VendorChanged DocumentAttached EvidenceWithdrawn; do
  grep -q "\"type\":\"$type\"" <<<"$trail" || fail "the audit trail lacks $type"
done
[ "$(grep -o '"type":' <<<"$trail" | wc -l)" -eq 9 ] || fail "the audit trail should hold exactly 9 events"
grep -q '"signedOff":true,"proposalId":"[0-9a-f-]\{36\}"' <<<"$service" || fail "the acceptance of measure 18 is not signed by the risk owner"
cmp -s "$work/rapport.pdf" "$work/rapport-kopia.pdf" || fail "the downloaded document differs from the uploaded one"
grep -q '"expiringCertificates":' "$work/out.txt" || fail "the dashboard did not answer"
grep -q "\"asOf\":\"20" "$work/out.txt" || fail "the service as of a moment did not answer"
if grep -q '"field":"classification.confidentiality"' "$work/out.txt"; then fail "the changes since the withdrawal show more"; fi
grep -q '"change":"WITHDRAWN"' "$work/out.txt" || fail "the changes since the withdrawal do not show it"
head -1 "$work/trail.csv" | grep -q '^position,recordedAt,actor' || fail "the CSV export has no header"
[ "$(head -c 2 "$work/register.xlsx")" = "PK" ] || fail "the register export is not an XLSX workbook"
[ "$(grep -c ',CloudServiceRegistered,\|,EvidenceWithdrawn,' "$work/trail.csv")" -eq 2 ] || fail "the CSV export lacks events"
grep -q '"intact":true' "$work/out.txt" || fail "the hash chain did not verify"
[ "$(head -c 5 "$work/tjanstrapport.pdf")" = "%PDF-" ] || fail "the service report is not a PDF"
[ "$(head -c 5 "$work/portfoljrapport.pdf")" = "%PDF-" ] || fail "the portfolio report is not a PDF"
grep -q 'dokument/Revisionsrapport 2026 - rapport.pdf: OK' "$work/out.txt" || fail "sha256sum did not check the document in the package"
if grep -q 'FAILED' "$work/out.txt"; then fail "sha256sum found a file of the evidence package that does not match"; fi
grep -q '"row":3,.*Ange SaaS, PaaS eller IaaS' "$work/out.txt" || fail "the import preview did not name the wrong service model of row 3"
for _ in $(seq 1 30); do
  curl -s -u viewer:viewer http://localhost:8080/api/services | grep -q '"name":"Diariet"' && break
  sleep 1
done
curl -s -u viewer:viewer http://localhost:8080/api/services | grep -q '"name":"Diariet"' || fail "the imported service is not in the register"
if curl -s -u viewer:viewer http://localhost:8080/api/services | grep -q '"name":"Kartan"'; then fail "the row with a problem was imported"; fi
echo "walkthrough ($mode): ok"
