"""With --auth, nothing about the corpus is in the page before login, and failed logins slow down."""
from __future__ import annotations

import json

from assistant.web.access import MAX_DELAY, LoginGuard


def test_failed_logins_wait_longer_each_time_and_a_right_one_still_gets_in():
    waits = []
    guard = LoginGuard("staff", "s3cret", sleep=waits.append)
    assert not any(guard("staff", f"guess{i}") for i in range(8))
    assert waits[0] == 0 and waits[1:4] == [0.25, 0.5, 1.0] and waits[-1] == MAX_DELAY
    assert guard("staff", "s3cret")


def test_spraying_many_user_names_slows_down_too():
    waits = []
    guard = LoginGuard("staff", "s3cret", sleep=waits.append)
    for i in range(20):
        guard(f"user{i}", "x")
    assert waits[-1] > 1


def test_the_page_as_served_before_login_names_no_city_office_or_file(ready, tmp_path):
    import app
    from assistant.web.ui import AssistantUI

    ui = AssistantUI(ready, app.DEFAULT_CORPUS, tmp_path, ready.engine.embedder)
    page = app.build_page(ui)
    served = json.dumps(page.get_config_file(), ensure_ascii=False, default=str)
    names = {info.city for info in ready.engine.index.documents.values() if info.city}
    names |= set(ready.engine.index.documents) | {"基础教育科", "计财科"}
    assert not [n for n in names if n in served]
