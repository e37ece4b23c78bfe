-- The fingerprint (SHA-256 of the definition file) of the instrument version a round collects, so that a changed
-- definition of a version already in use is detected at start-up instead of silently altering a live collection.
alter table round add column instrument_sha256 varchar(64);
