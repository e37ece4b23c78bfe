-- The relay looks for unpublished events through the partial index outbox_unpublished. Publishing an event moves its
-- row out of that index and leaves a dead entry behind, which every later look-up steps over until vacuum removes
-- it. With the default thresholds (20 % of the table) vacuum came after hundreds of thousands of publications and
-- the relay's look-up had grown from 0.3 ms to 17 ms, run five times a second. Vacuum this table after every few
-- thousand publications instead; on a table whose old rows are all-visible that takes a fraction of a second.
alter table outbox_event set (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000
);
