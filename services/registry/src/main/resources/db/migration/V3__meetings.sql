-- Forum meetings, the decisions recorded at them, the work they assign and the agenda proposals escalated from
-- nested forums. Each record is kept as JSON in the contract's shape; the columns outside it are the ones queried.
-- Their history is kept in the revision table like every other registry record.
CREATE TABLE meeting (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    forum_id       uuid        NOT NULL REFERENCES forum (id),
    meeting_date   date        NOT NULL,
    status         text        NOT NULL,
    record         jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_by_org uuid,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    updated_by_org uuid
);
CREATE INDEX meeting_forum ON meeting (forum_id, meeting_date DESC);

CREATE TABLE decision (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    forum_id       uuid        NOT NULL REFERENCES forum (id),
    meeting_id     uuid        NOT NULL REFERENCES meeting (id),
    decided_on     date        NOT NULL,
    record         jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_by_org uuid
);
CREATE INDEX decision_forum ON decision (forum_id, decided_on DESC, created_at DESC);
CREATE INDEX decision_meeting ON decision (meeting_id, created_at);

CREATE TABLE assignment (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    forum_id       uuid        NOT NULL REFERENCES forum (id),
    decision_id    uuid        NOT NULL REFERENCES decision (id),
    position       integer     NOT NULL,
    assignee_id    uuid        NOT NULL REFERENCES stakeholder (id),
    due_on         date        NOT NULL,
    status         text        NOT NULL,
    record         jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_by_org uuid,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    updated_by_org uuid
);
CREATE INDEX assignment_decision ON assignment (decision_id, position);
CREATE INDEX assignment_assignee ON assignment (assignee_id, due_on);
CREATE INDEX assignment_open ON assignment (due_on) WHERE status = 'OPEN';

CREATE TABLE agenda_proposal (
    id             uuid        PRIMARY KEY,
    forum_id       uuid        NOT NULL REFERENCES forum (id),
    from_forum_id  uuid        NOT NULL REFERENCES forum (id),
    decision_id    uuid        NOT NULL REFERENCES decision (id),
    title          text        NOT NULL,
    records        jsonb       NOT NULL,
    proposed_on    date        NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_by_org uuid
);
CREATE INDEX agenda_proposal_forum ON agenda_proposal (forum_id, proposed_on DESC);

-- The AssignmentOverdue events already published, so each is published once.
CREATE TABLE assignment_overdue (
    assignment_id uuid        PRIMARY KEY REFERENCES assignment (id),
    due_on        date        NOT NULL,
    published_at  timestamptz NOT NULL
);

-- An assignment with what its readers see around it: the forum, the decision, the meeting and the assignee's name.
CREATE VIEW assignment_listing AS
SELECT a.id, a.version, a.forum_id, a.decision_id, a.position, a.assignee_id, a.due_on, a.status, a.record, a.created_at,
       f.name AS forum_name, d.record ->> 'text' AS decision_text, d.meeting_id, m.record ->> 'title' AS meeting_title,
       d.decided_on, s.name AS assignee_name
  FROM assignment a
  JOIN forum f ON f.id = a.forum_id
  JOIN decision d ON d.id = a.decision_id
  JOIN meeting m ON m.id = d.meeting_id
  JOIN stakeholder s ON s.id = a.assignee_id;
