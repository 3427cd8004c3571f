#!/usr/bin/env bash
# step_producer build entry point. Usage: ./build.sh <command> [args]
#   build                 restore and build everything (Release)
#   test                  build, then run every test project; ends with "N passed, N failed, N skipped"
#   run                   build the program and pipe the bundled samples through it (stdin/stdout mode)
#   publish [RID|all]     Native AOT binaries in artifacts/<rid>/step_producer (linux-x64, linux-arm64)
#   package               .deb and .rpm packages in artifacts/packages/
#   bench [e2e] [args]    BenchmarkDotNet suites (args go to BenchmarkSwitcher); e2e: the harness through Redis
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
    # redis-server and openssl: the Redis transport tests start real servers, TLS ones with a CA made by openssl.
    ensure_packages python3:python3 tshark:tshark redis-server:redis-server openssl:openssl
}

cmd_build() {
    dotnet build "$ROOT/StepProducer.sln" -c "$CONFIGURATION" -nologo -clp:NoSummary
}

cmd_test() {
    ensure_test_tools
    ensure_packaging_test_tools
    cmd_build
    # Native AOT publish of both RIDs (any trim/AOT warning fails) and the packages the tests inspect.
    cmd_package
    local log_file="$ARTIFACTS/test-results/dotnet-test.log"
    mkdir -p "$(dirname "$log_file")"
    set +e
    dotnet test "$ROOT/StepProducer.sln" -c "$CONFIGURATION" --no-build -nologo \
        --logger "console;verbosity=normal" --results-directory "$ARTIFACTS/test-results" 2>&1 | tee "$log_file"
    local rc=${PIPESTATUS[0]}
    set -e
    # VSTest (normal verbosity) closes each test assembly with "Total tests: N" and then lines such as
    # "     Passed: N", "     Failed: N", "    Skipped: N" (a line per result of one test has no colon).
    awk '
        /^ +Passed: [0-9]+$/ { p += $2 }
        /^ +Failed: [0-9]+$/ { f += $2 }
        /^ +Skipped: [0-9]+$/ { s += $2 }
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
    set +e
    feed_samples "$ROOT/samples/stdin_demo.jsonl" | "$program" --retime "$@"
    local statuses=("${PIPESTATUS[@]}")
    set -e
    # The program's exit code is the run's. When the program stops early (its stdout reader went away, as
    # in `./build.sh run | head -3`, or a signal), the feeder dies of SIGPIPE on its next line: not an error.
    return "${statuses[1]}"
}

# --- Native AOT binaries (publish) -------------------------------------------------------------------
# Both RIDs link against a Debian bullseye sysroot: RSU images often run older distributions, and
# bullseye's glibc 2.31 is the newest glibc the binaries may require.
readonly SYSROOT_SUITE=bullseye
readonly GLIBC_FLOOR_MAX=2.31
readonly DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
readonly PUBLISH_RIDS=(linux-x64 linux-arm64)

# arch_name RID deb|rpm: the architecture name Debian (and mmdebstrap) or RPM uses for a .NET RID.
arch_name() {
    case "$1:$2" in
        linux-x64:deb) echo amd64 ;;
        linux-x64:rpm) echo x86_64 ;;
        linux-arm64:deb) echo arm64 ;;
        linux-arm64:rpm) echo aarch64 ;;
        *) die "unknown runtime identifier '$1' (expected linux-x64 or linux-arm64)" ;;
    esac
}

# ensure_sysroot RID: artifacts/sysroot/RID holds glibc, libgcc and OpenSSL (for TLS and the qemu runs)
# from bullseye. Built once; delete the folder to rebuild it.
ensure_sysroot() {
    local rid="$1" sysroot="$ARTIFACTS/sysroot/$1"
    [ -f "$sysroot/.complete" ] && return 0
    ensure_packages mmdebstrap:mmdebstrap
    log "building the $SYSROOT_SUITE sysroot for $rid"
    rm -rf "$sysroot.partial"
    mkdir -p "$(dirname "$sysroot")"
    mmdebstrap --quiet --arch="$(arch_name "$rid" deb)" --variant=extract \
        --include=libc6-dev,libgcc-10-dev,libssl-dev "$SYSROOT_SUITE" "$sysroot.partial" "$DEBIAN_MIRROR"
    # mmdebstrap leaves absolute symlinks (libm.so -> /lib/...). lld resolves them on the host, misses,
    # and silently links libm.a instead, so rewrite every one as a link relative to the sysroot.
    (
        cd "$sysroot.partial"
        find . -path ./dev -prune -o -type l -lname '/*' -print | while IFS= read -r link; do
            target="$(readlink "$link")"
            ln -sfr "./${target#/}" "$link"
        done
    )
    touch "$sysroot.partial/.complete"
    rm -rf "$sysroot"
    mv "$sysroot.partial" "$sysroot"
}

# glibc_floor BINARY: the newest GLIBC_x.y symbol version the binary needs.
glibc_floor() {
    readelf -V "$1" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -Vu | tail -1
}

# check_native_binary BINARY: dynamic libm (the symlink pitfall above) and the glibc floor.
check_native_binary() {
    local binary="$1" floor
    readelf -d "$binary" | grep -q 'NEEDED.*\[libm\.so\.6\]' \
        || die "$binary does not link libm.so.6 dynamically (absolute sysroot symlinks?)"
    floor="$(glibc_floor "$binary")"
    [ "$(printf '%s\n%s\n' "$floor" "$GLIBC_FLOOR_MAX" | sort -V | tail -1)" = "$GLIBC_FLOOR_MAX" ] \
        || die "$binary needs glibc $floor, above the floor $GLIBC_FLOOR_MAX"
}

# aot_publish PROJECT RID PUBLISH_DIR: Native AOT publish against the sysroot; fails on any warning line,
# including the trim/AOT summary warnings IL2104/IL3053 that packages can raise.
aot_publish() {
    local project="$1" rid="$2" publish_dir="$3"
    # The ILCompiler targets need clang (gcc rejects their --target flag) and lld for the sysroot link.
    ensure_packages clang:clang ld.lld:lld readelf:binutils
    ensure_sysroot "$rid"
    local log_file="$ARTIFACTS/logs/publish-$(basename "$project")-$rid.log"
    mkdir -p "$(dirname "$log_file")"
    rm -rf "$publish_dir"
    # The native link step is skipped when its object file is unchanged, even if it was last linked
    # without the sysroot; removing the linked output forces a relink (a few seconds).
    rm -rf "$ARTIFACTS"/build/bin/"$(basename "$project")"/*_"$rid"/native
    set +e
    dotnet publish "$project" -c "$CONFIGURATION" -r "$rid" -nologo -clp:NoSummary \
        -p:SysRoot="$ARTIFACTS/sysroot/$rid" -p:LinkerFlavor=lld \
        -p:PublishDir="$publish_dir/" 2>&1 | tee "$log_file"
    local rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] || die "publish of $project for $rid failed (log: $log_file)"
    if grep -qi 'warning' "$log_file"; then
        grep -i 'warning' "$log_file" >&2
        die "publish of $project for $rid printed warnings (log: $log_file)"
    fi
}

# publish_host RID: artifacts/RID/step_producer with its debug symbols beside it (step_producer.dbg,
# found by gdb through the binary's .gnu_debuglink); the packages take the binary only.
publish_host() {
    local rid="$1" staging="$ARTIFACTS/publish/$1"
    aot_publish "$ROOT/src/StepProducer.Host" "$rid" "$staging"
    rm -rf "${ARTIFACTS:?}/$rid"
    mkdir -p "$ARTIFACTS/$rid"
    install -m 0755 "$staging/step_producer" "$ARTIFACTS/$rid/step_producer"
    install -m 0644 "$staging/step_producer.dbg" "$ARTIFACTS/$rid/step_producer.dbg"
    check_native_binary "$ARTIFACTS/$rid/step_producer"
    log "$ARTIFACTS/$rid/step_producer: $(stat -c %s "$ARTIFACTS/$rid/step_producer") bytes, glibc >= $(glibc_floor "$ARTIFACTS/$rid/step_producer")"
}

cmd_publish() {
    local target="${1:-all}" rid
    case "$target" in
        all) for rid in "${PUBLISH_RIDS[@]}"; do publish_host "$rid"; done ;;
        *) arch_name "$target" deb >/dev/null && publish_host "$target" ;;
    esac
}

# --- Packages (package) ------------------------------------------------------------------------------
# deb/ holds the Debian metadata and the files both formats share (unit, default config, man page,
# copyright); rpm/ holds the spec.
readonly CONFIG_SCHEMA="$ROOT/schemas/step_producer_config_v1_schema.json"

# product_property NAME: one property of the single product version (Directory.Build.props).
product_property() {
    dotnet msbuild "$ROOT/src/StepProducer.Host" -nologo -getProperty:"$1"
}

# build_deb RID VERSION: artifacts/packages/step-producer_VERSION_ARCH.deb from artifacts/RID.
build_deb() {
    local rid="$1" version="$2" arch staging binary="$ARTIFACTS/$1/step_producer"
    arch="$(arch_name "$rid" deb)"
    staging="$(mktemp -d)"
    # mktemp -d makes a 0700 folder, and the root folder's mode goes into the package.
    chmod 0755 "$staging"
    install -D -m 0755 "$binary" "$staging/usr/bin/step_producer"
    install -D -m 0644 "$ROOT/deb/step-producer.service" "$staging/lib/systemd/system/step-producer.service"
    # 0644 here: postinst makes it 0640 root:step-producer once the group exists.
    install -D -m 0644 "$ROOT/deb/config.json" "$staging/etc/step-producer/config.json"
    install -D -m 0644 "$CONFIG_SCHEMA" "$staging/usr/share/step-producer/schemas/step_producer_config_v1_schema.json"
    install -D -m 0644 "$ROOT/deb/step_producer.1" "$staging/usr/share/man/man1/step_producer.1"
    gzip -9n "$staging/usr/share/man/man1/step_producer.1"
    install -D -m 0644 "$ROOT/deb/copyright" "$staging/usr/share/doc/step-producer/copyright"
    install -D -m 0644 "$ROOT/README.md" "$staging/usr/share/doc/step-producer/README.md"
    sed -e "s/@VERSION@/$version/g" -e "s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/" \
        "$ROOT/deb/changelog.in" | gzip -9n > "$staging/usr/share/doc/step-producer/changelog.gz"
    chmod 0644 "$staging/usr/share/doc/step-producer/changelog.gz"
    install -d -m 0755 "$staging/DEBIAN"
    install -m 0644 "$ROOT/deb/conffiles" "$staging/DEBIAN/conffiles"
    install -m 0755 "$ROOT/deb/postinst" "$ROOT/deb/prerm" "$ROOT/deb/postrm" "$staging/DEBIAN/"
    sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@GLIBC_FLOOR@/$(glibc_floor "$binary")/" \
        -e "s/@INSTALLED_SIZE@/$(du -sk --exclude=DEBIAN "$staging" | cut -f1)/" \
        "$ROOT/deb/control" > "$staging/DEBIAN/control"
    (cd "$staging" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
        | xargs -0 md5sum > DEBIAN/md5sums)
    chmod 0644 "$staging/DEBIAN/md5sums"
    find "$staging" -exec touch --no-dereference -d "@$SOURCE_DATE_EPOCH" {} +
    dpkg-deb --root-owner-group -Zxz --build "$staging" "$ARTIFACTS/packages/step-producer_${version}_${arch}.deb" >/dev/null
    rm -rf "$staging"
}

# build_rpm RID VERSION RELEASE: artifacts/packages/step-producer-VERSION-RELEASE.ARCH.rpm.
build_rpm() {
    local rid="$1" version="$2" release="$3" topdir
    topdir="$(mktemp -d)"
    rpmbuild -bb --quiet --target "$(arch_name "$rid" rpm)" \
        --define "_topdir $topdir" \
        --define "_rpmdir $ARTIFACTS/packages" \
        --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
        --define "step_version $version" \
        --define "step_release $release" \
        --define "step_binary $ARTIFACTS/$rid/step_producer" \
        --define "step_shared $ROOT/deb" \
        --define "step_schema $CONFIG_SCHEMA" \
        --define "step_readme $ROOT/README.md" \
        --define "step_glibc_floor $(glibc_floor "$ARTIFACTS/$rid/step_producer")" \
        --define "step_changelog_date $(date -u -d "@$SOURCE_DATE_EPOCH" '+%a %b %d %Y')" \
        "$ROOT/rpm/step-producer.spec"
    rm -rf "$topdir"
}

# The packaging tests check the artifacts with these tools; qemu-user runs the arm64 binary.
ensure_packaging_test_tools() {
    ensure_packages lintian:lintian rpmlint:rpmlint qemu-aarch64:qemu-user systemd-analyze:systemd \
        dpkg-deb:dpkg rpm:rpm readelf:binutils man:man-db
}

cmd_package() {
    ensure_packages dpkg-deb:dpkg rpmbuild:rpm gzip:gzip
    [ -f "$CONFIG_SCHEMA" ] || die "the config schema $CONFIG_SCHEMA is missing (step_producer --conf_schema writes it)"
    local version release rid
    version="$(product_property Version)"
    release="$(product_property PackageRelease)"
    # Package timestamps come from the last commit, so a rebuild of one commit gives the same files.
    export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}"
    rm -rf "$ARTIFACTS/packages"
    mkdir -p "$ARTIFACTS/packages"
    for rid in "${PUBLISH_RIDS[@]}"; do
        publish_host "$rid"
        build_deb "$rid" "$version"
        build_rpm "$rid" "$version" "$release"
    done
    ls -l "$ARTIFACTS/packages" >&2
}

# bench [ARGS]: the in-process BenchmarkDotNet suites (ARGS go to its switcher, e.g. --filter '*HotLoop*' --job short).
# bench e2e [ARGS]: the end-to-end harness (bench/StepProducer.EndToEnd) against the AOT binary, which it
# publishes first if artifacts/linux-x64/step_producer is missing; --help lists ARGS.
cmd_bench() {
    if [ "${1:-}" = e2e ]; then
        shift
        ensure_packages redis-server:redis-server redis-benchmark:redis-tools
        local binary="$ARTIFACTS/linux-x64/step_producer"
        [ -x "$binary" ] || cmd_publish linux-x64
        # Build output goes to stderr: stdout carries only the results (table or --json).
        dotnet build "$ROOT/bench/StepProducer.EndToEnd" -c Release -nologo -clp:NoSummary -v quiet >&2
        "$ARTIFACTS/build/bin/StepProducer.EndToEnd/release/step_producer_e2e" --binary "$binary" "$@"
    else
        dotnet run -c Release --project "$ROOT/bench/StepProducer.Benchmarks" -- "$@"
    fi
}

main() {
    local command="${1:-}"
    [ $# -gt 0 ] && shift
    case "$command" in
        build) cmd_build "$@" ;;
        test) cmd_test "$@" ;;
        run) cmd_run "$@" ;;
        publish) cmd_publish "$@" ;;
        package) cmd_package "$@" ;;
        bench) cmd_bench "$@" ;;
        ""|-h|--help|help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
        *) die "unknown command '$command' (see ./build.sh --help)" ;;
    esac
}

main "$@"
