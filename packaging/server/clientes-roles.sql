-- The three roles of a Clientes team register, for PostgreSQL 15. Run once per database, as
-- a superuser, after the first office has connected as the database's owner (the extension
-- creates its tables itself):
--
--   sudo -u postgres psql -d clientes -f clientes-roles.sql
--
-- Then give each person a login in one of the roles, e.g.
--
--   sudo -u postgres psql -c "CREATE ROLE ana LOGIN PASSWORD '…' IN ROLE clientes_edit"
--
--   clientes_read   sees everything, changes nothing ("+ Agregar cliente" is greyed out).
--   clientes_edit   adds and changes clients and their records, imports, undoes its own
--                   imports.
--   clientes_admin  also archives and deletes clients and undoes other people's imports.
--
-- The extension reads what the connected user may do from these grants and from membership
-- of clientes_admin (the tables' owner and superusers may do everything). Tables a later
-- version of the extension adds (created by the owner's connection) get the same grants.

CREATE ROLE clientes_read NOLOGIN;
CREATE ROLE clientes_edit NOLOGIN IN ROLE clientes_read;
CREATE ROLE clientes_admin NOLOGIN IN ROLE clientes_edit;

GRANT USAGE ON SCHEMA public TO clientes_read;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO clientes_read;

-- Editing writes rows everywhere (clients, records, activity, the import journal, the
-- register's counters) and removes records around a client and the clients an own import
-- created (undo); the extension keeps archiving and deleting clients to administrators.
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clientes_edit;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO clientes_edit;

-- The same for tables and sequences the owner creates later (schema migrations).
DO $$
DECLARE
    owner name := (SELECT tableowner FROM pg_tables
                   WHERE schemaname = 'public' AND tablename = 'clientes_meta');
BEGIN
    IF owner IS NULL THEN
        RAISE EXCEPTION 'no Clientes register in this database: connect an office first';
    END IF;
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                   'GRANT SELECT ON TABLES TO clientes_read', owner);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                   'GRANT INSERT, UPDATE, DELETE ON TABLES TO clientes_edit', owner);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                   'GRANT USAGE ON SEQUENCES TO clientes_edit', owner);
END
$$;
