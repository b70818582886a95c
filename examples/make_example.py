#!/usr/bin/env python3
"""Writes examples/chatgpt-export.zip, a small but believable ChatGPT data export.

The archive imitates the classic layout (one zip, everything at its root, as exported from
"Settings -> Data controls -> Export data" in 2024-2025): conversations.json on one minified
line, chat.html with `var jsonData = [...]` and `var assetsJson = {...}`, user.json,
message_feedback.json, shared_conversations.json, model_comparisons.json, the 2025 additions
(group_chats.json, shopping.json, sora.json), an uploaded image at the root, a DALL-E image under
dalle-generations/ and Advanced Voice clips under <conversation_id>/audio/.

Eight conversations of one person (Lin Wen, a data analyst in Shanghai who writes in Chinese and
English) with ChatGPT between February 2024 and September 2025. Every feature a reader of the
archive should meet is here once: hidden system nodes, custom instructions in both the old and
the new form, an edited question, a regenerated answer, browsing with 【0†source】 citations,
2024-10+ web search with private-use citation markers, Code Interpreter, an uploaded image, a
DALL-E image, voice turns with real WAV files, a thinking model, and one image whose file is not
in the export.

Standard library only, and deterministic: fixed ids, fixed timestamps (also on zip entries),
so running it twice gives a byte-identical zip.

    python3 examples/make_example.py
"""

import hashlib
import io
import json
import math
import struct
import uuid
import wave
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent / "chatgpt-export.zip"

# Date stamped on every zip entry: the day the export was requested.
ZIP_TIME = (2025, 9, 20, 8, 30, 0)

# Namespace of every uuid below, so that ids are stable from run to run.
NAMESPACE = uuid.UUID("5b0c3c52-7d1e-4f59-9a57-6a1f1d0e2a01")

USER_ID = "user-Qm7uT2xWb9LpK4sRz8EaHc3N"
EXPIRY = "2025-10-20T08:30:00.000000+00:00"


# ---------------------------------------------------------------------------------------------
# Ids and times


def uid(*parts):
    """A stable uuid for a name such as ("dreams", "u1")."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def client_uid(prefix, *parts):
    """Ids the web client makes itself start with "aaa1" (root) or "aaa2" (user turns) in 2024."""
    return prefix + uid(*parts)[4:]


def file_service_id(seed):
    """A `file-` id of 22 base-62 characters, like file-6y9faxjcnXrzx8UTUQepS7."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    n = int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big")
    chars = []
    for _ in range(22):
        n, r = divmod(n, 62)
        chars.append(alphabet[r])
    return "file-" + "".join(chars)


def sediment_id(seed):
    """A 2025-style `file_` id: eight zeros then 24 hex digits."""
    return "file_00000000" + hashlib.sha256(seed.encode()).hexdigest()[:24]


class Clock:
    """Hands out increasing float timestamps (seconds, microsecond fraction) for one chat."""

    def __init__(self, start):
        self.now = datetime.strptime(start, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
        self.state = int(self.now)

    def tick(self, seconds):
        self.now += seconds
        # A fixed pseudo-random microsecond fraction, as real exports have.
        self.state = (self.state * 1103515245 + 12345) % 2**31
        return round(self.now + (self.state % 1000000) / 1e6, 6)


# ---------------------------------------------------------------------------------------------
# Media: real, tiny, valid files


def png(width, height, pixel):
    """An 8-bit RGB PNG; pixel(x, y) returns (r, g, b)."""
    rows = b"".join(
        b"\x00" + bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def webp_solid(width, height, rgb):
    """A lossless WebP (VP8L) of one colour.

    With no transform, no colour cache and a one-symbol prefix code for each of green, red, blue,
    alpha and distance, every pixel costs zero bits: the whole image is its header.
    """
    bits = []

    def put(value, count):
        bits.extend((value >> i) & 1 for i in range(count))

    put(width - 1, 14)
    put(height - 1, 14)
    put(0, 1)  # alpha_is_used: no
    put(0, 3)  # version 0
    put(0, 1)  # no transform
    put(0, 1)  # no colour cache
    put(0, 1)  # no meta prefix codes
    red, green, blue = rgb
    for symbol in (green, red, blue, 255):  # green, red, blue, alpha: one 8-bit symbol each
        put(1, 1)  # simple code
        put(0, 1)  # one symbol
        put(1, 1)  # symbol stored on 8 bits
        put(symbol, 8)
    put(1, 1)  # distance code: simple, one symbol (0) on 1 bit
    put(0, 1)
    put(0, 1)
    put(0, 1)
    data = bytearray(b"\x2f")
    for i in range(0, len(bits), 8):
        data.append(sum(bit << j for j, bit in enumerate(bits[i : i + 8])))
    if len(data) % 2:
        data.append(0)
    chunk = b"VP8L" + struct.pack("<I", len(data)) + bytes(data)
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def wav_tone(frequency, seconds=0.3, rate=8000):
    """Mono 16-bit PCM: a short sine tone with soft edges, standing in for a voice clip."""
    count = int(seconds * rate)
    frames = bytearray()
    for i in range(count):
        fade = min(1.0, i / 400, (count - i) / 400)
        frames += struct.pack("<h", int(9000 * fade * math.sin(2 * math.pi * frequency * i / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Messages, trees and conversations, in the export's own field order


def message(mid, role, content, t, *, name=None, recipient="all", end_turn=None, weight=1.0,
            metadata=None, channel=None, modern=False, status="finished_successfully"):
    m = {
        "id": mid,
        "author": {"role": role, "name": name, "metadata": {}},
        "create_time": t,
        "update_time": None,
        "content": content,
        "status": status,
        "end_turn": end_turn,
        "weight": weight,
        "metadata": metadata or {},
        "recipient": recipient,
    }
    if modern:  # the `channel` field appears in 2025
        m["channel"] = channel
    return m


def text(s):
    return {"content_type": "text", "parts": [s]}


def hidden_system(mid, modern=False):
    """The empty, invisible system node every conversation starts with."""
    meta = {"is_visually_hidden_from_conversation": True}
    if modern:
        meta["rebase_developer_message"] = True
    return message(mid, "system", text(""), None, end_turn=True, weight=0.0, metadata=meta, modern=modern)


def user_meta(request, **extra):
    meta = {"request_id": request, "message_source": None, "timestamp_": "absolute", "message_type": None}
    meta.update(extra)
    return meta


def assistant_meta(model, parent, request, **extra):
    meta = {
        "finish_details": {"type": "stop", "stop_tokens": [200002]},
        "is_complete": True,
        "citations": [],
        "content_references": [],
        "message_type": None,
        "model_slug": model,
        "default_model_slug": model,
        "parent_id": parent,
        "request_id": request,
        "timestamp_": "absolute",
    }
    meta.update(extra)
    return meta


class Tree:
    """A conversation's mapping, built turn by turn; children are derived from parents."""

    def __init__(self, root):
        self.nodes = {root: {"id": root, "message": None, "parent": None, "children": []}}
        self.last = root

    def add(self, msg, parent=None):
        parent = parent or self.last
        self.nodes[msg["id"]] = {"id": msg["id"], "message": msg, "parent": parent, "children": []}
        self.nodes[parent]["children"].append(msg["id"])
        self.last = msg["id"]
        return msg["id"]

    def mapping(self, sort_keys=False):
        # 2025 exports sometimes list mapping keys alphabetically rather than in tree order.
        keys = sorted(self.nodes) if sort_keys else list(self.nodes)
        return {k: self.nodes[k] for k in keys}


def conversation(cid, title, tree, current, model, *, modern, voice=None, safe_urls=(), template=None):
    times = [n["message"]["create_time"] for n in tree.nodes.values() if n["message"] and n["message"]["create_time"]]
    c = {
        "title": title,
        "create_time": round(min(times) - 0.8, 6),
        "update_time": round(max(times) + 1.3, 6),
        "mapping": tree.mapping(sort_keys=modern),
        "moderation_results": [],
        "current_node": current,
        "plugin_ids": None,
        "conversation_id": cid,
        "conversation_template_id": template,
        "gizmo_id": None,
        "gizmo_type": None,
        "is_archived": False,
        "is_starred": None,
        "safe_urls": list(safe_urls),
        "blocked_urls": [],
        "default_model_slug": model,
        "conversation_origin": None,
        "voice": voice,
        "async_status": None,
        "disabled_tool_ids": [],
        "is_do_not_remember": False,
        "memory_scope": "global_enabled",
        "id": cid,
    }
    if modern:
        c.update({"context_scopes": None, "is_study_mode": False, "sugar_item_id": None})
        c["id"] = c.pop("id")  # keep `id` last, as the export does
    return c


# ---------------------------------------------------------------------------------------------
# The conversations. Each builder returns (conversation, {zip member: bytes}).


def foundation():
    """Feb 2024, gpt-4: Asimov's Foundation. Old custom instructions, browsing, 【0†source】."""
    cid = uid("foundation")
    clock = Clock("2024-02-18 13:02:11")
    tree = Tree(client_uid("aaa1", "foundation", "root"))
    tree.add(hidden_system(uid("foundation", "system")))
    tree.add(message(
        uid("foundation", "instructions"), "system", text(""), None, end_turn=True, weight=0.0,
        metadata={
            "is_visually_hidden_from_conversation": True,
            "is_user_system_message": True,
            "user_context_message_data": {
                "about_user_message": "I live in Shanghai and work as a data analyst at a logistics company. "
                "I read a lot of science fiction, in English and in Chinese.",
                "about_model_message": "Be warm but honest. If I write in Chinese, answer in Chinese.",
            },
        }))
    u1 = tree.add(message(
        client_uid("aaa2", "foundation", "u1"), "user",
        text("I just finished Foundation for the first time (late, I know). Where did Asimov get the idea "
             "for psychohistory? Someone told me it came from Gibbon."),
        clock.tick(0), metadata=user_meta("8561f0c2ba1d4e07-SJC")))
    tree.add(message(
        uid("foundation", "search"), "assistant",
        {"content_type": "code", "language": "unknown",
         "text": 'search("Asimov Foundation origin psychohistory Gibbon Campbell")'},
        clock.tick(6), recipient="browser", end_turn=False,
        metadata=assistant_meta("gpt-4", u1, "8561f0c2ba1d4e07-SJC")))
    results = tree.add(message(
        uid("foundation", "results"), "tool",
        {"content_type": "tether_browsing_display",
         "result": "# 【0†Foundation (Isaac Asimov novel) - Wikipedia†en.wikipedia.org】\n"
                   "The premise of the stories is that in the waning days of a future Galactic Empire, the "
                   "mathematician Hari Seldon devises the theory of psychohistory...\n"
                   "# 【1†How Asimov wrote Foundation†www.asimovreviews.net】\n"
                   "Asimov was on his way to see John W. Campbell when the idea came to him...",
         "summary": None, "assets": [], "tether_id": None},
        clock.tick(1), name="browser", metadata={"command": "search", "args": ["Asimov Foundation origin psychohistory Gibbon Campbell"], "status": "finished"}))
    tree.add(message(
        uid("foundation", "click"), "assistant",
        {"content_type": "code", "language": "unknown", "text": "mclick([0])"},
        clock.tick(3), recipient="browser", end_turn=False,
        metadata=assistant_meta("gpt-4", results, "8561f0c2ba1d4e07-SJC")))
    quote_text = ("Asimov said that the idea for the Foundation series came to him on 1 August 1941 on his way "
                  "to meet John W. Campbell, after reading Edward Gibbon's The History of the Decline and Fall "
                  "of the Roman Empire.")
    tree.add(message(
        uid("foundation", "quote"), "tool",
        {"content_type": "tether_quote",
         "url": "https://en.wikipedia.org/wiki/Foundation_(Isaac_Asimov_novel)",
         "domain": "en.wikipedia.org", "title": "Foundation (Isaac Asimov novel) - Wikipedia",
         "text": quote_text, "tether_id": None},
        clock.tick(2), name="browser", metadata={"command": "mclick", "args": ["[0]"], "status": "finished"}))
    marker = "【0†source】"
    answer = (
        "Your friend is right. Asimov said the spark was Edward Gibbon's *The History of the Decline and Fall "
        "of the Roman Empire*: on 1 August 1941, on the subway to see his editor John W. Campbell, he decided "
        "to write about the fall of a *Galactic* Empire. Campbell then pushed him toward a science that could "
        "forecast what huge populations would do " + marker + ".\n\n"
        "Psychohistory borrows its logic from the kinetic theory of gases: you can't predict one molecule, but "
        "you can predict the pressure of trillions. Seldon can't say what any single person will do, only what "
        "a galaxy of them will do — and only if they don't know the forecast.\n\n"
        "If you liked the first book, *Foundation and Empire* is where that neat picture gets a beautiful crack "
        "in it. I won't say more!")
    start = answer.index(marker)
    tree.add(message(
        uid("foundation", "a1"), "assistant", text(answer), clock.tick(9), end_turn=True,
        metadata=assistant_meta("gpt-4", tree.last, "8561f0c2ba1d4e07-SJC", citations=[{
            "start_ix": start, "end_ix": start + len(marker), "citation_format_type": "tether_og",
            "metadata": {"type": "webpage", "title": "Foundation (Isaac Asimov novel) - Wikipedia",
                         "url": "https://en.wikipedia.org/wiki/Foundation_(Isaac_Asimov_novel)",
                         "text": quote_text, "pub_date": None,
                         "extra": {"cited_message_idx": 5, "evidence_text": "source"}}}])))
    u2 = tree.add(message(
        client_uid("aaa2", "foundation", "u2"), "user",
        text("Ha. Sometimes I feel like a tiny Hari Seldon at work: I make forecasts and nobody believes them "
             "until the crisis arrives 😅"),
        clock.tick(140), metadata=user_meta("8561f5a9cc3e4e07-SJC")))
    tree.add(message(
        uid("foundation", "a2"), "assistant",
        text("That's a very Seldon feeling! He also had to record his messages for people who wouldn't listen "
             "until the moment came.\n\nOne difference, though: you don't have to wait in a vault for your "
             "crisis. When a forecast matters, it can help to write down *what* you expect, *when*, and *what "
             "it would cost to ignore it* — one short paragraph. When it comes true, that paragraph quietly "
             "builds trust for the next one. Think of it as your own little Time Vault. 🙂"),
        clock.tick(8), end_turn=True, metadata=assistant_meta("gpt-4", u2, "8561f5a9cc3e4e07-SJC")))
    current = tree.last
    conv = conversation(cid, "Foundation and psychohistory", tree, current, "gpt-4", modern=False,
                        safe_urls=["https://en.wikipedia.org/wiki/Foundation_(Isaac_Asimov_novel)"])
    return conv, {}


def work_stress():
    """Apr 2024, gpt-4o, Chinese: stress at work. The last answer was regenerated once."""
    cid = uid("stress")
    clock = Clock("2024-04-09 15:47:30")
    tree = Tree(client_uid("aaa1", "stress", "root"))
    tree.add(hidden_system(uid("stress", "system")))
    u1 = tree.add(message(
        client_uid("aaa2", "stress", "u1"), "user",
        text("最近工作压力好大，每天晚上十一点以后还在回工作群的消息，躺下了也睡不着。是不是我太脆弱了？"),
        clock.tick(0), metadata=user_meta("871c2a0e9b4f5d11-HKG")))
    tree.add(message(
        uid("stress", "a1"), "assistant",
        text("你一点也不脆弱。长期处在“随时待命”的状态里，任何人的身体和心都会累，睡不着其实是身体在提醒你：它一直没有真正下班。\n\n"
             "可以先试试这几件小事：\n\n"
             "1. **给自己定一个“下班时间”**：比如十点以后工作群静音，紧急的事让同事打电话。\n"
             "2. **睡前把担心写下来**：把明天最放不下的三件事写在纸上，告诉自己“它们在纸上等我”。\n"
             "3. **留一段只属于你的时间**：哪怕只有二十分钟，散步、洗个热水澡、读几页书都好。\n\n"
             "如果你愿意，也可以跟我说说，最让你有压力的是哪一部分？"),
        clock.tick(11), end_turn=True, metadata=assistant_meta("gpt-4o", u1, "871c2a0e9b4f5d11-HKG")))
    u2 = tree.add(message(
        client_uid("aaa2", "stress", "u2"), "user",
        text("其实我最怕的是，如果我不马上回，领导会觉得我不够努力。"),
        clock.tick(95), metadata=user_meta("871c2d77e1a05d11-HKG")))
    # First answer: a little generic. Lin pressed "regenerate"; both stay in the mapping.
    tree.add(message(
        uid("stress", "a2-first"), "assistant",
        text("这种担心很常见。你可以找机会和领导沟通一下工作时间的期待，比如问清楚哪些事需要当晚回复，哪些可以第二天处理。"
             "很多时候，领导并没有要求你秒回，只是大家都默认了这种节奏。"),
        clock.tick(9), end_turn=True, metadata=assistant_meta("gpt-4o", u2, "871c2d77e1a05d11-HKG")),
        parent=u2)
    tree.add(message(
        uid("stress", "a2-second"), "assistant",
        text("我听到的是：你很在乎把事情做好，也很在乎别人怎么看你。这两样都不是缺点。\n\n"
             "但“马上回复”和“努力”其实是两回事。领导真正记得的，通常是你交出来的结果，而不是消息在几点几分回的。"
             "现在的压力，不是你不够努力的证据，反而像是你太努力的信号。\n\n"
             "要不要做一个小实验？这周选两个晚上，十点以后把工作群设成免打扰，第二天早上九点前统一回复。"
             "然后看看：真正发生了什么，和你担心会发生的，差了多少。\n\n"
             "不管结果怎样，你都可以回来告诉我。我在这里。"),
        clock.tick(30), end_turn=True,
        metadata=assistant_meta("gpt-4o", u2, "871c2d9f07c35d11-HKG", message_type="variant")),
        parent=u2)
    current = tree.last
    return conversation(cid, "工作压力和睡不着", tree, current, "gpt-4o", modern=False), {}


def diary_words():
    """Jun 2024, gpt-4o: Python help. The second question was edited; the edit ran Code Interpreter."""
    cid = uid("diary")
    clock = Clock("2024-06-02 10:15:04")
    tree = Tree(client_uid("aaa1", "diary", "root"))
    tree.add(hidden_system(uid("diary", "system")))
    u1 = tree.add(message(
        client_uid("aaa2", "diary", "u1"), "user",
        text("I keep a diary as plain text files, one per day, named like 2024-05-31.txt. Can you help me write a "
             "Python script that counts how many words I wrote each month? Some entries are in Chinese, so "
             "splitting on spaces won't work."),
        clock.tick(0), metadata=user_meta("88d1f7c2aa0e3b21-NRT")))
    a1 = tree.add(message(
        uid("diary", "a1"), "assistant",
        text("What a lovely habit. Here's a script that counts English words and Chinese characters separately "
             "(a Chinese character is roughly one word), then adds them up per month:\n\n"
             "```python\n"
             "import re\n"
             "from collections import Counter\n"
             "from pathlib import Path\n"
             "\n"
             "WORD = re.compile(r\"[A-Za-z0-9']+\")   # English words and numbers\n"
             "HAN = re.compile(r\"[\\u4e00-\\u9fff]\")   # one Chinese character\n"
             "\n"
             "def count(text: str) -> int:\n"
             "    return len(WORD.findall(text)) + len(HAN.findall(text))\n"
             "\n"
             "per_month = Counter()\n"
             "for path in sorted(Path(\"diary\").glob(\"*.txt\")):\n"
             "    month = path.stem[:7]            # \"2024-05-31\" -> \"2024-05\"\n"
             "    per_month[month] += count(path.read_text(encoding=\"utf-8\"))\n"
             "\n"
             "for month, words in sorted(per_month.items()):\n"
             "    print(f\"{month}: {words:,} words\")\n"
             "```\n\n"
             "Put it next to your `diary` folder and run `python3 count_words.py`. The `encoding=\"utf-8\"` "
             "matters on Windows, otherwise the Chinese entries may fail to load."),
        clock.tick(14), end_turn=True, metadata=assistant_meta("gpt-4o", u1, "88d1f7c2aa0e3b21-NRT")))
    # The question as first asked: without the numbers.
    first = tree.add(message(
        client_uid("aaa2", "diary", "u2-first"), "user",
        text("It works!! Which month did I write the most?"),
        clock.tick(300), metadata=user_meta("88d1fd0b41a73b21-NRT")), parent=a1)
    tree.add(message(
        uid("diary", "a2-first"), "assistant",
        text("I'm glad it works! I can't see your files from here, though — if you paste the output, I'll tell "
             "you which month wins."),
        clock.tick(5), end_turn=True, metadata=assistant_meta("gpt-4o", first, "88d1fd0b41a73b21-NRT")))
    # The same question edited, with the script's output pasted in: a sibling of the first.
    edited = tree.add(message(
        client_uid("aaa2", "diary", "u2-edited"), "user",
        text("It works!! Here is what it printed:\n2024-01: 8,210 words\n2024-02: 6,904 words\n"
             "2024-03: 9,877 words\n2024-04: 4,310 words\n2024-05: 7,655 words\n"
             "Which month did I write the most, and what's my average?"),
        clock.tick(40), metadata=user_meta("88d1fe6c0d2f3b21-NRT")), parent=a1)
    code = ("counts = {\"2024-01\": 8210, \"2024-02\": 6904, \"2024-03\": 9877, \"2024-04\": 4310, \"2024-05\": 7655}\n"
            "best = max(counts, key=counts.get)\n"
            "average = sum(counts.values()) / len(counts)\n"
            "print(best, counts[best])\n"
            "print(f\"average: {average:.1f}\")")
    call = tree.add(message(
        uid("diary", "python-call"), "assistant",
        {"content_type": "code", "language": "python", "text": code, "response_format_name": None},
        clock.tick(4), recipient="python", end_turn=False,
        metadata=assistant_meta("gpt-4o", edited, "88d1fe6c0d2f3b21-NRT")))
    output = "2024-03 9877\naverage: 7391.2"
    tree.add(message(
        uid("diary", "python-output"), "tool",
        {"content_type": "execution_output", "text": output},
        clock.tick(2), name="python",
        metadata={"is_complete": True, "aggregate_result": {
            "status": "success", "run_id": uid("diary", "run"), "start_time": clock.now - 1.2,
            "update_time": clock.now, "code": code, "end_time": clock.now, "final_expression_output": None,
            "in_kernel_exception": None, "system_exception": None,
            "messages": [{"message_type": "stream", "time": clock.now, "stream_name": "stdout", "sender": "server", "text": output + "\n"}],
            "jupyter_messages": [], "timeout_triggered": None},
            "parent_id": call, "request_id": "88d1fe6c0d2f3b21-NRT", "timestamp_": "absolute"}))
    tree.add(message(
        uid("diary", "a2-edited"), "assistant",
        text("**March** was your biggest month with **9,877 words**, and you averaged **7,391 words a month** — "
             "that's about 240 words every single day.\n\nApril is the quiet one at 4,310. Was that the busy "
             "stretch at work you mentioned? If so, it makes sense that the diary waited. It came right back "
             "in May. 📓"),
        clock.tick(6), end_turn=True, metadata=assistant_meta("gpt-4o", tree.last, "88d1fe6c0d2f3b21-NRT")))
    current = tree.last
    return conversation(cid, "Count diary words per month", tree, current, "gpt-4o", modern=False), {}


def dice_homework():
    """Aug 2024, gpt-4o: probability, LaTeX, and a photo uploaded by the user (in the zip)."""
    cid = uid("dice")
    clock = Clock("2024-08-21 19:33:48")
    image_id = file_service_id("dice/photo")
    image_name = "IMG_4521.png"
    # A small "photo" of a worksheet: a light page with two dark dice outlines.
    width, height = 48, 32

    def worksheet(x, y):
        for left in (6, 26):
            if left <= x < left + 16 and 8 <= y < 24:
                edge = x in (left, left + 15) or y in (8, 23)
                dots = {(left + 4, 12), (left + 11, 12), (left + 4, 19), (left + 11, 19), (left + 8, 16)}
                return (40, 40, 52) if edge or (x, y) in dots else (250, 250, 245)
        return (236, 232, 220) if y % 6 else (196, 214, 236)  # paper with faint blue lines

    photo = png(width, height, worksheet)
    tree = Tree(client_uid("aaa1", "dice", "root"))
    tree.add(hidden_system(uid("dice", "system")))
    u1 = tree.add(message(
        client_uid("aaa2", "dice", "u1"), "user",
        {"content_type": "multimodal_text", "parts": [
            {"content_type": "image_asset_pointer", "asset_pointer": "file-service://" + image_id,
             "size_bytes": len(photo), "width": width, "height": height, "fovea": 512,
             "metadata": {"dalle": None, "gizmo": None, "generation": None, "container_pixel_height": None,
                          "container_pixel_width": None, "emu_omit_glimpse_image": None, "emu_patches_override": None,
                          "sanitized": True, "asset_pointer_link": None, "watermarked_asset_pointer": None}},
            "My niece sent me this from her homework and I'm embarrassed that I can't remember how to do it. "
            "Two dice are rolled — what's the probability that the sum is at least 10?"]},
        clock.tick(0),
        metadata=user_meta("8b6e1a0f5c7d2e90-PVG", attachments=[{
            "id": image_id, "size": len(photo), "name": image_name, "mime_type": "image/png",
            "width": width, "height": height}])))
    tree.add(message(
        uid("dice", "a1"), "assistant",
        text("No need to be embarrassed — this one trips up lots of grown-ups!\n\n"
             "Two dice give \\(6 \\times 6 = 36\\) equally likely outcomes. The ones with a sum of at least 10 are:\n\n"
             "- sum 10: (4,6), (5,5), (6,4)\n- sum 11: (5,6), (6,5)\n- sum 12: (6,6)\n\n"
             "That's 6 outcomes, so\n\n"
             "\\[ P(\\text{sum} \\ge 10) = \\frac{6}{36} = \\frac{1}{6} \\approx 16.7\\% \\]\n\n"
             "A nice way to explain it to her: draw the 6×6 grid and colour the squares that work. She'll *see* "
             "the corner of six squares."),
        clock.tick(12), end_turn=True, metadata=assistant_meta("gpt-4o", u1, "8b6e1a0f5c7d2e90-PVG")))
    u2 = tree.add(message(
        client_uid("aaa2", "dice", "u2"), "user",
        text("She loved the grid! Bonus question from her: with three dice, what's the chance at least one is a six?"),
        clock.tick(410), metadata=user_meta("8b6e2c3a9d4f2e90-PVG")))
    tree.add(message(
        uid("dice", "a2"), "assistant",
        text("Clever niece! The trick is to count the opposite: the chance that **no** die shows a six.\n\n"
             "Each die misses the six with probability \\(\\frac{5}{6}\\), so\n\n"
             "\\[ P(\\text{at least one six}) = 1 - \\left(\\frac{5}{6}\\right)^3 = 1 - \\frac{125}{216} = \\frac{91}{216} \\approx 42.1\\% \\]\n\n"
             "“At least one” questions are almost always easier from the other side. Tell her that's a grown-up "
             "secret. 🎲"),
        clock.tick(9), end_turn=True, metadata=assistant_meta("gpt-4o", u2, "8b6e2c3a9d4f2e90-PVG")))
    current = tree.last
    conv = conversation(cid, "Dice probability homework", tree, current, "gpt-4o", modern=False)
    return conv, {f"{image_id}-{image_name}": photo}


def birthday_card():
    """Dec 2024, gpt-4o: a DALL-E image (the file is under dalle-generations/)."""
    cid = uid("card")
    clock = Clock("2024-12-15 09:05:12")
    image_id = file_service_id("card/dalle")
    image = webp_solid(64, 64, (236, 196, 120))  # a warm osmanthus-gold square stands in for the art
    prompt = ("A soft watercolor birthday card: sprigs of golden osmanthus flowers framing an old grey tabby cat "
              "curled up asleep on a windowsill, warm morning light, gentle pastel colors, plenty of empty "
              "space in the top corner for a handwritten message.")
    tree = Tree(client_uid("aaa1", "card", "root"))
    tree.add(hidden_system(uid("card", "system")))
    u1 = tree.add(message(
        client_uid("aaa2", "card", "u1"), "user",
        text("Can you draw a birthday card for my mom? She loves osmanthus flowers (桂花) and her old cat Mimi, "
             "who is grey and sleeps on the windowsill all day. Watercolor style, soft colors please."),
        clock.tick(0), metadata=user_meta("8f2a61b0c9e17d44-PVG")))
    call = tree.add(message(
        uid("card", "dalle-call"), "assistant",
        {"content_type": "code", "language": "unknown",
         "text": json.dumps({"prompt": prompt, "size": "1024x1024"}, indent=2)},
        clock.tick(3), recipient="dalle.text2im", end_turn=False,
        metadata=assistant_meta("gpt-4o", u1, "8f2a61b0c9e17d44-PVG")))
    gen_id = "Xq2sVb7Lr0pMe4Tn"
    tree.add(message(
        uid("card", "dalle-result"), "tool",
        {"content_type": "multimodal_text", "parts": [{
            "content_type": "image_asset_pointer", "asset_pointer": "file-service://" + image_id,
            "size_bytes": len(image), "width": 1024, "height": 1024, "fovea": 512,
            "metadata": {"dalle": {"gen_id": gen_id, "prompt": prompt, "seed": 2786213194, "parent_gen_id": None,
                                   "edit_op": None, "serialization_title": "DALL-E generation metadata"},
                         "gizmo": None, "generation": None, "container_pixel_height": None,
                         "container_pixel_width": None, "emu_omit_glimpse_image": None,
                         "emu_patches_override": None, "sanitized": False, "asset_pointer_link": None,
                         "watermarked_asset_pointer": None}}]},
        clock.tick(18), name="dalle.text2im",
        metadata={"message_type": None, "model_slug": "gpt-4o", "parent_id": call, "timestamp_": "absolute"}))
    tree.add(message(
        uid("card", "a1"), "assistant",
        text("Here's a watercolor card with golden osmanthus around Mimi, asleep in the morning sun. I left the "
             "top corner empty so you can write something by hand — a few words in your own handwriting will "
             "mean more to her than anything I could draw."),
        clock.tick(4), end_turn=True, metadata=assistant_meta("gpt-4o", tree.last, "8f2a61b0c9e17d44-PVG")))
    u2 = tree.add(message(
        client_uid("aaa2", "card", "u2"), "user",
        text("好可爱！她一定会喜欢的。我打算在角落写“妈妈，生日快乐”。"),
        clock.tick(120), metadata=user_meta("8f2a66e3d1b47d44-PVG")))
    tree.add(message(
        uid("card", "a2"), "assistant",
        text("这句话简单又温暖，正合适。🌼 如果想再多写一点，可以加一句只有你们俩懂的小事，比如和 Mimi 有关的回忆。"
             "祝阿姨生日快乐，也祝你们一起过一个香香的、暖暖的生日。"),
        clock.tick(7), end_turn=True, metadata=assistant_meta("gpt-4o", u2, "8f2a66e3d1b47d44-PVG")))
    current = tree.last
    conv = conversation(cid, "Birthday card for Mom", tree, current, "gpt-4o", modern=False)
    return conv, {f"dalle-generations/{image_id}-{uid('card', 'dalle-file')}.webp": image}


def kyoto_search():
    """Jan 2025, gpt-4o: web search with \\ue200cite\\ue202turn0search0\\ue201 markers."""
    cid = uid("kyoto")
    clock = Clock("2025-01-26 12:40:55")
    tree = Tree("client-created-root")
    tree.add(hidden_system(uid("kyoto", "system"), modern=True))
    tree.add(message(
        uid("kyoto", "context"), "user",
        {"content_type": "user_editable_context",
         "user_profile": "The user provided the following information about themselves. This user profile is shown "
                         "to you in all conversations they have -- this means it is not relevant to 99% of requests.\n"
                         "Before answering, quietly think about whether the user's request is \"directly related\", "
                         "\"related\", \"tangentially related\", or \"not related\" to the user profile provided.\n"
                         "User profile:\n```I live in Shanghai and work as a data analyst. I read science fiction "
                         "in English and Chinese. My mother is 63.```",
         "user_instructions": "The user provided the additional info about how they would like you to respond:\n"
                              "```Be warm but honest. If I write in Chinese, answer in Chinese.```"},
        None, weight=0.0, modern=True,
        metadata={"is_visually_hidden_from_conversation": True, "user_context_message_data": {
            "about_user_message": "I live in Shanghai and work as a data analyst. I read science fiction in "
                                  "English and Chinese. My mother is 63.",
            "about_model_message": "Be warm but honest. If I write in Chinese, answer in Chinese."},
            "is_user_system_message": True}))
    u1 = tree.add(message(
        uid("kyoto", "u1"), "user",
        text("I want to take my mom to Kyoto to see the cherry blossoms this spring. When is the best time to go in 2025?"),
        clock.tick(0), modern=True, metadata=user_meta("9079b7a2fe1c4a18-PVG", system_hints=["search"])))
    call = tree.add(message(
        uid("kyoto", "search-call"), "assistant",
        {"content_type": "code", "language": "unknown", "response_format_name": None,
         "text": 'search("Kyoto cherry blossom forecast 2025 full bloom dates")'},
        clock.tick(2), recipient="web", end_turn=False, modern=True,
        metadata=assistant_meta("gpt-4o", u1, "9079b7a2fe1c4a18-PVG")))
    tree.add(message(
        uid("kyoto", "search-result"), "tool", {"content_type": "code", "language": "unknown", "text": "", "response_format_name": None},
        clock.tick(3), name="web", modern=True,
        metadata={"command": "search", "status": "finished", "parent_id": call, "timestamp_": "absolute",
                  "search_source": "composer_search", "client_reported_search_source": "composer_search"}))
    sources = [
        ("https://www.japan-guide.com/sakura/", "Cherry Blossom Forecast 2025 - japan-guide.com", "japan-guide.com",
         "In Kyoto the cherry blossoms usually open in the last week of March and reach full bloom in early April."),
        ("https://www.jnto.go.jp/en/cherry-blossom/", "Cherry blossom season in Japan | JNTO", "jnto.go.jp",
         "Popular spots such as the Philosopher's Path and Maruyama Park are busiest in the first week of April."),
        ("https://kyoto.travel/en/sakura/", "Sakura in Kyoto | Kyoto City Official Travel Guide", "kyoto.travel",
         "Early-morning visits and lesser-known temples offer a quieter way to enjoy the blossoms."),
    ]
    cite0 = "\ue200cite\ue202turn0search0\ue201"
    cite12 = "\ue200cite\ue202turn0search1\ue202turn0search2\ue201"
    body = ("Lovely plan! 🌸 In Kyoto the blossoms usually open in the last week of March and reach full bloom "
            "around the first days of April " + cite0 + ". For 2025, aiming for **about 28 March to 5 April** "
            "gives you the best chance, and booking a hotel you can cancel helps if the season shifts by a few days.\n\n"
            "Since you're travelling with your mom, a few gentle ideas:\n\n"
            "- Go to famous spots like the Philosopher's Path early in the morning, before the crowds of the first "
            "April week " + cite12 + ".\n"
            "- Keep one afternoon free for simply sitting under a tree with tea — those are often the moments people "
            "remember.\n\nWould you like a three-day plan that keeps the walking light?")

    def reference(marker, indices, kind):
        start = body.index(marker)
        items = [{"title": sources[i][1], "url": sources[i][0] + "?utm_source=chatgpt.com", "pub_date": None,
                  "snippet": sources[i][3], "attribution": sources[i][2], "supporting_websites": [],
                  "refs": [{"turn_index": 0, "ref_type": "search", "ref_index": i}], "hue": None,
                  "attributions": None} for i in indices]
        return {"matched_text": marker, "start_idx": start, "end_idx": start + len(marker), "safe_urls": [item["url"] for item in items],
                "refs": [], "alt": "(" + ", ".join(f"[{sources[i][2]}]({sources[i][0]}?utm_source=chatgpt.com)" for i in indices) + ")",
                "prompt_text": None, "type": kind, "items": items, "fallback_items": None, "status": "done",
                "error": None, "style": None}

    refs = [reference(cite0, [0], "grouped_webpages"), reference(cite12, [1, 2], "grouped_webpages"),
            {"matched_text": " ", "start_idx": len(body), "end_idx": len(body), "safe_urls": [], "refs": [],
             "alt": "", "prompt_text": None, "type": "sources_footnote",
             "sources": [{"title": s[1], "url": s[0] + "?utm_source=chatgpt.com", "attribution": s[2]} for s in sources],
             "has_images": False}]
    groups = [{"type": "search_result_group", "domain": s[2], "entries": [{
        "type": "search_result", "url": s[0] + "?utm_source=chatgpt.com", "title": s[1], "snippet": s[3],
        "ref_id": {"turn_index": 0, "ref_type": "search", "ref_index": i}, "pub_date": None, "attribution": s[2]}]}
        for i, s in enumerate(sources)]
    tree.add(message(
        uid("kyoto", "a1"), "assistant", text(body), clock.tick(7), end_turn=True, modern=True,
        metadata=assistant_meta("gpt-4o", tree.last, "9079b7a2fe1c4a18-PVG", content_references=refs,
                                search_result_groups=groups, search_source="composer_search",
                                client_reported_search_source="composer_search",
                                safe_urls=[s[0] + "?utm_source=chatgpt.com" for s in sources])))
    u2 = tree.add(message(
        uid("kyoto", "u2"), "user",
        text("Yes please! She walks slowly since her knee surgery last year, so nothing too steep."),
        clock.tick(95), modern=True, metadata=user_meta("9079c1e0a2b34a18-PVG")))
    tree.add(message(
        uid("kyoto", "a2"), "assistant",
        text("Of course. Here's an easy-paced plan with flat paths and lots of places to sit:\n\n"
             "**Day 1 — arrive and settle in.** Check in, then an evening stroll along the Kamo River. It's flat, "
             "there are benches everywhere, and the trees along the bank are beautiful at dusk.\n\n"
             "**Day 2 — the Philosopher's Path, slowly.** Start around 7:30 before the crowds. Walk only the "
             "southern half, stop for matcha at a café, and take a taxi back for an afternoon rest.\n\n"
             "**Day 3 — a garden day.** The Imperial Palace park is wide and level, with weeping cherries near the "
             "north side. Bring a picnic and let her set the pace.\n\n"
             "Taxis in Kyoto are plentiful and not too expensive; using them between spots saves her knee for "
             "the parts that matter. I hope you two have a wonderful trip. 🌸"),
        clock.tick(11), end_turn=True, modern=True,
        metadata=assistant_meta("gpt-4o", u2, "9079c1e0a2b34a18-PVG")))
    current = tree.last
    conv = conversation(cid, "Kyoto cherry blossoms with Mom", tree, current, "gpt-4o", modern=True,
                        safe_urls=[s[0] + "?utm_source=chatgpt.com" for s in sources])
    return conv, {}


def grandma_dream():
    """Mar 2025, gpt-4o Advanced Voice, Chinese: a dream about grandmother. Two voice exchanges
    with their WAV clips, then one typed turn."""
    cid = uid("dream")
    clock = Clock("2025-03-02 07:12:40")
    tree = Tree("client-created-root")
    tree.add(hidden_system(uid("dream", "system"), modern=True))
    media = {}

    def clip(name, frequency, start):
        audio = wav_tone(frequency)
        pointer_id = sediment_id("dream/" + name)
        media[f"{cid}/audio/{pointer_id}-{uid('dream', name, 'clip')}.wav"] = audio
        return {"content_type": "audio_asset_pointer", "asset_pointer": "sediment://" + pointer_id,
                "size_bytes": len(audio), "format": "wav", "expiry_datetime": EXPIRY,
                "metadata": {"start_timestamp": None, "end_timestamp": None, "pretokenized_vq": None,
                             "interruptions": None, "original_audio_source": None, "transcription": None,
                             "word_transcription": None, "start": start, "end": round(start + 0.3, 2)},
                "tool_audio_direction": None}

    def said(words, name, frequency, start):
        return message(
            uid("dream", name), "user",
            {"content_type": "multimodal_text", "parts": [
                {"content_type": "audio_transcription", "text": words, "direction": "in", "decoding_id": None},
                {"content_type": "real_time_user_audio_video_asset_pointer", "expiry_datetime": EXPIRY,
                 "frames_asset_pointers": [], "video_container_asset_pointer": None,
                 "audio_asset_pointer": clip(name, frequency, start), "audio_start_timestamp": start}]},
            clock.tick(6), modern=True,
            metadata=user_meta("91a4c0e27f3b6c05-PVG", voice_mode_message=True, real_time_audio_has_video=False))

    def answered(words, name, frequency, start, parent):
        return message(
            uid("dream", name), "assistant",
            {"content_type": "multimodal_text", "parts": [
                {"content_type": "audio_transcription", "text": words, "direction": "out", "decoding_id": None},
                clip(name, frequency, start)]},
            clock.tick(4), end_turn=True, modern=True,
            metadata=assistant_meta("gpt-4o", parent, "91a4c0e27f3b6c05-PVG", voice_mode_message=True))

    u1 = tree.add(said("我昨晚又梦到外婆了。梦里她还在老房子的厨房里包馄饨，问我最近有没有好好吃饭。", "u1", 330, 1.42))
    tree.add(answered("听起来是一个很温柔的梦。外婆在梦里问你有没有好好吃饭，这好像正是她一直以来关心你的方式。醒来的时候，你是什么感觉？",
                      "a1", 440, 9.87, u1))
    u2 = tree.add(said("有点想哭，但也有点开心。好像她还记得我。", "u2", 349, 21.5))
    tree.add(answered("想哭和开心可以同时存在，这一点也不矛盾。很多人会在特别想念一个人的时候梦见他们。"
                      "也许不是她记得你，而是你一直记得她——她教你的那些小事，都还在你身上。", "a2", 466, 27.04, u2))
    u3 = tree.add(message(
        uid("dream", "u3"), "user",
        text("谢谢你刚才陪我聊。我想把梦里的样子写下来，免得以后忘了。"),
        clock.tick(240), modern=True, metadata=user_meta("91a4c3b8d21e6c05-PVG")))
    tree.add(message(
        uid("dream", "a3"), "assistant",
        text("这是个很好的主意。写的时候不用追求完整，记下那些最具体的细节就好：厨房的光、馄饨的样子、她说话的语气。"
             "具体的细节，最能把人带回那个时刻。\n\n以后你什么时候想再聊聊外婆，或者又做了关于她的梦，都可以来找我。🌙"),
        clock.tick(9), end_turn=True, modern=True,
        metadata=assistant_meta("gpt-4o", u3, "91a4c3b8d21e6c05-PVG")))
    current = tree.last
    conv = conversation(cid, "梦见外婆", tree, current, "gpt-4o", modern=True, voice="juniper")
    return conv, media


def job_offer():
    """Sep 2025, gpt-5-thinking: thoughts, reasoning_recap, channels, and an uploaded screenshot
    whose file is NOT in the export (an unavailable asset)."""
    cid = uid("offer")
    clock = Clock("2025-09-14 21:18:02")
    screenshot = sediment_id("offer/screenshot")
    tree = Tree("client-created-root")
    tree.add(hidden_system(uid("offer", "system"), modern=True))
    tree.add(message(
        uid("offer", "context"), "user",
        {"content_type": "user_editable_context",
         "user_profile": "The user provided the following information about themselves. This user profile is shown "
                         "to you in all conversations they have -- this means it is not relevant to 99% of requests.\n"
                         "User profile:\n```I live in Shanghai and work as a data analyst. My mother is 63.```",
         "user_instructions": "The user provided the additional info about how they would like you to respond:\n"
                              "```Be warm but honest. If I write in Chinese, answer in Chinese.```"},
        None, weight=0.0, modern=True,
        metadata={"is_visually_hidden_from_conversation": True, "is_user_system_message": True,
                  "user_context_message_data": {
                      "about_user_message": "I live in Shanghai and work as a data analyst. My mother is 63.",
                      "about_model_message": "Be warm but honest. If I write in Chinese, answer in Chinese."}}))
    # The memory snapshot the model saw (hidden).
    tree.add(message(
        uid("offer", "memory"), "system",
        {"content_type": "model_editable_context",
         "model_set_context": "1. [2024-04-09]. Felt a lot of stress at work in 2024 from answering work chats late "
                              "at night; tried muting them after 10pm and it helped.\n"
                              "2. [2024-12-15]. Mother loves osmanthus flowers and has an old grey cat named Mimi.\n"
                              "3. [2025-01-26]. Mother had knee surgery in 2024 and walks slowly.",
         "repository": None, "repo_summary": None, "structured_context": None},
        None, weight=1.0, modern=True, metadata={"is_visually_hidden_from_conversation": True}))
    u1 = tree.add(message(
        uid("offer", "u1"), "user",
        {"content_type": "multimodal_text", "parts": [
            {"content_type": "image_asset_pointer", "asset_pointer": "sediment://" + screenshot,
             "size_bytes": 184213, "width": 1170, "height": 2532, "fovea": None,
             "metadata": {"dalle": None, "gizmo": None, "generation": None, "container_pixel_height": None,
                          "container_pixel_width": None, "emu_omit_glimpse_image": None, "emu_patches_override": None,
                          "lpe_keep_patch_ijhw": None, "sanitized": True, "asset_pointer_link": None,
                          "watermarked_asset_pointer": None}},
            "I got an offer from a company in Hangzhou: senior analyst, about 25% more money, a real team to lead. "
            "The screenshot is the summary. But I'd move 180 km from my mom, and I'd leave a team I like. "
            "Can you help me think it through honestly?"]},
        clock.tick(0), modern=True,
        metadata=user_meta("97fe21c04b8a1d3e-PVG", attachments=[{
            "id": screenshot, "size": 184213, "name": "offer-summary.png", "mime_type": "image/png",
            "width": 1170, "height": 2532, "source": "local"}])))
    thoughts = tree.add(message(
        uid("offer", "thoughts"), "assistant",
        {"content_type": "thoughts", "thoughts": [
            {"summary": "Weighing the move", "content": "She asks for honesty, not cheerleading. Key factors: growth "
             "(leading a team), money (+25%), distance from her mother (Hangzhou is about an hour by high-speed "
             "train), and leaving a team she likes. Memory says she burned out last year from always being on "
             "call, so the new role's evening expectations matter as much as the title.", "chunks": [], "finished": True},
            {"summary": "Structuring the answer", "content": "Offer a way to decide rather than a verdict: what each "
             "option protects, questions to ask the new company, and a reversible test.", "chunks": [], "finished": True}],
         "source_analysis_msg_id": uid("offer", "analysis")},
        clock.tick(3), recipient="all", modern=True, channel="analysis", end_turn=None,
        metadata=assistant_meta("gpt-5-thinking", u1, "97fe21c04b8a1d3e-PVG",
                                reasoning_status="is_reasoning", thinking_effort="standard")))
    tree.add(message(
        uid("offer", "recap"), "assistant", {"content_type": "reasoning_recap", "content": "Thought for 23s"},
        clock.tick(23), modern=True, metadata=assistant_meta("gpt-5-thinking", thoughts, "97fe21c04b8a1d3e-PVG",
                                                              reasoning_status="reasoning_ended", finished_duration_sec=23)))
    tree.add(message(
        uid("offer", "a1"), "assistant",
        text("Congratulations — being asked to lead a team says a lot about how others see your work.\n\n"
             "I can't open the screenshot from here, so I'll go by what you wrote. Honestly, this looks less like "
             "*money versus family* and more like *growth versus the things that keep you steady*.\n\n"
             "**What Hangzhou gives you:** a real step up, a team to shape, and a raise that makes visits home easy "
             "to afford. It's about an hour by high-speed train — close enough for weekends with your mom.\n\n"
             "**What Shanghai protects:** being near her day to day, and a team you like. That second one matters "
             "more than people admit; a good team is rare.\n\n"
             "**Questions worth asking before you decide:**\n"
             "1. What does an ordinary week look like for the person in this role? Are evenings really free?\n"
             "2. Could you work one or two days a week remotely, at least the first months?\n"
             "3. How does your mom feel — not what she'll say to protect you, but what she'd miss?\n\n"
             "And a gentle test: imagine it's a year from now and you said no. Do you feel relief, or a small ache? "
             "That feeling is information too."),
        clock.tick(2), end_turn=True, modern=True, channel="final",
        metadata=assistant_meta("gpt-5-thinking", tree.last, "97fe21c04b8a1d3e-PVG")))
    u2 = tree.add(message(
        uid("offer", "u2"), "user",
        text("I asked my mom tonight. She said: 去吧，高铁一个小时而已，周末回来吃饭。I think I'm going to say yes."),
        clock.tick(5400), modern=True, metadata=user_meta("97fe3a9d10c21d3e-PVG")))
    recap = tree.add(message(
        uid("offer", "recap-2"), "assistant", {"content_type": "reasoning_recap", "content": "Thought for 4s"},
        clock.tick(5), modern=True, metadata=assistant_meta("gpt-5-thinking", u2, "97fe3a9d10c21d3e-PVG",
                                                             reasoning_status="reasoning_ended", finished_duration_sec=4)))
    tree.add(message(
        uid("offer", "a2"), "assistant",
        text("That sounds like a mom who is proud of you. 💛 “周末回来吃饭” is a lovely promise to build the move "
             "around.\n\nCongratulations on your new role. A small suggestion for the first weeks: keep the evening "
             "boundaries you practised last year from day one, while everything is new. It's much easier to start "
             "that way than to change later."),
        clock.tick(3), end_turn=True, modern=True, channel="final",
        metadata=assistant_meta("gpt-5-thinking", recap, "97fe3a9d10c21d3e-PVG")))
    current = tree.last
    conv = conversation(cid, "Hangzhou offer: stay or go?", tree, current, "gpt-5-thinking", modern=True)
    return conv, {}  # the screenshot's file is deliberately absent


# ---------------------------------------------------------------------------------------------
# The other files of the export


def chat_html(conversations, assets):
    """The offline viewer: the same data as a JS literal, plus the pointer -> file map."""
    data = json.dumps(conversations, ensure_ascii=False, separators=(",", ":"))
    asset_map = json.dumps(assets, ensure_ascii=False, sort_keys=True)
    return f"""<!DOCTYPE html>
<html>
<head>
  <meta charset="UTF-8">
  <title>ChatGPT Data Export</title>
  <style>
    body {{ font-family: sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5; }}
    .conversation {{ border-bottom: 1px solid #ddd; padding-bottom: 1rem; }}
    .author {{ font-weight: bold; }}
    pre {{ white-space: pre-wrap; }}
  </style>
</head>
<body>
<div id="root"></div>
<script>
var jsonData = {data};
var assetsJson = {asset_map};

function getConversationMessages(conversation) {{
  var messages = [];
  var node = conversation.current_node;
  while (node != null) {{
    var entry = conversation.mapping[node];
    var message = entry.message;
    if (message && message.content && message.content.parts && message.author.role !== "system" &&
        (message.recipient === "all" || message.recipient === undefined)) {{
      var parts = message.content.parts.map(function (part) {{
        if (typeof part === "string") return part;
        if (part.content_type === "audio_transcription") return part.text;
        var name = assetsJson[part.asset_pointer];
        return name ? "[File]: " + name : "";
      }});
      messages.push({{ author: message.author.role, text: parts.join("\\n") }});
    }}
    node = entry.parent;
  }}
  return messages.reverse();
}}

var root = document.getElementById("root");
jsonData.forEach(function (conversation) {{
  var div = document.createElement("div");
  div.className = "conversation";
  var title = document.createElement("h4");
  title.textContent = conversation.title;
  div.appendChild(title);
  getConversationMessages(conversation).forEach(function (message) {{
    var pre = document.createElement("pre");
    pre.innerHTML = '<span class="author">' + message.author + "</span>: ";
    pre.appendChild(document.createTextNode(message.text));
    div.appendChild(pre);
  }});
  root.appendChild(div);
}});
</script>
</body>
</html>
"""


def asset_pointers(value):
    """Every asset_pointer string inside a conversation, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "asset_pointer" and isinstance(item, str):
                yield item
            else:
                yield from asset_pointers(item)
    elif isinstance(value, list):
        for item in value:
            yield from asset_pointers(item)


def build():
    conversations, media = [], {}
    for make in (foundation, work_stress, diary_words, dice_homework, birthday_card, kyoto_search,
                 grandma_dream, job_offer):
        conv, files = make()
        conversations.append(conv)
        media.update(files)
    conversations.sort(key=lambda c: c["update_time"], reverse=True)  # newest first, as exported

    # assetsJson maps each pointer that has a file in the export to that file's name.
    assets = {}
    for conv in conversations:
        for pointer in asset_pointers(conv["mapping"]):
            file_id = pointer.split("://", 1)[1]
            for name in media:
                if Path(name).name.startswith(file_id + "-"):
                    assets[pointer] = name

    by_title = {c["title"]: c for c in conversations}
    stress = by_title["工作压力和睡不着"]
    foundation_conv = by_title["Foundation and psychohistory"]
    offer = by_title["Hangzhou offer: stay or go?"]

    user = {"id": USER_ID, "email": "lin.wen@example.com", "chatgpt_plus_user": True,
            "birth_year": 1991, "phone_number": None}
    feedback = [{
        "id": uid("feedback", "1"), "conversation_id": stress["id"], "user_id": USER_ID,
        "rating": "thumbsUp", "create_time": "2024-04-09T15:50:12.481223+00:00", "workspace_id": None,
        "content": "{}", "storage_protocol": "zero_knowledge", "message_id": uid("stress", "a2-second")}]
    shared = [{"id": uid("share", "foundation"), "conversation_id": foundation_conv["id"],
               "title": "Foundation and psychohistory", "is_anonymous": True}]
    # One "which response do you prefer?" choice, made during the job-offer chat.
    comparisons = [{
        "id": uid("comparison", "1"), "user_id": USER_ID,
        "input": {"conversation_id": offer["id"], "messages": [{"id": uid("offer", "u2"), "author": {"role": "user"}}]},
        "output": {"feedback_step_1": {"rating": "none", "critique_text": "", "tags": []},
                   "feedback_step_2": {"original_turn": [uid("offer", "a2")], "new_turn": [uid("offer", "a2-alt")],
                                       "completion_comparison_rating": "original", "new_completion_placement": "not-applicable",
                                       "feedback_start_time": 1757885920.0, "compare_step_start_time": 1757885921.0,
                                       "new_completion_load_start_time": 1757885921.2,
                                       "new_completion_load_end_time": 1757885924.6, "frontend_submission_time": 1757885931.9}},
        "metadata": {"conversation_id": offer["id"]},
        "create_time": "2025-09-14T22:52:11.902114+00:00"}]

    def dump(value):
        return json.dumps(value, ensure_ascii=False, indent=4).encode()

    files = {
        "conversations.json": json.dumps(conversations, ensure_ascii=False, separators=(",", ":")).encode(),
        "chat.html": chat_html(conversations, assets).encode(),
        "user.json": dump(user),
        "message_feedback.json": dump(feedback),
        "shared_conversations.json": dump(shared),
        "model_comparisons.json": dump(comparisons),
        "group_chats.json": dump({"chats": []}),
        "shopping.json": dump([]),
        "sora.json": dump({}),
    }
    files.update(media)
    return files


def write_zip(path, files):
    """Entries sorted by name, fixed dates and permissions: the same bytes on every run."""
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            # Media is already compressed; store it as real exports do and deflate the JSON.
            media = name.endswith((".png", ".webp", ".wav"))
            info.compress_type = zipfile.ZIP_STORED if media else zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=None if media else 9)


def main():
    files = build()
    write_zip(OUT, files)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(files)} entries)")


if __name__ == "__main__":
    main()
