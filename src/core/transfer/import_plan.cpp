#include "core/transfer/import_plan.hpp"

#include "core/messages/import_messages.hpp"
#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/rules/bank_account.hpp"
#include "core/rules/profile_validation.hpp"
#include "core/rules/validation.hpp"
#include "core/text/ascii.hpp"
#include "core/text/locale.hpp"
#include "core/text/text_fold.hpp"
#include "core/text/utf8.hpp"
#include "core/transfer/import_country.hpp"
#include "core/transfer/import_sources.hpp"
#include "core/transfer/import_values.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <memory_resource>
#include <stdexcept>
#include <unordered_map>

namespace clientes
{

namespace
{

constexpr std::size_t npos = ImportProblem::npos;
// Doubles hold every integer up to 2^53 exactly; beyond that the digits are not the user's.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool allDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view withoutLeadingZeros(std::string_view digits)
{
    const auto first = digits.find_first_not_of('0');
    return first == std::string_view::npos ? digits.substr(digits.empty() ? 0 : digits.size() - 1)
                                           : digits.substr(first);
}

// Fields whose digits are identifiers, where a leading zero matters.
bool isIdentifier(Field field)
{
    return field == Field::PostalCode || field == Field::TaxId || field == Field::Phone ||
           field == Field::Code;
}

// Digits of the postal codes of countries that use only digits; 0 = unknown or not numeric.
std::size_t postalCodeDigits(std::string_view country)
{
    static const std::unordered_map<std::string_view, std::size_t> kDigits = {
        {"", 5},   {"ES", 5}, {"FR", 5}, {"DE", 5}, {"IT", 5}, {"US", 5}, {"MX", 5}, {"FI", 5},
        {"HR", 5}, {"EE", 5}, {"GR", 5}, {"SE", 5}, {"MA", 5}, {"TR", 5}, {"UA", 5}, {"CU", 5},
        {"DO", 5}, {"UY", 5}, {"CR", 5}, {"GT", 5}, {"KR", 5}, {"MY", 5}, {"DZ", 5}, {"MC", 5},
        {"PT", 4}, {"BE", 4}, {"AT", 4}, {"CH", 4}, {"DK", 4}, {"NO", 4}, {"AU", 4}, {"NZ", 4},
        {"HU", 4}, {"BG", 4}, {"CY", 4}, {"LU", 4}, {"SI", 4}, {"ZA", 4}, {"TN", 4}, {"LI", 4},
        {"AR", 4}, {"CO", 6}, {"CN", 6}, {"IN", 6}, {"RU", 6}, {"SG", 6}, {"RO", 6}, {"EC", 6},
        {"VN", 6}, {"CL", 7}, {"IL", 7}, {"BR", 8}};
    const auto found = kDigits.find(country);
    return found == kDigits.end() ? 0 : found->second;
}

bool isValidCountryCode(const std::string& country)
{
    Client probe;
    probe.legalName = "x";
    probe.country = country;
    const auto issues = validate(probe);
    return std::none_of(issues.begin(), issues.end(),
                        [](const FieldIssue& issue) { return issue.field == Field::Country; });
}

// "España" → "ES", "uk" → "GB"; ISO codes and unknown names are left for validate() to judge.
void countryNameToCode(std::string& country)
{
    if (country.empty() || (country.size() == 2 && isValidCountryCode(country)))
        return;
    if (auto code = countryCodeForName(country))
        country = std::move(*code);
}

std::optional<Client> findByTaxId(ExistingClients& existing, const std::string& taxId,
                                  const std::string& country)
{
    const std::string normalized = normalizeTaxId(taxId, country);
    if (normalized.empty())
        return std::nullopt;
    if (auto found = existing.byNormalizedTaxId(normalized))
        return found;
    // Without a country the prefix of "ESB12345678" was kept; the register stores "B12345678"
    // for Spanish clients. Only a client of that country matches.
    if (country.empty() && normalized.size() > 2 && isAsciiAlpha(normalized[0]) &&
        isAsciiAlpha(normalized[1]))
    {
        const std::string prefix = normalized.substr(0, 2);
        auto found = existing.byNormalizedTaxId(std::string_view(normalized).substr(2));
        if (found && (found->country == prefix || (prefix == "EL" && found->country == "GR")))
            return found;
    }
    return std::nullopt;
}

std::string label(Field field, Language language)
{
    try
    {
        return fieldLabel(field, language);
    }
    catch (const std::out_of_range&)
    {
        return std::string(fieldName(field)); // a field newer than the label table
    }
}

bool contains(const std::vector<Field>& fields, Field field)
{
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

// Whether a cell's value only spells the stored value differently, so that the stored
// spelling is kept: a tax ID with other punctuation or prefix ("B-12.345.678" = "B12345678"),
// or a number cell that lost the leading zeros of a stored identifier (8001 = "08001").
bool sameValue(Field field, const std::string& stored, const std::string& value, bool fromNumber,
               const std::string& country)
{
    if (stored.empty())
        return false;
    if (field == Field::TaxId && normalizeTaxId(stored, country) == normalizeTaxId(value, country))
        return true;
    return fromNumber && isIdentifier(field) && allDigits(stored) &&
           withoutLeadingZeros(stored) == value;
}

struct Seen
{
    std::size_t sheetRow;
    std::int64_t matchedId;
};

class Planner
{
public:
    Planner(const ImportTable& table, const ImportOptions& options, ExistingClients& existing,
            Language language)
        : table_(table), options_(options), existing_(existing), language_(language),
          columnOf_(allFields().size(), npos), fromNumber_(allFields().size())
    {
    }

    ImportPlan run()
    {
        const std::size_t firstData = readHeader();
        chooseMapping(tableWidth(table_));
        const std::size_t dataRows = table_.size() - std::min(firstData, table_.size());
        plan_.rows.reserve(plan_.rows.size() + dataRows);
        seenCodes_.reserve(dataRows);
        seenTax_.reserve(dataRows);
        seenIds_.reserve(dataRows);
        RowTicker ticker(options_.progress, WorkStage::Checking, dataRows);
        for (std::size_t r = firstData; r < table_.size(); ++r)
        {
            ticker.tick(r - firstData);
            planRow(r);
        }
        resolveChildren();
        listLeftOut(firstData);
        return std::move(plan_);
    }

private:
    // Returns the first data row; rows above the header are Empty.
    std::size_t readHeader()
    {
        if (!options_.hasHeader)
            return 0;
        const std::size_t r = firstFilledRow(table_);
        for (std::size_t e = 0; e < r; ++e)
        {
            PlannedRow empty;
            empty.tableRow = e;
            empty.action = RowAction::Empty;
            plan_.rows.push_back(std::move(empty));
        }
        if (r == table_.size())
            return r;
        for (const ImportCell& cell : table_[r])
            headers_.push_back(cellText(cell, Field::Notes));
        layout_ = sourceLayout(headers_);
        plan_.system = layout_.system;
        return r + 1;
    }

    void chooseMapping(std::size_t width)
    {
        ColumnMapping mapping = options_.mapping;
        std::vector<std::size_t> noteColumns = options_.noteColumns;
        if (mapping.empty() && options_.hasHeader)
        {
            // A recognised system's mapping, with the columns it keeps for the notes.
            mapping = layout_.mapping;
            noteColumns.insert(noteColumns.end(), layout_.noteColumns.begin(),
                               layout_.noteColumns.end());
        }
        mapping.resize(width);
        for (std::size_t c = 0; c < width; ++c)
        {
            if (!mapping[c])
                continue;
            const auto index = static_cast<std::size_t>(*mapping[c]);
            if (index >= columnOf_.size())
            {
                mapping[c].reset();
                continue;
            }
            if (columnOf_[index] != npos)
            {
                addProblem(tableProblems_, npos, c, *mapping[c], Severity::Warning,
                           text(TextKey::ImportColumnMappedTwice, language_,
                                {{"column", columnLetters(options_.firstSheetColumn + c)},
                                 {"label", label(*mapping[c], language_)}}));
                mapping[c].reset();
                continue;
            }
            columnOf_[index] = c;
        }
        for (const std::size_t c : noteColumns)
            if (c < width)
            {
                if (mapping[c])
                    columnOf_[static_cast<std::size_t>(*mapping[c])] = npos;
                mapping[c].reset();
                plan_.noteColumns.push_back(c);
            }
        std::sort(plan_.noteColumns.begin(), plan_.noteColumns.end());
        plan_.noteColumns.erase(std::unique(plan_.noteColumns.begin(), plan_.noteColumns.end()),
                                plan_.noteColumns.end());
        if (std::none_of(mapping.begin(), mapping.end(),
                         [](const std::optional<Field>& f) { return f.has_value(); }))
            addProblem(tableProblems_, npos, npos, Field::LegalName, Severity::Error,
                       text(TextKey::ImportNoColumns, language_));
        plan_.mapping = std::move(mapping);
        plan_.problems = std::move(tableProblems_);
        // The system's rule columns (names, organisation, "Is a company") count where the user
        // left them unmapped.
        const auto free = [&](std::size_t c)
        {
            return c < width && !plan_.mapping[c] &&
                   !std::binary_search(plan_.noteColumns.begin(), plan_.noteColumns.end(), c);
        };
        for (const std::size_t c : layout_.nameParts)
            if (free(c))
                nameParts_.push_back(c);
        for (std::size_t r = 0; r < kColumnRules; ++r)
        {
            const auto rule = static_cast<ColumnRule>(r);
            // A row's address type and position only mean something beside its company.
            const bool needsParent =
                rule == ColumnRule::AddressType || rule == ColumnRule::JobTitle;
            if (const auto c = layout_.column(rule); c && free(*c) && (!needsParent || parent_))
                rules_[r] = c;
        }
    }

    std::optional<std::size_t> rule(ColumnRule which) const { return rules_[ruleIndex(which)]; }
    // The cell a rule reads; "" when the rule has no column.
    std::string ruleValue(const std::vector<ImportCell>& cells, ColumnRule which) const
    {
        const std::optional<std::size_t> c = rule(which);
        return c ? cellValue(cells, *c) : std::string();
    }

    bool ruleColumn(std::size_t c) const
    {
        return std::find(nameParts_.begin(), nameParts_.end(), c) != nameParts_.end() ||
               std::find(rules_.begin(), rules_.end(), c) != rules_.end();
    }

    std::string cellValue(const std::vector<ImportCell>& cells, std::size_t c) const
    {
        if (c >= cells.size() || isBlankCell(cells[c]))
            return {};
        return std::string(trimAscii(cellText(cells[c], Field::Notes)));
    }

    // A recognised system's rules: the name made of its parts or the organisation's, the
    // kind from them or from a yes/no column, the system's tag separator.
    void applySourceRules(const std::vector<ImportCell>& cells, Client& input) const
    {
        if (!layout_.tagSeparator.empty() && mapped(Field::Tags))
        {
            std::string tags;
            for (std::size_t at = 0; at < input.tags.size();)
                if (input.tags.compare(at, layout_.tagSeparator.size(), layout_.tagSeparator) == 0)
                {
                    tags += ',';
                    at += layout_.tagSeparator.size();
                }
                else
                    tags += input.tags[at++];
            input.tags = std::move(tags);
        }
        const bool kindGiven = mapped(Field::Kind);
        if (!kindGiven)
            if (const std::optional<bool> company =
                    yesNoFromText(ruleValue(cells, ColumnRule::CompanyFlag)))
                input.kind = std::string(*company ? kKindCompany : kKindPerson);
        if (!trimAscii(input.legalName).empty())
            return;
        std::string name;
        for (const std::size_t c : nameParts_)
            if (std::string part = cellValue(cells, c); !part.empty())
                name += (name.empty() ? "" : " ") + part;
        const std::string organization = ruleValue(cells, ColumnRule::Organization);
        if (!name.empty())
        {
            input.legalName = std::move(name);
            if (!kindGiven)
                input.kind = std::string(kKindPerson);
            if (!organization.empty())
            {
                if (!trimAscii(input.notes).empty())
                    input.notes += '\n';
                input.notes += columnName(*rule(ColumnRule::Organization)) + ": " + organization;
            }
        }
        else if (!organization.empty())
        {
            input.legalName = organization;
            if (!kindGiven)
                input.kind = std::string(kKindCompany);
        }
    }

    // The name a column goes by in notes and in the list of left-out columns.
    std::string columnName(std::size_t c) const
    {
        if (c < headers_.size() && !trimAscii(headers_[c]).empty())
            return std::string(trimAscii(headers_[c]));
        return columnLetters(options_.firstSheetColumn + c);
    }

    // The columns that import nothing: unmapped ones with values, and mapped ones whose every
    // value is on a row of a company that has no field for it (Dolibarr's contacts export: the
    // person's own address).
    void listLeftOut(std::size_t firstData)
    {
        for (std::size_t c = 0; c < plan_.mapping.size(); ++c)
        {
            const std::size_t dropped =
                c < droppedOnChildren_.size() ? droppedOnChildren_[c] : std::size_t{0};
            if ((plan_.mapping[c] && dropped == 0) || ruleColumn(c) ||
                std::binary_search(plan_.noteColumns.begin(), plan_.noteColumns.end(), c))
                continue;
            std::size_t values = 0;
            for (std::size_t r = firstData; r < table_.size(); ++r)
                if (c < table_[r].size() && !isBlankCell(table_[r][c]))
                    ++values;
            if (values > 0 && (!plan_.mapping[c] || dropped == values))
                plan_.leftOut.push_back({c, options_.firstSheetColumn + c, columnName(c), values});
        }
    }

    std::size_t column(Field field) const { return columnOf_[static_cast<std::size_t>(field)]; }
    bool mapped(Field field) const { return column(field) != npos; }

    void addProblem(std::vector<ImportProblem>& list, std::size_t tableRow, std::size_t tableColumn,
                    Field field, Severity severity, std::string reason)
    {
        ImportProblem problem;
        problem.tableRow = tableRow;
        problem.tableColumn = tableColumn;
        problem.sheetRow = tableRow == npos ? 0 : sheetRow(tableRow);
        problem.sheetColumn = tableColumn == npos ? npos : options_.firstSheetColumn + tableColumn;
        problem.field = field;
        problem.severity = severity;
        problem.reason = std::move(reason);
        list.push_back(std::move(problem));
        if (severity == Severity::Error)
            ++plan_.errors;
        else
            ++plan_.warnings;
    }

    std::size_t sheetRow(std::size_t tableRow) const
    {
        return sheetRowOf(options_.sheetRows, options_.firstSheetRow, tableRow);
    }

    // Empty: no mapped cell has a value or a formula error.
    bool rowIsEmpty(const std::vector<ImportCell>& cells) const
    {
        const std::size_t n = std::min(cells.size(), plan_.mapping.size());
        for (std::size_t c = 0; c < n; ++c)
            if (plan_.mapping[c] && !isBlankCell(cells[c]))
                return false;
        for (const std::size_t c : plan_.noteColumns)
            if (c < cells.size() && !isBlankCell(cells[c]))
                return false;
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (ruleColumn(c) && !isBlankCell(cells[c]))
                return false;
        return !hasMappedFormulaError(cells, plan_.mapping);
    }

    // The row's values, tidied; fromNumber_ marks the fields read from number cells. A text
    // cell of the website column holding a hyperlink gives its URL.
    Client readRow(std::size_t r, const std::vector<ImportCell>& cells)
    {
        Client input;
        const std::size_t n = std::min(cells.size(), plan_.mapping.size());
        for (std::size_t c = 0; c < n; ++c)
        {
            if (!plan_.mapping[c])
                continue;
            const Field field = *plan_.mapping[c];
            input.value(field) = cellText(cells[c], field);
            fromNumber_[static_cast<std::size_t>(field)] = cells[c].isNumber;
            if (field == Field::Website && options_.hyperlink && !cells[c].isNumber &&
                !isBlankCell(cells[c]))
                if (std::optional<std::string> url = options_.hyperlink(r, c))
                    input.website = std::move(*url);
        }
        for (const std::size_t c : plan_.noteColumns)
        {
            if (c >= cells.size() || isBlankCell(cells[c]))
                continue;
            std::string& notes = input.notes;
            if (!trimAscii(notes).empty())
                notes += '\n';
            notes +=
                columnName(c) + ": " + std::string(trimAscii(cellText(cells[c], Field::Notes)));
        }
        applySourceRules(cells, input);
        // Values as other systems write them: "Company" / "Individual", tags after ";".
        if (const std::optional<std::string> kind = kindFromText(input.kind))
            input.kind = *kind;
        if (mapped(Field::Tags))
            input.tags = tagsFromText(input.tags);
        // Google's own groups: "* myContacts" (everyone) is no label; "* starred" is "starred".
        if (layout_.system == SourceSystem::GoogleContacts && mapped(Field::Tags))
        {
            std::vector<std::string> tags;
            for (std::string& tag : splitTags(input.tags))
            {
                if (tag.starts_with("* "))
                    tag.erase(0, 2);
                if (tag != "myContacts")
                    tags.push_back(std::move(tag));
            }
            input.tags = joinTags(tags);
        }
        tidy(input);
        if (!input.country.empty())
        {
            // Few distinct spellings in a sheet: convert each once.
            auto [known, first] = countries_.try_emplace(input.country, input.country);
            if (first)
                countryNameToCode(known->second);
            input.country = known->second;
        }
        return input;
    }

    bool fromNumber(Field field) const { return fromNumber_[static_cast<std::size_t>(field)]; }

    void planRow(std::size_t r)
    {
        const std::vector<ImportCell>& cells = table_[r];
        PlannedRow row;
        row.tableRow = r;
        if (rowIsEmpty(cells))
        {
            plan_.rows.push_back(std::move(row));
            return;
        }
        const std::size_t sheetRow = this->sheetRow(r);
        std::vector<ImportProblem> problems;
        const auto problem =
            [&](std::size_t tableColumn, Field field, Severity severity, std::string reason)
        { addProblem(problems, r, tableColumn, field, severity, std::move(reason)); };

        std::fill(fromNumber_.begin(), fromNumber_.end(), false);
        Client input = readRow(r, cells);
        if (parent_ && !cellValue(cells, *parent_).empty())
        {
            planChild(std::move(row), cells, std::move(input), std::move(problems));
            return;
        }
        // Formula cells whose result is an error: the field gets nothing from them.
        for (std::size_t c = 0; c < std::min(cells.size(), plan_.mapping.size()); ++c)
            if (plan_.mapping[c] && cells[c].formulaError != 0)
                problem(c, *plan_.mapping[c], Severity::Warning,
                        text(TextKey::ImportFormulaError, language_,
                             {{"error", formulaErrorText(cells[c].formulaError)}}));
        const bool hasCode = mapped(Field::Code) && !input.code.empty();
        const std::string codeKey = hasCode ? canonicalClientCode(input.code) : std::string();

        // Which existing client the row is about.
        std::optional<Client> match;
        Field matchedBy = Field::Code;
        if (hasCode)
        {
            match = existing_.byCode(input.code);
            if (!match)
                problem(column(Field::Code), Field::Code, Severity::Warning,
                        text(TextKey::ImportCodeNotFound, language_, {{"code", input.code}}));
        }
        if (!match && mapped(Field::TaxId) && !input.taxId.empty())
        {
            match = findByTaxId(existing_, input.taxId, input.country);
            matchedBy = Field::TaxId;
        }
        const bool matched = match.has_value();
        std::string matchedCode;
        if (matched)
        {
            row.matchedId = match->id;
            matchedCode = match->code;
            problem(column(matchedBy), matchedBy, Severity::Warning,
                    text(match->archived ? TextKey::ImportMatchesArchived
                                         : TextKey::ImportMatchesClient,
                         language_, {{"code", match->code}, {"name", match->legalName}}));
        }

        // The client as it would be stored: the stored one (tidied) with the row merged in,
        // or the row itself.
        bool postalFromNumber = fromNumber(Field::PostalCode);
        if (matched)
        {
            row.client = std::move(*match);
            const std::string country = input.country.empty() ? row.client.country : input.country;
            for (Field field : allFields())
            {
                const std::string& value = input.value(field);
                if (field == Field::Code || !mapped(field) ||
                    (value.empty() && options_.policy != UpdatePolicy::Replace))
                    continue;
                std::string& target = row.client.value(field);
                if (options_.policy == UpdatePolicy::FillEmpty && !target.empty())
                    continue;
                if (target == value || sameValue(field, target, value, fromNumber(field), country))
                    continue;
                target = value;
                row.changedFields.push_back(field);
            }
            postalFromNumber = postalFromNumber && contains(row.changedFields, Field::PostalCode);
        }
        else
        {
            row.client = std::move(input);
            row.client.code.clear(); // the register assigns codes
            for (Field field : allFields())
                if (!row.client.value(field).empty())
                    row.changedFields.push_back(field);
        }
        const bool excluded = matched ? options_.mode == ImportMode::CreateOnly
                                      : options_.mode == ImportMode::UpdateOnly;
        if (excluded)
        {
            finishRow(std::move(row), RowAction::Skip, problems);
            return;
        }

        const Client& target = row.client;
        const auto changed = [&](Field field)
        { return !matched || contains(row.changedFields, field); };
        if (!matched || !row.changedFields.empty()) // unchanged rows write nothing
            for (const FieldIssue& issue : validate(target))
                problem(column(issue.field), issue.field, Severity::Error,
                        describe(issue, language_));

        // The same code, client or tax ID as an earlier row.
        bool duplicate = false;
        if (hasCode)
        {
            const auto [earlier, first] =
                seenCodes_.try_emplace(codeKey, Seen{sheetRow, row.matchedId});
            if (!first)
            {
                problem(column(Field::Code), Field::Code, Severity::Error,
                        text(TextKey::ImportDuplicateCode, language_,
                             {{"row", std::to_string(earlier->second.sheetRow)}}));
                duplicate = true;
            }
        }
        if (matched)
        {
            const auto [earlier, first] = seenIds_.try_emplace(row.matchedId, sheetRow);
            if (!first && !duplicate)
            {
                problem(column(matchedBy), matchedBy, Severity::Error,
                        text(TextKey::ImportSameClient, language_,
                             {{"row", std::to_string(earlier->second)}, {"code", matchedCode}}));
                duplicate = true;
            }
        }
        const std::string taxKey = normalizeTaxId(target.taxId, target.country);
        if (!taxKey.empty())
        {
            const auto [earlier, first] =
                seenTax_.try_emplace(taxKey, Seen{sheetRow, row.matchedId});
            // Two rows updating two clients that already share a tax ID (branches of one
            // company) add no duplicate.
            const bool distinctUpdates = matched && earlier->second.matchedId != 0 &&
                                         earlier->second.matchedId != row.matchedId;
            if (!first && !duplicate && !distinctUpdates)
                problem(column(Field::TaxId), Field::TaxId, Severity::Error,
                        text(TextKey::ImportDuplicateTaxId, language_,
                             {{"row", std::to_string(earlier->second.sheetRow)}}));
        }

        // Warnings about the values.
        if (matched && changed(Field::TaxId) && !taxKey.empty())
        {
            const auto other = findByTaxId(existing_, target.taxId, target.country);
            if (other && other->id != row.matchedId)
                problem(column(Field::TaxId), Field::TaxId, Severity::Warning,
                        text(TextKey::ImportTaxIdOfOtherClient, language_,
                             {{"code", other->code}, {"name", other->legalName}}));
        }
        if (options_.taxIdChecker && !target.taxId.empty() && changed(Field::TaxId) &&
            !options_.taxIdChecker(target.taxId, target.country))
            problem(column(Field::TaxId), Field::TaxId, Severity::Warning,
                    text(TextKey::ImportTaxIdCheck, language_, {{"taxId", target.taxId}}));
        if (postalFromNumber && allDigits(target.postalCode) &&
            target.postalCode.size() < postalCodeDigits(target.country))
            problem(column(Field::PostalCode), Field::PostalCode, Severity::Warning,
                    text(TextKey::ImportPostalCodeWasNumber, language_,
                         {{"value", target.postalCode}}));

        const bool hasError =
            std::any_of(problems.begin(), problems.end(),
                        [](const ImportProblem& p) { return p.severity == Severity::Error; });
        // A new client that looks like one already there under another name or spelling.
        if (!matched && !hasError)
            if (const auto look = existing_.lookalike(target))
                problem(column(Field::LegalName), Field::LegalName, Severity::Warning,
                        text(TextKey::ImportLooksLike, language_,
                             {{"name", look->client.legalName},
                              {"code", look->client.code},
                              {"reasons", duplicateReasons(look->score, language_)}}));
        RowAction action = RowAction::Create;
        if (hasError)
            action = options_.skipInvalid ? RowAction::Skip : RowAction::Invalid;
        else if (matched)
            action = row.changedFields.empty() ? RowAction::Unchanged : RowAction::Update;
        if (rule(ColumnRule::ContactPerson) &&
            (action == RowAction::Create || action == RowAction::Update ||
             action == RowAction::Unchanged))
            if (std::string name = ruleValue(cells, ColumnRule::ContactPerson); !name.empty())
            {
                Contact contact;
                contact.name = std::move(name);
                const std::size_t before = problems.size();
                checkRecord(contact, r, Severity::Warning, problems);
                if (problems.size() == before) // one the register would refuse stays out
                {
                    row.contactPerson = std::move(contact);
                    ownContacts_.push_back(plan_.rows.size());
                }
            }
        if (action == RowAction::Create || action == RowAction::Update ||
            action == RowAction::Unchanged)
            planBankAccount(cells, row, problems);
        finishRow(std::move(row), action, problems);
    }

    void finishRow(PlannedRow row, RowAction action, std::vector<ImportProblem>& problems)
    {
        appendPlannedRow(plan_, std::move(row), action, problems);
    }

    // The row's bank account (Holded's IBAN and SWIFT): checked offline and warned of, never
    // refused; one the register would refuse (a BIC without an IBAN) is a warning and stays
    // out. Whether a client of the register has it already is seen in resolveChildren.
    void planBankAccount(const std::vector<ImportCell>& cells, PlannedRow& row,
                         std::vector<ImportProblem>& problems)
    {
        BankAccount account;
        account.iban = ruleValue(cells, ColumnRule::Iban);
        account.bic = ruleValue(cells, ColumnRule::Bic);
        if (account.iban.empty() && account.bic.empty())
            return;
        const std::size_t before = problems.size();
        checkRecord(account, row.tableRow, Severity::Warning, problems);
        if (problems.size() != before)
            return;
        const bool ibanValid = checkIban(account.iban).verdict == IbanVerdict::Valid;
        const BicVerdict bic = checkBic(account.bic).verdict;
        if (!ibanValid || (bic != BicVerdict::Valid && bic != BicVerdict::Empty))
            addProblem(problems, row.tableRow,
                       (ibanValid ? rule(ColumnRule::Bic) : rule(ColumnRule::Iban))
                           .value_or(ImportProblem::npos),
                       Field::Notes, Severity::Warning,
                       text(TextKey::ImportBankAccountCheck, language_,
                            {{"iban", printIban(account.iban)},
                             {"check", bankCheckLabel(account, language_)}}));
        row.bankAccount = std::move(account);
        bankRows_.push_back(plan_.rows.size());
    }

    // ---------------------------------------------------------------- rows of a company

    // A row naming its company: a person (its contact) or one of its addresses.
    // Which client the company is, is found once every row is planned (resolveChildren).
    void planChild(PlannedRow row, const std::vector<ImportCell>& cells, Client input,
                   std::vector<ImportProblem> problems)
    {
        const std::string type = ruleValue(cells, ColumnRule::AddressType);
        const bool person = isPersonRow(type);
        countDropped(cells, person, !input.phone.empty());
        if (person)
        {
            Contact contact;
            contact.name = input.legalName;
            contact.role = ruleValue(cells, ColumnRule::JobTitle);
            contact.email = input.email;
            contact.phone = input.phone;
            contact.mobile = input.mobile;
            if (trimAscii(contact.name).empty())
                addProblem(problems, row.tableRow, column(Field::LegalName), Field::LegalName,
                           Severity::Error, text(TextKey::ImportChildWithoutName, language_));
            checkRecord(contact, row.tableRow, Severity::Error, problems);
            row.contact = std::move(contact);
        }
        else
        {
            Address address;
            address.type = addressTypeOf(type);
            address.name = input.legalName;
            address.street = input.street;
            address.street2 = input.street2;
            address.postalCode = input.postalCode;
            address.city = input.city;
            address.region = input.region;
            address.country = input.country;
            address.phone = input.phone.empty() ? input.mobile : input.phone;
            address.email = input.email;
            checkRecord(address, row.tableRow, Severity::Error, problems);
            row.address = std::move(address);
        }
        row.client = std::move(input);
        const bool bad =
            std::any_of(problems.begin(), problems.end(),
                        [](const ImportProblem& p) { return p.severity == Severity::Error; });
        if (bad)
        {
            finishRow(std::move(row), options_.skipInvalid ? RowAction::Skip : RowAction::Invalid,
                      problems);
            return;
        }
        children_.push_back({plan_.rows.size(), cellValue(cells, *parent_)});
        finishRow(std::move(row), RowAction::Child, problems);
    }

    // The values of a child row that its record has no field for (a person's street, an
    // address's tax ID…), by column: a column only such rows fill is listed as left out.
    void countDropped(const std::vector<ImportCell>& cells, bool person, bool phoneGiven)
    {
        const auto kept = [&](Field field)
        {
            switch (field)
            {
            case Field::LegalName:
            case Field::Email:
            case Field::Phone:
                return true;
            case Field::Mobile: // an address has one phone: the mobile when there is no other
                return person || !phoneGiven;
            case Field::Street:
            case Field::Street2:
            case Field::PostalCode:
            case Field::City:
            case Field::Region:
            case Field::Country:
                return !person;
            default:
                return false;
            }
        };
        droppedOnChildren_.resize(plan_.mapping.size());
        for (std::size_t c = 0; c < plan_.mapping.size() && c < cells.size(); ++c)
            if (plan_.mapping[c] && !kept(*plan_.mapping[c]) && !isBlankCell(cells[c]))
                ++droppedOnChildren_[c];
    }

    // A record the import would add (a contact, an address, a bank account), checked as the
    // register will check it: each problem on the row, at the column its value comes from.
    template <typename Record>
    void checkRecord(Record& record, std::size_t tableRow, Severity severity,
                     std::vector<ImportProblem>& problems)
    {
        tidy(record);
        for (const RecordIssue& issue : validate(record))
        {
            if constexpr (std::is_same_v<Record, Contact>)
                if (issue.field == RecordField::Name && issue.problem == Problem::Required)
                    continue; // said above, in the import's own words
            Field field = Field::LegalName;
            std::optional<std::size_t> at;
            switch (issue.field)
            {
            case RecordField::Email:
                field = Field::Email;
                break;
            case RecordField::Phone:
                field = Field::Phone;
                break;
            case RecordField::Mobile:
                field = Field::Mobile;
                break;
            case RecordField::Street:
                field = Field::Street;
                break;
            case RecordField::Street2:
                field = Field::Street2;
                break;
            case RecordField::PostalCode:
                field = Field::PostalCode;
                break;
            case RecordField::City:
                field = Field::City;
                break;
            case RecordField::Region:
                field = Field::Region;
                break;
            case RecordField::Country:
                field = Field::Country;
                break;
            case RecordField::Role:
                at = rule(ColumnRule::JobTitle);
                break;
            case RecordField::Iban:
                at = rule(ColumnRule::Iban);
                break;
            case RecordField::Bic:
                at = rule(ColumnRule::Bic);
                break;
            default:
                if (std::is_same_v<Record, Contact> && severity == Severity::Warning)
                    at = rule(ColumnRule::ContactPerson);
                break;
            }
            addProblem(problems, tableRow, at.value_or(column(field)), field, severity,
                       describe(issue, language_));
        }
    }

    // The company of each child row: a row of the file with that legal or trade name (not a
    // child itself), else a client of the register with it. A child whose company is in
    // neither, or whose company's row is not imported, is skipped and reported.
    void resolveChildren()
    {
        std::vector<ImportProblem> added; // merged into the plan's, in row order, at the end
        // What clients of the register already have, by kind: keys (ownedKeys).
        std::map<std::pair<RecordType, std::int64_t>, std::vector<std::string>> known;
        // Whether the client of the register already has a record with that key (the same
        // file imported again): then it is not added twice.
        const auto alreadyThere = [&](RecordType kind, std::int64_t clientId, std::string key)
        {
            if (clientId == 0)
                return false;
            auto [keys, first] = known.try_emplace({kind, clientId});
            if (first)
                keys->second = existing_.ownedKeys(kind, clientId);
            if (std::find(keys->second.begin(), keys->second.end(), key) != keys->second.end())
                return true;
            keys->second.push_back(std::move(key));
            return false;
        };
        for (const std::size_t index : bankRows_)
        {
            PlannedRow& row = plan_.rows[index];
            if (row.action != RowAction::Create &&
                alreadyThere(RecordType::BankAccount, row.matchedId, ownedKey(*row.bankAccount)))
                row.bankAccount.reset(); // the same file imported again
            else
                ++plan_.bankAccounts;
        }
        for (const std::size_t index : ownContacts_)
        {
            PlannedRow& row = plan_.rows[index];
            if (row.action != RowAction::Create &&
                alreadyThere(RecordType::Contact, row.matchedId, ownedKey(*row.contactPerson)))
                row.contactPerson.reset();
            else
                ++plan_.contacts;
        }
        if (children_.empty())
        {
            mergeProblems(std::move(added));
            return;
        }
        std::unordered_map<std::string, std::size_t> byName; // folded name → plan row
        for (std::size_t i = 0; i < plan_.rows.size(); ++i)
        {
            const PlannedRow& row = plan_.rows[i];
            if (row.action == RowAction::Child || row.action == RowAction::Empty)
                continue;
            for (const std::string* name : {&row.client.legalName, &row.client.tradeName})
                if (const std::string key = foldForSearch(*name); !key.empty())
                    byName.try_emplace(key, i);
        }
        for (const auto& child : children_)
        {
            const std::size_t index = child.first;
            const std::string& parentName = child.second;
            PlannedRow& row = plan_.rows[index];
            const auto skip = [&](TextKey reason)
            {
                addProblem(added, row.tableRow, parent_.value_or(ImportProblem::npos),
                           Field::LegalName, Severity::Warning,
                           text(reason, language_, {{"company", parentName}}));
                row.action = RowAction::Skip;
                ++plan_.skipped;
            };
            PlannedRow* company = nullptr;
            if (const auto found = byName.find(foldForSearch(parentName)); found != byName.end())
            {
                company = &plan_.rows[found->second];
                if (company->action != RowAction::Create && company->action != RowAction::Update &&
                    company->action != RowAction::Unchanged)
                {
                    skip(TextKey::ImportChildCompanyNotImported);
                    continue;
                }
                row.parentRow = found->second;
                row.matchedId = company->matchedId;
            }
            else if (const std::optional<Client> stored =
                         layout_.system == SourceSystem::Clientes
                             ? existing_.byCode(parentName) // our own sheets: by the code
                             : existing_.byName(parentName))
                row.matchedId = stored->id;
            else
            {
                skip(TextKey::ImportChildCompanyMissing);
                continue;
            }
            // A person or an address the company already has (an import made again) is not
            // added twice.
            if (row.contact
                    ? alreadyThere(RecordType::Contact, row.matchedId, ownedKey(*row.contact))
                    : alreadyThere(RecordType::Address, row.matchedId, ownedKey(*row.address)))
            {
                row.action = RowAction::Unchanged;
                ++plan_.unchanged;
                continue;
            }
            if (options_.mode == ImportMode::CreateOnly &&
                (company == nullptr || company->action != RowAction::Create))
            {
                skip(TextKey::ImportChildOfStoredClientCreateOnly);
                continue;
            }
            ++(row.contact ? plan_.contacts : plan_.addresses);
        }
        mergeProblems(std::move(added));
    }

    // Problems found once every row was planned, among the plan's in row order.
    void mergeProblems(std::vector<ImportProblem> added)
    {
        if (added.empty())
            return;
        std::move(added.begin(), added.end(), std::back_inserter(plan_.problems));
        std::stable_sort(plan_.problems.begin(), plan_.problems.end(),
                         [](const ImportProblem& a, const ImportProblem& b)
                         {
                             const auto key = [](const ImportProblem& p)
                             { return p.tableRow == ImportProblem::npos ? 0 : p.tableRow + 1; };
                             return key(a) < key(b);
                         });
    }

    const ImportTable& table_;
    const ImportOptions& options_;
    ExistingClients& existing_;
    Language language_;
    std::vector<std::size_t> columnOf_; // by Field: table column, or npos
    std::vector<bool> fromNumber_;      // by Field: the current row's cell was a number
    std::vector<std::string> headers_;
    SourceLayout layout_; // the system the headers come from, if recognised
    // Its rule columns the user left unmapped (see applySourceRules).
    std::vector<std::size_t> nameParts_;
    std::array<std::optional<std::size_t>, kColumnRules> rules_{}; // by ruleIndex
    const std::optional<std::size_t>& parent_ = rules_[ruleIndex(ColumnRule::Parent)];
    std::vector<std::size_t> ownContacts_;       // plan rows naming their contact person
    std::vector<std::size_t> bankRows_;          // plan rows with a bank account
    std::vector<std::size_t> droppedOnChildren_; // by column: see countDropped
    // The child rows: plan row, the company's name as written.
    std::vector<std::pair<std::size_t, std::string>> children_;
    std::vector<ImportProblem> tableProblems_;
    // Nodes come from one arena: no allocation per row, and freed at once.
    std::pmr::monotonic_buffer_resource arena_;
    std::pmr::unordered_map<std::string, Seen> seenCodes_{&arena_};
    std::pmr::unordered_map<std::string, Seen> seenTax_{&arena_};
    std::pmr::unordered_map<std::int64_t, std::size_t> seenIds_{&arena_};
    std::unordered_map<std::string, std::string> countries_; // as typed → as stored
    ImportPlan plan_;
};

} // namespace

bool isBlankCell(const ImportCell& cell)
{
    return cell.isNumber ? !std::isfinite(cell.number) : isBlank(cell.text);
}

std::string ownedKey(const Contact& contact)
{
    return foldForSearch(contact.name);
}

std::string ownedKey(const Address& address)
{
    std::string key(statusName(address.type));
    for (const std::string* part : {&address.name, &address.street, &address.street2,
                                    &address.postalCode, &address.city, &address.country})
        key += "|" + foldForSearch(*part);
    return key;
}

std::string ownedKey(const BankAccount& account)
{
    const IbanCheck iban = checkIban(account.iban);
    return iban.electronic.empty() ? foldForSearch(account.iban) : iban.electronic;
}

std::size_t firstFilledRow(const ImportTable& table)
{
    std::size_t r = 0;
    while (r < table.size() && std::all_of(table[r].begin(), table[r].end(), isBlankCell))
        ++r;
    return r;
}

std::size_t tableWidth(const ImportTable& table)
{
    std::size_t width = 0;
    for (const auto& row : table)
        width = std::max(width, row.size());
    return width;
}

std::string cellText(const ImportCell& cell, Field field)
{
    if (!cell.isNumber)
        return cell.text;
    const double value = cell.number;
    if (!std::isfinite(value))
        return {};
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) <= kMaxExactInteger)
    {
        const auto whole = static_cast<long long>(value); // -0.0 → 0
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, whole).ptr;
        const std::string_view digits(buffer, static_cast<std::size_t>(end - buffer));
        // The displayed text keeps the zeros of a "00000" number format: the same number.
        if (isIdentifier(field) && whole >= 0 && allDigits(cell.text) &&
            withoutLeadingZeros(cell.text) == digits)
            return cell.text;
        return std::string(digits);
    }
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

std::string formulaErrorText(std::uint16_t code)
{
    // Calc's names (ScGlobal::GetErrorString); the other codes show as "Err:NNN".
    switch (code)
    {
    case 503:
        return "#NUM!";
    case 519:
        return "#VALUE!";
    case 521:
        return "#NULL!";
    case 524:
        return "#REF!";
    case 525:
    case 530:
    case 531:
        return "#NAME?";
    case 532:
        return "#DIV/0!";
    case 32767:
        return "#N/A";
    default:
        return "Err:" + std::to_string(code);
    }
}

std::string ImportProblem::text() const
{
    if (tableRow == npos)
        return reason;
    return "row " + std::to_string(sheetRow) + ", " + std::string(fieldName(field)) + ": " + reason;
}

std::string ImportProblem::text(Language language) const
{
    if (tableRow == npos)
        return reason;
    return clientes::text(TextKey::ImportRowPrefix, language,
                          {{"row", std::to_string(sheetRow)}, {"label", label(field, language)}}) +
           reason;
}

bool ImportPlan::committable() const
{
    if (invalid != 0)
        return false;
    return std::none_of(problems.begin(), problems.end(),
                        [](const ImportProblem& p) {
                            return p.tableRow == ImportProblem::npos &&
                                   p.severity == Severity::Error;
                        });
}

ImportPlan planImport(const ImportTable& table, const ImportOptions& options,
                      ExistingClients& existing, Language language)
{
    return Planner(table, options, existing, language).run();
}

std::string leftOutText(const LeftOutColumn& column, Language language)
{
    return pluralText(TextKey::ImportLeftOutColumn, static_cast<std::int64_t>(column.values),
                      language,
                      {{"header", column.header},
                       {"n", groupDigits(static_cast<std::int64_t>(column.values), language)}});
}

} // namespace clientes
