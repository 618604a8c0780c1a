"""A stand-in formatter: copies stdin to stdout with a marker comment appended."""

import sys

text = sys.stdin.read()
sys.stdout.write(text.rstrip("\n") + "\n    # formatted\n")
