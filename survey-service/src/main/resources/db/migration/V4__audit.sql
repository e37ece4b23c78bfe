-- Every write, accepted or refused: who (token subject and client), what, which authority, when, and the outcome.
-- Practitioner responses stay anonymous: an entry names the submitting system, never a respondent.
create table audit_entry (
    id             bigserial    primary key,
    at             timestamptz  not null,
    subject        varchar(200),
    client_id      varchar(200),
    action         varchar(64)  not null,
    method         varchar(10)  not null,
    path           varchar(500) not null,
    authority_code varchar(16),
    status         integer      not null,
    detail         varchar(1000)
);
create index audit_entry_at on audit_entry (at);
create index audit_entry_authority_at on audit_entry (authority_code, at);
