"""Reads each assessmentItem of an unzipped QTI 2.1 package with pyslet (a QTI 2.1
implementation) and runs its response processing for every choice.

Prints {"S1_Q1": {"correct": "D", "choices": [...], "shuffle": true, "scores": {"A": 0.0, ...},
"feedback": {"A": "A", ...}}, ...}: the score and the FEEDBACK outcome after choosing each option.
"""
import glob
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
import pyslet.qtiv2.interactions as interactions  # noqa: E402
import pyslet.qtiv2.variables as variables  # noqa: E402
import pyslet.qtiv2.xml as qtixml  # noqa: E402

results = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "S*_Q*.xml"))):
    document = qtixml.QTIDocument(baseURI=path)
    document.read()
    item = document.root
    choice = list(item.find_children_depth_first(interactions.ChoiceInteraction))[0]
    letters = [c.identifier for c in choice.SimpleChoice]
    scores, feedback = {}, {}
    for letter in letters:
        state = variables.ItemSessionState(item)
        state.begin_session()
        state.begin_attempt()
        state["RESPONSE"].set_value(letter)
        state.end_attempt()
        scores[letter] = state["SCORE"].value
        feedback[letter] = state["FEEDBACK"].value
    results[item.identifier] = {
        "correct": item.ResponseDeclaration[0].CorrectResponse.ValueElement[0].get_value(),
        "choices": letters, "shuffle": bool(choice.shuffle), "scores": scores, "feedback": feedback,
        "modalFeedback": len(item.QTIModalFeedback),
    }
json.dump(results, sys.stdout)
