{{/* The one-pass way's form of rules/goal_reviews.sql, an expression in
suspects.sql over the review's left-joined goal and meeting: they belong to
different SIPs. */ -}}
coalesce({{ident "parent_goal_id"}}.sip_id <> {{ident "parent_meeting_id"}}.sip_id, false)
