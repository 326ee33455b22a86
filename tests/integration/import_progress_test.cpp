// A 100,000-row import tells a status indicator what it is doing and how far it is (the
// status bar of the document's window by default; here one of the test's, given as the
// StatusIndicator option), and cancelRunningWork() (what Esc does) stops one while it has
// written nothing: the register stays as it was.
#include "import_export_support.hpp"
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <cppuhelper/implbase1.hxx>
#include <org/clientes/XClientDirectory.hpp>
#include <rtl/ref.hxx>

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clientes::testing
{
namespace
{
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

class RecordingIndicator : public cppu::WeakImplHelper1<css::task::XStatusIndicator>
{
public:
    explicit RecordingIndicator(Reference<XClientDirectory> directory, sal_Int32 cancelAt = -1)
        : m_directory(std::move(directory)), m_cancelAt(cancelAt)
    {
    }
    void SAL_CALL start(const rtl::OUString& text, sal_Int32 range) override
    {
        const std::lock_guard lock(mutex);
        ++started;
        this->range = range;
        texts.push_back(s(text));
    }
    void SAL_CALL end() override
    {
        const std::lock_guard lock(mutex);
        ++ended;
    }
    void SAL_CALL setText(const rtl::OUString& text) override
    {
        const std::lock_guard lock(mutex);
        texts.push_back(s(text));
    }
    void SAL_CALL setValue(sal_Int32 value) override
    {
        bool cancel = false;
        {
            const std::lock_guard lock(mutex);
            values.push_back(value);
            cancel = m_cancelAt >= 0 && value >= m_cancelAt && !askedToCancel;
            askedToCancel = askedToCancel || cancel;
        }
        // The user presses Esc: a call back into the office while the import runs.
        if (cancel)
            wasRunning = m_directory->cancelRunningWork();
    }
    void SAL_CALL reset() override {}

    std::mutex mutex;
    int started = 0, ended = 0;
    sal_Int32 range = 0;
    std::vector<std::string> texts;
    std::vector<sal_Int32> values;
    bool askedToCancel = false;
    bool wasRunning = false;

private:
    Reference<XClientDirectory> m_directory;
    sal_Int32 m_cancelAt;
};

Rows clientRows(int count, const std::string& prefix)
{
    Rows rows = {{std::string("Razón social"), std::string("Ciudad"), std::string("Correo")}};
    rows.reserve(static_cast<std::size_t>(count) + 1);
    for (int i = 0; i < count; ++i)
        rows.push_back({prefix + " " + std::to_string(i) + ", S.L.", std::string("Teruel"),
                        "c" + std::to_string(i) + "@" + prefix + ".example"});
    return rows;
}

bool containsText(const std::vector<std::string>& texts, const std::string& part)
{
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& text)
                       { return text.find(part) != std::string::npos; });
}
} // namespace

TEST(ImportProgress, AHundredThousandRowsShowTheirProgressAndACancelWritesNothing)
{
    OfficeOptions spanish;
    spanish.locale = "es-ES"; // figures as Spain writes them: 100.000
    Office office(spanish);
    const Reference<XClientDirectory> directory(office.create("org.clientes.ClientDirectory"),
                                                UNO_QUERY_THROW);
    EXPECT_FALSE(directory->cancelRunningWork()) << "nothing runs";
    SheetDocument document(office);
    const auto range = document.fill("A1", clientRows(100000, "Progreso"));

    const rtl::Reference<RecordingIndicator> watched(new RecordingIndicator(directory));
    const auto result = directory->importClients(
        range,
        options({{"StatusIndicator", Any(Reference<css::task::XStatusIndicator>(watched.get()))}}));
    EXPECT_EQ(count(result, "Created"), 100000);
    EXPECT_FALSE(resultValue(result, "Cancelled").get<bool>());
    EXPECT_GE(watched->started, 4) << "a start per stage (setText stops the bar's painting)";
    EXPECT_EQ(watched->ended, watched->started) << "the status bar is given back";
    EXPECT_EQ(watched->range, 100);
    ASSERT_GE(watched->values.size(), 20U) << "the bar moves while the rows are checked";
    // Never back by more than the one point the bar is nudged by while a transaction writes.
    for (std::size_t i = 1; i < watched->values.size(); ++i)
        EXPECT_GE(watched->values[i], watched->values[i - 1] - 1) << i;
    EXPECT_EQ(watched->values.back(), 100);
    EXPECT_TRUE(containsText(watched->texts, "Clientes: leyendo la hoja… (Esc cancela)"));
    EXPECT_TRUE(containsText(watched->texts, "de 100.000… (Esc cancela)"))
        << ::testing::PrintToString(watched->texts);
    EXPECT_TRUE(containsText(watched->texts, "Clientes: guardando 100.000 filas…"));
    EXPECT_EQ(directory->countClients(), 100000);

    // A second sheet of 100,000 new clients, cancelled a third of the way through the check.
    const auto other = document.fill("E1", clientRows(100000, "Cancelado"));
    const rtl::Reference<RecordingIndicator> cancelled(new RecordingIndicator(directory, 35));
    const auto stopped = directory->importClients(
        other, options({{"StatusIndicator",
                         Any(Reference<css::task::XStatusIndicator>(cancelled.get()))}}));
    EXPECT_TRUE(cancelled->askedToCancel);
    EXPECT_TRUE(cancelled->wasRunning);
    EXPECT_TRUE(resultValue(stopped, "Cancelled").get<bool>());
    EXPECT_FALSE(resultValue(stopped, "Committed").get<bool>());
    EXPECT_EQ(s(resultValue(stopped, "Message").get<rtl::OUString>()),
              "Se ha cancelado la importación: no se ha guardado nada.");
    EXPECT_EQ(count(stopped, "Created"), 0);
    EXPECT_EQ(cancelled->ended, cancelled->started);
    EXPECT_LT(cancelled->values.back(), 85) << "it stopped before writing";
    EXPECT_EQ(directory->countClients(), 100000) << "the register is as it was";
    EXPECT_TRUE(directory->findClients(u("Cancelado"), 5).getLength() == 0);

    // The 100,000 clients exported: the list's rows block by block (no Esc: a half-written
    // sheet is no use).
    const rtl::Reference<RecordingIndicator> exported(new RecordingIndicator(directory));
    const auto sheets = document.document()->getSheets();
    sheets->insertNewByName(u("Exportados"), 1);
    const auto written = directory->exportClients(
        document.sheet(1),
        options(
            {{"StatusIndicator", Any(Reference<css::task::XStatusIndicator>(exported.get()))}}));
    EXPECT_EQ(Reference<css::sheet::XCellRangeAddressable>(written, UNO_QUERY_THROW)
                  ->getRangeAddress()
                  .EndRow,
              100000);
    EXPECT_TRUE(containsText(exported->texts, "Clientes: leyendo el registro…"));
    EXPECT_TRUE(containsText(exported->texts, "de 100.000 en la hoja…"))
        << ::testing::PrintToString(exported->texts);
    EXPECT_FALSE(containsText(exported->texts, "Esc")) << ::testing::PrintToString(exported->texts);
    EXPECT_EQ(exported->ended, exported->started);
    ASSERT_FALSE(exported->values.empty());
    EXPECT_EQ(exported->values.back(), 100);
}
} // namespace clientes::testing
