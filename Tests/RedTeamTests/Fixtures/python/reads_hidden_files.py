# Attack: search every readable file for the reference solution, the mutants (patches against the
# reference, and the mutant sources built from them), the expectations and other learners'
# submissions, and show whatever is found in the import error.
import os

wanted = ("expectations.json", "reference", "mutant", ".patch", "exercise.yml", "submissions", "Package.swift", ".git")
found = []
for root, dirs, files in os.walk("/", onerror=lambda e: None):
    if root.startswith(("/proc", "/sys", "/dev", "/usr", "/opt/swift")):
        dirs[:] = []
        continue
    for name in dirs + files:
        if any(w in name for w in wanted):
            found.append(os.path.join(root, name))
for path in ("/work", "/root", "/home", "/etc/passwd", "/etc/shadow", "../reference", "../../reference"):
    if os.path.lexists(path):
        found.append(path)
raise ImportError(f"found: {sorted(found)}")
