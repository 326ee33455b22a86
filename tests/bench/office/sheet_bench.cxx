// A benchmark-only component, installed next to clientes.oxt in the benchmark's throw-away
// profile (never shipped): it times Calc's own setDataArray in-process, the floor against
// which the export is measured.
//
// org.clientes.bench.SheetBench (css::task::XJob): execute({Sheet: XSpreadsheet,
// Data: sequence<sequence<any>>}) writes Data at A1 of Sheet with one setDataArray call and
// returns the milliseconds it took (double).
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <uno/lbnames.h>

#include <chrono>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using rtl::OUString;

namespace
{
class SheetBench : public ::cppu::WeakImplHelper2<css::task::XJob, css::lang::XServiceInfo>
{
public:
    Any SAL_CALL execute(const Sequence<css::beans::NamedValue>& arguments) override
    {
        Reference<css::sheet::XSpreadsheet> sheet;
        Sequence<Sequence<Any>> data;
        for (const auto& argument : arguments)
        {
            if (argument.Name == "Sheet")
                argument.Value >>= sheet;
            else if (argument.Name == "Data")
                argument.Value >>= data;
        }
        if (!sheet.is() || data.getLength() == 0)
            throw css::lang::IllegalArgumentException("SheetBench: Sheet and Data needed", nullptr,
                                                      0);
        const Reference<css::sheet::XCellRangeData> range(
            sheet->getCellRangeByPosition(0, 0, data[0].getLength() - 1, data.getLength() - 1),
            css::uno::UNO_QUERY_THROW);
        const auto start = std::chrono::steady_clock::now();
        range->setDataArray(data);
        const auto end = std::chrono::steady_clock::now();
        return Any(std::chrono::duration<double, std::milli>(end - start).count());
    }

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }

    static OUString SAL_CALL implementationName() { return "org.clientes.bench.SheetBench"; }
    static Sequence<OUString> SAL_CALL serviceNames()
    {
        Sequence<OUString> names(1);
        names.getArray()[0] = "org.clientes.bench.SheetBench";
        return names;
    }
    static Reference<css::uno::XInterface>
        SAL_CALL create(const Reference<css::uno::XComponentContext>&)
    {
        return static_cast<cppu::OWeakObject*>(new SheetBench());
    }
};

const ::cppu::ImplementationEntry kEntries[] = {
    {SheetBench::create, SheetBench::implementationName, SheetBench::serviceNames,
     ::cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};
} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* name, void* manager,
                                                                    void* key)
{
    try
    {
        return ::cppu::component_getFactoryHelper(name, manager, key, kEntries);
    }
    catch (...)
    {
        return nullptr;
    }
}

extern "C" SAL_DLLPUBLIC_EXPORT void SAL_CALL
component_getImplementationEnvironment(const char** environment, uno_Environment**)
{
    *environment = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
