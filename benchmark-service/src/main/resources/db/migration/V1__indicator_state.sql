-- The latest indicator set per (round, authority), as metrics-service last published it.
-- A withdrawn authority keeps its row (withdrawn = true, no indicator_value rows) so that a stale, lower revision
-- arriving after the withdrawal is still recognised and ignored.
create table authority_round (
    round_id        text        not null,
    authority_code  text        not null,
    source_revision integer     not null,
    withdrawn       boolean     not null,
    instrument      text,
    period          text,
    computed_at     timestamptz,
    event_id        text,
    applied_at      timestamptz not null default now(),
    primary key (round_id, authority_code)
);

create table indicator_value (
    round_id       text    not null,
    authority_code text    not null,
    indicator_id   text    not null,
    value          numeric,
    numerator      numeric,
    denominator    numeric,
    scale          integer not null,
    primary key (round_id, authority_code, indicator_id),
    foreign key (round_id, authority_code) references authority_round (round_id, authority_code) on delete cascade
);

-- Every benchmark read is "one indicator of one round across all authorities".
create index indicator_value_by_round_indicator on indicator_value (round_id, indicator_id);
