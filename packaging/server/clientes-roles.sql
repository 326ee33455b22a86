-- The three roles of a Clientes team register, for PostgreSQL 15. Run once per database, as
-- its owner, after the first office has connected (the extension creates its tables itself):
--
--   psql "host=… dbname=clientes user=<owner>" -f clientes-roles.sql
--
-- Then give each person a login in one of the roles, e.g.
--
--   CREATE ROLE ana LOGIN PASSWORD '…' IN ROLE clientes_edit;
--
--   clientes_read   sees everything, changes nothing ("+ Agregar cliente" is greyed out).
--   clientes_edit   adds and changes clients and their records, imports, undoes its own
--                   imports.
--   clientes_admin  also archives and deletes clients and undoes other people's imports.
--
-- The extension reads what the connected user may do from these grants and from membership
-- of clientes_admin (the database's owner and superusers may do everything). Tables that a
-- later version of the extension adds get the same grants (ALTER DEFAULT PRIVILEGES), as long
-- as the owner's connection creates them.

CREATE ROLE clientes_read NOLOGIN;
CREATE ROLE clientes_edit NOLOGIN IN ROLE clientes_read;
CREATE ROLE clientes_admin NOLOGIN IN ROLE clientes_edit;

GRANT USAGE ON SCHEMA public TO clientes_read;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO clientes_read;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO clientes_read;

-- Editing writes rows everywhere (clients, records, activity, the import journal, the
-- register's counters) and removes records around a client and the clients an own import
-- created (undo); the extension keeps archiving and deleting clients to administrators.
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clientes_edit;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO clientes_edit;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO clientes_edit;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO clientes_edit;
