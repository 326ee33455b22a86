#!/usr/bin/env python3
"""Writes clientes-site.oxt: a small extension that presets the Clientes options page
(Tools ▸ Options ▸ LibreOffice Calc ▸ Clientes) for every user of a site, so that each user
only types a user name and a password. Install it beside clientes.oxt:

  packaging/server/make_site_preset.py --host clientes.oficina.lan --database clientes \\
      --tls verify-full --country ES --currency EUR --output clientes-site.oxt
  unopkg add --shared --suppress-license clientes-site.oxt

--final makes the preset values final: users see them on the page but cannot change them.
Python 3's standard library only.
"""

import argparse
import zipfile
from xml.sax.saxutils import escape

IDENTIFIER = "org.clientes.calc.site-preset"


def prop(name, value, kind="xs:string", final=False):
    finalized = ' oor:finalized="true"' if final else ""
    return (f'      <prop oor:name="{name}" oor:type="{kind}"{finalized}>'
            f"<value>{escape(str(value))}</value></prop>\n")


def settings_xcu(args):
    register = ""
    if args.host:
        register += prop("Mode", "server", final=args.final)
        register += prop("Host", args.host, final=args.final)
    if args.port:
        register += prop("Port", args.port, "xs:int", args.final)
    if args.database:
        register += prop("Database", args.database, final=args.final)
    if args.tls:
        register += prop("TlsMode", args.tls, final=args.final)
    clients = ""
    if args.country:
        clients += prop("Country", args.country.upper(), final=args.final)
    if args.currency:
        clients += prop("Currency", args.currency.upper(), final=args.final)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry"\n'
            '                    xmlns:xs="http://www.w3.org/2001/XMLSchema"\n'
            '                    oor:name="Settings" oor:package="org.clientes.calc">\n'
            f'  <node oor:name="Register">\n{register}  </node>\n'
            f'  <node oor:name="NewClients">\n{clients}  </node>\n'
            "</oor:component-data>\n")


MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">
  <manifest:file-entry manifest:full-path="clientes-site.xcu"
                       manifest:media-type="application/vnd.sun.star.configuration-data"/>
</manifest:manifest>
"""

DESCRIPTION = f"""<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006"
             xmlns:d="http://openoffice.org/extensions/description/2006"
             xmlns:lo="http://libreoffice.org/extensions/description/2011">
  <identifier value="{IDENTIFIER}"/>
  <version value="1.0"/>
  <dependencies>
    <lo:LibreOffice-minimal-version value="7.4" d:name="LibreOffice 7.4"/>
  </dependencies>
  <display-name>
    <name lang="es">Clientes: ajustes de la oficina</name>
    <name lang="en">Clientes: the office's settings</name>
    <name lang="pt">Clientes: configurações do escritório</name>
  </display-name>
</description>
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", help="the team server (sets the mode to server)")
    parser.add_argument("--port", type=int)
    parser.add_argument("--database")
    parser.add_argument("--tls", choices=["disable", "require", "verify-full"])
    parser.add_argument("--country", help="ISO 3166 alpha-2 for new clients")
    parser.add_argument("--currency", help="ISO 4217 for new clients")
    parser.add_argument("--final", action="store_true", help="users cannot change these")
    parser.add_argument("--output", default="clientes-site.oxt")
    args = parser.parse_args()
    with zipfile.ZipFile(args.output, "w", zipfile.ZIP_DEFLATED) as oxt:
        oxt.writestr("META-INF/manifest.xml", MANIFEST)
        oxt.writestr("description.xml", DESCRIPTION)
        oxt.writestr("clientes-site.xcu", settings_xcu(args))
    print(args.output)


if __name__ == "__main__":
    main()
