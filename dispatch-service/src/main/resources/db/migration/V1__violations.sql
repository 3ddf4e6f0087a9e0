-- Violation episodes as reported by rules-service, plus the dispatcher's acknowledgement.
create table dispatch.violations (
    id                 text primary key,            -- ViolationEvent.violationId (deterministic)
    regulation_id      text        not null,
    regulation_version integer     not null,
    title              text,
    severity           text,
    vehicle_id         text        not null,
    status             text        not null check (status in ('OPENED', 'UPDATED', 'CLOSED')),
    started_at         timestamptz not null,
    ended_at           timestamptz,
    last_event_time    timestamptz not null,        -- event time of the last applied event
    parameters         jsonb       not null default '{}'::jsonb,
    measurements       jsonb       not null default '{}'::jsonb,
    evidence           jsonb       not null default '[]'::jsonb,
    acknowledged_by    text,
    acknowledged_at    timestamptz,
    ack_comment        text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

create index violations_started_idx on dispatch.violations (started_at desc, id);
create index violations_vehicle_idx on dispatch.violations (vehicle_id, started_at desc);
create index violations_regulation_idx on dispatch.violations (regulation_id, started_at desc);
create index violations_active_idx on dispatch.violations (started_at desc) where status <> 'CLOSED';
