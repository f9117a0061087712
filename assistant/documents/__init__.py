"""Stage 1 — documents: from a file on disk to task records.

Reading files (`readers`), the line views quotes and matching share (`normalize`), the rules that cut a plan into
records (`parser`), office lists and their aliases (`offices`), the catalog (`catalog`), the loaded corpus
(`corpus`), the record dataclasses (`records`) and the outline users check (`outline`). Knows nothing of indexes,
questions or the page: everything later is built on these records.
"""
