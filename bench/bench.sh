#!/usr/bin/env bash
# make bench — times sipstat's phases on a generated extract and compares the
# load with a plain DuckDB read_csv load of the same files (bench/baseline).
# See bench/README.md for the variables and how to read the output.
#
# It builds only the baseline program; `make bench` builds bin/sipstat first.
# Everything it writes goes under bench/out/. Progress goes to stderr, the
# results table to stdout. Exit status: 0 when every phase ran (a MISS is a
# result, not a failure), 1 when a phase failed, 2 on a wrong variable.
set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "bench: $*" >&2; exit "${2:-1}"; }
log() { echo "bench: $*" >&2; }

SIPS=${SIPS:-200000}
SEED=${SEED:-1}
# A clean extract by default: the baseline's typed read_csv refuses a file
# with a value it cannot type. FLAWS=0.002 (sipstat sample's default) gives
# flawed rows, some rejected by the load; the baseline then skips the rows
# it cannot type.
FLAWS=${FLAWS:-0}
KEEP=${KEEP:-0}
THREADS=${THREADS:-0}
MEMORY_LIMIT=${MEMORY_LIMIT:-3GB}  # sipstat's default; the baseline gets the same
SIPSTAT=${SIPSTAT:-bin/sipstat}
OUT=${BENCH_OUT:-bench/out}

[[ $SIPS =~ ^[1-9][0-9]*$ ]] || die "SIPS=$SIPS: want a positive whole number" 2
# "all" (21 counties, 290 municipalities) by default; one region (the
# generator's default) for a one-region run of at most 20 000 SIPs.
if [[ -z ${COUNTIES:-} ]]; then
	if ((SIPS <= 20000)); then COUNTIES=default; else COUNTIES=all; fi
fi
[[ $SEED =~ ^-?[0-9]+$ ]] || die "SEED=$SEED: want a whole number" 2
[[ $FLAWS =~ ^(0|0?\.[0-9]+|1)$ ]] || die "FLAWS=$FLAWS: want a share from 0 to 1, e.g. 0.002" 2
[[ $THREADS =~ ^[0-9]+$ ]] || die "THREADS=$THREADS: want a whole number (0 = one per core)" 2
[[ $COUNTIES =~ ^(default|all|[0-9]{2}(,[0-9]{2})*)$ ]] || die "COUNTIES=$COUNTIES: want all, default or county codes like 01,14" 2
[[ -x $SIPSTAT ]] || die "$SIPSTAT not found: run make build (or make bench) first" 2
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed for wall time and peak RSS" 2

# Flags shared by every sipstat call and the baseline, so both run with the
# same DuckDB threads and memory limit.
duck_flags=(--threads "$THREADS")
[[ -n $MEMORY_LIMIT ]] && duck_flags+=(--memory-limit "$MEMORY_LIMIT")

mkdir -p "$OUT/bin"
RUN=$OUT/run-$SIPS-seed$SEED-$COUNTIES
LOGS=$RUN/logs
rm -rf "$RUN"
mkdir -p "$LOGS"
DB=$RUN/sip.duckdb
BASE_DB=$RUN/baseline.duckdb

# phase NAME STDOUT CMD… runs CMD under GNU time; sets WALL[NAME] (seconds),
# CPU[NAME] (user + system seconds: on a shared machine the wall time also
# holds the time spent waiting for a core, the CPU time does not) and
# RSS[NAME] (peak resident set, KiB). stderr goes to $LOGS/NAME.err.
declare -A WALL CPU RSS
phase() {
	local name=$1 stdout=$2
	shift 2
	log "$name: $*"
	if ! /usr/bin/time -o "$LOGS/$name.time" -f '%e %M %U %S' "$@" >"$stdout" 2>"$LOGS/$name.err"; then
		tail -n 20 "$LOGS/$name.err" >&2
		die "$name failed: $* (log: $LOGS/$name.err)"
	fi
	# On success the file holds exactly one line "wall maxrss user system".
	local user sys
	read -r "WALL[$name]" "RSS[$name]" user sys <"$LOGS/$name.time"
	CPU[$name]=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# 1. The baseline program, built (from the shared build cache) so that
# compiling is never part of a timing.
log "building the baseline program"
go build -o "$OUT/bin/baseline" ./bench/baseline

# 2. The extract, cached by size, seed and counties: rerunning skips this.
EXTRACT=$OUT/extract-$SIPS-seed$SEED-$COUNTIES-flaws$FLAWS
gen_flags=(--sips "$SIPS" --seed "$SEED" --flaws "$FLAWS")
[[ $COUNTIES != default ]] && gen_flags+=(--counties "$COUNTIES")
# A fingerprint of the generator's sources: a cached extract made by another
# version of the generator is still used, with a warning (regenerating the
# national extract takes minutes; rm -rf the folder to force it).
gen_version=$(cat sampledata/*.go 2>/dev/null | sha256sum | cut -c1-12)
if [[ -f $EXTRACT/.bench-complete ]]; then
	log "using cached extract $EXTRACT"
	read -r cached_version <"$EXTRACT/.bench-generator" || cached_version=unknown
	[[ $cached_version == "$gen_version" ]] ||
		log "warning: $EXTRACT was written by another version of sampledata ($cached_version, now $gen_version); rm -rf it to regenerate"
	GEN_CACHED=1
else
	rm -rf "$EXTRACT" "$EXTRACT.tmp"
	phase generate "$LOGS/generate.out" "$SIPSTAT" sample --out "$EXTRACT.tmp" "${gen_flags[@]}"
	echo "$gen_version" >"$EXTRACT.tmp/.bench-generator"
	echo "${WALL[generate]} ${RSS[generate]} ${CPU[generate]}" >"$EXTRACT.tmp/.bench-generate"
	touch "$EXTRACT.tmp/.bench-complete"
	mv "$EXTRACT.tmp" "$EXTRACT"
	GEN_CACHED=0
fi
read -r "WALL[generate]" "RSS[generate]" "CPU[generate]" <"$EXTRACT/.bench-generate"
CPU[generate]=${CPU[generate]:--}

# Input rows: data lines of every CSV file, headers excluded (the generator
# never writes a line break inside a field).
shopt -s nullglob
csvs=("$EXTRACT"/*.csv)
((${#csvs[@]} > 0)) || die "$EXTRACT has no CSV files"
ROWS=0
for f in "${csvs[@]}"; do
	n=$(wc -l <"$f")
	ROWS=$((ROWS + n - 1))
done
BYTES=$(cat "${csvs[@]}" | wc -c) # also warms the page cache for both loads

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# 3. The baseline, then sipstat's four phases on a fresh database.
rm -f "$BASE_DB" "$BASE_DB.wal" "$DB" "$DB.wal"
base_flags=("${duck_flags[@]}")
[[ $FLAWS =~ ^0?\.?0*$ ]] || base_flags+=(--skip-bad-rows)
phase baseline "$LOGS/baseline.out" "$OUT/bin/baseline" --db "$BASE_DB" "${base_flags[@]}" "$EXTRACT"
rm -rf "$BASE_DB" "$BASE_DB.wal" "$BASE_DB.tmp"
BASE_ROWS=$(awk -F'\t' '$1 == "total" { print $2 }' "$LOGS/baseline.out")

# --verbose puts ingest's and transform's step timings into the phase logs.
phase load "$LOGS/load.out" "$SIPSTAT" load --no-transform --db "$DB" "${duck_flags[@]}" --verbose "$EXTRACT"
phase transform "$LOGS/transform.out" "$SIPSTAT" transform --db "$DB" "${duck_flags[@]}" --verbose
phase kpi /dev/null "$SIPSTAT" kpi --db "$DB" "${duck_flags[@]}" --by all --format csv
phase report "$LOGS/report.out" "$SIPSTAT" report --db "$DB" "${duck_flags[@]}" --out "$RUN/report"
DB_BYTES=$(stat -c %s "$DB")

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# 4. The results.
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
rate() { awk -v r="$ROWS" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo MISS; fi; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git status --porcelain -- . ':!bench/out' 2>/dev/null | head -1) ]] && commit+=" (working tree differs)"
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)

echo "sipstat bench, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit"
echo "machine:  $(nproc) cores ($cpu), $mem RAM; load average before $LOAD_BEFORE, after $LOAD_AFTER"
threads_text=$THREADS
((THREADS == 0)) && threads_text="one per core ($(nproc))"
# HEAD may have moved on since the binary was built: say when it was.
echo "binary:   $SIPSTAT, built $(date -u -r "$SIPSTAT" +%Y-%m-%dT%H:%MZ)"
echo "duckdb:   threads $threads_text, memory_limit $MEMORY_LIMIT"
printf 'extract:  %d SIPs, seed %s, counties %s, flaws %s: %d input rows in %d CSV files, %.0f MiB (%s)\n' \
	"$SIPS" "$SEED" "$COUNTIES" "$FLAWS" "$ROWS" "${#csvs[@]}" "$(awk -v b="$BYTES" 'BEGIN { print b / 1048576 }')" "$EXTRACT"
[[ $BASE_ROWS == "$ROWS" ]] || echo "note:     the baseline read $BASE_ROWS rows (it skips rows DuckDB cannot type), the files have $ROWS data lines"
echo
printf '%-24s %9s %9s %12s %12s\n' phase "wall s" "cpu s" "rows/s" "peak RSS MiB"
row() { printf '%-24s %9.2f %9s %12s %12s\n' "$1" "${WALL[$2]}" "${CPU[$2]}" "$(rate "${WALL[$2]}")" "$(mib "${RSS[$2]}")"; }
if ((GEN_CACHED)); then
	row "generate (cached)" generate
else
	row generate generate
fi
row "baseline (read_csv)" baseline
row "load --no-transform" load
row transform transform
row "kpi --by all" kpi
row report report
TOTAL=$(awk -v a="${WALL[load]}" -v b="${WALL[transform]}" -v c="${WALL[kpi]}" -v d="${WALL[report]}" 'BEGIN { printf "%.2f", a + b + c + d }')
CPU_TOTAL=$(awk -v a="${CPU[load]}" -v b="${CPU[transform]}" -v c="${CPU[kpi]}" -v d="${CPU[report]}" 'BEGIN { printf "%.2f", a + b + c + d }')
PEAK=0
for p in load transform kpi report; do ((RSS[$p] > PEAK)) && PEAK=${RSS[$p]}; done
WALL[total]=$TOTAL
CPU[total]=$CPU_TOTAL
RSS[total]=$PEAK
echo "------------------------ --------- --------- ------------ ------------"
row "load..report (sum; max)" total
printf 'database file after the run: %.0f MiB\n' "$(awk -v b="$DB_BYTES" 'BEGIN { print b / 1048576 }')"
echo

RATIO=$(awk -v a="${WALL[load]}" -v b="${WALL[baseline]}" 'BEGIN { printf "%.2f", a / b }')
CPU_RATIO=$(awk -v a="${CPU[load]}" -v b="${CPU[baseline]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
PEAK_GIB=$(awk -v k="$PEAK" 'BEGIN { printf "%.2f", k / 1048576 }')
echo "targets:"
printf '  %-52s %s\n' "load / baseline = $RATIO (at most 1.5)" "$(verdict "$RATIO <= 1.5")  (cpu time ratio $CPU_RATIO)"
if ((SIPS >= 1000000)); then
	printf '  %-52s %s\n' "load+transform+kpi+report = $TOTAL s (under 90 s)" "$(verdict "$TOTAL < 90")"
	printf '  %-52s %s\n' "peak RSS = $PEAK_GIB GiB (under 4 GiB)" "$(verdict "$PEAK_GIB < 4")"
else
	printf '  %-52s %s\n' "load+transform+kpi+report = $TOTAL s, peak $PEAK_GIB GiB" "(targets apply at SIPS=1000000)"
fi
if ((SIPS <= 20000)); then
	printf '  %-52s %s\n' "report = ${WALL[report]} s (under 2 s)" "$(verdict "${WALL[report]} < 2")"
fi

# One tab-separated line per run, for bench/RESULTS.md and comparing runs.
HIST=$OUT/history.tsv
[[ -f $HIST ]] || printf 'date\tcommit\tsips\tseed\tcounties\trows\tthreads\tmemory_limit\tloadavg_before\tgenerate_s\tgenerate_cpu_s\tgenerate_rss_kib\tbaseline_s\tbaseline_cpu_s\tbaseline_rss_kib\tload_s\tload_cpu_s\tload_rss_kib\ttransform_s\ttransform_cpu_s\ttransform_rss_kib\tkpi_s\tkpi_cpu_s\tkpi_rss_kib\treport_s\treport_cpu_s\treport_rss_kib\ttotal_s\ttotal_cpu_s\tratio\tcpu_ratio\n' >"$HIST"
cols=("$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$commit" "$SIPS" "$SEED" "$COUNTIES" "$ROWS" "$THREADS" "${MEMORY_LIMIT:-default}" "$LOAD_BEFORE")
for p in generate baseline load transform kpi report; do cols+=("${WALL[$p]}" "${CPU[$p]}" "${RSS[$p]}"); done
cols+=("$TOTAL" "$CPU_TOTAL" "$RATIO" "$CPU_RATIO")
(IFS=$'\t'; echo "${cols[*]}") >>"$HIST"

if [[ $KEEP == 1 ]]; then
	log "kept the database and reports in $RUN"
else
	rm -rf "$DB" "$DB.wal" "$DB.tmp" "$RUN/report"
	log "logs in $LOGS (KEEP=1 keeps the database and reports too)"
fi
