"""Write a synthetic sources folder of any size, for benchmarks (the texts are generated, not real)."""

from __future__ import annotations

import random
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline import yamlwrite

ROOT = Path(__file__).resolve().parent.parent
_EN_WORDS = (
    "migrants regular pathways labour mobility recruitment decent work data cooperation return "
    "reintegration detention alternatives protection services inclusion remittances skills "
    "recognition consular borders trafficking smuggling climate displacement evidence policy"
).split()
_AR_WORDS = (
    "المهاجرين مسارات نظامية تنقل اليد العاملة التوظيف العمل اللائق البيانات التعاون العودة "
    "إعادة الإدماج الاحتجاز البدائل الحماية الخدمات الإدماج التحويلات المهارات الاعتراف "
    "القنصلية الحدود الاتجار التهريب المناخ التشرد الأدلة السياسات"
).split()
_KINDS = ("key-message", "recommendation", "good-practice", "challenge")


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def write_events(
    target: Path, events: int, name: str = "synthetic-event", stakeholder_every: int = 5
) -> list[str]:
    """Start a sources folder in *target* (the bundled review and front matter, *events* events,
    every *stakeholder_every*-th a stakeholder one, none if 0); return the events' ids."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "summaries").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "review.yaml", target / "review.yaml")
    shutil.copytree(ROOT / "sources" / "front", target / "front")
    rows = [
        {
            "id": f"{name}-{number:03d}",
            "organizer": {"en": f"Organizer {number}", "ar": f"الجهة المنظمة {number}"},
            "title": {"en": f"Event {number}", "ar": f"حدث {number}"},
            "date": f"{2022 + number % 3}-{1 + number % 12:02d}",
            "phase": "preparatory",
            "stakeholder": bool(stakeholder_every) and number % stakeholder_every == 0,
        }
        for number in range(events)
    ]
    yamlwrite.dump({"events": rows}, target / "events.yaml", header=_HEADER)
    return [str(row["id"]) for row in rows]


def write_summary(target: Path, event: str, messages: Sequence[Mapping[str, object]]) -> None:
    """Write the summary of *event* in the sources folder *target*, with *messages*."""
    summary = {"event": event, "language": "en", "illustrative": True, "messages": messages}
    yamlwrite.dump(summary, target / "summaries" / f"{event}.yaml", header=_HEADER)


_HEADER = "SYNTHETIC benchmark data."


def write_corpus(target: Path, messages: int, events: int = 40, seed: int = 2024) -> Path:
    """Write a sources folder with *messages* messages spread over *events* events; return it."""
    rng = random.Random(seed)
    for number, event in enumerate(write_events(target, events)):
        share = messages // events + (1 if number < messages % events else 0)
        write_summary(
            target,
            event,
            [
                {
                    "id": f"m{index}",
                    "kind": rng.choice(_KINDS),
                    "objectives": rng.sample(range(1, 24), rng.randint(0, 3)),
                    "text": {
                        "en": _sentence(rng, _EN_WORDS, rng.randint(15, 45)),
                        "ar": _sentence(rng, _AR_WORDS, rng.randint(12, 40)),
                    },
                }
                for index in range(share)
            ],
        )
    return target
