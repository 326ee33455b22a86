#pragma once

// The SQLite store: the register kept in one SQLite file on this computer (store/store.hpp's
// Store, with the FileStore capabilities). Schema and migrations (schema.cpp), the clients
// and their full-text search index (sqlite_clients.cpp), the records around them
// (sqlite_records.cpp), the activity log (activity.cpp), import batches and remembered
// mappings (sqlite_journal.cpp), the file's durability (store_durability.cpp, register_file.*).
// The only folder that includes sqlite3.h (through sqlite_db.hpp); this header does not.

#include "core/model/register_values.hpp"
#include "core/store/sqlite/register_file.hpp"
#include "core/store/store.hpp"

#include <filesystem>
#include <memory>

namespace clientes::sqlite
{

// The schema version of the register's file (PRAGMA user_version).
inline constexpr int kSchemaVersion = 5;

// Creates the parent directory (0700) and the file (0600) if missing, opens it, backs it up
// to "<file>.backup-v<old>" and migrates it when its schema is older. Closing the store (its
// destruction) copies the write-ahead log into the file and removes it, so the file alone
// holds everything. Throws StoreError.
std::unique_ptr<Store> openStore(std::filesystem::path file, StoreOptions options = {});

} // namespace clientes::sqlite
