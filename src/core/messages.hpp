#pragma once

#include "core/activity.hpp"
#include "core/client.hpp"
#include "core/language.hpp"
#include "core/profile_validation.hpp"
#include "core/validation.hpp"

#include <string>

namespace clientes
{

class StoreError;
class FileTooLarge;
class HasLinkedRecords;

// Label of a field for forms and column headers ("Nombre legal", "Tax ID"…).
std::string fieldLabel(Field field, Language language);

// One complete sentence for the user, e.g. "El nombre legal es obligatorio.".
std::string describe(const FieldIssue& issue, Language language);

// What went wrong with the register file (naming its path) and what the user can do.
// Conflict (ConflictError, RecordConflict): someone else saved first; open again and repeat.
std::string describe(const StoreError& error, Language language);

// Labels of the profile records and their fields ("Factura", "Fecha de vencimiento"…).
std::string recordTypeLabel(RecordType type, Language language);
std::string recordFieldLabel(RecordType type, RecordField field, Language language);
// One complete sentence, e.g. "Ya existe una factura con este número.".
std::string describe(const RecordIssue& issue, Language language);
// The file's name, its size and the limit, in bytes and MB.
std::string describe(const FileTooLarge& error, Language language);
// What is linked ("proyectos: 2, facturas: 3") and that archiving is the way.
std::string describe(const HasLinkedRecords& error, Language language);
// Heading of an activity entry ("Archivo adjuntado").
std::string activityKindLabel(ActivityKind kind, Language language);

} // namespace clientes
