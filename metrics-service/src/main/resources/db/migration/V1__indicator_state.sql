-- metrics-service owns this schema through Flyway; Hibernate only maps it (schema-management.strategy=none).

-- The current state of one authority in one round: the highest revision applied and whether it was withdrawn.
create table authority_round_state (
    round_id        varchar(100) not null,
    authority_code  varchar(20)  not null,
    instrument      varchar(100) not null,
    period          varchar(20)  not null,
    revision        integer      not null,
    withdrawn       boolean      not null,
    computed_at     timestamptz  not null,
    source_event_id varchar(200) not null,
    primary key (round_id, authority_code)
);

-- The indicators of that state (none when withdrawn). numeric without precision keeps the exact unrounded values.
create table authority_indicator (
    round_id        varchar(100) not null,
    authority_code  varchar(20)  not null,
    indicator_id    varchar(100) not null,
    position        integer      not null,
    value           numeric,
    numerator       numeric,
    denominator     numeric,
    scale           integer      not null,
    -- question ids, comma-separated (ids never contain commas); empty when nothing is missing
    missing_inputs  varchar(2000) not null,
    missing_reason  varchar(2000),
    primary key (round_id, authority_code, indicator_id),
    foreign key (round_id, authority_code) references authority_round_state (round_id, authority_code) on delete cascade
);

-- Every event applied or deliberately ignored, written in the same transaction as the state change, so a redelivered
-- event is recognised and changes nothing.
create table processed_event (
    event_id        varchar(200) not null primary key,
    event_type      varchar(200) not null,
    round_id        varchar(100) not null,
    authority_code  varchar(20)  not null,
    revision        integer      not null,
    outcome         varchar(20)  not null,
    processed_at    timestamptz  not null
);

create index processed_event_round_authority on processed_event (round_id, authority_code);
