"""Entry point for staff. Until the chat app lands (issue 4), it prints the parsed outline of every plan in corpus/
so a user can check what the assistant will answer from."""
from __future__ import annotations

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main(["parse", *sys.argv[1:]]))
