-- The W3C traceparent of the request that made the change, sent with the event as the Kafka header "traceparent",
-- so one response can be followed from its POST to the benchmarks it moved. Null for events written before.
alter table outbox_event add column traceparent varchar(55);
