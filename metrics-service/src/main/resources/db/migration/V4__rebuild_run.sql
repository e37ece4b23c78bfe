-- Issue 14: the rebuild is platform-wide. Its status lives here, not in the memory of the replica that got the POST,
-- so any replica answers GET /api/v1/admin/rebuild, and at most one rebuild runs across replicas (they all replay
-- into the one shadow schema metrics_rebuild).
create table rebuild_run (
    id                uuid        primary key,
    state             varchar(10) not null check (state in ('running', 'completed', 'failed')),
    -- the replica running it: healthcheck.instance-id (HEALTHCHECK_INSTANCE_ID), or its host name
    replica           varchar(200) not null,
    started_at        timestamptz not null,
    -- the database's clock, renewed by the running replica every metrics.rebuild.heartbeat-interval; a running row
    -- whose heartbeat is older than metrics.rebuild.abandoned-after is marked failed by the next replica to look
    heartbeat_at      timestamptz not null,
    -- set in the transaction that swaps the rebuilt tables in: from then on the rebuilt state is the live one
    swapped_at        timestamptz,
    finished_at       timestamptz,
    records           bigint      not null default 0,
    skipped           bigint      not null default 0,
    replay_seconds    double precision,
    events_per_second double precision,
    published         bigint,
    error             text
);

-- At most one running rebuild, whichever replica starts it: a second insert of a running row conflicts here.
create unique index rebuild_run_one_running on rebuild_run ((true)) where state = 'running';
-- GET answers the latest.
create index rebuild_run_started on rebuild_run (started_at desc);
