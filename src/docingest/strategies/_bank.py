"""The team-written bank the news strategies draw from: stories, publications and publisher boilerplate.

Everything here was written for docingest's tests. Stories quote officials named in full once and then by
surname, role or pronoun; several story paragraphs deliberately mention subscriptions, newsletters, apps,
donations or money without being promotions (the precision traps a boilerplate cleaner must keep).

Promo templates are grouped by kind; ``{site}`` is the publication's name, ``{price}`` a price, ``{email}``,
``{handle}`` and ``{phone}`` contact details, ``{headline}`` the title of another story. A template that names
the site lets a reader (and docingest) learn the publication's name from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    """A news story: headline, byline author and paragraphs in order."""

    title: str
    author: str
    section: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    """A publication: its name, host and contact details."""

    name: str
    host: str
    email: str
    handle: str
    phone: str


SITES: tuple[Site, ...] = (
    Site("The Daily Ledger", "dailyledger.example", "tips@dailyledger.example", "@dailyledger", "555-0142"),
    Site("Harbour Gazette", "harbourgazette.example", "newsroom@harbourgazette.example", "@harbourgaz", "555-0199"),
    Site(
        "The Northfield Courier",
        "northfieldcourier.example",
        "desk@northfieldcourier.example",
        "@nfcourier",
        "555-0123",
    ),
    Site("Riverside Post", "riversidepost.example", "news@riversidepost.example", "@riversidepost", "555-0171"),
    Site("The Valley Sentinel", "valleysentinel.example", "tips@valleysentinel.example", "@valleysentinel", "555-0110"),
    Site(
        "Coastline Chronicle",
        "coastlinechronicle.example",
        "editor@coastlinechronicle.example",
        "@coastchron",
        "555-0164",
    ),
    Site(
        "The Morning Lantern", "morninglantern.example", "hello@morninglantern.example", "@morninglantern", "555-0137"
    ),
    Site("Eastgate Herald", "eastgateherald.example", "tips@eastgateherald.example", "@eastgateherald", "555-0185"),
    Site(
        "The Prairie Dispatch",
        "prairiedispatch.example",
        "desk@prairiedispatch.example",
        "@prairiedispatch",
        "555-0158",
    ),
    Site(
        "Kestrel Bay Times", "kestrelbaytimes.example", "news@kestrelbaytimes.example", "@kestrelbaytimes", "555-0146"
    ),
    Site("The Civic Record", "civicrecord.example", "tips@civicrecord.example", "@civicrecord", "555-0192"),
    Site(
        "Lakeshore Observer",
        "lakeshoreobserver.example",
        "reporters@lakeshoreobserver.example",
        "@lakeshoreobs",
        "555-0107",
    ),
)

PRICES: tuple[str, ...] = (
    "$1",
    "$2 a week",
    "£4.99 a month",
    "€3 per month",
    "$9.99/month",
    "99 cents",
    "$5 a month",
    "£1 for your first month",
    "€49 a year",
    "$60 a year",
)

STORIES: tuple[Story, ...] = (
    Story(
        "Council approves budget with cuts to libraries and road repairs",
        "Marta Velasco",
        "Politics",
        (
            "Northfield's city council on Tuesday approved a $412 million budget for next year, cutting spending "
            "on libraries and road repairs to close a deficit that had grown to $18 million.",
            "Finance Minister Ana Ruiz, who presented the plan, said the cuts were “painful but unavoidable” after "
            "two years of falling property tax receipts.",
            "“We have protected the services people rely on every day,” Ruiz told reporters after the vote. "
            "“Nobody on this council wanted to close a single branch.”",
            "The council voted to cut the library's newspaper subscriptions, a saving of $40,000, and to reduce "
            "opening hours at three of the city's nine branches.",
            "Opposition councillor David Mensah called the vote “a quiet dismantling of public life” and said his "
            "group would try to reverse the library cuts in the spring.",
            "The minister said road repairs would resume once a state grant of about $6 million arrived, which she "
            "expected before the end of March.",
            "The budget passed 7 to 4. It takes effect on January 1.",
        ),
    ),
    Story(
        "Harbour dredging plan faces fresh delay after environmental review",
        "Tom Whitaker",
        "Environment",
        (
            "A plan to deepen the main shipping channel in Kestrel Bay has been delayed by at least a year after an "
            "environmental review found risks to a breeding ground for harbour seals.",
            "Port Authority chief executive Sandra Liu said on Monday that the authority would commission a new "
            "study of sediment flows before any work began.",
            "“We will not cut corners with the bay,” Liu said. “If that costs us a season, it costs us a season.”",
            "Shipping companies have warned that larger container vessels already skip the port, costing the region "
            "an estimated 1,200 jobs over the past decade, according to a report by the chamber of commerce.",
            "Environment Minister Patrick O'Neill welcomed the decision. The minister said in a statement that the "
            "seal colony, one of the largest on the coast, had recovered only in the past 15 years.",
            "Fishers who depend on the bay have also opposed the dredging. Their association, which publishes a "
            "monthly newsletter for its 340 members, collected 5,000 signatures against the plan last summer.",
            "Liu said the new study would cost about $2.3 million and would be published in full.",
        ),
    ),
    Story(
        "Hospital waiting lists fall for the first time in four years",
        "Priya Natarajan",
        "Health",
        (
            "Waiting lists for planned surgery at the region's hospitals fell by 8% in the three months to June, "
            "the first drop since 2020, according to figures released on Thursday.",
            "Health Secretary Jonathan Price credited the fall to extra weekend operating sessions, which he said had "
            "added 2,400 procedures since January.",
            "“This is not a victory lap,” Price said. “Too many people are still waiting in pain.”",
            "The number of patients waiting more than a year fell from 31,000 to about 26,500, the figures show.",
            "Dr Helen Achebe, who chairs the regional doctors' association, said the improvement was real but "
            "fragile. She warned that a planned cut to agency staff could undo it within months.",
            "Patients can now sign up for text alerts that tell them when a slot opens at a nearby hospital, a "
            "service the health secretary said 90,000 people had already joined.",
            "Achebe said her members would watch the winter figures closely. “Summer is the easy part,” she said.",
        ),
    ),
    Story(
        "Transit authority cuts monthly pass price to win back riders",
        "Lucas Ferreira",
        "Transport",
        (
            "The Riverside Transit Authority will cut the price of its monthly pass from $85 to $60 from September, "
            "in an attempt to bring back riders who left during the pandemic.",
            "Subscriptions to the regional bus pass rose 12% after a trial price cut last year, the authority said "
            "on Wednesday.",
            "Authority chair Grace Mbeki said the cut would cost about $14 million a year but that higher ridership "
            "would recover most of it.",
            "“Every empty seat is money we have already spent,” Mbeki said. “Filling them is the cheapest thing we "
            "can do.”",
            "The transit app, which can be downloaded free, will also let riders buy single tickets without a card "
            "for the first time.",
            "The drivers' union backed the plan but said it wanted more buses on the busiest routes. Its leader, Ray "
            "Castillo, said crowding on the number 9 line was already “dangerous at rush hour.”",
            "Mbeki said the authority would order 40 new buses this year.",
        ),
    ),
    Story(
        "Food bank donations double as families struggle with rents",
        "Aisha Bello",
        "Community",
        (
            "Donations to the Eastgate food bank doubled in December, according to its director, Mara Okafor, but "
            "demand rose even faster.",
            "The food bank handed out 9,800 parcels last month, up from 6,100 a year earlier, Okafor said.",
            "“People who used to give to us are now coming to us,” she said. “That is what has changed.”",
            "The charity, which relies on donations and on 200 volunteers, raised £2.1 million last year, most of it "
            "from individual gifts of less than £50.",
            "Housing Minister Liam Doherty said on Friday that the government would extend a rent cap for another "
            "year. Doherty said the cap had kept 40,000 families in their homes.",
            "Okafor welcomed the extension but said it would not lower rents that had already risen. The minister "
            "has promised a review in the autumn.",
            "The food bank is open on weekdays from 9am at the old market hall.",
        ),
    ),
    Story(
        "School board votes to keep later start time after parents' survey",
        "Hannah Kowalski",
        "Education",
        (
            "The Valley school board voted on Monday to keep the 9am start time it introduced last year, after a "
            "survey found that most parents and teachers supported it.",
            "Board president Michael Osei said 68% of the 4,300 parents who responded wanted to keep the later start.",
            "“Our students are sleeping more and arriving on time,” Osei said. “The data are hard to argue with.”",
            "Some parents said the change made mornings harder for families with two working parents. Parent "
            "council chair Rosa Delgado said the board should fund early-morning supervision.",
            "Osei said the board would spend $250,000 on breakfast clubs at 12 schools, and that families could "
            "register through the district's website from next week.",
            "Test scores rose slightly in the first year, although the board said it was too early to credit the "
            "start time.",
        ),
    ),
    Story(
        "Regional newspaper to close print edition after 140 years",
        "Owen Gallagher",
        "Media",
        (
            "The Westbrook Mercury, one of the oldest newspapers in the region, will stop printing at the end of "
            "the year and publish only online, its owners said on Tuesday.",
            "The paper, founded in 1884, has lost two thirds of its print subscribers since 2015. Its publisher, "
            "Elaine Forsyth, said print now made a loss of about $1.5 million a year.",
            "“Our readers have moved, and we have to move with them,” Forsyth said in a note to staff.",
            "The Mercury will keep its 22 journalists, Forsyth said, but 35 print and delivery jobs will go.",
            "Media analyst Kofi Mensah said the paper's digital subscriptions, at about 18,000, were unlikely to "
            "cover its costs. “A membership model can work, but it takes years,” he said.",
            "Readers who pay for home delivery will be offered a refund or a discounted digital plan, the company "
            "said.",
        ),
    ),
    Story(
        "Wildfire crews gain ground as winds ease in the north",
        "Samuel Okoye",
        "Weather",
        (
            "Firefighters gained ground on Sunday against a wildfire that has burned 14,000 hectares north of "
            "Prairie City, as winds that had driven it for three days began to ease.",
            "Fire Commissioner Laura Bergström said the fire was 40% contained and that evacuation orders for two "
            "villages could be lifted by Tuesday.",
            "“We are not out of this yet,” Bergström said at a briefing. “But for the first time this week, I can "
            "say we are ahead of it.”",
            "About 1,800 people left their homes on Thursday. The commissioner said 23 houses and a school had been "
            "destroyed.",
            "Emergency Management Minister Carlos Ibáñez said the province would pay up to $5,000 to each evacuated "
            "household. He said residents should follow official channels rather than social media for updates.",
            "Residents can register for emergency alerts on the province's website, Ibáñez said.",
            "The cause of the fire is under investigation.",
        ),
    ),
)

# ------------------------------------------------------------------------------------------------ promos
# Each kind is a list of templates. Multi-block promos (a lead, its perks) are tuples of texts.

SUBSCRIPTION: tuple[str, ...] = (
    "Subscribe to {site} for {price} and get unlimited access to our reporting.",
    "You've read all your free articles this month. Subscribe now to keep reading.",
    "Already a subscriber? Log in to continue reading.",
    "Enjoying this story? Become a subscriber today — it's just {price}.",
    "Special offer: your first three months of {site} for {price}. Cancel anytime.",
    "Get full digital access to {site}. Start your free trial today.",
    "Your subscription makes stories like this one possible. Thank you for reading {site}.",
    "Unlock every story, the daily puzzle and the e-paper. Subscribe for {price}.",
    "This article is for subscribers. Upgrade your plan to read on.",
    "Limited time: 50% off an annual subscription to {site}.",
)

MEMBERSHIP: tuple[str, ...] = (
    "Good reporting costs money. Your membership keeps {site} going, and keeps this story free for everyone.",
    "{site} relies on readers like you. If you value our journalism, please support us today.",
    "Not ready to pay? Buy us a coffee — every little bit helps {site} stay independent.",
    "Not ready to subscribe? Buy us a drink instead.",
    "Independent journalism needs your support. Become a member of {site} from {price}.",
    "We don't have a paywall because readers like you chip in. Will you give {price} today?",
    "If you found this reporting useful, please consider making a donation to {site}.",
    "Support local news: join {site} as a member today.",
    "Our newsroom is funded by its members. Join them and help us hold power to account.",
    "Every story we publish is paid for by readers. Make a contribution of any size to {site}.",
    "Help keep {site} free to read for everyone — donate today.",
    "Before you go: {site} is a non-profit newsroom. A gift of {price} keeps our reporters on the beat.",
)

PERK_LEADS: tuple[str, ...] = (
    "Members of {site} get:",
    "When you join {site}, you get:",
    "Your membership includes:",
    "Subscribers enjoy:",
    "Become a member and you'll get:",
)

PERKS: tuple[str, ...] = (
    "Stories as they break",
    "The whole archive",
    "Join the discussion",
    "Ad-free reading on every device",
    "Unlimited access to all articles",
    "Exclusive members-only newsletters",
    "Early access to events",
    "The daily e-paper",
    "Comment on every story",
    "Our weekly puzzle pack",
)

NEWSLETTER: tuple[str, ...] = (
    "Sign up for our free morning newsletter and get the day's top stories in your inbox.",
    "Get {site}'s politics briefing delivered to your inbox every weekday. Sign up here.",
    "Want more stories like this? Subscribe to our weekly newsletter.",
    "Never miss a story: sign up for {site} breaking news alerts.",
    "Newsletter: the best of {site}, free to your inbox every Sunday.",
    "Enter your email address to get our daily briefing.",
    "Like this story? Get it first — join 40,000 readers of our evening newsletter.",
)

APP: tuple[str, ...] = (
    "Download our app for breaking news alerts from {site}.",
    "Get {site} on your phone: our app is free on the App Store and Google Play.",
    "Turn on notifications to get breaking news as it happens.",
    "Read {site} on the go: download our free app today.",
)

TIP_LINE: tuple[str, ...] = (
    "Have a story for us? Reach our newsroom on Signal at {phone}, or email {email}.",
    "Got a tip? Contact our reporters securely at {email}.",
    "Do you know more about this story? Contact us at {email}.",
    "If you have information about this or any other story, email our newsroom at {email}.",
    "Have a news tip? Send it to {site} at {email} or message us on WhatsApp.",
    "Know something we should look into? Tell us confidentially: {email}.",
    "Contact the editor: {email}",
    "Spotted a mistake? Let us know at {email} and we will correct it.",
    "To report an error in this article, contact our corrections desk at {email}.",
)

RELATED: tuple[str, ...] = (
    "Read more: {headline}",
    "RELATED: {headline}",
    "See also: {headline}",
    "Recommended: {headline}",
    "More from {site}: {headline}",
    "Most read: {headline}",
    "Continue reading below",
    "Story continues below",
    "Click here to read more about {headline}",
    "Also read: {headline}",
)

SHARE: tuple[str, ...] = (
    "Share this article",
    "Follow us on Facebook, Instagram and X for the latest news.",
    "Follow {site} on X at {handle}.",
    "Share this story with a friend — they can read it for free.",
    "Like what you read? Share it on social media.",
    "Follow our coverage on TikTok and YouTube.",
)

CREDIT: tuple[str, ...] = (
    "Photo: Lena Park / {site}",
    "Photograph: Getty Images",
    "Image credit: Reuters",
    "Illustration by Jonah Reyes for {site}",
    "Credit: AP Photo/Mark Stevens",
    "Advertisement",
    "ADVERTISEMENT",
    "Sponsored content",
    "Story continues below advertisement",
    "Photo by Dana Ito/AFP via Getty Images",
)

LEGAL: tuple[str, ...] = (
    "© 2024 {site}. All rights reserved.",
    "Copyright 2024 {site}. This material may not be published, broadcast, rewritten or redistributed.",
    "All rights reserved. No part of this article may be reproduced without permission of {site}.",
    "This article was produced by {site} and may not be republished without permission.",
)

BIO: tuple[str, ...] = (
    "{author} is a senior reporter for {site}. Reach her at {email}.",
    "{author} covers city hall for {site}. Follow him on X at {handle}.",
    "{author} is a staff writer at {site}, where she has covered health since 2019. She can be reached at {email}.",
    "About the author: {author} is {site}'s transport correspondent.",
)

PROMO_KINDS: dict[str, tuple[str, ...]] = {
    "subscription": SUBSCRIPTION,
    "membership": MEMBERSHIP,
    "newsletter": NEWSLETTER,
    "app": APP,
    "tip line": TIP_LINE,
    "related": RELATED,
    "share": SHARE,
    "credit": CREDIT,
    "legal": LEGAL,
    "bio": BIO,
}

#: Headlines of "other stories" that related-links lines point to.
OTHER_HEADLINES: tuple[str, ...] = (
    "Five things to know about the new rent cap",
    "Mayor's office under pressure over stadium deal",
    "Why the bay's seals came back",
    "Opinion: The library is the last free room in town",
    "Live updates: storm moves north",
    "How the budget affects your household",
)

#: Navigation and footer text around the article (page chrome).
NAV_ITEMS: tuple[str, ...] = ("Home", "News", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather")
FOOTER_LINES: tuple[str, ...] = (
    "About us",
    "Contact",
    "Privacy policy",
    "Terms of use",
    "Careers",
)
