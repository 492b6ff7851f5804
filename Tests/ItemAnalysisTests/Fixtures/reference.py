"""Item analysis with Python's statistics module, to check Lectern's against.

Reads {"keys": [...], "attempts": [[letter, ...], ...]} on stdin; prints the test's mean,
median, SD and KR-20, and per question facility, discrimination (correlation with the rest
of the test) and discriminative efficiency (covariance over the covariance of the sorted
lists), as Moodle's "Quiz statistics calculations" define them.
"""
import json
import statistics
import sys

data = json.load(sys.stdin)
keys = data["keys"]
scores = [[1.0 if answer == key else 0.0 for answer, key in zip(row, keys)] for row in data["attempts"]]
totals = [sum(row) for row in scores]
items = len(keys)
item_variances = [statistics.variance([row[i] for row in scores]) for i in range(items)]
kr20 = items / (items - 1) * (1 - sum(item_variances) / statistics.variance(totals))
questions = []
for i in range(items):
    x = [row[i] for row in scores]
    rest = [total - score for total, score in zip(totals, x)]
    questions.append({
        "facility": statistics.mean(x),
        "discrimination": statistics.correlation(x, rest),
        "efficiency": statistics.covariance(x, rest) / statistics.covariance(sorted(x), sorted(rest)),
    })
json.dump({
    "test": {"mean": statistics.mean(totals), "median": statistics.median(totals),
             "sd": statistics.stdev(totals), "kr20": kr20},
    "questions": questions,
}, sys.stdout)
