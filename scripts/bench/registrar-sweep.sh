#!/usr/bin/env bash
# SIPp rate sweep against ImsLab on PostgreSQL, measured exactly like the Kamailio anchor of the shared bench kit
# (../shared/bench: SIPp REGISTER / 401 / REGISTER / 200 with MD5 digest, 10,000 users, stepped rates, CPU of every
# party). Run as root on a quiet machine:
#   scripts/bench/registrar-sweep.sh [duration_s=25] [rate ...]
# Results: the kit's results/ folder (copied to $WORK) and a markdown table from its report.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
KIT=${BENCH_KIT:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/imslab-bench}
DUR=${1:-25}; shift || true
RATES=${*:-"1000 2000 3000 4000 5000 6000 8000"}
SIP_PORT=${SIP_PORT:-5080}
HTTP=http://127.0.0.1:${HTTP_PORT:-5090}
ADMIN_PASSWORD=bench-admin-password-1

rm -rf "$WORK" && mkdir -p "$WORK" && cp -r "$KIT"/. "$WORK"/ && chmod -R u+w "$WORK" && rm -rf "$WORK/results" "$WORK/pg" "$WORK/run" && mkdir -p "$WORK/results" "$WORK/run"
export PERF=$WORK
. "$WORK/env.sh"
# The same PostgreSQL settings as the kit's Kamailio cluster (durability at the defaults: fsync and synchronous_commit on).
mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg" && chmod 700 "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U "$PGUSER_ADMIN" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$WORK/pg'
max_connections = 50
shared_buffers = 256MB
CONF
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg/postgres.log" -w start >/dev/null
PSQL="$PGBIN/psql -h $PGHOST -p $PGPORT -U $PGUSER_ADMIN -qAt"
$PSQL -d postgres -c "create database imslab_bench" >/dev/null

# SIPp's injection file: the IMPI is the digest username (TS 24.229: the private identity), u00001@perf.test.
{ echo "SEQUENTIAL"; for i in $(seq 1 "$NUSERS"); do
    printf 'u%05d;%s;[authentication username=u%05d@%s password=p%05d]\n' "$i" "$REALM" "$i" "$REALM" "$i"; done; } > "$WORK/scenarios/users.csv"
{ echo "impi,subscription,schemes,k,op,opc,amf,sqn,password,ha1_md5,ha1_sha256,realm,imsi,msisdn,enabled,impus,allowed_visited_networks"
  for i in $(seq 1 "$NUSERS"); do
    printf 'u%05d@%s,,MD5,,,,,,p%05d,,,%s,,,true,sip:u%05d@%s,\n' "$i" "$REALM" "$i" "$REALM" "$i" "$REALM"; done; } > "$WORK/subscribers.csv"

dotnet build ImsLab.Api -c Release -nologo -v q >/dev/null
export ConnectionStrings__ImsLab="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER_ADMIN;Database=imslab_bench;Maximum Pool Size=20"
export ImsLab__Secrets__MasterKey=$(openssl rand -hex 32)
export ImsLab__Admin__Password=$ADMIN_PASSWORD
export ImsLab__DataDirectory=$WORK/data
export ImsLab__Sip__Domain=$REALM
export ImsLab__Sip__Listeners__0__Protocol=Udp ImsLab__Sip__Listeners__0__Address=127.0.0.1 ImsLab__Sip__Listeners__0__Port=$SIP_PORT
export ImsLab__Sip__Registration__MaxExpires=7200
export Logging__LogLevel__Default=Warning
dotnet ImsLab.Api/bin/Release/net10.0/ImsLab.Api.dll --urls "$HTTP" > "$WORK/imslab.log" 2>&1 &
SUT=$!
trap 'kill $SUT 2>/dev/null || true; runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do curl -fs "$HTTP/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$HTTP/health/ready" >/dev/null || { echo "ImsLab did not become ready; see $WORK/imslab.log"; exit 1; }

jar=$WORK/cookies
curl -fs -c "$jar" -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$HTTP/api/auth/login" >/dev/null
curl -fs -b "$jar" -H 'Content-Type: text/csv' --data-binary @"$WORK/subscribers.csv" "$HTTP/api/subscribers/import" > "$WORK/import.json"
echo "provisioned: $(head -c 200 "$WORK/import.json")"

DB_PIDS=$(head -1 "$PGDATA/postmaster.pid")
SUT_PIDS=$SUT DB_PIDS=$DB_PIDS TARGET=127.0.0.1:$SIP_PORT NO_PROVISION=1 TAG=imslab-auth "$WORK/sweep.sh" auth - "$DUR" $RATES
python3 "$WORK/report.py" | tee "$WORK/report.md"
