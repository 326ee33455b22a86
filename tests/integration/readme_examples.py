#!/usr/bin/python3
"""Runs the README's Python macro example against a real office with the built extension.

Usage: readme_examples.py <build dir>. Exit status 0 when the example behaves as documented.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "packaging"))
import clientes_office as office  # noqa: E402


class ScriptContext:
    """What LibreOffice hands a Python macro as XSCRIPTCONTEXT (the part the example uses)."""

    def __init__(self, ctx):
        self._ctx = ctx

    def getComponentContext(self):
        return self._ctx


def readme_python_example():
    with open(os.path.join(HERE, "..", "..", "README.md"), encoding="utf-8") as readme:
        return readme.read().split("```python\n", 1)[1].split("```", 1)[0]


def main():
    build = sys.argv[1]
    work = tempfile.mkdtemp(prefix="clientes-readme-")
    try:
        profile = os.path.join(work, "profile")
        office.install(profile, os.path.join(build, "clientes.oxt"), "es-ES")
        pipe = "clientes_readme_%d" % os.getpid()
        env = dict(os.environ, CLIENTES_DB=os.path.join(work, "clientes.db"),
                   SAL_USE_VCLPLUGIN="svp")
        process = subprocess.Popen(
            [office.PROGRAM + "/soffice", "--headless", "--invisible", "--norestore",
             "--nodefault", "-env:UserInstallation=" + office.file_url(profile),
             f"--accept=pipe,name={pipe};urp;"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL, start_new_session=True)
        ctx = office.connect(pipe, process, os.path.join(build, "clientes.rdb"))
        try:
            namespace = {"XSCRIPTCONTEXT": ScriptContext(ctx)}
            exec(readme_python_example(), namespace)
            city, codes = namespace["add_and_find"]()
        finally:
            office.terminate(ctx, process)
        assert city == "Braga", city
        assert list(codes) == ["C-000001"], codes
        print("README Python example: 1 passed, 0 failed")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
