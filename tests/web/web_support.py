"""Seed data of the web tests: a synthetic corpus, one article with every layer (and a rival
report that disagrees with it), one hostile article; and the in-process client."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from newsgraph.corpus import synthetic
from newsgraph.record import (
    Analysis,
    Entity,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    SourceChain,
    SourceLink,
    Technique,
    TimeExpr,
)
from newsgraph.store import open_store

RICH_ID = "web:rich"
HOSTILE_ID = "web:hostile"
HOSTILE_TEXT = (
    "Police said <script>window.__pwned = 1; alert('script')</script> was posted, with "
    "<img src=x onerror=\"alert('onerror')\"> and a link javascript:alert('js') in it. "
    "Gunmen attacked a checkpoint in Kirkuk on Monday."
)
RICH_TEXT = (
    "Rockets struck Ain al-Asad air base on Wednesday, wounding two soldiers. "
    '"The base was targeted," coalition spokesman Wayne Marotto said on Twitter, '
    "according to Reuters. The cowardly attack was blamed on Kataib Hezbollah."
)


def _ev(text: str, needle: str, stage: str, conf: float = 0.9) -> tuple[int, int, Evidence]:
    start = text.index(needle)
    return start, start + len(needle), Evidence([(start, start + len(needle))], stage, conf)


def rich_analysis() -> Analysis:
    """An article with every layer filled, offsets computed from the text."""
    t = RICH_TEXT
    a = Analysis(
        id=RICH_ID,
        text=t,
        url="https://news.example/rich",
        outlet="Rich Wire",
        title="Rockets strike Ain al-Asad",
        published="2021-07-08",
        newsgraph_version="test",
    )
    s, e, ev = _ev(t, "Kataib Hezbollah", "newsgraph_actors", 0.95)
    a.entities.append(
        Entity("kh", "Kataib Hezbollah", "ORG", country="IQ", mentions=[Mention(s, e, t[s:e], ev)])
    )
    s, e, ev = _ev(t, "Wayne Marotto", "newsgraph_actors", 0.9)
    a.entities.append(Entity("wm", "Wayne Marotto", "PERSON", mentions=[Mention(s, e, t[s:e], ev)]))
    s, e, ev = _ev(t, "Ain al-Asad air base", "newsgraph_places", 0.8)
    a.places.append(Place(s, e, t[s:e], 33.7856, 42.4412, 1, ev, name="Ain al-Asad", country="IQ"))
    s, e, ev = _ev(t, "Wednesday", "newsgraph_times", 0.85)
    a.times.append(TimeExpr(s, e, t[s:e], "DATE", "2021-07-07", ev, "2021-07-07", "2021-07-07"))
    qs, qe, qev = _ev(t, "The base was targeted,", "newsgraph_attribution", 0.88)
    ss, se, _ = _ev(t, "Wayne Marotto", "newsgraph_attribution")
    cs, ce, _ = _ev(t, "said", "newsgraph_attribution")
    a.quotes.append(
        Quote(
            [(qs, qe)],
            (cs, ce),
            (ss, se),
            qev,
            id="q1",
            speaker="Wayne Marotto",
            speaker_entity="wm",
            channel="Twitter",
        )
    )
    *_, rev = _ev(t, "Reuters", "newsgraph_attribution", 0.7)
    a.source_chains.append(
        SourceChain(
            [
                SourceLink("outlet", "Rich Wire", Evidence([], "newsgraph_attribution", 1.0)),
                SourceLink("relay", "Reuters", rev),
                SourceLink(
                    "speaker",
                    "Wayne Marotto",
                    Evidence([(ss, se)], "newsgraph_attribution", 0.9),
                    "wm",
                ),
                SourceLink("channel", "Twitter", Evidence([], "newsgraph_attribution", 0.6)),
            ],
            quote="q1",
        )
    )
    s, e, ev = _ev(t, "cowardly", "newsgraph_framing", 0.66)
    a.techniques.append(Technique(s, e, t[s:e], "Name_Calling,Labeling", ev, target="kh"))
    s, e, ev = _ev(t, "struck", "newsgraph_events", 0.77)
    a.events.append(
        Event(
            "e1",
            "ASSAULT",
            ev,
            mode=["aerial"],
            actor_text="Kataib Hezbollah",
            recipient_text="coalition",
            actors=["kh"],
            trigger=(s, e),
            place={"text": "Ain al-Asad", "lat": 33.7856, "lon": 42.4412, "country": "IQ"},
            date="2021-07-07",
            earliest="2021-07-07",
            latest="2021-07-07",
            injured=2,
        )
    )
    return a


def rival_analysis() -> Analysis:
    """Another outlet's report of the rich article's event, disagreeing about casualties."""
    text = "Three soldiers were wounded when rockets hit Ain al-Asad on Wednesday, officials said."
    s, e, ev = _ev(text, "hit", "newsgraph_events", 0.7)
    return Analysis(
        id="web:rival",
        text=text,
        url="https://other.example/rival",
        outlet="Other Daily",
        title="Base hit by rockets",
        published="2021-07-08",
        events=[
            Event(
                "e1",
                "ASSAULT",
                ev,
                actor_text="Kataib Hezbollah",
                actors=["kh"],
                trigger=(s, e),
                place={"text": "Ain al-Asad", "lat": 33.7856, "lon": 42.4412, "country": "IQ"},
                date="2021-07-07",
                earliest="2021-07-07",
                latest="2021-07-07",
                injured=3,
            )
        ],
        newsgraph_version="test",
    )


def hostile_analysis() -> Analysis:
    """Untrusted text and metadata carrying script payloads everywhere they could land."""
    t = HOSTILE_TEXT
    s, e, ev = _ev(t, "<script>", "newsgraph_actors", 0.5)
    ts, te, tev = _ev(t, "attacked", "newsgraph_events", 0.8)
    return Analysis(
        id=HOSTILE_ID,
        text=t,
        url="javascript:alert('url')",
        outlet="<b onmouseover=\"alert('outlet')\">Evil Outlet</b>",
        title="<script>alert('title')</script> Checkpoint attack",
        published="2021-07-05",
        entities=[
            Entity(
                "<img src=x onerror=alert(9)>",
                "<script>alert('ent')</script>",
                "ORG",
                mentions=[Mention(s, e, t[s:e], ev)],
            )
        ],
        events=[
            Event(
                "e1",
                "ASSAULT",
                tev,
                actor_text="<img src=x onerror=alert('actor')>",
                recipient_text="javascript:alert('r')",
                trigger=(ts, te),
                place={
                    "text": "\"><script>alert('place')</script>",
                    "lat": 35.4681,
                    "lon": 44.3922,
                    "country": "IQ",
                },
                date="2021-07-05",
                earliest="2021-07-05",
                latest="2021-07-05",
                fatalities=1,
            )
        ],
        newsgraph_version="test",
    )


def seed(path: Path, n_synthetic: int = 160) -> None:
    """Fill a SQLite database for the tests."""
    with open_store(f"sqlite:///{path}") as store:
        for article in synthetic.generate(n_synthetic, seed=7):
            store.put(synthetic.gold_analysis(article))
        store.put(rich_analysis())
        store.put(rival_analysis())
        store.put(hostile_analysis())


def make_client(app: Any) -> Any:
    """starlette's TestClient (its import warns about httpx; that is not ours to fix)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app)
