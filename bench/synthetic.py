"""Write a synthetic sources folder of any size, for benchmarks (the texts are generated, not real)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from pipeline import yamlio

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


def write_corpus(target: Path, messages: int, events: int = 40, seed: int = 2024) -> Path:
    """Write a sources folder with *messages* messages spread over *events* events; return it."""
    rng = random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    (target / "summaries").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "review.yaml", target / "review.yaml")
    shutil.copytree(ROOT / "sources" / "front", target / "front")
    rows = []
    for number in range(events):
        event_id = f"synthetic-event-{number:03d}"
        rows.append(
            {
                "id": event_id,
                "organizer": {"en": f"Organizer {number}", "ar": f"الجهة المنظمة {number}"},
                "title": {"en": f"Synthetic event {number}", "ar": f"حدث اصطناعي {number}"},
                "date": f"{2022 + number % 3}-{1 + number % 12:02d}",
                "phase": "preparatory",
                "stakeholder": number % 5 == 0,
            }
        )
        share = messages // events + (1 if number < messages % events else 0)
        summary = {
            "event": event_id,
            "language": "en",
            "illustrative": True,
            "messages": [
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
        }
        yamlio.dump(summary, target / "summaries" / f"{event_id}.yaml", header="SYNTHETIC benchmark data.")
    yamlio.dump({"events": rows}, target / "events.yaml", header="SYNTHETIC benchmark data.")
    return target
