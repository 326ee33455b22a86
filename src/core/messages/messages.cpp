#include "core/messages/messages.hpp"

#include "core/files/safe_files.hpp"
#include "core/store/errors.hpp"

#include <array>
#include <string_view>

namespace clientes
{

namespace
{

using K = TextKey;

// Indexed by Field.
constexpr std::array<TextKey, 19> kLabels = {
    K::FieldCode,         K::FieldLegalName,  K::FieldTradeName, K::FieldTaxId,  K::FieldCountry,
    K::FieldStreet,       K::FieldPostalCode, K::FieldCity,      K::FieldRegion, K::FieldEmail,
    K::FieldPhone,        K::FieldWebsite,    K::FieldNotes,     K::FieldKind,   K::FieldTags,
    K::FieldPaymentTerms, K::FieldCurrency,   K::FieldMobile,    K::FieldStreet2};

// Indexed by RecordType.
constexpr std::array<TextKey, 11> kRecordTypes = {
    K::RecordTypeContact, K::RecordTypeProject,       K::RecordTypeTimeEntry,
    K::RecordTypeTask,    K::RecordTypePurchaseOrder, K::RecordTypeInvoice,
    K::RecordTypeDeal,    K::RecordTypeFile,          K::RecordTypeAddress,
    K::RecordTypeBankAccount, K::RecordTypeNote};

// Indexed by RecordField.
constexpr std::array<TextKey, 35> kRecordFields = {
    K::RecordFieldName,       K::RecordFieldRole,      K::RecordFieldEmail,
    K::RecordFieldPhone,      K::RecordFieldStatus,    K::RecordFieldDate,
    K::RecordFieldHours,      K::RecordFieldNote,      K::RecordFieldTitle,
    K::RecordFieldDueDate,    K::RecordFieldNumber,    K::RecordFieldAmount,
    K::RecordFieldCurrency,   K::RecordFieldIssueDate, K::RecordFieldNet,
    K::RecordFieldTax,        K::RecordFieldTotal,     K::RecordFieldStage,
    K::RecordFieldValidUntil, K::RecordFieldMimeType,  K::RecordFieldText,
    K::RecordFieldMobile,     K::RecordFieldType,      K::RecordFieldStreet,
    K::RecordFieldStreet2,    K::RecordFieldPostalCode, K::RecordFieldCity,
    K::RecordFieldRegion,     K::RecordFieldCountry,   K::RecordFieldIban,
    K::RecordFieldBic,        K::RecordFieldHolder,    K::RecordFieldBank,
    K::RecordFieldIbanCheck,  K::RecordFieldBicCheck};

// Indexed by ActivityKind.
constexpr std::array<TextKey, 13> kActivityKinds = {
    K::ActivityCreated,     K::ActivityUpdated,       K::ActivityArchived,
    K::ActivityRestored,    K::ActivityFileAttached,  K::ActivityFileRemoved,
    K::ActivityRecordAdded, K::ActivityRecordChanged, K::ActivityRecordRemoved,
    K::ActivityImported,    K::ActivityNote,          K::ActivityMerged,
    K::ActivityMergeUndone};

// Fields whose problems have their own sentences.
enum class Subject
{
    Other,
    LegalName,
    Kind,
    PaymentTerms,
    Hours,
    Amount,
    DueDate,
    ValidUntil,
    InvoiceNumber,
    DealTitle,
    MimeType
};

Subject subjectOf(Field field)
{
    switch (field)
    {
    case Field::LegalName:
        return Subject::LegalName;
    case Field::Kind:
        return Subject::Kind;
    case Field::PaymentTerms:
        return Subject::PaymentTerms;
    default:
        return Subject::Other;
    }
}

Subject subjectOf(RecordType type, RecordField field)
{
    switch (field)
    {
    case RecordField::Hours:
        return Subject::Hours;
    case RecordField::Amount:
        return Subject::Amount;
    case RecordField::DueDate:
        return Subject::DueDate;
    case RecordField::ValidUntil:
        return Subject::ValidUntil;
    case RecordField::Number:
        return type == RecordType::Invoice ? Subject::InvoiceNumber : Subject::Other;
    case RecordField::Title:
        return type == RecordType::Deal ? Subject::DealTitle : Subject::Other;
    case RecordField::MimeType:
        return Subject::MimeType;
    default:
        return Subject::Other;
    }
}

// Thousands separators as each language writes them: 100.000 (es, pt), 100,000 (en).
std::string formatNumber(std::size_t number, Language language)
{
    const std::string digits = std::to_string(number);
    const bool english = language == Language::En;
    if (digits.size() < (english ? 4U : 5U))
        return digits;
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i != 0 && (digits.size() - i) % 3 == 0)
            out += english ? ',' : '.';
        out += digits[i];
    }
    return out;
}

TextKey problemText(Problem problem, Subject subject)
{
    switch (problem)
    {
    case Problem::Required:
        if (subject == Subject::LegalName)
            return K::ProblemRequiredLegalName;
        if (subject == Subject::DealTitle)
            return K::ProblemRequiredDealTitle;
        return K::ProblemRequired;
    case Problem::InvalidEmail:
        return K::ProblemInvalidEmail;
    case Problem::TooLong:
        return K::ProblemTooLong;
    case Problem::InvalidCountry:
        return K::ProblemInvalidCountry;
    case Problem::InvalidText:
        return K::ProblemInvalidText;
    case Problem::ReadOnly:
        return K::ProblemReadOnly;
    case Problem::UnknownField:
        break;
    case Problem::InvalidChoice:
        if (subject == Subject::Kind)
            return K::ProblemInvalidChoiceKind;
        if (subject == Subject::MimeType)
            return K::ProblemInvalidChoiceMimeType;
        return K::ProblemInvalidChoice;
    case Problem::InvalidCurrency:
        return K::ProblemInvalidCurrency;
    case Problem::InvalidNumber:
        if (subject == Subject::PaymentTerms)
            return K::ProblemInvalidNumberPaymentTerms;
        return K::ProblemInvalidNumber;
    case Problem::OutOfRange:
        if (subject == Subject::PaymentTerms)
            return K::ProblemOutOfRangePaymentTerms;
        if (subject == Subject::Hours)
            return K::ProblemOutOfRangeHours;
        if (subject == Subject::Amount)
            return K::ProblemOutOfRangeAmount;
        return K::ProblemOutOfRange;
    case Problem::InvalidDate:
        return K::ProblemInvalidDate;
    case Problem::DateOrder:
        if (subject == Subject::DueDate)
            return K::ProblemDateOrderDueDate;
        if (subject == Subject::ValidUntil)
            return K::ProblemDateOrderValidUntil;
        return K::ProblemDateOrder;
    case Problem::TotalMismatch:
        return K::ProblemTotalMismatch;
    case Problem::Duplicate:
        if (subject == Subject::InvoiceNumber)
            return K::ProblemDuplicateInvoiceNumber;
        return K::ProblemDuplicate;
    case Problem::TagTooLong:
        return K::ProblemTagTooLong;
    }
    return K::ProblemUnknownField;
}

TextKey storeErrorText(StoreError::Kind kind)
{
    using Kind = StoreError::Kind;
    switch (kind)
    {
    case Kind::CannotOpen:
        return K::StoreCannotOpen;
    case Kind::NotADatabase:
        return K::StoreNotADatabase;
    case Kind::Locked:
        return K::StoreLocked;
    case Kind::PermissionDenied:
        return K::StorePermissionDenied;
    case Kind::TooNew:
        return K::StoreTooNew;
    case Kind::Conflict:
        return K::StoreConflict;
    case Kind::OutOfMemory:
        return K::StoreOutOfMemory;
    case Kind::NoLibrary:
        return K::ServerNeedsLibpq;
    case Kind::Io:
        break;
    }
    return K::StoreIo;
}

// The same for a team server: the messages speak of the server, not of a file.
TextKey serverErrorText(StoreError::Kind kind)
{
    using Kind = StoreError::Kind;
    switch (kind)
    {
    case Kind::CannotOpen:
        return K::ServerCannotOpen;
    case Kind::NotADatabase:
        return K::ServerNotADatabase;
    case Kind::Locked:
        return K::ServerLocked;
    case Kind::PermissionDenied:
        return K::ServerPermissionDenied;
    case Kind::TooNew:
        return K::ServerTooNew;
    case Kind::Io:
        return K::ServerIo;
    case Kind::Conflict:
    case Kind::OutOfMemory:
    case Kind::NoLibrary:
        break;
    }
    return storeErrorText(kind);
}

} // namespace

std::string fieldLabel(Field field, Language language)
{
    return text(kLabels.at(static_cast<std::size_t>(field)), language);
}

std::string describe(const FieldIssue& issue, Language language)
{
    return text(problemText(issue.problem, subjectOf(issue.field)), language,
                {{"label", fieldLabel(issue.field, language)},
                 {"limit", formatNumber(issue.limit, language)}});
}

std::string recordTypeLabel(RecordType type, Language language)
{
    return text(kRecordTypes.at(static_cast<std::size_t>(type)), language);
}

std::string recordFieldLabel(RecordType type, RecordField field, Language language)
{
    if (type == RecordType::File && field == RecordField::Name)
        return text(K::RecordFieldFileName, language);
    return text(kRecordFields.at(static_cast<std::size_t>(field)), language);
}

std::string describe(const RecordIssue& issue, Language language)
{
    return text(problemText(issue.problem, subjectOf(issue.record, issue.field)), language,
                {{"label", recordFieldLabel(issue.record, issue.field, language)},
                 {"limit", formatNumber(issue.limit, language)}});
}

std::string describe(const FileTooLarge& error, Language language)
{
    const auto bytes = [language](std::int64_t value)
    { return formatNumber(static_cast<std::size_t>(value < 0 ? 0 : value), language); };
    return text(K::FileTooLarge, language,
                {{"name", error.name},
                 {"size", bytes(error.size)},
                 {"mb", bytes(error.limit / (1024 * 1024))},
                 {"limit", bytes(error.limit)}});
}

std::string describe(const HasLinkedRecords& error, Language language)
{
    return text(K::ClientHasLinkedRecords, language,
                {{"list", linkedRecordsList(error.linked, language)}});
}

std::string linkedRecordsList(const LinkedRecords& linked, Language language)
{
    const std::pair<TextKey, std::int64_t> parts[] = {
        {K::LinkedProjects, linked.projects},
        {K::LinkedTasks, linked.tasks},
        {K::LinkedPurchaseOrders, linked.purchaseOrders},
        {K::LinkedInvoices, linked.invoices},
        {K::LinkedDeals, linked.deals},
        {K::LinkedFiles, linked.files}};
    std::string list;
    for (const auto& [name, count] : parts)
    {
        if (count <= 0)
            continue;
        if (!list.empty())
            list += ", ";
        list +=
            text(name, language) + ": " + formatNumber(static_cast<std::size_t>(count), language);
    }
    return list;
}

std::string duplicateReasonLabel(DuplicateReason reason, Language language)
{
    switch (reason)
    {
    case DuplicateReason::SameTaxId:
        return text(K::DuplicateReasonSameTaxId, language);
    case DuplicateReason::SameEmail:
        return text(K::DuplicateReasonSameEmail, language);
    case DuplicateReason::EmailDomainAndName:
        return text(K::DuplicateReasonEmailDomainAndName, language);
    case DuplicateReason::SamePhone:
        return text(K::DuplicateReasonSamePhone, language);
    case DuplicateReason::SimilarName:
        return text(K::DuplicateReasonSimilarName, language);
    case DuplicateReason::SameAddress:
        break;
    }
    return text(K::DuplicateReasonSameAddress, language);
}

std::string duplicateReasons(const DuplicateScore& score, Language language)
{
    std::string joined;
    for (const DuplicateEvidence& evidence : score.reasons)
        joined += (joined.empty() ? "" : ", ") + duplicateReasonLabel(evidence.reason, language);
    return joined;
}

std::string describe(const MergeRefused& refused, Language language)
{
    switch (refused.reason)
    {
    case MergeRefused::Reason::NothingToMerge:
        return text(K::MergeNothingToMerge, language);
    case MergeRefused::Reason::Archived:
        return refused.mergedInto.empty()
                   ? text(K::MergeArchived, language, {{"code", refused.code}})
                   : text(K::MergeArchivedInto, language,
                          {{"code", refused.code}, {"into", refused.mergedInto}});
    case MergeRefused::Reason::AlreadyUndone:
        break;
    }
    return text(K::MergeAlreadyUndone, language);
}

std::string describe(const MergeUndoRefused& refused, Language language)
{
    std::string reasons;
    for (const MergeUndoConflict& conflict : refused.conflicts)
    {
        using Reason = MergeUndoConflict::Reason;
        const std::string record = recordTypeLabel(conflict.kind, language);
        const std::string id = std::to_string(conflict.recordId);
        std::string reason;
        switch (conflict.reason)
        {
        case Reason::ClientGone:
            reason = text(K::MergeUndoClientGone, language, {{"code", conflict.code}});
            break;
        case Reason::ClientChanged:
            reason = text(K::MergeUndoClientChanged, language, {{"code", conflict.code}});
            break;
        case Reason::FieldChanged:
        {
            const auto field = fieldFromName(conflict.field);
            reason = text(K::MergeUndoFieldChanged, language,
                          {{"field", field ? fieldLabel(*field, language) : conflict.field},
                           {"code", conflict.code}});
            break;
        }
        case Reason::RecordGone:
            reason = text(K::MergeUndoRecordGone, language, {{"record", record}, {"id", id}});
            break;
        case Reason::RecordElsewhere:
            reason = text(K::MergeUndoRecordElsewhere, language, {{"record", record}, {"id", id}});
            break;
        }
        reasons += (reasons.empty() ? "" : "; ") + reason;
    }
    return text(K::MergeUndoRefused, language, {{"reasons", reasons}});
}

std::string activityKindLabel(ActivityKind kind, Language language)
{
    return text(kActivityKinds.at(static_cast<std::size_t>(kind)), language);
}

std::string describe(const StoreError& error, Language language)
{
    if (const auto* refused = dynamic_cast<const NotPermitted*>(&error))
    {
        const TextKey key = refused->need == NotPermitted::Need::Edit    ? K::ServerReadOnlyUser
                            : refused->need == NotPermitted::Need::Admin ? K::ServerAdminOnly
                                                                         : K::ServerBackupByAdmin;
        return text(key, language, {{"path", error.path}, {"user", refused->user}});
    }
    if (const auto* refused = dynamic_cast<const LoginRefused*>(&error))
        return text(K::ServerLoginRefused, language,
                    {{"path", error.path}, {"user", refused->user}});
    const TextKey key = error.where == StoreError::Where::Server ? serverErrorText(error.kind)
                                                                 : storeErrorText(error.kind);
    return text(key, language, {{"path", error.path}});
}

std::string describeUnsaved(const StoreError& error, Language language)
{
    std::string message = describe(error, language);
    if (error.where == StoreError::Where::Server && error.kind == StoreError::Kind::CannotOpen)
        message += " " + text(K::DialogRetrySave, language);
    return message;
}

std::string describe(const RegisterFileRefused& error, Language language)
{
    return text(K::RegisterFileRefused, language, {{"path", error.target.string()}});
}

std::string wrongTypeMessage(ValueType expected, std::string_view given, Language language)
{
    TextKey what = K::ApiExpectedText;
    switch (expected)
    {
    case ValueType::Text:
        what = K::ApiExpectedText;
        break;
    case ValueType::Number:
        what = K::ApiExpectedNumber;
        break;
    case ValueType::WholeNumber:
        what = K::ApiExpectedWholeNumber;
        break;
    case ValueType::Date:
        what = K::ApiExpectedDate;
        break;
    case ValueType::Boolean:
        what = K::ApiExpectedBoolean;
        break;
    case ValueType::TextList:
        what = K::ApiExpectedTextList;
        break;
    }
    return text(K::ApiWrongType, language,
                {{"expected", text(what, language)}, {"given", quoted(given, language)}});
}

std::string internalErrorMessage(Language language)
{
    return text(K::ErrorInternal, language);
}

std::string outOfMemoryMessage(Language language)
{
    return text(K::ErrorOutOfMemory, language);
}

std::string officeRefusedMessage(Language language)
{
    return text(K::ErrorOfficeRefused, language);
}

namespace
{
// A file's name as a message shows it: hidden characters written visibly, cut to a readable
// length.
std::string shownFileName(std::string_view name)
{
    return shownValue(neutralisedName(name), 120);
}
} // namespace

std::string describe(const FileProblem& problem, Language language)
{
    TextKey key = K::ProfileFileCannotBeRead;
    switch (problem.reason)
    {
    case FileProblem::Reason::NotAFileUrl:
        return text(K::ProfileNotAFileUrl, language, {{"url", shownFileName(problem.name)}});
    case FileProblem::Reason::CannotRead:
        key = K::ProfileFileCannotBeRead;
        break;
    case FileProblem::Reason::Folder:
        key = K::ProfileFileIsFolder;
        break;
    case FileProblem::Reason::NotRegular:
        key = K::ProfileFileNotRegular;
        break;
    case FileProblem::Reason::SystemFile:
        key = K::ProfileFileIsSystemFile;
        break;
    case FileProblem::Reason::UnsafeName:
        key = K::ProfileFileNameUnsafe;
        break;
    case FileProblem::Reason::CannotWrite:
        key = K::ProfileFileCannotBeWritten;
        break;
    case FileProblem::Reason::NoSpace:
        key = K::ProfileFileNoSpace;
        break;
    case FileProblem::Reason::RegisterFile:
        key = K::ProfileFileIsRegisterFile;
        break;
    }
    return text(key, language, {{"name", shownFileName(problem.name)}});
}

} // namespace clientes
