#pragma once

#include "core/model/activity.hpp"
#include "core/model/client.hpp"
#include "core/model/register_values.hpp"
#include "core/rules/duplicate_match.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"
#include "core/text/texts.hpp"

#include <string>

namespace clientes
{

class StoreError;
class FileTooLarge;
class HasLinkedRecords;
class RegisterFileRefused;
class FileProblem;
class MergeRefused;
class MergeUndoRefused;

// Label of a field for forms and column headers ("Nombre legal", "Tax ID"…).
std::string fieldLabel(Field field, Language language);

// One complete sentence for the user, e.g. "El nombre legal es obligatorio.".
std::string describe(const FieldIssue& issue, Language language);

// What went wrong with the register file (naming its path) and what the user can do.
// Conflict (ConflictError, RecordConflict): someone else saved first; open again and repeat.
std::string describe(const StoreError& error, Language language);
// For a save that did not happen: describe(), and when a team server does not answer, that
// what was typed is still there and saving again tries again.
std::string describeUnsaved(const StoreError& error, Language language);

// What is wrong with a file to read or write; names it (hidden characters shown, cut).
std::string describe(const FileProblem& problem, Language language);

// The target is the register's own file (or its log, or a back-up beside it).
std::string describe(const RegisterFileRefused& error, Language language);

// What a value given through the API should have been.
enum class ValueType
{
    Text,
    Number,
    WholeNumber,
    Date,
    Boolean,
    TextList
};
// "Se esperaba un texto y se ha recibido un valor de tipo «boolean»." — `given` is the type's
// name as the caller's language calls it (UNO's name: "boolean", "double", "[]string").
std::string wrongTypeMessage(ValueType expected, std::string_view given, Language language);

// For a failure that has no message of its own: an unexpected error inside the extension
// (details go to the office's log), or the office refusing an operation without saying why.
std::string internalErrorMessage(Language language);
std::string officeRefusedMessage(Language language);
// Memory ran out in the middle of an operation (nothing was half written).
std::string outOfMemoryMessage(Language language);

// Labels of the profile records and their fields ("Factura", "Fecha de vencimiento"…).
std::string recordTypeLabel(RecordType type, Language language);
std::string recordFieldLabel(RecordType type, RecordField field, Language language);
// One complete sentence, e.g. "Ya existe una factura con este número.".
std::string describe(const RecordIssue& issue, Language language);
// The file's name, its size and the limit, in bytes and MB.
std::string describe(const FileTooLarge& error, Language language);
// What is linked ("proyectos: 2, facturas: 3") and that archiving is the way.
std::string describe(const HasLinkedRecords& error, Language language);
// "proyectos: 2, facturas: 1": the kinds of records with their counts; "" when none.
std::string linkedRecordsList(const LinkedRecords& linked, Language language);
// "the same tax ID", "a similar name"…: a reason two clients look like one, for a sentence.
std::string duplicateReasonLabel(DuplicateReason reason, Language language);
// The reasons of a score, joined: "the same phone, a similar name".
std::string duplicateReasons(const DuplicateScore& score, Language language);

// Why a merge (or its undo) was refused: a sentence; every conflict of an undo named.
std::string describe(const MergeRefused& refused, Language language);
std::string describe(const MergeUndoRefused& refused, Language language);
// Heading of an activity entry ("Archivo adjuntado").
std::string activityKindLabel(ActivityKind kind, Language language);

} // namespace clientes
