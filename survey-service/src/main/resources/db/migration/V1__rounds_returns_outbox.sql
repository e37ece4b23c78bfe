-- Collection rounds: one instrument version collected over one period.
create table round (
    id                 varchar(64)  primary key,
    instrument         varchar(64)  not null,
    instrument_version integer      not null,
    title              varchar(200) not null,
    period             varchar(16)  not null,
    opens_on           date         not null,
    closes_on          date         not null,
    status             varchar(16)  not null check (status in ('open', 'closed')),
    created_at         timestamptz  not null,
    created_by         varchar(200) not null
);

-- Every revision of every return is kept: a later submission never overwrites an earlier row.
-- The current return is the highest revision of (round_id, authority_code).
create table return_revision (
    id             bigserial    primary key,
    round_id       varchar(64)  not null references round (id),
    authority_code varchar(16)  not null,
    revision       integer      not null,
    status         varchar(16)  not null check (status in ('draft', 'submitted', 'withdrawn')),
    answers        text         not null,   -- normalised answers, JSON
    explanations   text         not null,   -- explanations of confirmed rule breaks, JSON
    content_hash   varchar(64)  not null,   -- recognises a repeated identical submission
    created_at     timestamptz  not null,
    created_by     varchar(200) not null,
    unique (round_id, authority_code, revision)
);

-- The transactional outbox: written in the same transaction as the change it announces, published by the relay.
-- Ids come from a sequence handed out in blocks of 50 so that Hibernate can batch the inserts of a bulk submission.
create sequence outbox_event_seq increment by 50;
create table outbox_event (
    id            bigint       primary key,  -- publication order
    event_id      uuid         not null unique,
    topic         varchar(128) not null,
    message_key   varchar(128) not null,
    event_type    varchar(128) not null,
    payload       text         not null,
    created_at    timestamptz  not null,
    published_at  timestamptz,
    attempts      integer      not null default 0,
    last_error    text
);
create index outbox_unpublished on outbox_event (id) where published_at is null;

-- Anonymous practitioner responses: nothing here identifies the respondent or the submitting user (the audit trail
-- names the submitting system). response_id is the submitting system's opaque id, unique within a round.
create sequence practitioner_response_seq increment by 50;
create table practitioner_response (
    id             bigint       primary key,
    round_id       varchar(64)  not null references round (id),
    response_id    varchar(100) not null,
    authority_code varchar(16)  not null,
    answers        text         not null,
    content_hash   varchar(64)  not null,
    received_at    timestamptz  not null,
    unique (round_id, response_id)
);
create index practitioner_response_authority on practitioner_response (round_id, authority_code);
