#!/usr/bin/python3
"""Drives LibreOffice with the Clientes extension: installs the .oxt into a profile, starts
Calc, shows the Clientes deck and, under Xvfb, saves a screenshot.

Used by packaging/run-clientes.sh (the product) and tests/screenshot.sh (sample data).
Needs Debian's /usr/bin/python3 with python3-uno.
"""
import argparse
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PROGRAM = "/usr/lib/libreoffice/program"
sys.path.append(PROGRAM)
import uno  # noqa: E402  (python3-uno)
from com.sun.star.beans import NamedValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def hand_to(path, user):
    """unopkg refuses to install per user as root: the profile is handed to 'nobody'."""
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), user.pw_uid, user.pw_gid)
    os.lchown(path, user.pw_uid, user.pw_gid)


def unopkg(profile, *args):
    command = [PROGRAM + "/unopkg", *args, "-env:UserInstallation=" + file_url(profile)]
    env = dict(os.environ)
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        hand_to(os.path.dirname(profile), nobody)
        command = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}",
                   "--clear-groups", *command]
        env["HOME"] = os.path.dirname(profile)
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


def install(profile, oxt, ui_locale=None):
    os.makedirs(profile, exist_ok=True)
    if ui_locale:
        user = os.path.join(profile, "user")
        os.makedirs(user, exist_ok=True)
        path = os.path.join(user, "registrymodifications.xcu")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as out:
                out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                          '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                          'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                          '<item oor:path="/org.openoffice.Office.Linguistic/General">'
                          '<prop oor:name="UILocale" oor:op="fuse"><value>%s</value></prop></item>\n'
                          # The locale setting too: figures and dates follow it.
                          '<item oor:path="/org.openoffice.Setup/L10N">'
                          '<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>%s</value>'
                          '</prop></item>\n'
                          '</oor:items>\n' % (ui_locale, ui_locale))
    # A copy beside the profile: readable by 'nobody' when run as root.
    staged = os.path.join(os.path.dirname(profile), "clientes.oxt")
    shutil.copyfile(oxt, staged)
    unopkg(profile, "add", "--force", "--suppress-license", staged)


def start(profile, pipe, env_extra, log_path):
    env = dict(os.environ, **env_extra)
    env.setdefault("SAL_USE_VCLPLUGIN", "gen")
    log = open(log_path, "w")
    return subprocess.Popen(
        [PROGRAM + "/soffice", "--calc", "--norestore", "--nologo", "--nolockcheck",
         "-env:UserInstallation=" + file_url(profile), f"--accept=pipe,name={pipe};urp;"],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True)


def connect(pipe, process, types_rdb=None, timeout=90):
    local = uno.getComponentContext()
    if types_rdb:
        manager = local.getValueByName(
            "/singletons/com.sun.star.reflection.theTypeDescriptionManager")
        manager.insert(file_url(types_rdb))
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.05)


def calc_document(ctx, timeout=60):
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    deadline = time.time() + timeout
    while time.time() < deadline:
        component = desktop.getCurrentComponent()
        if component is not None and component.supportsService(
                "com.sun.star.sheet.SpreadsheetDocument"):
            return component
        time.sleep(0.1)
    return desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())


def show_deck(document, width=1280, height=860):
    controller = document.getCurrentController()
    window = controller.getFrame().getContainerWindow()
    window.setPosSize(0, 0, width, height, 15)
    sidebar = controller.getSidebar()
    sidebar.setVisible(True)
    deck = sidebar.getDecks().getByName("ClientesDeck")
    deck.activate(True)
    sidebar.showDecks(True)
    return deck.getPanels().getByName("ClientesPanel").getDialog()


SAMPLE_CLIENTS = [
    dict(legalName="Pérez Gómez Asesores, S.L.", tradeName="PG Asesores", taxId="B12345674",
         country="ES", street="Calle Alfonso I 12, 3.º", postalCode="50003", city="Zaragoza",
         region="Zaragoza", email="contacto@pgasesores.es", phone="+34 976 123 456",
         website="https://pgasesores.es"),
    dict(legalName="Açores Pescas, Lda.", taxId="PT 501 964 843", country="PT",
         street="Rua do Mercado 4", postalCode="9500-326", city="Ponta Delgada",
         region="Açores", email="geral@acorespescas.pt", phone="+351 296 000 000"),
    dict(legalName="Ferretería Núñez e Hijos", taxId="B-87654321", country="ES",
         postalCode="02001", city="Albacete", email="pedidos@ferreterianunez.es"),
    dict(legalName="Comercial Andina S.A.C.", taxId="20100070970", country="PE", city="Lima",
         email="ventas@andina.pe", phone="+51 1 555 0101"),
    dict(legalName="Bright Ideas Ltd", country="GB", city="Leeds", postalCode="LS1 4AP",
         email="hello@brightideas.co.uk"),
    dict(legalName="Distribuidora Córdoba, S.A. de C.V.", taxId="DCO990101AB1", country="MX",
         city="Ciudad de México", email="compras@dcordoba.mx"),
    dict(legalName="Óptica Miranda", city="Burgos", country="ES", phone="947 000 000"),
    dict(legalName="Livraria Conceição", country="BR", city="São Paulo",
         email="contato@livrariaconceicao.com.br"),
]


def add_sample_clients(ctx):
    directory = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientDirectory", ctx)
    for client in SAMPLE_CLIENTS:
        fields = tuple(NamedValue(name, value) for name, value in client.items())
        directory.addClient(fields)


def touch_first_sample(ctx):
    """Changes the first sample client's city and adds a note; returns its code."""
    directory = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientDirectory", ctx)
    key = directory.findClients("Perez Gomez Asesores", 1)[0]
    directory.updateClient(key, (NamedValue("city", "Sevilla"),))
    directory.addNote(key, "Llamada: prefieren factura electrónica.")
    return key


def select_first(panel):
    grid = panel.getControl("ClientList")
    if grid.getModel().GridDataModel.RowCount > 0:
        grid.selectRow(0)


def open_client_dialog(ctx, invalid_entry=False, key=None):
    """Shows the add-client dialog, or the edit one of the client `key`, without blocking
    (execute() would wait for the user)."""
    handler = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientEditor", ctx)
    if key:
        handler.initialize((key,))
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.DialogProvider2", ctx)
    dialog = provider.createDialogWithHandler(
        "vnd.sun.star.extension://org.clientes.calc/dialogs/ClientDialog.xdl", handler)
    handler.callHandlerMethod(dialog, None, "prepare")
    if invalid_entry:
        dialog.getControl("edTaxId").setText("B-1234567-4")
        dialog.getControl("edEmail").setText("pedidos en ferreteria")
        dialog.getControl("edCity").setText("Toledo")
        handler.callHandlerMethod(dialog, None, "onSave")
    dialog.setVisible(True)
    return dialog


def open_export_dialog(ctx):
    """Shows the clients' export dialog without blocking."""
    handler = ctx.ServiceManager.createInstanceWithContext("org.clientes.ExportDialog", ctx)
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.awt.DialogProvider2", ctx)
    dialog = provider.createDialogWithHandler(
        "vnd.sun.star.extension://org.clientes.calc/dialogs/ExportDialog.xdl", handler)
    handler.callHandlerMethod(dialog, None, "prepare")
    dialog.setVisible(True)
    return dialog


PROFILE_DIALOG = "vnd.sun.star.extension://org.clientes.calc/dialogs/ProfileDialog.xdl"
# The profile dialog's tabs, in the order of its Step (1..9), as its handler names them.
PROFILE_TABS = ["Summary", "Contact", "Projects", "Orders", "Invoices", "Deals", "Files",
                "Activity", "Addresses"]


def add_profile_samples(ctx, key=None, work_dir=None, currency="EUR"):
    """Fills the profile of one sample client (by default the first, Pérez Gómez Asesores):
    contacts, addresses and a bank account, projects with time entries, tasks around today, purchase orders, invoices in EUR
    and USD (paid, pending, overdue, a draft), deals, two files and notes. `currency`: the
    client's own (EUR; MXN or BRL to show those locales' money). Returns its code."""
    import datetime
    directory = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientDirectory", ctx)
    if key is None:
        key = directory.findClients("Perez Gomez Asesores", 1)[0]
    today = datetime.date.today()

    def day(offset):
        return (today + datetime.timedelta(days=offset)).isoformat()

    def add(kind, owner=None, **fields):
        return directory.addRecord(owner or key, kind,
                                   tuple(NamedValue(n, v) for n, v in fields.items()))

    directory.updateClient(key, (NamedValue("kind", "company"),
                                 NamedValue("tags", "vip, asesoría, factura electrónica"),
                                 NamedValue("paymentTerms", "30"), NamedValue("currency", currency)))
    add("contacts", name="Lucía Pérez Gómez", role="Gerente", email="lucia@pgasesores.es",
        phone="+34 976 123 450")
    add("contacts", name="Jorge Martín", role="Contabilidad", email="conta@pgasesores.es",
        phone="+34 976 123 457")
    add("contacts", name="Marta Ibáñez", role="Compras", email="compras@pgasesores.es")
    add("addresses", type="billing", name="Pérez Gómez Asesores, S.L.",
        street="Paseo de la Independencia, 24, 3.º", postalCode="50004", city="Zaragoza",
        region="Zaragoza", country="ES", email="facturas@pgasesores.es")
    add("addresses", type="shipping", name="Almacén", street="Polígono Industrial Malpica",
        street2="Calle E, nave 12", postalCode="50016", city="Zaragoza", region="Zaragoza",
        country="ES", phone="+34 976 123 480")
    add("bankAccounts", iban="ES91 2100 0418 4502 0005 1332", bic="CAIXESBBXXX",
        holder="Pérez Gómez Asesores, S.L.", bank="CaixaBank")
    accounting = add("projects", name="Contabilidad 2024")
    erp = add("projects", name="Migración del ERP")
    audit = add("projects", name="Auditoría 2023", status="closed")
    for owner, entries in ((accounting, [(-12, "6", "Cierre trimestral"),
                                         (-5, "3,5", "Conciliación bancaria"),
                                         (-1, "2", "Revisión de facturas")]),
                           (erp, [(-20, "7,5", "Análisis de requisitos"),
                                  (-9, "8", "Migración de datos maestros")]),
                           (audit, [(-90, "12", "Informe final")])):
        for offset, hours, note in entries:
            add("timeEntries", owner=str(owner), date=day(offset), hours=hours, note=note)
    add("tasks", title="Reclamar la factura F-2024-014", dueDate=day(-5))
    add("tasks", title="Enviar la propuesta de renovación", dueDate=day(-1))
    add("tasks", title="Reunión trimestral de seguimiento", dueDate=day(3))
    add("tasks", title="Revisar el contrato marco", dueDate=day(20))
    add("tasks", title="Alta en el portal de proveedores", dueDate=day(-30), status="done")
    add("purchaseOrders", number="PO-2024-117", date=day(-15), amount="12000")
    add("purchaseOrders", number="PO-2024-098", date=day(-70), amount="3450.75", status="closed")
    add("purchaseOrders", number="PO-US-0042", date=day(-8), amount="1800", currency="USD")
    add("invoices", number="F-2024-014", issueDate=day(-50), dueDate=day(-20), net="1033.06",
        tax="216.94", status="authorised")
    add("invoices", number="F-2024-021", issueDate=day(-20), dueDate=day(10), net="3000",
        tax="630", status="authorised")
    add("invoices", number="F-2024-003", issueDate=day(-120), dueDate=day(-90), net="2000",
        tax="420", status="paid")
    add("invoices", number="INV-US-0007", issueDate=day(-35), dueDate=day(-5), net="2000",
        currency="USD", status="authorised")
    add("invoices", number="F-2024-025", issueDate=day(0), net="900", tax="189")
    add("deals", title="Renovación anual de servicios", number="P-2024-31", date=day(-4),
        amount="8000", stage="sent", validUntil=day(26))
    add("deals", title="Consultoría fiscal internacional", number="P-2024-33", date=day(-1),
        amount="4500", currency="USD")
    add("deals", title="Formación del equipo contable", number="P-2024-12", date=day(-60),
        amount="2200", stage="accepted")
    folder = tempfile.mkdtemp(prefix="clientes-samples-", dir=work_dir)
    for name, text in (("Contrato de servicios 2024.pdf", "%PDF-1.4\n% muestra\n" + "x" * 40000),
                       ("Certificado de retenciones.txt", "Certificado de retenciones 2023\n")):
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        directory.attachFile(key, file_url(path))
    directory.addNote(key, "Prefiere que le llamen por la mañana, antes de las 11.")
    directory.addNote(key, "Pide factura electrónica (FacturaE) a partir de enero.")
    return key


def open_profile_dialog(ctx, key, tab="Summary"):
    """Shows a client's profile without blocking: the handler prepares the dialog, then
    setVisible(True). A modal execute() cannot be used here: it would block this bridge call
    until someone closes the dialog, so the script could neither switch tabs nor take the
    screenshot (and under --headless execute() returns at once)."""
    smgr = ctx.ServiceManager
    handler = smgr.createInstanceWithContext("org.clientes.ProfileViewer", ctx)
    if handler is not None:
        handler.initialize((key,))
    else:  # until the handler is registered as its own service, the client editor serves
        handler = smgr.createInstanceWithArgumentsAndContext(
            "org.clientes.ClientEditor", (NamedValue("Profile", key),), ctx)
    provider = smgr.createInstanceWithContext("com.sun.star.awt.DialogProvider2", ctx)
    dialog = provider.createDialogWithHandler(PROFILE_DIALOG, handler)
    handler.callHandlerMethod(dialog, None, "prepare")
    show_profile_tab(dialog, handler, tab)
    dialog.setVisible(True)
    return dialog, handler


def show_profile_tab(dialog, handler, tab):
    """Switches to a tab as its button does, and selects the first row of the tab's list so
    that its form shows a record (on Proyectos: the first project and its hours)."""
    handler.callHandlerMethod(dialog, None, "onTab" + tab)
    grid = {"Summary": "gridTasks", "Contact": "gridContacts", "Projects": "gridProjects",
            "Orders": "gridOrders", "Invoices": "gridInvoices", "Deals": "gridDeals",
            "Files": "gridFiles", "Addresses": "gridAddresses"}.get(tab)
    if grid and dialog.getControl(grid).getModel().GridDataModel.RowCount > 0:
        dialog.getControl(grid).selectRow(0)
        if tab == "Projects" and dialog.getControl("gridTime").getModel().GridDataModel.RowCount:
            dialog.getControl("gridTime").selectRow(0)
        if tab == "Addresses" and \
                dialog.getControl("gridBankAccounts").getModel().GridDataModel.RowCount:
            dialog.getControl("gridBankAccounts").selectRow(0)


def profile_screenshots(ctx, panel, key, folder, settle):
    """Saves the deck with the sample client selected (its key figures in the detail area),
    then one PNG per tab of the client's profile. Returns the paths."""
    os.makedirs(folder, exist_ok=True)
    grid = panel.getControl("ClientList")
    model = grid.getModel().GridDataModel
    for row in range(model.RowCount):
        if model.getCellData(0, row).startswith("Pérez Gómez Asesores"):
            grid.selectRow(row)
    time.sleep(settle / 2)
    paths = [screenshot(os.path.join(folder, "profile-0-deck.png"))]
    dialog, handler = open_profile_dialog(ctx, key)
    for number, tab in enumerate(PROFILE_TABS, start=1):
        show_profile_tab(dialog, handler, tab)
        time.sleep(settle / 2)
        paths.append(screenshot(os.path.join(folder, "profile-%d-%s.png" % (number, tab.lower()))))
    dialog.setVisible(False)
    return paths


IMPORT_WIZARD = "vnd.sun.star.extension://org.clientes.calc/dialogs/ImportWizard.xdl"
EXPORT_DIALOG = "vnd.sun.star.extension://org.clientes.calc/dialogs/ExportDialog.xdl"

# A sheet as clients send them: other header words, a client already in the register (by
# tax ID), one with a wrong check digit, one without a name, a bad e-mail, the same tax ID
# twice, a postal code that lost its zero.
IMPORT_SAMPLE = [
    ["Empresa", "CIF/NIF", "País", "Domicilio", "C.P.", "Población", "Correo", "Teléfono",
     "Comentario", "Comercial"],
    ["Talleres Ibáñez e Hijos, S.L.", "B-1234567-4", "España", "Polígono Norte, nave 7", "02001",
     "Albacete", "taller@ibanez.es", "967 000 111", "Cliente desde 2015", "Marta"],
    ["Construções Simões, Lda.", "PT 503 504 564", "Portugal", "Rua do Sol 12", "4700-001",
     "Braga", "geral@simoes.pt", "+351 253 111 222", "", "Luis"],
    ["Gráficas Núñez", "B87654321", "ES", "Calle Imprenta 3", 8012.0, "Barcelona",
     "info@graficasnunez.es", "93 555 12 12", "C.P. escrito como número", "Marta"],
    ["", "X1234567L", "ES", "Calle Sin Nombre 1", "28001", "Madrid", "sin@nombre.es", "", "", ""],
    ["Óptica Miranda", "B-12345679", "ES", "Plaza Mayor 4", "09001", "Burgos", "optica en miranda",
     "947 000 000", "Correo mal escrito", "Ana"],
    ["Ferretería Conceição", "B87654321", "ES", "Rua Nova 2", "36001", "Pontevedra",
     "ferreteria@conceicao.es", "", "Mismo NIF que la fila 4", "Luis"],
    ["Açores Pescas, Lda.", "PT501964843", "PT", "Rua do Mercado 4", "9500-326", "Ponta Delgada",
     "geral@acorespescas.pt", "+351 296 000 000", "Ya está en el registro", ""],
    ["Librería Peña", "B11111112", "ES", "Calle Real 8", "37001", "Salamanca", "libros@pena.es",
     "923 000 222", "", "Ana"],
]


def fill_import_sample(document):
    """Writes IMPORT_SAMPLE at A1 of the document's first sheet, selects it and returns the
    range."""
    sheet = document.Sheets.getByIndex(0)
    rows = len(IMPORT_SAMPLE)
    cells = sheet.getCellRangeByPosition(0, 0, len(IMPORT_SAMPLE[0]) - 1, rows - 1)
    cells.setDataArray(tuple(tuple(row) for row in IMPORT_SAMPLE))
    document.getCurrentController().select(cells)
    return cells


def open_transfer_dialog(ctx, document, url, service, **arguments):
    """Shows the import wizard or the export dialog without blocking (setVisible; a modal
    execute() would wait for the user), over the document's frame."""
    smgr = ctx.ServiceManager
    handler = smgr.createInstanceWithContext(service, ctx)
    if handler is None:
        raise RuntimeError(service + " is not registered in this build of the extension")
    values = dict(arguments, Frame=document.getCurrentController().getFrame())
    handler.initialize(tuple(NamedValue(name, value) for name, value in values.items()))
    provider = smgr.createInstanceWithContext("com.sun.star.awt.DialogProvider2", ctx)
    dialog = provider.createDialogWithHandler(url, handler)
    handler.callHandlerMethod(dialog, None, "prepare")
    dialog.setVisible(True)
    return dialog, handler


def import_screenshots(ctx, document, folder, settle, ui_locale=""):
    """Walks the import wizard over IMPORT_SAMPLE: one PNG per step (source, columns, check
    with the cells marked on the sheet, result), the sheet after "Quitar marcas", then the
    export dialogs. Returns the paths."""
    os.makedirs(folder, exist_ok=True)
    suffix = ("-" + ui_locale) if ui_locale else ""
    paths = []

    def shot(name):
        time.sleep(settle / 2)
        paths.append(screenshot(os.path.join(folder, "import-%s%s.png" % (name, suffix))))

    fill_import_sample(document)
    dialog, handler = open_transfer_dialog(ctx, document, IMPORT_WIZARD,
                                           "org.clientes.ImportWizard", Kind="clients")
    # The wizard took the selection; a single cell selected lets the marks' colours show.
    first = document.Sheets.getByIndex(0)
    document.getCurrentController().select(first.getCellRangeByName("A12"))
    # Beside the sheet, so that the marked cells show behind it.
    dialog.setPosSize(560, 300, 0, 0, 3)
    shot("1-source")
    handler.callHandlerMethod(dialog, None, "onNext")
    shot("2-columns")
    handler.callHandlerMethod(dialog, None, "onNext")
    shot("3-check")
    dialog.getControl("chkSkipInvalid").getModel().State = 1
    dialog.getControl("chkReport").getModel().State = 1
    handler.callHandlerMethod(dialog, None, "onCheck")
    shot("3-check-skipping")
    handler.callHandlerMethod(dialog, None, "onRemoveMarks")
    handler.callHandlerMethod(dialog, None, "onImport")
    shot("4-result")
    dialog.setVisible(False)
    dialog.dispose()

    for kind, name in (("clients", "5-export-clients"), ("invoices", "6-export-invoices")):
        export, _ = open_transfer_dialog(ctx, document, EXPORT_DIALOG, "org.clientes.ExportDialog",
                                         Kind=kind, Query="nunez", Codes=("C-000001", "C-000002"))
        export.setPosSize(560, 300, 0, 0, 3)
        shot(name)
        export.setVisible(False)
        export.dispose()

    invoices = document.Sheets
    invoices.insertNewByName("Facturas emitidas", invoices.getCount())
    sheet = invoices.getByName("Facturas emitidas")
    sheet.getCellRangeByPosition(0, 0, 6, 3).setDataArray((
        ("Nº factura", "NIF", "Cliente", "Fecha", "Base imponible", "IVA", "Estado"),
        ("F-2024-101", "B-1234567-4", "Talleres Ibáñez", "15/05/2024", "1.250,00", "262,50",
         "Pagada"),
        ("F-2024-102", "B99999999", "Nuevo Cliente, S.L.", "20/05/2024", "800", "168",
         "Emitida"),
        ("F-2024-103", "PT501964843", "", "2024-05-31", "310,5", "71,42", "Emitida")))
    document.getCurrentController().setActiveSheet(sheet)
    document.getCurrentController().select(sheet.getCellRangeByPosition(0, 0, 6, 3))
    dialog, handler = open_transfer_dialog(ctx, document, IMPORT_WIZARD,
                                           "org.clientes.ImportWizard", Kind="invoices")
    document.getCurrentController().select(sheet.getCellRangeByName("A8"))
    dialog.setPosSize(560, 300, 0, 0, 3)
    dialog.getControl("chkCreateMissing").getModel().State = 1
    handler.callHandlerMethod(dialog, None, "onNext")
    shot("7-invoices-columns")
    handler.callHandlerMethod(dialog, None, "onNext")
    shot("8-invoices-check")
    handler.callHandlerMethod(dialog, None, "onImport")
    dialog.setVisible(False)
    dialog.dispose()

    # What the exports write: typed cells, styled and frozen header, AutoFilter, totals.
    directory = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientDirectory", ctx)
    for name, method in (("9-exported-clients", "exportClients"),
                         ("10-exported-invoices", "exportInvoices")):
        sheets = document.Sheets
        sheets.insertNewByName(name[name.index("-") + 1:], sheets.getCount())
        target = sheets.getByName(name[name.index("-") + 1:])
        getattr(directory, method)(target, ())
        document.getCurrentController().setActiveSheet(target)
        document.getCurrentController().select(target.getCellRangeByName("A1"))
        shot(name)
    # Odoo's contact import template as it is: recognised, its people and addresses read as
    # rows of their company, its "Customer" and "Supplier" columns listed as left out.
    sheets = document.Sheets
    sheets.insertNewByName("Odoo", sheets.getCount())
    odoo = sheets.getByName("Odoo")
    odoo.getCellRangeByPosition(0, 0, len(ODOO_TEMPLATE[0]) - 1, len(ODOO_TEMPLATE) - 1) \
        .setDataArray(tuple(tuple(row) for row in ODOO_TEMPLATE))
    document.getCurrentController().setActiveSheet(odoo)
    document.getCurrentController().select(
        odoo.getCellRangeByPosition(0, 0, len(ODOO_TEMPLATE[0]) - 1, len(ODOO_TEMPLATE) - 1))
    dialog, handler = open_transfer_dialog(ctx, document, IMPORT_WIZARD,
                                           "org.clientes.ImportWizard", Kind="clients")
    document.getCurrentController().select(odoo.getCellRangeByName("A10"))
    dialog.setPosSize(560, 300, 0, 0, 3)
    handler.callHandlerMethod(dialog, None, "onNext")
    shot("11-odoo-columns")
    handler.callHandlerMethod(dialog, None, "onNext")
    shot("12-odoo-check")
    dialog.setVisible(False)
    dialog.dispose()
    # Nothing to save: otherwise closing the office asks, and no one answers under Xvfb.
    document.setModified(False)
    return paths


# Odoo's own contact import template (addons/base_import/static/csv/res.partner.csv).
ODOO_TEMPLATE = [
    ["ID", "Name", "Company Type", "Related Company", "Customer", "Supplier", "Address Type",
     "Street", "Street2", "City", "State", "ZIP", "Country", "Website", "Phone", "Mobile",
     "Email"],
    ["res_partner_1", "Grocery Outlet", "Company", "", "TRUE", "FALSE", "", "51 Federal Street",
     "#401", "San Francisco", "California", "94107", "United States", "groceryoutlet.com",
     "123456789", "", ""],
    ["res_partner_2", "Bob", "Individual", "Grocery Outlet", "", "", "Contact", "", "", "", "",
     "", "", "", "", "4157654321", ""],
    ["res_partner_3", "Bill", "Individual", "Grocery Outlet", "", "", "Other address",
     "645 21st Street", "", "San Francisco", "California", "94110", "United States", "", "",
     "4517864512", ""],
    ["res_partner_4", "Warehouse", "Individual", "Grocery Outlet", "", "", "Shipping address",
     "645 21st Street", "", "San Francisco", "California", "94110", "United States", "",
     "415659874", "", "bill@odoo.com"],
    ["res_partner_5", "Accounting dep.", "Individual", "Grocery Outlet", "", "",
     "Invoice address", "51 Federal Street", "#404", "San Francisco", "California", "94107",
     "United States", "", "123456780", "", ""],
    ["res_partner_6", "Agrolait", "Company", "", "TRUE", "FALSE", "", "3442 2nd Avenue", "",
     "New York", "New York", "11201", "United States", "agrolait.com", "654978123", "", ""],
]


def write_settings(ctx, values):
    """Writes the extension's settings (config/Settings.xcs) as the options page would."""
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    arg = uno.createUnoStruct("com.sun.star.beans.NamedValue")
    arg.Name = "nodepath"
    arg.Value = "/org.clientes.calc.Settings/Register"
    node = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (arg,))
    names = {"host": "Host", "dbname": "Database", "user": "User", "sslmode": "TlsMode"}
    node.replaceByName("Mode", "server")
    for key, value in values.items():
        if key == "port":
            uno.invoke(node, "replaceByName", ("Port", uno.Any("long", int(value))))
        elif key in names:
            node.replaceByName(names[key], value)
    node.commitChanges()


def options_screenshot(ctx, process, path, settle, press_test):
    """Opens Tools ▸ Options on the Clientes page and takes a screenshot (then kills the
    office: the options dialog is modal)."""
    import threading
    info = ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
    # The page's URL as the options dialog keeps it (config/OptionsDialog.xcu: %origin% is the
    # config folder), in the file form it compares.
    page = info.getPackageLocation("org.clientes.calc") + "/config/../dialogs/OptionsPage.xdl"
    helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    arg = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    arg.Name = "OptionsPageURL"
    arg.Value = page
    frame = desktop.getCurrentFrame()
    threading.Thread(target=lambda: helper.executeDispatch(frame, ".uno:OptionsTreeDialog", "",
                                                           0, (arg,)),
                     daemon=True).start()
    time.sleep(settle)
    if press_test and shutil.which("xdotool"):
        # "Probar conexión" by its mnemonic, as a user would press it (a click on the page
        # first: without a window manager the dialog has no focus yet).
        subprocess.run(["xdotool", "mousemove", "900", "520", "click", "1"], check=False)
        time.sleep(0.5)
        subprocess.run(["xdotool", "key", "alt+p"], check=False)
        time.sleep(settle / 2)
    print(screenshot(path))
    os.killpg(process.pid, signal.SIGKILL)


def function_wizard_screenshot(ctx, process, document, path, settle):
    """Fills a small sheet with the Calc functions over the samples, opens Insert ▸ Function on
    the CLIENTE cell and takes a screenshot (then kills the office: the wizard is modal)."""
    import threading
    sheet = document.getSheets().getByIndex(0)
    # The extension's own names (what setFormula takes); the sheet shows them in the UI language.
    name = "ORG.CLIENTES.CALC.FUNCTIONS."
    sheet.getCellRangeByName("A1").setString("C-000001")
    sheet.getCellRangeByName("B1").setFormula('=%sCLIENTFIELD(A1;"legalName")' % name)
    sheet.getCellRangeByName("C1").setFormula('=%sCLIENTFIELD(A1;"city")' % name)
    sheet.getCellRangeByName("D1").setFormula('=%sTAXIDVALID(%sCLIENTFIELD(A1;"taxId"))'
                                             % (name, name))
    sheet.getCellRangeByName("E1").setFormula("=%sCLIENTOUTSTANDING(A1)" % name)
    controller = document.getCurrentController()
    controller.select(sheet.getCellRangeByName("B1"))
    helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    frame = controller.getFrame()
    threading.Thread(target=lambda: helper.executeDispatch(frame, ".uno:FunctionDialog", "", 0,
                                                           ()),
                     daemon=True).start()
    time.sleep(settle)
    print(screenshot(path))
    os.killpg(process.pid, signal.SIGKILL)


def edit_in_calc_screenshots(ctx, document, folder, settle):
    """Binds the samples to a sheet ("Editar en Calc"), edits it as a user would (a changed city,
    a new row, a wrong e-mail), shoots the deck's publish bar with the highlighted cells; then
    publishes (the wrong e-mail is marked), fixes it, lets another user's save meet an edited row
    and shoots the conflict shown on its cells."""
    directory = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientDirectory", ctx)
    sheet = document.getSheets().getByIndex(0)
    directory.editClientsInSheet(sheet, ())
    time.sleep(settle / 2)
    sheet.getCellByPosition(7, 2).setString("Funchal")  # a city changed
    sheet.getCellByPosition(9, 3).setString("pedidos@")  # a wrong e-mail
    row = 1 + len(SAMPLE_CLIENTS)
    sheet.getCellByPosition(1, row).setString("Nueva Clienta, S.L.")
    sheet.getCellByPosition(7, row).setString("Huesca")
    document.getCurrentController().select(sheet.getCellRangeByName("H3"))
    time.sleep(settle)
    shots = [screenshot(os.path.join(folder, "edit-pending.png"))]
    directory.publishSheet(sheet, ())
    time.sleep(settle)
    shots.append(screenshot(os.path.join(folder, "edit-error.png")))
    sheet.getCellByPosition(9, 3).setString("pedidos@ferreterianunez.es")
    directory.publishSheet(sheet, ())
    # Another user saves the first client while this sheet changes its phone.
    code = sheet.getCellByPosition(0, 1).getString()
    sheet.getCellByPosition(10, 1).setString("+34 976 999 999")
    directory.updateClient(code, (NamedValue("phone", "+34 976 555 555"),))
    directory.publishSheet(sheet, ())
    annotation = sheet.getCellByPosition(10, 1).getAnnotation()
    annotation.setIsVisible(True)
    document.getCurrentController().select(sheet.getCellRangeByName("K2"))
    time.sleep(settle)
    shots.append(screenshot(os.path.join(folder, "edit-conflict.png")))
    document.setModified(False)  # no "Save changes?" question when the office closes
    return shots


# Clients typed again under another spelling, as registers fill with them: each looks like a
# sample client (SAMPLE_CLIENTS) by a different piece of evidence.
DUPLICATE_SAMPLES = [
    dict(legalName="PEREZ GOMEZ ASESORES SL", taxId="ESB-12.345.674", country="ES",
         city="Zaragoza", phone="976123456", email="facturas@pgasesores.es"),
    dict(legalName="Ferreteria Nuñez Hijos", country="ES", city="Albacete",
         email="pedidos@ferreterianunez.es", phone="967 11 22 33"),
    dict(legalName="Opticas Miranda", city="Burgos", country="ES", phone="+34 947 000 000"),
]


def duplicates_screenshots(ctx, folder, settle):
    """Adds near-duplicates of the samples, shows "Buscar duplicados…" (the groups, their reasons,
    the clients side by side), then the merge step with a line chosen; one PNG each."""
    directory = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientDirectory", ctx)
    for client in DUPLICATE_SAMPLES:
        directory.addClient(tuple(NamedValue(name, value) for name, value in client.items()))
    smgr = ctx.ServiceManager
    handler = smgr.createInstanceWithContext("org.clientes.DuplicatesDialog", ctx)
    provider = smgr.createInstanceWithContext("com.sun.star.awt.DialogProvider2", ctx)
    dialog = provider.createDialogWithHandler(
        "vnd.sun.star.extension://org.clientes.calc/dialogs/DuplicatesDialog.xdl", handler)
    handler.callHandlerMethod(dialog, None, "prepare")
    dialog.setVisible(True)
    # The groups are read on a thread of their own: wait for the list.
    groups = dialog.getControl("lstGroups").getModel()
    for _ in range(100):
        if groups.StringItemList:
            break
        time.sleep(0.1)
    time.sleep(settle)
    shots = [screenshot(os.path.join(folder, "duplicates-groups.png"))]
    handler.callHandlerMethod(dialog, None, "onMergeStart")
    fields = dialog.getControl("lstFields")
    for index, line in enumerate(fields.getModel().StringItemList):
        if line.startswith(("Correo", "E-mail")):
            fields.selectItemPos(index, True)
            handler.callHandlerMethod(dialog, None, "onFieldSelected")
            break
    time.sleep(settle)
    shots.append(screenshot(os.path.join(folder, "duplicates-merge.png")))
    dialog.dispose()
    return shots


def screenshot(path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    subprocess.run(["import", "-window", "root", path], check=True)
    return path


def terminate(ctx, process):
    try:
        ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
    except Exception:  # the bridge goes away while terminate() returns
        pass
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--types", required=True, help="clientes.rdb, for the bridge")
    parser.add_argument("--profile", required=True, help="LibreOffice profile folder")
    parser.add_argument("--database", help="CLIENTES_DB for the office (default: its own)")
    parser.add_argument("--server", help="CLIENTES_SERVER for the office: a team server's libpq "
                                         "connection string (default: the file)")
    parser.add_argument("--samples-only", action="store_true",
                        help="add the samples (with --samples or --profile-samples), then close")
    parser.add_argument("--outage", metavar="COMMAND",
                        help="with --screenshot: run COMMAND (which stops the team server), then "
                             "type in the deck's search so that it meets the outage")
    parser.add_argument("--touch", action="store_true",
                        help="as this office's user, change the first sample client's city and "
                             "add a note (team mode: the activity then shows two users)")
    parser.add_argument("--ui-locale", help="UI language of a new profile, e.g. es-ES")
    parser.add_argument("--samples", action="store_true", help="add sample clients first")
    parser.add_argument("--sample-currency", default="EUR",
                        help="the currency of the sample profile's client (EUR)")
    parser.add_argument("--screenshot", help="save a screenshot here, then close the office")
    parser.add_argument("--dialog", choices=["add", "add-invalid", "edit", "export"],
                        help="also show the add-client dialog in the screenshot (edit: the "
                        "client of --profile-samples; export: the clients' export dialog)")
    parser.add_argument("--profile-samples", action="store_true",
                        help="add the sample clients and fill the first one's profile")
    parser.add_argument("--profile-tab", choices=PROFILE_TABS,
                        help="with --screenshot: show that client's profile on this tab")
    parser.add_argument("--profile-shots", metavar="FOLDER",
                        help="save the deck and one PNG per profile tab into FOLDER, then close")
    parser.add_argument("--import-shots", metavar="FOLDER",
                        help="walk the import wizard and the export dialogs over a sample sheet, "
                             "saving one PNG per step into FOLDER, then close")
    parser.add_argument("--settings", metavar="CONNINFO",
                        help="set the options page to this team server first (host=… port=… "
                             "dbname=… user=… sslmode=…), as a user would")
    parser.add_argument("--options-page", metavar="PNG",
                        help="screenshot of Tools ▸ Options ▸ LibreOffice Calc ▸ Clientes")
    parser.add_argument("--function-wizard", metavar="PNG",
                        help="screenshot of Insert ▸ Function on a CLIENTE cell over the samples")
    parser.add_argument("--edit-shots", metavar="FOLDER",
                        help="bind the samples to a sheet, edit it and shoot the publish bar, an "
                             "error and a conflict into FOLDER")
    parser.add_argument("--duplicates-shots", metavar="FOLDER",
                        help="add near-duplicates of the samples and shoot Buscar duplicados… "
                             "(the groups, then the merge step) into FOLDER")
    parser.add_argument("--settle", type=float, default=4.0,
                        help="seconds to let the window paint before the screenshot")
    args = parser.parse_args()

    install(args.profile, args.oxt, args.ui_locale)
    env = {"CLIENTES_DB": args.database} if args.database else {}
    if args.server:
        env["CLIENTES_SERVER"] = args.server
    pipe = "clientes_run_%d" % os.getpid()
    log = os.path.join(os.path.dirname(args.profile), "office.log")
    process = start(args.profile, pipe, env, log)
    ctx = connect(pipe, process, args.types)
    try:
        # --touch works on samples another office added (a team server's register).
        profiled = (args.profile_samples or args.profile_tab or args.profile_shots) and \
            not args.touch
        if (args.samples or profiled) and not args.touch:
            add_sample_clients(ctx)
        profile_key = None
        if profiled:
            profile_key = add_profile_samples(ctx, work_dir=os.path.dirname(args.profile),
                                              currency=args.sample_currency)
        if args.samples_only:
            terminate(ctx, process)
            return
        if args.touch:
            profile_key = touch_first_sample(ctx)
        if args.settings:
            write_settings(ctx, dict(item.split("=", 1) for item in args.settings.split()))
        panel = show_deck(calc_document(ctx))
        if args.function_wizard:
            time.sleep(args.settle / 2)
            function_wizard_screenshot(ctx, process, calc_document(ctx), args.function_wizard,
                                       args.settle)
            return
        if args.edit_shots:
            time.sleep(args.settle / 2)
            for path in edit_in_calc_screenshots(ctx, calc_document(ctx), args.edit_shots,
                                                 args.settle):
                print(path)
            terminate(ctx, process)
            return
        if args.options_page:
            time.sleep(args.settle / 2)
            options_screenshot(ctx, process, args.options_page, args.settle,
                               bool(args.settings))
            return
        if args.duplicates_shots:
            time.sleep(args.settle / 2)
            for path in duplicates_screenshots(ctx, args.duplicates_shots, args.settle):
                print(path)
            terminate(ctx, process)
            return
        if args.import_shots:
            time.sleep(args.settle / 2)
            for path in import_screenshots(ctx, calc_document(ctx), args.import_shots,
                                           args.settle, args.ui_locale or ""):
                print(path)
            terminate(ctx, process)
            return
        if args.profile_shots:
            time.sleep(args.settle / 2)
            for path in profile_screenshots(ctx, panel, profile_key, args.profile_shots,
                                            args.settle):
                print(path)
            terminate(ctx, process)
            return
        if args.screenshot:
            time.sleep(args.settle / 2)
            select_first(panel)
            if args.outage:
                subprocess.run(args.outage, shell=True, check=True)
                panel.getControl("Search").setText("a")
            if args.dialog == "export":
                dialog = open_export_dialog(ctx)
            elif args.dialog:
                dialog = open_client_dialog(ctx, args.dialog == "add-invalid",
                                            profile_key if args.dialog == "edit" else None)
            if args.profile_tab:
                dialog = open_profile_dialog(ctx, profile_key, args.profile_tab)
            time.sleep(args.settle / 2)
            print(screenshot(args.screenshot))
            terminate(ctx, process)
        else:
            print("Calc is open with the Clientes deck; close it to end.")
            process.wait()
    except BaseException:
        terminate(ctx, process)
        raise


if __name__ == "__main__":
    main()
