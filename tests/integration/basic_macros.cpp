#include "uno_helpers.hpp"

#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/script/XLibraryContainer.hpp>
#include <com/sun/star/script/provider/XScript.hpp>
#include <com/sun/star/script/provider/XScriptProvider.hpp>
#include <com/sun/star/script/provider/theMasterScriptProviderFactory.hpp>

namespace css = ::com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace clientes::testing
{
Any runBasic(const Reference<css::uno::XComponentContext>& office, const std::string& module,
             const std::string& source, const std::string& function)
{
    const rtl::OUString library = u("ClientesTests");
    const Reference<css::script::XLibraryContainer> libraries(
        office->getServiceManager()->createInstanceWithContext(
            u("com.sun.star.script.ApplicationScriptLibraryContainer"), office),
        UNO_QUERY_THROW);
    if (!libraries->hasByName(library))
        libraries->createLibrary(library);
    libraries->loadLibrary(library);
    const Reference<css::container::XNameContainer> modules(libraries->getByName(library),
                                                            UNO_QUERY_THROW);
    if (modules->hasByName(u(module)))
        modules->replaceByName(u(module), Any(u(source)));
    else
        modules->insertByName(u(module), Any(u(source)));

    const Reference<css::script::provider::XScriptProvider> provider =
        css::script::provider::theMasterScriptProviderFactory::get(office)->createScriptProvider(
            Any(rtl::OUString()));
    const Reference<css::script::provider::XScript> script =
        provider->getScript(u("vnd.sun.star.script:ClientesTests." + module + "." + function +
                              "?language=Basic&location=application"));
    Sequence<Any> arguments;
    Sequence<sal_Int16> outIndexes;
    Sequence<Any> outValues;
    return script->invoke(arguments, outIndexes, outValues);
}
} // namespace clientes::testing
