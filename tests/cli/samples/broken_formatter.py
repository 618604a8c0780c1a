"""A formatter that returns code that does not parse."""

import sys

sys.stdin.read()
sys.stdout.write("class _ProxydocRegion:\n    def broken(:\n")
