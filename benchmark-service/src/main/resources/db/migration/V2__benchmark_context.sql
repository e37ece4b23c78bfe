-- What the second version of the events carries beyond the indicators: the instrument version, consent to named
-- publication, the answers for tabulation; per indicator its polarity, unit and missing reason.
alter table authority_round add column instrument_version integer;
alter table authority_round add column consent_named boolean;
alter table authority_round add column answers jsonb;

alter table indicator_value add column polarity text;
alter table indicator_value add column unit text;
alter table indicator_value add column missing_reason text;

-- One row per round, bumped in the same transaction as every applied event: readers compare `version` with the
-- round snapshot they hold and reload only when it moved (one primary-key read per request, correct on every
-- replica). `period` orders the rounds of one instrument.
create table round_catalog (
    round_id           text   not null primary key,
    instrument         text,
    instrument_version integer,
    period             text,
    version            bigint not null
);

insert into round_catalog (round_id, instrument, instrument_version, period, version)
select round_id, max(instrument), null, max(period), 1 from authority_round group by round_id;
