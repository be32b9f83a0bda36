#!/usr/bin/env bash
# Builds the Linux installers with `mvn -Pinstaller` and checks what a user would get:
#   - the .deb carries the icon, the desktop entry (Office;Finance;) and declares GTK 3 and the
#     other libraries JavaFX's native code needs; its version is the pom's; the .rpm likewise;
#   - the PACKAGED launcher (from the unpacked .deb, with its own runtime, no Monocle) opens the
#     main window under Xvfb, writes a screenshot and exits 0, and reports the pom version;
#   - without --data-dir it keeps the database, backups and logs in the XDG folders of $HOME and
#     Help -> About names them;
#   - the app image carries the JDK 25 AOT cache its launcher names, and the INSTALLED files (unpacked
#     elsewhere than where it was trained) still validate against it (-XX:AOTMode=on starts);
#   - it reports the package sizes and the start-up time to the first frame (several runs).
# Installs the Debian packages it needs (fakeroot, binutils, rpm, xvfb, xauth, GTK 3 ...) when missing.
# Usage: packaging/linux/test-package.sh [--no-build]   (--no-build: test target/installer as it is)
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=1
[[ "${1:-}" == "--no-build" ]] && BUILD=0
RUNS=${STARTUP_RUNS:-5}

passed=0
failed=0
say() { echo "test-package: $*"; }
pass() { passed=$((passed + 1)); say "ok   $*"; }
fail() { failed=$((failed + 1)); say "FAIL $*" >&2; }
die() { say "FAIL $*" >&2; say "$passed passed, $((failed + 1)) failed" >&2; exit 1; }

# --- what jpackage and the packaged app need from Debian -----------------------------------------
# fakeroot + binutils (objcopy): jpackage's .deb; rpm: the .rpm; xvfb + xauth: a display for the
# app; the rest: what JavaFX's glass, prism and fonts load at run time (as the .deb declares).
NEEDED=(fakeroot binutils rpm xvfb xauth libgtk-3-0 libgl1 libxtst6 libxxf86vm1 fontconfig)
missing=()
for p in "${NEEDED[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- build ---------------------------------------------------------------------------------------
if ((BUILD)); then
  say "building the app image, its AOT cache, .deb and .rpm: mvn -Pinstaller -Dinstaller.aot=required -DskipTests package"
  start=$(date +%s)
  # required: here the training run has Xvfb, so an installer without the AOT cache is a failure
  mvn -B -q -Pinstaller -Dinstaller.aot=required -DskipTests package || die "mvn -Pinstaller package failed (see its output above; the AOT training log is target/installer/aot-training.log)"
  say "built in $(($(date +%s) - start)) s"
fi

VERSION=$(sed -n 's/^version=//p' target/classes/io/alluse/app/version.properties)
[[ -n "$VERSION" ]] || die "no version in target/classes/io/alluse/app/version.properties"
OUT=target/installer
DEB=$OUT/alluse-workstation_${VERSION}_amd64.deb
RPM=$OUT/alluse-workstation-${VERSION}-1.x86_64.rpm
IMAGE=$OUT/app-image/alluse-workstation
[[ -f "$DEB" ]] || die "no $DEB (pom version $VERSION); target/installer has: $(ls "$OUT" 2>/dev/null | tr '\n' ' ')"
[[ -x "$IMAGE/bin/alluse-workstation" ]] || die "no launcher in the app image $IMAGE"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --- the .deb's contents and control file ---------------------------------------------------------
ROOT=$WORK/deb
dpkg-deb -x "$DEB" "$ROOT"
CONTROL=$(dpkg-deb -f "$DEB")
APP=$ROOT/opt/alluse-workstation

deb_version=$(dpkg-deb -f "$DEB" Version)
[[ "$deb_version" == "$VERSION" ]] && pass ".deb version $deb_version is the pom version" \
  || fail ".deb version is '$deb_version', the pom says '$VERSION'"

depends=$(dpkg-deb -f "$DEB" Depends)
for dep in libgtk-3-0 libgl1 libxtst6 libxxf86vm1; do
  if tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qx "$dep"; then
    pass ".deb depends on $dep"
  else
    fail ".deb does not declare $dep (JavaFX's native libraries need it). Depends: $depends"
  fi
done

if cmp -s "$APP/lib/alluse-workstation.png" icons/alluse-workstation.png; then
  pass ".deb carries the app icon (opt/alluse-workstation/lib/alluse-workstation.png)"
else
  fail ".deb's icon opt/alluse-workstation/lib/alluse-workstation.png is missing or is not icons/alluse-workstation.png"
fi

desktop=$(find "$APP/lib" -maxdepth 1 -type f -name '*.desktop' | head -1)
if [[ -z "$desktop" ]]; then
  fail ".deb has no desktop entry under opt/alluse-workstation/lib"
else
  entry() { sed -n "s/^$1=//p" "$desktop"; }
  [[ "$(entry Categories)" == "Office;Finance;" ]] && pass "desktop entry: Categories=Office;Finance;" \
    || fail "desktop entry Categories is '$(entry Categories)', expected 'Office;Finance;'"
  [[ "$(entry Name)" == "ALL-USE Workstation" ]] && pass "desktop entry: Name=ALL-USE Workstation" \
    || fail "desktop entry Name is '$(entry Name)'"
  # Exec and Icon point into /opt where the package installs; check they name files the package has
  exec_path=$(entry Exec | cut -d' ' -f1)
  icon_path=$(entry Icon)
  [[ -x "$ROOT$exec_path" ]] && pass "desktop entry: Exec=$exec_path is the packaged launcher" \
    || fail "desktop entry Exec=$exec_path is not in the package"
  [[ -f "$ROOT$icon_path" ]] && pass "desktop entry: Icon=$icon_path is in the package" \
    || fail "desktop entry Icon=$icon_path is not in the package"
fi
dpkg-deb --ctrl-tarfile "$DEB" | tar -xOf - ./postinst | grep -q "xdg-desktop-menu install" \
  && pass ".deb installs the desktop entry into the menu (postinst)" \
  || fail ".deb's postinst does not install the desktop entry"

# --- the .rpm --------------------------------------------------------------------------------------
if [[ -f "$RPM" ]]; then
  rpm_version=$(rpm -qp --queryformat '%{VERSION}' "$RPM" 2>/dev/null)
  [[ "$rpm_version" == "$VERSION" ]] && pass ".rpm version $rpm_version is the pom version" \
    || fail ".rpm version is '$rpm_version', the pom says '$VERSION'"
  rpm -qp --requires "$RPM" 2>/dev/null | grep -qx gtk3 && pass ".rpm requires gtk3" \
    || fail ".rpm does not require gtk3"
  rpm_files=$(rpm -qlp "$RPM" 2>/dev/null)
  grep -q '^/opt/alluse-workstation/lib/.*\.desktop$' <<<"$rpm_files" && grep -qx /opt/alluse-workstation/lib/alluse-workstation.png <<<"$rpm_files" \
    && pass ".rpm carries the desktop entry and the icon" || fail ".rpm lacks the desktop entry or the icon"
else
  fail "no $RPM"
fi

# --- the packaged launcher -------------------------------------------------------------------------
LAUNCHER=$APP/bin/alluse-workstation

# The AOT cache: in the package, named by the launcher, and valid for the files as installed (the JVM
# checks the runtime and every jar against it; -XX:AOTMode=on makes a mismatch an error, where a
# user's start would silently go without the cache)
AOT=$APP/lib/app/alluse-workstation.aot
if [[ -s "$AOT" ]] && grep -qxF 'java-options=-XX:AOTCache=$APPDIR/alluse-workstation.aot' "$APP/lib/app/alluse-workstation.cfg"; then
  pass ".deb carries the AOT cache ($(awk -v b="$(stat -c %s "$AOT")" 'BEGIN { printf "%.0f MB", b / 1000000 }')) and the launcher names it"
  aot_out=$(env -i PATH=/usr/bin:/bin HOME="$WORK" JAVA_TOOL_OPTIONS="-Duser.home=$WORK -XX:AOTMode=on" "$LAUNCHER" --version 2>&1)
  if grep -q "^ALL-USE Workstation $VERSION" <<<"$aot_out"; then
    pass "the installed launcher starts with -XX:AOTMode=on: the cache is valid for the installed runtime and jars"
  else
    fail "the installed launcher refuses its AOT cache (-XX:AOTMode=on): $(grep -v '^Picked up' <<<"$aot_out" | head -5)"
  fi
else
  fail ".deb has no AOT cache at opt/alluse-workstation/lib/app/alluse-workstation.aot named in the launcher's .cfg"
fi
XVFB=(xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24")

# $1: home folder for the run, rest: app arguments. A clean environment (no XDG_* variables), so
# the app finds its folders as on a fresh desktop account. Java takes user.home from the password
# database, not from $HOME, hence -Duser.home: it keeps the app (and JavaFX's native library
# cache, ~/.openjfx) out of the real home of whoever runs this.
run_app() {
  local home=$1
  shift
  env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 NO_AT_BRIDGE=1 JAVA_TOOL_OPTIONS="-Duser.home=$home" \
    timeout 180 "${XVFB[@]}" "$LAUNCHER" "$@"
}

v=$(env -i PATH=/usr/bin:/bin HOME="$WORK" JAVA_TOOL_OPTIONS="-Duser.home=$WORK" "$LAUNCHER" --version 2>/dev/null | head -1)
[[ "$v" == "ALL-USE Workstation $VERSION" ]] && pass "packaged launcher --version: $v" \
  || fail "packaged launcher --version printed '$v', expected 'ALL-USE Workstation $VERSION'"

H1=$WORK/home-data-dir
mkdir -p "$H1"
PNG=$WORK/smoke.png
set +e
run_app "$H1" --smoke-test "$PNG" --data-dir "$H1/data" >"$WORK/smoke.out" 2>&1
code=$?
set -e
if [[ $code -ne 0 ]]; then
  cat "$WORK/smoke.out" >&2
  [[ -f "$H1/data/logs/alluse.log" ]] && tail -40 "$H1/data/logs/alluse.log" >&2
  fail "packaged app --smoke-test exited $code (output and log above)"
elif [[ ! -s "$PNG" ]] || [[ $(stat -c %s "$PNG") -lt 10000 ]] || [[ "$(head -c 8 "$PNG" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
  fail "packaged app exited 0 but $PNG is missing, not a PNG or under 10 kB ($(stat -c %s "$PNG" 2>/dev/null || echo 0) bytes)"
else
  mkdir -p target/screenshots
  cp "$PNG" target/screenshots/packaged-app.png
  pass "packaged app opened its window under Xvfb, exited 0 and wrote a $(stat -c %s "$PNG")-byte screenshot (target/screenshots/packaged-app.png)"
fi
log1=$H1/data/logs/alluse.log
if grep -q "About shows \"ALL-USE Workstation $VERSION\"" "$log1" 2>/dev/null; then
  pass "packaged app's Help -> About shows version $VERSION"
else
  fail "packaged app's log has no 'About shows \"ALL-USE Workstation $VERSION\"'"
fi

# the command line of the installed app works on the same data (no window)
accounts=$(env -i PATH=/usr/bin:/bin HOME="$H1" JAVA_TOOL_OPTIONS="-Duser.home=$H1" "$LAUNCHER" accounts list --data-dir "$H1/data" 2>/dev/null || true)
grep -q "Account-1" <<<"$accounts" && pass "packaged launcher 'accounts list' shows Account-1" \
  || fail "packaged launcher 'accounts list' printed: $accounts"

# --- where an installed app keeps its files: no --data-dir, a fresh HOME ---------------------------
H2=$WORK/home-default
mkdir -p "$H2"
set +e
run_app "$H2" --smoke-test "$WORK/smoke-default.png" >"$WORK/smoke-default.out" 2>&1
code=$?
set -e
DATA=$H2/.local/share/alluse-workstation
LOGS=$H2/.local/state/alluse-workstation/logs
if [[ $code -ne 0 ]]; then
  cat "$WORK/smoke-default.out" >&2
  fail "packaged app without --data-dir exited $code"
else
  [[ -f "$DATA/alluse.mv.db" ]] && pass "database in \$HOME/.local/share/alluse-workstation" \
    || fail "no database at $DATA/alluse.mv.db; files under HOME: $(cd "$H2" && find . -type f | grep -v openjfx | head -20 | tr '\n' ' ')"
  ls "$DATA/backups/"*-startup.zip >/dev/null 2>&1 && pass "start-up backup in \$HOME/.local/share/alluse-workstation/backups" \
    || fail "no start-up backup in $DATA/backups"
  [[ -s "$LOGS/alluse.log" ]] && pass "log file in \$HOME/.local/state/alluse-workstation/logs" \
    || fail "no log at $LOGS/alluse.log"
  if grep -q "Backups:   $DATA/backups" "$LOGS/alluse.log" 2>/dev/null && grep -q "Logs:      $LOGS" "$LOGS/alluse.log"; then
    pass "Help -> About names those folders"
  else
    fail "the About text in the log does not name $DATA/backups and $LOGS"
  fi
fi

# --- figures: sizes and start-up to the first frame ------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
say "sizes: .deb $(mb "$(stat -c %s "$DEB")") (AOT cache $(mb "$(stat -c %s "$AOT" 2>/dev/null || echo 0)") of it uncompressed), .rpm $(mb "$(stat -c %s "$RPM" 2>/dev/null || echo 0)"), app image $(mb "$(du -sb "$IMAGE" | cut -f1)") (runtime $(mb "$(du -sb "$IMAGE/lib/runtime" | cut -f1)"), libraries $(mb "$(du -sb "$IMAGE/lib/app" | cut -f1)")), installed $(dpkg-deb -f "$DEB" Installed-Size) KiB"
deb_bytes=$(stat -c %s "$DEB")
if ((deb_bytes < 60000000)); then
  pass ".deb is $(mb "$deb_bytes"), under the 60 MB limit"
else
  fail ".deb is $(mb "$deb_bytes"), over the 60 MB limit (issue 7)"
fi

first_frame() { sed -n 's/.*Start-up: first frame \([0-9]*\) ms after process start.*/\1/p' "$1" | tail -1; }
first_cpu() { sed -n 's/.*Start-up: first frame .*, \([0-9]*\) ms CPU.*/\1/p' "$1" | tail -1; }
# process start to JVM start: jpackage's native launcher (it asks rpm and dpkg which package owns it, twice)
pre_jvm() { sed -n 's/.*Start-up: first frame \([0-9]*\) ms after process start (\([0-9]*\) ms after JVM start.*/\1 \2/p' "$1" | tail -1 | awk '{ print $1 - $2 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# the first start of a fresh account also unpacks JavaFX's native libraries, creates the database and migrates it
say "start-up to first frame, first start (fresh home, new database): $(first_frame "$log1") ms, $(first_cpu "$log1") ms CPU (without --data-dir: $(first_frame "$LOGS/alluse.log") ms, $(first_cpu "$LOGS/alluse.log") ms CPU)"
walls=()
cpus=()
launchers=()
for i in $(seq 1 "$RUNS"); do
  : >"$log1"
  if run_app "$H1" --smoke-test "$WORK/again.png" --data-dir "$H1/data" >/dev/null 2>&1; then
    walls+=("$(first_frame "$log1")")
    cpus+=("$(first_cpu "$log1")")
    launchers+=("$(pre_jvm "$log1")")
  else
    fail "packaged app failed on start-up run $i"
  fi
done
if ((${#walls[@]})); then
  say "start-up to first frame, later starts ($RUNS runs, same home and database): median $(printf '%s\n' "${walls[@]}" | median) ms" \
    "(all: $(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')), CPU median $(printf '%s\n' "${cpus[@]}" | median) ms," \
    "of it before the JVM started (native launcher) median $(printf '%s\n' "${launchers[@]}" | median) ms"
fi
say "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on it slows these runs), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), Xvfb"

say "$passed passed, $failed failed"
((failed == 0))
