// Step one of the split: the register's API over the SQLite store, delegating.
#include "core/register/register.hpp"

#include "core/store/sqlite/client_store.hpp"
#include "core/store/sqlite/register_file.hpp"

namespace clientes
{

struct Register::Impl
{
    Impl(std::filesystem::path file, StoreOptions options) : store(std::move(file), options) {}
    ClientStore store;
};

Register::Register(std::filesystem::path file, StoreOptions options)
    : impl_(std::make_unique<Impl>(std::move(file), options))
{
}

Register::~Register() = default;

bool Register::isFile() const
{
    return true;
}

std::unique_ptr<Register> openRegister(const std::filesystem::path& file, StoreOptions options)
{
    return std::make_unique<Register>(file, options);
}

RegisterCopyInfo inspectRegisterCopy(const std::filesystem::path& copy)
{
    return sqlite::inspectRegisterCopy(copy);
}

RestoreResult restoreRegisterFrom(const std::filesystem::path& registerFile,
                                  const std::filesystem::path& copy)
{
    return sqlite::restoreRegisterFrom(registerFile, copy);
}

const std::filesystem::path& Register::path() const
{
    return impl_->store.path();
}

void Register::checkpoint()
{
    impl_->store.checkpoint();
}

std::int64_t Register::idleCheckpoints() const
{
    return impl_->store.idleCheckpoints();
}

BackupResult Register::backupTo(const std::filesystem::path& target)
{
    return impl_->store.backupTo(target);
}

Client Register::add(Client client)
{
    return impl_->store.add(std::move(client));
}

std::vector<Client> Register::addMany(std::vector<Client> clients)
{
    return impl_->store.addMany(std::move(clients));
}

std::vector<Client> Register::addMany(std::vector<Client> clients, std::string_view importBatchId)
{
    return impl_->store.addMany(std::move(clients), importBatchId);
}

std::optional<Client> Register::byId(std::int64_t id)
{
    return impl_->store.byId(id);
}

std::optional<Client> Register::byCode(std::string_view code)
{
    return impl_->store.byCode(code);
}

std::optional<Client> Register::byKey(std::string_view key)
{
    return impl_->store.byKey(key);
}

Client Register::update(const Client& client)
{
    return impl_->store.update(client);
}

void Register::setArchived(std::int64_t id, bool archived)
{
    impl_->store.setArchived(id, archived);
}

void Register::archive(std::int64_t id)
{
    impl_->store.archive(id);
}

void Register::restore(std::int64_t id)
{
    impl_->store.restore(id);
}

void Register::deleteClient(std::int64_t id)
{
    impl_->store.deleteClient(id);
}

LinkedRecords Register::linkedRecords(std::int64_t clientId)
{
    return impl_->store.linkedRecords(clientId);
}

SearchPage Register::search(std::string_view query, bool includeArchived, std::size_t limit)
{
    return impl_->store.search(query, includeArchived, limit);
}

std::vector<std::string> Register::findCodes(std::string_view query, int limit)
{
    return impl_->store.findCodes(query, limit);
}

std::int64_t Register::count(bool includeArchived)
{
    return impl_->store.count(includeArchived);
}

std::vector<ClientSummary> Register::clientsWithTag(std::string_view tag, bool includeArchived)
{
    return impl_->store.clientsWithTag(tag, includeArchived);
}

std::vector<TagCount> Register::tagCounts()
{
    return impl_->store.tagCounts();
}

Contact Register::add(Contact contact)
{
    return impl_->store.add(std::move(contact));
}

Contact Register::update(const Contact& contact)
{
    return impl_->store.update(contact);
}

void Register::removeContact(std::int64_t id)
{
    impl_->store.removeContact(id);
}

std::optional<Contact> Register::contact(std::int64_t id)
{
    return impl_->store.contact(id);
}

std::vector<Contact> Register::contacts(std::int64_t clientId)
{
    return impl_->store.contacts(clientId);
}

Project Register::add(Project project)
{
    return impl_->store.add(std::move(project));
}

Project Register::update(const Project& project)
{
    return impl_->store.update(project);
}

void Register::removeProject(std::int64_t id)
{
    impl_->store.removeProject(id);
}

std::optional<Project> Register::project(std::int64_t id)
{
    return impl_->store.project(id);
}

std::vector<Project> Register::projects(std::int64_t clientId)
{
    return impl_->store.projects(clientId);
}

TimeEntry Register::add(TimeEntry entry)
{
    return impl_->store.add(std::move(entry));
}

TimeEntry Register::update(const TimeEntry& entry)
{
    return impl_->store.update(entry);
}

void Register::removeTimeEntry(std::int64_t id)
{
    impl_->store.removeTimeEntry(id);
}

std::optional<TimeEntry> Register::timeEntry(std::int64_t id)
{
    return impl_->store.timeEntry(id);
}

std::vector<TimeEntry> Register::timeEntries(std::int64_t projectId)
{
    return impl_->store.timeEntries(projectId);
}

double Register::projectHours(std::int64_t projectId)
{
    return impl_->store.projectHours(projectId);
}

double Register::clientHours(std::int64_t clientId)
{
    return impl_->store.clientHours(clientId);
}

Task Register::add(Task task)
{
    return impl_->store.add(std::move(task));
}

Task Register::update(const Task& task)
{
    return impl_->store.update(task);
}

void Register::removeTask(std::int64_t id)
{
    impl_->store.removeTask(id);
}

std::optional<Task> Register::task(std::int64_t id)
{
    return impl_->store.task(id);
}

std::vector<Task> Register::tasks(std::int64_t clientId)
{
    return impl_->store.tasks(clientId);
}

PurchaseOrder Register::add(PurchaseOrder order)
{
    return impl_->store.add(std::move(order));
}

PurchaseOrder Register::update(const PurchaseOrder& order)
{
    return impl_->store.update(order);
}

void Register::removePurchaseOrder(std::int64_t id)
{
    impl_->store.removePurchaseOrder(id);
}

std::optional<PurchaseOrder> Register::purchaseOrder(std::int64_t id)
{
    return impl_->store.purchaseOrder(id);
}

std::vector<PurchaseOrder> Register::purchaseOrders(std::int64_t clientId)
{
    return impl_->store.purchaseOrders(clientId);
}

Invoice Register::add(Invoice invoice)
{
    return impl_->store.add(std::move(invoice));
}

Invoice Register::update(const Invoice& invoice)
{
    return impl_->store.update(invoice);
}

void Register::removeInvoice(std::int64_t id)
{
    impl_->store.removeInvoice(id);
}

std::optional<Invoice> Register::invoice(std::int64_t id)
{
    return impl_->store.invoice(id);
}

std::optional<Invoice> Register::invoiceByNumber(std::string_view number)
{
    return impl_->store.invoiceByNumber(number);
}

std::vector<Invoice> Register::invoices(std::int64_t clientId)
{
    return impl_->store.invoices(clientId);
}

Deal Register::add(Deal deal)
{
    return impl_->store.add(std::move(deal));
}

Deal Register::update(const Deal& deal)
{
    return impl_->store.update(deal);
}

void Register::removeDeal(std::int64_t id)
{
    impl_->store.removeDeal(id);
}

std::optional<Deal> Register::deal(std::int64_t id)
{
    return impl_->store.deal(id);
}

std::vector<Deal> Register::deals(std::int64_t clientId)
{
    return impl_->store.deals(clientId);
}

std::vector<Contact> Register::addContacts(std::vector<Contact> contacts)
{
    return impl_->store.addContacts(std::move(contacts));
}

std::vector<Project> Register::addProjects(std::vector<Project> projects)
{
    return impl_->store.addProjects(std::move(projects));
}

std::vector<TimeEntry> Register::addTimeEntries(std::vector<TimeEntry> entries)
{
    return impl_->store.addTimeEntries(std::move(entries));
}

std::vector<Task> Register::addTasks(std::vector<Task> tasks)
{
    return impl_->store.addTasks(std::move(tasks));
}

std::vector<PurchaseOrder> Register::addPurchaseOrders(std::vector<PurchaseOrder> orders)
{
    return impl_->store.addPurchaseOrders(std::move(orders));
}

std::vector<Invoice> Register::addInvoices(std::vector<Invoice> invoices)
{
    return impl_->store.addInvoices(std::move(invoices));
}

std::vector<Deal> Register::addDeals(std::vector<Deal> deals)
{
    return impl_->store.addDeals(std::move(deals));
}

FileInfo Register::attachFile(std::int64_t clientId, std::string_view name, std::string_view mimeType, std::span<const std::uint8_t> bytes)
{
    return impl_->store.attachFile(clientId, name, mimeType, bytes);
}

std::optional<FileInfo> Register::file(std::int64_t id)
{
    return impl_->store.file(id);
}

std::vector<FileInfo> Register::files(std::int64_t clientId)
{
    return impl_->store.files(clientId);
}

std::vector<std::uint8_t> Register::fileBytes(std::int64_t id)
{
    return impl_->store.fileBytes(id);
}

void Register::removeFile(std::int64_t id)
{
    impl_->store.removeFile(id);
}

ActivityEntry Register::addNote(std::int64_t clientId, std::string_view text)
{
    return impl_->store.addNote(clientId, text);
}

ActivityEntry Register::recordImport(std::int64_t clientId, std::string_view batchId)
{
    return impl_->store.recordImport(clientId, batchId);
}

ActivityPage Register::activity(std::int64_t clientId, std::size_t limit, std::int64_t beforeId)
{
    return impl_->store.activity(clientId, limit, beforeId);
}

ProfileSummary Register::summary(std::int64_t clientId, std::string_view today)
{
    return impl_->store.summary(clientId, today);
}

ImportCommitResult Register::commitClientImport(ClientImportCommit commit)
{
    return impl_->store.commitClientImport(std::move(commit));
}

ImportCommitResult Register::commitInvoiceImport(InvoiceImportCommit commit)
{
    return impl_->store.commitInvoiceImport(std::move(commit));
}

std::optional<ImportBatchInfo> Register::lastImport()
{
    return impl_->store.lastImport();
}

ImportUndoResult Register::undoLastImport()
{
    return impl_->store.undoLastImport();
}

void Register::forEachClient(const std::function<void(Client&&)>& visit)
{
    impl_->store.forEachClient(visit);
}

void Register::forEachClientInListOrder(bool includeArchived, const std::function<void(std::size_t)>& begin, const std::function<void(Client&&)>& visit)
{
    impl_->store.forEachClientInListOrder(includeArchived, begin, visit);
}

std::vector<Invoice> Register::allInvoices()
{
    return impl_->store.allInvoices();
}

std::vector<Client> Register::clientsForExport(std::string_view query, const std::vector<std::string>& codes, bool includeArchived)
{
    return impl_->store.clientsForExport(query, codes, includeArchived);
}

std::vector<InvoiceListRow> Register::invoiceList(const InvoiceFilter& filter)
{
    return impl_->store.invoiceList(filter);
}

std::optional<std::string> Register::rememberedMapping(std::string_view key)
{
    return impl_->store.rememberedMapping(key);
}

void Register::rememberMapping(std::string_view key, std::string_view mapping)
{
    impl_->store.rememberMapping(key, mapping);
}

std::int64_t Register::dataVersion()
{
    return impl_->store.dataVersion();
}

} // namespace clientes
