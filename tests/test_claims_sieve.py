"""The speaker sieve: the title grammar, each pass on a construction of its own, and canonical names."""

from __future__ import annotations

import pytest

import docingest
from docingest.claims.coref import Cast
from docingest.claims.titles import parse_role, split_title


def speakers(text: str) -> list[str | None]:
    out = []
    for c in docingest.extract_claims(text):
        c.check_against(text)
        if c.kind == "quote":
            out.append(c.speaker)
    return out


@pytest.mark.parametrize(
    ("run", "title_words"),
    [
        ("NATO Secretary General Mark Rutte", 3),
        ("European Commission President Ursula Von der Leyen", 3),
        ("Ukrainian President Volodymyr Zelenskyy", 2),
        ("St. Charles County Prosecuting Attorney Tim Lohmar", 5),
        ("Cllr Maureen Atherley", 1),
        ("Supt. Dana Whitlock", 1),
        ("MMC Thabo Nkosi", 1),
        ("Councilmember Ray Villanueva-Brandt", 1),
        ("Mum-of-three Shannon Briggs", 1),
        ("Harlow County Sheriff Jane Roe", 3),
        ("General Motors", 0),
        ("Gayle King", 0),
        ("Dean Pollard", 0),
        ("Prime Minister Theresa May", 2),
    ],
)
def test_title_grammar_finds_where_the_name_starts(run: str, title_words: int) -> None:
    assert split_title(run.split()) == title_words


def test_role_descriptions_parse_to_head_and_modifiers() -> None:
    role = parse_role("the EU commission president")
    assert role is not None and role.head == "president" and role.modifiers == {"eu", "commission"}
    sg = parse_role("NATO's secretary general")
    assert sg is not None and sg.head == "secretary general" and sg.modifiers == {"nato"}
    of = parse_role("the secretary general of NATO")
    assert of is not None and of.head == "secretary general" and "nato" in of.modifiers
    assert parse_role("says his son grew up in Houston") is None


def test_passes_name_canonical_entities() -> None:
    cast = Cast(
        "European Union officials met in Brussels. The EU said it would act.\n\n"
        "Finance Minister Ana Ruiz spoke. Ruiz said the budget was ready.\n\n"
        "Harlow County Sheriff's Office deputies attended. The Sheriff's Office said little."
    )
    names = {m.name: (m.entity.name if m.entity is not None else None) for m in cast.mentions}  # type: ignore[attr-defined]
    assert names["EU"] == "European Union"
    assert names["Ruiz"] == "Ana Ruiz"
    assert "Harlow County Sheriff's Office" in names.values()


def test_titles_abbreviations_and_owners_stay_out_of_the_speaker() -> None:
    text = (
        "Cllr Maureen Atherley, leader of the town council, spoke first.\n\n"
        "“It is like losing a member of the family,” Cllr Atherley said.\n\n"
        "Harlow County Sheriff Jane Roe said the road would reopen.\n\n"
        "“We will be out there all night,” the sheriff said."
    )
    assert speakers(text) == ["Maureen Atherley", "Jane Roe"]


def test_role_nouns_with_modifiers_pick_the_right_bearer() -> None:
    text = (
        "Ukrainian President Volodymyr Zelenskyy and European Commission President Ursula Von der Leyen met "
        "NATO Secretary General Mark Rutte.\n\n"
        "“We need air defence,” the Ukrainian leader said.\n\n"
        "“Europe will pay its share,” the commission president said.\n\n"
        "“Production must rise,” the secretary general said."
    )
    assert speakers(text) == ["Volodymyr Zelenskyy", "Ursula Von der Leyen", "Mark Rutte"]


def test_organisation_short_forms_and_the_typeless_alliance() -> None:
    text = (
        "NATO leaders met on Tuesday. The Alliance has 32 members.\n\n"
        "“We are united,” according to the Alliance.\n\n"
        "The Ministry of Health published its figures. “Vaccines are safe,” the ministry said."
    )
    assert speakers(text) == ["NATO", "Ministry of Health"]


def test_possessive_owner_and_organisation_names_with_possessives() -> None:
    text = (
        "The Harlow County Sheriff's Office said the road would reopen. “Drive slowly,” the office said.\n\n"
        "“We gave up far too early,” Ottawa’s Lena Marsh said."
    )
    assert speakers(text) == ["Harlow County Sheriff's Office", "Lena Marsh"]


def test_surnames_agree_in_gender_and_take_the_latest_bearer() -> None:
    text = (
        "Dean Pollard runs the chip kiosk. His daughter Kayleigh Pollard works there.\n\n"
        "“Whatever happens, I want the lads paid,” Ms Pollard said.\n\n"
        "“People keep turning up for chips,” Mr Pollard said."
    )
    assert speakers(text) == ["Kayleigh Pollard", "Dean Pollard"]


def test_pronouns_take_the_subject_of_a_sentence_that_quotes_nobody() -> None:
    text = (
        "“I have done this for years,” said pitcher John Smoltz.\n\n"
        "When asked what was harder, Mulder didn’t hesitate.\n\n"
        "“It’s this for sure,” he said."
    )
    assert speakers(text)[-1] == "Mulder"


def test_partial_quotes_with_stance_verbs_and_nouns() -> None:
    text = (
        "Mayor Ines Duarte highlighted the city's “record year for housing starts” in her speech.\n\n"
        "The council outlined the mayor's commitment to “build where people already live,” officials said.\n\n"
        "Duarte's characterization of the plan as a “generational bet” drew applause."
    )
    found = [(c.text, c.speaker) for c in docingest.extract_claims(text) if c.kind == "quote"]
    assert found == [
        ("record year for housing starts", "Ines Duarte"),
        ("build where people already live,", "Ines Duarte"),
        ("generational bet", "Ines Duarte"),
    ]


def test_a_repeated_quotation_is_a_claim_of_its_own_and_credits_nobody_else() -> None:
    text = (
        "Mayor Ines Duarte called for “homes near transit and jobs” on Monday.\n\n"
        "Developers expect “homes near transit and jobs” across the region.\n\n"
        "The mayor said the city needed “homes near transit and jobs” now."
    )
    found = [(c.span.start, c.speaker) for c in docingest.extract_claims(text) if c.kind == "quote"]
    assert [s for _, s in found] == ["Ines Duarte", None, "Ines Duarte"]
    assert len({start for start, _ in found}) == 3


def test_a_speaker_is_never_a_clause() -> None:
    text = (
        "The minister's remarks came as the European Union announced its plan, which Commission President "
        "Ana Lopes said would “unleash new money.”"
    )
    for c in docingest.extract_claims(text):
        assert c.speaker is None or " came " not in f" {c.speaker} "
    assert speakers(text) == ["Ana Lopes"]
