import json, sys
HIDDEN_SCENARIO_MARKER = "harness-secret-scenario-greet-empty"
def main():
    sys.stdout.write(json.dumps({"scenario": HIDDEN_SCENARIO_MARKER}))
