#!/usr/bin/env bash
# Runs the whole system on this machine, with no Docker: a real Kafka broker (KRaft, from Kafka's own jars), the
# Defender simulator, an SMTP server with a web page of received mail (maildev, from npm), the six services, and
# a stream of sample alerts. Ctrl-C stops everything it started.
#
#   ./run-local.sh            build what is missing, start, feed sample alerts until Ctrl-C
#   ./run-local.sh --build    rebuild the modules first, even if they are packaged
#
# Needs Linux, Java 17+, Node.js (for maildev) and curl; the Maven wrapper fetches Maven. Logs go to .run-local/logs/.
#
# Knobs (environment): RUN_LOCAL_SAMPLE_INTERVAL (seconds between sample alerts, default 5; 0: no samples),
# RUN_LOCAL_JAVA_OPTS (JVM options of each service, default "-Xms16m -Xmx128m -XX:+UseSerialGC
# -XX:TieredStopAtLevel=1").
#
# Each service runs its packaged application (<module>/target/quarkus-app, copied to .run-local/apps at start, so a
# rebuild meanwhile cannot break it) as `java -jar quarkus-run.jar` would, but under kafka-broker's
# ParentWatchingMain with this script's pid: if the script is killed without a chance to clean up (SIGKILL), every
# JVM it started exits on its own within a second.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$ROOT/.run-local"
LOGS="$RUN/logs"
PIDFILE="$RUN/pids"

SERVICES=(alert-poller enrichment-service decision-service response-service notifier-service hunting-scheduler)
declare -A PORT=([alert-poller]=8081 [enrichment-service]=8082 [decision-service]=8083 [response-service]=8084
                 [notifier-service]=8085 [hunting-scheduler]=8086 [defender-simulator]=8090)
# Health and metrics: each service's management interface, on its port + 1000 (the simulator has none).
declare -A HEALTH_PORT=([alert-poller]=9081 [enrichment-service]=9082 [decision-service]=9083
                        [response-service]=9084 [notifier-service]=9085 [hunting-scheduler]=9086
                        [defender-simulator]=8090)
KAFKA_PORT=9092
SMTP_PORT=1025
MAIL_WEB_PORT=1080
MAILDEV_VERSION=3.0.0
TENANT=local-dev-tenant
CLIENT_ID=local-dev-client
CLIENT_SECRET=local-dev-secret
SAMPLE_INTERVAL="${RUN_LOCAL_SAMPLE_INTERVAL:-5}"
read -r -a JAVA_OPTS <<< "${RUN_LOCAL_JAVA_OPTS:--Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
APPS="$RUN/apps"
LAUNCHER_CP="$APPS/kafka-broker-classes"
WATCHER=io.mderesponse.kafka.broker.ParentWatchingMain

FORCE_BUILD=false
for arg in "$@"; do
    case "$arg" in
        --build) FORCE_BUILD=true ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "Unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

START_SECONDS=$SECONDS
NAMES=()   # what we started, in order
PIDS=()
declare -A PID_OF=()

say()  { printf '\033[1m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[33m!!\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

log_tail() { # name [lines]
    local file="$LOGS/$1.log"
    if [[ -f "$file" ]]; then
        echo "---- last ${2:-40} lines of ${file#"$ROOT"/} ----" >&2
        tail -n "${2:-40}" "$file" >&2
        echo "----" >&2
    fi
    return 0
}

alive() { kill -0 "$1" 2>/dev/null; }

# The pid and all its descendants (the broker JVM is a child of the broker launcher).
with_descendants() {
    local pid=$1 child
    echo "$pid"
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        with_descendants "$child"
    done
}

cleanup() {
    local code=$?
    set +e
    trap '' INT TERM HUP
    trap - EXIT
    if [[ ${#PIDS[@]} -eq 0 ]]; then
        exit "$code"
    fi
    echo
    say "Stopping everything this script started..."
    # Everything below this script: what start() launched, the broker JVM under its launcher, the log tail.
    local all=() others=() pid i
    for pid in $(with_descendants $$); do
        [[ "$pid" != "$$" ]] && all+=("$pid")
    done
    for ((i = 0; i < ${#PIDS[@]}; i++)); do
        [[ "${NAMES[$i]}" != kafka ]] && others+=("${PIDS[$i]}")
    done
    # Services, simulator and maildev first (services commit offsets and close producers), the broker last.
    kill -TERM ${others[@]+"${others[@]}"} 2>/dev/null
    wait_gone 30 ${others[@]+"${others[@]}"}
    if [[ -n "${PID_OF[kafka]:-}" ]]; then
        kill -TERM "${PID_OF[kafka]}" 2>/dev/null
        wait_gone 30 $(with_descendants "${PID_OF[kafka]}")
    fi
    kill -TERM "${all[@]}" 2>/dev/null
    wait_gone 5 "${all[@]}"
    local left=()
    for pid in "${all[@]}"; do
        if alive "$pid"; then left+=("$pid"); fi
    done
    if [[ ${#left[@]} -gt 0 ]]; then
        warn "Still running, killing: $(ps -o pid=,comm= -p "$(IFS=,; echo "${left[*]}")" 2>/dev/null | tr '\n' ' ')"
        kill -KILL "${left[@]}" 2>/dev/null
        wait_gone 5 "${left[@]}"
    fi
    left=()
    for pid in "${all[@]}"; do
        if alive "$pid"; then left+=("$pid"); fi
    done
    if [[ ${#left[@]} -gt 0 ]]; then
        warn "Could not stop: $(ps -o pid=,args= -p "$(IFS=,; echo "${left[*]}")" 2>/dev/null)"
    else
        say "Stopped ${#PIDS[@]} processes (${#all[@]} with their children and helpers); none left running."
        rm -f "$PIDFILE"
    fi
    exit "$code"
}

wait_gone() { # timeout-seconds pid...
    local deadline=$((SECONDS + $1)) pid any
    shift
    while ((SECONDS < deadline)); do
        any=false
        for pid in "$@"; do
            if alive "$pid"; then any=true; fi
        done
        if ! $any; then return 0; fi
        sleep 0.2
    done
    return 0
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Starts a background process whose output goes to .run-local/logs/<name>.log and remembers its pid.
start() { # name command...
    local name=$1
    shift
    "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
    local pid=$!
    NAMES+=("$name")
    PIDS+=("$pid")
    PID_OF[$name]=$pid
    echo "$pid $name" >> "$PIDFILE"
}

died() { # name
    local pid=${PID_OF[$1]} code=0
    wait "$pid" 2>/dev/null || code=$?
    warn "$1 (pid $pid) exited with code $code"
    log_tail "$1" 60
    fail "$1 died; see $LOGS/$1.log. Stopping the rest."
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

# The length of the JSON array on stdin, or "?".
json_length() {
    node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
        try { console.log(JSON.parse(s).length) } catch (e) { console.log("?") } })'
}

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites, leftovers, ports

command -v java >/dev/null || fail "java not found: install a JDK 17 or newer"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
[[ -n "$java_major" && "$java_major" -ge 17 ]] || fail "Java 17 or newer is needed; 'java' is version ${java_major:-unknown}"
command -v node >/dev/null && command -v npm >/dev/null \
    || fail "Node.js (node and npm) not found: it runs maildev, the SMTP server with a mail page"
command -v curl >/dev/null || fail "curl not found"

mkdir -p "$LOGS"

if [[ -f "$PIDFILE" ]]; then
    # A previous run was killed before it could clean up. Its JVMs have exited on their own; maildev has not.
    # Only a process whose command line is still the one we started is stopped: a pid may have been reused.
    old_script=$(awk '$2 == "script" { print $1 }' "$PIDFILE")
    while read -r pid name; do
        [[ "$name" == script ]] && continue
        cmdline=$( { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null || true)
        if [[ "$cmdline" == *"$RUN/node_modules/.bin/maildev"* || "$cmdline" == *"$WATCHER $old_script "* ]]; then
            warn "Stopping $name (pid $pid) left over from an earlier run"
            kill -TERM "$pid" 2>/dev/null || true
            wait_gone 10 "$pid"
            if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
        fi
    done < "$PIDFILE"
    rm -f "$PIDFILE"
fi
echo "$$ script" > "$PIDFILE"

busy=()
for port in "$KAFKA_PORT" "${PORT[defender-simulator]}" "$SMTP_PORT" "$MAIL_WEB_PORT" \
        "${PORT[alert-poller]}" "${PORT[enrichment-service]}" "${PORT[decision-service]}" \
        "${PORT[response-service]}" "${PORT[notifier-service]}" "${PORT[hunting-scheduler]}" \
        "${HEALTH_PORT[alert-poller]}" "${HEALTH_PORT[enrichment-service]}" "${HEALTH_PORT[decision-service]}" \
        "${HEALTH_PORT[response-service]}" "${HEALTH_PORT[notifier-service]}" "${HEALTH_PORT[hunting-scheduler]}"; do
    if port_in_use "$port"; then busy+=("$port"); fi
done
if [[ ${#busy[@]} -gt 0 ]]; then
    if command -v ss >/dev/null; then ss -ltnp 2>/dev/null | grep -E ":($(IFS='|'; echo "${busy[*]}"))\b" >&2 || true; fi
    fail "Port(s) ${busy[*]} already in use: stop what listens there (another ./run-local.sh?) and try again"
fi

# ---------------------------------------------------------------------------------------------------------------
# Build (once) and maildev (once)

MODULES=(kafka-broker defender-simulator "${SERVICES[@]}")
missing=()
[[ -f "$ROOT/kafka-broker/target/classes/io/mderesponse/kafka/broker/broker.classpath" ]] || missing+=(kafka-broker)
for module in defender-simulator "${SERVICES[@]}"; do
    [[ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ]] || missing+=("$module")
done
if $FORCE_BUILD || [[ ${#missing[@]} -gt 0 ]]; then
    if $FORCE_BUILD; then
        say "Building (--build)..."
    else
        say "Building: ${missing[*]} not packaged yet (a few minutes the first time)..."
    fi
    if ! (cd "$ROOT" && ./mvnw -B -DskipTests install -pl "$(IFS=,; echo "${MODULES[*]}")" -am) > "$LOGS/build.log" 2>&1; then
        log_tail build 60
        fail "The build failed; full log: $LOGS/build.log"
    fi
    say "Built in $((SECONDS - START_SECONDS)) s"
fi

# Run copies, so rebuilding a module while the system runs cannot pull jars from under a running JVM.
rm -rf "$APPS"
mkdir -p "$APPS"
cp -a "$ROOT/kafka-broker/target/classes" "$LAUNCHER_CP"
for module in defender-simulator "${SERVICES[@]}"; do
    [[ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ]] \
        || fail "$module/target/quarkus-app disappeared (a build running elsewhere?); try again"
    cp -a "$ROOT/$module/target/quarkus-app" "$APPS/$module"
done

MAILDEV="$RUN/node_modules/.bin/maildev"
if [[ ! -x "$MAILDEV" ]]; then
    say "Installing maildev $MAILDEV_VERSION into ${RUN#"$ROOT"/}/node_modules (once)..."
    if ! npm install --prefix "$RUN" --no-audit --no-fund --loglevel=error "maildev@$MAILDEV_VERSION" > "$LOGS/npm.log" 2>&1; then
        log_tail npm
        fail "npm install maildev@$MAILDEV_VERSION failed; full log: $LOGS/npm.log"
    fi
fi

# ---------------------------------------------------------------------------------------------------------------
# Start: broker, simulator, mail, services

say "Starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT..."
# Broker state under .run-local/kafka, apart from the tests' brokers.
mkdir -p "$RUN/kafka"
start kafka java -Xms16m -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$RUN/kafka" \
    -cp "$LAUNCHER_CP" "$WATCHER" "$$" io.mderesponse.kafka.broker.KafkaBrokerMain --port "$KAFKA_PORT"
deadline=$((SECONDS + 120))
until grep -q '^bootstrap.servers=' "$LOGS/kafka.log" 2>/dev/null; do
    alive "${PID_OF[kafka]}" || died kafka
    ((SECONDS < deadline)) || { log_tail kafka; fail "Kafka was not ready within 120 s"; }
    sleep 0.2
done
BOOTSTRAP=$(sed -n 's/^bootstrap.servers=//p' "$LOGS/kafka.log" | head -n 1)
say "Kafka ready at $BOOTSTRAP"

say "Starting the Defender simulator on :${PORT[defender-simulator]} and maildev (SMTP :$SMTP_PORT, web :$MAIL_WEB_PORT)..."
start defender-simulator env \
    QUARKUS_HTTP_PORT="${PORT[defender-simulator]}" \
    SIMULATOR_CLIENT_ID="$CLIENT_ID" \
    SIMULATOR_CLIENT_SECRET="$CLIENT_SECRET" \
    SIMULATOR_ACTION_DELAY=2s \
    java "${JAVA_OPTS[@]}" -cp "$LAUNCHER_CP:$APPS/defender-simulator/quarkus-run.jar" \
    "$WATCHER" "$$" io.quarkus.bootstrap.runner.QuarkusEntryPoint
start maildev "$MAILDEV" --smtp "$SMTP_PORT" --web "$MAIL_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1

DEFENDER_ENV=(
    DEFENDER_API_BASE_URL="http://127.0.0.1:${PORT[defender-simulator]}"
    DEFENDER_TOKEN_URL="http://127.0.0.1:${PORT[defender-simulator]}/$TENANT/oauth2/v2.0/token"
    DEFENDER_TENANT_ID="$TENANT"
    DEFENDER_CLIENT_ID="$CLIENT_ID"
    DEFENDER_CLIENT_SECRET="$CLIENT_SECRET"
)
declare -A SERVICE_ENV=(
    [alert-poller]="${DEFENDER_ENV[*]} POLLER_INTERVAL=5s"
    [enrichment-service]="${DEFENDER_ENV[*]}"
    [decision-service]="RULES_PATH=$ROOT/hunting-scheduler/samples/rules.yaml"
    [response-service]="${DEFENDER_ENV[*]}"
    [notifier-service]="NOTIFIER_RECIPIENTS=soc@example.com NOTIFIER_FROM=mde-response@example.com QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT"
    # Hunting runs through Microsoft Graph (the default hunting.api): the simulator's Graph endpoint.
    [hunting-scheduler]="${DEFENDER_ENV[*]} DEFENDER_GRAPH_BASE_URL=http://127.0.0.1:${PORT[defender-simulator]}/v1.0 HUNTING_PATH=$ROOT/hunting-scheduler/samples/queries.yaml"
)

say "Starting ${SERVICES[*]}..."
for service in "${SERVICES[@]}"; do
    read -r -a extra <<< "${SERVICE_ENV[$service]}"
    # Plain-text logs for reading in a terminal; the packaged jars log JSON by default (production).
    # OPERATOR_AUTH=none: a local run has no identity provider, so /dlq and /rules answer without a token here
    # (each service warns about it); approvals and releases stay closed. Never set it in a deployment.
    start "$service" env \
        KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
        QUARKUS_HTTP_PORT="${PORT[$service]}" \
        QUARKUS_MANAGEMENT_PORT="${HEALTH_PORT[$service]}" \
        OPERATOR_AUTH=none \
        QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
        ${extra[@]+"${extra[@]}"} \
        java "${JAVA_OPTS[@]}" -cp "$LAUNCHER_CP:$APPS/$service/quarkus-run.jar" \
        "$WATCHER" "$$" io.quarkus.bootstrap.runner.QuarkusEntryPoint
done

# Wait for every /q/health/ready (and maildev's page); report the first that dies.
pending=(defender-simulator maildev "${SERVICES[@]}")
deadline=$((SECONDS + 180))
while [[ ${#pending[@]} -gt 0 ]]; do
    still=()
    for name in "${pending[@]}"; do
        alive "${PID_OF[$name]}" || died "$name"
        if [[ "$name" == maildev ]]; then
            url="http://127.0.0.1:$MAIL_WEB_PORT/api/healthz"
        else
            url="http://127.0.0.1:${HEALTH_PORT[$name]}/q/health/ready"
        fi
        if http_ok "$url" && { [[ "$name" != maildev ]] || port_in_use "$SMTP_PORT"; }; then
            say "$name ready ($((SECONDS - START_SECONDS)) s)"
        else
            still+=("$name")
        fi
    done
    pending=(${still[@]+"${still[@]}"})
    if [[ ${#pending[@]} -gt 0 ]]; then
        if ((SECONDS >= deadline)); then
            for name in "${pending[@]}"; do log_tail "$name" 30; done
            fail "Not ready within 180 s: ${pending[*]} (no 200 from its health URL)"
        fi
        sleep 1
    fi
done
READY_SECONDS=$SECONDS

# ---------------------------------------------------------------------------------------------------------------
# What flows: the services' one-line summaries, as they happen

service_logs=()
for service in "${SERVICES[@]}"; do service_logs+=("$LOGS/$service.log"); done
AWK=(awk)
# mawk (Debian's awk) reads a pipe in blocks unless interactive: lines would show up late and in bursts.
if awk -W version 2>&1 | grep -q mawk; then AWK=(awk -W interactive); fi
tail -n 0 --pid=$$ -F "${service_logs[@]}" 2>/dev/null > >("${AWK[@]}" '
    /^==> .* <==$/ { svc = $0; sub(/^==> /, "", svc); sub(/ <==$/, "", svc); sub(/^.*\//, "", svc); sub(/\.log$/, "", svc); next }
    /Poll published|Enriched alert|Decided alert|Requested (Isolate|Unisolate)|Completed (Isolate|Unisolate)|Emailed| ERROR | WARN / {
        line = $0
        if (match(line, /^[0-9-]+ [0-9:,.]+ +[A-Z]+ +\[[^]]*\] \([^)]*\) /)) {
            time = substr(line, 12, 8); level = $3; line = substr(line, RLENGTH + 1)
        } else { time = ""; level = "" }
        if (level == "INFO") level = ""
        printf "  %-8s %-18s %s%s\n", time, svc, (level == "" ? "" : level " "), line
        fflush()
    }') &

SIM="http://127.0.0.1:${PORT[defender-simulator]}"
cat <<EOF

  All up in $((READY_SECONDS - START_SECONDS)) s.
  Mail inbox (web page):     http://localhost:$MAIL_WEB_PORT        REST: curl http://localhost:$MAIL_WEB_PORT/api/email
  Defender simulator admin:  curl '$SIM/admin/calls?family=isolate'
                             curl -X POST -H 'Content-Type: application/json' \\
                                  -d '{"severity":"High","machineId":"9a1c3f5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a"}' $SIM/admin/alerts
                             curl $SIM/admin/machines/9a1c3f5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a/isolation
  Kafka:                     $BOOTSTRAP
  Health, metrics:           http://localhost:9081/q/health ... http://localhost:9086/q/health, /q/metrics
  Operator endpoints:        curl http://localhost:8083/rules, curl http://localhost:8082/dlq
                             (open without a token in this local run only: OPERATOR_AUTH=none)
  Logs:                      ${LOGS#"$ROOT"/}/
  Ctrl-C stops everything.

EOF

# ---------------------------------------------------------------------------------------------------------------
# Sample machines, then an alert every few seconds (High, Medium, Low in turn); watch that all stays up

MACHINE_IDS=(9a1c3f5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a 2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d
             7e5c3a1f9d7b5e3c1a9f7d5b3e1c9a7f5d3b1e9c 4f2e0d8c6b4a2f0e8d6c4b2a0f8e6d4c2b0a8f6e)
MACHINE_NAMES=(desktop-ana.contoso.example laptop-ben.contoso.example srv-web01.contoso.example kiosk-lobby.contoso.example)
SEVERITIES=(High Medium Low Medium High Low)
TITLES=("Suspicious PowerShell command line" "Ransomware behavior detected" "Credential dumping attempt"
        "Suspicious scheduled task" "Connection to a known malicious IP")

machines_json="["
for i in "${!MACHINE_IDS[@]}"; do
    if ((i > 0)); then machines_json+=","; fi
    machines_json+="{\"id\":\"${MACHINE_IDS[$i]}\",\"computerDnsName\":\"${MACHINE_NAMES[$i]}\",\"osPlatform\":\"Windows11\",\"rbacGroupName\":\"Workstations\",\"healthStatus\":\"Active\",\"riskScore\":\"High\"}"
done
machines_json+="]"
if [[ "$SAMPLE_INTERVAL" != 0 ]]; then
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' -d "$machines_json" "$SIM/admin/machines" \
        || fail "The simulator refused the sample machines (POST $SIM/admin/machines)"
    say "Added ${#MACHINE_IDS[@]} sample machines; a sample alert every $SAMPLE_INTERVAL s follows"
    # A hunting table for the sample query "lateral-tool" (hunting-scheduler/samples/queries.yaml): PsExec on the
    # lobby kiosk, which the sample rule isolates (Selective) and emails about; a row without a device id is
    # published but never acted on.
    now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    hunting_rows="[{\"Timestamp\":\"$now\",\"DeviceId\":\"${MACHINE_IDS[3]}\",\"DeviceName\":\"${MACHINE_NAMES[3]}\",\"FileName\":\"PsExec.exe\",\"ProcessCommandLine\":\"psexec.exe \\\\\\\\srv-web01 cmd.exe\"},"
    hunting_rows+="{\"Timestamp\":\"$now\",\"DeviceName\":\"unmanaged-laptop\",\"FileName\":\"psexec.exe\",\"ProcessCommandLine\":\"psexec.exe -s cmd.exe\"}]"
    curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' -d "$hunting_rows" \
        "$SIM/admin/hunting/tables/DeviceProcessEvents" \
        || fail "The simulator refused the sample hunting table (PUT $SIM/admin/hunting/tables/DeviceProcessEvents)"
    say "Added a hunting table DeviceProcessEvents: hunting-scheduler's query lateral-tool isolates ${MACHINE_NAMES[3]}"
fi

alerts_added=0
declare -A by_severity=([High]=0 [Medium]=0 [Low]=0)
first_email_seen=false
tick=0
while true; do
    for name in "${NAMES[@]}"; do
        alive "${PID_OF[$name]}" || died "$name"
    done

    if [[ "$SAMPLE_INTERVAL" != 0 ]] && ((tick % SAMPLE_INTERVAL == 0)); then
        severity=${SEVERITIES[$((alerts_added % ${#SEVERITIES[@]}))]}
        m=$((alerts_added % ${#MACHINE_IDS[@]}))
        title=${TITLES[$((alerts_added % ${#TITLES[@]}))]}
        body="{\"severity\":\"$severity\",\"machineId\":\"${MACHINE_IDS[$m]}\",\"title\":\"$title\",\"category\":\"Execution\"}"
        if answer=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" "$SIM/admin/alerts" 2>&1); then
            alerts_added=$((alerts_added + 1))
            by_severity[$severity]=$((by_severity[$severity] + 1))
            id=$(grep -o '"id":"[^"]*"' <<< "$answer" | head -n 1 | cut -d'"' -f4)
            printf '  %-8s %-18s %s\n' "$(date +%T)" "(sample)" "+ alert $id severity=$severity machine=${MACHINE_NAMES[$m]}"
        else
            warn "Could not add a sample alert: $answer"
        fi
    fi

    if ! $first_email_seen && [[ "$(curl -fsS --max-time 2 "http://127.0.0.1:$MAIL_WEB_PORT/api/email" 2>/dev/null | json_length)" =~ ^[1-9] ]]; then
        first_email_seen=true
        say "First email in the inbox $((SECONDS - START_SECONDS)) s after start ($((SECONDS - READY_SECONDS)) s after all were ready): http://localhost:$MAIL_WEB_PORT"
    fi

    if ((tick > 0 && tick % 30 == 0)); then
        emails=$(curl -fsS --max-time 2 "http://127.0.0.1:$MAIL_WEB_PORT/api/email" 2>/dev/null | json_length || echo "?")
        isolates=$(curl -fsS --max-time 2 "$SIM/admin/calls?family=isolate" 2>/dev/null | json_length || echo "?")
        packages=$(curl -fsS --max-time 2 "$SIM/admin/calls?family=investigationpackage" 2>/dev/null | json_length || echo "?")
        scans=$(curl -fsS --max-time 2 "$SIM/admin/calls?family=antivirusscan" 2>/dev/null | json_length || echo "?")
        rss=0
        for name in "${NAMES[@]}"; do
            for pid in $(with_descendants "${PID_OF[$name]}"); do
                rss=$((rss + $(ps -o rss= -p "$pid" 2>/dev/null || echo 0)))
            done
        done
        say "Summary: $alerts_added alerts added (High ${by_severity[High]}, Medium ${by_severity[Medium]}, Low ${by_severity[Low]}), $isolates isolate, $packages investigation package and $scans antivirus scan calls at the simulator, $emails emails in the inbox; memory (RSS) of all processes $((rss / 1024)) MB"
    fi

    tick=$((tick + 1))
    sleep 1 &
    wait $! || true
done
