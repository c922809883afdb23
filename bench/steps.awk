# steps.awk — where a sipstat command's time went, from its stderr with
# --verbose and SIPSTAT_TRACE_SQL=1 (bench.sh keeps it as logs/<phase>.err).
#
# Prints one line per figure, tab-separated: key, wall seconds, CPU seconds
# ("-" where the log has none). Keys:
#
#   step:<name>          a load step of ingest ("load step" lines): read files,
#                        setup, stage (every file), privacy (every file),
#                        replace previous snapshot, write (every file's
#                        one-pass insert), bookkeeping, pending (the
#                        new tables renamed aside), switch (live tables out,
#                        pending in), before commit (the transform, in the
#                        switch's transaction), switch commit
#   step:commit          the commit of the load's rows: wall from the time of
#                        the load step before it (pending) to the commit
#                        line's (the log gives the commit's CPU only)
#   step:load total      the load as ingest timed it ("load finished")
#   validate:one-pass    "validate <file>" steps of files written the one-pass
#                        way with nothing taken back; the count of files is in
#                        the key's fourth field
#   validate:taken back  the same for files written the one-pass way whose
#                        rejected rows were then taken back (delete_taken.sql ran)
#   validate:taking back of those files, what finding and taking back their
#                        rows cost: every SQL file from suspects.sql on (the
#                        delete, the read-back, the checks, the rewrite)
#   validate:exact way   files that took the exact way without taking back (a
#                        rule ran over their staged rows: rule_reference or
#                        rule_duplicate; survey tables)
#   isql:<file>          ingest SQL files ("msg=sql" lines), summed over tables
#   tsql:<dir>/<file>    transform SQL files (SIPSTAT_TRACE_SQL lines)
#   tlayer:<dir>         the same summed by folder (staging, core, dq, kpi, …)
#
# A fourth field, where given, is a count (files, statements).
#
# Go durations (1m2.5s, 12.3ms, 754.6µs, 500ns) become seconds; the µ is
# matched as bytes, so this runs under LC_ALL=C with any awk.

function dur(s,    t, num) {
	t = 0
	while (s != "") {
		if (!match(s, /^[0-9.]+/))
			return t
		num = substr(s, 1, RLENGTH) + 0
		s = substr(s, RLENGTH + 1)
		if (substr(s, 1, 2) == "ms") { t += num / 1e3; s = substr(s, 3) }
		else if (substr(s, 1, 2) == "ns") { t += num / 1e9; s = substr(s, 3) }
		else if (substr(s, 1, 2) == "us") { t += num / 1e6; s = substr(s, 3) }
		else if (substr(s, 1, 3) == "\302\265s") { t += num / 1e6; s = substr(s, 4) }
		else if (substr(s, 1, 1) == "h") { t += num * 3600; s = substr(s, 2) }
		else if (substr(s, 1, 1) == "m") { t += num * 60; s = substr(s, 2) }
		else if (substr(s, 1, 1) == "s") { t += num; s = substr(s, 2) }
		else return t
	}
	return t
}

# attr returns the value of key=value or key="value" in the line, "" if absent.
function attr(line, key,    v) {
	if (!match(line, " " key "=(\"[^\"]*\"|[^ ]*)"))
		return ""
	v = substr(line, RSTART + length(key) + 2, RLENGTH - length(key) - 2)
	if (substr(v, 1, 1) == "\"")
		v = substr(v, 2, length(v) - 2)
	return v
}

# clock returns the seconds of the day of a slog time=…T13:00:17.767Z.
function clock(line,    t, p) {
	if (!match(line, /time=[0-9-]+T[0-9:.]+/))
		return -1
	t = substr(line, RSTART + 16, RLENGTH - 16)
	split(t, p, ":")
	return p[1] * 3600 + p[2] * 60 + p[3]
}

function add(key, wall, cpu) {
	if (!(key in W)) { order[++n] = key; W[key] = 0; C[key] = 0; N[key] = 0 }
	W[key] += wall
	if (cpu == "-") C[key] = "-"; else if (C[key] != "-") C[key] += cpu
	N[key]++
}

/msg="load step"/ {
	step = attr($0, "step")
	wall = dur(attr($0, "elapsed"))
	cpu = attr($0, "cpu")
	cpu = cpu == "" ? "-" : dur(cpu)
	if (step == "commit") {
		w = lastStepAt != "" && clock($0) >= lastStepAt ? clock($0) - lastStepAt : 0
		add("step:commit", w, cpu)
		next
	}
	lastStepAt = clock($0)
	if (step ~ /^validate /) {
		table = substr(step, 10)
		sub(/\.[a-z]+$/, "", table)
		vw[table] += wall
		vc[table] += (cpu == "-" ? 0 : cpu)
		vorder[++nv] = table
		next
	}
	sub(/ .*/, "", step) # "stage persons.csv" → stage, "privacy …" → privacy
	if (step == "replace" || step == "read" || step == "before" || step == "switch") step = attr($0, "step")
	add("step:" step, wall, cpu)
	next
}
/msg="load finished"/ { add("step:load total", dur(attr($0, "elapsed")), "-"); next }
/msg=sql / {
	file = attr($0, "file")
	table = attr($0, "table")
	wall = dur(attr($0, "elapsed"))
	cpu = dur(attr($0, "cpu"))
	add("isql:" file, wall, cpu)
	# suspects.sql runs on every file written the one-pass way; a file
	# took rows back when delete_taken.sql ran
	if (file == "suspects.sql") finding[table] = 1
	if (file == "delete_taken.sql") taking[table] = 1
	if (table in finding) { tw[table] += wall; tc[table] += cpu }
	else if (file == "rule_reference.sql" || file == "rule_duplicate.sql") exact[table] = 1
	next
}
/^ *[0-9.]+ms wall +[0-9.]+ms cpu / {
	wall = $1; sub(/ms$/, "", wall)
	cpu = $3; sub(/ms$/, "", cpu)
	add("tsql:" $5, wall / 1e3, cpu / 1e3)
	layer = $5; sub(/\/.*/, "", layer)
	add("tlayer:" layer, wall / 1e3, cpu / 1e3)
	next
}

END {
	for (i = 1; i <= n; i++) {
		k = order[i]
		c = C[k] == "-" ? "-" : sprintf("%.3f", C[k])
		printf "%s\t%.3f\t%s\t%d\n", k, W[k], c, N[k]
	}
	for (i = 1; i <= nv; i++) {
		t = vorder[i]
		if (t in seen) continue
		seen[t] = 1
		way = t in taking ? "validate:taken back" : t in exact ? "validate:exact way" : "validate:one-pass"
		ow[way] += vw[t]; oc[way] += vc[t]; on[way]++
		if (t in taking) { ow["validate:taking back"] += tw[t]; oc["validate:taking back"] += tc[t]; on["validate:taking back"]++ }
	}
	split("validate:one-pass,validate:taken back,validate:taking back,validate:exact way", ways, ",")
	for (i = 1; i <= 4; i++)
		if (ways[i] in ow)
			printf "%s\t%.3f\t%.3f\t%d\n", ways[i], ow[ways[i]], oc[ways[i]], on[ways[i]]
}
