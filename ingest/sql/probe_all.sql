-- grain: one row per file the one-pass way wrote, in load order
-- (file_index): what probe.sql finds over its written rows. The probes of
-- all files run as one query after every file is written, rather than one
-- query per file.
{{- range $i, $p := .Probes}}
{{if $i}}union all
{{end}}select {{$i}} as file_index, probe.repeats, probe.found
from (
{{$p}}
) as probe
{{- end}};
