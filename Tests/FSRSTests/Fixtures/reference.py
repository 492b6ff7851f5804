"""Replays review histories through the reference FSRS implementation (PyPI fsrs 6.3.2).

Reads {"histories": [[[rating, seconds since the epoch], ...], ...]} on stdin and prints, per
history, the card after every review: state, step, stability, difficulty and due (seconds).
The scheduler is fsrs's default (FSRS-6 parameters, desired retention 0.9, learning steps
1 and 10 minutes, relearning step 10 minutes) with fuzzing off, as Lectern runs it.
"""
import json
import sys
from datetime import datetime, timezone

from fsrs import Card, Rating, Scheduler

scheduler = Scheduler(enable_fuzzing=False)
results = []
for history in json.load(sys.stdin)["histories"]:
    start = datetime.fromtimestamp(history[0][1], tz=timezone.utc)
    card = Card(card_id=1, due=start)
    steps = []
    for rating, seconds in history:
        when = datetime.fromtimestamp(seconds, tz=timezone.utc)
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=when)
        steps.append({
            "state": int(card.state), "step": card.step, "stability": card.stability,
            "difficulty": card.difficulty, "due": card.due.timestamp(),
        })
    results.append(steps)
json.dump(results, sys.stdout)
