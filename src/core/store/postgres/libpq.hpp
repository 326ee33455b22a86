#pragma once

// libpq, loaded on first use. The extension must install and run in file mode on a machine
// without libpq (Debian's libpq5): nothing links it; the first connection to a team server
// loads libpq.so.5 and resolves the functions the store calls. Internal to store/postgres.

#include <libpq-fe.h>

namespace clientes::pg
{

#define CLIENTES_LIBPQ_FUNCTIONS(X)                                                                \
    X(PQbackendPID)                                                                                \
    X(PQclear)                                                                                     \
    X(PQcmdTuples)                                                                                 \
    X(PQconnectdb)                                                                                 \
    X(PQconninfoFree)                                                                              \
    X(PQconninfoParse)                                                                             \
    X(PQconsumeInput)                                                                              \
    X(PQerrorMessage)                                                                              \
    X(PQexec)                                                                                      \
    X(PQexecParams)                                                                                \
    X(PQexecPrepared)                                                                              \
    X(PQfformat)                                                                                   \
    X(PQfinish)                                                                                    \
    X(PQfreemem)                                                                                   \
    X(PQgetResult)                                                                                 \
    X(PQgetisnull)                                                                                 \
    X(PQgetlength)                                                                                 \
    X(PQgetvalue)                                                                                  \
    X(PQnotifies)                                                                                  \
    X(PQntuples)                                                                                   \
    X(PQprepare)                                                                                   \
    X(PQputCopyData)                                                                               \
    X(PQputCopyEnd)                                                                                \
    X(PQreset)                                                                                     \
    X(PQresultErrorField)                                                                          \
    X(PQresultErrorMessage)                                                                        \
    X(PQresultStatus)                                                                              \
    X(PQserverVersion)                                                                             \
    X(PQsetNoticeProcessor)                                                                        \
    X(PQsocket)                                                                                    \
    X(PQstatus)                                                                                    \
    X(PQunescapeBytea)                                                                             \
    X(PQuser)

struct LibPq
{
#define CLIENTES_LIBPQ_POINTER(name) decltype(&::name) name = nullptr;
    CLIENTES_LIBPQ_FUNCTIONS(CLIENTES_LIBPQ_POINTER)
#undef CLIENTES_LIBPQ_POINTER
};

// The loaded library (loaded once, kept until the process ends). Throws StoreError
// (CannotOpen, location "libpq") naming the package to install when it cannot be loaded.
const LibPq& libpq();

// Whether libpq can be loaded here (loads it).
bool libpqAvailable() noexcept;

} // namespace clientes::pg
