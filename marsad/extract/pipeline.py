"""The staged extractor: normalize -> split -> find entities -> assemble -> resolve.

    extract(text: str, published: datetime.date | datetime.datetime | None,
            title: str | None = None, options: ExtractOptions | None = None) -> list[Mention]

One visible function, `extract`, runs the stages in order; one `ExtractOptions` object
travels down. The rules of assembly are in assemble.py; the entity finders are
clean.py (stories, sentences), vocab.py (actors, places, cues), dates.py, numbers.py.
Bad input (empty, binary, huge) gives [] or a few mentions, never an exception.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

from marsad.extract import assemble as asm
from marsad.extract.normalize import contains_any, normalize
from marsad.extract.options import DEFAULT_OPTIONS, ExtractOptions
from marsad.model import SUB_EVENT_TYPES, Mention

try:  # the entity finders (teammates' modules): a missing function disables its stage only
    from marsad.extract import clean, dates, numbers, vocab
except ImportError:  # pragma: no cover
    clean = dates = numbers = vocab = None  # type: ignore[assignment]


# ACLED sub-event types the vocabulary may name beyond model.SUB_EVENT_TYPES
EXTRA_EVENT_TYPES = {
    "Looting/property destruction": "Strategic developments",
    "Suicide bomb": "Explosions/Remote violence",
}

# a stand-in publication day for undated articles (see find_entities); any date works
_STAND_IN_DAY = dt.date(2000, 1, 1)


def _stage(module, name):
    fn = getattr(module, name, None) if module is not None else None
    return fn if callable(fn) else None


def extract(
    text: str,
    published: dt.date | dt.datetime | None,
    title: str | None = None,
    options: ExtractOptions | None = None,
) -> list[Mention]:
    """Incident mentions reported by one article (spec sections 1-6)."""
    opts = options or DEFAULT_OPTIONS
    text = _guard(text, opts)
    if not text.strip():
        return []
    pub = published.date() if isinstance(published, dt.datetime) else published
    title = _guard(title, opts) if title else None

    # 1-2. normalize + split into stories and sentences (clean normalizes for matching
    #      internally; every offset indexes the original text)
    split = _stage(clean, "split_stories")
    if split is None:
        return []
    try:
        stories = split(text, title)
    except Exception:  # noqa: BLE001 - a splitter bug must not lose the whole corpus run
        return []

    mentions: list[Mention] = []
    budget = opts.max_sentences
    header = _heading_day(stories, pub)
    for story in stories:
        sentences = story.sentences[:budget]
        budget -= len(sentences)
        # 3. entities per sentence (cheap prefilter first: cues; the rest only near events)
        facts = find_entities(sentences, story.title, pub, opts)
        # 4. assemble events
        events = asm.assemble_story(facts, opts, pub)
        if header is not None:
            for e in events:
                if e.date is None and e.inherited_date is None and not e.background:
                    e.inherited_date = header
        # 5. resolve dates, scope, casualties -> mentions
        mentions.extend(m for e in events if (m := resolve(e, text, pub, facts, opts, events)) is not None)
        if budget <= 0:
            break
    return mentions


def _heading_day(stories, pub: dt.date | None):
    """The one day a page's heading gives its list ("الحصاد الأمني ليوم الجمعة:", then one
    item a line): the day of every item that names none of its own."""
    if not stories or not stories[0].sentences:
        return None
    head = stories[0].sentences[0].text.rstrip()
    if not head.endswith(":") or len(head) > 120:
        # (or the page's heading line: "موجز الأخبار الأمنية ليوم الأحد")
        head = stories[0].title or ""
        if len(head) > 120 or "ليوم" not in normalize(head):
            return None
    days = [d for d in _safe(_stage(dates, "find_dates"), head, pub) if d.precision == "day"]
    return days[0] if len(days) == 1 else None


def _guard(text, opts: ExtractOptions) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = str(text)
    if len(text) > opts.max_chars:
        text = text[: opts.max_chars]
    if "&" in text:
        text = _CHARACTER_REFERENCE.sub(_referenced, text)
    return text.replace("\x00", " ")


# HTML character references a scraper left in the text ("قتل&nbsp;ثلاثة&nbsp;جنود" hid the
# count from its verb): read as the character each stands for, padded with spaces to the
# reference's length, so that every offset still indexes the text as given
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _referenced(m: re.Match) -> str:
    reference = m.group()
    ch = html.unescape(reference)
    if ch == reference or len(ch) > len(reference):
        return reference  # (no character reference HTML knows)
    if ch.isspace():
        ch = " "  # (a no-break space: normalization drops a zero-width mark itself)
    return ch + " " * (len(reference) - len(ch))


def find_entities(sentences, title: str | None, pub: dt.date | None, opts: ExtractOptions) -> list[asm.Facts]:
    """Cues for every sentence; actors, places, dates, casualties when the assembler reads them."""
    find_cues = _stage(vocab, "find_cues")
    find_actors = _stage(vocab, "find_actors")
    find_places = _stage(vocab, "find_places")
    find_dates = _stage(dates, "find_dates")
    find_cas = _stage(numbers, "find_casualties")
    facts: list[asm.Facts] = []
    for i, s in enumerate(sentences):
        stext = s.text[: opts.max_sentence_chars]
        f = asm.Facts(index=i, start=s.start, end=s.start + len(stext), text=stext)
        f.cues, f.series = asm.series_places(
            stext,
            asm.one_day_burst(
                stext, asm.model_numbers(stext, asm.without_denied_claims(stext, _safe(find_cues, stext)))
            ),
        )
        facts.append(f)
    if title and opts.title_context:
        # the story title: context only (never evidence, never an event of its own)
        t = asm.Facts(index=-1, start=-1, end=-1, text=title[: opts.max_sentence_chars], is_title=True)
        t.cues = _safe(find_cues, t.text)
        facts.insert(0, t)
    finders = _Finders(find_actors, find_places, find_dates, find_cas, pub)
    for f in facts:
        # run on first read (the assembler reads far from all of them; sentences far from any
        # event are read only for the story's context: its factions, its places)
        f.finders = finders
    return facts


class _Finders:
    """The entity finders of one story's sentences; Facts runs each on the sentence's text
    on first read (a finder that fails gives no entities)."""

    __slots__ = ("_actors", "_places", "_dates", "_casualties", "pub")

    def __init__(self, find_actors, find_places, find_dates, find_cas, pub: dt.date | None) -> None:
        self._actors, self._places, self._dates, self._casualties = (
            find_actors,
            find_places,
            find_dates,
            find_cas,
        )
        self.pub = pub

    def bodies(self, text: str) -> list:
        """Every actor the sentence names, the bodies that only report included."""
        return _safe(self._actors, text)

    def acting(self, text: str, bodies: list) -> list:
        """The actors of a sentence (its `bodies`) but those that only report (a ministry, a
        media cell), unless the body announces what it carried out itself ("أعلنت وزارة الدفاع
        التركية تحييد ستة")."""
        return [a for a in bodies if getattr(a, "kind", "") != "source" or _acting_source(text, a)]

    def places(self, text: str) -> list:
        return _safe(self._places, text)

    def dates(self, text: str) -> tuple[list, list]:
        """(dates, ref_dates): "منذ الإثنين" (the start of what is reported) only when
        nothing else dates it. Undated article: relative dates are also resolved against a
        stand-in day (ref_dates) so that the assembler can tell "Monday" from "today"
        apart; those are never output."""
        found = _until_dropped(_safe(self._dates, text, self.pub))
        dates = [d for d in found if not getattr(d, "since", False)] or found
        if self.pub is not None:
            return dates, dates
        found = _until_dropped(_safe(self._dates, text, _STAND_IN_DAY))
        return dates, [d for d in found if not getattr(d, "since", False)] or found

    def casualties(self, text: str):
        if self._casualties is None:
            return None
        try:
            return self._casualties(text)
        except Exception:  # noqa: BLE001 - one bad sentence must not lose the article
            return None


def _until_dropped(dates: list) -> list:
    """Dates but those that end a range ("بقيتا في المكان حتى صباح اليوم"): no act's day."""
    return [d for d in dates if not getattr(d, "until", False)]


def _acting_source(text: str, a) -> bool:
    after = text[a.end : a.end + 80]
    if not contains_any(after, asm.OWN_ACTION_STEMS):  # (no letter of them folds)
        return False
    tail = normalize(after)
    before = normalize(text[max(0, a.start - 14) : a.start])
    return bool(
        asm.ANNOUNCER_VERB.search(before)
        and (asm.OWN_ACTION_AFTER.match(tail) or asm.KILLS_ANNOUNCED.match(tail))
    )


def _safe(fn, *args) -> list:
    if fn is None:
        return []
    try:
        return list(fn(*args))
    except Exception:  # noqa: BLE001 - one bad sentence must not lose the article
        return []


def resolve(
    e: asm.Event,
    text: str,
    pub: dt.date | None,
    facts: list[asm.Facts],
    opts: ExtractOptions,
    events: Sequence[asm.Event] = (),
) -> Mention | None:
    """One Mention from an assembled event: scope, date, place, counts, evidence."""
    perp, target = asm.decide_roles(e.roles, e.sub_event, e.weapon)
    if e.sub_event == "Arrests" and (target is None or target in asm.NOT_ARRESTED):
        return None  # spec §4: arrests of an armed group's members, not "عدد من المتورطين"
    if e.sub_event == "Attack" and target is None:
        target = "civilians"  # spec §4: an "Attack" is violence against civilians
    elif e.sub_event == "Excessive force against protesters" and target not in asm.CIVILIAN:
        # spec §4: the force is used on demonstrators ("فرقت قوات مكافحة الشغب اعتصاما لحملة
        # الشهادات أمام مبنى المحافظة": not the building's authority)
        target = "protesters"
    place = e.place
    country = place.country if place is not None else None
    # scope (spec section 1): outside Iraq only with an Iraqi faction / the PMF involved
    iraqi_actor = any(a in asm.IRAQI_FACTIONS for a in (perp, target) if a)
    if country is not None and country != "Iraq" and not iraqi_actor:
        # an attack abroad on US / coalition forces that the story pins on Iraqi factions
        # (not a faction the story tells as hit: "من بين القتلى عناصر في الحشد الشعبي")
        struck = {
            r.actor_id
            for x in events
            if x is not e
            for r in x.roles
            if r.role == "target" and r.strength >= 2.5
        }
        story_factions = [
            a.actor_id
            for f in facts
            for a in f.actors
            if a.actor_id in asm.IRAQI_FACTIONS and a.actor_id not in struck
        ]
        if target in ("us_forces", "coalition") and story_factions:
            if perp == "unknown":
                perp = story_factions[0]
        else:
            return None
    flags = set().union(*(fr.facts.flags() for fr in e.frames))
    if "foreign_war" in flags and not iraqi_actor and (country is None or country != "Iraq"):
        return None
    if place is None and not iraqi_actor:
        # no place of its own: the story's places say where; a story set wholly abroad
        # (Syria, Lebanon...) is out of scope
        countries = {p.country for f in facts for p in f.places if p.kind != "country" or f.is_title}
        if countries and "Iraq" not in countries:
            return None
    if perp == "unknown" and target is None and place is None:
        return None  # nothing anchors it: a generic sentence about violence
    if e.background and (e.date is None and e.ref_date is None or place is None):
        # a recounted event needs its own date and place to be an incident (spec section 1)
        return None
    # date
    date, precision = None, None
    if e.date is not None:
        date, precision = e.date.date, e.date.precision
    elif e.background:
        if pub is not None:
            return None  # a recounted event without its own date: never the article's date
    elif e.inherited_date is not None:
        date, precision = e.inherited_date.date, e.inherited_date.precision
    elif pub is not None:
        date, precision = pub, "day"
    sub = e.sub_event
    if sub is None:
        return None  # "the attack" with nothing to say what kind: no incident (spec 2: a type)
    if sub in ("Armed clash", "Attack") and target == "protesters" and perp == "iraqi_security_forces":
        sub = "Excessive force against protesters"  # spec section 4: forces firing on demonstrators
    elif (
        sub in ("Armed clash",)
        and target in asm.CIVILIAN
        and perp not in asm.CIVILIAN
        # (a fight of two sides, a feud with bystanders hurt, "بينهم طفل", is no attack on
        # civilians: the civilians-hit fallback's test)
        and not asm.CLASH_WORD.search(asm._frames_text(e))
    ):
        sub = "Attack"
    weapon = e.weapon or asm.SUB_EVENT_WEAPON.get(sub)
    if (
        weapon == "airstrike"
        and e.weapon is None
        and perp not in asm.STATE_ATTACKERS | {"iraqi_security_forces"}
    ):
        weapon = "drone"  # armed groups strike from the air with drones, not aircraft
    if weapon == "arson" and sub not in (
        "Mob violence",
        "Violent demonstration",
        "Looting/property destruction",
        "Attack",
    ):
        weapon = asm.SUB_EVENT_WEAPON.get(sub, weapon)
    m = Mention(
        event_date=date,
        date_precision=precision,
        country=country,
        governorate=place.governorate if place is not None else None,
        location=place.name_en if place is not None else None,
        latitude=place.latitude if place is not None else None,
        longitude=place.longitude if place is not None else None,
        event_type=SUB_EVENT_TYPES.get(sub) or EXTRA_EVENT_TYPES.get(sub),
        sub_event_type=sub,
        weapon=weapon,
        perpetrator_id=perp,
        target_id=target,
        claimed=bool(e.claimed and perp != "unknown"),
    )
    for kind, count in (("killed", e.killed), ("wounded", e.wounded)):
        if count is not None:
            setattr(m, f"{kind}_low", count.low)
            setattr(m, f"{kind}_best", count.best)
            setattr(m, f"{kind}_high", count.high)
    # evidence: the verbatim span from the first to the last sentence read
    used = sorted(({fr.facts.index: fr.facts for fr in e.frames} | {f.index: f for f in e.follow}).items())
    first, last = used[0][1], used[-1][1]
    if len(used) == 1 or last.end - first.start <= 1500:
        m.evidence_start, m.evidence_end = first.start, last.end
        m.evidence = text[first.start : last.end]
    else:
        m.evidence_start, m.evidence_end = first.start, first.end
        m.evidence = " … ".join(text[f.start : f.end] for _, f in used)
    m.confidence = _confidence(e, m)
    m.notes = list(dict.fromkeys(e.notes))
    return m


def _confidence(e: asm.Event, m: Mention) -> float:
    """A 0..1 score from how complete the reading is (not calibrated; ranks mentions)."""
    c = 0.4
    c += 0.15 if m.location else 0
    c += 0.15 if m.perpetrator_id != "unknown" else 0
    c += 0.1 if m.target_id else 0
    c += 0.1 if e.date is not None else 0
    c += 0.05 if m.killed_best is not None or m.wounded_best is not None else 0
    c -= 0.15 if e.background else 0
    return round(max(0.05, min(1.0, c)), 2)
