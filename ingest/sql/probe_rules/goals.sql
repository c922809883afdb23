{{/* The one-pass way's form of rules/goals.sql, an expression in suspects.sql
over the goal (typed) and its left-joined meeting: the meeting belongs to
another SIP. */ -}}
coalesce({{ident "parent_set_at_meeting_id"}}.sip_id <> typed.sip_id, false)
