#pragma once

// The clients and queries of the store benchmarks (store_bench, tests/server's
// team_store_bench): 100,000 realistic Spanish and Portuguese clients, and the queries a
// user types, from one seed so that every benchmark measures the same register.

#include "core/model/client.hpp"

#include <array>
#include <random>
#include <string>
#include <vector>

namespace clientes::bench
{

constexpr std::array kFirstNames = {
    "José",    "María",  "Antonio", "Carmen", "Manuel",  "Ana",       "Francisco", "Lucía",
    "João",    "Maria",  "António", "Inês",   "Gonçalo", "Conceição", "Sebastião", "Beatriz",
    "Jesús",   "Ángela", "Raúl",    "Sofía",  "Nuño",    "Begoña",    "Iñaki",     "Íñigo",
    "Rodrigo", "Tomás",  "Joaquín", "Mónica", "Víctor",  "Álvaro",    "Óscar",     "Noemí"};
constexpr std::array kSurnames = {
    "García",  "Fernández", "González",  "Rodríguez", "López",    "Martínez",  "Sánchez",
    "Pérez",   "Gómez",     "Martín",    "Jiménez",   "Ruiz",     "Hernández", "Díaz",
    "Moreno",  "Muñoz",     "Álvarez",   "Romero",    "Alonso",   "Gutiérrez", "Silva",
    "Santos",  "Ferreira",  "Pereira",   "Oliveira",  "Costa",    "Rodrigues", "Martins",
    "Jesus",   "Sousa",     "Fernandes", "Gonçalves", "Núñez",    "Ibáñez",    "Peña",
    "Castaño", "Brandão",   "Simões",    "Conceição", "Magalhães"};
constexpr std::array kBusinesses = {
    "Construcciones", "Transportes",  "Talleres",   "Inmobiliaria", "Distribuciones", "Panadería",
    "Ferretería",     "Clínica",      "Asesoría",   "Farmacia",     "Carpintería",    "Restaurante",
    "Construções",    "Transportes",  "Padaria",    "Serralharia",  "Comércio",       "Consultoria",
    "Gráficas",       "Electricidad", "Fontanería", "Óptica",       "Librería",       "Viveros"};
constexpr std::array kForms = {
    "S.L.", "S.A.", "S.L.U.", "Lda.", "Unipessoal Lda.", "S.A.", "Sociedad Cooperativa",
    "C.B.", "",     ""};
constexpr std::array kSpanishCities = {
    "Madrid", "Barcelona", "Valencia", "Sevilla",    "Zaragoza", "Málaga",  "Murcia",   "Palma",
    "Bilbao", "Alicante",  "Córdoba",  "Valladolid", "Vigo",     "Gijón",   "A Coruña", "Granada",
    "Cádiz",  "Ávila",     "León",     "Logroño",    "Cáceres",  "Almería", "Jaén",     "Teruel"};
constexpr std::array kPortugueseCities = {"Lisboa", "Porto",   "Braga",    "Coimbra",  "Funchal",
                                          "Évora",  "Setúbal", "Aveiro",   "Faro",     "Guimarães",
                                          "Viseu",  "Leiria",  "Bragança", "Santarém", "Óbidos"};
constexpr std::array kStreets = {"Calle Mayor",     "Avenida de la Constitución", "Rua Augusta",
                                 "Plaza de España", "Rua de Santa Catarina",      "Paseo del Prado",
                                 "Calle Real",      "Avenida da Liberdade",       "Camino Viejo"};

template <typename Array> inline const char* pick(std::mt19937& random, const Array& values)
{
    return values[random() % values.size()];
}

inline std::string asciiSlug(const std::string& text)
{
    std::string slug;
    for (unsigned char c : text)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            slug += static_cast<char>(c - 'A' + 'a');
    return slug;
}

inline std::string digits(std::mt19937& random, int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += static_cast<char>('0' + random() % 10);
    return out;
}

inline Client makeClient(std::mt19937& random, int index)
{
    Client client;
    const bool portuguese = random() % 3 == 0;
    const bool company = random() % 5 != 0;
    const std::string surname = pick(random, kSurnames);
    const std::string surname2 = pick(random, kSurnames);
    if (company)
    {
        client.legalName = std::string(pick(random, kBusinesses)) + " " + surname + " " +
                           (random() % 2 ? surname2 + " " : "") + pick(random, kForms);
        if (random() % 3 == 0)
            client.tradeName = std::string(pick(random, kBusinesses)) + " " + surname2;
    }
    else
    {
        client.legalName = std::string(pick(random, kFirstNames)) + " " + surname + " " + surname2;
    }
    client.country = portuguese ? "PT" : "ES";
    client.city = portuguese ? pick(random, kPortugueseCities) : pick(random, kSpanishCities);
    if (portuguese)
        client.taxId = (random() % 2 ? "PT " : "") + digits(random, 3) + " " + digits(random, 3) +
                       " " + digits(random, 3);
    else if (company)
        client.taxId = std::string(1, "ABCDEFGHJ"[random() % 9]) + "-" + digits(random, 8);
    else
        client.taxId = digits(random, 8) + "-" + "TRWAGMYFPDXBNJZSQVHLCKE"[random() % 23];
    client.street = std::string(pick(random, kStreets)) + ", " + std::to_string(random() % 200);
    client.postalCode =
        portuguese ? digits(random, 4) + "-" + digits(random, 3) : digits(random, 5);
    client.email = asciiSlug(surname) + std::to_string(index % 1000) + "@" + asciiSlug(surname2) +
                   (portuguese ? ".pt" : ".es");
    client.phone = (portuguese ? "+351 " : "+34 ") + digits(random, 9);
    if (random() % 4 == 0)
        client.notes =
            "Cliente desde " + std::to_string(1990 + random() % 34) + ". Paga a 30 días.";
    return client;
}

inline std::vector<std::string> makeQueries(const std::vector<Client>& clients)
{
    std::vector<std::string> queries = {
        // one letter, as after the first keystroke
        "a", "m", "s", "c", "p", "g", "r", "l", "f", "j", "b", "t", "e", "i", "o",
        // two or three letters
        "ma", "ga", "fer", "san", "con", "lis", "sev", "pe", "ro", "al", "mu", "gon", "per", "tra",
        "cl", "far", "bra", "jo", "an",
        // typing a name letter by letter
        "f", "fe", "fern", "ferna", "fernan", "fernand", "fernande", "fernandez",
        // full names, with and without accents
        "García", "garcia", "Fernández", "fernandez", "Muñoz", "munoz", "Conceição", "conceicao",
        "João Silva", "joao silva", "Pérez López", "perez lopez", "Ibáñez", "ibanez",
        "construcciones garcia", "transportes silva lda", "maria santos", "gonçalves", "magalhaes",
        "Brandão", "simoes",
        // cities
        "Sevilla", "Lisboa", "Málaga", "malaga", "Porto", "A Coruña", "Guimarães", "evora",
        "madrid garcia", "porto silva",
        // nothing found
        "zzzz", "xylofono", "qwerty"};
    // tax IDs, e-mails and codes of real rows, spelled in various ways
    for (std::size_t i = 0; queries.size() < 100; i += clients.size() / 17)
    {
        const Client& client = clients[i % clients.size()];
        switch (queries.size() % 4)
        {
        case 0:
            queries.push_back(client.taxId); // as stored, e.g. "B-12345678"
            break;
        case 1:
        {
            std::string compact;
            for (char c : client.taxId)
                if (c != '-' && c != ' ')
                    compact += c;
            queries.push_back(compact);
            break;
        }
        case 2:
            queries.push_back(client.email);
            break;
        default:
            queries.push_back(client.code);
            break;
        }
    }
    return queries;
}

} // namespace clientes::bench
