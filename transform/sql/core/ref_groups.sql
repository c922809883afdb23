-- ref_groups: one row per breakdown and group code with its Swedish and
-- English label, the labels every output shows for kpi_values.group_value,
-- read from the catalogue's labels (kpi_labels, kind group:<breakdown>).
-- Every breakdown has a group `unknown` ("Uppgift saknas") for units whose
-- value is missing, so the groups of a breakdown always partition the total.
-- inputs: kpi_labels
with final as (
    select
        substr(kl.kind, length('group:') + 1) as breakdown,
        kl.code as group_value,
        kl.label_sv as group_label,
        kl.label_en as group_label_en
    from kpi_labels as kl
    where kl.kind like 'group:%'
)

select * from final
