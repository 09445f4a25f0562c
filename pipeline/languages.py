"""The one table of languages: which a summary may be written in, which the document is built in,
and, for each of those, the document's fixed words and numbering conventions (UN editorial practice);
and `Localized`, one text in several of them.

Everything else reads this table: the readers of the sources, the language detector, the view both
renderers draw, and the Word and Typst templates, which print `words.*` from the data they receive.
Adding a language means adding an entry here (and its Word template).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Language:
    """A language summaries may be written in."""

    code: str
    name: str  # in English, as UN mastheads write it ("Original: Arabic")
    rtl: bool
    script: str = "Latn"  # ISO 15924: tells Arabic text from Latin-script text
    common_words: frozenset[str] = frozenset()  # frequent words that tell a Latin-script text's language


@dataclass(frozen=True)
class Words:
    """The fixed words of the outcome document in one language: headings, masthead, table, markers.

    `process_text` holds {events}, {first}, {last} and {attribution}; the formats hold the names in braces.
    """

    un: str
    distribution: str
    original: str
    introduction: str
    process: str
    process_text: str  # {events}, {first}, {last}, and {attribution}: one of `attributions`
    attributions: tuple[str, str, str]  # how messages are attributed: footnotes, endnotes, brackets
    timeline: str
    organizer: str
    event: str
    date: str
    messages: str
    cross_cutting: str
    annex: str
    annex_title: str
    annex_empty: str
    objective_heading: str  # {number}, {title}
    footnote: str  # the attribution to one event: {title}, {organizer}, {date}; joined, then a full stop
    footnote_short: str  # a later citation of the same event: {title} (its short title), {date}
    ibid: str  # a citation of the events the note just before names
    translation_pending: str
    closed_meeting: str
    second_half: str  # {year}
    draft: str  # the running head of a draft: {label}, {date}
    preparatory: str  # the phases of the timeline
    regional_review: str
    follow_up: str


@dataclass(frozen=True, kw_only=True)
class DocumentLanguage(Language):
    """A language the outcome document is built in: its words, and how it numbers and dates."""

    words: Words
    paragraph_format: str
    chapter_numbers: tuple[str, ...]
    section_letters: tuple[str, ...]
    months: tuple[str, ...]
    list_separator: str
    full_stop: str
    range_dash: str
    masthead_dates: str  # the language the masthead's date is written in (UN Arabic mastheads: English)
    note_letters: tuple[str, ...]  # the marks of the annex's footnotes, which UN annexes letter
    note_letter_format: str  # the same as Word's footnote number format (w:numFmt)

    def note_letter(self, number: int) -> str:
        """Return the mark of the annex's footnote *number* (from 1): "a", …, "z", "aa", …"""
        letters = self.note_letters
        return letters[(number - 1) % len(letters)] * ((number - 1) // len(letters) + 1)

    def paragraph_label(self, number: int) -> str:
        """Return the label of numbered paragraph *number*: "12." or "12 -"."""
        return self.paragraph_format.format(number)

    def chapter_label(self, index: int) -> str:
        """Return the label of chapter *index* (0-based): "I." or "أولا -"."""
        return self.chapter_numbers[index]

    def section_label(self, index: int) -> str:
        """Return the label of first-degree subheading *index* (0-based): "A." or "ألف -"."""
        return self.section_letters[index]


_ROMAN = "I II III IV V VI VII VIII IX X".split()
# UN Arabic chapter headings: "أولا -", "ثانيا -"…
_AR_ORDINALS = "أولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا".split()
# UN Arabic first-degree subheadings spell the letters: "ألف -", "باء -", "جيم -", "دال -"…
_AR_LETTERS = "ألف باء جيم دال هاء واو زاي حاء طاء ياء".split()

ENGLISH = DocumentLanguage(
    code="en",
    name="English",
    rtl=False,
    common_words=frozenset("the and of to in for on with is are that this by from be as an".split()),
    words=Words(
        un="United Nations",
        distribution="Distr.:",
        original="Original:",
        introduction="Introduction",
        process="The regional review process",
        process_text=(
            "The second regional review of the Global Compact for Safe, Orderly and Regular Migration in "
            "the Arab region drew on {events} meetings held from {first} to {last}: dialogues of Member "
            "States and regional consultative processes, GCM Talks of the regional workstreams of the "
            "United Nations Network on Migration, and consultations with stakeholders. The key messages "
            "of their summary reports follow, grouped by the clusters of objectives reviewed by the round "
            "tables of the International Migration Review Forum; those of the stakeholder consultations "
            "are annexed. {attribution} The table below lists the events of the review and of its "
            "follow-up; closed meetings are marked."
        ),
        attributions=(
            "A footnote to each key message names the meeting it comes from.",
            "An endnote to each key message names the meeting it comes from.",
            "Each key message is followed, in square brackets, by the meeting it comes from.",
        ),
        timeline="Timeline of the regional review process",
        organizer="Organizer",
        event="Event",
        date="Date",
        messages="Key messages",
        cross_cutting="Cross-cutting messages",
        annex="Annex",
        annex_title="Key messages of the stakeholder consultations",
        annex_empty="No summary of a stakeholder consultation has been received yet.",
        objective_heading="Objective {number}: {title}",
        footnote="{title} ({organizer}, {date})",
        footnote_short="{title}, {date}",
        ibid="Ibid.",
        translation_pending="[translation pending]",
        closed_meeting="(closed)",
        second_half="second half of {year}",
        draft="DRAFT – {label} – {date}",
        preparatory="Preparatory process",
        regional_review="Regional review",
        follow_up="Follow-up",
    ),
    paragraph_format="{}.",
    chapter_numbers=tuple(f"{numeral}." for numeral in _ROMAN),
    section_letters=tuple(f"{letter}." for letter in "ABCDEFGHIJ"),
    months=tuple(
        "January February March April May June July August September October November December".split()
    ),
    list_separator="; ",
    full_stop=".",
    range_dash="–",
    masthead_dates="en",
    note_letters=tuple("abcdefghijklmnopqrstuvwxyz"),
    note_letter_format="lowerLetter",
)

ARABIC = DocumentLanguage(
    code="ar",
    name="Arabic",
    rtl=True,
    script="Arab",
    words=Words(
        un="الأمم المتحدة",
        # UN Arabic mastheads keep the distribution and original-language lines in English.
        distribution="Distr.:",
        original="Original:",
        introduction="مقدمة",
        process="عملية الاستعراض الإقليمي",
        process_text=(
            "استندت الجولة الثانية من الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة "
            "والنظامية في المنطقة العربية إلى {events} اجتماعا عقدت في الفترة من {first} إلى {last}: "
            "حوارات الدول الأعضاء والعمليات التشاورية الإقليمية، ومحادثات الاتفاق العالمي التي نظمتها "
            "مسارات العمل الإقليمية لشبكة الأمم المتحدة للهجرة، ومشاورات أصحاب المصلحة. وترد أدناه "
            "الرسائل الرئيسية الواردة في تقاريرها الموجزة، مصنفة حسب مجموعات الأهداف التي استعرضتها "
            "الموائد المستديرة لمنتدى استعراض الهجرة الدولية، بينما ترد في المرفق الرسائل الرئيسية "
            "لمشاورات أصحاب المصلحة. {attribution} ويعرض الجدول التالي "
            "أحداث الاستعراض ومتابعته، مع الإشارة إلى الاجتماعات المغلقة."
        ),
        attributions=(
            "وتذكر حاشية كل رسالة الاجتماع الذي صدرت عنه.",
            "وتذكر حاشية ختامية لكل رسالة الاجتماع الذي صدرت عنه.",
            "ويُذكر بين معقوفتين بعد كل رسالة الاجتماع الذي صدرت عنه.",
        ),
        timeline="الجدول الزمني لعملية الاستعراض الإقليمي",
        organizer="المنظم",
        event="الحدث",
        date="التاريخ",
        messages="الرسائل الرئيسية",
        cross_cutting="الرسائل الشاملة",
        annex="المرفق",
        annex_title="الرسائل الرئيسية لمشاورات أصحاب المصلحة",
        annex_empty="لم يرد بعد أي تقرير موجز عن مشاورات أصحاب المصلحة.",
        objective_heading="الهدف {number}: {title}",
        footnote="{title} ({organizer}، {date})",
        footnote_short="{title}، {date}",
        ibid="المرجع نفسه.",
        translation_pending="[الترجمة قيد الإعداد]",
        closed_meeting="(مغلق)",
        second_half="النصف الثاني من عام {year}",
        draft="مسودة – {label} – {date}",
        preparatory="العملية التحضيرية",
        regional_review="الاستعراضات الإقليمية",
        follow_up="المتابعة",
    ),
    paragraph_format="{} -",
    chapter_numbers=tuple(f"{ordinal} -" for ordinal in _AR_ORDINALS),
    section_letters=tuple(f"{letter} -" for letter in _AR_LETTERS),
    # UN Arabic documents name months twice, Levantine/Western: "تموز/يوليه".
    months=(
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ),
    list_separator="؛ ",
    full_stop=".",
    # A hyphen keeps a day range such as 3-4 in one left-to-right run inside Arabic text.
    range_dash="-",
    masthead_dates="en",
    # UN Arabic documents letter in the abjad order: (أ), (ب), (ج), (د)…; Word's "arabicAbjad".
    note_letters=(*"أبجد", "هـ", *"وزحطيكلمنسعفصقرشتثخذضظغ"),
    note_letter_format="arabicAbjad",
)

FRENCH = Language(
    code="fr",
    name="French",
    rtl=False,
    common_words=frozenset(
        "le la les des et du de en pour dans sur avec est sont une un que au aux par".split()
    ),
)

# In this order everywhere: texts in several languages, lists in messages, the language of a
# report written in several.
LANGUAGES: dict[str, Language] = {language.code: language for language in (ARABIC, ENGLISH, FRENCH)}
SOURCE_LANGUAGES: tuple[str, ...] = tuple(LANGUAGES)
DOCUMENT_LANGUAGES: dict[str, DocumentLanguage] = {
    code: language for code, language in LANGUAGES.items() if isinstance(language, DocumentLanguage)
}
OUTPUT_LANGUAGES: tuple[str, ...] = tuple(DOCUMENT_LANGUAGES)


class Localized(Mapping[str, str]):
    """One text in several languages, by language code, in the order of the language table.

    Languages without text are left out, so `Localized()` holds none. It never changes and can
    be hashed, like the frozen dataclasses that hold it.
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str | None] | None = None, /, **by_language: str | None):
        given = {**(texts or {}), **by_language}
        unknown = sorted(set(given) - set(SOURCE_LANGUAGES))
        if unknown:
            raise ValueError(f"no language {', '.join(unknown)} in the language table")
        self._texts = tuple((code, text) for code in SOURCE_LANGUAGES if (text := given.get(code)))

    def __getitem__(self, language: str) -> str:
        for code, text in self._texts:
            if code == language:
                return text
        raise KeyError(language)

    def __iter__(self) -> Iterator[str]:
        return (code for code, _ in self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __hash__(self) -> int:
        return hash(self._texts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Localized) and self._texts == other._texts

    def __repr__(self) -> str:
        return f"Localized({dict(self._texts)!r})"

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the languages that have text, in the order of the language table."""
        return tuple(self)
