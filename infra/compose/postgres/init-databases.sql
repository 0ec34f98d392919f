-- Run once by the postgres image on an empty data directory (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d): one database per service, owned by that service's own user, closed to the others.
-- Demo passwords, the same as in docker-compose.yml: change both outside a laptop.

CREATE USER arrival_registry WITH PASSWORD 'arrival-registry';
CREATE DATABASE arrival_registry OWNER arrival_registry;
REVOKE ALL ON DATABASE arrival_registry FROM PUBLIC;

CREATE USER arrival_assessments WITH PASSWORD 'arrival-assessments';
CREATE DATABASE arrival_assessments OWNER arrival_assessments;
REVOKE ALL ON DATABASE arrival_assessments FROM PUBLIC;

CREATE USER arrival_action_plans WITH PASSWORD 'arrival-action-plans';
CREATE DATABASE arrival_action_plans OWNER arrival_action_plans;
REVOKE ALL ON DATABASE arrival_action_plans FROM PUBLIC;

CREATE USER arrival_notifications WITH PASSWORD 'arrival-notifications';
CREATE DATABASE arrival_notifications OWNER arrival_notifications;
REVOKE ALL ON DATABASE arrival_notifications FROM PUBLIC;

CREATE USER arrival_forum WITH PASSWORD 'arrival-forum';
CREATE DATABASE arrival_forum OWNER arrival_forum;
REVOKE ALL ON DATABASE arrival_forum FROM PUBLIC;

-- the web application's sessions
CREATE USER arrival_web WITH PASSWORD 'arrival-web';
CREATE DATABASE arrival_web OWNER arrival_web;
REVOKE ALL ON DATABASE arrival_web FROM PUBLIC;
