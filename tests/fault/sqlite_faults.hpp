// Fault injection under SQLite for the store's tests: a VFS registered as the default that
// wraps the real one and fails the Nth file operation with an I/O error, and an allocator
// (SQLITE_CONFIG_MALLOC) that fails the Nth allocation. Both count the operations they see,
// so a test can first learn how many there are in a call and then fail each one in turn.
#pragma once

#include <cstdint>

namespace clientes::fault
{

enum class Kind
{
    Io,    // xOpen, xDelete, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xShmMap, xShmLock
    Memory // xMalloc, xRealloc
};

// Installs the allocator and the VFS. Must run before anything else uses SQLite (first
// thing in main): SQLite takes an allocator only before it initialises.
void install();

// From now on count operations of `kind`, and fail the `failAt`-th one (1-based; 0 = fail
// none, only count). `persistent`: every later operation of that kind fails too (a disk that
// stays full, memory that stays short); otherwise only that one.
void arm(Kind kind, std::int64_t failAt, bool persistent);
// Back to normal operation.
void disarm();

// Operations of the armed kind seen since arm().
std::int64_t operations();
// Whether an operation has been failed since arm().
bool fired();
// Failures injected since install(), by kind.
std::int64_t injected(Kind kind);

} // namespace clientes::fault
