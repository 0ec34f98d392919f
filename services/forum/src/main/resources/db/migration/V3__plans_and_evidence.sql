-- Plans, population estimates and inputs in the projection, by generation like the other fv_* tables.
CREATE TABLE fv_plan (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);

CREATE TABLE fv_population (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);

-- an input never changes once contributed; subject_id is the round or need it is about
CREATE TABLE fv_input (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    subject_id uuid   NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
CREATE INDEX fv_input_subject ON fv_input (generation, subject_id);

-- the tracker filters a forum's actions in the database: owner and membership look-ups
CREATE INDEX fv_action_owner ON fv_action (generation, owner_id);
