-- The dead_letter table of each service using the dead-letters module (issue 10): records its consumer (or a
-- rebuild) could never apply, set aside; they are also on <topic>.dlq. Listed by GET /api/v1/admin/dead-letters.
-- The module ships it as that service's V3 (quarkus.flyway.locations=db/migration,db/dead-letters), so the table
-- has one definition; beforeValidate__dead_letters_v3.sql says why a database may have recorded another checksum.
create table dead_letter (
    id          bigserial primary key,
    consumer    text        not null,
    topic       text        not null,
    partition   integer     not null,
    offset_     bigint      not null,
    record_key  text,
    -- the original value verbatim: it may hold NUL or invalid UTF-8, which text cannot
    value       bytea,
    -- the original headers, name -> Base64 of the value
    headers     jsonb       not null default '{}',
    error       text        not null,
    error_type  text        not null,
    failed_at   timestamptz not null default now(),
    status      text        not null default 'open' check (status in ('open', 'replayed', 'dismissed')),
    resolved_at timestamptz,
    -- a record redelivered after a crash is not listed twice
    constraint dead_letter_record unique (topic, partition, offset_)
);
create index dead_letter_status on dead_letter (status, id);
