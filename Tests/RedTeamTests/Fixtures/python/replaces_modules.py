# Attack: replace the modules the harness uses (asyncio, the harness's own) with fakes that report success.
import sys
import types

fake = types.ModuleType("asyncio")
fake.run = lambda *a, **k: None
fake.wait_for = lambda *a, **k: None
sys.modules["asyncio"] = fake
for name in list(sys.modules):
    if name.startswith("lectern_harness.") and name != "lectern_harness.main":
        sys.modules[name] = types.ModuleType(name)
