# Attack: monkeypatch the harness from inside (its channel, its driver, json and os) so every scenario reports a pass.
import json
import os
import sys

for name, module in list(sys.modules.items()):
    if not name.startswith("lectern_harness"):
        continue
    for attribute in dir(module):
        value = getattr(module, attribute, None)
        if isinstance(value, type):
            for method in ("observation", "error", "run", "judge", "check", "_emit"):
                if hasattr(value, method):
                    try:
                        setattr(value, method, lambda self, *a, **k: None)
                    except (AttributeError, TypeError):
                        pass

json.dumps = lambda *a, **k: '{"status": "pass"}'
os.write = lambda fd, data: len(data)
