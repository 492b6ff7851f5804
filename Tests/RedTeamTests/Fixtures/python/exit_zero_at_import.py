# Attack: leave with status 0 as soon as the grader imports the submission, hoping an early clean exit reads as success.
import os

os._exit(0)
