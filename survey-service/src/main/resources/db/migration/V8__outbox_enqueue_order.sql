-- The relay published in id order, but ids are handed out in blocks of 50 per instance (V1): with two survey-service
-- replicas, a return's revision 3 stored by one replica could carry a lower id than its revision 2 stored a moment
-- earlier by the other, and was published before it (ReplicasIT saw revisions 1, 3, 2 on the topic). The database's
-- own clock at insert orders them: a later revision is only inserted after the earlier one has committed (the client
-- waits for its answer), whichever replica takes it. clock_timestamp(), not now(): it advances within a transaction,
-- so the rows of one batch keep their insert order.
alter table outbox_event add column enqueued_at timestamptz not null default clock_timestamp();

drop index outbox_unpublished;
create index outbox_unpublished on outbox_event (enqueued_at, id) where published_at is null;
