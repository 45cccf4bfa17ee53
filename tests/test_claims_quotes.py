"""Quotes and speakers: one team-written case per construction."""

from __future__ import annotations

import docingest
from docingest.claims.marks import find_quotes
from docingest.claims.quotes import QUOTATION_CONFIDENCE, TERM_CONFIDENCE
from docingest.models import Claim


def quotes(text: str) -> list[Claim]:
    """The quotations of speech (quote claims at or above QUOTATION_CONFIDENCE), spans checked."""
    out = [c for c in docingest.extract_claims(text) if c.kind == "quote" and c.confidence >= QUOTATION_CONFIDENCE]
    for c in out:
        c.check_against(text)
    return out


def terms(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of the quoted terms: quote claims below QUOTATION_CONFIDENCE, all at TERM_CONFIDENCE."""
    out = [c for c in docingest.extract_claims(text) if c.kind == "quote" and c.confidence < QUOTATION_CONFIDENCE]
    assert all(c.confidence == TERM_CONFIDENCE for c in out)
    return [(c.text, c.speaker) for c in out]


def test_ana_ruiz_resolution() -> None:
    text = (
        "Finance Minister Ana Ruiz presented the budget on Monday.\n\n"
        "“We have made hard choices,” Ruiz said.\n\n"
        "“Nobody will pay more tax,” the minister told reporters.\n\n"
        "“The deficit is falling,” she added."
    )
    found = quotes(text)
    assert [c.text for c in found] == [
        "We have made hard choices,",
        "Nobody will pay more tax,",
        "The deficit is falling,",
    ]
    assert [c.speaker for c in found] == ["Ana Ruiz"] * 3
    assert [c.speaker_mention.text for c in found if c.speaker_mention] == ["Ruiz", "the minister", "she"]
    assert [c.cue.text for c in found if c.cue] == ["said", "told", "added"]


def test_straight_curly_and_guillemets() -> None:
    text = 'Mr. Lee said: "It works." Later, «Ça marche», he said. “Fine,” said Lee.'
    assert [c.text for c in quotes(text)] == ["It works.", "Ça marche", "Fine,"]


def test_inverted_order_and_apposition() -> None:
    text = "“Rates will stay high,” said Maria Costa. “Not for long,” Tom Reed, the bank’s chief economist, said."
    found = quotes(text)
    assert [c.speaker for c in found] == ["Maria Costa", "Tom Reed"]


def test_colon_introduction() -> None:
    text = "Opposition leader Karen Vale was blunt. She said: “This budget is a fraud.”"
    assert quotes(text)[0].speaker == "Karen Vale"


def test_split_quote_gives_both_parts_the_speaker() -> None:
    text = "“The plan is ready,” said Omar Haddad, “but the money is not.”"
    found = quotes(text)
    assert [c.text for c in found] == ["The plan is ready,", "but the money is not."]
    assert {c.speaker for c in found} == {"Omar Haddad"}


def test_nested_single_quotes_stay_inside() -> None:
    text = "“He told me, ‘Don’t worry,’ and left,” said Jane Park."
    found = quotes(text)
    assert len(found) == 1 and "‘Don’t worry,’" in found[0].text


def test_multi_paragraph_quote() -> None:
    text = "Dr. Ines Moreau said the results were clear.\n\n“We saw no side effects.\n\n“None at all,” she said."
    found = quotes(text)
    assert [c.text for c in found] == ["We saw no side effects.", "None at all,"]
    assert {c.speaker for c in found} == {"Ines Moreau"}
    assert [q.part for q in find_quotes(text)] == [0, 1]


def test_floating_quote_credited_to_earlier_speaker() -> None:
    text = "Hospital director Paul Grant said staff were exhausted.\n\n“We cannot keep doing this.”"
    assert quotes(text)[0].speaker == "Paul Grant"


def test_organisation_as_speaker() -> None:
    text = "The Ministry of Health said in a statement: “Vaccines are safe.”"
    found = quotes(text)
    assert found[0].speaker is not None and "Ministry" in found[0].speaker


def test_according_to_paraphrase() -> None:
    text = "According to the ministry, the new rules will apply from June."
    para = [c for c in docingest.extract_claims(text) if c.kind == "paraphrase"]
    assert para and para[0].text == "the new rules will apply from June"


def test_reported_speech() -> None:
    text = "Ana Ruiz said that the deficit would fall next year."
    para = [c for c in docingest.extract_claims(text) if c.kind == "paraphrase"]
    assert [(c.text, c.speaker) for c in para] == [("the deficit would fall next year", "Ana Ruiz")]


def test_partial_quote_in_reported_speech_is_kept() -> None:
    text = "Ruiz said the country is making “real progress” on debt."
    assert [c.text for c in quotes(text)] == ["real progress"]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = "The so-called “experts” were wrong. She reads “War and Peace” every winter."
    assert quotes(text) == []
    assert terms(text) == [("experts", None), ("War and Peace", None)]


def test_quoted_terms_after_a_possessive_are_the_owners() -> None:
    text = (
        "Dana Whitfield, 41, was treated for breast cancer last year. She put off the wedding plans, and her "
        "“cancer drama” became a running joke among friends.\n\n"
        "To head off Elon Musk’s “production hell,” the plant hired."
    )
    assert quotes(text) == []
    assert terms(text) == [("cancer drama", "Dana Whitfield"), ("production hell,", "Elon Musk")]


def test_unbalanced_mark_keeps_other_quotes() -> None:
    text = "“Broken quote, she said.\n\n“This one is fine,” said Ana Ruiz.\n\nAnother “odd one."
    found = quotes(text)
    assert "This one is fine," in [c.text for c in found]


def test_doubled_apostrophes_as_marks() -> None:
    text = "''This isn't tax reform,'' said Douglas Holtz-Eakin."
    found = quotes(text)
    assert [c.text for c in found] == ["This isn't tax reform,"]
    assert found[0].speaker == "Douglas Holtz-Eakin"


def test_single_newline_paragraphs() -> None:
    text = "Mayor Lina Ortiz spoke first.\n“We are ready,” she said.\n“Are we?” asked Tom Reed."
    assert [c.speaker for c in quotes(text)] == ["Lina Ortiz", "Tom Reed"]


def test_pronoun_skips_places_and_objects() -> None:
    # "Alberta" and "Ottawa" follow prepositions or articles; the pronoun goes to the person
    text = (
        "Farmer Joel Okafor drove to Ottawa with the Alberta convoy on Monday.\n\n"
        "“We just want the pipeline built,” he said."
    )
    assert quotes(text)[0].speaker == "Joel Okafor"


def test_pronoun_prefers_the_speaker_over_an_object() -> None:
    text = (
        "Economist Kai Lindqvist said a beer might help talks between senators and Donald Trump.\n\n"
        "“They would figure it out,” he said."
    )
    assert quotes(text)[0].speaker == "Kai Lindqvist"


def test_caption_names_are_not_antecedents() -> None:
    text = (
        "Author Cecil Abara writes about the porters.\n\n"
        "Benjamin Lowe, a retired porter, looks at photos in Montreal. ( THE CANADIAN PRESS FILE PHOTO )\n\n"
        "“These men changed the country,” he says."
    )
    assert quotes(text)[0].speaker == "Cecil Abara"


def test_colon_introduction_without_cue_verb() -> None:
    text = "Governance was lax.\n\nMusk again took to Twitter with this: “Chairman is an honorific title.”"
    found = quotes(text)
    assert found[0].speaker == "Musk" and found[0].cue is None


def test_name_sentence_end_is_not_a_longer_name() -> None:
    text = "Ian Poulter won at Medinah. He framed the text.\n\n“They get to see that,” he said."
    assert quotes(text)[0].speaker == "Ian Poulter"


def test_party_tag_and_affiliation() -> None:
    text = (
        "“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.\n\n"
        "“They waited 48 minutes,” said Terry Chapman with the International Union of Operating Engineers."
    )
    assert [c.speaker for c in quotes(text)] == ["Gwen Moore", "Terry Chapman"]


def test_roles_and_descriptions() -> None:
    text = (
        "Prime Minister Justin Trudeau spoke first. Foreign Affairs Minister Chrystia Freeland followed.\n\n"
        "“We are talking about a human being,” the minister said.\n\n"
        "“He is gone,” the father repeated.\n\n"
        "“It’s months of work,” says the self-taught Cambridge resident, who sold 40 copies."
    )
    found = quotes(text)
    # "the father" of nobody the article names: no speaker's name, the mention as written
    assert [c.speaker for c in found[:2]] == ["Chrystia Freeland", None]
    assert [c.speaker_mention.text for c in found[:2] if c.speaker_mention] == ["the minister", "the father"]
    assert found[2].speaker != "Cambridge"


def test_possessive_apposition_and_lead_subject() -> None:
    text = (
        "“If Alfonso wasn’t publishing comics, I don’t think Xander would be drawing,” says Wise’s dad, Darrin.\n\n"
        "On Tuesday, Donald Tusk, the president of the European Council, which represents leaders, urged "
        "Britain “to clarify its intentions.”"
    )
    assert [c.speaker for c in quotes(text)] == ["Darrin", "Donald Tusk"]


# --- issue 5, third round: every construction of the examples/ articles, in sentences of our own ---------------


def claims_of(text: str, kind: str) -> list[tuple[str | None, str | None, str | None, str]]:
    """(speaker, mention, cue, text) of every claim of ``kind`` (quotes: quotations, not terms), spans checked."""
    out = []
    for c in docingest.extract_claims(text):
        c.check_against(text)
        if c.kind == kind and (kind != "quote" or c.confidence >= QUOTATION_CONFIDENCE):
            mention = c.speaker_mention.text if c.speaker_mention else None
            out.append((c.speaker, mention, c.cue.text if c.cue else None, c.text))
    return out


def test_person_of_an_organisation_speaks_not_the_organisation() -> None:
    text = (
        "Marco Bianchi of the Centre for Economic Policy said the forecast was “far too rosy for a slowing economy,”"
        " while adding that inflation of 3% was likely."
    )
    assert claims_of(text, "quote") == [
        ("Marco Bianchi", "Marco Bianchi", "said", "far too rosy for a slowing economy,")
    ]
    paras = claims_of(text, "paraphrase")
    assert [(s, m, c) for s, m, c, _ in paras] == [
        ("Marco Bianchi", "Marco Bianchi", "said"),
        ("Marco Bianchi", "Marco Bianchi", "adding"),
    ]
    assert paras[1][3] == "inflation of 3% was likely"
    assert "adding" not in paras[0][3]  # the first statement stops where the second begins


def test_organisation_name_is_never_truncated() -> None:
    text = (
        "The Centre for Economic Policy said the forecast was too rosy. "
        "The Bank of Portugal said rates would stay high."
    )
    assert [s for s, _, _, _ in claims_of(text, "paraphrase")] == ["Centre for Economic Policy", "Bank of Portugal"]


def test_role_mention_at_sentence_start_gives_a_paraphrase() -> None:
    text = (
        "Health Minister Sara Lindqvist opened the ward on Monday.\n\n"
        "The minister said the clinic would treat about 900 patients a year."
    )
    assert claims_of(text, "paraphrase") == [
        ("Sara Lindqvist", "The minister", "said", "the clinic would treat about 900 patients a year")
    ]


def test_naming_verbs_credit_the_quote_to_the_subject() -> None:
    text = (
        "Union leader Dev Patel called the pay offer “an insult to every nurse.”\n\n"
        "Mayor Joan Kerr was asked about the plan. The mayor described it as “reckless and rushed.”\n\n"
        "She later joined a group called “Friends of the Old Mill” with her neighbours."
    )
    found = claims_of(text, "quote")
    assert [(s, m, c) for s, m, c, _ in found] == [
        ("Dev Patel", "Dev Patel", "called"),
        ("Joan Kerr", "The mayor", "described"),
    ]
    assert terms(text) == [("Friends of the Old Mill", None)]


def test_told_with_a_listener_before_the_clause() -> None:
    text = "Chief executive Rosa Lim told shareholders the company would cut 300 jobs by March."
    assert claims_of(text, "paraphrase") == [
        ("Rosa Lim", "Rosa Lim", "told", "the company would cut 300 jobs by March")
    ]


def test_speaker_after_the_clause_with_the_cue_at_the_end() -> None:
    text = "Farmer Ola Berg sold her herd. The dairy lost 4,000 litres a week over the summer, Berg said."
    assert claims_of(text, "paraphrase") == [
        ("Ola Berg", "Berg", "said", "The dairy lost 4,000 litres a week over the summer")
    ]


def test_according_to_at_the_end_of_a_clause() -> None:
    text = (
        "Sales at the bakery fell by a third in March, according to its founder, Nadia Osei, but orders recovered.\n\n"
        "Burglaries fell by 4% last year, according to data released by the county on Monday."
    )
    found = claims_of(text, "paraphrase")
    assert found[0] == ("Nadia Osei", "Nadia Osei", "according to", "Sales at the bakery fell by a third in March")
    assert found[1][2:] == ("according to", "Burglaries fell by 4% last year")
    assert found[1][0] is None and found[1][1] is not None and "data" in found[1][1]  # a document, no one's name


def test_relative_clause_and_number_led_clauses() -> None:
    text = (
        "Mayor Joan Kerr praised the volunteers, who she said had planted 3,000 trees since May.\n\n"
        "Residents can now borrow tools from the depot, a scheme the mayor said 1,200 households had joined."
    )
    assert claims_of(text, "paraphrase") == [
        ("Joan Kerr", "she", "said", "had planted 3,000 trees since May"),
        ("Joan Kerr", "the mayor", "said", "1,200 households had joined"),
    ]


def test_subject_shared_by_two_verbs() -> None:
    text = "Director Iris Vogel thanked the donors but said the shelter still needed forty beds."
    assert claims_of(text, "paraphrase") == [
        ("Iris Vogel", "Director Iris Vogel", "said", "the shelter still needed forty beds")
    ]


def test_groups_and_documents_as_speakers() -> None:
    text = (
        "Local farmers have warned that the drought could halve the wheat harvest.\n\n"
        "The bridge was closed after a safety review warned that two of its piers were cracked.\n\n"
        "The number of empty shops rose from 40 to about 65, the figures show."
    )
    found = claims_of(text, "paraphrase")
    # unnamed groups and documents: no speaker's name (Claim.speaker None), the mention as written
    assert [(s, m, c) for s, m, c, _ in found] == [
        (None, "Local farmers", "warned"),
        (None, "a safety review", "warned"),
        (None, "the figures", "show"),
    ]
    assert found[2][3] == "The number of empty shops rose from 40 to about 65"


def test_honorific_without_full_stop_and_relative_apposition() -> None:
    text = "Dr Ravi Menon, who leads the clinic, said the waiting time was far too long."
    assert claims_of(text, "paraphrase") == [
        ("Ravi Menon", "Dr Ravi Menon", "said", "the waiting time was far too long")
    ]


def test_accented_names() -> None:
    text = "Élodie Marchand said the count was fair. “We checked every ballot,” Marchand said."
    assert [s for s, _, _, _ in claims_of(text, "paraphrase") + claims_of(text, "quote")] == ["Élodie Marchand"] * 2


def test_adjectival_cue_words_are_not_cues() -> None:
    text = "The closure cost the town an estimated 1,200 jobs over the past decade."
    assert claims_of(text, "paraphrase") == []


def test_person_and_organisation_in_either_order() -> None:
    text = (
        "“It is credible,” said Ines Alvar of the Institute for Rural Affairs. "
        "Hugo Blanc at the University of Lisbon said the plan was fine for now.\n\n"
        "“We disagree,” the institute said."
    )
    assert [c[0] for c in claims_of(text, "quote")] == ["Ines Alvar", "Institute for Rural Affairs"]
    assert [c[0] for c in claims_of(text, "paraphrase")] == ["Hugo Blanc"]


def test_quote_signed_with_a_dash() -> None:
    text = (
        "Readers wrote in after the vote.\n\n"
        "“The new bus lanes saved me an hour a week. Please keep them.” ― Marisol Quinn\n"
        "“Cycling to work is finally safe.” — Peter Osei"
    )
    assert [(c[0], c[1], c[2]) for c in claims_of(text, "quote")] == [
        ("Marisol Quinn", "Marisol Quinn", None),
        ("Peter Osei", "Peter Osei", None),
    ]


def test_quote_of_several_sentences_inside_a_sentence_is_kept() -> None:
    text = (
        "Minister Lena Faber said the talks had gone well.\n\n"
        "She thanked a list of allies — Norway, Chile and the United States — for “standing with us on this. "
        "And that matters a great deal.”"
    )
    found = claims_of(text, "quote")
    assert len(found) == 1 and found[0][0] == "Lena Faber"


def test_naming_verb_keeps_its_quote_and_time_phrases_before_cues() -> None:
    text = (
        "If members trade insults — Toronto MP Rita Vance earlier this week called Transport Minister Alan Hume "
        "a “coward” on the radio, for example — Brandt insists it is only a reaction."
    )
    assert [c[0] for c in claims_of(text, "quote")] == ["Rita Vance"]


def test_cue_words_inside_names_and_as_nouns_are_not_cues() -> None:
    text = (
        "Officials from Canada, Mexico and the United States met in Ottawa.\n\n"
        "And here was the big reveal: the summit would move to Lima.\n\n"
        "The civil claim says the club ignored the warnings for years."
    )
    cues = [c.cue.text for c in docingest.extract_claims(text) if c.cue is not None]
    assert "States" not in cues and "reveal" not in cues and "claim" not in cues
    assert claims_of(text, "paraphrase") == [
        (None, "The civil claim", "says", "the club ignored the warnings for years")
    ]


def test_later_quoted_terms_after_a_cue_stay_terms() -> None:
    text = (
        "Although Mayor Tom Reyes has often said there was “no deal” and “deal” was among the words of the year, "
        "along with “vibe” and “pivot”, the list is not political."
    )
    assert [c[3] for c in claims_of(text, "quote")] == ["no deal"]
    assert terms(text) == [("deal", None), ("vibe", None), ("pivot", None)]


def test_nicknames_terms_and_titles_are_not_quotes() -> None:
    text = (
        "Drummer Anika “Nix” Varga told fans the tour would go on.\n\n"
        "Critics of what is known as a “snapback” argue it could trap the country.\n\n"
        "“The Girl Who Sailed Home” charms from the first scene to the last."
    )
    assert claims_of(text, "quote") == []
    assert terms(text) == [("Nix", None), ("snapback", None), ("The Girl Who Sailed Home", None)]


def test_subject_after_a_comma_cue_and_a_relative_antecedent() -> None:
    text = (
        "Rather than the usual benches, in which members face each other, asks magazine editor Joan Mercer, "
        "“why not try a circle for a change?”\n\n"
        "The crowd cheered for Maya Torres, the sprinter who calls herself “The Comet.”"
    )
    assert [c[0] for c in claims_of(text, "quote")] == ["Joan Mercer", "Maya Torres"]


def test_naming_participle_takes_the_sentence_subject() -> None:
    text = "Farmer Ruth Adeyemi was among them, angry at the new levy, calling it “a tax on bread.”"
    assert claims_of(text, "quote") == [("Ruth Adeyemi", "Farmer Ruth Adeyemi", "calling", "a tax on bread.")]


def test_labelled_brief_keeps_its_quotes_but_promo_lines_do_not() -> None:
    text = (
        "RATES WATCH: With prices cooling and jobs steady, the central bank is in no rush to move again. "
        "“The case for waiting is strong,” Governor Ilse Brandt said at a news conference.\n\n"
        "Read more: “We will not blink,” says the governor"
    )
    assert claims_of(text, "quote") == [
        ("Ilse Brandt", "Governor Ilse Brandt", "said", "The case for waiting is strong,")
    ]
    assert terms(text) == [("We will not blink,", None)]  # a promo line's quote is the publisher's


def test_more_speech_verbs() -> None:
    text = (
        "“I was wrong about the bridge,” Mayor Paul Ortiz confessed.\n\n"
        "Protesters chanted “Fund our schools!” outside the hall.\n\n"
        "“That was the easy part,” Ortiz muttered."
    )
    assert [(c[0], c[1], c[2]) for c in claims_of(text, "quote")] == [
        ("Paul Ortiz", "Mayor Paul Ortiz", "confessed"),
        (None, "Protesters", "chanted"),  # a group: no name, the mention as written
        ("Paul Ortiz", "Ortiz", "muttered"),
    ]


def test_nouns_and_plain_objects_give_no_paraphrase() -> None:
    text = (
        "Police believe Monday’s emailed threats came from the same group that targeted schools last year.\n\n"
        "Veteran golfer Sam Idowu contended several times at the Open before his retirement in 2015.\n\n"
        "The union expressed a willingness to return to the table within the next two weeks."
    )
    assert claims_of(text, "paraphrase") == []


def test_company_names_that_start_like_titles_and_a_shaken_head() -> None:
    text = (
        "General Motors said it would close the plant at the end of the year.\n\n"
        "Premier Dana Holt shook his head and said the province had no money left for it."
    )
    assert [(c[0], c[1]) for c in claims_of(text, "paraphrase")] == [
        ("General Motors", "General Motors"),
        ("Dana Holt", "Premier Dana Holt"),
    ]


def test_descriptions_and_statements_point_at_the_person_just_named() -> None:
    text = (
        "Coach Mark Dunn praised the students on Monday.\n\n"
        "Senate leader Ade Okoye blamed the press for the coverage.\n\n"
        "“They took a few seconds of video and ran with it,” the Ohio Democrat said.\n\n"
        "Justice Minister Anna Berg resigned on Tuesday.\n\n"
        "“The law must be free of political pressure,” her statement said."
    )
    assert [(c[0], c[1]) for c in claims_of(text, "quote")] == [
        ("Ade Okoye", "the Ohio Democrat"),
        ("Anna Berg", "her statement"),
    ]


def test_possessive_owner_is_not_part_of_the_name() -> None:
    text = "“We gave up far too early,” Ottawa’s Lena Marsh said."
    assert [c[0] for c in claims_of(text, "quote")] == ["Lena Marsh"]


def test_descriptions_with_modifiers_before_the_cue() -> None:
    text = (
        "“Why won’t he show us?” a narrator in the new campaign ad asks.\n\n"
        "Students marching through the campus chanted “Lower the fees!” until midnight."
    )
    assert [(c[0], c[1]) for c in claims_of(text, "quote")] == [
        (None, "a narrator in the new campaign ad"),
        (None, "Students marching through the campus"),
    ]


def test_reported_speech_around_an_aside_and_longer_subjects() -> None:
    text = (
        "The toll rose to at least 140 on Monday, officials said, as rescuers reached the coast.\n\n"
        "Parents, Mayor Lena Ortiz says, have no say in the matter at all.\n\n"
        "Analyst Omar Reyes said rising costs for fuel and steel at the plant would cut profits.\n\n"
        "The party plans to name a candidate within two weeks, spokesman Ivo Brandt said.\n\n"
        "Ortiz criticised the board for a lack of leadership she says has left the city short of staff."
    )
    found = claims_of(text, "paraphrase")
    assert [(s or m, t) for s, m, _, t in found] == [
        ("officials", "The toll rose to at least 140 on Monday"),
        ("Lena Ortiz", "Parents, Mayor Lena Ortiz says, have no say in the matter at all"),
        ("Omar Reyes", "rising costs for fuel and steel at the plant would cut profits"),
        ("Ivo Brandt", "The party plans to name a candidate within two weeks"),
        ("Lena Ortiz", "has left the city short of staff"),
    ]


def test_participle_phrases_after_a_cue_are_not_statements() -> None:
    text = "Chef Dana Ito says while rolling out the dough for the evening service."
    assert claims_of(text, "paraphrase") == []


def test_organisation_after_the_and_owned_titles() -> None:
    text = (
        "On Sunday, the Roman Catholic Diocese of Easton condemned the prank and promised action "
        "“up to and including expulsion.”\n\n"
        "The principal told CTV’s “Morning Live” show that the school had acted.\n\n"
        "It’s what coaches do: “They complain about referees.”"
    )
    found = claims_of(text, "quote")
    assert [c[3] for c in found] == ["up to and including expulsion.", "They complain about referees."]
    assert found[0][0] == "Roman Catholic Diocese of Easton"
    assert found[1][0] != "It’s"  # a contraction is no name
    assert terms(text) == [("Morning Live", None)]


def test_titles_of_shows_and_books_are_not_quotes() -> None:
    text = (
        "“We will not back down,” Senator Ana Lopes said on “Face the Morning,” a weekly talk show.\n\n"
        "In his 2004 book, “Raise a Saver,” Mr. Lopes suggested starting early.\n\n"
        "She told the crowd on “Radio Plaza” that the vote was close."
    )
    assert [c[3] for c in claims_of(text, "quote")] == ["We will not back down,"]
    assert terms(text) == [("Face the Morning,", None), ("Raise a Saver,", None), ("Radio Plaza", None)]
