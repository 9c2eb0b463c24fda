"""Hand-built analyses for the store tests (no pipeline: the event layer is written by hand)."""

from __future__ import annotations

from typing import Any

from newsgraph.record import Analysis, Entity, Event, Evidence, Mention, Quote

AIN_AL_ASAD = {"text": "Ain al-Asad", "lat": 33.7856, "lon": 42.4412, "country": "IQ"}
BAGHDAD = {"text": "Baghdad", "lat": 33.3152, "lon": 44.3661, "country": "IQ"}


def evidence() -> Evidence:
    return Evidence([(0, 4)], "test", 0.9)


def event(
    event_id: str = "e1",
    type_: str = "ASSAULT",
    day: str | None = "2021-07-07",
    place: dict[str, Any] | None = None,
    actors: tuple[str, ...] = ("kh",),
    recipients: tuple[str, ...] = ("us-forces",),
    **extra: Any,
) -> Event:
    return Event(
        id=event_id,
        type=type_,
        evidence=evidence(),
        actors=list(actors),
        recipients=list(recipients),
        actor_text="; ".join(a.upper() for a in actors) or None,
        recipient_text="; ".join(recipients) or None,
        place=dict(place) if place is not None else dict(AIN_AL_ASAD),
        date=day,
        earliest=day,
        latest=day,
        **extra,
    )


def analysis(
    article_id: str,
    text: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = "2021-07-07",
    events: list[Event] | None = None,
    quotes: list[str] | None = None,
) -> Analysis:
    result = Analysis(
        id=article_id,
        text=text,
        url=url,
        outlet=outlet,
        title=text.split(".")[0][:60],
        published=published,
        events=list(events or []),
        newsgraph_version="test",
    )
    result.entities = [
        Entity(
            id="kh",
            name="Kataib Hezbollah",
            type="ORG",
            country="IQ",
            mentions=[Mention(0, 4, text[0:4], evidence())],
        )
    ]
    for i, content in enumerate(quotes or []):
        start = text.find(content)
        assert start >= 0, content
        result.quotes.append(
            Quote(
                content=[(start, start + len(content))],
                cue=None,
                source=None,
                evidence=evidence(),
                id=f"q{i + 1}",
                speaker="Wayne Marotto",
            )
        )
    return result


WIRE_TEXT = (
    "Fourteen rockets struck the Ain al-Asad air base in western Iraq on Wednesday, wounding "
    "two service members, the US-led coalition said. Coalition spokesman Wayne Marotto said "
    '"the base was targeted by rockets" and that an assessment was under way. Kataib Hezbollah '
    "was blamed by officials for the attack."
)
REWRITE_TEXT = (
    "A barrage of rockets hit a base hosting American troops in Anbar province on Wednesday. "
    "Iraqi officials said three people were killed. Militia group Kataib Hezbollah has carried "
    "out similar strikes, and a Pentagon spokesman confirmed the attack on Ain al-Asad."
)
LATER_TEXT = (
    "Rockets again targeted Ain al-Asad air base on Monday, five days after the last attack, "
    "causing no casualties, the coalition said. Kataib Hezbollah denied involvement."
)
