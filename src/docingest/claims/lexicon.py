"""Word classes the speaker sieve reasons with: titles, roles, organisation and document nouns, genders.

Each set names a *kind* of word (what a title noun is, what makes a name an organisation's), not a wording
seen in some article; the grammar in :mod:`.titles` and the passes in :mod:`.sieve` combine them.
"""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """The words of ``block``; ``_`` joins the words of one item ("prime_minister" → "prime minister")."""
    return frozenset(w.replace("_", " ") for w in block.split())


#: Honorifics and the gender they give ("" when they give none).
HONORIFICS: dict[str, str] = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "mx": "", "mx.": "",
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "dr": "", "dr.": "", "prof": "", "prof.": "",
    "rev": "", "rev.": "", "fr": "m", "fr.": "m", "hon": "", "hon.": "",
    # ranks of nobility and religious or traditional styles written before a name
    "baron": "m", "baroness": "f", "duke": "m", "duchess": "f", "earl": "m", "countess": "f", "viscount": "m",
    "viscountess": "f", "marquess": "m", "marchioness": "f", "sheikh": "m", "sheikha": "f", "emir": "m",
    "sultan": "m", "ayatollah": "m", "mufti": "m", "rabbi": "", "imam": "m", "pastor": "",
}  # fmt: skip

#: Abbreviated titles and the title noun they stand for ("Cllr" → councillor); with or without a full stop.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "cllr": "councillor", "cr": "councillor", "coun": "councillor", "clr": "councillor", "sen": "senator",
    "rep": "representative", "gov": "governor", "supt": "superintendent", "det": "detective",
    "insp": "inspector", "lt": "lieutenant", "col": "colonel", "gen": "general", "dr": "doctor",
    "prof": "professor", "rev": "reverend", "hon": "honourable", "amb": "ambassador", "sgt": "sergeant",
    "capt": "captain", "cpl": "corporal", "const": "constable", "atty": "attorney", "adm": "admiral",
    "maj": "major", "cmdr": "commander", "pres": "president", "sec": "secretary", "ceo": "chief executive",
    "cfo": "chief financial officer", "coo": "chief operating officer", "cto": "chief technology officer",
    "mp": "mp", "mpp": "mpp", "mla": "mla", "mep": "mep", "msp": "msp", "td": "td", "mmc": "mmc",
    "pc": "constable", "ds": "detective sergeant", "di": "detective inspector", "dci": "detective inspector",
    "insp.": "inspector", "fr": "father", "sr": "sister", "br": "brother", "del": "delegate", "ald": "alderman",
    "pfc": "private", "spc": "specialist", "brig": "brigadier", "cdr": "commander",
}  # fmt: skip

#: Nouns that head a title or a role ("Finance Minister …", "the sheriff", "a spokeswoman"). Plurals are
#: recognised by :func:`singular`.
ROLE_NOUNS = words(
    """
    president minister premier chancellor secretary governor mayor senator representative congressman
    congresswoman assemblyman assemblywoman councillor councilor alderman alderwoman delegate deputy speaker
    whip leader chief head chair chairman chairwoman chairperson director executive officer manager founder
    co-founder owner proprietor partner spokesperson spokesman spokeswoman spokespeople sheriff marshal
    constable sergeant inspector superintendent detective lieutenant captain colonel general major commander
    admiral commissioner judge justice magistrate attorney prosecutor solicitor barrister counsel lawyer
    coroner ombudsman auditor treasurer clerk registrar warden trustee administrator coordinator supervisor
    professor lecturer dean provost principal teacher researcher scientist economist analyst strategist
    pollster historian expert specialist consultant adviser advisor engineer planner doctor physician surgeon
    nurse paramedic pharmacist psychologist therapist pastor reverend bishop archbishop cardinal pope priest
    rabbi imam king queen prince princess emperor ambassador envoy consul diplomat editor reporter
    correspondent columnist author writer journalist publisher producer director designer artist architect
    coach player captain trainer caddie athlete activist advocate organiser organizer campaigner volunteer
    founder creator candidate nominee official officer agent firefighter chef farmer fisher fisherman
    student resident member worker employee owner veteran victim witness survivor mother father daughter son
    wife husband sister brother parent grandmother grandfather neighbour neighbor friend mp mpp mla mep msp
    mum mom dad grandma grandpa aunt uncle collector pensioner retiree
    td mmc critic vice-president president-elect secretary-general lawmaker legislator politician minister
    councilwoman councilman commissioner superintendent boss official representative negotiator
    canon vicar deacon chaplain rector curate monsignor parishioner
    presenter host anchor commentator pundit broadcaster steward cashier driver pilot soldier sailor baker
    butcher grocer shopkeeper landlord landlady tenant homeowner carer caregiver midwife dentist vet
    accountant banker trader broker investor entrepreneur businessman businesswoman consultant mechanic
    electrician plumber builder contractor miner fisherwoman rancher grower vintner winemaker brewer
    distiller curator librarian archivist coroner paramedic firefighter lifeguard ranger warden guide
    trooper skipper brigadier private specialist
    """
)

#: Roles that businesses and bodies hold as well as people: a name they stand before is an organisation's
#: when nothing in it is a person's ("System operator Nordkapp Gas Transport", "retailer Hartwell's")
ORG_ROLES = words(
    """
    operator distributor supplier retailer wholesaler manufacturer maker carmaker automaker carrier airline
    insurer lender utility regulator watchdog broadcaster network publisher developer firm company group
    startup start-up charity nonprofit union cooperative co-op exporter importer producer processor refiner
    miner shipper haulier grocer chain brand label studio outlet
    """
)

#: Title nouns that, written before a name, make the words before them part of the title ("NATO Secretary
#: General Mark Rutte"): the heads a capitalised title can end with.
TITLE_HEADS = ROLE_NOUNS - words("friend victim witness resident member worker student")

#: Words before a head that make another role of it: a prime minister is not "the minister", a vice
#: president not "the president".
RANK_WORDS = words("prime vice deputy assistant associate lieutenant under junior shadow")

#: Roles that tell a gender ("his grandmother Mildred", "the spokeswoman").
FEMALE_ROLES = words(
    "mother wife daughter sister grandmother aunt niece queen princess duchess chairwoman spokeswoman"
    " congresswoman businesswoman councilwoman alderwoman assemblywoman girlfriend widow actress"
)
MALE_ROLES = words(
    "father husband son brother grandfather uncle nephew king prince duke chairman spokesman congressman"
    " businessman councilman alderman assemblyman boyfriend widower actor"
)

#: Generic role nouns and the heads they cover ("the Ukrainian leader" → a president or prime minister).
HYPERNYMS: dict[str, frozenset[str]] = {
    "leader": words(
        "president prime_minister premier chancellor king queen emperor chief head chair chairman chairwoman"
        " secretary_general mayor governor leader"
    ),
    "head": words("president chief director chair chairman chairwoman chief_executive secretary_general head"),
    "boss": words("chief_executive director manager chief head coach owner president chair"),
    "executive": words("chief_executive president chair chairman chairwoman director executive"),
    "politician": words("senator representative congressman congresswoman mp mpp mla mep msp td councillor mayor"),
    "lawmaker": words("senator representative congressman congresswoman mp mpp mla mep msp td legislator"),
    "officer": words("constable sergeant inspector detective superintendent lieutenant captain officer"),
    "lawyer": words("attorney solicitor barrister counsel lawyer prosecutor"),
    "doctor": words("physician surgeon doctor"),
    "skipper": words("captain skipper"),
    "diplomat": words("ambassador envoy consul diplomat"),
    "cleric": words(
        "pastor reverend bishop archbishop cardinal pope priest rabbi imam canon vicar deacon chaplain rector curate"
        " monsignor"
    ),
    "priest": words("priest father reverend vicar rector curate monsignor canon chaplain"),
    "judge": words("judge justice magistrate"),
    "justice": words("judge justice"),
}

#: Families of role nouns that name one another both ways, whichever an article wrote first: a person introduced
#: as "head of the agency" is "the director" or "the chief" later, a professor "the researcher", the owner of a
#: shop "the proprietor", a spokeswoman "the spokesperson". (Ranks stay apart: "the officer" for a sergeant is
#: left to :data:`HYPERNYMS`, one way only.)
FAMILIES: tuple[frozenset[str], ...] = tuple(
    words(group)
    for group in (
        "minister secretary",
        "chief head director chief_executive",
        "researcher scientist professor academic scholar lecturer",
        "doctor physician surgeon gp",
        "owner proprietor founder co_founder",
        "teacher educator headteacher",
        "farmer grower rancher",
        "spokesperson spokesman spokeswoman",
        "chair chairman chairwoman chairperson",
        "councillor councilor councilman councilwoman",
        "author writer novelist",
        "actor actress",
        "vet veterinarian",
    )
)
FAMILY_OF: dict[str, frozenset[str]] = {head: group for group in FAMILIES for head in group}


#: Words that end an organisation's name ("Ministry", "Council", "Inc.") or make a capitalised run one.
ORG_HEADS = words(
    """
    ministry department agency commission council committee union association society institute institution
    foundation university college school academy hospital clinic bank company corporation corp corp. inc
    inc. ltd ltd. llc plc co co. group party office bureau service services authority board court tribunal
    police force forces army navy alliance coalition federation confederation league club team network press
    news times post tribune journal herald gazette telegraph guardian chronicle courier government
    administration parliament congress senate assembly cabinet church diocese archdiocese parish centre center
    museum library trust fund fellowship chamber secretariat directorate inquiry taskforce commonwealth
    organisation organization airline airlines airways motors industries technologies systems holdings partners
    laboratories labs media broadcasting radio television tv brigade regiment command agency coop
    co-operative cooperative council unit division branch forum trust society tribunal panel caucus
    collective cooperative initiative project programme program consortium automotive foods energy
    pharmaceuticals logistics software solutions capital ventures mining insurance financial brands studios
    records entertainment
    """
)

#: Heads of public bodies' names ("… Borough Council", "High Court", "… Workers Union"): "the company" or "the
#: firm" never names them
PUBLIC_HEADS = words(
    """
    ministry department agency commission council committee court tribunal government administration
    parliament congress senate assembly cabinet police force forces army navy union association federation
    institute university college school academy hospital party church diocese board authority office bureau
    secretariat directorate inquiry league
    """
)
#: Generic nouns for a business ("the company said")
BUSINESS_NOUNS = words(
    "company firm business outfit operator provider maker manufacturer retailer developer startup start-up"
    " publisher airline carrier insurer lender utility distributor supplier wholesaler carmaker automaker brand"
    " chain group"
)

#: Nouns that stand for an organisation in a description ("the ministry said", "the company").
ORG_NOUNS = ORG_HEADS | words(
    "firm business utility regulator watchdog government city province state county region district"
    " newspaper broadcaster station retailer insurer carmaker automaker airline operator manufacturer"
    " developer charity nonprofit organisation organization campaign group team club"
)

#: Documents that "say" things ("the figures show", "a study found"): quoted as written, never a person.
DOC_NOUNS = words(
    """
    review reviews report reports study studies survey surveys poll polls analysis audit audits figures data
    statistics documents records filing filings assessment inquiry investigation estimates forecast forecasts
    research evaluation findings memo numbers ruling projections census index claim lawsuit suit complaint
    affidavit indictment judgment decision order post blog website paper letter email message tweet note
    document guide guidelines bill legislation proposal notice article book memoir autobiography column
    op-ed statement release plan strategy pledge sign signs banner banners placard placards poster posters
    notice notices motto slogan inscription headline caption plaque billboard leaflet flyer label menu
    """
)

#: What a speaker says through: "her statement said" speaks for whoever "her" is.
UTTERANCE_NOUNS = words("statement release remarks comments speech testimony account letter message post tweet")

#: Groups that speak as a group ("officials said", "police say").
GROUP_NOUNS = words(
    """
    officials police experts sources critics residents analysts economists researchers scientists doctors
    officers organizers organisers witnesses authorities investigators prosecutors staff spokespeople lawyers
    advocates supporters opponents members voters observers protesters parents people others leaders
    executives ministers managers teachers students workers employees players fans
    """
)

#: Capitalised words that are never (part of) a person's name.
NOT_NAMES = words(
    """
    the a an and but or so yet if when while as at in on of for to from by with after before since until
    during this that these those there here it its he she they we i you his her their our my your what who
    why how where which some many most all no not one two three still also now then however meanwhile yes
    last next first monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sept sep oct nov
    dec jan. feb. aug. sept. sep. oct. nov. dec. according asked said says both each every
    other another such than more less just even only because although though despite instead like unlike
    today tonight yesterday tomorrow others earlier later over under about around through into onto upon
    against between among without within do does did is are was were be been has have had will would can
    could should might must let please thank thanks oh well article continued below advertisement related
    read watch photo video story christmas
    """
)

#: words that are no names alone but open organisations' names ("First Lakeland Credit Union", "Next Generation
#: Housing Trust")
NAME_OPENERS = words("first last next one two three christmas related more")

MALE_PRONOUNS = words("he him his himself")
FEMALE_PRONOUNS = words("she her hers herself")
NEUTRAL_PRONOUNS = words("it its itself they them their theirs themselves we us our ours i")

#: Common given names and the gender they usually mark (a first name in both lists gives none).
MALE_NAMES = words(
    """
    aaron adam adrian ahmed alan albert alex alexander alfred ali andre andrew andy anthony antonio arthur
    austin barack barry ben benjamin bernard bill billy bob bobby boris brad bradley brandon brian bruce
    bryan carl carlos charles charlie chris christian christopher colin connor craig dale daniel danny dave
    david dean dennis derek dmitri dominic don donald doug douglas duncan dylan edward emmanuel eric ethan
    eugene evan francis francisco frank fred frederick gabriel gareth gary gavin geoffrey george gerald
    gordon graham greg gregory harold harry hassan henry hugh ian isaac ivan jack jacob jake james jamie
    jason javier jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jonathan jordan jorge jose
    josef joseph joshua juan julian justin karl keith ken kenneth kevin kieran kyle larry lawrence leo leon
    liam louis lucas luis luke marc marco marcus mario mark martin matt matthew max michael miguel mike
    mohamed mohammed muhammad nathan neil nicholas nick nigel noah oliver omar oscar owen patrick paul pedro
    peter philip phillip pierre rafael ralph ramon randy ravi raymond rhys richard rick robert roberto robin
    rod roger ron ronald ross roy russell ryan sam samuel scott sean sebastian sergei shane simon stanley
    stephen steve steven stuart ted terry theo thomas tim timothy tobias todd tom tony trevor tyler vincent
    viktor vladimir walter warren wayne william xavier yusuf zachary aidan alistair angus barnaby callum
    clive colm conor cormac darren declan dermot desmond eamon elliot fergus finn gordon gus hamish hugo
    jeremiah kwame kofi lachlan malcolm miles nigel ollie piotr rhodri rohan rory seamus tariq tomasz
    """
)
FEMALE_NAMES = words(
    """
    abigail ada adriana agnes aisha alexandra alice alicia alison amanda amber amelia amy ana andrea angela
    anita ann anna anne annie ashley aurora barbara beatrice betty beverly brenda bridget brittany camila
    carla carmen carol caroline carolyn catherine cecilia charlotte chloe christina christine cindy claire
    clara claudia cynthia daisy dana danielle deborah debra denise diana diane dolores donna doris dorothy
    edith eleanor elena elisa elizabeth ella ellen emily emma erin esther eva evelyn fatima fiona florence
    frances gabriela gemma georgia gloria grace hannah harriet hazel heather helen helena ingrid irene isabel
    isabella isabelle jacqueline jane janet janice jasmine jennifer jessica jill joan joanna joanne josephine
    joyce judith judy julia julie karen kate katherine kathleen kathryn katie kelly kim kimberly laura lauren
    leah lily linda lisa louise lucia lucy lydia madeleine madison margaret maria marie marilyn martha mary
    maya megan melanie melissa mia michelle monica monique nadia nancy naomi natalia natalie nicole nina
    nora olga olivia pamela patricia paula pauline penelope priya rachel rebecca rita rosa rose ruth sabrina
    samantha sandra sara sarah sharon sheila shirley simone sofia sophia sophie stella stephanie susan
    suzanne sylvia tamara teresa theresa tracy ursula valerie vanessa vera veronica victoria virginia wendy
    yasmin yvonne zoe aisling ama beth bronwen carys catriona ciara deirdre dulcie eileen elaine eleanor
    daniela fiona gwen gwenllian imogen janine jenny josie kathy kayleigh kirsty lorna mairead maureen megan moira
    niamh noreen orla pauline rhiannon roisin shannon sinead siobhan sue sally tessa una
    """
)


def singular(word: str) -> str:
    """A plural role or group noun's singular ("officials" → "official", "spokeswomen" → "spokeswoman")."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def name_gender(first: str) -> str:
    """``m``/``f`` when a given name marks a gender, else ``""``."""
    low = first.lower()
    male, female = low in MALE_NAMES, low in FEMALE_NAMES
    return "m" if male and not female else "f" if female and not male else ""


def pronoun_gender(word: str) -> str | None:
    """``m``, ``f``, ``""`` (neutral) for a pronoun, ``None`` for any other word."""
    w = word.lower()
    if w in MALE_PRONOUNS:
        return "m"
    if w in FEMALE_PRONOUNS:
        return "f"
    if w in NEUTRAL_PRONOUNS:
        return ""
    return None
