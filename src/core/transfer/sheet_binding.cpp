#include "core/transfer/sheet_binding.hpp"

#include "core/messages/messages.hpp"
#include "core/rules/validation.hpp"
#include "core/text/texts.hpp"
#include "core/transfer/export_shape.hpp"
#include "core/transfer/import_mapping.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace clientes
{

namespace
{

// FNV-1a over texts, with a separator no text holds.
struct RowHash
{
    std::uint64_t value = 0xcbf29ce484222325ULL;
    void add(std::string_view text)
    {
        for (const char c : text)
        {
            value ^= static_cast<unsigned char>(c);
            value *= 0x100000001b3ULL;
        }
        value ^= 0x1f;
        value *= 0x100000001b3ULL;
    }
};

// How many of a row's `count` field texts its hash takes: all but the empty ones after the
// first 13 (the fields an earlier version exported), so that a row it bound, which has none of
// the later columns, hashes as it did then.
template <typename IsEmpty> std::size_t hashedTexts(std::size_t count, IsEmpty isEmpty)
{
    constexpr std::size_t kFirstFields = 13;
    while (count > kFirstFields && isEmpty(count - 1))
        --count;
    return count;
}

constexpr std::string_view kMagic = "clientes-binding/1";

// Percent-escapes what the line's own syntax uses, control characters and '%'.
std::string escape(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || c == '%' || c == '|' || c == ';' || c == ':' || c == ',' || c == '=')
        {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
        else
            out += c;
    }
    return out;
}

std::optional<std::string> unescape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] != '%')
        {
            out += text[i];
            continue;
        }
        unsigned value = 0;
        if (i + 2 >= text.size())
            return std::nullopt;
        const auto [end, error] =
            std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
        if (error != std::errc() || end != text.data() + i + 3)
            return std::nullopt;
        out += static_cast<char>(value);
        i += 2;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

template <typename Number> std::optional<Number> number(std::string_view text, int base = 10)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

const BoundRow* SheetBinding::byId(std::int64_t id) const
{
    for (const BoundRow& row : rows)
        if (row.id == id)
            return &row;
    return nullptr;
}

SheetBinding SheetBinding::withoutRows() const
{
    SheetBinding copy;
    copy.query = query;
    copy.codes = codes;
    copy.includeArchived = includeArchived;
    copy.headerRow = headerRow;
    return copy;
}

std::string joinBase(const std::vector<std::string>& texts)
{
    std::string joined;
    for (std::size_t i = 0; i < texts.size(); ++i)
    {
        if (i > 0)
            joined += '\x1f';
        joined += texts[i];
    }
    return joined;
}

std::vector<std::string> baseTexts(const BoundRow& row)
{
    if (row.base.empty())
        return {};
    std::vector<std::string> texts;
    for (std::string_view part : split(row.base, '\x1f'))
        texts.emplace_back(part);
    texts.resize(exportedClientFields().size());
    return texts;
}

std::string serializeBinding(const SheetBinding& binding)
{
    std::string out(kMagic);
    out += "|h=" + std::to_string(binding.headerRow);
    out += binding.includeArchived ? "|a=1" : "|a=0";
    out += "|q=" + escape(binding.query);
    out += "|c=";
    for (std::size_t i = 0; i < binding.codes.size(); ++i)
        out += (i ? "," : "") + escape(binding.codes[i]);
    out += "|r=";
    char hash[17];
    for (const BoundRow& row : binding.rows)
    {
        out += std::to_string(row.id);
        out += ':';
        out += std::to_string(row.version);
        out += ':';
        out += escape(row.code);
        out += ':';
        const auto [end, error] = std::to_chars(hash, hash + sizeof hash, row.hash, 16);
        out.append(hash, end);
        out += ':';
        out += std::to_string(row.sheetRow);
        out += ';';
    }
    return out;
}

std::optional<SheetBinding> parseBinding(std::string_view text)
{
    const std::vector<std::string_view> parts = split(text, '|');
    if (parts.size() != 6 || parts[0] != kMagic)
        return std::nullopt;
    SheetBinding binding;
    for (std::size_t i = 1; i < parts.size(); ++i)
    {
        const std::string_view part = parts[i];
        if (part.size() < 2 || part[1] != '=')
            return std::nullopt;
        const std::string_view value = part.substr(2);
        switch (part[0])
        {
        case 'h':
            if (const auto row = number<std::size_t>(value); row && *row >= 1)
                binding.headerRow = *row;
            else
                return std::nullopt;
            break;
        case 'a':
            binding.includeArchived = value == "1";
            break;
        case 'q':
            if (auto query = unescape(value))
                binding.query = std::move(*query);
            else
                return std::nullopt;
            break;
        case 'c':
            if (!value.empty())
            {
                for (std::string_view code : split(value, ','))
                {
                    if (auto plain = unescape(code))
                        binding.codes.push_back(std::move(*plain));
                    else
                        return std::nullopt;
                }
            }
            break;
        case 'r':
            for (std::string_view item : split(value, ';'))
            {
                if (item.empty())
                    continue;
                const std::vector<std::string_view> fields = split(item, ':');
                if (fields.size() != 5)
                    return std::nullopt;
                BoundRow row;
                const auto id = number<std::int64_t>(fields[0]);
                const auto version = number<std::int64_t>(fields[1]);
                auto code = unescape(fields[2]);
                const auto hash = number<std::uint64_t>(fields[3], 16);
                const auto sheetRow = number<std::size_t>(fields[4]);
                if (!id || !version || !code || !hash || !sheetRow)
                    return std::nullopt;
                row.id = *id;
                row.version = *version;
                row.code = std::move(*code);
                row.hash = *hash;
                row.sheetRow = *sheetRow;
                binding.rows.push_back(std::move(row));
            }
            break;
        default:
            return std::nullopt;
        }
    }
    return binding;
}

std::vector<std::string> boundTexts(const Client& client)
{
    std::vector<std::string> texts;
    texts.reserve(exportedClientFields().size());
    for (Field field : exportedClientFields())
        texts.push_back(client.value(field));
    return texts;
}

std::uint64_t boundRowHash(std::span<const std::string> texts)
{
    RowHash hash;
    const std::size_t count =
        hashedTexts(texts.size(), [&](std::size_t i) { return texts[i].empty(); });
    for (const std::string& text : texts.first(count))
        hash.add(text);
    return hash.value;
}

BoundRow boundRow(const Client& client, std::size_t sheetRow)
{
    BoundRow row;
    row.id = client.id;
    row.version = client.version;
    row.code = client.code;
    const std::vector<std::string> texts = boundTexts(client);
    row.hash = boundRowHash(texts);
    row.base = joinBase(texts);
    row.sheetRow = sheetRow;
    return row;
}

std::vector<std::string> rowTexts(const SheetPending& pending, const std::vector<ImportCell>& row)
{
    const std::vector<Field>& fields = exportedClientFields();
    std::vector<std::string> texts(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (const auto column = pending.fieldColumns[i]; column && *column < row.size())
            texts[i] = cellText(row[*column], fields[i]);
    return texts;
}

SheetPending findPending(const SheetBinding& binding, const BoundCells& cells, Language language)
{
    SheetPending pending;
    const std::vector<Field>& fields = exportedClientFields();
    pending.fieldColumns.assign(fields.size(), std::nullopt);
    pending.found.assign(binding.rows.size(), PendingRow::npos);
    const ImportTable& table = cells.table;
    const auto sheetRow = [&](std::size_t r) { return cells.sheetRows[r]; };
    const auto problem = [&](std::size_t r, Field field, std::string reason)
    {
        ImportProblem p;
        if (r != PendingRow::npos)
        {
            p.tableRow = r;
            p.sheetRow = sheetRow(r);
            if (const auto index = std::find(fields.begin(), fields.end(), field) - fields.begin();
                pending.fieldColumns[static_cast<std::size_t>(index)])
            {
                p.tableColumn = *pending.fieldColumns[static_cast<std::size_t>(index)];
                p.sheetColumn = cells.firstColumn + p.tableColumn;
            }
        }
        p.field = field;
        p.severity = Severity::Error;
        p.reason = std::move(reason);
        pending.problems.push_back(std::move(p));
    };

    // The header row: where each field's column is now.
    std::size_t header = 0;
    while (header < table.size() && sheetRow(header) < binding.headerRow)
        ++header;
    std::vector<std::string> headers;
    if (header < table.size() && sheetRow(header) == binding.headerRow)
        for (const ImportCell& cell : table[header])
            headers.push_back(cell.isNumber ? std::string() : cell.text);
    const ColumnMapping mapping = autoMapping(headers);
    for (std::size_t c = 0; c < mapping.size(); ++c)
        if (mapping[c])
            if (const auto at = std::find(fields.begin(), fields.end(), *mapping[c]);
                at != fields.end())
                pending.fieldColumns[static_cast<std::size_t>(at - fields.begin())] = c;
    for (const Field required : {Field::Code, Field::LegalName})
    {
        const auto index = static_cast<std::size_t>(
            std::find(fields.begin(), fields.end(), required) - fields.begin());
        if (!pending.fieldColumns[index])
        {
            problem(PendingRow::npos, required,
                    text(TextKey::BoundHeaderChanged, language,
                         {{"column", fieldLabel(required, language)}}));
            return pending;
        }
    }
    const std::size_t codeColumn = *pending.fieldColumns[0];

    std::unordered_map<std::string, std::size_t> byCode;  // canonical code → bound row
    std::unordered_map<std::size_t, std::size_t> byPlace; // sheet row → bound row
    for (std::size_t b = 0; b < binding.rows.size(); ++b)
    {
        byCode.emplace(canonicalClientCode(binding.rows[b].code), b);
        byPlace.emplace(binding.rows[b].sheetRow, b);
    }
    // First pass: the codes present anywhere under the header.
    std::unordered_map<std::string, std::size_t> present; // canonical code → first table row
    const auto codeOf = [&](std::size_t r)
    {
        const std::vector<ImportCell>& row = table[r];
        return codeColumn < row.size() ? tidyText(cellText(row[codeColumn], Field::Code), false)
                                       : std::string();
    };
    for (std::size_t r = header + 1; r < table.size(); ++r)
        if (const std::string code = codeOf(r); !code.empty())
            present.emplace(canonicalClientCode(code), r);
    // The bound row last written at this place, when its client's code is nowhere in the
    // sheet any more: the row whose code cell was overwritten or emptied.
    const auto displaced = [&](std::size_t r) -> std::optional<std::size_t>
    {
        const auto at = byPlace.find(sheetRow(r));
        if (at == byPlace.end() ||
            present.count(canonicalClientCode(binding.rows[at->second].code)))
            return std::nullopt;
        return at->second;
    };

    // The hash of a row as boundRowHash gives it, without copying its texts (the list may
    // have 100,000 rows).
    const auto rowHash = [&](const std::vector<ImportCell>& row)
    {
        const auto cellOf = [&](std::size_t i) -> const ImportCell*
        {
            const auto column = pending.fieldColumns[i];
            return column && *column < row.size() ? &row[*column] : nullptr;
        };
        const std::size_t count =
            hashedTexts(fields.size(),
                        [&](std::size_t i)
                        {
                            const ImportCell* cell = cellOf(i);
                            return cell == nullptr ||
                                   (!cell->isNumber && !cell->formulaError && cell->text.empty());
                        });
        RowHash hash;
        for (std::size_t i = 0; i < count; ++i)
        {
            const ImportCell* cell = cellOf(i);
            if (cell == nullptr)
                hash.add({});
            else if (cell->isNumber || cell->formulaError)
                hash.add(cellText(*cell, fields[i]));
            else
                hash.add(cell->text);
        }
        return hash.value;
    };
    const auto blankRow = [&](const std::vector<ImportCell>& row)
    {
        for (const auto& column : pending.fieldColumns)
            if (column && *column < row.size() && !isBlankCell(row[*column]))
                return false;
        return true;
    };

    for (std::size_t r = header + 1; r < table.size(); ++r)
    {
        if (blankRow(table[r]))
            continue;
        const std::string code = codeOf(r);
        if (code.empty())
        {
            if (const auto b = displaced(r))
            {
                pending.found[*b] = r;
                problem(
                    r, Field::Code,
                    text(TextKey::BoundCodeChanged, language, {{"code", binding.rows[*b].code}}));
            }
            else
            {
                pending.rows.push_back({PendingKind::New, r, PendingRow::npos});
                ++pending.created;
            }
            continue;
        }
        const auto bound = byCode.find(canonicalClientCode(code));
        if (bound == byCode.end())
        {
            if (const auto b = displaced(r))
            {
                pending.found[*b] = r;
                problem(
                    r, Field::Code,
                    text(TextKey::BoundCodeChanged, language, {{"code", binding.rows[*b].code}}));
            }
            else
                problem(r, Field::Code,
                        text(TextKey::BoundCodeUnknown, language, {{"code", code}}));
            continue;
        }
        const std::size_t b = bound->second;
        if (pending.found[b] != PendingRow::npos)
        {
            problem(r, Field::Code,
                    text(TextKey::BoundCodeTwice, language,
                         {{"code", binding.rows[b].code},
                          {"row", std::to_string(sheetRow(pending.found[b]))}}));
            continue;
        }
        pending.found[b] = r;
        if (rowHash(table[r]) != binding.rows[b].hash)
        {
            pending.rows.push_back({PendingKind::Changed, r, b});
            ++pending.changed;
        }
    }
    for (std::size_t b = 0; b < binding.rows.size(); ++b)
        if (pending.found[b] == PendingRow::npos)
        {
            pending.rows.push_back({PendingKind::Cleared, PendingRow::npos, b});
            ++pending.cleared;
        }
    return pending;
}

} // namespace clientes
