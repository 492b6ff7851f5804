"""Normalises HTML with the spec runners' normaliser (gfm-normalize.py, loaded unchanged).

Reads a JSON array of HTML strings on stdin and writes the JSON array of their normal forms.
gfm-normalize.py calls cgi.escape, which Python 3.8 removed (and Python 3.13 removed the cgi
module): html.escape is the same function, so it is put in its place before loading.
"""
import html
import importlib.util
import json
import os
import sys
import types

try:
    import cgi
except ImportError:
    cgi = types.ModuleType("cgi")
    sys.modules["cgi"] = cgi
if not hasattr(cgi, "escape"):
    cgi.escape = html.escape

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gfm_normalize", os.path.join(here, "gfm-normalize.py"))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)

documents = json.load(sys.stdin)
json.dump([module.normalize_html(document) for document in documents], sys.stdout)
