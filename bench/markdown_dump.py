#!/usr/bin/env python3
"""Writes a conversations JSON as one Markdown file, the way people keep their chats today
(a title, then every message's text), so the benchmark can time grep and rg over it.

  python3 bench/markdown_dump.py conversations.json conversations.md
"""

import json
import sys


def message_text(message):
    content = message.get("content") or {}
    pieces = []
    for part in content.get("parts") or []:
        if isinstance(part, str):
            pieces.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            pieces.append(part["text"])
    if isinstance(content.get("text"), str):
        pieces.append(content["text"])
    return "\n".join(p for p in pieces if p)


def main(source, target):
    with open(source, "rb") as f:
        conversations = json.load(f)
    with open(target, "w", encoding="utf-8") as out:
        for conversation in conversations:
            out.write(f"# {conversation.get('title') or 'Untitled'}\n\n")
            for node in (conversation.get("mapping") or {}).values():
                message = node.get("message")
                if not message:
                    continue
                text = message_text(message)
                if text:
                    role = (message.get("author") or {}).get("role", "")
                    out.write(f"**{role}**: {text}\n\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
