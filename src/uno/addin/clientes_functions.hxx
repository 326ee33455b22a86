// The Calc AddIn (org.clientes.calc.Functions, IDL XClientesFunctions): CLIENTE, CLIENTE.PENDIENTE,
// CLIENTE.VENCIDO, CLIENTE.HORAS, CLIENTE.FACTURADO, NIF.VALIDO and CLIENTES.BUSCAR, named and
// described in each language by config/CalcAddIns.xcu. Arguments are checked and values
// computed by the core (functions/calc_functions); results that read the register are live
// (addin/live_results).
#pragma once

#include "support/component.hxx"

namespace clientes::uno::clientes_functions
{
extern const Component kComponent;
} // namespace clientes::uno::clientes_functions
