#include "core/rules/duplicate_match.hpp"

#include "../bench/bench_clients.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clientes
{
namespace
{

struct Spec
{
    const char* name = "";
    const char* trade = "";
    const char* tax = "";
    const char* country = "ES";
    const char* email = "";
    const char* phone = "";
    const char* street = "";
    const char* postal = "";
    const char* city = "";
};

Client make(const Spec& spec, std::int64_t id = 0)
{
    Client client;
    client.id = id;
    client.legalName = spec.name;
    client.tradeName = spec.trade;
    client.taxId = spec.tax;
    client.country = spec.country;
    client.email = spec.email;
    client.phone = spec.phone;
    client.street = spec.street;
    client.postalCode = spec.postal;
    client.city = spec.city;
    return client;
}

DuplicateScore score(const Spec& a, const Spec& b)
{
    return scoreDuplicate(matchKeys(make(a, 1)), matchKeys(make(b, 2)));
}

const DuplicateEvidence* reason(const DuplicateScore& score, DuplicateReason which)
{
    for (const DuplicateEvidence& evidence : score.reasons)
        if (evidence.reason == which)
            return &evidence;
    return nullptr;
}

struct LabelledPair
{
    Spec a;
    Spec b;
    bool duplicate;
};

// Real-looking pairs, labelled as a demanding user would label them.
const std::vector<LabelledPair>& corpus()
{
    static const std::vector<LabelledPair> pairs = {
        // ---------------------------------------------------------- duplicates: legal forms
        {{.name = "Pérez Gómez Asesores, S.L."}, {.name = "PEREZ GOMEZ ASESORES SL"}, true},
        {{.name = "Construções Silva & Filhos, Lda.", .country = "PT"},
         {.name = "Construcoes Silva e Filhos Lda", .country = "PT"},
         true},
        {{.name = "Acme Ltd", .country = "GB", .email = "info@acme.co.uk"},
         {.name = "ACME Limited", .country = "GB", .email = "INFO@acme.co.uk"},
         true},
        {{.name = "Gráficas Alcalá S.A."}, {.name = "Graficas Alcala SA"}, true},
        {{.name = "Inmobiliaria Costa del Sol, S.L.U."},
         {.name = "Inmobiliaria Costa Sol SLU"},
         true},
        {{.name = "Hermanos Fernández Ruiz, C.B."}, {.name = "Hermanos Fernandez Ruiz CB"}, true},
        {{.name = "Panadería La Espiga"}, {.name = "Panaderia Espiga S.L."}, true},
        {{.name = "Viveros El Pinar S.Coop."},
         {.name = "Viveros Pinar Sociedad Cooperativa"},
         true},
        {{.name = "Asesoría Jurídica Domínguez"},
         {.name = "Asesoria Juridica Dominguez S.L.P."},
         true},
        {{.name = "Carpintería Jiménez e Hijos"}, {.name = "Carpinteria Jimenez Hijos S.L."}, true},
        {{.name = "Restaurante Casa Pepe"}, {.name = "Restaurante Casa Pepe, S.L."}, true},
        {{.name = "Talleres Mecánicos Ibáñez"}, {.name = "Talleres Mecanicos Ibañez S.A."}, true},
        {{.name = "Óptica Visión Sur"}, {.name = "Optica Vision Sur SL"}, true},
        {{.name = "Distribuciones Levante Sociedad Limitada"},
         {.name = "Distribuciones Levante SL"},
         true},
        {{.name = "Fomento Agrícola Sociedad Anónima"}, {.name = "Fomento Agricola, S.A."}, true},
        {{.name = "Padaria Lusitana, Lda.", .country = "PT"},
         {.name = "Padaria Lusitana Limitada", .country = "PT"},
         true},
        {{.name = "Construções Oliveira & Filhos, S.A.", .country = "PT"},
         {.name = "Construcoes Oliveira Filhos SA", .country = "PT"},
         true},
        {{.name = "Comércio de Vinhos do Porto Unipessoal Lda", .country = "PT"},
         {.name = "Comercio Vinhos Porto, Lda.", .country = "PT"},
         true},
        {{.name = "Consultoria Ferreira & Costa", .country = "PT"},
         {.name = "Consultoria Ferreira e Costa Lda", .country = "PT"},
         true},
        {{.name = "Smith & Jones LLP", .country = "GB"},
         {.name = "Smith and Jones", .country = "GB"},
         true},
        {{.name = "Bright Future Consulting Inc.", .country = "US"},
         {.name = "Bright Future Consulting, Inc", .country = "US"},
         true},
        {{.name = "Global Trade Partners Ltd", .country = "GB"},
         {.name = "Global Trade Partners Limited", .country = "GB"},
         true},
        {{.name = "The Green Grocer", .country = "GB"},
         {.name = "Green Grocer Ltd", .country = "GB"},
         true},
        {{.name = "Boulangerie Dupont SARL", .country = "FR"},
         {.name = "Boulangerie Dupont S.A.R.L.", .country = "FR"},
         true},
        {{.name = "Rossi Costruzioni S.r.l.", .country = "IT"},
         {.name = "Rossi Costruzioni SRL", .country = "IT"},
         true},
        {{.name = "Schmidt Maschinenbau GmbH", .country = "DE"},
         {.name = "Schmidt Maschinenbau", .country = "DE"},
         true},
        {{.name = "Acme Iberia S.A."}, {.name = "ACME IBERIA"}, true},
        {{.name = "Cervecería Los Arcos, S.L."}, {.name = "Cerveceria Arcos"}, true},
        // ---------------------------------------------------------- duplicates: typos
        {{.name = "Transportes Martínez"}, {.name = "Transportes Martínes"}, true},
        {{.name = "Electricidad Gutiérrez"}, {.name = "Electricidad Gutierez S.L."}, true},
        {{.name = "Fontanería Hernández"}, {.name = "Fontaneria Hernandes"}, true},
        {{.name = "Construcciones Rodríguez"}, {.name = "Construciones Rodriguez SL"}, true},
        {{.name = "Oakwood Software Corp", .country = "GB"},
         {.name = "Oakwood Sofware Corporation", .country = "GB"},
         true},
        {{.name = "Antonio Rodríguez Sánchez"}, {.name = "Antonio Rodrigez Sanchez"}, true},
        {{.name = "Distribuciones Alimentarias Gómez"},
         {.name = "Distribuciones Alimentarias Gomes"},
         true},
        {{.name = "Inmobiliaria Mediterráneo"}, {.name = "Inmobiliaria Mediteraneo S.L."}, true},
        {{.name = "Serralharia Magalhães", .country = "PT"},
         {.name = "Serralharia Magalhaes Lda", .country = "PT"},
         true},
        {{.name = "Consultoria Gonçalves", .country = "PT"},
         {.name = "Consultoria Goncalvez", .country = "PT"},
         true},
        {{.name = "Papelería Martín"}, {.name = "Papeleria Matrin"}, true},
        {{.name = "Cristalería Sánchez Hermanos"}, {.name = "Cristaleria Sanchez Hernamos"}, true},
        {{.name = "Gestoría Valverde"}, {.name = "Gestoria Balverde"}, true},
        {{.name = "Padaria Jiménez Unipessoal Lda.", .country = "PT"},
         {.name = "Padaria Jimenez Unipesoal Lda", .country = "PT"},
         true},
        // ---------------------------------------------------------- duplicates: tax IDs
        {{.name = "Distribuciones Alonso S.L.", .tax = "B-12.345.678"},
         {.name = "Distrib. Alonso", .tax = "ESB12345678"},
         true},
        {{.name = "Transportes Hermanos Castaño", .tax = "B 87654321"},
         {.name = "Transportes Hnos. Castaño", .tax = "B87654321"},
         true},
        {{.name = "Almacenes Ruiz S.A.", .tax = "ES-A28015865"},
         {.name = "Almacenes Ruiz", .tax = "A28015865"},
         true},
        {{.name = "Juan Pérez García", .tax = "12345678-Z"},
         {.name = "Pérez García, Juan", .tax = "12345678Z"},
         true},
        {{.name = "Comércio Central, Lda.", .tax = "PT 501 234 567", .country = "PT"},
         {.name = "Central Comércio", .tax = "501234567", .country = "PT"},
         true},
        {{.name = "Maria da Conceição Santos", .tax = "123 456 789", .country = "PT"},
         {.name = "Conceição Santos", .tax = "PT123456789", .country = "PT"},
         true},
        {{.name = "Northwind Trading Ltd", .tax = "GB 123 4567 89", .country = "GB"},
         {.name = "Northwind", .tax = "123456789", .country = "GB"},
         true},
        {{.name = "Electrónica Vega", .tax = "b-99887766"},
         {.name = "Electronica Vega y Asociados", .tax = "B99887766"},
         true},
        {{.name = "Asesoría Fiscal Norte", .tax = "J-11223344"},
         {.name = "Gestiones Norteñas", .tax = "J11223344"},
         true},
        {{.name = "Clínica Veterinaria Sanz", .tax = "X-1234567-L"},
         {.name = "Veterinaria Sanz", .tax = "X1234567L"},
         true},
        // ---------------------------------------------------------- duplicates: e-mail
        {{.name = "Talleres Ruiz S.L.", .email = "taller@talleresruiz.es"},
         {.name = "Mecánica Ruiz", .email = "Taller@TalleresRuiz.es"},
         true},
        {{.name = "Ana Belén Torres", .email = "anabelen.torres@gmail.com"},
         {.name = "Estética Ana Belén", .email = "anabelen.torres@gmail.com"},
         true},
        {{.name = "Quinta do Vale Verde", .country = "PT", .email = "geral@quintavaleverde.pt"},
         {.name = "Vinhos Vale Verde", .country = "PT", .email = "geral@quintavaleverde.pt"},
         true},
        {{.name = "Bodegas Rioja Alta", .email = "info@acme.es"},
         {.name = "Bodegas La Rioja Alta S.A.", .email = "info@acme.es"},
         true},
        {{.name = "Consultoría Norte S.L.", .email = "ana@consultorianorte.es"},
         {.name = "Consultoria Nortee", .email = "pedro@consultorianorte.es"},
         true},
        {{.name = "Lopez Arquitectos", .email = "jlopez@lopezarquitectos.com"},
         {.name = "López Arquitectos Asociados", .email = "jlopez@lopezarquitectos.com"},
         true},
        // ---------------------------------------------------------- duplicates: phone, address
        {{.name = "Ferretería Núñez", .phone = "+34 600 12 34 56"},
         {.name = "Ferreteria Nunez S.L.", .phone = "600123456"},
         true},
        {{.name = "María José López", .phone = "+34 91 555 12 34"},
         {.name = "Maria Jose Lopez Sanchez", .phone = "915551234"},
         true},
        {{.name = "Bar Manolo", .phone = "954 22 33 44"},
         {.name = "Bar Manolo Hermanos", .phone = "+34954223344"},
         true},
        {{.name = "Sebastião Brandão", .country = "PT", .phone = "+351 912 345 678"},
         {.name = "Sebastiao Brandao Lda", .country = "PT", .phone = "912345678"},
         true},
        {{.name = "Clínica Dental Sonrisa", .street = "Calle Mayor, 3", .postal = "28001"},
         {.name = "Clinica Dental Sonrisa SL", .street = "C/ Mayor 3", .postal = "28001"},
         true},
        {{.name = "Müller GmbH",
          .country = "DE",
          .phone = "+49 30 1234567",
          .street = "Hauptstraße 5",
          .postal = "10115"},
         {.name = "Mueller GmbH",
          .country = "DE",
          .phone = "0301234567",
          .street = "Hauptstrasse 5",
          .postal = "10115"},
         true},
        {{.name = "Distribuciones Ibéricas del Norte S.L.", .trade = "Dinor"},
         {.name = "Dinor"},
         true},
        {{.name = "Hostelería Levantina S.L.", .trade = "Hotel Las Palmeras"},
         {.name = "Hotel Las Palmeras"},
         true},
        {{.name = "João Magalhães Simões", .country = "PT"},
         {.name = "Joao Magalhaes Simoes", .country = "PT"},
         true},
        {{.name = "Juan Pérez García"}, {.name = "Juan Perez Garcia"}, true},
        {{.name = "Pedro Alonso",
          .phone = "611 22 33 44",
          .street = "Calle Real 8",
          .postal = "47001"},
         {.name = "Pedro Alonso Martín",
          .phone = "611223344",
          .street = "C/ Real, 8",
          .postal = "47001"},
         true},
        {{.name = "Carmen Ortiz Vidal",
          .email = "carmen.ortiz@hotmail.com",
          .phone = "622 33 44 55"},
         {.name = "Carmen Ortiz", .email = "cortiz@yahoo.es", .phone = "+34 622 334 455"},
         true},

        // ---------------------------------------------------------- not duplicates: people
        {{.name = "Juan Pérez García"}, {.name = "María Pérez García"}, false},
        {{.name = "Juan Pérez García",
          .phone = "915 55 66 77",
          .street = "Calle Toledo 4",
          .postal = "28005"},
         {.name = "María Pérez García",
          .phone = "915556677",
          .street = "Calle Toledo 4",
          .postal = "28005"},
         false},
        {{.name = "José Fernández López"}, {.name = "Antonio Fernández López"}, false},
        {{.name = "Ana Silva Santos", .country = "PT"},
         {.name = "Inês Silva Santos", .country = "PT"},
         false},
        {{.name = "Juan García López"}, {.name = "Juan García Pérez"}, false},
        {{.name = "Juan Pérez García", .tax = "12345678Z"},
         {.name = "Juan Pérez García", .tax = "87654321X"},
         false},
        {{.name = "Lucía Romero Díaz"}, {.name = "Lucía Moreno Díaz"}, false},
        {{.name = "Rodrigo Costa", .country = "PT"},
         {.name = "Rodrigo Sousa", .country = "PT"},
         false},
        {{.name = "Beatriz Ferreira Martins", .country = "PT"},
         {.name = "Beatriz Pereira Martins", .country = "PT"},
         false},
        {{.name = "Manuel Jiménez", .city = "Sevilla"},
         {.name = "Manuel Giménez Ruiz", .city = "Sevilla"},
         false},
        {{.name = "Álvaro Núñez Peña"}, {.name = "Óscar Núñez Peña"}, false},
        {{.name = "Íñigo Ibáñez"}, {.name = "Iñaki Ibáñez"}, false},
        // ---------------------------------------------------------- not duplicates: family firms
        {{.name = "Construcciones Pérez"}, {.name = "Transportes Pérez"}, false},
        {{.name = "Construcciones Pérez S.L.", .phone = "976 11 22 33"},
         {.name = "Transportes Pérez S.L.", .phone = "976 11 22 33"},
         false},
        {{.name = "Farmacia López", .city = "Madrid"},
         {.name = "Farmacia García", .city = "Madrid"},
         false},
        {{.name = "Panadería San José"}, {.name = "Panadería San Juan"}, false},
        {{.name = "Bar Central"}, {.name = "Café Central"}, false},
        {{.name = "Pereira & Filhos", .country = "PT"},
         {.name = "Ferreira & Filhos", .country = "PT"},
         false},
        {{.name = "Martins Construções", .country = "PT"},
         {.name = "Martin Construcciones"},
         false},
        {{.name = "Smith & Jones LLP", .country = "GB"},
         {.name = "Smith & Brown LLP", .country = "GB"},
         false},
        {{.name = "Oakwood Software", .country = "GB"},
         {.name = "Oakwood Hardware", .country = "GB"},
         false},
        {{.name = "Restaurante El Faro"}, {.name = "Restaurante La Farola"}, false},
        {{.name = "Grupo Alfa S.A."}, {.name = "Grupo Beta S.A."}, false},
        {{.name = "Talleres Gómez e Hijos"}, {.name = "Recambios Gómez e Hijos"}, false},
        {{.name = "Hermanos Fernández Ruiz C.B."}, {.name = "Hermanos Fernández Gil C.B."}, false},
        {{.name = "Inmobiliaria Sol"}, {.name = "Inmobiliaria Luna"}, false},
        {{.name = "Fontanería Hernández"}, {.name = "Electricidad Hernández"}, false},
        {{.name = "Clínica Dental Ruiz", .city = "Valencia"},
         {.name = "Clínica Veterinaria Ruiz", .city = "Valencia"},
         false},
        {{.name = "Acme"}, {.name = "Acne"}, false},
        {{.name = "Acme Ltd", .country = "GB"}, {.name = "Apex Ltd", .country = "GB"}, false},
        // ---------------------------------------------------------- not duplicates: shared things
        {{.name = "Ana Torres", .email = "ana.torres@gmail.com"},
         {.name = "Luis Ortega", .email = "lortega@gmail.com"},
         false},
        {{.name = "Gestoría Ramos", .email = "ramos@telefonica.net"},
         {.name = "Gestoría Ramírez", .email = "ramirez@telefonica.net"},
         false},
        {{.name = "Padaria Silva", .country = "PT", .email = "padaria.silva@sapo.pt"},
         {.name = "Talho Silva", .country = "PT", .email = "talho.silva@sapo.pt"},
         false},
        {{.name = "Juan Gil", .email = "juan@empresa.es"},
         {.name = "Pedro Sanz", .email = "pedro@empresa.es"},
         false},
        {{.name = "Asesoría Fiscal Martín", .phone = "91 444 55 66"},
         {.name = "Inmobiliaria Martín", .phone = "914445566"},
         false},
        {{.name = "Asesoría Fiscal Martín",
          .phone = "91 444 55 66",
          .street = "Calle Goya 10",
          .postal = "28001"},
         {.name = "Abogados Serrano",
          .phone = "914445566",
          .street = "Calle Goya, 10",
          .postal = "28001"},
         false},
        {{.name = "Gestoría Ramos", .street = "Paseo de Gracia 21", .postal = "08007"},
         {.name = "Dentista Ortiz", .street = "Paseo de Gracia 21", .postal = "08007"},
         false},
        {{.name = "Ferretería Centro", .street = "Calle Mayor 3", .postal = "28001"},
         {.name = "Ferretería Norte", .street = "Calle Mayor 5", .postal = "28001"},
         false},
        {{.name = "Panadería Real", .postal = "28001", .city = "Madrid"},
         {.name = "Joyería Real", .postal = "28001", .city = "Madrid"},
         false},
        {{.name = "Costa Consultores", .country = "ES"},
         {.name = "Costa Consultores", .country = "PT"},
         false},
        {{.name = "Global Services Ltd", .country = "GB"},
         {.name = "Global Services GmbH", .country = "DE"},
         false},
        {{.name = "Ana López", .phone = "600 00 00 00"},
         {.name = "Eva Martín", .phone = "600000000"},
         false},
        {{.name = "Carlos Ruiz", .city = "Bilbao"},
         {.name = "Javier Ortega", .city = "Bilbao"},
         false},
        // ---------------------------------------------------------- not duplicates: tax IDs
        {{.name = "Transportes Martínez S.L.", .tax = "B11111111"},
         {.name = "Transportes Martínez SL", .tax = "B22222222"},
         false},
        {{.name = "Farmacia López", .tax = "12345678Z", .city = "Madrid"},
         {.name = "Farmacia López", .tax = "23456789D", .city = "Sevilla"},
         false},
        {{.name = "Construções Silva, Lda.", .tax = "501234567", .country = "PT"},
         {.name = "Construcoes Silva Lda", .tax = "509876543", .country = "PT"},
         false},
        {{.name = "Restaurante Casa Pepe", .tax = "B33445566", .phone = "965 12 34 56"},
         {.name = "Restaurante Casa Pepe", .tax = "B66554433", .phone = "965 12 34 56"},
         false},
        {{.name = "Acme Ltd", .tax = "GB123456789", .country = "GB", .email = "info@acme.co.uk"},
         {.name = "Acme Holdings Ltd",
          .tax = "GB987654321",
          .country = "GB",
          .email = "info@acme.co.uk"},
         false},
        {{.name = "Inmobiliaria Mediterráneo", .tax = "B-44556677"},
         {.name = "Inmobiliaria Mediteraneo", .tax = "B-77665544"},
         false},
        {{.name = "Óptica Visión Sur", .tax = "B10203040"},
         {.name = "Óptica Visión Norte", .tax = "B40302010"},
         false},
        {{.name = "Manuel Sánchez Gil", .tax = "11111111H"},
         {.name = "Manuel Sanchez Gil", .tax = "22222222J"},
         false},
        {{.name = "Transportes Silva", .tax = "PT 501 111 111", .country = "PT"},
         {.name = "Transportes Silva", .tax = "B11112222", .country = "ES"},
         false},
        {{.name = "Cafetería Plaza", .tax = "E12341234"},
         {.name = "Cafeteria Plaza", .tax = "E43214321"},
         false},
        {{.name = "Librería Nueva"}, {.name = "Librería Antigua"}, false},
        {{.name = "Frutas Hermanos García"}, {.name = "Frutas Hermanos Gracia Pons"}, false},
        {{.name = "Seguros Atlántico", .tax = "A-11223344"}, {.name = "Seguros Atlántida"}, false},
        {{.name = "Talleres Reunidos"}, {.name = "Talleres Unidos"}, false},
    };
    return pairs;
}

std::string describe(const Spec& spec)
{
    return std::string(spec.name) + (*spec.trade ? std::string(" [") + spec.trade + "]" : "");
}

} // namespace

// ------------------------------------------------------------------ foldFirmName

TEST(DuplicateFoldFirmName, LegalFormsAndConnectors)
{
    EXPECT_EQ(foldFirmName("Pérez Gómez Asesores, S.L."), "perez gomez asesores");
    EXPECT_EQ(foldFirmName("PEREZ GOMEZ ASESORES SL"), "perez gomez asesores");
    EXPECT_EQ(foldFirmName("Construções Silva & Filhos, Lda."), "construcoes silva filhos");
    EXPECT_EQ(foldFirmName("Construcoes Silva e Filhos Lda"), "construcoes silva filhos");
    EXPECT_EQ(foldFirmName("Acme Ltd"), "acme");
    EXPECT_EQ(foldFirmName("ACME Limited"), "acme");
    EXPECT_EQ(foldFirmName("Viveros El Pinar S.Coop."), "viveros pinar");
    EXPECT_EQ(foldFirmName("Viveros Pinar Sociedad Cooperativa"), "viveros pinar");
    EXPECT_EQ(foldFirmName("Fomento Agrícola Sociedad Anónima"), "fomento agricola");
    EXPECT_EQ(foldFirmName("Distribuciones Levante Sociedad Limitada"), "distribuciones levante");
    EXPECT_EQ(foldFirmName("Comércio do Porto Unipessoal Lda"), "comercio porto");
    EXPECT_EQ(foldFirmName("Rossi Costruzioni S.r.l."), "rossi costruzioni");
    EXPECT_EQ(foldFirmName("Boulangerie Dupont S.A.R.L."), "boulangerie dupont");
    EXPECT_EQ(foldFirmName("Schmidt Maschinenbau GmbH & Co. KG"), "schmidt maschinenbau");
    EXPECT_EQ(foldFirmName("The Green Grocer PLC"), "green grocer");
    EXPECT_EQ(foldFirmName("Hermanos Fernández Ruiz, C.B."), "hermanos fernandez ruiz");
    EXPECT_EQ(foldFirmName("Mercados del Sur, S.A.U."), "mercados sur");
    EXPECT_EQ(foldFirmName("Brasil Comércio ME"), "brasil comercio");
    EXPECT_EQ(foldFirmName("Indústria Paulista EIRELI"), "industria paulista");
    EXPECT_EQ(foldFirmName("Tech Solutions LLC"), "tech solutions");
    EXPECT_EQ(foldFirmName("Heineken N.V."), "heineken");
    // A typo in a long legal-form word still drops it.
    EXPECT_EQ(foldFirmName("Viveros Pinar Sociedad Coperativa"), "viveros pinar");
    EXPECT_EQ(foldFirmName("Padaria Jiménez Unipesoal Lda"), "padaria jimenez");
}

TEST(DuplicateFoldFirmName, KeepsInitialsAndNamesMadeOfFormsOnly)
{
    EXPECT_EQ(foldFirmName("J. M. Ortega S.L."), "j m ortega");
    EXPECT_EQ(foldFirmName("A.B.C. Servicios S.A."), "a b c servicios");
    EXPECT_EQ(foldFirmName("S.A."), "s a");
    EXPECT_EQ(foldFirmName(""), "");
    EXPECT_EQ(foldFirmName("  ,, "), "");
    EXPECT_EQ(foldFirmName("María José López"), "maria jose lopez");
}

// ------------------------------------------------------------------ single scores

TEST(DuplicateScore, ReasonNames)
{
    EXPECT_EQ(duplicateReasonName(DuplicateReason::SameTaxId), "sameTaxId");
    EXPECT_EQ(duplicateReasonName(DuplicateReason::SameEmail), "sameEmail");
    EXPECT_EQ(duplicateReasonName(DuplicateReason::EmailDomainAndName), "emailDomainAndName");
    EXPECT_EQ(duplicateReasonName(DuplicateReason::SamePhone), "samePhone");
    EXPECT_EQ(duplicateReasonName(DuplicateReason::SimilarName), "similarName");
    EXPECT_EQ(duplicateReasonName(DuplicateReason::SameAddress), "sameAddress");
}

TEST(DuplicateScore, KeysOfOneClient)
{
    const MatchKeys keys = matchKeys(make({.name = "Pérez Gómez Asesores, S.L.",
                                           .trade = "Asesoría Pérez",
                                           .tax = "ESB-12.345.678",
                                           .country = "es",
                                           .email = " Info@Acme.ES ",
                                           .phone = "+34 600 12 34 56",
                                           .street = "C/ Mayor, nº 3",
                                           .postal = "28001"},
                                          7));
    EXPECT_EQ(keys.id, 7);
    EXPECT_EQ(keys.country, "ES");
    EXPECT_EQ(keys.taxId, "B12345678");
    EXPECT_EQ(keys.email, "info@acme.es");
    EXPECT_EQ(keys.emailDomain, "acme.es");
    EXPECT_EQ(keys.phone, "600123456");
    EXPECT_EQ(keys.address, "calle mayor 3, 28001");
    ASSERT_EQ(keys.names.size(), 2u);
    EXPECT_EQ(keys.names[0].text, "perez gomez asesores");
    EXPECT_EQ(keys.names[1].text, "asesoria perez");
    EXPECT_EQ(matchKeys(make({.email = "ana@gmail.com"})).emailDomain, "");
    EXPECT_EQ(matchKeys(make({.phone = "12 34"})).phone, "");
}

TEST(DuplicateScore, FreeMailDomains)
{
    for (const char* domain :
         {"gmail.com",   "googlemail.com", "hotmail.es",     "hotmail.co.uk",  "outlook.pt",
          "live.com",    "msn.com",        "yahoo.es",       "yahoo.com.br",   "icloud.com",
          "me.com",      "aol.com",        "gmx.de",         "protonmail.com", "proton.me",
          "sapo.pt",     "terra.es",       "telefonica.net", "movistar.es",    "orange.es",
          "vodafone.es", "mail.ru",        "yandex.ru",      "zoho.com",       "hey.com"})
        EXPECT_TRUE(isFreeMailDomain(domain)) << domain;
    for (const char* domain :
         {"acme.es", "talleresruiz.es", "mail.acme.es", "gmailconsulting.com", "live-events.es"})
        EXPECT_FALSE(isFreeMailDomain(domain)) << domain;
}

TEST(DuplicateScore, NameSimilarity)
{
    const auto tokens = [](const char* name)
    { return matchKeys(make({.name = name})).names[0].tokens; };
    EXPECT_DOUBLE_EQ(nameSimilarity(tokens("Asesores Pérez Gómez"), tokens("Pérez Gómez Asesores")),
                     1.0);
    EXPECT_GE(nameSimilarity(tokens("Transportes Martínez"), tokens("Transportes Martínes")), 0.9);
    EXPECT_LT(nameSimilarity(tokens("Juan Pérez García"), tokens("María Pérez García")), 0.5);
    EXPECT_LT(nameSimilarity(tokens("Pérez Gómez Asesores"), tokens("Pérez Gómez")), 0.75);
    EXPECT_EQ(nameSimilarity({}, tokens("Acme")), 0.0);
}

TEST(DuplicateScore, TaxIdPairNamesTheNormalisedId)
{
    const DuplicateScore result =
        score({.name = "Distribuciones Alonso S.L.", .tax = "B-12.345.678"},
              {.name = "Otra Cosa", .tax = "ESB12345678"});
    ASSERT_FALSE(result.reasons.empty());
    EXPECT_EQ(result.reasons.front().reason, DuplicateReason::SameTaxId);
    EXPECT_EQ(result.reasons.front().detail, "B12345678");
    EXPECT_EQ(result.reasons.front().points, 95);
    EXPECT_GE(result.score, 95);
}

TEST(DuplicateScore, EvidenceDetails)
{
    const DuplicateScore email = score({.name = "Acme Iberia", .email = "info@acme.es"},
                                       {.name = "Otro Nombre", .email = "INFO@acme.es"});
    ASSERT_NE(reason(email, DuplicateReason::SameEmail), nullptr);
    EXPECT_EQ(reason(email, DuplicateReason::SameEmail)->detail, "info@acme.es");
    EXPECT_GE(email.score, kDefaultDuplicateScore);

    const DuplicateScore domain = score({.name = "Acme Iberia S.A.", .email = "ana@acme.es"},
                                        {.name = "ACME IBERIA", .email = "luis@acme.es"});
    ASSERT_NE(reason(domain, DuplicateReason::EmailDomainAndName), nullptr);
    EXPECT_EQ(reason(domain, DuplicateReason::EmailDomainAndName)->detail, "acme.es");
    ASSERT_NE(reason(domain, DuplicateReason::SimilarName), nullptr);
    EXPECT_EQ(reason(domain, DuplicateReason::SimilarName)->detail, "acme iberia");
    EXPECT_EQ(domain.reasons.front().reason, DuplicateReason::SimilarName); // 75 before 55

    const DuplicateScore phone = score({.name = "Ferretería Núñez", .phone = "+34 600 12 34 56"},
                                       {.name = "Ferreteria Nunez S.L.", .phone = "600123456"});
    ASSERT_NE(reason(phone, DuplicateReason::SamePhone), nullptr);
    EXPECT_EQ(reason(phone, DuplicateReason::SamePhone)->detail, "600123456");

    const DuplicateScore name =
        score({.name = "Pérez Gómez Asesores, S.L."}, {.name = "PEREZ GOMEZ ASESORES SL"});
    ASSERT_EQ(name.reasons.size(), 1u);
    EXPECT_EQ(name.reasons[0].reason, DuplicateReason::SimilarName);
    EXPECT_EQ(name.reasons[0].detail, "perez gomez asesores");
    EXPECT_EQ(name.score, 75);

    const DuplicateScore address =
        score({.name = "Clínica Dental Sonrisa", .street = "Calle Mayor, 3", .postal = "28001"},
              {.name = "Clinica Dental Sonrisa SL", .street = "C/ Mayor 3", .postal = "28001"});
    ASSERT_NE(reason(address, DuplicateReason::SameAddress), nullptr);
    EXPECT_EQ(reason(address, DuplicateReason::SameAddress)->detail, "calle mayor 3, 28001");
    // 100 * (1 - 0.25 * 0.65) = 83.75
    EXPECT_EQ(address.score, 84);
}

TEST(DuplicateScore, ConflictsLowerTheScore)
{
    const DuplicateScore taxIds = score({.name = "Transportes Martínez S.L.", .tax = "B11111111"},
                                        {.name = "Transportes Martínez SL", .tax = "B22222222"});
    EXPECT_LE(taxIds.score, 25);
    EXPECT_FALSE(taxIds.reasons.empty()); // the evidence is still shown
    EXPECT_LT(score({.name = "Juan Pérez García"}, {.name = "María Pérez García"}).score,
              kDefaultDuplicateScore);
    EXPECT_LT(score({.name = "Construcciones Pérez"}, {.name = "Transportes Pérez"}).score,
              kDefaultDuplicateScore);
    EXPECT_LT(score({.name = "Costa Consultores", .country = "ES"},
                    {.name = "Costa Consultores", .country = "PT"})
                  .score,
              score({.name = "Costa Consultores", .country = "ES"},
                    {.name = "Costa Consultores", .country = "ES"})
                  .score);
    const DuplicateScore nothing = score({.name = "Bar Central"}, {.name = "Joyería Luna"});
    EXPECT_EQ(nothing.score, 0);
    EXPECT_TRUE(nothing.reasons.empty());
}

// ------------------------------------------------------------------ the labelled corpus

TEST(DuplicateCorpus, PrecisionAndRecallAtTheDefaultThreshold)
{
    int tp = 0, fp = 0, fn = 0, tn = 0;
    for (const LabelledPair& pair : corpus())
    {
        const DuplicateScore result = score(pair.a, pair.b);
        const bool flagged = result.score >= kDefaultDuplicateScore;
        // The score is symmetric.
        EXPECT_EQ(score(pair.b, pair.a).score, result.score)
            << describe(pair.a) << " / " << describe(pair.b);
        if (flagged && pair.duplicate)
            ++tp;
        else if (flagged)
            ++fp;
        else if (pair.duplicate)
            ++fn;
        else
            ++tn;
        if (flagged != pair.duplicate)
        {
            std::cout << (pair.duplicate ? "  missed: " : "  false alarm: ") << describe(pair.a)
                      << " / " << describe(pair.b) << " = " << result.score;
            for (const DuplicateEvidence& evidence : result.reasons)
                std::cout << " " << duplicateReasonName(evidence.reason) << ":" << evidence.points;
            std::cout << "\n";
        }
    }
    const double precision = tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp);
    const double recall = tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn);
    std::cout << "duplicate corpus: precision " << precision << " recall " << recall << " (tp "
              << tp << " fp " << fp << " fn " << fn << " tn " << tn << ")\n";
    EXPECT_GE(corpus().size(), 120u);
    EXPECT_GE(tp + fn, 50);
    EXPECT_GE(fp + tn, 50);
    EXPECT_GE(precision, 0.95);
    EXPECT_GE(recall, 0.90);
}

// ------------------------------------------------------------------ the index

namespace
{

// A variant of `base` as users create duplicates: another legal form, a typo, the tax ID
// spelled otherwise or left out, the phone spelled otherwise.
Client plantedVariant(const Client& base, std::mt19937& random, std::int64_t id)
{
    Client copy = base;
    copy.id = id;
    const auto typo = [&](std::string& name)
    {
        std::vector<std::pair<std::size_t, std::size_t>> words; // ASCII words of 5+ letters
        std::size_t start = 0;
        while (start < name.size())
        {
            std::size_t end = name.find(' ', start);
            if (end == std::string::npos)
                end = name.size();
            const bool ascii = std::all_of(
                name.begin() + static_cast<std::ptrdiff_t>(start),
                name.begin() + static_cast<std::ptrdiff_t>(end),
                [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
            if (ascii && end - start >= 5)
                words.emplace_back(start, end - start);
            start = end + 1;
        }
        if (words.empty())
            return;
        const auto [at, length] = words[random() % words.size()];
        const std::size_t p = at + 1 + random() % (length - 3);
        switch (random() % 3)
        {
        case 0:
            if (name[p] != name[p + 1])
            {
                std::swap(name[p], name[p + 1]);
                break;
            }
            [[fallthrough]];
        case 1:
            name[p] = name[p] == 'x' ? 'z' : 'x';
            break;
        default:
            name.erase(p, 1);
            break;
        }
    };
    const auto respellTax = [&]
    {
        std::string compact;
        for (char c : copy.taxId)
            if (c != '-' && c != ' ')
                compact += c;
        copy.taxId = compact.starts_with(copy.country) ? compact : copy.country + compact;
    };
    const auto respellPhone = [&]
    {
        std::string digits;
        for (char c : copy.phone)
            if (c >= '0' && c <= '9')
                digits += c;
        copy.phone = digits.size() > 9 ? digits.substr(digits.size() - 9) : digits;
    };
    const auto dropForm = [&]
    {
        for (const char* form : {" S.L.U.", " S.L.", " S.A.", " Unipessoal Lda.", " Lda.", " C.B."})
            if (const auto at = copy.legalName.find(form); at != std::string::npos)
            {
                copy.legalName.erase(at);
                copy.legalName += random() % 2 ? " SL" : "";
                return;
            }
        copy.legalName += " S.L.";
    };
    switch (random() % 5)
    {
    case 0: // another legal form, the tax ID respelled
        dropForm();
        respellTax();
        break;
    case 1: // a typo, no tax ID, the phone respelled
        typo(copy.legalName);
        copy.taxId.clear();
        copy.email = "otro" + std::to_string(id) + "@example.org";
        respellPhone();
        break;
    case 2: // upper case, the tax ID respelled, another phone
        for (char& c : copy.legalName)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        respellTax();
        copy.phone = "+34 699" + std::to_string(100000 + id % 899999);
        break;
    case 3: // no tax ID, the same phone, another legal form and e-mail
        dropForm();
        copy.taxId.clear();
        respellPhone();
        copy.email = "contacto" + std::to_string(id) + "@example.net";
        break;
    default: // a typo and nothing else shared
        typo(copy.legalName);
        copy.taxId.clear();
        copy.email.clear();
        copy.phone.clear();
        copy.street.clear();
        break;
    }
    return copy;
}

std::vector<Client> generatedClients(int count, int planted, unsigned seed,
                                     std::vector<std::pair<std::int64_t, std::int64_t>>* plants)
{
    std::mt19937 random(seed);
    std::vector<Client> clients;
    for (int i = 0; i < count; ++i)
    {
        clients.push_back(bench::makeClient(random, i));
        clients.back().id = i + 1;
    }
    for (int i = 0; i < planted; ++i)
    {
        const Client& base = clients[random() % static_cast<std::size_t>(count)];
        const std::int64_t id = static_cast<std::int64_t>(clients.size()) + 1;
        if (plants)
            plants->emplace_back(base.id, id);
        clients.push_back(plantedVariant(base, random, id));
    }
    return clients;
}

} // namespace

TEST(DuplicateIndex, PairsEqualBruteForce)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> plants;
    const std::vector<Client> clients = generatedClients(1400, 100, 4242, &plants);
    DuplicateIndex index;
    for (const Client& client : clients)
        index.add(client);
    EXPECT_EQ(index.size(), clients.size());

    std::vector<MatchKeys> keys;
    for (const Client& client : clients)
        keys.push_back(matchKeys(client));
    std::set<std::pair<std::int64_t, std::int64_t>> expected;
    for (std::size_t i = 0; i < keys.size(); ++i)
        for (std::size_t j = i + 1; j < keys.size(); ++j)
            if (scoreDuplicate(keys[i], keys[j]).score >= kDefaultDuplicateScore)
                expected.emplace(keys[i].id, keys[j].id);

    const std::vector<DuplicatePair> found = index.pairs(kDefaultDuplicateScore);
    std::set<std::pair<std::int64_t, std::int64_t>> got;
    for (std::size_t i = 0; i < found.size(); ++i)
    {
        EXPECT_LT(found[i].a, found[i].b);
        EXPECT_GE(found[i].score.score, kDefaultDuplicateScore);
        if (i > 0)
        {
            EXPECT_GE(found[i - 1].score.score, found[i].score.score);
        }
        got.emplace(found[i].a, found[i].b);
    }
    EXPECT_EQ(got.size(), found.size()); // each pair once
    std::size_t lost = 0;
    for (const auto& pair : expected)
        lost += got.contains(pair) ? 0 : 1;
    for (const auto& pair : got)
        EXPECT_TRUE(expected.contains(pair)) << pair.first << "-" << pair.second;
    std::size_t plantedFound = 0;
    for (const auto& plant : plants)
    {
        plantedFound += got.contains(plant) ? 1 : 0;
        if (!got.contains(plant))
        {
            const Client& a = clients[static_cast<std::size_t>(plant.first - 1)];
            const Client& b = clients[static_cast<std::size_t>(plant.second - 1)];
            std::cout << "  planted, not found: " << a.legalName << " [" << a.taxId << "] / "
                      << b.legalName << " [" << b.taxId
                      << "] = " << scoreDuplicate(matchKeys(a), matchKeys(b)).score << "\n";
        }
    }
    std::cout << "duplicate index: " << got.size() << " pairs, brute force " << expected.size()
              << ", lost " << lost << ", planted found " << plantedFound << "/" << plants.size()
              << "\n";
    EXPECT_GE(expected.size(), 80u);
    // What blocking may lose (duplicate_match.hpp) is rare: at least 99 % are found; on this
    // corpus, all of them.
    EXPECT_GE(static_cast<double>(expected.size() - lost),
              0.99 * static_cast<double>(expected.size()));
    EXPECT_EQ(lost, 0u);
    EXPECT_GE(static_cast<double>(plantedFound), 0.95 * static_cast<double>(plants.size()));
}

TEST(DuplicateIndex, MatchesForSkipsTheDraftsOwnId)
{
    DuplicateIndex index;
    index.add(make({.name = "Pérez Gómez Asesores, S.L.", .tax = "B12345678"}, 1));
    index.add(make({.name = "PEREZ GOMEZ ASESORES SL"}, 2));
    index.add(make({.name = "Perez Gomes Asesores", .phone = "600123456"}, 3));
    index.add(make({.name = "Transportes Pérez"}, 4));

    const auto draft =
        index.matchesFor(make({.name = "Pérez Gómez Asesores"}), kDefaultDuplicateScore, 10);
    ASSERT_EQ(draft.size(), 3u);
    EXPECT_EQ(draft[0].a, 0);
    EXPECT_EQ(draft[0].b, 1); // 75, ties by id
    EXPECT_EQ(draft[1].b, 2);
    EXPECT_EQ(draft[2].b, 3);

    const auto existing =
        index.matchesFor(make({.name = "PEREZ GOMEZ ASESORES SL"}, 2), kDefaultDuplicateScore, 10);
    ASSERT_EQ(existing.size(), 2u);
    for (const DuplicatePair& pair : existing)
        EXPECT_TRUE(pair.a != 2 || pair.b != 2);
    EXPECT_EQ(existing[0].a, 1);
    EXPECT_EQ(existing[0].b, 2);
    EXPECT_EQ(existing[1].a, 2);
    EXPECT_EQ(existing[1].b, 3);

    EXPECT_EQ(
        index.matchesFor(make({.name = "Pérez Gómez Asesores"}), kDefaultDuplicateScore, 1).size(),
        1u);
    EXPECT_TRUE(
        index.matchesFor(make({.name = "Librería Luna"}), kDefaultDuplicateScore, 10).empty());
    // By phone alone a draft finds nothing at the default threshold, but does at a lower one.
    EXPECT_TRUE(
        index.matchesFor(make({.phone = "+34 600 12 34 56"}), kDefaultDuplicateScore, 10).empty());
    const auto phone = index.matchesFor(make({.phone = "+34 600 12 34 56"}), 40, 10);
    ASSERT_EQ(phone.size(), 1u);
    EXPECT_EQ(phone[0].b, 3);
}

TEST(DuplicateIndex, MatchesForAgreesWithPairs)
{
    const std::vector<Client> clients = generatedClients(800, 80, 777, nullptr);
    DuplicateIndex index;
    for (const Client& client : clients)
        index.add(client);
    std::set<std::pair<std::int64_t, std::int64_t>> fromPairs;
    for (const DuplicatePair& pair : index.pairs(kDefaultDuplicateScore))
        fromPairs.emplace(pair.a, pair.b);
    std::set<std::pair<std::int64_t, std::int64_t>> fromDrafts;
    for (const Client& client : clients)
        for (const DuplicatePair& pair : index.matchesFor(client, kDefaultDuplicateScore, 1000))
            fromDrafts.emplace(pair.a, pair.b);
    EXPECT_EQ(fromDrafts, fromPairs);
}

TEST(DuplicateGroups, MergesChains)
{
    const auto pair = [](std::int64_t a, std::int64_t b, int score)
    {
        DuplicatePair out;
        out.a = a;
        out.b = b;
        out.score.score = score;
        return out;
    };
    const std::vector<DuplicateGroup> groups =
        groupPairs({pair(10, 20, 70), pair(20, 30, 95), pair(5, 6, 95), pair(40, 50, 62)});
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].clientIds, (std::vector<std::int64_t>{5, 6}));
    EXPECT_EQ(groups[0].score, 95);
    EXPECT_EQ(groups[1].clientIds, (std::vector<std::int64_t>{10, 20, 30}));
    EXPECT_EQ(groups[1].score, 95);
    ASSERT_EQ(groups[1].pairs.size(), 2u);
    EXPECT_EQ(groups[1].pairs[0].a, 20); // best first
    EXPECT_EQ(groups[1].pairs[1].a, 10);
    EXPECT_EQ(groups[2].clientIds, (std::vector<std::int64_t>{40, 50}));
    EXPECT_TRUE(groupPairs({}).empty());
}

} // namespace clientes
