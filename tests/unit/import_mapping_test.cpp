#include "core/messages/messages.hpp"
#include "core/transfer/import_country.hpp"
#include "core/transfer/import_mapping.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clientes
{

namespace
{

void expectField(std::initializer_list<const char*> headers, Field field)
{
    for (const char* header : headers)
    {
        const std::optional<Field> found = fieldForHeader(header);
        ASSERT_TRUE(found.has_value()) << "header “" << header << "” not recognised";
        EXPECT_EQ(fieldName(*found), fieldName(field)) << "header “" << header << "”";
    }
}

void expectNone(std::initializer_list<const char*> headers)
{
    for (const char* header : headers)
    {
        const std::optional<Field> found = fieldForHeader(header);
        EXPECT_FALSE(found.has_value())
            << "header “" << header << "” taken for " << fieldName(found.value_or(Field::Code));
    }
}

} // namespace

TEST(ImportMapping, LegalNameSynonyms)
{
    expectField({"Nombre legal", "Razón social", "Nombre fiscal", "Empresa", "Cliente", "Nombre",
                 "Legal name", "Company", "Company name", "Name", "Razão social", "Nome",
                 "Denominação", "Nome legal"},
                Field::LegalName);
}

TEST(ImportMapping, TradeNameSynonyms)
{
    expectField({"Nombre comercial", "Trade name", "Nome comercial", "Marca"}, Field::TradeName);
}

TEST(ImportMapping, TaxIdSynonyms)
{
    expectField({"NIF", "CIF", "NIE", "DNI", "VAT", "VAT number", "Tax ID", "NIPC", "CNPJ", "CPF",
                 "RFC", "CUIT", "RUT", "NIT", "RUC", "Identificación fiscal",
                 "Número de identificación fiscal", "Contribuinte", "Identificação fiscal"},
                Field::TaxId);
}

TEST(ImportMapping, AddressSynonyms)
{
    expectField({"Dirección", "Domicilio", "Morada", "Address", "Street", "Calle", "Endereço"},
                Field::Street);
    expectField({"C.P.", "CP", "Código postal", "ZIP", "ZIP code", "Postcode", "Postal code",
                 "Código Postal"},
                Field::PostalCode);
    expectField({"Población", "Localidad", "Ciudad", "Municipio", "City", "Town", "Cidade",
                 "Localidade", "Concelho"},
                Field::City);
    expectField(
        {"Provincia", "Región", "Comunidad", "Estado", "State", "Region", "County", "Distrito"},
        Field::Region);
    expectField({"País", "Country", "Nación"}, Field::Country);
}

TEST(ImportMapping, ContactSynonyms)
{
    expectField({"E-mail", "Email", "Correo", "Correo electrónico", "Mail", "Correio eletrónico"},
                Field::Email);
    expectField({"Teléfono", "Tel.", "Phone", "Telephone", "Telefone"}, Field::Phone);
    expectField({"Móvil", "Mobile", "Telemóvel", "Celular", "Mobile Phone", "Mobile No",
                 "Teléfono móvil", "Número de móvil", "Cell phone"},
                Field::Mobile);
    expectField({"Street2", "Street 2", "Address Line 2", "Business Street 2", "Dirección 2",
                 "Complemento", "street2"},
                Field::Street2);
    expectField({"Web", "Website", "Página web", "Sitio web", "URL", "Site"}, Field::Website);
}

TEST(ImportMapping, NotesAndCodeSynonyms)
{
    expectField({"Notas", "Observaciones", "Comentarios", "Notes", "Comments", "Observações"},
                Field::Notes);
    expectField({"Código", "Código cliente", "Client code", "Code", "Ref", "Referencia"},
                Field::Code);
}

TEST(ImportMapping, ApiNames)
{
    for (Field field : allFields())
    {
        const std::string name(fieldName(field));
        const std::optional<Field> found = fieldForHeader(name);
        ASSERT_TRUE(found.has_value()) << name;
        EXPECT_EQ(*found, field) << name;
    }
}

TEST(ImportMapping, ApiNameSpellings)
{
    expectField({"legalname", "LEGALNAME", "legal_name"}, Field::LegalName);
    expectField({"postal_code", "POSTALCODE"}, Field::PostalCode);
    expectField({"tax-id", "TAXID"}, Field::TaxId);
}

TEST(ImportMapping, IgnoresCaseAccentsAndPunctuation)
{
    expectField({"RAZON SOCIAL", "razon social", "Razón  Social:", "  razón-social  ",
                 "RAZÃO SOCIAL", "Razão Social *"},
                Field::LegalName);
    expectField({"c.p.", "C. P.", "C.P", "cp", "Cód. postal", "CODIGO POSTAL"}, Field::PostalCode);
    expectField({"N.I.F.", "nif", "N.I.F", "NIF:", "(NIF)"}, Field::TaxId);
    expectField({"e-mail", "E-Mail", "EMAIL", "e mail", "Correo Electronico"}, Field::Email);
    expectField({"TELÉFONO", "telefono", "Tel"}, Field::Phone);
    expectField({"TELEMOVEL", "Móvil:", "MOVIL"}, Field::Mobile);
    expectField({"Observacoes", "OBSERVAÇÕES"}, Field::Notes);
    expectField({"Código del cliente", "Codigo de cliente", "REF."}, Field::Code);
}

TEST(ImportMapping, ContainedWords)
{
    expectField({"Teléfono fijo", "Número de teléfono", "Phone number", "Teléfono 2",
                 "Teléfono de la empresa"},
                Field::Phone);
    expectField({"Teléfono móvil del cliente", "Tel. móvil", "Móvil de la empresa"}, Field::Mobile);
    expectField({"Dirección de correo electrónico", "Email address", "Correo del cliente",
                 "Customer e-mail", "Email 2", "Endereço de e-mail"},
                Field::Email);
    expectField({"Dirección del cliente", "Dirección 1", "Address line 1", "Nombre de la calle",
                 "Street address", "Domicilio social"},
                Field::Street);
    expectField({"Nombre del cliente", "Client name", "Nombre de la empresa",
                 "Razón social / Nombre", "Nome do cliente", "Customer"},
                Field::LegalName);
    expectField({"NIF/CIF", "NIF / CIF", "Tax ID number", "Identificación fiscal (NIF)",
                 "Nº contribuinte", "CIF empresa", "Tax code", "Partita IVA"},
                Field::TaxId);
    expectField({"Código postal del cliente", "Código postal (CP)", "ZIP / Postcode"},
                Field::PostalCode);
    expectField({"País (ISO)", "Código de país", "Country code"}, Field::Country);
    expectField({"Provincia / región", "State / region", "Estado / região", "Comunidad autónoma"},
                Field::Region);
    expectField({"Web corporativa", "Dirección web", "Página web de la empresa"}, Field::Website);
    expectField({"Notas internas", "Comentarios del cliente"}, Field::Notes);
    expectField({"Nombre comercial de la empresa", "Marca comercial"}, Field::TradeName);
}

TEST(ImportMapping, NoFalsePositives)
{
    expectNone({"Fecha",
                "Importe",
                "Fecha de alta",
                "Fecha de alta del cliente",
                "Importe total",
                "Total",
                "IBAN",
                "Cuenta bancaria",
                "Forma de pago",
                "Tipo de cliente",
                "Estado del cliente",
                "Estado civil",
                "Nombre del contacto",
                "Persona de contacto",
                "Código de vendedor",
                "Número de cliente",
                "Client ID",
                "ID",
                "Comercial",
                "Fax",
                "Descuento",
                "Saldo",
                "Cliente desde",
                "Data",
                "Valor",
                "Categoría",
                "",
                "   ",
                "-",
                "123",
                "🙂",
                "Municipio / Provincia",
                "CP / Población",
                "IVA",
                "Número IVA",
                "Base imponible",
                "Tax",
                "Código IBAN"});
}

TEST(ImportMapping, ExportLabelsRoundTrip)
{
    const std::vector<Field> fields = {
        Field::Code,   Field::LegalName,  Field::TradeName, Field::TaxId,  Field::Country,
        Field::Street, Field::PostalCode, Field::City,      Field::Region, Field::Email,
        Field::Phone,  Field::Website,    Field::Notes};
    for (Language language : {Language::Es, Language::En, Language::Pt})
        for (Field field : fields)
        {
            const std::string header = fieldLabel(field, language);
            const std::optional<Field> found = fieldForHeader(header);
            ASSERT_TRUE(found.has_value()) << header;
            EXPECT_EQ(*found, field) << header;
        }
}

TEST(ImportMapping, AutoMappingOneFieldPerColumn)
{
    const ColumnMapping mapping = autoMapping(
        {"Razón social", "NIF", "Nombre", "CIF", "Fecha", "Teléfono móvil", "Teléfono", "Email"});
    ASSERT_EQ(mapping.size(), 8U);
    EXPECT_EQ(mapping[0], Field::LegalName);
    EXPECT_EQ(mapping[1], Field::TaxId);
    EXPECT_EQ(mapping[2], std::nullopt); // legal name taken by column 0
    EXPECT_EQ(mapping[3], std::nullopt); // tax ID taken by column 1
    EXPECT_EQ(mapping[4], std::nullopt);
    // "Teléfono móvil" is the mobile, beside the phone.
    EXPECT_EQ(mapping[5], Field::Mobile);
    EXPECT_EQ(mapping[6], Field::Phone);
    EXPECT_EQ(mapping[7], Field::Email);
}

TEST(ImportMapping, AutoMappingExactBeforeContained)
{
    // "Nombre del cliente" would be the legal name, but an exact "Razón social" comes later.
    const ColumnMapping mapping = autoMapping({"Nombre del cliente", "Razón social", "Población"});
    EXPECT_EQ(mapping[0], std::nullopt);
    EXPECT_EQ(mapping[1], Field::LegalName);
    EXPECT_EQ(mapping[2], Field::City);
}

TEST(ImportMapping, AutoMappingTypicalSheets)
{
    const ColumnMapping spanish =
        autoMapping({"Cód.", "Cliente", "CIF/NIF", "Domicilio", "C.P.", "Población", "Provincia",
                     "Tfno.", "E-mail", "Observaciones", ""});
    const ColumnMapping expected = {Field::Code,   Field::LegalName,  Field::TaxId,
                                    Field::Street, Field::PostalCode, Field::City,
                                    Field::Region, Field::Phone,      Field::Email,
                                    Field::Notes,  std::nullopt};
    EXPECT_EQ(spanish, expected);
    const ColumnMapping portuguese =
        autoMapping({"Nome", "NIPC", "Morada", "Código Postal", "Localidade", "Distrito", "País",
                     "Telemóvel", "Correio eletrónico", "Site"});
    EXPECT_EQ(portuguese,
              (ColumnMapping{Field::LegalName, Field::TaxId, Field::Street, Field::PostalCode,
                             Field::City, Field::Region, Field::Country, Field::Mobile,
                             Field::Email, Field::Website}));
    const ColumnMapping english =
        autoMapping({"Company name", "VAT number", "Address", "Town", "County", "Postcode",
                     "Country", "Phone", "Email", "Website", "Notes", "Invoice date", "Amount"});
    EXPECT_EQ(english, (ColumnMapping{Field::LegalName, Field::TaxId, Field::Street, Field::City,
                                      Field::Region, Field::PostalCode, Field::Country,
                                      Field::Phone, Field::Email, Field::Website, Field::Notes,
                                      std::nullopt, std::nullopt}));
}

TEST(ImportMapping, MappingKeyIsStable)
{
    const std::string key = mappingKey({"Razón social", "NIF", "Teléfono"});
    EXPECT_EQ(key.size(), 17U);
    EXPECT_EQ(key.front(), 'h');
    EXPECT_EQ(key, mappingKey({"RAZON SOCIAL", "nif", "telefono"}));
    EXPECT_EQ(key, mappingKey({"Razón  social:", "(NIF)", "Teléfono", "", "  "}));
    EXPECT_NE(key, mappingKey({"NIF", "Razón social", "Teléfono"}));
    EXPECT_NE(key, mappingKey({"Razón social", "NIF", "Teléfono", "Email"}));
    EXPECT_NE(key, mappingKey({"Razón social", "", "NIF", "Teléfono"}));
    EXPECT_NE(mappingKey({"ab", "c"}), mappingKey({"a", "bc"}));
    // Fixed by the algorithm (FNV-1a 64 over folded headers), so stored keys stay valid.
    EXPECT_EQ(mappingKey({}), "hcbf29ce484222325");
}

TEST(ImportCountry, NamesInThreeLanguages)
{
    const std::pair<const char*, const char*> cases[] = {
        {"España", "ES"},       {"ESPAÑA", "ES"},         {"spain", "ES"},  {"Espanha", "ES"},
        {"ESP", "ES"},          {"Portugal", "PT"},       {"PRT", "PT"},    {"Francia", "FR"},
        {"França", "FR"},       {"Reino Unido", "GB"},    {"UK", "GB"},     {"U.K.", "GB"},
        {"EE.UU.", "US"},       {"Estados Unidos", "US"}, {"Brasil", "BR"}, {"Brazil", "BR"},
        {"Países Bajos", "NL"}, {"Alemanha", "DE"},       {"México", "MX"}, {" méxico ", "MX"},
        {"Moçambique", "MZ"},   {"Cabo Verde", "CV"}};
    for (const auto& [name, code] : cases)
        EXPECT_EQ(countryCodeForName(name), std::optional<std::string>(code)) << name;
    EXPECT_EQ(countryCodeForName("Narnia"), std::nullopt);
    EXPECT_EQ(countryCodeForName(""), std::nullopt);
    EXPECT_EQ(countryCodeForName("🙂"), std::nullopt);
}

} // namespace clientes
