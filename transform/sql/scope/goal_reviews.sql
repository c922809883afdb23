-- scope_stg_goal_reviews: the rows of staging.stg_goal_reviews of the scope's goals, as a temp table of a
-- municipality scope; the core models and data-quality rules read it in
-- place of staging.stg_goal_reviews (transform/scope.go).
-- grain: one row per row of staging.stg_goal_reviews kept
-- inputs: staging.stg_goal_reviews, scope_stg_goals
with final as (
    select t.*
    from staging.stg_goal_reviews as t
    semi join scope_stg_goals as p
        on p.source = t.source and p.goal_id = t.goal_id
)

select * from final
