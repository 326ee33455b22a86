#include "dialogs/duplicates_dialog.hxx"

#include "core/messages/messages.hpp"
#include "core/messages/profile_text.hpp"
#include "core/messages/ui_text.hpp"
#include "core/register/register.hpp"
#include "dialogs/profile_ui.hxx"
#include "support/awt_controls.hxx"
#include "support/entry_guard.hxx"
#include "support/latest_work.hxx"
#include "support/main_thread.hxx"
#include "support/office_settings.hxx"
#include "support/store_access.hxx"
#include "support/uno_text.hxx"

#include <com/sun/star/awt/XDialogEventHandler.hpp>
#include <com/sun/star/awt/grid/DefaultGridColumnModel.hpp>
#include <com/sun/star/awt/grid/DefaultGridDataModel.hpp>
#include <com/sun/star/awt/grid/XGridColumnModel.hpp>
#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <set>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using css::uno::XComponentContext;

namespace clientes::uno::duplicates_dialog
{
namespace
{
using namespace dialog_ui;

constexpr sal_Int32 kGroupsPage = 1;
constexpr sal_Int32 kMergePage = 2;
constexpr int kScores[] = {50, 60, 70, 80, 90};

// The fields a merge chooses, in the form's order (the code stays the kept client's).
std::vector<Field> mergedFields()
{
    std::vector<Field> fields;
    for (Field field : allFields())
        if (field != Field::Code)
            fields.push_back(field);
    return fields;
}

std::string oneLine(const std::string& value)
{
    std::string line = value;
    std::replace(line.begin(), line.end(), '\n', ' ');
    return shownValue(line, 80);
}

class DuplicatesDialog : public ComponentBase<kComponent, css::awt::XDialogEventHandler>
{
public:
    explicit DuplicatesDialog(const Reference<XComponentContext>& context)
        : m_context(context), m_language(uiLanguage(context))
    {
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XDialog>& dialog, const Any&,
                                        const OUString& method) override
    {
        return guarded("DuplicatesDialog." + toUtf8(method),
                       [&]() -> sal_Bool
                       {
                           try
                           {
                               if (method == "prepare")
                                   prepare(dialog);
                               else if (method == "onSearch")
                                   search(dialog);
                               else if (method == "onGroupSelected")
                                   showGroup(dialog);
                               else if (method == "onNotDuplicates")
                                   markNotDuplicates(dialog);
                               else if (method == "onMergeStart")
                                   startMerge(dialog);
                               else if (method == "onKeepChanged")
                                   plan(dialog, keepChosen(dialog), {});
                               else if (method == "onFieldSelected")
                                   showValues(dialog);
                               else if (method == "onValueChosen")
                                   chooseValue(dialog);
                               else if (method == "onMerge")
                                   merge(dialog);
                               else if (method == "onBack")
                                   showPage(dialog, kGroupsPage);
                               else
                                   return false;
                           }
                           catch (const ConflictError&)
                           {
                               // Someone saved a client of the group since it was read: read again.
                               showPage(dialog, kGroupsPage);
                               search(dialog, Message{clientes::text(TextKey::ProfileClientConflict,
                                                                     m_language),
                                                      kErrorColor});
                           }
                           catch (const MergeRefused& refused)
                           {
                               status(dialog, describe(refused, m_language), kErrorColor);
                           }
                           catch (const NotPermitted& refused)
                           {
                               status(dialog, describe(refused, m_language), kErrorColor);
                           }
                           catch (const StoreError& error)
                           {
                               status(dialog, describeUnsaved(error, m_language), kErrorColor);
                           }
                           catch (const NotFound&)
                           {
                               showPage(dialog, kGroupsPage);
                               search(dialog, Message{noClientMessage(std::string(), m_language),
                                                      kErrorColor});
                           }
                           return true;
                       });
    }

    Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        return asciiNames({"prepare", "onSearch", "onGroupSelected", "onNotDuplicates",
                           "onMergeStart", "onKeepChanged", "onFieldSelected", "onValueChosen",
                           "onMerge", "onBack"});
    }

    bool changed() const { return m_changed; }
    // The dialog closed: a search under way stops, and its answer is dropped.
    void closed()
    {
        ++*m_latest;
        m_dialog.clear();
    }

private:
    void prepare(const Reference<css::awt::XDialog>& dialog)
    {
        m_dialog = dialog;
        addGrid(dialog);
        std::vector<std::string> scores;
        for (int score : kScores)
            scores.push_back(std::to_string(score) + " %");
        setEntries(dialog, "lstScore", scores);
        select(dialog, "lstScore", 1); // kDefaultDuplicateScore
        m_permissions = storeAccess().with(m_context, [](Register& store)
                                           { return store.connectionInfo().permissions; });
        search(dialog);
    }

    void addGrid(const Reference<css::awt::XDialog>& dialog)
    {
        const Reference<css::beans::XPropertySet> dialogProperties = dialogModel(dialog);
        const Reference<css::container::XNameContainer> container(dialogProperties,
                                                                  UNO_QUERY_THROW);
        if (container->hasByName(ascii("gridCompare")))
            return;
        const Reference<css::beans::XPropertySet> grid(
            Reference<css::lang::XMultiServiceFactory>(dialogProperties, UNO_QUERY_THROW)
                ->createInstance(ascii("com.sun.star.awt.grid.UnoControlGridModel")),
            UNO_QUERY_THROW);
        const std::pair<const char*, Any> properties[] = {
            {"PositionX", Any(sal_Int32(8))},
            {"PositionY", Any(sal_Int32(137))},
            {"Width", Any(sal_Int32(404))},
            {"Height", Any(sal_Int32(100))},
            {"Step", Any(kGroupsPage)},
            {"TabIndex", Any(sal_Int16(7))},
            {"ShowRowHeader", Any(true)},
            {"RowHeaderWidth", Any(sal_Int32(80))},
            {"ShowColumnHeader", Any(true)},
            {"HScroll", Any(true)},
            {"VScroll", Any(true)},
            {"Tabstop", Any(true)},
            {"GridDataModel", Any(css::awt::grid::DefaultGridDataModel::create(m_context))},
            {"ColumnModel", Any(css::awt::grid::DefaultGridColumnModel::create(m_context))}};
        for (const auto& [name, value] : properties)
            grid->setPropertyValue(ascii(name), value);
        container->insertByName(ascii("gridCompare"), Any(grid));
    }

    int minScore(const Reference<css::awt::XDialog>& dialog) const
    {
        const sal_Int16 chosen = selected(dialog, "lstScore");
        return chosen >= 0 && chosen < static_cast<sal_Int16>(std::size(kScores))
                   ? kScores[chosen]
                   : kDefaultDuplicateScore;
    }

    void status(const Reference<css::awt::XDialog>& dialog, const std::string& message,
                sal_Int32 color = kInfoColor)
    {
        showMessage(dialog, ascii("lblStatus"), message, color);
    }

    // A message for the status line once the groups are read again.
    using Message = std::pair<std::string, sal_Int32>;

    // Reads the groups again, on a thread of its own (a register of 100,000 clients takes a
    // second; a team server, whatever the network takes): the dialog answers meanwhile and
    // says how far the reading is; a new search replaces one under way. `done` is what the
    // status line says after (by default, how many groups there are).
    void search(const Reference<css::awt::XDialog>& dialog, std::optional<Message> done = {})
    {
        const int score = minScore(dialog);
        const std::uint64_t question = ++*m_latest;
        m_groups.clear();
        setEntries(dialog, "lstGroups", {});
        showGroup(dialog);
        status(dialog,
               clientes::text(TextKey::DuplicatesSearching, m_language, {{"percent", "0"}}));
        if (!m_reads)
            m_reads = std::make_unique<LatestWork>();
        // The worker holds no reference to this handler: only a weak one, made strong on the
        // main thread for the time of each call there, so that the handler is never released
        // on the worker and never used once gone.
        m_reads->submit(
            [self = css::uno::WeakReference<css::uno::XInterface>(
                 static_cast<cppu::OWeakObject*>(this)),
             raw = this, context = m_context, latest = m_latest, language = m_language, question,
             score, done]
            {
                using Work =
                    std::function<void(DuplicatesDialog&, const Reference<css::awt::XDialog>&)>;
                // The dialog is touched on the main thread only, while it is open and this is
                // still the latest search.
                const auto post = [&](Work work)
                {
                    guardedNoThrow("the duplicates dialog's answer",
                                   [&]
                                   {
                                       postToMainThread(
                                           context,
                                           [self, raw, latest, question, work = std::move(work)]
                                           {
                                               // `raw` lives while the weak reference resolves.
                                               const Reference<css::uno::XInterface> alive = self;
                                               if (!alive.is() || *latest != question)
                                                   return;
                                               const Reference<css::awt::XDialog> shown =
                                                   raw->m_dialog;
                                               if (shown.is())
                                                   work(*raw, shown);
                                           });
                                   });
                };
                SearchProgress progress(
                    [&]
                    { return *latest != question || !Reference<css::uno::XInterface>(self).is(); },
                    [&](int percent)
                    {
                        post(
                            [language, percent](DuplicatesDialog& handler,
                                                const Reference<css::awt::XDialog>& shown)
                            {
                                handler.status(
                                    shown, clientes::text(TextKey::DuplicatesSearching, language,
                                                          {{"percent", std::to_string(percent)}}));
                            });
                    });
                DuplicateOptions options;
                options.minScore = score;
                auto groups = std::make_shared<std::vector<DuplicateCandidates>>();
                std::string failure;
                try
                {
                    *groups =
                        storeAccess().with(context, [&](Register& store)
                                           { return store.findDuplicates(options, &progress); });
                }
                catch (const WorkCancelled&)
                {
                    return; // a newer search, or the dialog closed
                }
                catch (const StoreError& error)
                {
                    failure = describeUnsaved(error, language);
                }
                catch (const std::exception& error)
                {
                    failure = clientes::text(TextKey::DuplicatesSearchFailed, language,
                                             {{"reason", error.what()}});
                }
                post(
                    [groups, failure, score, done](DuplicatesDialog& handler,
                                                   const Reference<css::awt::XDialog>& shown)
                    {
                        if (!failure.empty())
                            handler.status(shown, failure, kErrorColor);
                        else
                            handler.showGroups(shown, std::move(*groups), score, done);
                    });
            });
    }

    // What the reading thread says of its progress, and whether to stop.
    class SearchProgress : public WorkProgress
    {
    public:
        SearchProgress(std::function<bool()> stop, std::function<void(int)> percent)
            : m_stop(std::move(stop)), m_percent(std::move(percent))
        {
        }
        void report(WorkStage, std::size_t done, std::size_t total) override
        {
            const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
            if (percent / 10 != m_told / 10)
                m_percent(m_told = percent);
        }
        bool cancelRequested() const override { return m_stop(); }

    private:
        std::function<bool()> m_stop;
        std::function<void(int)> m_percent;
        int m_told = 0;
    };

    void showGroups(const Reference<css::awt::XDialog>& dialog,
                    std::vector<DuplicateCandidates> groups, int score,
                    const std::optional<Message>& done)
    {
        m_groups = std::move(groups);
        std::vector<std::string> lines;
        for (const DuplicateCandidates& group : m_groups)
        {
            std::string line = std::to_string(group.score) + " % ·";
            for (const Client& client : group.clients)
                line += "  " + client.code + " " + oneLine(client.legalName);
            lines.push_back(line);
        }
        setEntries(dialog, "lstGroups", lines);
        if (done)
            status(dialog, done->first, done->second);
        else
            status(dialog, m_groups.empty()
                               ? clientes::text(TextKey::DuplicatesNone, m_language,
                                                {{"score", std::to_string(score)}})
                               : pluralText(TextKey::DuplicatesFound,
                                            static_cast<std::int64_t>(m_groups.size()), m_language,
                                            {{"n", std::to_string(m_groups.size())}}));
        select(dialog, "lstGroups", m_groups.empty() ? -1 : 0);
        showGroup(dialog);
    }

    const DuplicateCandidates* group(const Reference<css::awt::XDialog>& dialog) const
    {
        const sal_Int16 chosen = selected(dialog, "lstGroups");
        if (chosen < 0 || chosen >= static_cast<sal_Int16>(m_groups.size()))
            return nullptr;
        return &m_groups[static_cast<std::size_t>(chosen)];
    }

    static std::string codeOf(const DuplicateCandidates& group, std::int64_t id)
    {
        for (const Client& client : group.clients)
            if (client.id == id)
                return client.code;
        return {};
    }

    void showGroup(const Reference<css::awt::XDialog>& dialog)
    {
        const DuplicateCandidates* shown = group(dialog);
        std::string reasons;
        if (shown)
            for (const DuplicatePair& pair : shown->pairs)
            {
                std::string why;
                for (const DuplicateEvidence& evidence : pair.score.reasons)
                    why += (why.empty() ? "" : ", ") +
                           duplicateReasonLabel(evidence.reason, m_language) + " (" +
                           oneLine(evidence.detail) + ")";
                reasons += (reasons.empty() ? "" : "\n") +
                           clientes::text(TextKey::DuplicatesPairLine, m_language,
                                          {{"a", codeOf(*shown, pair.a)},
                                           {"b", codeOf(*shown, pair.b)},
                                           {"score", std::to_string(pair.score.score)},
                                           {"reasons", why}});
            }
        setLabel(dialog, "lblReasons", reasons);

        const Reference<css::beans::XPropertySet> grid = model(dialog, "gridCompare");
        const Reference<css::awt::grid::XGridColumnModel> columns(
            grid->getPropertyValue(ascii("ColumnModel")), UNO_QUERY_THROW);
        while (columns->getColumnCount() > 0)
            columns->removeColumn(columns->getColumnCount() - 1);
        const Reference<css::awt::grid::XMutableGridDataModel> rows(
            grid->getPropertyValue(ascii("GridDataModel")), UNO_QUERY_THROW);
        rows->removeAllRows();
        if (shown)
        {
            for (const Client& client : shown->clients)
            {
                const Reference<css::awt::grid::XGridColumn> column = columns->createColumn();
                column->setTitle(fromUtf8(client.code));
                column->setFlexibility(0);
                column->setMinWidth(40);
                column->setColumnWidth(
                    std::max<sal_Int32>(100, 320 / static_cast<sal_Int32>(shown->clients.size())));
                columns->addColumn(column);
            }
            for (Field field : allFields())
            {
                Sequence<Any> cells(static_cast<sal_Int32>(shown->clients.size()));
                bool any = false;
                for (std::size_t i = 0; i < shown->clients.size(); ++i)
                {
                    const std::string value =
                        field == Field::Kind ? clientKindLabel(shown->clients[i].kind, m_language)
                                             : oneLine(shown->clients[i].value(field));
                    any = any || !value.empty();
                    cells.getArray()[i] <<= fromUtf8(value);
                }
                if (any || field == Field::LegalName)
                    rows->addRow(Any(fromUtf8(fieldLabel(field, m_language))), cells);
            }
        }
        setEnabled(dialog, "btnNotDuplicates", shown != nullptr && m_permissions.edit);
        setEnabled(dialog, "btnMerge", shown != nullptr && m_permissions.admin);
        if (shown && !m_permissions.admin)
            status(dialog, clientes::text(TextKey::DuplicatesMergeAdminsOnly, m_language),
                   kWarningColor);
    }

    void markNotDuplicates(const Reference<css::awt::XDialog>& dialog)
    {
        const DuplicateCandidates* shown = group(dialog);
        if (!shown)
            return;
        std::string codes;
        storeAccess().with(m_context,
                           [&](Register& store)
                           {
                               for (const DuplicatePair& pair : shown->pairs)
                                   store.markNotDuplicates(pair.a, pair.b);
                           });
        for (const Client& client : shown->clients)
            codes += (codes.empty() ? "" : ", ") + client.code;
        storeAccess().notifyChanged();
        m_changed = true;
        search(dialog,
               Message{clientes::text(TextKey::DuplicatesMarked, m_language, {{"codes", codes}}),
                       kInfoColor});
    }

    // ---------------------------------------------------------------- page 2: the merge

    void showPage(const Reference<css::awt::XDialog>& dialog, sal_Int32 page)
    {
        dialogModel(dialog)->setPropertyValue(ascii("Step"), Any(page));
        setEnabled(dialog, "btnBack", page == kMergePage);
        setEnabled(dialog, "btnDoMerge", page == kMergePage);
        focus(dialog, page == kMergePage ? "lstFields" : "lstGroups");
    }

    void startMerge(const Reference<css::awt::XDialog>& dialog)
    {
        const DuplicateCandidates* shown = group(dialog);
        if (!shown)
            return;
        m_merging = *shown;
        std::vector<std::string> entries;
        for (const Client& client : m_merging.clients)
            entries.push_back(client.code + "  " + oneLine(client.legalName));
        setEntries(dialog, "lstKeep", entries);
        select(dialog, "lstKeep", 0);
        status(dialog, {});
        plan(dialog, m_merging.clients.front().id, {});
        showPage(dialog, kMergePage);
    }

    std::int64_t keepChosen(const Reference<css::awt::XDialog>& dialog) const
    {
        const sal_Int16 chosen = selected(dialog, "lstKeep");
        if (chosen < 0 || chosen >= static_cast<sal_Int16>(m_merging.clients.size()))
            return m_merging.clients.empty() ? 0 : m_merging.clients.front().id;
        return m_merging.clients[static_cast<std::size_t>(chosen)].id;
    }

    // The merge as it stands: the values the client that stays will have, and what happens.
    void plan(const Reference<css::awt::XDialog>& dialog, std::int64_t keepId,
              const std::map<Field, std::int64_t>& choices)
    {
        std::vector<std::int64_t> others;
        for (const Client& client : m_merging.clients)
            if (client.id != keepId)
                others.push_back(client.id);
        const sal_Int16 line = selected(dialog, "lstFields");
        m_plan = storeAccess().with(m_context, [&](Register& store)
                                    { return store.planMerge(keepId, others, choices); });
        std::vector<std::string> lines;
        for (Field field : mergedFields())
            lines.push_back(valueLine(field));
        setEntries(dialog, "lstFields", lines);
        select(dialog, "lstFields", line >= 0 ? line : 0);
        showValues(dialog);

        std::string records = linkedRecordsList(m_plan.moved, m_language);
        if (records.empty())
            records = clientes::text(TextKey::DuplicatesNoRecords, m_language);
        std::string otherCodes;
        for (const Client& client : m_plan.clients)
            if (client.id != keepId)
                otherCodes += (otherCodes.empty() ? "" : ", ") + client.code;
        setLabel(dialog, "lblPlan",
                 clientes::text(TextKey::DuplicatesMergePlan, m_language,
                                {{"others", otherCodes},
                                 {"keep", m_plan.clients.front().code},
                                 {"records", records}}));
    }

    std::string sourceName(std::int64_t source) const
    {
        if (source == 0)
            return clientes::text(TextKey::DuplicatesAllTogether, m_language);
        for (const Client& client : m_plan.clients)
            if (client.id == source)
                return client.code;
        return {};
    }

    std::string shownValue(Field field, const Client& client) const
    {
        const std::string value = field == Field::Kind ? clientKindLabel(client.kind, m_language)
                                                       : oneLine(client.value(field));
        return value.empty() ? clientes::text(TextKey::DuplicatesEmptyValue, m_language) : value;
    }

    std::string valueLine(Field field) const
    {
        const auto choice = m_plan.choices.find(field);
        return clientes::text(
            TextKey::DuplicatesValueFrom, m_language,
            {{"field", fieldLabel(field, m_language)},
             {"value", shownValue(field, m_plan.result)},
             {"from", sourceName(choice == m_plan.choices.end() ? m_plan.clients.front().id
                                                                : choice->second)}});
    }

    std::optional<Field> fieldChosen(const Reference<css::awt::XDialog>& dialog) const
    {
        const std::vector<Field> fields = mergedFields();
        const sal_Int16 line = selected(dialog, "lstFields");
        if (line < 0 || line >= static_cast<sal_Int16>(fields.size()))
            return std::nullopt;
        return fields[static_cast<std::size_t>(line)];
    }

    // The values of the chosen field: one per client (and all together for tags and notes).
    std::vector<std::int64_t> sources(Field field) const
    {
        std::vector<std::int64_t> ids;
        for (const Client& client : m_plan.clients)
            ids.push_back(client.id);
        if (field == Field::Tags || field == Field::Notes)
            ids.push_back(0);
        return ids;
    }

    void showValues(const Reference<css::awt::XDialog>& dialog)
    {
        const std::optional<Field> field = fieldChosen(dialog);
        std::vector<std::string> entries;
        sal_Int16 current = -1;
        if (field)
            for (const std::int64_t source : sources(*field))
            {
                const auto client = std::find_if(m_plan.clients.begin(), m_plan.clients.end(),
                                                 [&](const Client& c) { return c.id == source; });
                entries.push_back(source == 0
                                      ? clientes::text(TextKey::DuplicatesAllTogether, m_language)
                                      : client->code + ":  " + shownValue(*field, *client));
                if (m_plan.choices.count(*field) != 0 && m_plan.choices.at(*field) == source)
                    current = static_cast<sal_Int16>(entries.size() - 1);
            }
        setEntries(dialog, "lstValue", entries);
        select(dialog, "lstValue", current);
    }

    void chooseValue(const Reference<css::awt::XDialog>& dialog)
    {
        const std::optional<Field> field = fieldChosen(dialog);
        const sal_Int16 chosen = selected(dialog, "lstValue");
        if (!field || chosen < 0)
            return;
        const std::vector<std::int64_t> ids = sources(*field);
        if (chosen >= static_cast<sal_Int16>(ids.size()))
            return;
        std::map<Field, std::int64_t> choices = m_plan.choices;
        choices[*field] = ids[static_cast<std::size_t>(chosen)];
        plan(dialog, m_plan.clients.front().id, choices);
    }

    void merge(const Reference<css::awt::XDialog>& dialog)
    {
        if (m_plan.clients.size() < 2)
            return;
        MergeRequest request;
        request.keepId = m_plan.clients.front().id;
        for (const Client& client : m_plan.clients)
        {
            if (client.id != request.keepId)
                request.mergedIds.push_back(client.id);
            // The versions the user reviewed (read when the group was found).
            for (const Client& seen : m_merging.clients)
                if (seen.id == client.id)
                    request.versions[client.id] = seen.version;
        }
        request.choices = m_plan.choices;
        const MergeResult merged = storeAccess().with(m_context, [&](Register& store)
                                                      { return store.mergeClients(request); });
        storeAccess().notifyChanged();
        m_changed = true;
        std::string others;
        for (const Client& client : m_plan.clients)
            if (client.id != request.keepId)
                others += (others.empty() ? "" : ", ") + client.code;
        showPage(dialog, kGroupsPage);
        search(dialog, Message{clientes::text(TextKey::DuplicatesMerged, m_language,
                                              {{"others", others}, {"keep", merged.kept.code}}),
                               kInfoColor});
    }

    Reference<XComponentContext> m_context;
    Language m_language;
    Permissions m_permissions;
    std::vector<DuplicateCandidates> m_groups;
    DuplicateCandidates m_merging; // the group being merged, as it was found
    MergePlan m_plan;
    bool m_changed = false;
    // The searches: only the latest one's answer shows, in the dialog while it is open.
    std::unique_ptr<LatestWork> m_reads;
    std::shared_ptr<std::atomic<std::uint64_t>> m_latest =
        std::make_shared<std::atomic<std::uint64_t>>(0);
    // The dialog, set once by prepare (read on the main thread by the searches' answers).
    Reference<css::awt::XDialog> m_dialog;
};
} // namespace

OUString dialogUrl()
{
    return ascii("vnd.sun.star.extension://org.clientes.calc/dialogs/DuplicatesDialog.xdl");
}

bool run(const Reference<XComponentContext>& context,
         const Reference<css::awt::XWindowPeer>& parent)
{
    bool changed = false;
    guardedNoThrow("the duplicates dialog",
                   [&]
                   {
                       rtl::Reference<DuplicatesDialog> handler(new DuplicatesDialog(context));
                       runDialog(context, dialogUrl(),
                                 Reference<css::awt::XDialogEventHandler>(handler.get()), parent,
                                 [](const auto&) { return HelpPage::Duplicates; });
                       handler->closed();
                       changed = handler->changed();
                   });
    return changed;
}

const Component kComponent{"org.clientes.calc.DuplicatesDialog", "org.clientes.DuplicatesDialog",
                           [](const Reference<XComponentContext>& context) -> cppu::OWeakObject*
                           { return new DuplicatesDialog(context); }};
} // namespace clientes::uno::duplicates_dialog
