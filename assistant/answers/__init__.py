"""Stage 3 — answers: turning search results into what users read.

The chat's Markdown and the JSON of `ask` (`answer`), the office directory (`directory`) and the task ledger
workbook built from it (`ledger`). Imports only from `documents` and `retrieval`; the chat, the CLI and the directory
tab all call these same functions.
"""
