#!/usr/bin/env bash
# make bench — times what users run (sipstat load as a whole, then transform,
# kpi and the reports on their own) on generated extracts with flaws, and
# compares the load with a plain DuckDB read_csv load of the same files
# (bench/baseline). See bench/README.md for the variables and how to read
# the output.
#
# It builds only the baseline program; `make bench` builds bin/sipstat first.
# Everything it writes goes under bench/out/. Progress goes to stderr, the
# results to stdout. Exit status: 0 when every phase ran (a MISS is a result,
# not a failure), 1 when a phase failed, 2 on a wrong variable.
set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { echo "bench: $*" >&2; exit "${2:-1}"; }
log() { echo "bench: $*" >&2; }

SIPS=${SIPS:-200000}
SEED=${SEED:-1}
# The extracts, in this order: flawed = sipstat sample's default flaws (what
# a user's first extract looks like), heavy = those plus about 3 % rejected
# rows (duplicate keys, cross-SIP references, cascades), clean = no flaw.
EXTRACTS=${EXTRACTS:-flawed heavy clean}
FLAWS=${FLAWS:-0.002}           # sipstat sample --flaws of flawed and heavy
REJECT_RATE=${REJECT_RATE:-0.03} # sipstat sample --reject-rate of heavy
REPEAT=${REPEAT:-1}             # runs of every phase; the tables show medians
MUNICIPALITY=${MUNICIPALITY:-}  # for report --municipality; default: the extract's largest
KEEP=${KEEP:-0}
THREADS=${THREADS:-0}
MEMORY_LIMIT=${MEMORY_LIMIT:-2.5GB} # sipstat's default; the baseline gets the same
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
[[ $REJECT_RATE =~ ^(0|0?\.[0-9]+)$ ]] || die "REJECT_RATE=$REJECT_RATE: want a share from 0 to 0.5, e.g. 0.03" 2
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || die "REPEAT=$REPEAT: want a positive whole number" 2
[[ $THREADS =~ ^[0-9]+$ ]] || die "THREADS=$THREADS: want a whole number (0 = one per core)" 2
[[ $COUNTIES =~ ^(default|all|[0-9]{2}(,[0-9]{2})*)$ ]] || die "COUNTIES=$COUNTIES: want all, default or county codes like 01,14" 2
[[ -z $MUNICIPALITY || $MUNICIPALITY =~ ^[0-9]{4}$ ]] || die "MUNICIPALITY=$MUNICIPALITY: want an SCB kommunkod like 0180" 2
read -r -a kinds <<<"${EXTRACTS//,/ }"
((${#kinds[@]} > 0)) || die "EXTRACTS is empty: want some of flawed heavy clean" 2
for k in "${kinds[@]}"; do
	[[ $k =~ ^(flawed|heavy|clean)$ ]] || die "EXTRACTS: $k: want some of flawed heavy clean" 2
done
[[ -x $SIPSTAT ]] || die "$SIPSTAT not found: run make build (or make bench) first" 2
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed for wall time and peak RSS" 2

# Flags shared by every sipstat call and the baseline, so both run with the
# same DuckDB threads and memory limit.
duck_flags=(--threads "$THREADS")
[[ -n $MEMORY_LIMIT ]] && duck_flags+=(--memory-limit "$MEMORY_LIMIT")

mkdir -p "$OUT/bin"
RUN=$OUT/run-$SIPS-seed$SEED-$COUNTIES
# Only the logs of the extracts run now are replaced.
for k in "${kinds[@]}"; do rm -rf "${RUN:?}/$k"; done
mkdir -p "$RUN"

# phase KEY NAME STDOUT CMD… runs CMD under GNU time; sets WALL[KEY/NAME]
# (seconds), CPU[KEY/NAME] (user + system seconds: on a shared machine the
# wall time also holds the time spent waiting for a core, the CPU time does
# not) and RSS[KEY/NAME] (peak resident set, KiB). stderr goes to
# $LOGS/NAME.err, GNU time's figures to $LOGS/NAME.time.
declare -A WALL CPU RSS
phase() {
	local key=$1 name=$2 stdout=$3
	shift 3
	log "$key $name: $*"
	if ! /usr/bin/time -o "$LOGS/$name.time" -f '%e %M %U %S' "$@" >"$stdout" 2>"$LOGS/$name.err"; then
		tail -n 20 "$LOGS/$name.err" >&2
		die "$key $name failed: $* (log: $LOGS/$name.err)"
	fi
	# On success the file holds exactly one line "wall maxrss user system".
	local wall rss user sys
	read -r wall rss user sys <"$LOGS/$name.time"
	WALL[$key/$name]=$wall
	RSS[$key/$name]=$rss
	CPU[$key/$name]=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# median of the numbers given ("-" if none).
median() {
	printf '%s\n' "$@" | { grep -v '^-*$' || true; } | sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		if (NR % 2) printf "%.2f\n", v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# med ARRAY KIND PHASE: the median over the runs of one kind.
med() {
	local -n arr=$1
	local vals=() r
	for ((r = 1; r <= REPEAT; r++)); do vals+=("${arr[$2/$r/$3]:--}"); done
	median "${vals[@]}"
}

# 1. The baseline program, built (from the shared build cache) so that
# compiling is never part of a timing.
log "building the baseline program"
go build -o "$OUT/bin/baseline" ./bench/baseline

# 2. The extracts, cached by size, seed, counties and flaws: rerunning skips
# this. A fingerprint of the generator's sources: a cached extract made by
# another version of the generator is still used, with a warning
# (regenerating the national extract takes minutes; rm -rf it to force it).
gen_version=$(cat sampledata/*.go 2>/dev/null | sha256sum | cut -c1-12)
declare -A EXTRACT GEN_CACHED ROWS BYTES NCSV MUNI
prepare() {
	local kind=$1 flaws=0 rejects=0
	case $kind in
	flawed) flaws=$FLAWS ;;
	heavy) flaws=$FLAWS rejects=$REJECT_RATE ;;
	esac
	local dir=$OUT/extract-$SIPS-seed$SEED-$COUNTIES-flaws$flaws
	[[ $rejects == 0 ]] || dir+=-rejects$rejects
	local gen_flags=(--sips "$SIPS" --seed "$SEED" --flaws "$flaws" --reject-rate "$rejects")
	[[ $COUNTIES != default ]] && gen_flags+=(--counties "$COUNTIES")
	EXTRACT[$kind]=$dir
	if [[ -f $dir/.bench-complete ]]; then
		log "$kind: using cached extract $dir"
		local cached_version
		read -r cached_version <"$dir/.bench-generator" || cached_version=unknown
		[[ $cached_version == "$gen_version" ]] ||
			log "warning: $dir was written by another version of sampledata ($cached_version, now $gen_version); rm -rf it to regenerate"
		GEN_CACHED[$kind]=1
	else
		rm -rf "$dir" "$dir.tmp"
		mkdir -p "$dir.tmp"
		LOGS=$RUN/$kind
		mkdir -p "$LOGS"
		phase "$kind" generate "$LOGS/generate.out" "$SIPSTAT" sample --out "$dir.tmp" "${gen_flags[@]}"
		echo "$gen_version" >"$dir.tmp/.bench-generator"
		echo "${WALL[$kind/generate]} ${RSS[$kind/generate]} ${CPU[$kind/generate]}" >"$dir.tmp/.bench-generate"
		touch "$dir.tmp/.bench-complete"
		mv "$dir.tmp" "$dir"
		GEN_CACHED[$kind]=0
	fi
	local w r c
	read -r w r c <"$dir/.bench-generate"
	WALL[$kind/generate]=$w RSS[$kind/generate]=$r CPU[$kind/generate]=${c:--}
	# The municipality with the most SIPs: its report is the slowest.
	[[ -s $dir/.bench-municipality ]] ||
		awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "municipality_code") c = i; next }
			$c ~ /^[0-9][0-9][0-9][0-9]$/ { n[$c]++ }
			END { for (m in n) if (n[m] > best || (n[m] == best && m < pick)) { best = n[m]; pick = m } print pick }' \
			"$dir/sips.csv" >"$dir/.bench-municipality"
	read -r MUNI[$kind] <"$dir/.bench-municipality"
	[[ -n $MUNICIPALITY ]] && MUNI[$kind]=$MUNICIPALITY
	# Input rows: data lines of every CSV file, headers excluded (the
	# generator never writes a line break inside a field).
	local f n rows=0 csvs=("$dir"/*.csv)
	[[ -f ${csvs[0]} ]] || die "$dir has no CSV files"
	for f in "${csvs[@]}"; do
		n=$(wc -l <"$f")
		rows=$((rows + n - 1))
	done
	ROWS[$kind]=$rows
	NCSV[$kind]=${#csvs[@]}
	BYTES[$kind]=$(cat "${csvs[@]}" | wc -c) # also warms the page cache
}
for k in "${kinds[@]}"; do prepare "$k"; done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date -u +%H:%M)

# 3. Per extract and run: the baseline, the whole load (what users run:
# validate and load the rows, build the model and KPIs, switch them in
# atomically), then the load without the
# transform and every later phase on its database. --verbose and
# SIPSTAT_TRACE_SQL=1 put ingest's steps and transform's statements into the
# phase logs (bench/steps.awk reads them).
declare -A REJECTED LOADED BASE_ROWS DB_BYTES
run_kind() {
	local kind=$1 r=$2 ex=${EXTRACT[$1]}
	local dir=$RUN/$kind/run$r
	LOGS=$dir/logs
	mkdir -p "$LOGS"
	local db=$dir/sip.duckdb full=$dir/full.duckdb base=$dir/baseline.duckdb
	rm -f "$db" "$db.wal" "$full" "$full.wal" "$base" "$base.wal"
	local base_flags=("${duck_flags[@]}")
	[[ $kind == clean ]] || base_flags+=(--skip-bad-rows)
	phase "$kind/$r" baseline "$LOGS/baseline.out" "$OUT/bin/baseline" --db "$base" "${base_flags[@]}" "$ex"
	rm -rf "$base" "$base.wal" "$base.tmp"
	BASE_ROWS[$kind]=$(awk -F'\t' '$1 == "total" { print $2 }' "$LOGS/baseline.out")

	phase "$kind/$r" load "$LOGS/load.out" env SIPSTAT_TRACE_SQL=1 "$SIPSTAT" load --db "$full" "${duck_flags[@]}" --verbose "$ex"
	rm -f "$full" "$full.wal"
	read -r LOADED[$kind] REJECTED[$kind] < <(awk '$1 == "total" { print $(NF - 1), $NF }' "$LOGS/load.out")
	phase "$kind/$r" load-only "$LOGS/load-only.out" "$SIPSTAT" load --no-transform --db "$db" "${duck_flags[@]}" --verbose "$ex"
	phase "$kind/$r" transform "$LOGS/transform.out" env SIPSTAT_TRACE_SQL=1 "$SIPSTAT" transform --db "$db" "${duck_flags[@]}" --verbose
	phase "$kind/$r" kpi /dev/null "$SIPSTAT" kpi --db "$db" "${duck_flags[@]}" --by all --format csv
	phase "$kind/$r" report "$LOGS/report.out" "$SIPSTAT" report --db "$db" "${duck_flags[@]}" --out "$dir/report"
	phase "$kind/$r" report-municipality "$LOGS/report-municipality.out" "$SIPSTAT" report --db "$db" "${duck_flags[@]}" --municipality "${MUNI[$kind]}" --out "$dir/report"
	DB_BYTES[$kind]=$(stat -c %s "$db")
	for p in load load-only transform; do
		awk -f bench/steps.awk "$LOGS/$p.err" >"$LOGS/$p.steps"
	done
	if [[ $KEEP != 1 ]]; then rm -rf "$db" "$db.wal" "$db.tmp" "$dir/report"; fi
}
# Runs interleave the extracts, so a change in the machine's load touches
# every extract alike.
for ((r = 1; r <= REPEAT; r++)); do
	for k in "${kinds[@]}"; do run_kind "$k" "$r"; done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# step KIND PHASE KEY FIELD: the median over the runs of one figure of
# bench/steps.awk (field 2 wall, 3 CPU, 4 count); "-" when absent.
step() {
	local vals=() r v
	for ((r = 1; r <= REPEAT; r++)); do
		v=$(awk -F'\t' -v k="$3" -v f="$4" '$1 == k { print $f }' "$RUN/$1/run$r/logs/$2.steps")
		vals+=("${v:--}")
	done
	median "${vals[@]}"
}

# 4. The results.
mib() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.0f", k / 1024 }'; }
rate() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo MISS; fi; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n $(git status --porcelain -- . ':!bench/out' 2>/dev/null | head -1) ]] && commit+=" (working tree differs)"
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
threads_text=$THREADS
((THREADS == 0)) && threads_text="one per core ($(nproc))"

echo "sipstat bench, $(date -u +%Y-%m-%d) $START-$(date -u +%H:%M) UTC, commit $commit"
echo "machine:  $(nproc) cores ($cpu), $mem RAM; load average before $LOAD_BEFORE, after $LOAD_AFTER"
# HEAD may have moved on since the binary was built: say when it was.
echo "binary:   $SIPSTAT, built $(date -u -r "$SIPSTAT" +%Y-%m-%dT%H:%MZ)"
echo "duckdb:   threads $threads_text, memory_limit $MEMORY_LIMIT"
echo "runs:     $REPEAT of every phase per extract (figures are medians)"
scope="one region"
[[ $COUNTIES == all ]] && scope="national"

declare -A M # medians: M[kind/phase/wall|cpu|rss]
HIST=$OUT/history.tsv
hist_header=$'date\tcommit\tsips\tseed\tcounties\textract\tflaws\treject_rate\trows\trejected\trun\tthreads\tmemory_limit\tloadavg_before'
for p in baseline load load-only transform kpi report report-municipality; do hist_header+=$'\t'"${p}_s"$'\t'"${p}_cpu_s"$'\t'"${p}_rss_kib"; done
if [[ -f $HIST ]] && [[ $(head -n 1 "$HIST") != "$hist_header" ]]; then
	mv "$HIST" "$OUT/history-$(date -u +%Y%m%dT%H%M%S).tsv" # an older script's columns
fi
[[ -f $HIST ]] || echo "$hist_header" >"$HIST"

for kind in "${kinds[@]}"; do
	rows=${ROWS[$kind]}
	echo
	case $kind in
	flawed) what="sipstat sample's default flaws (--flaws $FLAWS)" ;;
	heavy) what="heavy rejects (--flaws $FLAWS --reject-rate $REJECT_RATE)" ;;
	clean) what="no flaws (--flaws 0)" ;;
	esac
	printf '== %s extract, %s: %d SIPs, %s (%s), seed %s: %d input rows in %d CSV files, %.0f MiB\n' \
		"$kind" "$what" "$SIPS" "$scope" "$COUNTIES" "$SEED" "$rows" "${NCSV[$kind]}" "$(awk -v b="${BYTES[$kind]}" 'BEGIN { print b / 1048576 }')"
	printf '   %s rows rejected by the load (%.2f %%); the baseline skipped %d rows it could not type\n' \
		"${REJECTED[$kind]}" "$(awk -v a="${REJECTED[$kind]}" -v b="$rows" 'BEGIN { print 100 * a / b }')" $((rows - BASE_ROWS[$kind]))
	for p in baseline load load-only transform kpi report report-municipality; do
		M[$kind/$p/wall]=$(med WALL "$kind" "$p")
		M[$kind/$p/cpu]=$(med CPU "$kind" "$p")
		M[$kind/$p/rss]=$(med RSS "$kind" "$p")
	done
	M[$kind/generate/wall]=${WALL[$kind/generate]}
	M[$kind/generate/cpu]=${CPU[$kind/generate]}
	M[$kind/generate/rss]=${RSS[$kind/generate]}
	printf '%-34s %9s %9s %12s %12s\n' phase "wall s" "cpu s" "rows/s" "peak RSS MiB"
	row() {
		printf '%-34s %9.2f %9s %12s %12s\n' "$1" "${M[$kind/$2/wall]}" "${M[$kind/$2/cpu]}" \
			"$(rate "$rows" "${M[$kind/$2/wall]}")" "$(mib "${M[$kind/$2/rss]}")"
	}
	if ((GEN_CACHED[$kind])); then row "generate (cached)" generate; else row generate generate; fi
	row "baseline (read_csv)" baseline
	row "load (what users run)" load
	row "  load --no-transform" load-only
	row "  transform (after the load)" transform
	row "kpi --by all" kpi
	row "report" report
	row "report --municipality ${MUNI[$kind]}" report-municipality
	M[$kind/total/wall]=$(calc "${M[$kind/load/wall]} + ${M[$kind/report/wall]}")
	M[$kind/total/cpu]=$(calc "${M[$kind/load/cpu]} + ${M[$kind/report/cpu]}")
	peak=0
	for p in load load-only transform kpi report report-municipality; do
		v=${M[$kind/$p/rss]%.*}
		((v > peak)) && peak=$v
	done
	M[$kind/total/rss]=$peak
	echo "---------------------------------- --------- --------- ------------ ------------"
	row "load + report (sum; peak of all)" total
	printf "transform's cost inside the load: load - load --no-transform = %s s (%s cpu-s); transform after the load %s s (%s cpu-s)\n" \
		"$(calc "${M[$kind/load/wall]} - ${M[$kind/load-only/wall]}")" "$(calc "${M[$kind/load/cpu]} - ${M[$kind/load-only/cpu]}")" \
		"${M[$kind/transform/wall]}" "${M[$kind/transform/cpu]}"
	printf 'database file after load --no-transform and transform: %.0f MiB\n' "$(awk -v b="${DB_BYTES[$kind]}" 'BEGIN { print b / 1048576 }')"

	# Where the whole load's time went (sipstat -v load, SIPSTAT_TRACE_SQL=1).
	echo
	echo "where the load's time goes (its --verbose steps; wall s, cpu s):"
	srow() { # label phase key
		local w c n
		w=$(step "$kind" "$2" "$3" 2)
		[[ $w == - ]] && return 0
		c=$(step "$kind" "$2" "$3" 3)
		n=$(step "$kind" "$2" "$3" 4)
		printf '  %-46s %8s %8s %s\n' "$1" "$w" "$c" "${4:+($(printf '%.0f' "$n") $4)}"
	}
	srow "read files (prescan, privacy, counts, keys)" load "step:read files"
	srow "setup" load "step:setup"
	srow "stage" load "step:stage"
	srow "replace previous snapshot" load "step:replace previous snapshot"
	srow "write, one-pass insert of every file" load "step:write" files
	srow "new tables set aside as pending" load "step:pending"
	srow "commit of the rows (commit.sql)" load "isql:commit.sql"
	srow "switch: live tables out, pending in" load "step:switch"
	srow "validate, one-pass way, nothing taken back" load "validate:one-pass" files
	srow "validate, one-pass way, rows taken back" load "validate:taken back" files
	srow "  of which: finding and taking them back" load "validate:taking back" files
	srow "validate, exact way" load "validate:exact way" files
	srow "bookkeeping" load "step:bookkeeping"
	srow "transform, in the switch's transaction" load "step:before commit"
	srow "switch commit (rows, bookkeeping, model)" load "step:switch commit"
	srow "load as ingest timed it" load "step:load total"
	echo "  the load's SQL files, largest (summed over tables):"
	awk -F'\t' '$1 ~ /^isql:/ && $1 != "isql:commit.sql"' "$RUN/$kind/run1/logs/load.steps" | sort -t$'\t' -k2,2gr | head -n 6 |
		while IFS=$'\t' read -r k _ _ _; do srow "    ${k#isql:}" load "$k" statements; done
	echo
	echo "transform by layer: in the load (the switch's transaction) | after the load (wall s, cpu s):"
	for layer in staging ref params core dq catalog kpi assemble views; do
		w1=$(step "$kind" load "tlayer:$layer" 2)
		[[ $w1 == - ]] && continue
		printf '  %-30s %8s %8s | %8s %8s\n' "$layer" "$w1" "$(step "$kind" load "tlayer:$layer" 3)" \
			"$(step "$kind" transform "tlayer:$layer" 2)" "$(step "$kind" transform "tlayer:$layer" 3)"
	done
	echo "  largest statements (after the load):"
	awk -F'\t' '$1 ~ /^tsql:/' "$RUN/$kind/run1/logs/transform.steps" | sort -t$'\t' -k2,2gr | head -n 8 |
		while IFS=$'\t' read -r k _ _ _; do
			printf '  %-30s %8s %8s | %8s %8s\n' "${k#tsql:}" "$(step "$kind" load "$k" 2)" "$(step "$kind" load "$k" 3)" \
				"$(step "$kind" transform "$k" 2)" "$(step "$kind" transform "$k" 3)"
		done

	# One tab-separated line per run, for bench/RESULTS.md and comparing runs.
	flaws=0 rejects=0
	[[ $kind == clean ]] || flaws=$FLAWS
	[[ $kind == heavy ]] && rejects=$REJECT_RATE
	for ((r = 1; r <= REPEAT; r++)); do
		cols=("$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$commit" "$SIPS" "$SEED" "$COUNTIES" "$kind" "$flaws" "$rejects" "$rows" "${REJECTED[$kind]}" "$r" "$THREADS" "${MEMORY_LIMIT:-default}" "$LOAD_BEFORE")
		for p in baseline load load-only transform kpi report report-municipality; do cols+=("${WALL[$kind/$r/$p]}" "${CPU[$kind/$r/$p]}" "${RSS[$kind/$r/$p]}"); done
		(IFS=$'\t'; echo "${cols[*]}") >>"$HIST"
	done
done

# 5. Side by side, and the targets of the issue (bench/README.md).
echo
echo "== summary ($SIPS SIPs, $scope; medians of $REPEAT runs; seconds)"
printf '%-8s %9s %9s %9s %14s %11s %10s %8s %9s %9s %9s\n' extract rejected baseline load "load/baseline" "(cpu)" "load -t" transform report "report kn" "peak GiB"
for kind in "${kinds[@]}"; do
	ratio=$(calc "${M[$kind/load/wall]} / ${M[$kind/baseline/wall]}")
	cratio=$(calc "${M[$kind/load/cpu]} / ${M[$kind/baseline/cpu]}")
	M[$kind/ratio]=$ratio
	printf '%-8s %8.2f%% %9s %9s %14s %11s %10s %8s %9s %9s %9.2f\n' "$kind" \
		"$(awk -v a="${REJECTED[$kind]}" -v b="${ROWS[$kind]}" 'BEGIN { print 100 * a / b }')" \
		"${M[$kind/baseline/wall]}" "${M[$kind/load/wall]}" "$ratio" "($cratio)" "${M[$kind/load-only/wall]}" \
		"${M[$kind/transform/wall]}" "${M[$kind/report/wall]}" "${M[$kind/report-municipality/wall]}" \
		"$(awk -v k="${M[$kind/total/rss]}" 'BEGIN { print k / 1048576 }')"
done
echo "(load = sipstat load as users run it; load -t = load --no-transform; report kn = report --municipality)"
echo
echo "targets (issue 16):"
target() { printf '  %-74s %s\n' "$1" "$2"; }
for kind in "${kinds[@]}"; do
	applies=""
	[[ $kind == flawed && $SIPS == 200000 ]] && applies=1
	[[ $kind == heavy && $SIPS -ge 1000000 ]] && applies=1
	v=$(verdict "${M[$kind/ratio]} <= 1.5")
	[[ -n $applies ]] || v="($v; the target is set for flawed 200 000 and heavy 1 000 000)"
	target "$kind: load / baseline = ${M[$kind/ratio]} (at most 1.5)" "$v"
	peak_gib=$(awk -v k="${M[$kind/total/rss]}" 'BEGIN { printf "%.2f", k / 1048576 }')
	target "$kind: peak RSS = $peak_gib GiB (at most 3 GiB)" "$(verdict "$peak_gib <= 3")"
	tr=${M[$kind/transform/wall]}
	if ((SIPS >= 1000000)); then
		target "$kind: transform = $tr s (at most 12 s at 1 000 000 SIPs)" "$(verdict "$tr <= 12")"
		target "$kind: load + report = ${M[$kind/total/wall]} s (at most 60 s at 1 000 000 SIPs)" "$(verdict "${M[$kind/total/wall]} <= 60")"
	else
		target "$kind: transform = $tr s (at most 12 s at 1 000 000 SIPs)" "(set at 1 M)"
		target "$kind: load + report = ${M[$kind/total/wall]} s (at most 60 s at 1 000 000 SIPs)" "(set at 1 M)"
	fi
	km=${M[$kind/report-municipality/wall]}
	if [[ $COUNTIES == all ]]; then
		target "$kind: report --municipality ${MUNI[$kind]} on a national database = $km s (at most 1 s)" "$(verdict "$km <= 1")"
	else
		target "$kind: report of one region = ${M[$kind/report/wall]} s (at most 0.5 s)" "$(verdict "${M[$kind/report/wall]} <= 0.5")"
	fi
done

if [[ $KEEP == 1 ]]; then
	log "kept the databases and reports in $RUN"
else
	log "logs in $RUN/<extract>/run<N>/logs (KEEP=1 keeps the database and reports too)"
fi
