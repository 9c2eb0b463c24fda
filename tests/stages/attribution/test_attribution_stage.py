"""The attribution stage in the real pipeline: rules on small texts, and the Tasnim example."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from newsgraph.config import load_config
from newsgraph.pipeline import Analyzer
from newsgraph.record import Analysis, Quote
from newsgraph.stages.attribution.indirect import (
    according_to,
    from_verb,
    instrument_source,
    restrictive_relative,
)
from newsgraph.stages.attribution.senses import mute_source


def _text(analysis: Analysis, span: tuple[int, int] | None) -> str | None:
    return None if span is None else analysis.text[span[0] : span[1]]


def _by_cue(analysis: Analysis, cue: str) -> Quote:
    found = [q for q in analysis.quotes if _text(analysis, q.cue) == cue]
    assert found, (
        f"no quote with cue {cue!r} in {[_text(analysis, q.cue) for q in analysis.quotes]}"
    )
    return found[0]


def test_indirect_speech_with_that(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze("The minister said that the talks would resume in May.")
    quote = _by_cue(a, "said")
    assert _text(a, quote.source) == "The minister"
    assert [_text(a, c) for c in quote.content] == ["that the talks would resume in May"]
    assert quote.direct is False
    assert quote.id == "q1"
    assert quote.evidence.stage == "newsgraph_attribution"


def test_raising_verb_has_no_source(attribution_analyzer: Analyzer) -> None:
    """PolNeAR gives "X seems to …" no source: it is the writer's impression."""
    a = attribution_analyzer.analyze("Clinton seems to believe that the race is over.")
    assert _by_cue(a, "seems").source is None


def test_referential_it_is_a_source(attribution_analyzer: Analyzer) -> None:
    """'"…," it said': a report or group speaking; only an expletive 'it' is never a source."""
    a = attribution_analyzer.analyze('"This must change," it said in a statement.')
    # PolNeAR's cue span takes in the medium ("said in a statement").
    assert _text(a, _by_cue(a, "said in a statement").source) == "it"


def test_participle_after_preposition_takes_the_verbs_subject(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        "Mr. Trump has rallied thousands by promising to impose tariffs on imports."
    )
    assert _text(a, _by_cue(a, "promising").source) == "Mr. Trump"


def test_direct_quote_keeps_marks_and_drops_final_period(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze('"We will not surrender," Maria Lopez told reporters.')
    quote = _by_cue(a, "told")
    assert [_text(a, c) for c in quote.content] == ['"We will not surrender,"']
    assert quote.direct is True
    assert quote.speaker == "Maria Lopez"
    assert quote.channel == "press conference"


def test_curly_quotes_map_back_to_the_callers_text(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze("“We will not surrender,” Maria Lopez said.")
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == ["“We will not surrender,”"]


def test_according_to_splits_content_around_the_phrase(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze("The convoy, according to state media, reached the border.")
    quote = _by_cue(a, "according to")
    assert _text(a, quote.source) == "state media"
    assert [_text(a, c) for c in quote.content] == ["The convoy", "reached the border"]


def test_quote_continuing_after_the_attribution_joins_it(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze(
        '"The party does not represent me," James Carter said. "It represents donors."'
    )
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == [
        '"The party does not represent me,"',
        '"It represents donors."',
    ]


def test_multi_paragraph_quote_is_one_content(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze(
        'The governor said: "We have rebuilt the bridges.\n\n"And we will rebuild the schools."'
    )
    quote = _by_cue(a, "said:")  # PolNeAR's cue span takes in the colon
    assert [_text(a, c) for c in quote.content] == [
        '"We have rebuilt the bridges.',
        '"And we will rebuild the schools."',
    ]


def test_pronoun_resolves_to_the_last_named_speaker(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze(
        "John Smith said the plan was ready.\n\nHe added that funding had been secured."
    )
    quote = _by_cue(a, "added")
    assert _text(a, quote.source) == "He"
    assert quote.speaker == "John Smith"


def test_relay_outlet_heads_the_chain(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze(
        "The strike hit a depot, the commander said, Reuters reported.",
        outlet="Example Times",
    )
    inner = _by_cue(a, "said")
    chain = next(c for c in a.source_chains if c.quote == inner.id)
    assert [(link.role, link.name) for link in chain.links[:2]] == [
        ("outlet", "Example Times"),
        ("relay", "Reuters"),
    ]
    assert chain.links[2].role == "speaker"


def test_citing_puts_the_cited_source_after_the_reporter(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        "Citing a military source, Reuters reported that the strike hit a depot.",
        outlet="Example Times",
    )
    report = _by_cue(a, "reported")
    chain = next(c for c in a.source_chains if c.quote == report.id)
    assert [(link.role, link.name) for link in chain.links] == [
        ("outlet", "Example Times"),
        ("relay", "Reuters"),
        ("speaker", "a military source"),
    ]


def _tasnim(analyzer: Analyzer, record: dict[str, Any]) -> Analysis:
    return analyzer.analyze(record["text"], published=record["published"])


def _askari_quotes(a: Analysis) -> list[Quote]:
    return [q for q in a.quotes if q.speaker == "Abu Ali al-Askari"]


def test_issue5_tasnim_six_askari_attributions_resolved(
    attribution_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    a = _tasnim(attribution_analyzer, tasnim)
    gold = [q for q in tasnim["quotes"] if q.get("speaker") == "Abu Ali al-Askari"]
    assert len(gold) == 6
    ours = _askari_quotes(a)
    for g in gold:
        gold_chars = {i for s, e in g["content"] for i in range(s, e)}
        hits = [q for q in ours if gold_chars & {i for s, e in q.content for i in range(s, e)}]
        assert hits, f"gold content {g['content']} not attributed to al-Askari"
        # The cue may take in its content preposition ("warning of"); it must cover the gold cue.
        assert any(
            q.cue is not None and q.cue[0] <= g["cue"][0] and g["cue"][1] <= q.cue[1] for q in hits
        ), f"cue {g['cue']} not found"


def test_issue5_tasnim_both_pronouns_resolve_to_askari(
    attribution_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    a = _tasnim(attribution_analyzer, tasnim)
    pronoun_sources = [q for q in a.quotes if _text(a, q.source) in ("he", "He")]
    assert len(pronoun_sources) == 2
    assert {q.speaker for q in pronoun_sources} == {"Abu Ali al-Askari"}


def test_issue5_tasnim_split_content_is_joined(
    attribution_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    a = _tasnim(attribution_analyzer, tasnim)
    quote = _by_cue(a, "continued")
    assert [list(c) for c in quote.content] == [[466, 519], [535, 631]]
    assert _text(a, quote.source) == "he"


def test_issue5_tasnim_misspelt_cue_asid(
    attribution_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    a = _tasnim(attribution_analyzer, tasnim)
    quote = _by_cue(a, "asid")
    assert [list(c) for c in quote.content] == [[75, 192]]
    assert _text(a, quote.source) == (
        "a senior leader of Iraq’s anti-terror Kata’ib Hezbollah Brigades"
    )
    assert quote.speaker == "Abu Ali al-Askari"


def test_issue5_tasnim_press_tv_relay_and_chain(
    attribution_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    a = _tasnim(attribution_analyzer, tasnim)
    relay = _by_cue(a, "reported")
    assert _text(a, relay.source) == "Press TV"
    assert [list(c) for c in relay.content] == [[466, 631]]
    twitter = next(q for q in _askari_quotes(a) if q.channel == "Twitter")
    chain = next(c for c in a.source_chains if c.quote == twitter.id)
    assert [(link.role, link.name) for link in chain.links] == [
        ("outlet", "Tasnim News"),
        ("relay", "Press TV"),
        ("speaker", "Abu Ali al-Askari"),
        ("channel", "Twitter"),
    ]


def test_issue5_tasnim_speakers_link_to_actor_entities(
    full_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    a = _tasnim(full_analyzer, tasnim)
    askari = next(e for e in a.entities if e.name == "Abu Ali al-Askari")
    ours = _askari_quotes(a)
    assert len(ours) >= 6
    assert {q.speaker_entity for q in ours} == {askari.id}
    relay = _by_cue(a, "reported")
    assert relay.speaker_entity == next(e.id for e in a.entities if e.name == "Press TV")


def test_keep_nested_false_keeps_only_the_outer_attribution() -> None:
    config = load_config()
    config["pipeline"]["stages"] = ["newsgraph_attribution"]
    config["pipeline"]["modules"]["newsgraph_attribution"] = "newsgraph.stages.attribution"
    config.setdefault("stages", {})["newsgraph_attribution"] = {"keep_nested": False}
    a = Analyzer(config=config).analyze(
        "The purpose, he continued, is to force them out, Press TV reported."
    )
    assert [_text(a, q.cue) for q in a.quotes] == ["reported"]


def test_issue5_headline_label_and_colon_is_an_attribution(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        "Lynch: No outside influence on FBI probe into the emails\n\n"
        "WASHINGTON (AP) — The attorney general spoke on Tuesday."
    )
    quote = _by_cue(a, ":")
    assert _text(a, quote.source) == "Lynch"
    assert [_text(a, c) for c in quote.content] == [
        "No outside influence on FBI probe into the emails"
    ]


def test_issue5_place_label_heading_a_list_is_not_an_attribution(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell\n\n"
        "The list goes on."
    )
    assert all(_text(a, q.cue) != ":" for q in a.quotes)


def test_issue5_predicate_adjective_cue_takes_its_prepositional_object(
    attribution_analyzer: Analyzer,
) -> None:
    doc = attribution_analyzer.nlp("Republicans have been critical of the deal with Iran.")
    been = next(t for t in doc if t.text == "been")
    attribution = from_verb(been, been.sent, 0.9)
    assert [doc[s:e].text for s, e in attribution.content] == ["the deal with Iran"]
    assert attribution.source is not None
    assert doc[attribution.source[0] : attribution.source[1]].text == "Republicans"


def test_issue5_passive_with_agent_reports_its_subject(attribution_analyzer: Analyzer) -> None:
    doc = attribution_analyzer.nlp("The meeting was first reported by Politico.")
    reported = next(t for t in doc if t.text == "reported")
    attribution = from_verb(reported, reported.sent, 0.9)
    assert [doc[s:e].text for s, e in attribution.content] == ["The meeting"]
    assert attribution.source is not None
    assert doc[attribution.source[0] : attribution.source[1]].text == "Politico"


def test_apposition_comma_and_brackets_belong_to_the_source(
    attribution_analyzer: Analyzer,
) -> None:
    """PolNeAR's source spans end with the comma that closes an apposition."""
    a = attribution_analyzer.analyze("Her campaign manager, Robby Mook, said the plan was ready.")
    assert _text(a, _by_cue(a, "said").source) == "Her campaign manager, Robby Mook,"


def test_recipient_of_told_is_not_the_content(attribution_analyzer: Analyzer) -> None:
    """'"…," Ramos told AFP.': AFP is whom it was said to; the quotation is what was said."""
    a = attribution_analyzer.analyze('"We were tremendously wrong," Ramos told AFP.')
    quote = _by_cue(a, "told")
    assert _text(a, quote.source) == "Ramos"
    assert [_text(a, c) for c in quote.content] == ['"We were tremendously wrong,"']


def test_quote_closing_the_paragraph_above_is_not_the_next_cues(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        'Beruff praised the schools. "It started with Gov. Bush," Beruff said.\n\n'
        '"The job of policymakers is to keep seeking perfection."\n\n'
        'Beruff, a Scott ally, called Florida\'s standards "strong."'
    )
    called = [q for q in a.quotes if _text(a, q.cue) == "called"]
    for quote in called:
        assert all("policymakers" not in (_text(a, c) or "") for c in quote.content)


def test_no_nested_attribution_inside_a_transcript_turn(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze(
        "Interview transcript.\n\nGov. Fallin: I think he is trying to campaign as a racial healer."
    )
    assert [_text(a, q.cue) for q in a.quotes] == [":"]
    assert _text(a, a.quotes[0].source) == "Gov. Fallin"


def test_clause_after_the_cue_beats_a_misattached_one_before(
    attribution_analyzer: Analyzer,
) -> None:
    """Two clauses hung on one cue: the one after it is what was said."""
    a = attribution_analyzer.analyze(
        "The fighting resumed before dawn, as the commander, contradicting the ministry, said "
        "his troops had held the bridge."
    )
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == ["his troops had held the bridge"]


def test_nearest_clause_before_the_cue_when_none_follows(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        "The real question now is not whether he quits the race — that won't happen, they "
        "believe — but how he finds a comfortable position."
    )
    quote = _by_cue(a, "believe")
    assert [_text(a, c) for c in quote.content] == ["that won't happen"]


def test_quotation_before_said_stays_the_content(attribution_analyzer: Analyzer) -> None:
    """'"…," said X, a Y who heads Z': a clause the parser finds after the verb is the
    speaker's phrase, not what was said."""
    a = attribution_analyzer.analyze(
        '"What\'s shaping up is a battle for the ages," said David Brock, a Clinton confidant '
        "who heads the pro-Clinton super PAC Correct the Record."
    )
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == [
        '"What\'s shaping up is a battle for the ages,"'
    ]


def test_as_clause_cue_with_an_object_reports_the_object(attribution_analyzer: Analyzer) -> None:
    """'…, as polls show Clinton with a lead': the object, not the main clause, is content."""
    a = attribution_analyzer.analyze(
        "The trip was something of a gamble, as polls show Clinton with a large advantage."
    )
    quote = _by_cue(a, "show")
    assert _text(a, quote.source) == "polls"
    assert all("gamble" not in (_text(a, c) or "") for c in quote.content)


def test_participle_modifying_a_noun_takes_the_noun_as_source(
    attribution_analyzer: Analyzer,
) -> None:
    a = attribution_analyzer.analyze(
        "She was sent the notice of a certified letter announcing that the rally was cancelled."
    )
    assert _text(a, _by_cue(a, "announcing").source) == "a certified letter"
    # The object of a verb reports with it (PolNeAR: "sent out a press release saying"):
    # the verb's subject speaks.
    a = attribution_analyzer.analyze(
        "The campaign mailed voters a certified letter announcing that the rally was cancelled."
    )
    quote = _by_cue(a, "mailed voters a certified letter announcing")
    assert _text(a, quote.source) == "The campaign"


def test_as_someone_puts_it_reports_the_main_clause(attribution_analyzer: Analyzer) -> None:
    """'…, as X puts *it*': a pronoun object is no content of its own."""
    a = attribution_analyzer.analyze(
        "The president is making Republicans an offer they cannot refuse, as the columnist "
        "Ruth Marcus puts it."
    )
    quote = _by_cue(a, "puts")
    assert [_text(a, c) for c in quote.content] == [
        "The president is making Republicans an offer they cannot refuse"
    ]


def test_dateline_run_into_the_subject_is_not_the_source(attribution_analyzer: Analyzer) -> None:
    """The parser gives the verb two subjects, the dateline and the speaker: the nearest one."""
    a = attribution_analyzer.analyze(
        "Senate race tightens.\n\nDENVER (AP) — Governor Jane Doe and Mayor Tom Lee pledged to "
        "cooperate despite their differences."
    )
    assert _text(a, _by_cue(a, "pledged").source) == "Governor Jane Doe and Mayor Tom Lee"


def test_timestamp_line_is_not_the_source(attribution_analyzer: Analyzer) -> None:
    a = attribution_analyzer.analyze(
        "Updates.\n\n9:15 p.m.\n\nSenator Jane Doe says, win or lose in the primary, she is "
        "staying in the race."
    )
    assert _text(a, _by_cue(a, "says").source) == "Senator Jane Doe"


def test_participle_misattached_to_an_object_after_a_comma_takes_the_clauses_subject(
    attribution_analyzer: Analyzer,
) -> None:
    """A parse the backbone gives news text: ", explaining …" hung on the object as an acl.
    Set off by a comma after an object, the participle is the clause's: its subject speaks."""
    words = ["Bennett", "announced", "a", "shakeup", ",", "explaining", "that", "it", "helps"]
    doc = Doc(
        attribution_analyzer.nlp.vocab,
        words=words,
        heads=[1, 1, 3, 1, 3, 3, 8, 8, 5],
        deps=["nsubj", "ROOT", "det", "dobj", "punct", "acl", "mark", "nsubj", "ccomp"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "SCONJ", "PRON", "VERB"],
        tags=["NNP", "VBD", "DT", "NN", ",", "VBG", "IN", "PRP", "VBZ"],
    )
    explaining = doc[5]
    attribution = from_verb(explaining, explaining.sent, 0.9)
    assert attribution.source is not None
    assert doc[attribution.source[0] : attribution.source[1]].text == "Bennett"
    # Without the comma it modifies the noun ("a letter announcing …"): the noun speaks.
    glued = Doc(
        attribution_analyzer.nlp.vocab,
        words=[w for w in words if w != ","],
        heads=[1, 1, 3, 1, 3, 7, 7, 4],
        deps=["nsubj", "ROOT", "det", "dobj", "acl", "mark", "nsubj", "ccomp"],
        pos=["PROPN", "VERB", "DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB"],
        tags=["NNP", "VBD", "DT", "NN", "VBG", "IN", "PRP", "VBZ"],
    )
    attribution = from_verb(glued[4], glued[4].sent, 0.9)
    assert attribution.source is not None
    # Without the comma the object and its participle report together ("issued a statement
    # saying …" in PolNeAR): one cue from the verb to the participle, the verb's subject speaks.
    assert glued[attribution.source[0] : attribution.source[1]].text == "Bennett"
    assert glued[attribution.cue[0] : attribution.cue[1]].text == "announced a shakeup explaining"


def test_issue5_weapon_agent_is_not_a_source(attribution_analyzer: Analyzer) -> None:
    """'was targeted by dozens of missiles' (Tasnim): a weapon cannot say anything, so the cue is
    the verb in its physical sense and there is no attribution; a campaign that targets donors
    still is one."""
    a = attribution_analyzer.analyze(
        "The base was initially targeted by dozens of missiles from Iran on January 8."
    )
    assert a.quotes == []
    a = attribution_analyzer.analyze(
        "The airbase was targeted by a drone carrying explosives, officials said."
    )
    assert [_text(a, q.source) for q in a.quotes] == ["officials"]


def test_issue5_undergo_sense_of_see_is_no_attribution(attribution_analyzer: Analyzer) -> None:
    """'see' in the sense 'go through / be the time or place of', with a happening as object and
    a subject that holds no views, reports nothing; a forecast by people, a clause and an 'as'
    predicate stay attributions (PolNeAR)."""
    for text in (
        "Brazil also saw a sharp decline in exports, which hurt growth.",
        "The city also saw a surge in tourism last summer.",
        "Gold prices saw an unusually volatile week.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, cue, source in (
        ("Investors see a rebound in the second half.", "see", "Investors"),
        ("Supporters saw the verdict as a victory for free speech.", "saw", "Supporters"),
        (
            "Older voters have seen their incomes fall since the recession.",
            "have seen",
            "Older voters",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        assert _text(a, _by_cue(a, cue).source) == source, text


def test_issue5_time_money_and_occasions_are_no_sources(attribution_analyzer: Analyzer) -> None:
    """Prices, indices and occasions cannot say or include anything in the sense of speech; a
    report and a company still speak."""
    for text in (
        "The gala also included a tribute to the founders of the orchestra.",
        "The index showed a gain of 2% by the close of trading.",
        "Bond prices suggested that investors expect a rate cut.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, source in (
        ("The report said that profits fell in the third quarter.", "The report"),
        ("The carmaker said it expects a loss this year.", "The carmaker"),
    ):
        a = attribution_analyzer.analyze(text)
        assert _text(a, _by_cue(a, "said").source) == source, text


def test_issue5_mute_source_reads_wordnet(attribution_analyzer: Analyzer) -> None:
    """Markets (through the compound "stock market"), money, years and storms are mute; a
    ministry, a report and an exchange of words (WordNet's first "exchange" is chemical) are
    not."""
    doc = attribution_analyzer.nlp(
        "The stock markets, the dollar, last year, the storm, the ministry, the report, "
        "one exchange."
    )
    spans = {
        "The stock markets": (0, 3),
        "the dollar": (4, 6),
        "last year": (7, 9),
        "the storm": (10, 12),
        "the ministry": (13, 15),
        "the report": (16, 18),
        "one exchange": (19, 21),
    }
    assert [doc[s:e].text for s, e in spans.values()] == list(spans)
    found = {text: mute_source(span, doc) for text, span in spans.items()}
    assert found == {
        "The stock markets": True,
        "the dollar": True,
        "last year": True,
        "the storm": True,
        "the ministry": False,
        "the report": False,
        "one exchange": False,
    }


def test_issue5_who_feels_what_a_verb_of_feeling_causes_is_the_source(
    attribution_analyzer: Analyzer,
) -> None:
    """'The figures surprised most analysts': PolNeAR's source of a verb that causes a feeling
    is who feels it (the object), its content the cause (the subject); a social act that moves
    someone ('has encouraged supporters') and a feeling of the subject ('fear') keep the
    subject as source."""
    a = attribution_analyzer.analyze(
        "The figures surprised most analysts, who had forecast a loss for the quarter."
    )
    quote = _by_cue(a, "surprised")
    assert _text(a, quote.source) == "most analysts, who had forecast a loss for the quarter"
    assert [_text(a, c) for c in quote.content] == ["The figures"]
    a = attribution_analyzer.analyze(
        "His comments angered many residents, who said the plan ignored their concerns."
    )
    assert [_text(a, c) for c in _by_cue(a, "angered").content] == ["His comments"]
    a = attribution_analyzer.analyze("The campaign has encouraged supporters to vote early.")
    assert _text(a, _by_cue(a, "has encouraged").source) == "The campaign"
    a = attribution_analyzer.analyze("Voters fear that taxes will rise.")
    assert _text(a, _by_cue(a, "fear").source) == "Voters"


def test_issue5_description_with_an_apposed_name_is_that_speaker(
    attribution_analyzer: Analyzer,
) -> None:
    """'the firm's chief financial officer, Daniel Moreau': the name in apposition to the
    description's head is the speaker; a singular description with no name still refers to
    the last named speaker."""
    a = attribution_analyzer.analyze(
        '"Sales will recover next year," said the firm\'s chief financial officer, Daniel Moreau.'
    )
    assert _by_cue(a, "said").speaker == "Daniel Moreau"
    a = attribution_analyzer.analyze(
        "Daniel Moreau said the company would cut 500 jobs. "
        "The spokesman said that talks with unions would begin in May."
    )
    assert [q.speaker for q in a.quotes] == ["Daniel Moreau", "Daniel Moreau"]


def test_issue5_plural_description_is_no_named_speaker(attribution_analyzer: Analyzer) -> None:
    """'Several analysts' are a group: they refer neither back nor forward to one named
    person, and are named by their own words."""
    for text in (
        "Daniel Moreau said the company would cut 500 jobs. "
        "Several analysts said that the cuts came too late.",
        "Several analysts said that the cuts came too late. "
        "Daniel Moreau said the company would cut 500 jobs.",
    ):
        a = attribution_analyzer.analyze(text)
        speakers = {_text(a, q.source): q.speaker for q in a.quotes}
        assert speakers == {
            "Daniel Moreau": "Daniel Moreau",
            "Several analysts": "Several analysts",
        }


def test_issue5_product_shown_is_no_statement(attribution_analyzer: Analyzer) -> None:
    """'unveiled a new electric sedan': a verb of showing with a made thing as object launches a
    product; a plan, a bill or an ad shown still reports what is in it."""
    for text in (
        "The carmaker unveiled a new electric sedan at the Geneva show.",
        "Samsung unveils new tablets and a smartwatch.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, cue in (
        ("The governor unveiled a plan to cut property taxes.", "unveiled"),
        ("The senator presented a bill that would ban the practice.", "presented"),
        ("The campaign unveiled its first television ad on Tuesday.", "unveiled"),
    ):
        a = attribution_analyzer.analyze(text)
        assert _by_cue(a, cue).source is not None, text


def test_issue5_product_released_is_no_statement(attribution_analyzer: Analyzer) -> None:
    """'released a new lineup of laptops': bringing out a made thing, or a range of them, is a
    product launch; a statement, a video or figures released still report what is in them."""
    for text in (
        "The company released a new lineup of gaming laptops on Wednesday.",
        "Sony launched a new camera in Tokyo.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, cue in (
        ("The ministry released a statement saying the talks had failed.", "released"),
        ("The army released a video showing the strike on the depot.", "released"),
    ):
        a = attribution_analyzer.analyze(text)
        assert any(text[q.cue[0] : q.cue[1]].startswith(cue) for q in a.quotes if q.cue), text


def test_issue5_broadcast_medium_is_part_of_the_cue_not_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'went on national television': a noun WordNet puts under "medium" after "on" is where
    it was said (PolNeAR's cue takes it in), not what was said; "in" keeps its object."""
    a = attribution_analyzer.analyze(
        "Prime Minister Anna Kovac went on national television to calm the public."
    )
    quote = _by_cue(a, "went on national television")
    assert [_text(a, c) for c in quote.content] == ["to calm the public"]
    a = attribution_analyzer.analyze("The mayor said on television that the curfew would end.")
    quote = _by_cue(a, "said on television")
    assert [_text(a, c) for c in quote.content] == ["that the curfew would end"]
    a = attribution_analyzer.analyze("She believes in public television, she said.")
    assert [_text(a, c) for c in _by_cue(a, "said").content] == [
        "She believes in public television"
    ]


def test_issue5_vehicle_moved_by_someone_is_no_attribution(
    attribution_analyzer: Analyzer,
) -> None:
    """'the jet was being pushed back by a ground crew': a passive with a vehicle as subject is
    the verb's physical sense; a passive with a proposal as subject still has its agent as
    source."""
    for text in (
        "As the aircraft was being pushed back by an airport tug operator, "
        "its left wing struck a fence.",
        "As the jet was being pushed back by a ground crew, the tail clipped a parked van.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    a = attribution_analyzer.analyze("The proposal was criticised by several unions.")
    assert _text(a, _by_cue(a, "was criticised").source) == "several unions"


def test_issue5_financial_result_posted_is_no_statement(attribution_analyzer: Analyzer) -> None:
    """'posted a net profit': a verb of contact or possession with money as object records a
    result; 'reported a loss' and 'wants more money' stay attributions (PolNeAR)."""
    for text in (
        "Carmaker Volvo posts unexpected profits.",
        "The airline posted a net profit of $120 million in the second quarter.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, cue, source in (
        (
            "The company reported a loss of $2 million in the first quarter.",
            "reported",
            "The company",
        ),
        ("The senator wants more money for rural schools.", "wants", "The senator"),
    ):
        a = attribution_analyzer.analyze(text)
        assert _text(a, _by_cue(a, cue).source) == source, text


def test_issue5_meeting_after_at_is_the_occasion_not_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'vowed Monday at a Denver rally to cut taxes': a gathering or a time after "at" is where
    or when; the infinitive or the clause is what; "balked at the cost" keeps its object."""
    a = attribution_analyzer.analyze(
        "The governor vowed Monday at a Denver rally to cut property taxes."
    )
    assert [_text(a, c) for c in _by_cue(a, "vowed Monday").content] == ["to cut property taxes"]
    a = attribution_analyzer.analyze(
        "A household hazardous waste collection day will be held May 2, "
        "the solid waste board decided at a recent meeting."
    )
    assert [_text(a, c) for c in _by_cue(a, "decided").content] == [
        "A household hazardous waste collection day will be held May 2"
    ]
    a = attribution_analyzer.analyze("Local officials balked at the cost of the new stadium.")
    assert [_text(a, c) for c in _by_cue(a, "balked at").content] == ["the cost of the new stadium"]


def test_issue5_physical_thing_found_is_no_information(attribution_analyzer: Analyzer) -> None:
    """'found one of the missing dogs': a verb of perceiving or finding with a physical thing as
    object (through a count) reports nothing; a poll finding a clause and a jury finding someone
    guilty stay attributions."""
    for text in (
        "Firefighters found one of the missing dogs in the basement.",
        "Hikers spotted a black bear near the trail on Saturday.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, source in (
        ("A new poll found that most voters oppose the tax.", "A new poll"),
        ("The jury found him guilty of fraud.", "The jury"),
    ):
        a = attribution_analyzer.analyze(text)
        assert _text(a, _by_cue(a, "found").source) == source, text


def test_issue5_physical_thing_handled_is_no_statement(attribution_analyzer: Analyzer) -> None:
    """'donned his leather flying helmet', 'passes the torch': a verb of bodily action with a
    physical thing as object is a deed; a core reporting verb ('posted a cache of emails') still
    publishes, and the quotation after the deed keeps its speaker."""
    a = attribution_analyzer.analyze(
        "Ray Kinney, 84, donned his leather flying helmet. "
        '"For me, this is as good as it gets," Kinney said.'
    )
    assert [_text(a, q.cue) for q in a.quotes] == ["said"]
    assert attribution_analyzer.analyze("The governor passes the torch to her deputy.").quotes == []
    a = attribution_analyzer.analyze("The site posted a cache of internal emails on Friday.")
    assert _text(a, _by_cue(a, "posted").source) == "The site"


def test_issue5_reduced_passive_subject_is_no_speaker(attribution_analyzer: Analyzer) -> None:
    """A headline drops the passive's "was": in "Jane Smith appointed as chief executive" the
    subject is the one appointed, no speaker. With an object ("Lee appointed Smith as …") or an
    auxiliary ("Critics have described the plan as …") the subject speaks."""
    for text in (
        "Jane Smith appointed as chief executive of the retailer",
        "Former senator Tom Hale named as new ambassador to Canada",
    ):
        assert attribution_analyzer.analyze(text + "\n\nThe story continues.").quotes == [], text
    for text, cue, source in (
        ("Critics have described the plan as reckless.", "have described", "Critics"),
        ("The senator described the bill as a disaster.", "described", "The senator"),
    ):
        a = attribution_analyzer.analyze(text)
        assert _text(a, _by_cue(a, cue).source) == source, text


def test_issue5_headline_passive_subject_is_acted_on(attribution_analyzer: Analyzer) -> None:
    """A headline drops the passive's "was": its subject is the one criticized or named, not a
    speaker; a "by" phrase is the agent. In the body, or with a relative pronoun ("Who Called
    For …"), the past tense is active."""
    body = "\n\nThe story continues here."
    a = attribution_analyzer.analyze("Police chief criticized for response to protests" + body)
    assert [_text(a, q.source) for q in a.quotes] == [None]
    a = attribution_analyzer.analyze("Senator accused of fraud by former aide" + body)
    assert [_text(a, q.source) for q in a.quotes] == ["former aide"]
    a = attribution_analyzer.analyze("Jane Smith named new chief executive of retailer" + body)
    assert a.quotes == []
    a = attribution_analyzer.analyze(
        "Protests continued on Monday.\n\nThe police chief criticized the response to the protests."
    )
    assert _text(a, _by_cue(a, "criticized").source) == "The police chief"


def test_issue5_device_behind_relative_pronoun_is_no_speaker(
    attribution_analyzer: Analyzer,
) -> None:
    """A relative pronoun stands for its antecedent: "a camera, which …" is a device, which
    says nothing ("which also allows users to …" is a feature); "the agency, which …" and "a
    news anchor, who …" (WordNet's "anchor" is also a person) may speak."""
    doc = attribution_analyzer.nlp(
        "The phone has an upgraded camera, which lets users film in the dark. "
        "The agency, which says it was not consulted, plans to appeal. "
        "She interviewed a news anchor, who said the network was cutting jobs."
    )
    pronouns = [t.i for t in doc if t.lower_ in ("which", "who")]
    assert [doc[i].head.dep_ for i in pronouns] == ["relcl", "relcl", "relcl"]
    found = [instrument_source((i, i + 1), doc) for i in pronouns]
    assert found == [True, False, False]
    a = attribution_analyzer.analyze(
        "The agency, which says it was not consulted, plans to appeal."
    )
    assert _text(a, _by_cue(a, "says").source) == "which"


def test_issue5_financial_state_is_no_statement(attribution_analyzer: Analyzer) -> None:
    """Declaring or filing for bankruptcy (WordNet: an insolvency, a financial condition) is a
    company's legal act; declaring victory or a clause stays an attribution, as in PolNeAR."""
    for text in (
        "The retailer declared bankruptcy last week.",
        "The regional airline filed for bankruptcy protection on Monday.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, content in (
        ("The president declared victory on Tuesday night.", "victory"),
        (
            "The mayor declared that the curfew would end on Friday.",
            "that the curfew would end on Friday",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        assert [_text(a, c) for c in _by_cue(a, "declared").content] == [content], text


def test_issue5_raising_verb_reports_its_complement(attribution_analyzer: Analyzer) -> None:
    """A raising verb ("seem", "appear") reports its complement, not the clause the parser hangs
    before it after a colon or a coordination; another verb keeps a fronted clause ("X, the
    union expects to announce")."""
    for text, cue, content in (
        (
            "The mayor has struggled to explain the delays: Speaking in Albany on Monday, she "
            "appeared to blame the contractors for them.",
            "appeared",
            "to blame the contractors for them",
        ),
        (
            "The company will cut 500 jobs, the union expects to announce.",
            "expects",
            "The company will cut 500 jobs",
        ),
        ("The talks collapsed on Friday, officials said.", "said", "The talks collapsed on Friday"),
    ):
        a = attribution_analyzer.analyze(text)
        assert [_text(a, c) for c in _by_cue(a, cue).content] == [content], text


def test_issue5_trailing_participle_of_speech_is_its_own_report(
    attribution_analyzer: Analyzer,
) -> None:
    """A participle of speech or thought the parser hangs inside the reported clause after a
    comma ("…, *echoing* a letter", "…, *noting* that …") is the speaker's next attribution,
    not part of the first one's content; a participle of another kind ("…, *creating* 200
    jobs") stays in it."""
    for text, content, second in (
        (
            "Mr. Hale said the council should delay the vote for the good of the city, echoing a "
            "letter from the mayor's office.",
            "the council should delay the vote for the good of the city",
            "echoing",
        ),
        (
            "The spokeswoman said that the company was not abandoning its plans for the plant, "
            "noting that most of the money would go to training.",
            "that the company was not abandoning its plans for the plant",
            "noting",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        assert [_text(a, c) for c in _by_cue(a, "said").content] == [content], text
        assert _text(a, _by_cue(a, second).source) == _text(a, _by_cue(a, "said").source)
    a = attribution_analyzer.analyze(
        "He said the company would expand its factory in Ohio, creating 200 jobs."
    )
    assert [_text(a, c) for c in _by_cue(a, "said").content] == [
        "the company would expand its factory in Ohio, creating 200 jobs"
    ]


def test_issue5_trailing_relative_clause_with_its_own_speaker(
    attribution_analyzer: Analyzer,
) -> None:
    """A relative clause after a comma in which someone speaks or thinks ("…, which she said
    …", "…, which critics argue …") is another attribution, not part of the object or clause
    before it; a relative clause with no speaker of its own stays in the content."""
    for text, cue, content, inner in (
        (
            "The senator criticized the new budget rules, which she said would hurt rural "
            "hospitals.",
            "criticized",
            "the new budget rules",
            "said",
        ),
        (
            "The governor said the state would expand the program, which critics argue has "
            "wasted millions.",
            "said",
            "the state would expand the program",
            "argue",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        assert [_text(a, c) for c in _by_cue(a, cue).content] == [content], text
        assert _by_cue(a, inner).content, text
    a = attribution_analyzer.analyze(
        "The actor signed a statement that he said was written by his lawyers."
    )
    assert [_text(a, c) for c in _by_cue(a, "signed").content] == ["a statement"]
    a = attribution_analyzer.analyze(
        "The spokesman said officers were called to the mall, where they found two injured men."
    )
    assert [_text(a, c) for c in _by_cue(a, "said").content] == [
        "officers were called to the mall, where they found two injured men"
    ]
    a = attribution_analyzer.analyze("The mayor praised the new stadium, which opened in May.")
    assert [_text(a, c) for c in _by_cue(a, "praised").content] == [
        "the new stadium, which opened in May"
    ]


def test_issue5_authored_work_is_no_attribution(attribution_analyzer: Analyzer) -> None:
    """Writing or drafting a written work (WordNet: a verb of making with a document or
    publication as object) is authorship; a clause, a participle on the work or a topic
    carries what it says, and then it is an attribution, as in PolNeAR."""
    for text in (
        "The former ambassador wrote a memoir last year.",
        "The governor's aide drafted the letter on Tuesday.",
    ):
        assert attribution_analyzer.analyze(text).quotes == [], text
    for text, content in (
        ("The senator wrote a letter urging the agency to delay the rule.", "to delay the rule"),
        (
            "The professor has written a book about the collapse of the steel industry.",
            "a book about the collapse of the steel industry",
        ),
        (
            "The mayor wrote that the budget would be balanced by June.",
            "that the budget would be balanced by June",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        assert [_text(a, c) for q in a.quotes for c in q.content] == [content], text


def test_issue5_displaced_passive_agent_is_the_source(attribution_analyzer: Analyzer) -> None:
    """A "by" phrase naming people that the parser hangs on a passive's predicate is its agent,
    through a share ("about a third *of voters*"); a "by" phrase naming no one is not."""
    for text, cue, source in (
        (
            "The mayor was declared the winner of the runoff by election officials late Tuesday.",
            "was declared the winner of",
            "election officials",
        ),
        (
            "The governor is seen as a moderate who could win the state by about a third of "
            "voters.",
            "is seen as",
            "about a third of voters",
        ),
        (
            "The plan was described as a failure by the standards of the decade.",
            "was described as",
            None,
        ),
        ("The plan was criticized by the union.", "was criticized", "the union"),
        ("The governor was expected to attend the ceremony by himself.", "was expected", None),
    ):
        a = attribution_analyzer.analyze(text)
        assert _text(a, _by_cue(a, cue).source) == source, text


def test_issue5_participle_after_object_clause_or_quotation(
    attribution_analyzer: Analyzer,
) -> None:
    """A participle of speech after an object's clause ("denied the report that …,
    *explaining* …") or after a comma and a closing quotation mark ('argue that "…," *citing*
    …') belongs to the reporting verb: same speaker, and not part of the first content."""
    a = attribution_analyzer.analyze(
        "The spokesman denied the report that the plant is closing, explaining that the company "
        "had only paused hiring."
    )
    assert _text(a, _by_cue(a, "explaining").source) == "The spokesman"
    assert [_text(a, c) for c in _by_cue(a, "denied").content] == [
        "the report that the plant is closing"
    ]
    a = attribution_analyzer.analyze(
        'The two senators argue that "the rule is illegal," citing a ruling in which a federal '
        "court struck down a similar measure."
    )
    assert _text(a, _by_cue(a, "citing").source) == "The two senators"
    assert [_text(a, c) for c in _by_cue(a, "argue").content] == ['that "the rule is illegal,"']


def test_issue5_that_clause_stranded_on_a_noun(attribution_analyzer: Analyzer) -> None:
    """A complete "that" clause the parser hangs on a noun after a verb of speech ("said for
    the first time that …", "told the crowd at the arena … that …") is the verb's content; a
    relative clause whose "that" is its subject ("a moment that suited him") is not."""
    for text, cue, content in (
        (
            "The minister said for the first time that the talks had stalled.",
            "said",
            "that the talks had stalled",
        ),
        (
            "The coach told the crowd at the arena for the fans that the team would appeal the "
            "ruling.",
            "told",
            "that the team would appeal the ruling",
        ),
        ("He said it at a moment that suited him best.", "said", "it"),
        (
            "The author described the crisis in a way that ordinary readers could understand.",
            "described",
            "the crisis",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        assert [_text(a, c) for c in _by_cue(a, cue).content] == [content], text


def test_issue5_topic_hung_on_the_addressee(attribution_analyzer: Analyzer) -> None:
    """ "reminded voters *of* …": the parser hangs the topic on the addressee; it is the content,
    preposition included. A year or a place after "of" names the addressee ("the class of
    2014")."""
    a = attribution_analyzer.analyze(
        "At every stop, the governor reminded voters of the jobs his plan had brought to the state."
    )
    assert [_text(a, c) for c in _by_cue(a, "reminded").content] == [
        "of the jobs his plan had brought to the state"
    ]
    a = attribution_analyzer.analyze("The principal was telling the class of 2014 on Friday.")
    assert all(_text(a, c) != "of 2014" for q in a.quotes for c in q.content)


def test_issue5_answer_is_the_content(attribution_analyzer: Analyzer) -> None:
    """An interjection right after a verb of speech is the answer given ("most economists said
    *no*"), not the quotation of the question asked before it."""
    for text, source, content in (
        ("Asked whether the plan would work, most economists said no.", "most economists", "no"),
        (
            'Asked whether the mayor "has the integrity to serve," 75 percent of residents said '
            "yes.",
            "75 percent of residents",
            "yes",
        ),
    ):
        a = attribution_analyzer.analyze(text)
        quote = _by_cue(a, "said")
        assert (_text(a, quote.source), [_text(a, c) for c in quote.content]) == (
            source,
            [content],
        ), text
    a = attribution_analyzer.analyze("The mayor said the plan would work.")
    assert [_text(a, c) for c in _by_cue(a, "said").content] == ["the plan would work"]


def test_issue5_instrument_source_reads_wordnet(attribution_analyzer: Analyzer) -> None:
    """Weapons and craft, counted or not, are instruments; people, groups and documents not."""
    doc = attribution_analyzer.nlp("Dozens of missiles, a tank, the ministry and a report.")
    spans = {"Dozens of missiles": (0, 3), "a tank": (4, 6), "the ministry": (7, 9)}
    found = {text: instrument_source(span, doc) for text, span in spans.items()}
    assert found == {"Dozens of missiles": True, "a tank": True, "the ministry": False}
    assert not instrument_source((10, 12), doc)  # "a report"


def test_issue5_object_participle_is_one_cue_with_the_verbs_subject(
    attribution_analyzer: Analyzer,
) -> None:
    """'passed a law demanding …' (Tasnim), 'revised her statement explaining …': PolNeAR's cue
    runs from the verb to the participle, the source is the verb's subject and the content the
    participle's complement; the participle gives no second attribution with the noun as
    source. The Tasnim gold leaves the law out (it annotates speech only); PolNeAR counts it."""
    a = attribution_analyzer.analyze(
        "The parliament passed a law demanding the expulsion of foreign forces."
    )
    quote = _by_cue(a, "passed a law demanding")
    assert _text(a, quote.source) == "The parliament"
    assert [_text(a, c) for c in quote.content] == ["the expulsion of foreign forces"]
    a = attribution_analyzer.analyze(
        "She revised her statement explaining that she had not sent the emails."
    )
    assert [(_text(a, q.cue), _text(a, q.source)) for q in a.quotes] == [
        ("revised her statement explaining", "She")
    ]


def test_issue5_participle_with_a_circumstance_only_does_not_join_the_cue(
    attribution_analyzer: Analyzer,
) -> None:
    """'the judge presiding over the case' says nothing: "persuaded" keeps its own content."""
    a = attribution_analyzer.analyze(
        "Makaeff persuaded the judge presiding over the case to let her remove her name."
    )
    quote = _by_cue(a, "persuaded")
    assert [_text(a, c) for c in quote.content] == ["to let her remove her name"]


def test_issue5_light_object_passes_content_to_its_preposition(
    attribution_analyzer: Analyzer,
) -> None:
    """'takes issue with X', 'called attention to X': PolNeAR's cue runs to the preposition
    and its object is what is reported; a medium there ('on its Facebook page') is not."""
    a = attribution_analyzer.analyze("Sanders also takes issue with a new oversight board.")
    quote = _by_cue(a, "also takes issue with")
    assert [_text(a, c) for c in quote.content] == ["a new oversight board"]
    a = attribution_analyzer.analyze(
        "The campaign has touted his endorsement on its Facebook page."
    )
    quote = _by_cue(a, "has touted")
    assert [_text(a, c) for c in quote.content] == ["his endorsement"]


def test_issue5_name_before_a_noun_cue_is_its_source(attribution_analyzer: Analyzer) -> None:
    """'Republican criticism that …', and 'Merkel talks about …' with "talks" tagged a noun:
    the modifier that names a person or group is who speaks (PolNeAR)."""
    a = attribution_analyzer.analyze(
        "It was his sharpest response to Republican criticism that his strategy is failing."
    )
    assert _text(a, _by_cue(a, "criticism").source) == "Republican"
    a = attribution_analyzer.analyze(
        "Merkel talks about a European consensus, but the council is divided."
    )
    assert _text(a, _by_cue(a, "talks about").source) == "Merkel"


def test_issue5_subject_run_into_the_paragraph_above_is_the_paragraphs_own(
    attribution_analyzer: Analyzer,
) -> None:
    """The parser runs the paragraph into the sentence above and hangs "Sanders" there as an
    object: the phrase that opens the cue's paragraph is the source, never a subject found
    above the paragraph break ("The deal")."""
    a = attribution_analyzer.analyze(
        "The deal is off for now, and it's time for Plan B.\n\n"
        "Sanders hasn't said whether he will stay in the race."
    )
    assert _text(a, _by_cue(a, "hasn't said").source) == "Sanders"


def test_issue5_editorial_label_is_not_a_speaker(attribution_analyzer: Analyzer) -> None:
    """'CORRECTION: …', 'Breaking: …' are the outlet's labels; 'Lynch: …' is a speaker."""
    a = attribution_analyzer.analyze(
        "CORRECTION: An earlier version of this story misstated the date of the vote.\n\n"
        "Lynch: No outside influence on the FBI probe"
    )
    assert [_text(a, q.source) for q in a.quotes if _text(a, q.cue) == ":"] == ["Lynch"]


def test_issue5_bare_what_is_no_content(attribution_analyzer: Analyzer) -> None:
    """'to stand up to what he … see as unfair trade': "what" alone reports nothing."""
    a = attribution_analyzer.analyze(
        "The candidate has bemoaned the failure to stand up to what he and many union members "
        "see as unfair trade."
    )
    assert [_text(a, q.cue) for q in a.quotes] == ["has bemoaned"]


def test_issue5_object_after_the_cue_beats_a_clause_hung_before_it(
    attribution_analyzer: Analyzer,
) -> None:
    """'Morale has suffered, employees complain of X': a clause the parser hangs before a
    verb with a content of its own after it is a sentence of its own; a quotation that closes
    before the cue stays what was said ('"…," he said about the group')."""
    a = attribution_analyzer.analyze(
        "Morale has suffered, employees complain of Mr. Kim's lack of communication."
    )
    quote = _by_cue(a, "complain of")
    assert [_text(a, c) for c in quote.content] == ["Mr. Kim's lack of communication"]
    a = attribution_analyzer.analyze('"They have a global strategy," he said about the group.')
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == ['"They have a global strategy,"']


def test_issue5_only_a_light_verb_passes_its_object_on(attribution_analyzer: Analyzer) -> None:
    """'pinned his hopes on South Carolina' reports the place; 'oppose concessions to X' keeps
    its object (the verb means something of its own)."""
    a = attribution_analyzer.analyze("Bush has pinned his hopes on South Carolina.")
    quote = _by_cue(a, "has pinned his hopes on")
    assert [_text(a, c) for c in quote.content] == ["South Carolina"]


def test_issue5_restrictive_relative_pronoun_is_told_apart(attribution_analyzer: Analyzer) -> None:
    """'voters who say …' picks out a group (a stricter cue threshold applies); ', who said …'
    reports a speaker."""
    doc = attribution_analyzer.nlp("Voters who say the economy matters split evenly.")
    assert restrictive_relative((1, 2), doc)
    doc = attribution_analyzer.nlp("Mr. Cruz, who said the deal was bad, left early.")
    who = next(t.i for t in doc if t.lower_ == "who")
    assert not restrictive_relative((who, who + 1), doc)
    assert not restrictive_relative((0, 2), doc)  # a name is no relative pronoun


def test_issue5_quotation_before_the_speaker_is_the_cues_own(
    attribution_analyzer: Analyzer,
) -> None:
    """'"…," Mr. Manafort said, adding of Mr. Trump, "…"': of the two quotations the parser
    hangs on "said", the one closing right before its subject is what was said."""
    a = attribution_analyzer.analyze(
        '"We\'ve started all those conversations," Mr. Manafort said, adding of Mr. Trump, '
        '"He cares about the united team."'
    )
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == ['"We\'ve started all those conversations,"']


def test_issue5_subject_misparsed_as_a_modifier_of_the_verb_is_the_source(
    attribution_analyzer: Analyzer,
) -> None:
    """'About 4 in 10 say …': the parser hangs the figure on the verb as a number, not as its
    subject; it is still who speaks."""
    a = attribution_analyzer.analyze("About 4 in 10 say they want lower taxes.")
    assert _text(a, _by_cue(a, "say").source) == "About 4 in 10"


def test_issue5_contracted_has_read_as_a_passive_keeps_its_subject(
    attribution_analyzer: Analyzer,
) -> None:
    """'he's predicted big wins' is 'he has predicted' (the participle takes an object), while
    'it's been reported that …' is a true passive and names no source."""
    a = attribution_analyzer.analyze("And he's predicted big wins in the races ahead.")
    assert _text(a, _by_cue(a, "'s predicted").source) == "he"
    a = attribution_analyzer.analyze("It's been reported that the mayor resigned.")
    assert _by_cue(a, "'s been reported").source is None


def test_issue5_labelled_headline_may_open_with_a_quotation_mark(
    attribution_analyzer: Analyzer,
) -> None:
    """'Ted Brown: “We Will Never Give Up …”': a headline label before a quoted content is an
    attribution like the unquoted 'Lynch: No outside influence …'."""
    a = attribution_analyzer.analyze(
        "Ted Brown: “We Will Never Give Up on This City”\n\nThe race goes on."
    )
    quote = _by_cue(a, ":")
    assert _text(a, quote.source) == "Ted Brown"


def test_issue5_purpose_infinitive_of_speech_after_the_object_reports(
    attribution_analyzer: Analyzer,
) -> None:
    """'is calling a meeting to discuss options …': the cue runs to the infinitive and what
    is discussed is the content, not the meeting."""
    a = attribution_analyzer.analyze(
        "A group of conservative leaders is calling a meeting to discuss options for the party."
    )
    quote = _by_cue(a, "is calling a meeting to discuss")
    assert [_text(a, c) for c in quote.content] == ["options for the party"]


def test_issue5_placeholder_object_gives_way_to_the_preposition(
    attribution_analyzer: Analyzer,
) -> None:
    """'said little about how …': 'little' is no content; what the preposition governs is."""
    a = attribution_analyzer.analyze("Sanders said little about how he would pay for it.")
    quote = _by_cue(a, "said")
    assert [_text(a, c) for c in quote.content] == ["how he would pay for it"]


def test_issue5_participle_after_a_reported_clause_is_the_reporters(
    attribution_analyzer: Analyzer,
) -> None:
    """'Carson said he plans …, insisting that …': the parser hangs the participle on the
    reported clause's verb, but its speaker is the reporting verb's subject, not 'he'."""
    a = attribution_analyzer.analyze(
        "Carson said he plans to present a strategy after Christmas, insisting that the "
        "leaders are too cautious."
    )
    assert _text(a, _by_cue(a, "insisting").source) == "Carson"


def test_issue5_participle_coordinated_with_the_reporters_participle_shares_its_speaker(
    attribution_analyzer: Analyzer,
) -> None:
    """'…, vowing to …, and suggesting he would …': both participles are Trump's."""
    a = attribution_analyzer.analyze(
        "Trump has indicated he would try to curb critics, vowing to open up libel laws, and "
        "suggesting he would require employees to sign agreements."
    )
    assert _text(a, _by_cue(a, "vowing").source) == "Trump"
    assert _text(a, _by_cue(a, "suggesting").source) == "Trump"


def test_issue5_clause_final_cue_may_end_with_its_addressee_and_day(
    attribution_analyzer: Analyzer,
) -> None:
    """'<content>, Ash Carter told a Senate panel Wednesday.': the addressee and the day after
    the cue do not stop the clause before the comma from being what was told."""
    a = attribution_analyzer.analyze(
        "The plan includes a special force to train local fighters, Defense Secretary Ash "
        "Carter told a Senate panel Wednesday."
    )
    quote = _by_cue(a, "told")
    assert _text(a, quote.source) == "Defense Secretary Ash Carter"
    assert [_text(a, c) for c in quote.content] == [
        "The plan includes a special force to train local fighters"
    ]


def test_issue5_clause_final_cue_after_an_apposition_subject(
    attribution_analyzer: Analyzer,
) -> None:
    """'<content>, his top aide, Tad Devine, told reporters.': the comma right before the cue
    closes the subject's apposition; the content ends at the comma before the subject."""
    a = attribution_analyzer.analyze(
        "Despite the defeats, Sanders remains committed to the race, his top aide, Tad Devine, "
        "told reporters."
    )
    quote = _by_cue(a, "told")
    assert _text(a, quote.source) == "his top aide, Tad Devine,"
    assert [_text(a, c) for c in quote.content] == [
        "Despite the defeats, Sanders remains committed to the race"
    ]


def test_issue5_name_stranded_before_a_subjectless_verb_is_its_source(
    attribution_analyzer: Analyzer,
) -> None:
    """The parser hangs the speaker elsewhere (an apposition of 'plea', an object of 'as')
    and leaves 'said' without a subject; the name right before it, past an age or a
    participle set off by commas, is who speaks."""
    a = attribution_analyzer.analyze(
        "As a part of his plea, Marcel Lazar, 44, said that he stole the passwords of many people."
    )
    assert _text(a, _by_cue(a, "said").source) == "Marcel Lazar, 44,"
    a = attribution_analyzer.analyze(
        "The talks ended early, as Enrique Pena Nieto, contradicting Trump, said he had "
        "raised the issue."
    )
    assert _text(a, _by_cue(a, "said").source) == "Enrique Pena Nieto"


def test_issue5_that_clause_hung_on_the_medium_is_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'says in a statement that …' with the clause parsed as a modifier of 'statement': the
    medium still names how it was said, and the clause is what was said."""
    a = attribution_analyzer.analyze(
        "Kasich’s chief strategist John Weaver says in a statement that the race will now be "
        "a four-man contest between Kasich, Rubio, Cruz and Trump."
    )
    quote = _by_cue(a, "says")
    assert [_text(a, c) for c in quote.content] == [
        "that the race will now be a four-man contest between Kasich, Rubio, Cruz and Trump"
    ]


def test_issue5_quotation_after_the_addressee_and_a_colon_is_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'He tells the crowd: "…"': the addressee stands between the cue and the colon."""
    a = attribution_analyzer.analyze(
        'He tells the crowd: "I do not want you to have the wrong impression."'
    )
    quote = _by_cue(a, "tells")
    assert [_text(a, c) for c in quote.content] == [
        '"I do not want you to have the wrong impression."'
    ]


def test_issue5_people_noun_object_is_the_addressee_not_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'warned the farmers about X': a common noun for people (WordNet: its commonest sense is
    a person or a group), not only a listed one, is whom it was said to; X is what was said."""
    a = attribution_analyzer.analyze("The senator warned the farmers about the drought.")
    quote = _by_cue(a, "warned")
    assert [_text(a, c) for c in quote.content] == ["the drought"]


def test_issue5_if_clause_of_a_verb_of_asking_is_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'asked workers if …' with the clause parsed as adverbial: what was asked."""
    a = attribution_analyzer.analyze("He asked workers if they planned to attend the caucuses.")
    quote = _by_cue(a, "asked")
    assert [_text(a, c) for c in quote.content] == ["if they planned to attend the caucuses"]
    assert quote.source is not None and _text(a, quote.source) == "He"


def test_issue5_person_after_to_is_the_addressee_before_for_or_about(
    attribution_analyzer: Analyzer,
) -> None:
    """'apologize to Clinton for the incident': whom it was said to, then what about."""
    a = attribution_analyzer.analyze("Sanders did apologize to Clinton for the incident.")
    quote = _by_cue(a, "did apologize")
    assert [_text(a, c) for c in quote.content] == ["the incident"]


def test_issue5_reduced_passive_asked_has_no_source(attribution_analyzer: Analyzer) -> None:
    """'Asked what …, Devine said …': the asker is unnamed and is not the answerer, so 'Asked'
    has no source; 'said' keeps its own."""
    a = attribution_analyzer.analyze(
        "Asked what a firm commitment looks like, Devine said the campaign would decide."
    )
    assert _by_cue(a, "Asked").source is None
    said = _by_cue(a, "said")
    assert said.source is not None and _text(a, said.source) == "Devine"


def test_issue5_stance_passive_subject_is_the_source(attribution_analyzer: Analyzer) -> None:
    """'X are split on whether …': the subject holds the view (PolNeAR); a passive of speech
    ('was briefed on') keeps no source, its subject being whom it was said to."""
    a = attribution_analyzer.analyze(
        "Republican senators are split on whether they would vote for Garland."
    )
    split = _by_cue(a, "are split on")
    assert split.source is not None and _text(a, split.source) == "Republican senators"
    b = attribution_analyzer.analyze("The president was briefed on the situation.")
    assert _by_cue(b, "was briefed on").source is None


def test_issue5_subject_misparsed_as_compounds_of_the_verb_is_the_source(
    attribution_analyzer: Analyzer,
) -> None:
    """'…, Federal Election Commission records show.': the parser tags 'records' a verb and
    hangs every word of the name on 'show' as a compound; the whole phrase is the source."""
    a = attribution_analyzer.analyze(
        "In all, the Tampa host committee raised $57million, Federal Election Commission "
        "records show."
    )
    quote = _by_cue(a, "show")
    assert quote.source is not None
    assert _text(a, quote.source) == "Federal Election Commission records"


def test_issue5_at_length_is_manner_not_content(attribution_analyzer: Analyzer) -> None:
    """'has spoken at length about X': 'at length' says how, X is what was spoken about."""
    a = attribution_analyzer.analyze("She has spoken at length about her differences with Obama.")
    quote = _by_cue(a, "has spoken")
    assert [_text(a, c) for c in quote.content] == ["her differences with Obama"]


def test_issue5_long_transcript_turn_is_one_attribution_to_its_speaker(
    attribution_analyzer: Analyzer,
) -> None:
    """A speaker turn ('SMITH: Well, I think …, …, …, and …') is a labelled line even with more
    than three commas, and the 'think' inside it is not annotated on its own (PolNeAR)."""
    text = (
        "Governor Smith spoke to CNN on Sunday.\n\n"
        "TAPPER: Do you agree with him on the issue?\n\n"
        "SMITH: Well, I think the nation, the state, the city, and all of us need to work "
        "together."
    )
    a = attribution_analyzer.analyze(text)
    turn = [q for q in a.quotes if q.source is not None and _text(a, q.source) == "SMITH"]
    assert len(turn) == 1 and _text(a, turn[0].cue) == ":"
    assert not [q for q in a.quotes if _text(a, q.cue) == "think"]


def test_issue5_parenthetical_cue_ignores_a_clause_from_the_next_paragraph(
    attribution_analyzer: Analyzer,
) -> None:
    """'X, the engineer argued, is Y.' followed by a paragraph the parse hangs on the sentence
    as a complement: the parenthetical cue reports the clause around it, not the next
    paragraph's quotation, which stays the next cue's."""
    a = attribution_analyzer.analyze(
        "Bridge repairs stall.\n\n"
        "The real cost of the bridge, the engineer argued, is the upkeep.\n\n"
        "''Most of the money goes to repairs of the old'' roads, he said, not to new ones."
    )
    argued = _by_cue(a, "argued")
    assert _text(a, argued.source) == "the engineer"
    assert [str(_text(a, c)).rstrip(".") for c in argued.content] == [
        "The real cost of the bridge",
        "is the upkeep",
    ]


def test_issue5_inverted_aside_names_the_speaker_after_the_verb(
    attribution_analyzer: Analyzer,
) -> None:
    """'And the mayor, said Ms. Alvarez, who …, never forgets': the speaker follows the verb,
    set off by commas, and the clause around the aside is the content; the parser made 'the
    mayor' the verb's subject. A subject with an aside of its own ('Smith, 45, said Jones, the
    treasurer, had left') and a plain report keep their reading."""
    a = attribution_analyzer.analyze(
        "Council debates budget.\n\n"
        "And the mayor, said Ms. Alvarez, who worked for him for a decade, never forgets a "
        "slight."
    )
    said = _by_cue(a, "said")
    assert _text(a, said.source) == "Ms. Alvarez, who worked for him for a decade,"
    assert [_text(a, c) for c in said.content] == ["the mayor", "never forgets a slight"]
    b = attribution_analyzer.analyze(
        "Council debates budget.\n\n"
        "Part of the difficulty, say engineers like Tom Reyes, a bridge inspector, is the soil "
        "itself."
    )
    say = _by_cue(b, "say")
    assert _text(b, say.source) == "engineers like Tom Reyes, a bridge inspector,"
    assert [_text(b, c) for c in say.content] == ["Part of the difficulty", "is the soil itself"]
    c = attribution_analyzer.analyze(
        "Council debates budget.\n\nSmith, 45, said Jones, the treasurer, had left the city."
    )
    assert _text(c, _by_cue(c, "said").source) == "Smith, 45,"
    d = attribution_analyzer.analyze(
        "Council debates budget.\n\nThe mayor said Jones, the treasurer, had left the city."
    )
    assert _text(d, _by_cue(d, "said").source) == "The mayor"


def test_issue5_verb_ending_a_series_of_relative_clauses_shares_their_pronoun(
    attribution_analyzer: Analyzer,
) -> None:
    """'This was the senator …, who fights with reporters, claims that …': the parser
    coordinates 'claims' with 'was'; it continues the relative clause before it, in the same
    form, and its source is that clause's 'who' (PolNeAR), not 'This'. A verb in the copula's
    own form keeps the main subject ('She is a lawyer who lives in Ohio and says …')."""
    a = attribution_analyzer.analyze(
        "Senate race heats up.\n\n"
        "This was the senator we all remembered, the senator who doubts the science of climate "
        "change, who fights with reporters, claims that the press is biased, and insists that "
        "nothing has changed."
    )
    for cue in ("claims", "insists"):
        quote = _by_cue(a, cue)
        assert quote.source is not None and quote.source[0] == a.text.index("who fights")
    b = attribution_analyzer.analyze(
        "Senate race heats up.\n\nShe is a lawyer who lives in Ohio and says that the plan will "
        "fail."
    )
    assert _text(b, _by_cue(b, "says").source) == "She"


def test_issue5_unmarked_adverbial_aside_reports_the_main_clause(
    attribution_analyzer: Analyzer,
) -> None:
    """'But with every new poll, his aides admit, it becomes …': the parser hangs the aside as
    an adverbial clause; with no subordinator, a subject and a comma after the verb, it is a
    parenthetical cue and the main clause is its content (the lone 'But' is not). A clause
    with a subordinator ('Whenever reporters ask, …', 'If the organizers complain, …') is a
    circumstance, not a report of the main clause."""
    a = attribution_analyzer.analyze(
        "Festival faces cuts.\n\n"
        "But with every new poll, his aides admit, it becomes more difficult to argue that he "
        "can win."
    )
    admit = _by_cue(a, "admit")
    assert _text(a, admit.source) == "his aides"
    assert [_text(a, c) for c in admit.content] == [
        "it becomes more difficult to argue that he can win"
    ]
    for text in (
        "Festival faces cuts.\n\nWhenever reporters ask, the mayor declines to comment.",
        "Festival faces cuts.\n\nIf the organizers complain, the council will listen.",
    ):
        b = attribution_analyzer.analyze(text)
        assert not [q for q in b.quotes if _text(b, q.cue) in ("ask", "complain")]


def test_issue5_charge_preposition_ends_before_a_relative_clause_of_speech(
    attribution_analyzer: Analyzer,
) -> None:
    """'blasted the governor for his cuts …, which she argued will hurt …': the charge joined
    to the object stops before a set-off relative clause in which someone speaks, another
    attribution, as the object itself does; a relative clause that only describes stays."""
    a = attribution_analyzer.analyze(
        "Budget fight grows.\n\nThe senator blasted the governor for his cuts to the school "
        "budget, which she argued will hurt rural districts."
    )
    blasted = _by_cue(a, "blasted")
    assert [_text(a, c) for c in blasted.content] == [
        "the governor for his cuts to the school budget"
    ]
    b = attribution_analyzer.analyze(
        "Budget fight grows.\n\nThe senator blasted the governor for his cuts to the school "
        "budget, which took effect in May."
    )
    assert str(_text(b, _by_cue(b, "blasted").content[0])).endswith("which took effect in May")


def test_issue5_according_parsed_as_the_root_keeps_its_clause_as_content(
    attribution_analyzer: Analyzer,
) -> None:
    """A parse the backbone gives a long fronted phrase: "According" as the sentence's root,
    the main clause's subject a second object of it. The phrase ends with the object of "to";
    the rest of the sentence is what is attributed. Hung on the main verb (the usual parse),
    the phrase is the same."""
    words = "According to a survey , young renters who are poor spend more".split()
    doc = Doc(
        attribution_analyzer.nlp.vocab,
        words=words,
        heads=[0, 0, 3, 1, 0, 6, 0, 8, 6, 8, 8, 10],
        deps="ROOT prep det pobj punct amod pobj nsubj relcl acomp acomp advmod".split(),
        pos="VERB ADP DET NOUN PUNCT ADJ NOUN PRON AUX ADJ ADV ADV".split(),
    )
    attribution = according_to(doc[0], doc[0:], 0.9)
    assert attribution is not None and attribution.source is not None
    assert doc[attribution.source[0] : attribution.source[1]].text == "a survey"
    assert [doc[s:e].text for s, e in attribution.content] == [
        "young renters who are poor spend more"
    ]
    a = attribution_analyzer.analyze(
        "Clinic plan advances.\n\nAccording to figures from the county, farm incomes fell."
    )
    quote = _by_cue(a, "According to")
    assert [_text(a, c) for c in quote.content] == ["farm incomes fell"]


def test_issue5_verb_coordinated_with_a_joined_participle_has_the_verbs_subject(
    attribution_analyzer: Analyzer,
) -> None:
    """'The governor emailed donors saying: "…" and vowing to …': 'emailed donors saying' is
    one cue (PolNeAR), so 'vowing', coordinated with what was said, has the governor as
    source, not the donors. After a verb that is not one of speech the object may be the one
    who acts ('Voters backed a candidate promising … and vowing …': the candidate vows)."""
    a = attribution_analyzer.analyze(
        'Race tightens.\n\nThe governor emailed donors saying: "The fight goes on" and vowing '
        "to campaign in every county next month."
    )
    assert _text(a, _by_cue(a, "vowing").source) == "The governor"
    assert _text(a, _by_cue(a, "emailed donors saying:").source) == "The governor"
    b = attribution_analyzer.analyze(
        "Race tightens.\n\nVoters backed a candidate promising lower taxes and vowing to cut "
        "spending."
    )
    assert _text(b, _by_cue(b, "vowing").source) == "a candidate"


def test_issue5_topic_label_over_a_cited_line_is_no_speaker(
    attribution_analyzer: Analyzer,
) -> None:
    """'Tuition: Fees … rose …, according to the Education Department.': a common-noun label
    over a line that cites its source is the line's topic; the cited source is the
    attribution, and a quotation after it is no longer inside a 'turn'. A named speaker's
    turn stays one, whatever 'according to' it contains."""
    a = attribution_analyzer.analyze(
        "Colleges raise fees.\n\nThe board met on Monday.\n\nTuition: Fees at state colleges "
        "rose by 8 percent last year, according to the Education Department. "
        '"We cannot keep raising prices," Smith said.'
    )
    assert not [q for q in a.quotes if _text(a, q.cue) == ":"]
    cited = _by_cue(a, "according to")
    assert _text(a, cited.source) == "the Education Department"
    assert _text(a, _by_cue(a, "said").source) == "Smith"
    b = attribution_analyzer.analyze(
        "Hearing ends.\n\nThe hearing ran late.\n\nSmith: Well, I think the board acted, "
        "according to the rules, in good faith."
    )
    turn = _by_cue(b, ":")
    assert _text(b, turn.source) == "Smith"
    assert not [q for q in b.quotes if _text(b, q.cue) == "according to"]


def test_issue5_that_clause_parsed_as_adverbial_after_a_verb_of_speech_is_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """'…, saying in an interview only that she was weighing her options': the parser hangs
    the that-clause as an adverbial clause; after a verb of speech it is what was said. A
    purpose clause ('so that everyone would hear it') is not."""
    a = attribution_analyzer.analyze(
        "Mayor under pressure.\n\nThe mayor gave few details, saying in an interview only that "
        "she was weighing her options."
    )
    saying = _by_cue(a, "saying in an interview")
    assert _text(a, saying.source) == "The mayor"
    assert [_text(a, c) for c in saying.content] == ["only that she was weighing her options"]
    b = attribution_analyzer.analyze(
        "Mayor under pressure.\n\nThe mayor repeated the warning so that everyone would hear it."
    )
    assert [_text(b, c) for c in _by_cue(b, "repeated").content] == ["the warning"]


def test_issue5_person_object_of_a_control_verb_is_the_source(
    attribution_analyzer: Analyzer,
) -> None:
    """'has led some donors to worry …', 'barred the former aide from writing about …': the
    person object of the governing verb is who worries or writes (object control), not its
    subject. After 'by' the subject acts ('rallied voters by promising …')."""
    a = attribution_analyzer.analyze(
        "Campaign stumbles.\n\nThe scandal has led some donors to worry whether the campaign "
        "can recover."
    )
    assert _text(a, _by_cue(a, "to worry").source) == "some donors"
    b = attribution_analyzer.analyze(
        "Campaign stumbles.\n\nThe judge barred the former aide from writing about the trial."
    )
    assert _text(b, _by_cue(b, "writing about").source) == "the former aide"
    c = attribution_analyzer.analyze(
        "Campaign stumbles.\n\nThe senator rallied voters by promising lower taxes."
    )
    assert _text(c, _by_cue(c, "promising").source) == "The senator"


def test_issue5_last_of_a_long_series_of_coordinated_verbs_keeps_the_subject(
    attribution_analyzer: Analyzer,
) -> None:
    """'The mayor has mocked …, referred to … and recently pointed to … and *called* him …':
    the parser chains the coordinated verbs, so the subject is three steps up; every verb of
    the series has it."""
    a = attribution_analyzer.analyze(
        "Campaign heats up.\n\nThe mayor has mocked a rival, referred to his critics as "
        '"clowns" and recently pointed to a man in the crowd and called him "my best friend."'
    )
    for cue in ("has mocked", "referred to", "called"):
        assert _text(a, _by_cue(a, cue).source) == "The mayor"


def test_issue5_clause_after_an_inverted_speaker_is_not_the_content(
    attribution_analyzer: Analyzer,
) -> None:
    """A parse the backbone gives '"…," said Ann Lee, who co-wrote the bill': split at the
    hyphen, "wrote" hangs on "said" as its complement. After a quotation that closes right
    before the verb, a clause past the verb's own subject is part of the speaker's phrase: no
    syntactic content, so the stage takes the quotation."""
    words = '" I agree , " said Ann Lee , who co - wrote the bill .'.split()
    doc = Doc(
        attribution_analyzer.nlp.vocab,
        words=words,
        heads=[5, 2, 5, 5, 5, 5, 7, 5, 7, 10, 7, 5, 5, 14, 12, 5],
        deps="punct nsubj dep punct punct ROOT compound nsubj punct nsubj relcl advcl ccomp "
        "det dobj punct".split(),
        pos="PUNCT PRON VERB PUNCT PUNCT VERB PROPN PROPN PUNCT PRON VERB VERB VERB DET NOUN "
        "PUNCT".split(),
        tags="`` PRP VBP , '' VBD NNP NNP , WP VBD VBD VBD DT NN .".split(),
    )
    said = doc[5]
    attribution = from_verb(said, said.sent, 0.9)
    assert attribution.content == []
    assert attribution.source is not None and doc[attribution.source[0]].text == "Ann"
    a = attribution_analyzer.analyze(
        "Clinic expands.\n\n''When the state says, 'We can't pay for this,' I don't believe "
        "that,'' said Dana Ortiz, director of the nursing program at Mercy College, who "
        "co-founded the clinic with her husband."
    )
    assert str(_text(a, _by_cue(a, "said").content[0])).startswith("''When the state says")


def test_issue5_parenthetical_cue_reports_the_whole_clause_around_it(
    attribution_analyzer: Analyzer,
) -> None:
    """'A shorter season, the coach said, would make …': the clause the parenthetical cue sits
    in is the content, in two pieces; the complement of its verb ('make' → 'the players more
    rested') is only part of it. Only a head that is itself a cue of speech passes its clause
    on ('X, he said, Reuters reported', where Reuters' clause is the content)."""
    a = attribution_analyzer.analyze(
        "Season review.\n\nA shorter season, the coach said, would make the players more rested "
        "and ''keep them hungry.''"
    )
    said = _by_cue(a, "said")
    assert [_text(a, c) for c in said.content] == [
        "A shorter season",
        "would make the players more rested and ''keep them hungry.''",
    ]
    b = attribution_analyzer.analyze(
        "Season review.\n\nThe only problem, Ms. Diaz said, is that the new stadium is far from "
        "the city."
    )
    assert [_text(b, c) for c in _by_cue(b, "said").content] == [
        "The only problem",
        "is that the new stadium is far from the city",
    ]
