"""Read a plan pasted into a work chat (WeChat, DingTalk) and saved by a chat-archive tool.

The office posts the plan over several messages, each opened by a line `2024-02-26 09:15:02 王丽华-办公室`; between
them colleagues reply (收到, a question quoting a task with its office line in 「」), the system notes a recalled
message, and the poster answers an @-mention naming task numbers. Read as it is, a message header would run into the
office list above it, and a quoted task would read as a second task 5. The plan is what its poster sent: the messages
of the one who posted the plan's heading, from that message on, without the posts that are plainly no part of it
(an @-answer, a file or picture card). A paste cut mid-task goes on in the poster's next message.

Only a text that plainly is such an export is read this way: at least `_MIN_MESSAGES` header lines and a plan heading
inside one of the messages. A kept line keeps its number; its raw text stays as the file prints it.
"""
from __future__ import annotations

import re

from .normalize import SourceLine

_HEADER = re.compile(r"^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(\S[^\t]{0,40}?)\s*$")
_HEADING = re.compile(r"20\d\d\s*年.{0,24}工作要点")
_NOT_THE_PLAN = re.compile(r"^\s*(?:@|\[(?:文件|图片|链接|语音|视频|表情)\]|“[^”]{1,30}”撤回了)")
_MIN_MESSAGES = 3


def plan_messages(lines: list[SourceLine]) -> tuple[list[SourceLine], bool]:
    """The lines of the messages that carry the plan, without the header lines; the lines unchanged when the text is
    no chat export (or no message of it holds a plan heading)."""
    starts = [i for i, line in enumerate(lines) if _HEADER.match(line.text)]
    if len(starts) < _MIN_MESSAGES:
        return lines, False
    messages = [(_HEADER.match(lines[s].text).group(3), lines[s + 1: e])
                for s, e in zip(starts, starts[1:] + [len(lines)])]
    first = next((k for k, (_, body) in enumerate(messages) if any(_HEADING.search(l.text) for l in body)), None)
    if first is None:
        return lines, False
    poster = messages[first][0]
    out: list[SourceLine] = []
    for sender, body in messages[first:]:
        filled = [l for l in body if l.text.strip()]
        if sender != poster or not filled or _NOT_THE_PLAN.match(filled[0].text):
            continue
        out.extend(filled)
    return out, True
