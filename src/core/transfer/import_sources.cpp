#include "core/transfer/import_sources.hpp"

#include "core/messages/messages.hpp"
#include "core/text/text_fold.hpp"
#include "core/transfer/export_shape.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>

namespace clientes
{

namespace
{

// What a column of a system's file is.
// A column of a system's list: the field it is, a line of the notes, or what a rule reads.
struct Column
{
    std::string_view header;            // as the system writes it
    ColumnRule rule = ColumnRule::None; // None: `field`, or the notes when `toNotes`
    Field field = Field::Notes;
    bool toNotes = false;
    std::string key{}; // the header folded (headerKey), once at start-up
};

Column field(std::string_view header, Field f)
{
    return {header, ColumnRule::None, f};
}
Column note(std::string_view header)
{
    return {header, ColumnRule::None, Field::Notes, true};
}

struct Preset
{
    SourceSystem system;
    // Headers only this system writes (folded like the columns); `needed` of them make the
    // file this system's.
    std::vector<std::string_view> signature;
    std::size_t needed;
    std::vector<Column> columns;
    std::string_view tagSeparator;
    std::vector<std::string> signatureKeys{}; // `signature` folded, once at start-up
};

// The header lists come from each system's own templates, export code and translations (see
// docs/architecture.md, "Import presets"); both the labels and the technical names where a
// system exports either.
std::string headerKey(std::string_view header);

std::vector<Preset> presetList()
{
    return {
        {SourceSystem::Odoo,
         {"Related Company", "Company Type", "Address Type", "Is a Company", "parent_id",
          "parent_id/id", "company_type", "is_company", "country_id", "state_id", "category_id",
          "Display Name", "Salesperson", "Street2", "Website Link", "Job Position", "function"},
         2,
         {field("Name", Field::LegalName),
          field("name", Field::LegalName),
          field("Display Name", Field::LegalName),
          field("Company Type", Field::Kind),
          field("company_type", Field::Kind),
          {"Is a Company", ColumnRule::CompanyFlag},
          {"is_company", ColumnRule::CompanyFlag},
          field("Street", Field::Street),
          field("Street2", Field::Street2),
          field("City", Field::City),
          field("State", Field::Region),
          field("state_id", Field::Region),
          field("ZIP", Field::PostalCode),
          field("Country", Field::Country),
          field("country_id", Field::Country),
          field("Website", Field::Website),
          field("Website Link", Field::Website),
          field("Phone", Field::Phone),
          field("Mobile", Field::Mobile),
          field("Email", Field::Email),
          field("Tax ID", Field::TaxId),
          field("vat", Field::TaxId),
          field("Tags", Field::Tags),
          field("category_id", Field::Tags),
          field("Reference", Field::Code),
          field("ref", Field::Code),
          field("Notes", Field::Notes),
          field("comment", Field::Notes),
          note("ID"),
          note("id"),
          {"Related Company", ColumnRule::Parent},
          {"parent_id", ColumnRule::Parent},
          {"Address Type", ColumnRule::AddressType},
          {"type", ColumnRule::AddressType},
          {"Job Position", ColumnRule::JobTitle},
          {"function", ColumnRule::JobTitle},
          note("Salesperson"),
          note("user_id")},
         {}},
        {SourceSystem::Holded,
         {"Tags separados por -", "Tags separated by -", "Nombre canal de venta",
          "Cuenta canal de venta", "Sales channel name", "Sales channel account", "Ref. mandato",
          "Mandate ref.", "Command Ref", "Persona de contacto", "Contact person", "SWIFT",
          "Fiscal name", "Contact NIF", "Población"},
         2,
         {field("Nombre", Field::LegalName),
          field("Fiscal name", Field::LegalName),
          field("Nombre fiscal", Field::LegalName),
          field("Nombre comercial", Field::TradeName),
          field("Trade name", Field::TradeName),
          field("NIF", Field::TaxId),
          field("ID", Field::TaxId),
          field("Contact ID", Field::TaxId),
          field("Contact NIF", Field::TaxId),
          field("Email", Field::Email),
          field("Contact email", Field::Email),
          field("Teléfono", Field::Phone),
          field("Phone", Field::Phone),
          field("Móvil", Field::Mobile),
          field("Mobile", Field::Mobile),
          field("Dirección", Field::Street),
          field("Address", Field::Street),
          field("Población", Field::City),
          field("Population", Field::City),
          field("Town", Field::City),
          field("Código postal", Field::PostalCode),
          field("Postal code", Field::PostalCode),
          field("Provincia", Field::Region),
          field("Province", Field::Region),
          field("País", Field::Country),
          field("Country", Field::Country),
          field("Notas", Field::Notes),
          field("Notes", Field::Notes),
          field("Tags separados por -", Field::Tags),
          field("Tags separated by -", Field::Tags),
          field("Moneda", Field::Currency),
          {"Persona de contacto", ColumnRule::ContactPerson},
          {"Contact person", ColumnRule::ContactPerson},
          {"IBAN", ColumnRule::Iban},
          {"SWIFT", ColumnRule::Bic},
          note("Ref. mandato"),
          note("Mandate ref."),
          note("Command Ref")},
         "-"},
        {SourceSystem::Dolibarr,
         {"Alias Name", "Apodo", "Parent company", "Sede central", "Professional ID 1",
          "ID profesional 1", "VAT ID", "CIF intra.", "NIF intra.", "Third-party type",
          "Tipo de tercero", "Prospect potential", "Cliente potencial", "Vendor Code",
          "Código proveedor", "Canvas", "Third-party name", "Nombre del tercero"},
         2,
         {field("Name", Field::LegalName),
          field("Nombre", Field::LegalName),
          field("Third-party name", Field::LegalName),
          field("Nombre del tercero", Field::LegalName),
          field("Alias Name", Field::TradeName),
          field("Apodo", Field::TradeName),
          field("Customer Code", Field::Code),
          field("Código cliente", Field::Code),
          field("Address", Field::Street),
          field("Dirección", Field::Street),
          field("Zip Code", Field::PostalCode),
          field("Código postal", Field::PostalCode),
          field("City", Field::City),
          field("Town", Field::City),
          field("Población", Field::City),
          field("State/Province", Field::Region),
          field("Provincia", Field::Region),
          field("Country", Field::Country),
          field("País", Field::Country),
          field("Phone", Field::Phone),
          field("Teléfono", Field::Phone),
          field("Mobile", Field::Mobile),
          field("Url", Field::Website),
          field("Email", Field::Email),
          field("EMail", Field::Email),
          field("Correo", Field::Email),
          field("VAT ID", Field::TaxId),
          field("CIF intra.", Field::TaxId),
          field("NIF intra.", Field::TaxId),
          field("Third-party type", Field::Kind),
          field("Tipo de tercero", Field::Kind),
          field("Note (private)", Field::Notes),
          field("Nota (privada)", Field::Notes),
          note("Id"),
          note("Note (public)"),
          note("Nota (pública)"),
          note("Professional ID 1"),
          note("ID profesional 1"),
          note("Customer"),
          note("Cliente"),
          note("Vendor"),
          note("Proveedor"),
          note("Status"),
          note("Estado")},
         {}},
        // Dolibarr's contacts export (dataset societe_2): each row a person of the third party
        // in "Company name", in the export's English or Spanish labels.
        {SourceSystem::Dolibarr,
         {"Contact Id", "Id contacto", "Civility code", "Código cortesía", "Job position",
          "Puesto de trabajo", "Company name", "Razón social", "Company Id", "Id empresa"},
         2,
         {{"First name", ColumnRule::NamePart},
          {"Nombre", ColumnRule::NamePart},
          {"Last name", ColumnRule::NamePart},
          {"Apellidos", ColumnRule::NamePart},
          {"Job position", ColumnRule::JobTitle},
          {"Puesto de trabajo", ColumnRule::JobTitle},
          {"Company name", ColumnRule::Parent},
          {"Razón social", ColumnRule::Parent},
          field("Phone", Field::Phone),
          field("Teléfono", Field::Phone),
          field("Mobile", Field::Mobile),
          field("EMail", Field::Email),
          field("Email", Field::Email),
          field("Correo", Field::Email),
          note("Contact Id"),
          note("Id contacto")},
         {}},
        {SourceSystem::ErpNext,
         {"Customer Name", "Customer Type", "Customer Group", "Territory", "Mobile No", "Email Id",
          "Customer Primary Contact", "Customer Primary Address", "Default Price List",
          "Link Name (Links)", "Link Document Type (Links)", "Address Title", "Address Line 1",
          "City/Town", "State/Province"},
         2,
         {field("Customer Name", Field::LegalName),
          // A Contact file: people linked to customers.
          {"First Name", ColumnRule::NamePart},
          {"Middle Name", ColumnRule::NamePart},
          {"Last Name", ColumnRule::NamePart},
          {"Link Name (Links)", ColumnRule::Parent},
          {"Designation", ColumnRule::JobTitle},
          // An Address file: the customers' addresses (Billing, Shipping, Office…), linked as
          // the contacts are; its title is the address's name.
          field("Address Title", Field::LegalName),
          {"Address Type", ColumnRule::AddressType},
          field("Address Line 1", Field::Street),
          field("Address Line 2", Field::Street2),
          field("City/Town", Field::City),
          field("State/Province", Field::Region),
          field("Postal Code", Field::PostalCode),
          field("Country", Field::Country),
          field("Email Address", Field::Email),
          field("Phone", Field::Phone),
          field("Customer Type", Field::Kind),
          field("Tax ID", Field::TaxId),
          field("Mobile No", Field::Mobile),
          field("Email Id", Field::Email),
          field("Website", Field::Website),
          field("Billing Currency", Field::Currency),
          field("Customer Details", Field::Notes),
          note("ID"),
          note("Customer Group"),
          note("Territory"),
          note("Primary Address"),
          {"IBAN", ColumnRule::Iban},
          note("Bank Account No")},
         {}},
        {SourceSystem::GoogleContacts,
         {"File As", "Phonetic First Name", "Organization Name", "Organization Title",
          "E-mail 1 - Value", "E-mail 1 - Label", "E-mail 1 - Type", "Phone 1 - Value",
          "Given Name", "Family Name", "Additional Name", "Group Membership",
          "Organization 1 - Name", "Address 1 - Street", "Labels"},
         2,
         {{"First Name", ColumnRule::NamePart},
          {"Given Name", ColumnRule::NamePart},
          {"Middle Name", ColumnRule::NamePart},
          {"Additional Name", ColumnRule::NamePart},
          {"Last Name", ColumnRule::NamePart},
          {"Family Name", ColumnRule::NamePart},
          {"Organization Name", ColumnRule::Organization},
          {"Organization 1 - Name", ColumnRule::Organization},
          field("E-mail 1 - Value", Field::Email),
          field("Phone 1 - Value", Field::Phone),
          field("Phone 2 - Value", Field::Mobile),
          field("Address 1 - Street", Field::Street),
          field("Address 1 - Extended Address", Field::Street2),
          field("Address 1 - City", Field::City),
          field("Address 1 - Region", Field::Region),
          field("Address 1 - Postal Code", Field::PostalCode),
          field("Address 1 - Country", Field::Country),
          field("Website 1 - Value", Field::Website),
          field("Notes", Field::Notes),
          field("Labels", Field::Tags),
          field("Group Membership", Field::Tags),
          note("Organization Title"),
          note("Organization 1 - Title")},
         {}},
        {SourceSystem::Outlook,
         {"E-mail Address", "E-mail Display Name", "Business Street", "Business Phone",
          "Mobile Phone", "Business Country/Region", "Job Title", "Web Page", "Given Yomi",
          "Home Street", "Business Postal Code"},
         3,
         {{"First Name", ColumnRule::NamePart},
          {"Middle Name", ColumnRule::NamePart},
          {"Last Name", ColumnRule::NamePart},
          {"Company", ColumnRule::Organization},
          field("E-mail Address", Field::Email),
          field("Business Phone", Field::Phone),
          field("Mobile Phone", Field::Mobile),
          field("Business Street", Field::Street),
          field("Business Street 2", Field::Street2),
          field("Business City", Field::City),
          field("Business State", Field::Region),
          field("Business Postal Code", Field::PostalCode),
          field("Business Country/Region", Field::Country),
          field("Business Country", Field::Country),
          field("Web Page", Field::Website),
          field("Notes", Field::Notes),
          field("Categories", Field::Tags),
          note("Job Title"),
          note("Department")},
         {}},
    };
}

// The sheets of records this extension exports (shapeOwnedRecords), in each of its languages:
// every row a record of the client whose code it gives (the legal name beside it is for the
// reader: a row added with the code alone is that client's too). The addresses sheet's "Tipo"
// and the contacts sheet's "Cargo" are what no client list has.
std::vector<Preset> ownRecordSheets()
{
    // The headers' texts, kept for the presets' views.
    static std::vector<std::unique_ptr<std::string>> texts;
    const auto keep = [](std::string text) -> std::string_view
    {
        texts.push_back(std::make_unique<std::string>(std::move(text)));
        return *texts.back();
    };
    std::vector<Preset> sheets;
    for (const Language language : {Language::Es, Language::En, Language::Pt})
    {
        const std::string_view code = keep(fieldLabel(Field::Code, language));
        const std::string_view legalName = keep(fieldLabel(Field::LegalName, language));
        const auto address = [&](RecordField field)
        { return keep(recordFieldLabel(RecordType::Address, field, language)); };
        const std::string_view type = address(RecordField::Type);
        sheets.push_back({SourceSystem::Clientes,
                          {code, legalName, type},
                          3,
                          {{code, ColumnRule::Parent},
                           note(legalName),
                           {type, ColumnRule::AddressType},
                           field(address(RecordField::Name), Field::LegalName),
                           field(address(RecordField::Street), Field::Street),
                           field(address(RecordField::Street2), Field::Street2),
                           field(address(RecordField::PostalCode), Field::PostalCode),
                           field(address(RecordField::City), Field::City),
                           field(address(RecordField::Region), Field::Region),
                           field(address(RecordField::Country), Field::Country),
                           field(address(RecordField::Phone), Field::Phone),
                           field(address(RecordField::Email), Field::Email)},
                          {}});
        const auto contact = [&](RecordField field)
        { return keep(recordFieldLabel(RecordType::Contact, field, language)); };
        const std::string_view role = contact(RecordField::Role);
        sheets.push_back({SourceSystem::Clientes,
                          {code, legalName, role},
                          3,
                          {{code, ColumnRule::Parent},
                           note(legalName),
                           {role, ColumnRule::JobTitle},
                           field(contact(RecordField::Name), Field::LegalName),
                           field(contact(RecordField::Email), Field::Email),
                           field(contact(RecordField::Phone), Field::Phone),
                           field(contact(RecordField::Mobile), Field::Mobile)},
                          {}});
    }
    return sheets;
}

// The presets, their headers folded once.
const std::vector<Preset>& presets()
{
    static const std::vector<Preset> list = []
    {
        std::vector<Preset> folded = presetList();
        for (Preset& sheet : ownRecordSheets())
            folded.push_back(std::move(sheet));
        for (Preset& preset : folded)
        {
            for (std::string_view mark : preset.signature)
                preset.signatureKeys.push_back(headerKey(mark));
            for (Column& column : preset.columns)
                column.key = headerKey(column.header);
        }
        return folded;
    }();
    return list;
}

// A header as the presets compare it: folded (case, accents, punctuation) and with Dolibarr's
// import-example suffix (" (s.nom)", "*") taken off.
std::string headerKey(std::string_view header)
{
    std::string_view text = header;
    const auto open = text.rfind(" (");
    if (open != std::string_view::npos && text.ends_with(")"))
    {
        const std::string_view inside = text.substr(open + 2, text.size() - open - 3);
        const auto dot = inside.find('.');
        if (dot != std::string_view::npos && dot > 0 && dot <= 5 &&
            inside.find(' ') == std::string_view::npos)
            text = text.substr(0, open);
    }
    std::string folded = foldForSearch(text);
    // One space between words.
    std::string key;
    for (char c : folded)
        if (c != ' ' || (!key.empty() && key.back() != ' '))
            key += c;
    while (!key.empty() && key.back() == ' ')
        key.pop_back();
    return key;
}

// Our own list's headers, in any of the three languages.
bool ownExport(const std::vector<std::string>& keys)
{
    for (Language language : {Language::Es, Language::En, Language::Pt})
    {
        std::size_t found = 0;
        for (Field f : exportedClientFields())
            if (std::find(keys.begin(), keys.end(), headerKey(fieldLabel(f, language))) !=
                keys.end())
                ++found;
        if (found == exportedClientFields().size() || found >= 12)
            return true;
    }
    return false;
}

} // namespace

std::string_view systemName(SourceSystem system)
{
    switch (system)
    {
    case SourceSystem::Odoo:
        return "Odoo";
    case SourceSystem::Holded:
        return "Holded";
    case SourceSystem::Dolibarr:
        return "Dolibarr";
    case SourceSystem::ErpNext:
        return "ERPNext";
    case SourceSystem::GoogleContacts:
        return "Google Contacts";
    case SourceSystem::Outlook:
        return "Outlook";
    case SourceSystem::Clientes:
        return "Clientes";
    case SourceSystem::Unknown:
        break;
    }
    return {};
}

SourceLayout sourceLayout(const std::vector<std::string>& headers)
{
    SourceLayout layout;
    std::vector<std::string> keys;
    keys.reserve(headers.size());
    for (const std::string& header : headers)
        keys.push_back(headerKey(header));

    const Preset* best = nullptr;
    std::size_t bestScore = 0;
    for (const Preset& preset : presets())
    {
        std::size_t score = 0;
        for (const std::string& mark : preset.signatureKeys)
            if (std::find(keys.begin(), keys.end(), mark) != keys.end())
                ++score;
        if (score >= preset.needed && score > bestScore)
        {
            best = &preset;
            bestScore = score;
        }
    }
    if (best == nullptr)
    {
        layout.mapping = autoMapping(headers);
        if (ownExport(keys))
            layout.system = SourceSystem::Clientes;
        return layout;
    }

    layout.system = best->system;
    layout.tagSeparator = best->tagSeparator;
    layout.mapping.assign(headers.size(), std::nullopt);
    std::vector<bool> taken(allFields().size());
    std::vector<bool> named(headers.size());
    std::vector<std::pair<std::ptrdiff_t, std::size_t>> nameParts; // preset's order, column
    for (std::size_t c = 0; c < keys.size(); ++c)
    {
        if (keys[c].empty())
            continue;
        const auto column = std::find_if(best->columns.begin(), best->columns.end(),
                                         [&](const Column& known) { return known.key == keys[c]; });
        if (column == best->columns.end())
            continue;
        named[c] = true;
        if (column->toNotes)
            layout.noteColumns.push_back(c);
        else if (column->rule == ColumnRule::NamePart)
            nameParts.emplace_back(column - best->columns.begin(), c);
        else if (column->rule != ColumnRule::None)
        {
            std::optional<std::size_t>& slot = layout.ruleColumns[ruleIndex(column->rule)];
            if (!slot)
                slot = c;
        }
        else if (!taken[static_cast<std::size_t>(column->field)])
        {
            taken[static_cast<std::size_t>(column->field)] = true;
            layout.mapping[c] = column->field;
        }
    }
    // Joined in the order the system's list has them (first name before last name), whatever
    // the order of the columns.
    std::sort(nameParts.begin(), nameParts.end());
    for (const auto& part : nameParts)
        layout.nameParts.push_back(part.second);
    // The columns the system's list does not name: the usual header matching, for fields
    // still free ("Website" in a Holded file written by hand…).
    const ColumnMapping usual = autoMapping(headers);
    for (std::size_t c = 0; c < headers.size(); ++c)
        if (!named[c] && usual[c] && !taken[static_cast<std::size_t>(*usual[c])])
        {
            taken[static_cast<std::size_t>(*usual[c])] = true;
            layout.mapping[c] = usual[c];
        }
    return layout;
}

ColumnRule SourceLayout::ruleOf(std::size_t column) const
{
    if (std::find(nameParts.begin(), nameParts.end(), column) != nameParts.end())
        return ColumnRule::NamePart;
    for (std::size_t r = 0; r < ruleColumns.size(); ++r)
        if (ruleColumns[r] == column)
            return static_cast<ColumnRule>(r);
    return ColumnRule::None;
}

AddressType addressTypeOf(std::string_view addressType)
{
    const std::string folded = foldForSearch(addressType);
    const auto has = [&](std::string_view word) { return folded.find(word) != std::string::npos; };
    if (has("invoice") || has("billing") || has("factura") || has("fatura"))
        return AddressType::Billing;
    if (has("shipping") || has("delivery") || has("envio") || has("entrega"))
        return AddressType::Shipping;
    return AddressType::Other;
}

bool isPersonRow(std::string_view addressType)
{
    const std::string folded = foldForSearch(addressType);
    return folded.empty() || folded == "contact" || folded == "contacto" || folded == "contato" ||
           folded == "person" || folded == "persona" || folded == "pessoa" ||
           folded == "individual";
}

std::optional<bool> yesNoFromText(std::string_view text)
{
    const std::string folded = foldForSearch(text);
    static const std::array<std::string_view, 7> yes = {"1",   "true", "yes",      "si",
                                                        "sim", "x",    "verdadero"};
    static const std::array<std::string_view, 6> no = {"0", "false", "no", "nao", "falso", ""};
    if (std::find(yes.begin(), yes.end(), folded) != yes.end())
        return true;
    if (folded.empty())
        return std::nullopt;
    if (std::find(no.begin(), no.end(), folded) != no.end())
        return false;
    return std::nullopt;
}

} // namespace clientes
