#!/usr/bin/env bash
# step_producer build entry point. Usage: ./build.sh <command> [args]
#   build                 restore and build everything (Release)
#   test                  build, then run every test project; ends with "N passed, N failed, N skipped"
#   run                   build the program and pipe the bundled samples through it (stdin/stdout mode)
#   publish [RID|all]     Native AOT binaries in artifacts/<rid>/step_producer (linux-x64, linux-arm64)
#   package               .deb and .rpm packages in artifacts/packages/
#   bench [args]          BenchmarkDotNet suites (args go to BenchmarkSwitcher)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
ARTIFACTS="$ROOT/artifacts"
CONFIGURATION="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# ensure_packages CMD:PKG ... installs the Debian package of every missing command with apt-get when
# running as root; otherwise it prints the exact install line and fails.
ensure_packages() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    # De-duplicate (several commands can come from one package).
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    if [ "$(id -u)" -eq 0 ]; then
        log "installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    else
        die "missing tools; install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    fi
}

ensure_test_tools() {
    # python3 runs the tshark oracle (tests/oracle/denm-dissect); tshark 4.0 is the independent DENM decoder.
    ensure_packages python3:python3 tshark:tshark
}

cmd_build() {
    dotnet build "$ROOT/StepProducer.sln" -c "$CONFIGURATION" -nologo -clp:NoSummary
}

cmd_test() {
    ensure_test_tools
    cmd_build
    local log_file="$ARTIFACTS/test-results/dotnet-test.log"
    mkdir -p "$(dirname "$log_file")"
    set +e
    dotnet test "$ROOT/StepProducer.sln" -c "$CONFIGURATION" --no-build -nologo \
        --logger "console;verbosity=normal" --results-directory "$ARTIFACTS/test-results" 2>&1 | tee "$log_file"
    local rc=${PIPESTATUS[0]}
    set -e
    # VSTest prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ..."
    awk '
        /(Passed|Failed)! +- Failed: / {
            gsub(/,/, "");
            for (i = 1; i <= NF; i++) {
                if ($i == "Failed:") f += $(i + 1);
                if ($i == "Passed:") p += $(i + 1);
                if ($i == "Skipped:") s += $(i + 1);
            }
        }
        END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log_file"
    return "$rc"
}

# feed_samples FILE prints FILE's lines in real time: each line whose CloudEvent "time" lies T ms after the
# first one is printed T ms after the feeder started; lines without a time follow at once.
feed_samples() {
    local started_ms first_ms="" line time_ms wait_ms
    started_ms=$(date +%s%3N)
    while IFS= read -r line || [ -n "$line" ]; do
        if [[ $line =~ \"time\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]]; then
            time_ms=$(date -u -d "${BASH_REMATCH[1]}" +%s%3N)
            first_ms=${first_ms:-$time_ms}
            wait_ms=$((started_ms + time_ms - first_ms - $(date +%s%3N)))
            if [ "$wait_ms" -gt 0 ]; then
                sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
            fi
        fi
        printf '%s\n' "$line"
    done <"$1"
}

cmd_run() {
    local project="$ROOT/src/StepProducer.Host"
    local program="$ARTIFACTS/build/bin/StepProducer.Host/${CONFIGURATION,,}/step_producer"
    log "building $project ($CONFIGURATION)"
    # Build output goes to stderr: stdout carries only the DENM records.
    dotnet build "$project" -c "$CONFIGURATION" -nologo -clp:NoSummary -v quiet >&2
    log "feeding samples/stdin_demo.jsonl (re-timed to now); DENM records follow on stdout, logs on stderr"
    # --retime shifts the sample times so that the first event happens now (see README, "Input events").
    feed_samples "$ROOT/samples/stdin_demo.jsonl" | "$program" --retime "$@"
}

cmd_bench() {
    dotnet run -c Release --project "$ROOT/bench/StepProducer.Benchmarks" -- "$@"
}

main() {
    local command="${1:-}"
    [ $# -gt 0 ] && shift
    case "$command" in
        build) cmd_build "$@" ;;
        test) cmd_test "$@" ;;
        run) cmd_run "$@" ;;
        bench) cmd_bench "$@" ;;
        ""|-h|--help|help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
        *) die "unknown command '$command' (see ./build.sh --help)" ;;
    esac
}

main "$@"
