"""Stage 4 — web: what the Gradio page's tabs call.

Handlers holding the page's state (`ui`), escaped HTML views (`views`) and the add-document flow (`library`). The
page's layout itself is `app.py` at the project root. No search logic lives here.
"""
