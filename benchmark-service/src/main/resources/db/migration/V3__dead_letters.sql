-- Records the intake could never apply (the dead-letters module's table, see dead-letters/.../dead_letter.sql).
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
