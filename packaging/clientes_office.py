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
                          '</oor:items>\n' % ui_locale)
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


def select_first(panel):
    grid = panel.getControl("ClientList")
    if grid.getModel().GridDataModel.RowCount > 0:
        grid.selectRow(0)


def open_client_dialog(ctx, invalid_entry=False):
    """Shows the add-client dialog without blocking (execute() would wait for the user)."""
    handler = ctx.ServiceManager.createInstanceWithContext("org.clientes.ClientEditor", ctx)
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
    parser.add_argument("--ui-locale", help="UI language of a new profile, e.g. es-ES")
    parser.add_argument("--samples", action="store_true", help="add sample clients first")
    parser.add_argument("--screenshot", help="save a screenshot here, then close the office")
    parser.add_argument("--dialog", choices=["add", "add-invalid"],
                        help="also show the add-client dialog in the screenshot")
    parser.add_argument("--settle", type=float, default=4.0,
                        help="seconds to let the window paint before the screenshot")
    args = parser.parse_args()

    install(args.profile, args.oxt, args.ui_locale)
    env = {"CLIENTES_DB": args.database} if args.database else {}
    pipe = "clientes_run_%d" % os.getpid()
    log = os.path.join(os.path.dirname(args.profile), "office.log")
    process = start(args.profile, pipe, env, log)
    ctx = connect(pipe, process, args.types)
    try:
        if args.samples:
            add_sample_clients(ctx)
        panel = show_deck(calc_document(ctx))
        if args.screenshot:
            time.sleep(args.settle / 2)
            select_first(panel)
            if args.dialog:
                dialog = open_client_dialog(ctx, args.dialog == "add-invalid")
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
