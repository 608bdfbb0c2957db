#!/usr/bin/env bash
# The README's run command as a new user meets it: the built jar with --molnkoll.demo-data=true on an
# empty embedded database, signed in through the login form as manager; the dashboard and the
# register show the demo portfolio, and a second start on the same data adds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

grep -q '^\./mvnw -DskipTests package && java -XX:+ExitOnOutOfMemoryError -jar ui/target/molnkoll.jar --molnkoll.demo-data=true$' README.md \
  || { echo "first run: the README's run command is not the one checked here" >&2; exit 1; }
jar=ui/target/molnkoll.jar
work=$(mktemp -d)
port=18080
start() {
  java -XX:+ExitOnOutOfMemoryError -jar "$jar" --molnkoll.demo-data=true --molnkoll.data-dir="$work/data" --server.port=$port >"$work/molnkoll-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    # the portfolio is recorded once the application is up; the log says when it is complete
    grep -q 'Demo data added\|Demo data not added' "$work/molnkoll-$1.log" && return 0
    kill -0 $pid 2>/dev/null || { cat "$work/molnkoll-$1.log"; echo "first run: Molnkoll did not start" >&2; exit 1; }
    sleep 1
  done
  echo "first run: Molnkoll did not answer" >&2; exit 1
}
stop() { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }
trap 'stop; rm -rf "$work"' EXIT
fail() { echo "first run: $*" >&2; exit 1; }

signed_in_page() { # path -> the page's HTML, signed in as manager through the login form
  local jar_file="$work/cookies"
  rm -f "$jar_file"
  local token
  token=$(curl -s -c "$jar_file" -b "$jar_file" http://localhost:$port/login | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$token" ] || fail "the login page has no CSRF token"
  local landed
  landed=$(curl -s -c "$jar_file" -b "$jar_file" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "username=manager" --data-urlencode "password=manager" --data-urlencode "_csrf=$token" \
    http://localhost:$port/login)
  [ "$landed" = "http://localhost:$port/" ] || fail "signing in as manager led to '$landed'"
  curl -s -b "$jar_file" "http://localhost:$port$1"
}

start 1
dashboard=$(signed_in_page /)
grep -q '<h1>Översikt</h1>' <<<"$dashboard" || fail "the dashboard did not render"
grep -q 'Chattbot för vårdguiden' <<<"$dashboard" || fail "the dashboard shows no unclassified demo service"
grep -q 'Lönesystem' <<<"$dashboard" || fail "the dashboard shows no expired demo certificate"
register=$(signed_in_page /services)
rows=$(grep -c 'href="/services/[0-9a-f-]\{36\}"' <<<"$register" || true)
[ "$rows" -eq 12 ] || fail "the register shows $rows services, not the 12 of the demo portfolio"
events=$(grep -o '"totalEntries":[0-9]*' <<<"$(curl -s -u auditor:auditor "http://localhost:$port/api/audit?size=1")" | cut -d: -f2)
stop
start 2
again=$(grep -o '"totalEntries":[0-9]*' <<<"$(curl -s -u auditor:auditor "http://localhost:$port/api/audit?size=1")" | cut -d: -f2)
[ "$events" = "$again" ] || fail "the second start changed the history ($events events, then $again)"
grep -q 'Demo data not added' "$work/molnkoll-2.log" || fail "the second start did not say why it added nothing"
echo "first run: ok ($rows services, $events events, none added on the second start)"
