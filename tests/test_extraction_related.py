"""Related-content lists recognised by structure, in any language: team-made pages.

Each page is a story (paragraphs in a plain article wrapper, no class or id naming anything) followed by a run of
teasers: look-alike items, each a headline linked whole with a date, a byline or a section label beside it, under
a label in German, Spanish or Japanese, or no label at all. The teasers and their label must go, the story must
stay whole; a table of contents, a listing, a guide's entries and a box of summaries between story paragraphs must
stay. The extractor stage is read (the promo cleaner judges such blocks too, by other means).
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from docingest.document import Page, RawDocument
from docingest.settings import Options
from docingest.stages import body, chrome
from docingest.stages.metadata import extract_metadata

STORIES = {
    "en": [
        f"The harbour board approved the new ferry timetable on Monday after {n} months of talks with the unions, "
        "the city council and the two companies that run the crossings. Boats will leave every twenty minutes at "
        "peak hours, and the last crossing will be an hour later than today, which shift workers had asked for."
        for n in range(3, 12)
    ],
    "de": [
        f"Der Stadtrat hat am Dienstag nach {n} Monaten Beratung den neuen Busfahrplan beschlossen, der ab März "
        "gilt. Die Linien in die Vororte fahren dann alle zehn Minuten, und die letzte Fahrt verlässt den "
        "Bahnhof eine Stunde später als bisher, wie es die Beschäftigten im Schichtdienst gefordert hatten."
        for n in range(3, 12)
    ],
    "es": [
        f"El ayuntamiento aprobó el martes, tras {n} meses de negociaciones, el nuevo horario de autobuses que "
        "entrará en vigor en marzo. Las líneas de los barrios pasarán cada diez minutos y el último servicio "
        "saldrá una hora más tarde que ahora, como pedían los trabajadores por turnos de la zona portuaria."
        for n in range(3, 12)
    ],
    "ja": [
        f"市議会は火曜日、{n}か月にわたる協議の末、三月から適用される新しいバスの時刻表を承認した。郊外へ向かう路線は"
        "十分ごとに運行され、最終便は現在より一時間遅く駅を出発する。交代勤務で働く人々が以前から求めていた変更で、"
        "市の担当者は利用者の声を反映した結果だと説明した。運賃は据え置かれ、新しい停留所も二か所に設けられる。"
        "住民の代表は会見で、通勤や通学の負担が大きく減るとして歓迎する考えを示した。"
        for n in range(3, 12)
    ],
}
TEASERS = {
    "en": (["Ferry fares to rise in spring", "New bridge opens to cyclists", "Port strike called off at last"],
           ["12 March 2024", "By Ana Ruiz", "Transport"]),
    "de": (["Neue Radwege für die Innenstadt", "Bahnhof wird ab Sommer umgebaut", "Streik im Nahverkehr beendet"],
           ["12.03.2024", "Von Jana Krüger", "Verkehr"]),
    "es": (["Suben las tarifas del ferri en primavera", "Abre el nuevo puente para ciclistas",
            "Desconvocada la huelga del puerto"], ["12/03/2024", "Por Ana Ruiz", "Transporte"]),
    "ja": (["新しい駅が来春開業へ 市が計画発表", "自転車専用道路 来月から一部開通", "港湾ストライキ ついに回避"],
           ["2024年3月12日", "交通担当 佐藤記者", "交通"]),
}
LABELS = {"en": None, "de": "Mehr zum Thema", "es": "Te puede interesar", "ja": "関連記事"}
TITLE = {"en": "Ferry timetable approved", "de": "Neuer Busfahrplan beschlossen",
         "es": "Aprobado el nuevo horario de autobuses", "ja": "新しいバス時刻表を承認"}


def _story(lang: str) -> str:
    return "".join(f"<p>{text}</p>" for text in STORIES[lang])


def _teasers(lang: str, *, href: str = "/news/{i}", summary: str = "") -> str:
    headlines, lines = TEASERS[lang]
    items = "".join(
        f"<li class='teaser'><img src='/t{i}.jpg' alt=''><h3><a href='{href.format(i=i)}'>{h}</a></h3>"
        f"<span class='meta'>{lines[i]}</span>{summary}</li>"
        for i, h in enumerate(headlines)
    )
    label = f"<h2>{LABELS[lang]}</h2>" if LABELS[lang] else ""
    return f"<div class='box'>{label}<ul class='list'>{items}</ul></div>"


def _page(lang: str, after_story: str, before_story: str = "") -> str:
    return (
        f"<html lang='{lang}'><head><title>{TITLE[lang]}</title></head><body><div class='wrap'><div class='col'>"
        f"<h1>{TITLE[lang]}</h1>{before_story}{_story(lang)}{after_story}</div></div></body></html>"
    )


def _text(html: str) -> str:
    """The extractor stage's text (chrome cleaner and body extractor; the promo cleaner judges blocks otherwise)."""
    page = Page(raw=RawDocument(source="<test>", content=html, kind="html"), text=html, kind="html",
                options=Options(), tree=LexborHTMLParser(html))
    page.metadata = extract_metadata(LexborHTMLParser(html))
    chrome.ChromeCleaner().clean(page)
    return "\n\n".join(c.text for c in body.extract(page))


@pytest.mark.parametrize("lang", list(STORIES))
def test_a_run_of_teasers_after_the_story_goes_whatever_its_label(lang: str) -> None:
    text = _text(_page(lang, _teasers(lang)))
    for paragraph in STORIES[lang]:
        assert paragraph in text
    headlines, lines = TEASERS[lang]
    for piece in [*headlines, *lines]:
        assert piece not in text, piece
    label = LABELS[lang]
    if label:
        assert label not in text


def test_a_box_of_bare_headlines_between_story_paragraphs_goes_and_the_story_goes_on() -> None:
    story = STORIES["en"]
    html = (
        f"<html><head><title>{TITLE['en']}</title></head><body><div class='col'><h1>{TITLE['en']}</h1>"
        + "".join(f"<p>{t}</p>" for t in story[:7])
        + _teasers("en")
        + "".join(f"<p>{t}</p>" for t in story[7:])
        + "</div></body></html>"
    )
    text = _text(html)
    assert all(paragraph in text for paragraph in story)
    assert not any(headline in text for headline in TEASERS["en"][0])


def test_teasers_with_summaries_between_story_paragraphs_stay() -> None:
    story = STORIES["en"]
    summary = "<p>The council will vote on the plan next week, after a consultation with residents.</p>"
    html = (
        f"<html><head><title>{TITLE['en']}</title></head><body><div class='col'><h1>{TITLE['en']}</h1>"
        + "".join(f"<p>{t}</p>" for t in story[:7])
        + _teasers("en", summary=summary)
        + "".join(f"<p>{t}</p>" for t in story[7:])
        + "</div></body></html>"
    )
    text = _text(html)
    assert all(headline in text for headline in TEASERS["en"][0])


def test_a_table_of_contents_is_not_a_related_list() -> None:
    text = _text(_page("en", _teasers("en", href="#section-{i}")))
    assert all(headline in text for headline in TEASERS["en"][0])


def test_a_listing_before_any_story_is_kept() -> None:
    listing = _teasers("en")
    html = (
        "<html><head><title>Transport news</title></head><body><div class='col'><h1>Transport news</h1>"
        f"{listing}<p>{STORIES['en'][0]}</p></div></body></html>"
    )
    text = _text(html)
    assert all(headline in text for headline in TEASERS["en"][0])


def test_the_entries_of_a_guide_are_not_teasers() -> None:
    entries = "".join(
        f"<div class='entry'><h3><a href='/places/{i}'>{h}</a></h3>{_story('en')[:1200]}</div>"
        for i, h in enumerate(TEASERS["en"][0])
    )
    text = _text(_page("en", entries))
    assert all(headline in text for headline in TEASERS["en"][0])


def test_a_run_that_would_take_most_of_the_text_is_kept() -> None:
    many = "".join(_teasers("en").replace("class='box'", f"class='box b{i}'") for i in range(12))
    html = (
        f"<html><head><title>{TITLE['en']}</title></head><body><div class='col'><h1>{TITLE['en']}</h1>"
        f"{_story('en')}<div class='more'>{many}</div></div></body></html>"
    )
    text = _text(html)
    assert TEASERS["en"][0][0] in text
