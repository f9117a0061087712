"""Stage 1 — documents: from a file on disk to task records.

Reading files (`readers`), the line views quotes and matching share (`normalize`), run-on text cut back into lines
(`runon`), the words that label office lists (`labels`), task tables (`tables`), place names and issuing bodies
(`places`), the rules that cut a plan into records (`parser`), office lists and their aliases (`offices`), the
catalog and what is inferred when it is silent (`catalog`), the loaded corpus (`corpus`), the record dataclasses
(`records`), the outline users check (`outline`) and the worker process an upload is parsed in (`sandbox`). Knows
nothing of indexes, questions or the page: everything later is built on these records.
"""
