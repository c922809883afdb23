-- grain: one row per input row of {{.Table}} that was loaded into
-- raw.{{.Table}} in this load, typed: what the foreign keys and table rules of
-- later tables check against. A view over the staged file (scanned in
-- parallel, unlike the rows written in the open transaction).
create or replace temp view {{ident .Loaded}} as
select typed.*
from {{ident .Typed}} as typed
{{- if .AnyProblem}}
anti join {{ident .Problems}} as p on p.__line = typed.__line
{{- end}};
