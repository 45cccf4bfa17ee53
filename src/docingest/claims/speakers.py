"""Who is who in an article: names, titles and roles, genders, and resolving a mention to the fullest name.

Pure regular expressions and small tables. A mention is resolved within the article only:

* a full name stays itself; a surname or first name ("Ruiz", "Mr. Ruiz") becomes the fullest name that ends
  (or starts) with it;
* a title or role ("the minister", "the company's chief economist") becomes the person the article gave that
  role to ("Finance Minister Ana Ruiz", "Ana Ruiz, the finance minister,");
* a pronoun becomes the nearest earlier speaker of a compatible gender (from titles, a small table of first
  names, and the pronouns the article uses near the name), else the nearest compatible person named;
* an organisation mention ("the ministry") becomes the organisation named with that word, if any.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

#: Abbreviations that keep their full stop inside a name ("Sen. Warren", "Acme Corp."); any other word's full
#: stop ends the name ("… at Medinah. He said" is not a name "Medinah. He").
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|St|Ste|Sen|Rep|Del|Gov|Gen|Col|Lt|Sgt|Capt|Cpl|Const|Insp|Det|Supt|Coun|Rev|Hon|Atty|Adm|"
    "Maj|Cmdr|Jr|Sr|Inc|Corp|Ltd|Co|Mt|Ft|Bros"
)
#: Capital letters, accented ones included ("Élodie", "Łukasz", "Šimon").
UPPER = "A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŐŘŚŠŤŮŰŹŻŽ"
_TOKEN = (
    rf"(?:(?:{_ABBREVIATIONS})\.|(?:[A-Z]\.)+|[{UPPER}][\w’'.-]*\w|[A-Z]|O’[A-Z]\w+|O'[A-Z]\w+|Mc[A-Z]\w+|Mac[A-Z]\w+)"
)
_PARTICLE = r"(?:de|del|della|der|den|van|von|da|dos|das|du|la|le|bin|ibn|al|el|di|ter|St\.)"
#: A run of capitalised words (the leading look-ahead lets the regex engine skip to capital letters fast).
NAME_RE = re.compile(rf"(?=[{UPPER}])(?<![\w’'-]){_TOKEN}(?:(?:[^\S\n]+|-)(?:{_PARTICLE}[^\S\n]+)*{_TOKEN})*(?![\w])")

HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "dr": "",
    "dr.": "",
    "prof": "",
    "prof.": "",
    "rev": "",
    "rev.": "",
}
#: Capitalised title words that precede names ("Finance Minister Ana Ruiz", "Sen. Warren", "Coun. Ng").
TITLE_WORDS = {
    "president",
    "prime",
    "minister",
    "premier",
    "mayor",
    "governor",
    "gov.",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "chief",
    "justice",
    "judge",
    "coun.",
    "councillor",
    "councilor",
    "alderman",
    "secretary",
    "general",
    "gen.",
    "col.",
    "lt.",
    "sgt.",
    "const.",
    "cpl.",
    "insp.",
    "det.",
    "officer",
    "speaker",
    "chancellor",
    "commissioner",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "ceo",
    "mp",
    "mpp",
    "mla",
    "deputy",
    "vice",
    "acting",
    "interim",
    "attorney",
    "finance",
    "health",
    "foreign",
    "defence",
    "defense",
    "public",
    "safety",
    "environment",
    "education",
    "labour",
    "labor",
    "treasury",
    "trade",
    "former",
    "liberal",
    "conservative",
    "democratic",
    "republican",
    "ndp",
    "green",
    "leader",
    "opposition",
    "coach",
    "captain",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "bishop",
    "archbishop",
    "cardinal",
    "father",
    "sister",
    "brother",
    "mother",
    "professor",
    "dr",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "prof.",
    "rev.",
    "sir",
    "dame",
    "lord",
    "lady",
    "supt.",
    "superintendent",
    "inspector",
    "sergeant",
    "constable",
    "auditor",
    "ombudsman",
    "magistrate",
    "immigration",
    "transport",
    "transportation",
    "agriculture",
    "municipal",
    "affairs",
    "natural",
    "resources",
    "indigenous",
    "services",
    "crown",
    "national",
    "grand",
    "regional",
    "provincial",
    "federal",
    "city",
    "state",
    "u.s.",
    "canadian",
    "american",
    "british",
}
#: Role nouns that make "the minister" point at a person.
ROLE_NOUNS = {
    "minister",
    "president",
    "premier",
    "mayor",
    "governor",
    "senator",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokesmen",
    "chief",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "ceo",
    "executive",
    "economist",
    "professor",
    "analyst",
    "leader",
    "founder",
    "co-founder",
    "owner",
    "manager",
    "officer",
    "councillor",
    "councilor",
    "coach",
    "captain",
    "lawyer",
    "attorney",
    "judge",
    "justice",
    "commissioner",
    "candidate",
    "secretary",
    "superintendent",
    "inspector",
    "sergeant",
    "constable",
    "researcher",
    "scientist",
    "author",
    "doctor",
    "physician",
    "nurse",
    "teacher",
    "principal",
    "mp",
    "mpp",
    "mla",
    "chancellor",
    "ambassador",
    "organizer",
    "organiser",
    "activist",
    "advocate",
    "expert",
    "strategist",
    "pollster",
    "critic",
    "treasurer",
    "partner",
    "proprietor",
    "editor",
    "head",
    "dean",
    "caddie",
    "player",
    "resident",
    "member",
    "worker",
    "official",
    "administrator",
    "coordinator",
    "consultant",
    "historian",
    "planner",
    "engineer",
    "pastor",
    "priest",
    "rabbi",
    "imam",
    "chef",
    "farmer",
    "student",
    "mother",
    "father",
    "daughter",
    "son",
    "wife",
    "husband",
    "sister",
    "brother",
    "creator",
    "artist",
    "cartoonist",
    "publisher",
    "trainer",
    "veteran",
    "victim",
    "witness",
    "representative",
    "vice-president",
    "deputy",
    "adviser",
    "advisor",
    "producer",
    "designer",
    "specialist",
}
ORG_NOUNS = {
    "ministry",
    "department",
    "government",
    "company",
    "firm",
    "police",
    "commission",
    "agency",
    "board",
    "council",
    "union",
    "utility",
    "city",
    "province",
    "organization",
    "organisation",
    "group",
    "association",
    "party",
    "campaign",
    "office",
    "bank",
    "court",
    "service",
    "services",
    "authority",
    "university",
    "hospital",
    "foundation",
    "committee",
    "coalition",
    "network",
    "corporation",
    "embassy",
    "administration",
    "force",
    "military",
    "army",
    "school",
    "district",
    "county",
    "region",
    "team",
    "club",
    "league",
    "federation",
    "institute",
    "centre",
    "center",
    "society",
    "cabinet",
    "caucus",
    "senate",
    "house",
    "regulator",
    "watchdog",
    "airline",
    "retailer",
    "insurer",
    "automaker",
    "carmaker",
    "newspaper",
    "broadcaster",
    "station",
    "statement",
    "release",
    "report",
    "study",
    "survey",
    "data",
}
#: Documents that "say" things: "an environmental review warned that …", "…, the figures show.", "according to
#: figures released on Thursday". A subject made of these is quoted as written, never resolved to a person.
DOC_NOUNS = frozenset(
    {
        "review",
        "reviews",
        "report",
        "reports",
        "study",
        "studies",
        "survey",
        "surveys",
        "poll",
        "polls",
        "analysis",
        "audit",
        "audits",
        "figures",
        "data",
        "statistics",
        "documents",
        "records",
        "filing",
        "filings",
        "assessment",
        "inquiry",
        "investigation",
        "estimates",
        "forecast",
        "forecasts",
        "research",
        "evaluation",
        "findings",
        "memo",
        "numbers",
        "ruling",
        "projections",
        "census",
        "index",
        "claim",
        "lawsuit",
        "suit",
        "complaint",
        "affidavit",
        "indictment",
        "judgment",
        "decision",
        "order",
        "post",
        "blog",
        "website",
        "paper",
        "letter",
        "email",
        "message",
        "tweet",
        "note",
        "document",
        "guide",
        "guidelines",
        "bill",
        "legislation",
        "proposal",
        "notice",
        "article",
        "book",
        "memoir",
        "autobiography",
        "column",
        "op-ed",
    }
)
ORG_WORDS = {
    "diocese",
    "archdiocese",
    "parish",
    "ministry",
    "department",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "ltd",
    "ltd.",
    "llc",
    "co.",
    "company",
    "bank",
    "university",
    "college",
    "council",
    "commission",
    "police",
    "hydro",
    "association",
    "union",
    "party",
    "government",
    "agency",
    "board",
    "institute",
    "foundation",
    "committee",
    "office",
    "service",
    "services",
    "authority",
    "network",
    "news",
    "group",
    "society",
    "centre",
    "center",
    "hospital",
    "court",
    "canada",
    "times",
    "post",
    "press",
    "tribune",
    "journal",
    "herald",
    "globe",
    "cbc",
    "ctv",
    "cnn",
    "reuters",
    "federation",
    "images",
    "coalition",
    "league",
    "club",
    "airlines",
    "motors",
    "technologies",
    "fund",
    "trust",
    "church",
    "city",
    "rcmp",
    "un",
    "nato",
    "fbi",
    "cia",
    "who",
    "imf",
    "house",
    "senate",
    "congress",
    "parliament",
    "cabinet",
    "administration",
    "campaign",
    "conservatives",
    "liberals",
    "democrats",
    "republicans",
    "ndp",
    "statistics",
    "health",
    "gazette",
    "sun",
    "star",
    "mail",
    "telegraph",
    "guardian",
}
#: Capitalised words that start sentences or name things but are never a person's name.
NOT_NAMES = {
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "as",
    "at",
    "in",
    "on",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "after",
    "before",
    "since",
    "until",
    "during",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "one",
    "two",
    "three",
    "still",
    "also",
    "now",
    "then",
    "however",
    "meanwhile",
    "yes",
    "last",
    "next",
    "first",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "mostly",
    "cold",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "according",
    "asked",
    "said",
    "says",
    "both",
    "each",
    "every",
    "other",
    "another",
    "such",
    "than",
    "more",
    "less",
    "just",
    "even",
    "only",
    "because",
    "although",
    "though",
    "despite",
    "instead",
    "like",
    "unlike",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "others",
    "earlier",
    "later",
    "over",
    "under",
    "about",
    "around",
    "through",
    "into",
    "onto",
    "upon",
    "against",
    "between",
    "among",
    "without",
    "within",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "might",
    "must",
    "let",
    "please",
    "thank",
    "thanks",
    "oh",
    "well",
    "article",
    "continued",
    "below",
    "advertisement",
    "related",
    "read",
    "watch",
    "photo",
    "video",
    "story",
    "canada",
    "canadian",
    "canadians",
    "american",
    "americans",
    "u.s.",
    "ottawa",
    "toronto",
    "christmas",
}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PRONOUNS = MALE | FEMALE | {"they", "them", "their", "it", "its", "we", "i"}
_MALE_NAMES = set(
    [
        "aaron",
        "adam",
        "ahmed",
        "alan",
        "albert",
        "alexander",
        "alfonso",
        "ali",
        "alvin",
        "andre",
        "andrew",
        "anthony",
        "arthur",
        "austin",
        "barack",
        "barry",
        "ben",
        "benjamin",
        "bernie",
        "bill",
        "billy",
        "blaine",
        "bob",
        "bobby",
        "brad",
        "brandon",
        "brian",
        "bruce",
        "bryan",
        "carl",
        "charles",
        "chris",
        "christian",
        "christopher",
        "chrystia",
        "colin",
        "craig",
        "dale",
        "damon",
        "daniel",
        "darrin",
        "dave",
        "david",
        "denis",
        "dennis",
        "derek",
        "dieter",
        "dominic",
        "donald",
        "doug",
        "douglas",
        "dwayne",
        "dylan",
        "edward",
        "elijah",
        "eric",
        "ethan",
        "eugene",
        "evan",
        "francois",
        "francois-philippe",
        "frank",
        "françois",
        "gabriel",
        "gary",
        "george",
        "gerald",
        "glenn",
        "gordon",
        "graham",
        "greg",
        "gregory",
        "guenther",
        "guy",
        "hamish",
        "hans",
        "harold",
        "hassan",
        "henry",
        "hillary",
        "howard",
        "hugh",
        "ian",
        "jack",
        "jacob",
        "jagmeet",
        "james",
        "jason",
        "jean",
        "jeb",
        "jeff",
        "jeffrey",
        "jeremy",
        "jerry",
        "jesse",
        "jim",
        "joe",
        "john",
        "jonathan",
        "jordan",
        "jose",
        "joseph",
        "joshua",
        "juan",
        "justin",
        "jürgen",
        "keith",
        "kellyanne",
        "ken",
        "kenneth",
        "kevin",
        "klaus",
        "kyle",
        "larry",
        "lawrence",
        "logan",
        "louis",
        "luc",
        "marc",
        "marco",
        "mark",
        "mason",
        "matthew",
        "maxime",
        "michael",
        "mike",
        "mitt",
        "mohamed",
        "mohammed",
        "muhammad",
        "murray",
        "nathan",
        "neil",
        "nicholas",
        "noah",
        "ollie",
        "omar",
        "patrick",
        "paul",
        "peter",
        "philip",
        "pierre",
        "raj",
        "ralph",
        "rand",
        "randy",
        "ravi",
        "raymond",
        "richard",
        "rob",
        "robert",
        "rod",
        "roger",
        "ronald",
        "roy",
        "russell",
        "ryan",
        "samuel",
        "sanjay",
        "scott",
        "sean",
        "stephen",
        "steve",
        "steven",
        "stuart",
        "tareq",
        "ted",
        "terry",
        "thomas",
        "tim",
        "timothy",
        "tom",
        "trevor",
        "tyler",
        "vincent",
        "walter",
        "warren",
        "wayne",
        "william",
        "willie",
        "wolfgang",
        "yves",
        "zachary",
    ]
)
_FEMALE_NAMES = set(
    [
        "abigail",
        "aisha",
        "alexis",
        "alice",
        "amanda",
        "amber",
        "amy",
        "ana",
        "andrea",
        "angela",
        "anita",
        "ann",
        "anna",
        "anne",
        "annie",
        "ashley",
        "ayo",
        "barbara",
        "betty",
        "beverly",
        "brenda",
        "brittany",
        "carla",
        "carol",
        "caroline",
        "carolyn",
        "catherine",
        "chantal",
        "charlotte",
        "cheryl",
        "christina",
        "christine",
        "chrystia",
        "cindy",
        "cynthia",
        "danielle",
        "darian",
        "debbie",
        "deborah",
        "debra",
        "denise",
        "diana",
        "diane",
        "dianne",
        "donna",
        "doris",
        "dorothy",
        "eleanor",
        "eleanore",
        "elise",
        "elizabeth",
        "emily",
        "emma",
        "erin",
        "evelyn",
        "fatima",
        "frances",
        "genevieve",
        "geneviève",
        "gloria",
        "grace",
        "hannah",
        "heather",
        "helen",
        "hillary",
        "huma",
        "isabella",
        "isabelle",
        "ivanka",
        "jacqueline",
        "jane",
        "janet",
        "janice",
        "jean",
        "jennifer",
        "jessica",
        "joan",
        "joanna",
        "joanne",
        "jody",
        "josée",
        "joyce",
        "judith",
        "judy",
        "julia",
        "julie",
        "kamala",
        "karen",
        "katherine",
        "kathleen",
        "kathryn",
        "kayla",
        "kelly",
        "kellyanne",
        "kim",
        "kimberly",
        "laura",
        "lauren",
        "leila",
        "linda",
        "lisa",
        "lucie",
        "madison",
        "margaret",
        "maria",
        "marie",
        "marilyn",
        "martha",
        "mary",
        "meena",
        "megan",
        "melania",
        "melanie",
        "melissa",
        "michelle",
        "monique",
        "nadia",
        "nancy",
        "natalie",
        "nathalie",
        "nicole",
        "nikki",
        "olivia",
        "pamela",
        "patricia",
        "patty",
        "priya",
        "rachel",
        "rebecca",
        "rose",
        "ruth",
        "samantha",
        "sandra",
        "sara",
        "sarah",
        "sharon",
        "shirley",
        "sophia",
        "sophie",
        "stephanie",
        "sunita",
        "susan",
        "sylvie",
        "teresa",
        "theresa",
        "valérie",
        "victoria",
        "virginia",
        "yasmin",
    ]
)
_FIRST_NAMES = _MALE_NAMES | _FEMALE_NAMES
#: Words after which a name is not a subject (objects of prepositions, "the FedEx Cup", "and Trump").
_NOT_SUBJECT_AFTER = frozenset(
    [
        "in",
        "at",
        "from",
        "to",
        "across",
        "near",
        "into",
        "throughout",
        "outside",
        "inside",
        "of",
        "the",
        "a",
        "an",
        "for",
        "on",
        "under",
        "via",
        "toward",
        "towards",
        "around",
        "between",
        "against",
        "with",
        "by",
        "about",
        "and",
        "or",
        "than",
        "like",
        "over",
        "onto",
        "upon",
        "within",
        "without",
        "beside",
        "besides",
    ]
)
#: Words after which a name starts a clause (and may be its subject).
_CLAUSE_OPENERS = frozenset(
    [
        "that",
        "when",
        "while",
        "because",
        "if",
        "although",
        "though",
        "where",
        "since",
        "so",
        "then",
        "but",
        "whom",
        "who",
        "until",
        "unless",
        "whether",
        "once",
        "now",
        "and",
    ]
)
_CUE_LIKE = frozenset(["said", "says", "told", "tells", "added", "adds", "asked", "wrote", "writes", "explained"])
#: Photo credits mark a caption line: "( THE CANADIAN PRESS FILE PHOTO )", "Tijana Martin / The Canadian Press"
_CAPTION = re.compile(
    r"\(\s*[^()]*\b(?:PHOTO|[Pp]hoto|Getty Images|Canadian Press|CANADIAN PRESS|Reuters|AP)\b[^()]*\)"
    r"|/\s*(?:The Canadian Press|THE CANADIAN PRESS|Getty Images|Reuters|AP|Postmedia)\b"
    r"|\([^()/\n]{2,40}/[^()\n]{2,40}\)\s*$"
    r"|\b(?:Photo|PHOTO)\s*(?::|by\b)"
)
#: he/his/him/himself/she/her/hers/herself as whole words (the look-behind after the first letter keeps the
#: regex engine's fast first-character scan)
_GENDERED = re.compile(r"[HhSs](?<![\w][HhSs])(?:e|is|im|imself|he|er|ers|erself)\b")
_LEAD_JUNK = {
    "press",
    "images",
    "getty",
    "photo",
    "photos",
    "reuters",
    "ap",
    "afp",
    "file",
    "watch",
    "read",
    "more",
    "cp",
    "postmedia",
    "news",
    "staff",
    "canadian",
}
_STRIP = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SELF_I = re.compile(r"I[’'](?:m|d|ve|ll)$")
_POSSESSIVE = re.compile(r"[’']s?$")
_APPOSITION = re.compile(r",\s+((?:the|a|an|its|his|her|their)?\s*[^,.;“”\"]{2,60}?)(?:,|\.|;)")


#: "Institute for Fiscal Studies", "Bank of Canada": an organisation word, "of"/"for"/"on", another name
_ORG_LINK = re.compile(r"[^\S\n]+(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?")


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the capitalised runs of ``text``; an organisation's name joined by "of"/"for" is one run
    ("Institute for Fiscal Studies", not "Institute" and "Fiscal Studies")."""
    runs = [m.span() for m in NAME_RE.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        while i + 1 < len(runs) and text.startswith((" of ", " for ", " on "), end):
            link = _ORG_LINK.match(text, end)
            if link is None or link.end() != runs[i + 1][0] or not org_head(text[start:end]):
                break
            i += 1
            end = runs[i][1]
        out.append((start, end))
        i += 1
    return out


def org_head(name: str) -> bool:
    """Whether a capitalised run ends with a word that names an organisation ("The Institute", "Bank")."""
    last = name.rsplit(maxsplit=1)[-1].lower().strip(".,")
    return last in ORG_WORDS or last in ORG_NOUNS or last in _ORG_HEADS


_ADJECTIVE_TITLES = frozenset(
    {
        "federal",
        "general",
        "national",
        "public",
        "state",
        "city",
        "regional",
        "provincial",
        "grand",
        "crown",
        "natural",
        "municipal",
        "treasury",
        "trade",
        "transport",
        "health",
        "finance",
        "foreign",
        "defence",
        "defense",
    }
)
_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from", "in", "on", "by", "to"})
_POSSESSORS = frozenset({"the", "its", "his", "her", "their", "our", "party's", "party’s"})
_ORG_HEADS = frozenset(
    {
        "diocese",
        "archdiocese",
        "parish",
        "centre",
        "center",
        "institute",
        "ministry",
        "department",
        "bureau",
        "office",
        "school",
        "academy",
        "federation",
        "confederation",
        "chamber",
        "college",
        "museum",
        "library",
        "friends",
        "alliance",
        "coalition",
        "council",
        "tribunal",
        "secretariat",
        "directorate",
        "agency",
        "fund",
    }
)


_TRIM = "“”\"‘’',.;:()"


def words_of(phrase: str) -> set[str]:
    """The lower-cased words of ``phrase`` without punctuation or a possessive ending ("bank’s" → "bank")."""
    out = set()
    for raw in phrase.split():
        word = raw.strip(_TRIM).lower()
        out.add(_POSSESSIVE.sub("", word) if "’" in word or "'" in word else word)
    return out


def name_tokens(name: str) -> list[str]:
    return name.split()


def is_org(name: str) -> bool:
    toks = name.lower().split()
    return any(t.strip(".,") in ORG_WORDS for t in toks) or (len(toks) == 1 and name.isupper() and len(name) > 1)


_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_STOPS = (".", ",", ":", ";", "!", "?", "—", "–")


_PARSED: dict[str, tuple[str, frozenset[str], str, int, str] | None] = {}


def _parse_name(raw: str) -> tuple[str, frozenset[str], str, int, str] | None:
    """(name, role nouns of its title, gender from an honorific, offset of the name in ``raw``, gender from the
    first-name table) of a capitalised run, or ``None`` when it names nobody."""
    toks = raw.split()
    title: list[str] = []
    gender = ""
    # titles and, before a full name, a capitalised role ("Author Cecil Foster", "Farmer Joel Okafor")
    while len(toks) > 1 and (toks[0].lower() in TITLE_WORDS or (len(toks) > 2 and toks[0].lower() in ROLE_NOUNS)):
        if len(toks) == 2 and toks[0].lower() in _ADJECTIVE_TITLES and toks[1].lower() not in TITLE_WORDS:
            break  # "General Motors", "Federal Reserve": a name, not a title and a surname
        word = toks[0].lower()
        gender = gender or HONORIFICS.get(word, "")
        title.append(word)
        toks.pop(0)
    while toks:
        low = toks[0].lower()
        bare = low.strip(".")
        if not (bare in NOT_NAMES or (low in _LEAD_JUNK and len(toks) > 1)):
            break
        toks.pop(0)
        title = []
        # a title after a place: "Toronto MP Rita Vance"
        while len(toks) > 2 and toks[0].lower() in TITLE_WORDS:
            word = toks[0].lower()
            gender = gender or HONORIFICS.get(word, "")
            title.append(word)
            toks.pop(0)
    if not toks or _SELF_I.match(toks[0]):
        return None
    # a title inside the run: "St. Charles County Prosecuting Attorney Tim Lohmar" → "Tim Lohmar"
    for k in range(len(toks) - 3, 0, -1):
        word = toks[k].lower()
        if (word in ROLE_NOUNS or word in HONORIFICS or (word.endswith(".") and word in TITLE_WORDS)) and (
            toks[k + 1].lower() not in TITLE_WORDS and not is_org(" ".join(toks[k + 1 :]))
        ):
            title.append(word)
            gender = gender or HONORIFICS.get(word, "")
            toks = toks[k + 1 :]
            break
    # a possessive inside the run ends an owner: "Vancouver’s Bo Horvat" → "Bo Horvat"
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].endswith(("’s", "'s")):
            toks = toks[k + 1 :]
            break
    # trailing possessive "Ruiz’s" → "Ruiz"
    toks[-1] = _POSSESSIVE.sub("", toks[-1])
    name = " ".join(toks).rstrip(".")
    if len(name) < 2 or name.lower() in NOT_NAMES:
        return None
    delta = raw.find(toks[0])
    return name, _roles_of(title), gender, max(delta, 0), _table_gender(name)


def _table_gender(name: str) -> str:
    first = name.split(maxsplit=1)[0].lower()
    if first in _MALE_NAMES and first not in _FEMALE_NAMES:
        return "m"
    if first in _FEMALE_NAMES and first not in _MALE_NAMES:
        return "f"
    return ""


def _roles_of(words: list[str] | set[str]) -> frozenset[str]:
    """Role nouns among ``words``; a prime minister is not "the minister" (who is a cabinet minister)."""
    roles = set(words) & ROLE_NOUNS
    if "prime" in words and "minister" in roles:
        roles.discard("minister")
        roles.add("prime minister")
    return frozenset(roles)


@dataclass(eq=False)
class Person:
    """Someone (or some organisation) the article names."""

    name: str
    first: int
    last: int
    gender: str = ""
    org: bool = False
    roles: set[str] = field(default_factory=set)
    #: the gender comes from an honorific or the first-name table (not from a tally of pronouns)
    gender_known: bool = False
    #: the subject of a cue somewhere before ("Ruiz said"): certainly a speaker, so a person or organisation
    spoke: bool = False
    #: mentions in a place a subject can stand (sentence start, before a verb) and after a preposition or
    #: article ("in Alberta", "the FedEx Cup"), outside quotation marks
    subject_uses: int = 0
    #: subject uses that open a clause (see ``Registry._opens_clause``)
    clause_heads: int = 0
    object_uses: int = 0


class Registry:
    """The people and organisations an article names, built in one pass over the text."""

    def __init__(self, text: str, inside: Callable[[int], bool] | None = None) -> None:
        self.text = text
        #: whether an offset lies inside quotation marks
        self.inside = inside or (lambda _pos: False)
        #: per mention: written after a preposition or article, inside quotation marks, or in a heading
        self.objectlike: list[bool] = []
        self._lines: dict[int, bool] = {}
        self.people: list[Person] = []
        self._by_name: dict[str, Person] = {}
        self._by_token: dict[str, list[Person]] = {}
        self.mentions: list[tuple[int, int, Person]] = []
        #: Mention starts, in order (for bisect).
        self.starts: list[int] = []
        #: Starts of mentions written inside quotation marks (set by the caller).
        self.quoted: set[int] = set()
        self._scan()

    # ------------------------------------------------------------------ building
    def _scan(self) -> None:
        text = self.text
        parsed = _PARSED
        if len(parsed) > 20000:
            parsed.clear()
        mentions, starts, objectlike = self.mentions, self.starts, self.objectlike
        for start, end in _name_runs(text):
            raw = text[start:end]
            if raw in parsed:
                found = parsed[raw]
            else:
                found = parsed[raw] = _parse_name(raw)
            if found is None:
                continue
            name, title, gender, delta, table_gender = found
            offset = start + delta
            person = self._add(name, offset)
            if gender and not person.gender:
                person.gender = gender
            if gender or table_gender:
                person.gender_known = True
            if title:
                person.roles |= title
            # the words right before the name: "the finance minister Ana Ruiz", "in Alberta", "said Smith"
            before = text[max(0, start - 40) : start].split() if text[start - 1 : start].isspace() else []
            prev = before[-1].strip("“”\"'(").lower() if before and not before[-1].endswith(_STOPS) else ""
            if prev and prev[:1].islower():
                for w in reversed(before[-3:]):
                    if not _LOWER_WORD.fullmatch(w) or w in _PREPOSITIONS:
                        break  # "the founder of Studiocomix Press": the press is not the founder
                    if w in ROLE_NOUNS:
                        person.roles.add(w)
            elif len(before) > 1 and before[-1].endswith(",") and before[-2].lower() in _POSSESSORS:
                # "according to its director, Mara Okafor": the role set off before the name
                role = before[-1][:-1].lower()
                if role in ROLE_NOUNS:
                    person.roles.add(role)
            if text.startswith(",", end):
                after = _APPOSITION.match(text, end, end + 90)
                if after:
                    person.roles.update(w for w in words_of(after.group(1)) if w in ROLE_NOUNS)
            mentions.append((offset, end, person))
            starts.append(offset)
            obj = prev in _NOT_SUBJECT_AFTER or self.inside(start) or self._odd_line(start, end)
            objectlike.append(obj)
            if obj:
                person.object_uses += 1
            else:
                person.subject_uses += 1
                # a clause starts here: at a sentence start, after punctuation, a cue, a role or a conjunction
                # ("said Smith", "economist Tom Reed", "that Smith …"), not after an ordinary word ("finished
                # 36th in the season-long FedEx Cup")
                if not prev[:1].islower() or prev in _CLAUSE_OPENERS or prev in ROLE_NOUNS or prev in _CUE_LIKE:
                    person.clause_heads += 1
        votes = self._pronoun_votes()
        for person in self.people:
            if not person.gender and not person.org:
                person.gender = _table_gender(person.name) or votes.get(id(person), "")
                person.gender_known = person.gender_known or bool(_table_gender(person.name))

    def _odd_line(self, start: int, end: int) -> bool:
        """Whether the mention is on a heading or caption line."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        found = self._lines.get(line_start)
        if found is None:
            line_end = text.find("\n", end)
            line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
            # a photo caption names who is pictured, not who speaks next; a heading is a short line that does
            # not end like a sentence
            found = self._lines[line_start] = bool(_CAPTION.search(line)) or (
                len(line) < 80 and not line.endswith((".", "!", "?", "”", '"', "’", "'", ":", ")"))
            )
        return found

    def _pronoun_votes(self) -> dict[int, str]:
        """A gender for each person from the gendered pronouns written after them: each pronoun outside
        quotation marks votes for the nearest person named before it (within a few sentences) in a subject's
        place."""
        male: dict[int, int] = {}
        female: dict[int, int] = {}
        starts, mentions, objectlike = self.starts, self.mentions, self.objectlike
        for m in _GENDERED.finditer(self.text):
            pos = m.start()
            if self.inside(pos):
                continue
            i = bisect_left(starts, pos) - 1
            while i >= 0 and pos - starts[i] < 300:
                p = mentions[i][2]
                if not p.org and not objectlike[i]:
                    tally = male if m.group(0).lower() in MALE else female
                    tally[id(p)] = tally.get(id(p), 0) + 1
                    break
                i -= 1
        out: dict[int, str] = {}
        for key in male.keys() | female.keys():
            a, b = male.get(key, 0), female.get(key, 0)
            if a != b:
                out[key] = "m" if a > b else "f"
        return out

    def personlike(self, person: Person) -> bool:
        """Whether a name is a person's (a pronoun can point at it) rather than a place's or a thing's."""
        if person.org:
            return False
        if person.spoke or person.roles or person.gender_known:
            return True
        return " " in person.name and person.clause_heads > 0 and person.subject_uses >= person.object_uses

    def _add(self, name: str, pos: int) -> Person:
        key = name.lower()
        found = self._by_name.get(key)
        if found is not None:
            found.last = max(found.last, pos)
            return found
        if found is None:
            toks = name.split()
            if len(toks) == 1 or (len(toks) == 2 and toks[0].endswith(".")):
                found = self._longest_with(toks[-1], pos)
            else:
                # "Ana Ruiz" after "Ruiz" alone: merge the shorter into the fuller
                for p in self._by_token.get(toks[-1].lower(), []):
                    ptoks = p.name.split()
                    if len(ptoks) < len(toks) and ptoks == toks[-len(ptoks) :] and not p.org:
                        p.name = name
                        self._index(p)
                        found = p
                        break
        if found is None:
            found = Person(name=name, first=pos, last=pos, org=is_org(name))
            self.people.append(found)
            self._index(found)
        self._by_name[key] = found
        found.last = max(found.last, pos)
        return found

    def _index(self, person: Person) -> None:
        self._by_name[person.name.lower()] = person
        toks = person.name.lower().split()
        for t in {toks[0], toks[-1]}:
            bucket = self._by_token.setdefault(t, [])
            if person not in bucket:
                bucket.append(person)

    def _longest_with(self, token: str, pos: int) -> Person | None:
        best: Person | None = None
        best_key = (-1, -1)
        token = token.lower()
        for p in self._by_token.get(token, ()):
            toks = p.name.lower().split()
            if len(toks) > 1 and not p.org:
                key = (1 if toks[-1] == token else 0, p.last)
                if key > best_key:
                    best, best_key = p, key
        return best

    # ------------------------------------------------------------------ resolving
    def person_at(self, start: int, end: int) -> Person | None:
        """The person a name written at ``[start, end)`` refers to."""
        i = bisect_left(self.starts, end) - 1
        while i >= 0:
            s, e, p = self.mentions[i]
            if e <= start:
                break
            if s < end and start < e:
                return p
            i -= 1
        return None

    def resolve_name(self, mention: str, pos: int) -> Person | None:
        toks = mention.split()
        while toks and toks[0].lower() in TITLE_WORDS and len(toks) > 1:
            toks.pop(0)
        if not toks:
            return None
        toks[-1] = _POSSESSIVE.sub("", toks[-1])
        key = " ".join(toks).rstrip(".").lower()
        found = self._by_name.get(key)
        if found is not None:
            return found
        return self._longest_with(toks[-1], pos)

    def resolve_role(self, description: str, pos: int) -> Person | None:
        words = words_of(description)
        words |= _roles_of(words)
        best: Person | None = None
        for p in self.people:
            if p.roles & words and not p.org and p.first <= pos and (best is None or p.last > best.last):
                best = p
        if best is not None:
            return best
        org_words = words & ORG_NOUNS
        if org_words:
            for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
                p = self.mentions[i][2]
                if p.org and set(p.name.lower().split()) & org_words:
                    return p
        return None

    def nearest_person(
        self, pos: int, gender: str = "", max_back: int = 3000, subject_only: bool = False
    ) -> Person | None:
        """The person named last before ``pos`` whose gender is ``gender`` (any person-like one when ``""``),
        else the last person-like one of unknown gender (places and things are skipped). ``subject_only`` skips
        mentions after a preposition or article ("… between lawmakers and Trump")."""
        unknown: Person | None = None
        for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
            s, _, p = self.mentions[i]
            if pos - s > max_back:
                break
            if p.org or s in self.quoted or (subject_only and self.objectlike[i]):
                continue
            if gender and p.gender and p.gender != gender:
                continue
            if not self.personlike(p) and not (p.gender and " " in p.name and p.subject_uses > p.object_uses):
                continue
            if not p.gender and gender:
                if unknown is None:
                    unknown = p
                continue
            return p  # without a gender to match, the nearest person-like one ("the Kentucky Republican said")
        return unknown


def pronoun_gender(word: str) -> str | None:
    """``m``, ``f``, ``""`` (neutral) for a pronoun, ``None`` for any other word."""
    w = word.lower()
    if w in MALE:
        return "m"
    if w in FEMALE:
        return "f"
    if w in PRONOUNS:
        return ""
    return None


def strip_article(text: str) -> str:
    return _STRIP.sub("", text)
