#include "core/messages/messages.hpp"
#include "core/register/register.hpp"

#include <gtest/gtest.h>

#include <set>

namespace clientes
{

namespace
{

constexpr Language kLanguages[] = {Language::Es, Language::En, Language::Pt};
constexpr Problem kProblems[] = {Problem::Required,       Problem::InvalidEmail, Problem::TooLong,
                                 Problem::InvalidCountry, Problem::InvalidText,  Problem::ReadOnly,
                                 Problem::UnknownField};
constexpr StoreError::Kind kKinds[] = {
    StoreError::Kind::CannotOpen,       StoreError::Kind::NotADatabase, StoreError::Kind::Locked,
    StoreError::Kind::PermissionDenied, StoreError::Kind::TooNew,       StoreError::Kind::Io};

} // namespace

TEST(Messages, EveryFieldHasALabelInEveryLanguage)
{
    for (Language language : kLanguages)
    {
        std::set<std::string> labels;
        for (Field field : allFields())
        {
            const std::string label = fieldLabel(field, language);
            EXPECT_FALSE(label.empty());
            labels.insert(label);
        }
        EXPECT_EQ(labels.size(), allFields().size()) << "labels must be distinct";
    }
    EXPECT_EQ(fieldLabel(Field::LegalName, Language::Es), "Nombre legal");
    EXPECT_EQ(fieldLabel(Field::TaxId, Language::En), "Tax ID");
    EXPECT_EQ(fieldLabel(Field::TaxId, Language::Pt), "Identificação fiscal");
}

TEST(Messages, EveryProblemOfEveryFieldIsDescribed)
{
    for (Language language : kLanguages)
        for (Problem problem : kProblems)
            for (Field field : allFields())
            {
                const std::string text = describe(FieldIssue{field, problem, 200}, language);
                EXPECT_FALSE(text.empty());
                EXPECT_EQ(text.find('{'), std::string::npos) << text; // no placeholder left
                EXPECT_EQ(text.back(), '.') << text;
            }
}

TEST(Messages, ExamplesFromTheSpecification)
{
    EXPECT_EQ(describe({Field::LegalName, Problem::Required}, Language::Es),
              "El nombre legal es obligatorio.");
    EXPECT_EQ(describe({Field::Email, Problem::InvalidEmail}, Language::Es),
              "El correo electrónico no es válido.");
    EXPECT_EQ(describe({Field::LegalName, Problem::TooLong, 200}, Language::Es),
              "El campo «Nombre legal» admite como máximo 200 caracteres.");
    EXPECT_EQ(describe({Field::Notes, Problem::TooLong, 100000}, Language::En),
              "“Notes” can have at most 100,000 characters.");
    EXPECT_EQ(describe({Field::Notes, Problem::TooLong, 100000}, Language::Pt),
              "O campo «Notas» aceita no máximo 100.000 caracteres.");
}

TEST(Messages, StoreErrorsNameThePath)
{
    for (Language language : kLanguages)
    {
        std::set<std::string> texts;
        for (StoreError::Kind kind : kKinds)
        {
            const StoreError error(kind, "/home/ana/Clientes/clientes.db", "detail");
            const std::string text = describe(error, language);
            EXPECT_NE(text.find("/home/ana/Clientes/clientes.db"), std::string::npos) << text;
            EXPECT_EQ(text.find("detail"), std::string::npos) << "no technical detail";
            texts.insert(text);
        }
        EXPECT_EQ(texts.size(), std::size(kKinds));
    }
}

} // namespace clientes

namespace clientes
{
// A save that did not happen because the team server did not answer tells the user that what
// was typed is kept and that saving again retries; other failures do not promise that.
TEST(Messages, AnUnsavedFormOnAServerAwayIsToldToSaveAgain)
{
    const StoreError away(StoreError::Kind::CannotOpen, "srv:5432/clientes", "timeout",
                          StoreError::Where::Server);
    const std::string said = describeUnsaved(away, Language::Es);
    EXPECT_NE(said.find("No hay conexión con el servidor"), std::string::npos) << said;
    EXPECT_NE(said.find("pulse Guardar para volver a intentarlo"), std::string::npos) << said;
    const StoreError locked(StoreError::Kind::Locked, "/tmp/c.db", "busy");
    EXPECT_EQ(describeUnsaved(locked, Language::Es), describe(locked, Language::Es));
    const NotPermitted readOnly(NotPermitted::Need::Edit, "srv:5432/clientes", "ana");
    EXPECT_EQ(describeUnsaved(readOnly, Language::Es), describe(readOnly, Language::Es));
}
} // namespace clientes
