-- The PostgreSQL role Cageot runs under: SELECT on CAMAP's tables, and rights only on its own
-- schema `cageot` (the run ledger, access tokens, mail ledger), which it owns. Cageot never
-- writes CAMAP data; with this role it cannot.
--
-- Run it once per CAMAP database, as the owner of CAMAP's tables (or a superuser):
--   psql -v ON_ERROR_STOP=1 -v role=cageot -v password=CHANGE-ME -d camap -f db/cageot-role.sql
-- then point Cageot at it: DATABASE_URL=postgresql://cageot:CHANGE-ME@db.example.org/camap
-- `role` defaults to cageot; without `password` the role logs in as pg_hba.conf allows (peer, …).
-- Safe to run again (after a CAMAP migration that adds tables, say).
\set ON_ERROR_STOP on
\if :{?role}
\else
  \set role cageot
\endif

SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
\if :{?password}
  ALTER ROLE :"role" PASSWORD :'password';
\endif
-- Whatever it was given before: no superuser, no role or database creation.
ALTER ROLE :"role" NOSUPERUSER NOCREATEDB NOCREATEROLE;

GRANT CONNECT ON DATABASE :"DBNAME" TO :"role";
GRANT USAGE ON SCHEMA public TO :"role";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"role";
-- Tables this role (the one running the script) creates later in public are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO :"role";

-- Cageot's own schema, owned by the role; tables an earlier Cageot made under another role move to it.
CREATE SCHEMA IF NOT EXISTS cageot AUTHORIZATION :"role";
ALTER SCHEMA cageot OWNER TO :"role";
SELECT format('ALTER TABLE cageot.%I OWNER TO %I', tablename, :'role')
  FROM pg_tables WHERE schemaname = 'cageot' AND tableowner <> :'role' \gexec
-- Tables another role (an administrator, a test) creates in it stay usable by Cageot.
ALTER DEFAULT PRIVILEGES IN SCHEMA cageot GRANT ALL ON TABLES TO :"role";
ALTER DEFAULT PRIVILEGES IN SCHEMA cageot GRANT ALL ON SEQUENCES TO :"role";
