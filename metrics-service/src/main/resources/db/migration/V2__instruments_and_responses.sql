-- Issue 5: every instrument's indicators. Returns keep their tabulated answers and consent; the practitioner survey
-- is a tally of anonymous responses per (round, authority).

alter table authority_round_state
    add column instrument_version integer,
    -- the employer return's consent.named_publication = yes / no; null for instruments without it
    add column consent_named      boolean,
    -- JSON object: the single-choice, multi-choice, integer and decimal answers by question id (returns only)
    add column answers            text,
    -- JSON object: word -> count from culture.three_words (practitioner survey only)
    add column words              text;

-- Practitioner survey: per (round, authority) and statement, how many respondents chose each likert option.
create table practitioner_tally (
    round_id       varchar(100) not null,
    authority_code varchar(20)  not null,
    question_id    varchar(100) not null,
    option_id      varchar(50)  not null,
    responses      bigint       not null,
    primary key (round_id, authority_code, question_id, option_id)
);

-- Word counts of culture.three_words (lower-cased, trimmed).
create table practitioner_word (
    round_id       varchar(100) not null,
    authority_code varchar(20)  not null,
    word           varchar(200) not null,
    responses      bigint       not null,
    primary key (round_id, authority_code, word)
);

-- Every response counted, in the same transaction as its tallies: a response delivered twice counts once.
create table processed_response (
    round_id       varchar(100) not null,
    response_id    varchar(200) not null,
    authority_code varchar(20)  not null,
    event_id       varchar(200) not null,
    processed_at   timestamptz  not null,
    primary key (round_id, response_id)
);

create index authority_round_state_series on authority_round_state (authority_code, instrument);
