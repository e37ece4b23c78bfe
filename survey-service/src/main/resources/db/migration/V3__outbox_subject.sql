-- What an event is about (its CloudEvents subject). The relay keeps events with the same subject in order;
-- events about different things are published concurrently.
alter table outbox_event add column subject varchar(300);
update outbox_event set subject = message_key where subject is null;
alter table outbox_event alter column subject set not null;
