-- Scalar macros that read one input cell (grain: one value). The Go
-- functions parseDate, parseInt and parseBool in cells.go state the same
-- rules, and FuzzCells checks that both agree.
create or replace temp macro sip_date(s) as case
    when regexp_full_match(s, '[12][0-9]{3}-[0-9]{2}-[0-9]{2}')
        then try_cast(s as date)
    when regexp_full_match(s, '[12][0-9]{3}-[0-9]{2}-[0-9]{2}[ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?')
        then try_cast(left(s, 10) as date)
end;

create or replace temp macro sip_int(s) as case
    when regexp_full_match(s, '[+-]?[0-9]{1,9}([.,]0+)?')
        then cast(regexp_extract(s, '^[+-]?[0-9]+') as integer)
end;

create or replace temp macro sip_bool(s) as case lower(s)
    when 'true' then true when '1' then true when 'ja' then true
    when 'yes' then true when 'sant' then true
    when 'false' then false when '0' then false when 'nej' then false
    when 'no' then false when 'falskt' then false
end;

-- A value quoted in a reject reason, cut short so a reason stays one line.
create or replace temp macro sip_show(s) as case
    when length(s) > 40 then left(s, 37) || '...' else s
end;
