-- Invitations to the anonymous practitioner survey: a link a council (or the LGA) hands to its practitioners, who
-- answer through the portal without an account. Only the SHA-256 of an invitation's code is kept: the code is shown
-- once, to whoever created the invitation, so neither this table nor the audit trail can be used to answer on a
-- council's behalf. Nothing here, nor in practitioner_response, says who answered.
create table invitation (
    id             uuid         primary key,
    round_id       varchar(64)  not null references round (id),
    authority_code varchar(16)  not null,
    code_sha256    varchar(64)  not null unique,   -- hex SHA-256 of the code's UTF-8 text
    expires_on     date         not null,          -- usable to the end of this day, London time
    max_responses  integer      not null check (max_responses > 0),
    responses      integer      not null default 0 check (responses >= 0),   -- counted as each is stored
    revoked_at     timestamptz,
    created_at     timestamptz  not null,
    created_by     varchar(200) not null
);
create index invitation_round_authority on invitation (round_id, authority_code);
