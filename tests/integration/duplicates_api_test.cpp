// The duplicates part of org.clientes.XClientDirectory against a real office: finding groups
// with their scores and reasons, marking pairs as not duplicates, merging clients with a record
// of every kind and undoing it (the register compared before and after), and the errors a
// macro gets.
#include "office.hpp"
#include "uno_helpers.hpp"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <org/clientes/XClientDirectory.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace css = ::com::sun::star;
using css::beans::NamedValue;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using org::clientes::XClientDirectory;

namespace clientes::testing
{
namespace
{
using Record = Sequence<NamedValue>;

const Any& valueOf(const Record& record, const char* name)
{
    for (const NamedValue& entry : record)
        if (entry.Name.equalsAscii(name))
            return entry.Value;
    throw std::runtime_error(std::string("no field ") + name);
}

std::string textOf(const Any& value)
{
    rtl::OUString text;
    sal_Int64 whole = 0;
    double real = 0;
    bool flag = false;
    if (value >>= text)
        return s(text);
    if (value >>= whole)
        return std::to_string(whole);
    if (value >>= real)
        return std::to_string(real);
    if (value >>= flag)
        return flag ? "true" : "false";
    Sequence<rtl::OUString> texts;
    if (value >>= texts)
    {
        std::string joined;
        for (const rtl::OUString& item : texts)
            joined += (joined.empty() ? "" : ", ") + s(item);
        return "[" + joined + "]";
    }
    return "?";
}

// A record without what changes on every write (its version and update time).
std::string line(const Record& record)
{
    std::string out;
    for (const NamedValue& entry : record)
        if (!entry.Name.equalsAscii("version") && !entry.Name.equalsAscii("updatedAt"))
            out += s(entry.Name) + "=" + textOf(entry.Value) + " ";
    return out;
}

Sequence<rtl::OUString> codes(std::initializer_list<std::string> values)
{
    Sequence<rtl::OUString> result(static_cast<sal_Int32>(values.size()));
    sal_Int32 i = 0;
    for (const std::string& value : values)
        result.getArray()[i++] = u(value);
    return result;
}

rtl::OUString fileUrlOf(const std::filesystem::path& path)
{
    rtl::OUString url;
    osl::FileBase::getFileURLFromSystemPath(u(path.string()), url);
    return url;
}
} // namespace

class DuplicatesApi : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        office = std::make_unique<Office>();
        clients.set(office->create("org.clientes.ClientDirectory"), UNO_QUERY_THROW);
    }
    static void TearDownTestSuite()
    {
        clients.clear();
        office.reset();
    }

    // A client with a record of every kind, a file and a note.
    static std::string
    clientWithEverything(std::initializer_list<std::pair<const char*, std::string>> values,
                         const std::string& tag)
    {
        const std::string code = s(clients->addClient(fields(values)));
        const auto add = [&](const char* kind,
                             std::initializer_list<std::pair<const char*, std::string>> record) {
            return clients->addRecord(u(code), rtl::OUString::createFromAscii(kind),
                                      fields(record));
        };
        add("contacts", {{"name", "Persona " + tag}, {"email", tag + "@example.com"}});
        const sal_Int64 project = add("projects", {{"name", "Proyecto " + tag}});
        Sequence<NamedValue> time = fields({{"date", "2024-03-01"}});
        time.realloc(2);
        time.getArray()[1] = NamedValue(u("hours"), Any(2.5));
        clients->addRecord(u(std::to_string(project)), u("timeEntries"), time);
        add("tasks", {{"title", "Llamar " + tag}});
        add("purchaseOrders", {{"number", "P-" + tag}, {"currency", "EUR"}});
        add("invoices", {{"number", "F-" + tag}, {"issueDate", "2024-01-10"}, {"currency", "EUR"}});
        add("deals", {{"title", "Oferta " + tag}, {"currency", "EUR"}});
        const std::filesystem::path file = office->workDir() / (tag + ".txt");
        std::ofstream(file) << "contenido " << tag;
        clients->attachFile(u(code), fileUrlOf(file));
        clients->addNote(u(code), u("Nota de " + tag));
        return code;
    }

    // The clients and everything around them, but what changes on every write and the
    // merges' own history.
    static std::string dump(const std::vector<std::string>& codes)
    {
        std::ostringstream out;
        for (const std::string& code : codes)
        {
            out << "client " << line(clients->getClient(u(code))) << '\n';
            for (const char* kind : {"contacts", "projects", "tasks", "purchaseOrders", "invoices",
                                     "deals", "files", "activity"})
                for (const Record& record :
                     clients->getRecords(u(code), rtl::OUString::createFromAscii(kind)))
                {
                    if (std::string(kind) == "activity")
                    {
                        const std::string what = textOf(valueOf(record, "kind"));
                        if (what == "merged" || what == "mergeUndone")
                            continue;
                    }
                    out << "  " << kind << ' ' << line(record) << '\n';
                    if (std::string(kind) == "projects")
                        for (const Record& time : clients->getRecords(
                                 u(textOf(valueOf(record, "id"))), u("timeEntries")))
                            out << "    time " << line(time) << '\n';
                }
        }
        return out.str();
    }

    static std::vector<std::string> codesOf(const Record& group)
    {
        Sequence<rtl::OUString> codes;
        valueOf(group, "Codes") >>= codes;
        std::vector<std::string> result;
        for (const rtl::OUString& code : codes)
            result.push_back(s(code));
        return result;
    }

    static std::unique_ptr<Office> office;
    static Reference<XClientDirectory> clients;
};
std::unique_ptr<Office> DuplicatesApi::office;
Reference<XClientDirectory> DuplicatesApi::clients;

TEST_F(DuplicatesApi, AMergeOfClientsWithEveryKindOfRecordIsUndoneToTheRegisterAsItWas)
{
    const std::string keep = clientWithEverything(
        {{"legalName", "Pérez Gómez Asesores, S.L."}, {"taxId", "B12345674"}, {"city", "Madrid"}},
        "keep");
    const std::string other = clientWithEverything(
        {{"legalName", "PEREZ GOMEZ ASESORES SL"}, {"city", "Getafe"}, {"phone", "600123456"}},
        "other");
    const std::string bystander =
        clientWithEverything({{"legalName", "Transportes Ruiz S.A."}}, "bystander");
    const std::string before = dump({keep, other, bystander});

    // Found, with the reason.
    Sequence<Record> groups = clients->findDuplicates(Sequence<NamedValue>());
    ASSERT_EQ(groups.getLength(), 1);
    EXPECT_EQ(codesOf(groups[0]), (std::vector<std::string>{keep, other}));
    sal_Int32 score = 0;
    valueOf(groups[0], "Score") >>= score;
    EXPECT_GE(score, 60);
    Sequence<Record> pairs;
    valueOf(groups[0], "Pairs") >>= pairs;
    ASSERT_EQ(pairs.getLength(), 1);
    EXPECT_EQ(textOf(valueOf(pairs[0], "A")), keep);
    EXPECT_NE(textOf(valueOf(pairs[0], "Reasons")).find("similarName: perez gomez asesores"),
              std::string::npos)
        << textOf(valueOf(pairs[0], "Reasons"));

    // Merged: everything moves to the one that stays, the other is archived.
    const Sequence<rtl::OUString> others = codes({other});
    const sal_Int64 merge = clients->mergeClients(u(keep), others, fields({{"city", other}}));
    EXPECT_GT(merge, 0);
    const Record kept = clients->getClient(u(keep));
    EXPECT_EQ(textOf(valueOf(kept, "city")), "Getafe");     // chosen
    EXPECT_EQ(textOf(valueOf(kept, "phone")), "600123456"); // filled over empty
    EXPECT_EQ(textOf(valueOf(kept, "taxId")), "B12345674");
    for (const char* kind :
         {"contacts", "projects", "tasks", "purchaseOrders", "invoices", "deals", "files"})
    {
        EXPECT_EQ(clients->getRecords(u(keep), rtl::OUString::createFromAscii(kind)).getLength(), 2)
            << kind;
        EXPECT_EQ(clients->getRecords(u(other), rtl::OUString::createFromAscii(kind)).getLength(),
                  0)
            << kind;
    }
    EXPECT_EQ(textOf(valueOf(clients->getClient(u(other)), "archived")), "true");
    const Sequence<Record> activity = clients->getRecords(u(keep), u("activity"));
    EXPECT_EQ(textOf(valueOf(activity[0], "kind")), "merged");
    EXPECT_TRUE(clients->findDuplicates(Sequence<NamedValue>()).getLength() == 0);
    // Merging the archived one again is refused, saying where it went.
    const std::string again = messageOf<css::lang::IllegalArgumentException>(
        [&] { clients->mergeClients(u(bystander), others, {}); });
    EXPECT_NE(again.find("ya se fusionó en " + keep), std::string::npos) << again;

    clients->undoMerge(merge);
    EXPECT_EQ(dump({keep, other, bystander}), before);
    const std::string twice =
        messageOf<css::lang::IllegalArgumentException>([&] { clients->undoMerge(merge); });
    EXPECT_NE(twice.find("ya se deshizo"), std::string::npos) << twice;

    // Marked as not duplicates, the pair is found no more.
    clients->markNotDuplicates(u(other), u(keep));
    EXPECT_EQ(clients->findDuplicates(Sequence<NamedValue>()).getLength(), 0);
}

TEST_F(DuplicatesApi, AnUndoIsRefusedWithTheReasonWhereTheMergeWasChangedSince)
{
    const std::string keep = s(clients->addClient(fields({{"legalName", "Acme Ibérica, S.L."}})));
    const std::string other =
        clientWithEverything({{"legalName", "ACME IBERICA SL"}, {"city", "Toledo"}}, "acme");
    const sal_Int64 merge = clients->mergeClients(u(keep), codes({other}), {});
    // Someone edits what the merge wrote and deletes an invoice it moved.
    clients->updateClient(u(keep), fields({{"city", "Cuenca"}}));
    const Sequence<Record> invoices = clients->getRecords(u(keep), u("invoices"));
    ASSERT_EQ(invoices.getLength(), 1);
    sal_Int64 invoice = 0;
    valueOf(invoices[0], "id") >>= invoice;
    clients->removeRecord(u("invoices"), invoice);

    const std::string refused =
        messageOf<css::lang::IllegalArgumentException>([&] { clients->undoMerge(merge); });
    EXPECT_NE(refused.find("No se puede deshacer la fusión"), std::string::npos) << refused;
    EXPECT_NE(refused.find("«Ciudad» de " + keep), std::string::npos) << refused;
    EXPECT_NE(refused.find("Factura " + std::to_string(invoice) + " se ha eliminado"),
              std::string::npos)
        << refused;
    EXPECT_NE(refused.find("No se ha cambiado nada"), std::string::npos) << refused;
    EXPECT_EQ(textOf(valueOf(clients->getClient(u(other)), "archived")), "true");
}

TEST_F(DuplicatesApi, BadCallsGetClearMessages)
{
    const std::string a = s(clients->addClient(fields({{"legalName", "Uno, S.L."}})));
    const std::string b = s(clients->addClient(fields({{"legalName", "Dos, S.L."}})));
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->mergeClients(u(a), codes({a}), {}); }),
              "no exception");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->mergeClients(u(a), Sequence<rtl::OUString>(), {}); })
                  .find("Elija al menos otro cliente"),
              std::string::npos);
    EXPECT_NE(messageOf<css::container::NoSuchElementException>(
                  [&] { clients->mergeClients(u(a), codes({"C-999999"}), {}); }),
              "no exception");
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->mergeClients(u(a), codes({b}), fields({{"colour", b}}));
                  })
                  .find("colour"),
              std::string::npos);
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] {
                      clients->findDuplicates(fields({{"MinScore", "mucho"}}));
                  })
                  .find("MinScore"),
              std::string::npos);
    EXPECT_NE(messageOf<css::lang::IllegalArgumentException>(
                  [&] { clients->markNotDuplicates(u(a), u(a)); })
                  .find("no es duplicado de sí mismo"),
              std::string::npos);
    EXPECT_NE(
        messageOf<css::container::NoSuchElementException>([&] { clients->undoMerge(424242); }),
        "no exception");
    // Nothing was merged by any of them.
    EXPECT_EQ(textOf(valueOf(clients->getClient(u(b)), "archived")), "false");
}

} // namespace clientes::testing
