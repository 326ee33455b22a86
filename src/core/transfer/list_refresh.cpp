#include "core/transfer/list_refresh.hpp"

#include "core/model/profile_records.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

namespace clientes
{

namespace
{

constexpr std::string_view kMagic = "clientes-list/1";

// Lines of "name=value"; values escape '\\' and line breaks.
std::string escape(std::string_view text)
{
    std::string out;
    for (const char c : text)
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    return out;
}

std::string unescape(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] != '\\' || i + 1 == text.size())
        {
            out += text[i];
            continue;
        }
        const char next = text[++i];
        out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    }
    return out;
}

} // namespace

std::string serializeListSettings(const ListSettings& settings)
{
    std::string out(kMagic);
    out += "\nkind=" + std::string(importKindName(settings.kind));
    out += "\nquery=" + escape(settings.query);
    for (const std::string& code : settings.codes)
        out += "\ncode=" + escape(code);
    out += settings.includeArchived ? "\narchived=1" : "\narchived=0";
    out += "\nfrom=" + settings.filter.from;
    out += "\nto=" + settings.filter.to;
    if (settings.filter.status)
        out += "\nstatus=" + std::string(statusName(*settings.filter.status));
    out += "\ntotals=" + std::to_string(settings.totals);
    return out;
}

std::optional<ListSettings> parseListSettings(std::string_view text)
{
    ListSettings settings;
    std::size_t start = 0;
    bool first = true;
    while (start <= text.size())
    {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (first)
        {
            if (line != kMagic)
                return std::nullopt;
            first = false;
            continue;
        }
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            return std::nullopt;
        const std::string_view name = line.substr(0, equals);
        const std::string value = unescape(line.substr(equals + 1));
        if (name == "kind")
        {
            if (value == importKindName(ImportKind::Clients))
                settings.kind = ImportKind::Clients;
            else if (value == importKindName(ImportKind::Invoices))
                settings.kind = ImportKind::Invoices;
            else
                return std::nullopt;
        }
        else if (name == "query")
            settings.query = value;
        else if (name == "code")
            settings.codes.push_back(value);
        else if (name == "archived")
            settings.includeArchived = value == "1";
        else if (name == "from")
            settings.filter.from = value;
        else if (name == "to")
            settings.filter.to = value;
        else if (name == "status")
        {
            settings.filter.status = invoiceStatusFromName(value);
            if (!settings.filter.status)
                return std::nullopt;
        }
        else if (name == "totals")
        {
            const auto [at, error] =
                std::from_chars(value.data(), value.data() + value.size(), settings.totals);
            if (error != std::errc() || at != value.data() + value.size())
                return std::nullopt;
        }
        else
            return std::nullopt;
    }
    if (first)
        return std::nullopt;
    return settings;
}

std::vector<RowOp> planRowOps(const std::vector<std::string>& before,
                              const std::vector<std::string>& after)
{
    std::vector<RowOp> ops;
    std::unordered_map<std::string, std::size_t> target; // key → place in `after`
    for (std::size_t i = 0; i < after.size(); ++i)
        target.emplace(after[i], i);

    // Rows whose key is gone (or repeated, or empty) go, bottom first.
    std::unordered_set<std::string> kept;
    std::vector<bool> keep(before.size(), false);
    for (std::size_t r = 0; r < before.size(); ++r)
        keep[r] = !before[r].empty() && target.count(before[r]) && kept.insert(before[r]).second;
    for (std::size_t r = before.size(); r-- > 0;)
        if (!keep[r])
            ops.push_back({RowOp::Kind::Delete, r, 0});
    std::vector<std::string> remaining;
    for (std::size_t r = 0; r < before.size(); ++r)
        if (keep[r])
            remaining.push_back(before[r]);

    // The longest run of remaining rows already in the export's order stays (patience
    // sorting over their places in `after`).
    const std::size_t n = remaining.size();
    std::vector<std::size_t> tailIndex; // per run length, the index ending the best run
    std::vector<std::size_t> previous(n, static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < n; ++i)
    {
        const std::size_t place = target[remaining[i]];
        const auto at = std::lower_bound(tailIndex.begin(), tailIndex.end(), place,
                                         [&](std::size_t index, std::size_t value)
                                         { return target[remaining[index]] < value; });
        if (at != tailIndex.begin())
            previous[i] = *(at - 1);
        if (at == tailIndex.end())
            tailIndex.push_back(i);
        else
            *at = i;
    }
    std::vector<bool> stays(n, false);
    if (!tailIndex.empty())
        for (std::size_t i = tailIndex.back(); i != static_cast<std::size_t>(-1); i = previous[i])
            stays[i] = true;

    // The others are parked, bottom first, so that the offsets above stay as they are.
    std::unordered_map<std::string, std::size_t> parkedAt;
    std::size_t parked = 0;
    for (std::size_t r = n; r-- > 0;)
        if (!stays[r])
        {
            ops.push_back({RowOp::Kind::Park, r, parked});
            parkedAt.emplace(remaining[r], parked++);
        }
    // Then the rows are completed top to bottom: a staying row is already in its place.
    for (std::size_t i = 0; i < after.size(); ++i)
    {
        if (const auto found = parkedAt.find(after[i]); found != parkedAt.end())
            ops.push_back({RowOp::Kind::Unpark, i, found->second});
        else if (!kept.count(after[i]))
            ops.push_back({RowOp::Kind::Insert, i, 0});
    }
    return ops;
}

} // namespace clientes
