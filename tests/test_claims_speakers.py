"""Speakers by name: one team-written case per way news writing names a speaker and refers back to them.

Written for issue 12 (round 2) as development cases of the speaker sieve, not drawn from any corpus: each case is
a short text and the canonical speaker of every quotation in it (``None``: the text names nobody).
"""

from __future__ import annotations

import pytest

import docingest
from docingest.claims.quotes import QUOTATION_CONFIDENCE

CASES: list[tuple[str, list[str | None]]] = [
    (
        ("Acme Corp. raised prices on Monday.\n\n“It was necessary,” said Jane Doe, a spokeswoman for Acme Corp."),
        ["Jane Doe"],
    ),
    (
        ("Acme Corp. raised prices on Monday.\n\n“It was necessary,” Acme Corp. said in a statement."),
        ["Acme Corp."],
    ),
    (
        ("Dr. Jane Doe, who leads the clinic, said: “We are full.”"),
        ["Jane Doe"],
    ),
    (
        ("Jane Doe runs the clinic.\n\n“We are full,” she told The Times."),
        ["Jane Doe"],
    ),
    (
        ("Jane Doe said the plan was flawed. “It will fail.”\n\n“Nobody asked us.”"),
        ["Jane Doe", "Jane Doe"],
    ),
    (
        ("According to Jane Doe, “the plan will fail.”"),
        ["Jane Doe"],
    ),
    (
        ("“The data are clear,” says Prof. John Smith of the University of Leeds."),
        ["John Smith"],
    ),
    (
        ("In a statement, the Ministry of Health said: “We are monitoring the situation.”"),
        ["Ministry of Health"],
    ),
    (
        ("The Ministry of Health issued new rules.\n\n“We are monitoring the situation,” the health ministry said."),
        ["Ministry of Health"],
    ),
    (
        (
            "Police Chief Mary Jones said the road was closed. “It is not safe,” she said.\n\n"
            "“We will reopen it soon,” the chief added."
        ),
        ["Mary Jones", "Mary Jones"],
    ),
    (
        ("Smith's lawyer, Tom Brown, said: “My client is innocent.”"),
        ["Tom Brown"],
    ),
    (
        ("“We won,” wrote Jane Doe on X."),
        ["Jane Doe"],
    ),
    (
        ("The company's chief executive, John Smith, told investors: “Sales are up.”"),
        ["John Smith"],
    ),
    (
        ("Asked whether she would resign, Doe replied: “Absolutely not.”\n\nJane Doe is the mayor."),
        ["Jane Doe"],
    ),
    (
        ("Jane Doe, 45, a teacher from Leeds, said: “The school is failing.”"),
        ["Jane Doe"],
    ),
    (
        ("“It is closed,” Jane Doe said. “We do not know when it will reopen.”"),
        ["Jane Doe", "Jane Doe"],
    ),
    (
        ("Maria Lopez lost her job in May. Her husband, Paul, said: “We are struggling.”"),
        ["Paul"],
    ),
    (
        ("Kevin Ames scored twice.\n\n“It felt great,” the 34-year-old said."),
        ["Kevin Ames"],
    ),
    (
        ("Jane Smith spoke to the BBC. Smith told the BBC: “We are fine.”"),
        ["Jane Smith"],
    ),
    (
        (
            "Mr Smith and Ms Smith run the farm. John Smith bought it in 1990 and Anna Smith joined "
            "later.\n\n"
            "“It is hard work,” Ms Smith told reporters."
        ),
        ["Anna Smith"],
    ),
    (
        ("Acme Corp. raised prices.\n\nA spokesman for Acme said: “Costs have risen.”"),
        ["Acme Corp."],
    ),
    (
        ("Acme spokesman John Smith said: “Costs have risen.”"),
        ["John Smith"],
    ),
    (
        ("“Costs have risen,” said Acme's head of communications, John Smith."),
        ["John Smith"],
    ),
    (
        ("Speaking to reporters, Jane Doe said: “We will appeal.”"),
        ["Jane Doe"],
    ),
    (
        ("“We will appeal,” Jane Doe said, adding: “This is not over.”"),
        ["Jane Doe", "Jane Doe"],
    ),
    (
        ("Anna Berg and Lisa Holm both ran. Berg won.\n\n“I am thrilled,” Berg said. “Lisa pushed me,” she added."),
        ["Anna Berg", "Anna Berg"],
    ),
    (
        ("Senator Tom Price (R-Ga.) disagreed. “This bill is a disaster,” Price said."),
        ["Tom Price"],
    ),
    (
        (
            "The union, Unite, called the offer “an insult”. Unite general secretary Sharon Graham "
            "said: “We will strike.”"
        ),
        ["Unite", "Sharon Graham"],
    ),
    (
        ("Chief Constable Sir Mark Rowley said: “Officers acted properly.”\n\n“We will review it,” Sir Mark added."),
        ["Mark Rowley", "Mark Rowley"],
    ),
    (
        ("Sgt. Bill Evans said the driver fled. “He was speeding,” Evans said."),
        ["Bill Evans"],
    ),
    (
        (
            "Health Secretary Wes Streeting told MPs: “The NHS is broken.”\n\n"
            "“We will fix it,” the health secretary said."
        ),
        ["Wes Streeting", "Wes Streeting"],
    ),
    (
        (
            "Greenpeace, the environmental group, said in a statement: “This is a disaster.”\n\n"
            "“We will sue,” the group said."
        ),
        ["Greenpeace", "Greenpeace"],
    ),
    (
        (
            "Nora Field, 62, has lived on the street for 30 years.\n\n"
            "“I have never seen it this bad,” she said.\n\n"
            "Her neighbour Colin Shaw agreed. “Nobody listens,” he said."
        ),
        ["Nora Field", "Colin Shaw"],
    ),
    (
        (
            "The Bank of England held rates. Governor Andrew Bailey said: “Inflation is falling.”\n\n"
            "“We need more evidence,” the Bank said."
        ),
        ["Andrew Bailey", "Bank of England"],
    ),
    (
        (
            "Priya Natarajan, who founded the startup in 2019, said demand had doubled.\n\n"
            "“We can barely keep up,” Natarajan said."
        ),
        ["Priya Natarajan"],
    ),
    (
        ("Tomasz Wiśniewski, chairman of the board, said: “We disagree.”\n\n“The vote was rushed,” the chairman said."),
        ["Tomasz Wiśniewski", "Tomasz Wiśniewski"],
    ),
    (
        (
            "The Amateur Rugby Players Collective (ARPC) criticised the plan. “Players were not "
            "consulted,” the ARPC said."
        ),
        ["Amateur Rugby Players Collective"],
    ),
    (
        ("“We are proud of this result,” said Oluwaseun Adeyemi, chief executive of Lagos Freight Ltd."),
        ["Oluwaseun Adeyemi"],
    ),
    (
        (
            "Councillor Bronagh Keane tabled the motion.\n\n"
            "“This is overdue,” Keane said.\n\n"
            "She added that the vote would be close.\n\n"
            "“We need three more votes.”"
        ),
        ["Bronagh Keane", "Bronagh Keane"],
    ),
    (
        ("Detective Inspector Ruth Calloway appealed for witnesses. “Somebody saw something,” the detective said."),
        ["Ruth Calloway"],
    ),
    (
        (
            "Zanele Mokoena, a nurse at the clinic, said patients waited for hours.\n\n"
            "“Some of them sleep here,” Mokoena said. “We have no beds left.”"
        ),
        ["Zanele Mokoena", "Zanele Mokoena"],
    ),
    (
        (
            "The Harbour Trust, which owns the pier, said repairs would begin in May.\n\n"
            "“Safety comes first,” the trust said."
        ),
        ["Harbour Trust"],
    ),
    (
        ("“It’s a disgrace,” said one resident, who asked not to be named."),
        [None],
    ),
    (
        ("Residents are angry. “It’s a disgrace,” one said."),
        [None],
    ),
    (
        (
            "Kofi Mensah, 70, has fished here for 50 years. “The fish are gone,” he says.\n\n"
            "His daughter, Ama, agrees. “He won’t admit it, but he is tired,” she says."
        ),
        ["Kofi Mensah", "Ama"],
    ),
    (
        ("Sheriff’s Office spokesperson Dana Ruiz said deputies found the car. “It was abandoned,” Ruiz said."),
        ["Dana Ruiz"],
    ),
    (
        (
            "The Ellesmere County Sheriff’s Office said the driver had fled. “We are asking for help,” "
            "the sheriff’s office said."
        ),
        ["Ellesmere County Sheriff’s Office"],
    ),
    (
        ("Lt. Col. Aaron Mbeki, a military spokesman, said: “The strike hit its target.”"),
        ["Aaron Mbeki"],
    ),
    (
        ("“We were caught off guard,” admitted coach Lars Eriksen.\n\nEriksen’s side lost 3-0."),
        ["Lars Eriksen"],
    ),
    (
        (
            "Minister for Housing Siobhan Doyle said: “We will build.”\n\n"
            "Opposition spokesman Ciarán Lynch disagreed. “They said that last year,” he said."
        ),
        ["Siobhan Doyle", "Ciarán Lynch"],
    ),
    (
        (
            "Sen. Maria Cantwell and Rep. Pramila Jayapal wrote to the agency.\n\n"
            "“The delay is unacceptable,” Cantwell said."
        ),
        ["Maria Cantwell"],
    ),
    (
        ("Ngozi Okafor and her partner, Tunde, run the bakery.\n\n“We start at four,” Tunde said."),
        ["Tunde"],
    ),
    (
        ("“I didn’t expect this,” Magdalena Kowalczyk, 29, told the Herald. “Nobody did.”"),
        ["Magdalena Kowalczyk", "Magdalena Kowalczyk"],
    ),
    (
        ("The report was written by Dr Femi Bello. In it, Bello warns: “The model is broken.”"),
        ["Femi Bello"],
    ),
    (
        (
            "Meridian Energy Group’s chief financial officer, Hannah Voss, said: “Margins are thin.”\n\n"
            "“We are cutting costs,” Voss added."
        ),
        ["Hannah Voss", "Hannah Voss"],
    ),
    (
        ("Father Declan Moriarty said mass in the car park. “The church is where the people are,” the priest said."),
        ["Declan Moriarty"],
    ),
    (
        ("Rabbi Miriam Levin spoke first. “We stand together,” she said."),
        ["Miriam Levin"],
    ),
    (
        ("“I love this town,” says Mayor Jo Pettersen-Ng, who was elected in May."),
        ["Jo Pettersen-Ng"],
    ),
    (
        ("Alexander “Sandy” Wise runs the shop.\n\n“Business is slow,” Sandy said."),
        ["Alexander Wise"],
    ),
    (
        ("Maria Fernanda García López chairs the board.\n\n“We will vote next week,” García López said."),
        ["Maria Fernanda García López"],
    ),
    (
        ("Maria Fernanda García López chairs the board.\n\n“We will vote next week,” García said."),
        ["Maria Fernanda García López"],
    ),
    (
        ("Dr Chidi Okafor treated the patients.\n\n“They arrived in shock,” Dr Okafor said."),
        ["Chidi Okafor"],
    ),
    (
        ("Inspector Helen Wilde leads the inquiry.\n\n“We have a suspect,” Inspector Wilde said."),
        ["Helen Wilde"],
    ),
    (
        ("Ms Jane Roe, the coroner, opened the inquest.\n\n“The death was accidental,” the coroner said."),
        ["Jane Roe"],
    ),
    (
        ("Leyla Aksoy, 54, lost her home in the flood.\n\n“We had ten minutes,” the 54-year-old said."),
        ["Leyla Aksoy"],
    ),
    (
        ("Omar al-Hassan was arrested on Friday.\n\n“My client denies everything,” his lawyer, Ruth Adler, said."),
        ["Ruth Adler"],
    ),
    (
        ("Omar al-Hassan was arrested on Friday.\n\n“My client denies everything,” al-Hassan’s lawyer said."),
        [None],
    ),
    (
        (
            "The Northshire Fire and Rescue Service (NFRS) sent six crews.\n\n"
            "“The fire spread quickly,” the service said."
        ),
        ["Northshire Fire and Rescue Service"],
    ),
    (
        ("The Northshire Fire and Rescue Service (NFRS) sent six crews.\n\n“The fire spread quickly,” NFRS said."),
        ["Northshire Fire and Rescue Service"],
    ),
    (
        ("Greater Manchester Police said officers were called at 2am.\n\n“A man has been arrested,” the force said."),
        ["Greater Manchester Police"],
    ),
    (
        ("Tesco said sales rose 4%.\n\n“Customers are trading up,” the supermarket said."),
        ["Tesco"],
    ),
    (
        ("Tesco said sales rose 4%. “Customers are trading up,” it said."),
        ["Tesco"],
    ),
    (
        ("The Riverside Residents Association opposes the plan. “We were never consulted,” they said."),
        ["Riverside Residents Association"],
    ),
    (
        ("Anne-Marie Duchêne-Leroux founded the charity.\n\n“We help 300 families,” Duchêne-Leroux said."),
        ["Anne-Marie Duchêne-Leroux"],
    ),
    (
        ("Li Wei, a professor at Fudan University, disagreed.\n\n“The data are incomplete,” Li said."),
        ["Li Wei"],
    ),
    (
        (
            "Ms Tanaka and her colleague Kenji Sato presented the results. Yumiko Tanaka said: “The "
            "trial worked.”\n\n"
            "“We were surprised,” Sato added."
        ),
        ["Yumiko Tanaka", "Kenji Sato"],
    ),
    (
        (
            "Pat Quinn, who coaches the under-12s, was furious.\n\n"
            "“The referee lost control,” Quinn said. “Somebody could have been hurt.”"
        ),
        ["Pat Quinn", "Pat Quinn"],
    ),
    (
        (
            "Joan Mburu has farmed for 40 years. She grows tea and maize.\n\n"
            "“The rains came late,” Mburu said.\n\n"
            "“We lost half the crop.”"
        ),
        ["Joan Mburu", "Joan Mburu"],
    ),
    (
        (
            "The mayor, Carlos Ibáñez, defended the budget. “It is balanced,” Ibáñez said.\n\n"
            "Critics disagreed. “It is a fantasy,” said councillor Rosa Vidal."
        ),
        ["Carlos Ibáñez", "Rosa Vidal"],
    ),
    (
        (
            "The Department of Transport (DoT) said the line would reopen. “Engineers are on site,” a "
            "DoT spokesperson said."
        ),
        ["Department of Transport"],
    ),
    (
        ("Nkechi Eze, the club’s captain, scored twice. “We deserved it,” the skipper said."),
        ["Nkechi Eze"],
    ),
    (
        ("Prime Minister Sir Keir Starmer spoke in Leeds.\n\n“We will deliver,” Sir Keir said."),
        ["Keir Starmer"],
    ),
    (
        (
            "Hamish McTavish, the distillery’s owner, is worried.\n\n"
            "“Exports are down,” McTavish said.\n\n"
            "His wife, Morag, who runs the shop, agreed. “Tourists are not spending,” she said."
        ),
        ["Hamish McTavish", "Morag"],
    ),
    (
        (
            "Transit Minister Aroha Ngata announced the fare freeze on Monday.\n\n"
            "“Families are stretched,” Ngata said. “This is real money back in their pockets.”\n\n"
            "“We will review it next year.”\n\n"
            "Opposition transport spokesman Callum Reid was unimpressed.\n\n"
            "“It is a stunt,” he said. “Fares will jump after the election.”\n\n"
            "Ngata rejected that. “There is no hidden rise,” she said."
        ),
        ["Aroha Ngata", "Aroha Ngata", "Aroha Ngata", "Callum Reid", "Callum Reid", "Aroha Ngata"],
    ),
    (
        (
            "Blue Harbour Foods recalled 4,000 jars of pesto on Tuesday.\n\n"
            "In a statement, the company said: “We are sorry for any worry this has caused.”\n\n"
            "Its managing director, Tomas Lindqvist, said the fault had been traced to one supplier. "
            "“We have stopped using them,” Lindqvist said."
        ),
        ["Blue Harbour Foods", "Tomas Lindqvist"],
    ),
    (
        (
            "Sisters Aoife and Niamh Brennan both ran the marathon.\n\n"
            "“I wanted to quit at mile 20,” Aoife Brennan said.\n\n"
            "Niamh Brennan finished first. “I just kept going,” she said."
        ),
        ["Aoife Brennan", "Niamh Brennan"],
    ),
    (
        (
            "The report’s author, Professor Imran Qureshi of Kestrel University, put it bluntly: “The "
            "system is failing. Nobody is in charge.”"
        ),
        ["Imran Qureshi"],
    ),
    (
        (
            "Head teacher Grace Obi said the school would reopen on Monday. Her deputy, Mark Hale, "
            "will run the site until then.\n\n"
            "“The children come first,” she said."
        ),
        ["Grace Obi"],
    ),
    (
        ("“Safety is our priority,” said Lena Fischer, a spokeswoman for Alpine Rail."),
        ["Lena Fischer"],
    ),
    (
        ("‘We were abandoned’: villagers count the cost\n\nVillagers in Ostrava said help came too late."),
        [],
    ),
    (
        (
            "“The numbers don’t add up,” said Ruth Tembo, an economist at the University of Zambia.\n\n"
            "“The deficit will grow,” the economist added."
        ),
        ["Ruth Tembo", "Ruth Tembo"],
    ),
    (
        ("The NHS said waiting lists had fallen. “Staff have worked incredibly hard,” the NHS said."),
        ["NHS"],
    ),
    (
        (
            "Coach Dimitri Petrov praised his striker, Luka Horvat, who scored twice.\n\n"
            "“Luka was outstanding,” Petrov said. “He never stops running.”\n\n"
            "Horvat was modest. “The team made it easy,” he said."
        ),
        ["Dimitri Petrov", "Dimitri Petrov", "Luka Horvat"],
    ),
    (
        ("Maria Gonzalez, 71, has sold flowers at the market for decades.\n\n“People still want roses,” Maria said."),
        ["Maria Gonzalez"],
    ),
    (
        ("Chief Superintendent Owen Pryce said patrols would increase. “We hear the community,” Ch Supt Pryce said."),
        ["Owen Pryce"],
    ),
    (
        ("Assistant Commissioner Nadia Bakr briefed reporters. “The threat is low,” the assistant commissioner said."),
        ["Nadia Bakr"],
    ),
    (
        ("A woman who declined to give her name said she had waited three hours. “It is chaos,” the woman said."),
        [None],
    ),
    (
        (
            "Northvale Police said a man had been arrested. Detectives believe he acted alone.\n\n"
            "“Enquiries continue,” police said."
        ),
        ["Northvale Police"],
    ),
    (
        (
            "A statement from Glenmore District Council said the road would reopen. “Repairs are "
            "complete,” the council said."
        ),
        ["Glenmore District Council"],
    ),
    (
        ("Lord Mayor Cllr Fiona Grant opened the fair. “It is a joy,” Cllr Grant said."),
        ["Fiona Grant"],
    ),
    (
        ("The Derry native, Seán Ó Briain, returned home last year. “It was time,” Ó Briain said."),
        ["Seán Ó Briain"],
    ),
    (
        ("Acting Director of Public Health Dr Rebecca Amos issued the warning. “Wash your hands,” Dr Amos said."),
        ["Rebecca Amos"],
    ),
    (
        ("Ravi Menon and Priya Menon run the shop. “It has been a hard year,” Mr Menon said."),
        ["Ravi Menon"],
    ),
    (
        ("The former, Dr Alan Fry, left in June. Dr Rose Tam replaced him.\n\n“The lab is thriving,” Tam said."),
        ["Rose Tam"],
    ),
    (
        (
            "Ottawa Mayor Mark Sutcliffe said the city would pay. “We have the money,” the mayor "
            "said.\n\n"
            "“It is the right thing to do.”"
        ),
        ["Mark Sutcliffe", "Mark Sutcliffe"],
    ),
    (
        (
            "Eleanor Vance, the tribunal's chair, read the ruling. “The appeal fails,” she said.\n\n"
            "Counsel for the appellant, Brian Kohl, said his client would consider his options. “We "
            "are disappointed,” Kohl said."
        ),
        ["Eleanor Vance", "Brian Kohl"],
    ),
    (
        "First Minister John Swinney visited the plant. "
        "“This is good news for Fife,” Mr Swinney said.\n\n“We will keep investing,” the First Minister added.",
        ["John Swinney", "John Swinney"],
    ),
    ("A Scottish Government spokeswoman said: “We are committed to the project.”", ["Scottish Government"]),
    (
        "Labour MSP Jackie Baillie said the delays were unacceptable. “Patients deserve better,” she said.",
        ["Jackie Baillie"],
    ),
    (
        "Students' Union president Amara Diallo said rents were too high. "
        "“Students are sleeping in cars,” Ms Diallo said.",
        ["Amara Diallo"],
    ),
    ("A University of Kelmar spokesperson said: “We take student welfare seriously.”", ["University of Kelmar"]),
    (
        "Speaking to Radio Clyde, shop owner Iain MacLeod said trade was down. “It’s been a tough winter,” he said.",
        ["Iain MacLeod"],
    ),
    ("One caller, who gave her name only as Morag, said: “The buses never come.”", ["Morag"]),
    (
        "Presenter Gail Porter asked the minister about the cuts. "
        "“Are you sorry?” she asked.\n\n“I am not,” the minister replied.",
        ["Gail Porter", None],
    ),
    (
        "Retail analyst Priti Shah of Harbour Street Securities said the chain was struggling. "
        "“Footfall is down 9%,” Ms Shah said.",
        ["Priti Shah"],
    ),
    (
        "Bramwell & Co, the 140-year-old department store group, will close four shops. "
        "A Bramwell spokesman said: “This was a difficult decision.”",
        ["Bramwell & Co"],
    ),
    ("Kelmar SU said in a statement: “We stand with our members.”", ["Kelmar SU"]),
    (
        "The council leader, Cllr Ewan McAllister, said the budget was tight. "
        "“There is no more money,” Cllr McAllister said.",
        ["Ewan McAllister"],
    ),
    (
        "Shop steward Dot Kerr, 58, has worked at the store for 30 years. "
        "“We’ve been treated like furniture,” she said.",
        ["Dot Kerr"],
    ),
    (
        "“I’ve never seen anything like it,” said Hamish Ross, who has run the chip shop in Portree for 20 years.",
        ["Hamish Ross"],
    ),
    (
        "Police Scotland said a 34-year-old man had been charged. "
        "A spokesman said: “A report will be sent to the procurator fiscal.”",
        [None],  # whose spokesman, the text does not say
    ),
    (
        "Council leader Moira Grant defended the cuts. 'We had no choice,' she said.\n\n"
        "'The money simply is not there.'",
        ["Moira Grant", "Moira Grant"],
    ),
    (
        "Council leader Moira Grant defended the cuts.\n\n"
        "'We had no choice. The money simply is not there,' she said.\n\n"
        "'Nobody wanted this. But we have to balance the books.'",
        ["Moira Grant", "Moira Grant"],
    ),
    (
        "Parents are furious.\n\nMother-of-two Kerry Byrne said: 'They never asked us.'\n\n"
        "'It is a disgrace. My kids will have nowhere to go.'",
        ["Kerry Byrne", "Kerry Byrne"],
    ),
    ("Mr Doyle, who has run the pub for 20 years, was blunt. 'It's the end of an era,' he said.", ["Doyle"]),
    ("Mayor Ann Cole spoke.\n\nVillagers in Ostrava said: “Help came too late.”", [None]),
]

#: whole short articles in four more house styles (Scottish daily, student union, retail trade, local radio)
ARTICLES: list[tuple[str, list[str | None]]] = [
    (
        (
            "Ferry fares to rise by a fifth as operator blames fuel costs\n"
            "Island residents have reacted angrily after CalMac Ferries confirmed fares on its Hebrides "
            "routes will rise by 20 per cent from April.\n"
            "The state-owned operator said the increase was needed to cover soaring fuel bills.\n"
            "'We have held fares for three years, but we cannot absorb these costs any longer,' a CalMac "
            "spokeswoman said.\n"
            "'We know this is unwelcome news.'\n"
            "Na h-Eileanan an Iar MSP Alasdair Allan said the rise would hit families hard.\n"
            "'People here have no alternative,' he said. 'The ferry is our road.'\n"
            "Mr Allan has written to Transport Secretary Fiona Hyslop urging her to intervene.\n"
            "A Scottish Government spokesman said ministers were 'considering the options'.\n"
            "Crofter Morag MacLeod, 67, from Barra, said she already struggled to afford the crossing.\n"
            "'I go to the mainland for hospital appointments,' she said. 'That will now cost me £40 more a "
            "month.'\n"
            "Her neighbour Donald Campbell was more blunt. 'It's daylight robbery,' he said.\n"
            "The Western Isles Council said it would raise the issue at its next meeting.\n"
            "Council leader Paul Steele said: 'We will fight this.'"
        ),
        [
            "CalMac Ferries",
            "CalMac Ferries",
            "Alasdair Allan",
            "Alasdair Allan",
            "Scottish Government",
            "Morag MacLeod",
            "Morag MacLeod",
            "Donald Campbell",
            "Paul Steele",
        ],
    ),
    (
        (
            "Students' union votes to boycott campus cafe chain\n"
            "Kelmar University Students' Union (KUSU) has voted to boycott Brew Street, the coffee chain "
            "that runs three outlets on campus.\n"
            "The motion, passed at Tuesday's general meeting by 412 votes to 96, follows complaints about "
            "prices.\n"
            "“A flat white costs more here than in the city centre,” said KUSU president Tola Adeyemi. "
            "“Students are being ripped off.”\n"
            "Adeyemi, a third-year law student, said the union would open its own cafe in September.\n"
            "“We can do it cheaper and pay our staff properly.”\n"
            "Brew Street said in a statement that its prices were “in line with the market”.\n"
            "“We pay the university a significant rent for these sites,” the company added.\n"
            "A Kelmar University spokesperson said the contract was under review.\n"
            "Not all students backed the boycott. Second-year engineering student Josh Patel said: “I just "
            "want decent coffee between lectures.”\n"
            "The union’s welfare officer, Ellie Grant, disagreed. “Some students are skipping meals to "
            "afford rent,” she said."
        ),
        ["Tola Adeyemi", "Tola Adeyemi", "Tola Adeyemi", "Brew Street", "Brew Street", "Josh Patel", "Ellie Grant"],
    ),
    (
        (
            "Shoppers face higher prices as retailer cuts 400 jobs\n"
            "Hartwell Group, the owner of the Brightways supermarket chain, will cut 400 jobs and close 12 "
            "stores, it said on Thursday.\n"
            "Chief executive Sandra Okonjo said the business had been hit by rising costs and weak demand.\n"
            "“This has been a very difficult decision,” Ms Okonjo said. “We have not taken it lightly.”\n"
            "The cuts will fall mainly on head office roles in Leeds.\n"
            "The Usdaw union said it was “deeply disappointed”.\n"
            "“Our members have kept this business going through the pandemic,” said Usdaw national officer "
            "Dave Gill.\n"
            "Retail analyst Rachel Tan of Northbridge Securities said the cuts had been expected.\n"
            "“Brightways has been losing market share to the discounters for years,” she said.\n"
            "Shares in Hartwell rose 3 per cent.\n"
            "“The market likes cost cuts,” Tan added. “Whether customers do is another question.”"
        ),
        ["Sandra Okonjo", "Sandra Okonjo", "Usdaw", "Dave Gill", "Rachel Tan", "Rachel Tan", "Rachel Tan"],
    ),
    (
        (
            "Listeners rally to save village post office\n"
            "Listeners have rallied behind a campaign to save the post office in Little Ashby after our "
            "report last week.\n"
            "Speaking to Radio Ashvale, postmistress Jean Collier said she had been overwhelmed by the "
            "response.\n"
            "“People have been ringing and writing all week,” she said. “I had no idea so many cared.”\n"
            "The Post Office said no final decision had been made.\n"
            "“We are talking to the community about the options,” a spokesperson said.\n"
            "On the breakfast show, presenter Mike Dunn asked local MP Sarah Lowe what she would do.\n"
            "“I’ll be raising it with the minister directly,” Ms Lowe said.\n"
            "One caller, Brian from Upper Ashby, said the post office was “the heart of the village”.\n"
            "Another listener texted: “Without it my mum can’t collect her pension.”"
        ),
        ["Jean Collier", "Jean Collier", None, "Sarah Lowe", "Brian", None],
    ),
]

#: quotations of written texts and groups (signs, notes, chants, slogans: nobody's words) beside a speaker's;
#: every quote claim, quoted terms included
WRITTEN: list[tuple[str, list[str | None]]] = [
    (
        "Mayor Ann Cole opened the fair. “It is a great day,” she said.\n\n"
        "A banner over the gate read: “Welcome home, heroes.”",
        ["Ann Cole", None],
    ),
    (
        "Mayor Ann Cole opened the fair. “It is a great day,” she said.\n\n"
        "Protesters chanted “Save our library” outside.",
        ["Ann Cole", None],
    ),
    (
        "Mayor Ann Cole opened the fair. “It is a great day,” she said.\n\n"
        "The notice on the door said simply: “Closed until further notice.”",
        ["Ann Cole", None],
    ),
    (
        "Mayor Ann Cole opened the fair. “It is a great day,” she said.\n\n"
        "The festival’s motto, “Everyone belongs,” is painted on every stall.",
        ["Ann Cole", None],
    ),
    (
        "Mayor Ann Cole opened the fair. “It is a great day,” she said.\n\nOne sign read “Hands off our park”.",
        ["Ann Cole", None],
    ),
    (
        "Tom Hale runs the bakery. “Flour has doubled,” he said.\n\n"
        "The shop’s window still carries the slogan “Baked with love since 1952”.",
        ["Tom Hale", None],
    ),
    (
        "Tom Hale runs the bakery. “Flour has doubled,” he said.\n\n"
        "‘Everything costs more,’ reads a handwritten note by the till.",
        ["Tom Hale", None],
    ),
    (
        "Tom Hale runs the bakery. “Flour has doubled,” he said.\n\n"
        "The email, seen by the Gazette, said: “Prices will rise in March.”",
        ["Tom Hale", None],
    ),
]


#: Round 3: constructions of naming written from the grammar of news English (not from any corpus): the name after
#: an organisation's role, a description that ends with its bearer's name, roles joined by "and", roles given by
#: a verb, styles and particles inside names, a statement's author.
NAMING: list[tuple[str, list[str | None]]] = [
    ("“Rates will stay high,” said Bank of Canada governor Tiff Macklem.", ["Tiff Macklem"]),
    ("“Rates will stay high,” said University of Kelmar economist Priya Shah.", ["Priya Shah"]),
    ("“We are ready,” said the head of the Port of Tacoma, Maria Ruiz.", ["Maria Ruiz"]),
    ("“We are ready,” the Port of Tacoma's Maria Ruiz said.", ["Maria Ruiz"]),
    ("“We are ready,” the union's general secretary Maria Ruiz said.", ["Maria Ruiz"]),
    ("“It is a disgrace,” said state Sen. Maria Gonzalez.", ["Maria Gonzalez"]),
    ("Sheikh Hamad bin Khalifa said: “We welcome it.”", ["Hamad bin Khalifa"]),
    ("“It's a disgrace,” said Baroness Helena Kennedy KC.", ["Helena Kennedy"]),
    (
        "Abdel Fattah el-Sisi said: “We will respond.” El-Sisi added: “Soon.”",
        ["Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"],
    ),
    ("“We will respond,” the statement from Acme Holdings said.", ["Acme Holdings"]),
    (
        "“Most of what we hear is gone by dinner,” founder and chief executive Sanne van der Loo told the crowd."
        "\n\nTom Bell, an analyst, was unconvinced.\n\n“We will reply in full,” the founder said.",
        ["Sanne van der Loo", "Sanne van der Loo"],
    ),
    (
        "“We expected a small effect,” said Dr Nguyen Thi Lan, a microbiologist at Delta Highlands University and "
        "the study’s lead author. Adaeze Okonjo-Hart, a co-author, agreed.\n\n"
        "“Farmers will tell us,” the lead author said.",
        ["Nguyen Thi Lan", "Nguyen Thi Lan"],
    ),
    (
        "Ana Ruiz, who heads the nurses' union, met Premier Tom Bell on Monday.\n\n"
        "“We had a frank talk,” the union leader said.\n\n“I listened,” the premier said.",
        ["Ana Ruiz", "Tom Bell"],
    ),
    (
        "Wei Zhang founded the app in 2019. Tom Bell invested early.\n\n“We grew fast,” the founder said.",
        ["Wei Zhang"],
    ),
    (
        "The company's founder, Li Wei, and its chief financial officer, Maya Stone, both spoke.\n\n"
        "“We grew fast,” Li said.\n\n“Margins held,” the CFO said.",
        ["Li Wei", "Maya Stone"],
    ),
    (
        "Brandt Ostrow Capital was more upbeat, writing in a note to clients that Corvia had “earned the right to "
        "price like a utility.”",
        ["Brandt Ostrow Capital"],
    ),
    (
        "Judge Anneliese Corrigan heard the case.\n\n"
        "The judge adjourned the trial until Thursday, when Margaret Tolland's bank manager is expected to give "
        "evidence. “Don't discuss the case with anyone,” she warned jurors.",
        ["Anneliese Corrigan"],
    ),
    (
        "First Lakeland Credit Union said in a statement that it had repaid every member. “We deeply regret that it "
        "was betrayed,” the statement said.",
        ["First Lakeland Credit Union"],
    ),
    (
        "Naledi Fairbanks, a lawyer, said the terms were unusual.\n\nThe state's Division of Charitable Trusts said it "
        "does not comment on investigations. It urged donors to “ask any caller what share of the gift will reach "
        "the cause.”",
        ["Division of Charitable Trusts"],
    ),
    ("Ana Ruiz was blunt: the closure “breaks my heart.”", ["Ana Ruiz"]),
    (
        "Kelderwick Rovers lost on Saturday after ten men held Kelderwick Rovers to a draw.\n\n"
        "Rovers said in a statement: “Dario is in good spirits.”",
        ["Kelderwick Rovers"],
    ),
    # a generation after a surname that is also a title noun; Spanish "y" between family names
    ("Martin Luther King Jr. once wrote: “Injustice anywhere is a threat.”", ["Martin Luther King Jr."]),
    (
        "Inspector General Rafael Ortiz y Gasset testified. “No records exist,” Ortiz y Gasset said.",
        ["Rafael Ortiz y Gasset"],
    ),
    # a title whose organisation runs into it, capitalised, after an inverted cue; a title noun's postposed word
    ("“Don't panic,” urged Bank of England Governor Andrew Bailey.", ["Andrew Bailey"]),
    (
        "Professor Emeritus Hans-Georg Müller disagreed. “The model is wrong,” Müller said.",
        ["Hans-Georg Müller"],
    ),
    # a name set off after an indefinite description; an organisation's role words heading a colon introduction
    (
        "Residents packed the hall.\n\n“Where is the money going?” asked one resident, Paul Grey.\n\n"
        "“Into roads,” replied council leader Ann Hart.",
        ["Paul Grey", "Ann Hart"],
    ),
    ("Nobel laureate Joseph Stiglitz was scathing: “This is voodoo economics.”", ["Joseph Stiglitz"]),
    ("Harvard economist Jason Furman was blunt: “No.”", ["Jason Furman"]),
    ("Trump called Joe Biden this: “Sleepy.”", ["Trump"]),
    # what an indefinite apposition called somebody, whatever its noun, and an age given after a name
    (
        "Sen. Jon Tester, a Democrat from Montana, voted no. Sen. Mike Lee voted yes.\n\n"
        "“It is a bad bill,” the Democrat said.",
        ["Jon Tester"],
    ),
    (
        "Dr. Lena Ortiz, an epidemiologist at Johns Hopkins, reviewed the data. Mayor Tim Ray asked for calm.\n\n"
        "“The trend is clear,” the epidemiologist said.",
        ["Lena Ortiz"],
    ),
    (
        "Tom Bright, 54, lost his car in the flood.\n\nAnna Lee watched from her porch.\n\n"
        "“It just floated away,” the 54-year-old said.",
        ["Tom Bright"],
    ),
    (
        "Halcyon's former president, Grant Ashby, was blunter. Writing on Bluesky, the ex-president said the plan "
        "had been “the only thing keeping players around”.",
        ["Grant Ashby"],
    ),
    # a role given by a copula or a verb of office, in any tense, or a fronted "As …,"
    (
        "Maria Ruiz is a retired nurse. Tom Bell lives next door.\n\n“It was quiet then,” the retired nurse said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz has been the club's treasurer since 2010. Tom Bell is its president.\n\n"
        "“The books are clean,” the treasurer said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz became mayor in 2019. Tom Bell is a councillor.\n\n“We will rebuild,” the mayor said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz works as a paramedic in Leeds. Tom Bell drives a taxi.\n\n"
        "“The nights are long,” the paramedic said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz was named chief executive in May. Tom Bell chairs the board.\n\n"
        "“We will grow,” the new chief executive said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz served as the town's mayor for a decade. Tom Bell succeeded her.\n\n"
        "“I miss it,” the former mayor said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz, who has been a nurse for 30 years, spoke first. Tom Bell followed.\n\n"
        "“We are exhausted,” the nurse said.",
        ["Maria Ruiz"],
    ),
    (
        "Tom Bell is the health minister. As head of the nurses' union, Maria Ruiz has fought him.\n\n"
        "“We will strike,” the union leader said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz has run the bakery since 1990. Tom Bell supplies the flour.\n\n“Prices doubled,” the owner said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz teaches at Elm Street School. Tom Bell is the principal.\n\n"
        "“Classes are too big,” the teacher said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz, who has worked as a paramedic since 2001, spoke first. Tom Bell followed.\n\n"
        "“We are exhausted,” the paramedic said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz is one of the nurses who stayed. Tom Bell followed.\n\n“We are exhausted,” the nurse said.",
        ["Maria Ruiz"],
    ),
    # the same after an age, between dashes or brackets, before the name ("The club's captain is …", an age)
    (
        "Maria Ruiz, 71, is a retired nurse. Tom Bell lives next door.\n\n“It was quiet then,” the retired nurse said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz — a nurse for 30 years — spoke first. Tom Bell followed.\n\n“We are exhausted,” the nurse said.",
        ["Maria Ruiz"],
    ),
    (
        "Maria Ruiz (71) spoke first. Tom Bell followed.\n\n“It was quiet then,” the 71-year-old said.",
        ["Maria Ruiz"],
    ),
    (
        "71-year-old Maria Ruiz spoke first. Tom Bell followed.\n\n“It was quiet then,” the 71-year-old said.",
        ["Maria Ruiz"],
    ),
    (
        "The club's captain is Maria Ruiz. Tom Bell is the coach.\n\n“We will win,” the captain said.",
        ["Maria Ruiz"],
    ),
    # the quote's owner after a noun of response, or in "is how X put it"
    (
        "Tom Bell spoke. “The best sleigh this Christmas!” was the reaction of Ann Hart.",
        ["Ann Hart"],
    ),
    ("Tom Bell spoke. “Enough is enough” was how Ann Hart put it.", ["Ann Hart"]),
    ("Tom Bell spoke first.\n\n“We are done.” So said Ann Hart, the union's leader, on Monday.", ["Ann Hart"]),
    (
        "Tesla posted a video on Thursday. “The best sleigh this Christmas!” was the response of one jolly viewer.",
        [None],
    ),
    # the fullest name: the same first and last names around a middle one; a capitalised particle is no title
    ("Ann Marie Hart scored twice.\n\n“We won,” Ann Hart said.", ["Ann Marie Hart"]),
    ("Ángel Di María scored.\n\n“We won,” Di María said.", ["Ángel Di María"]),
    # organisations' whole names: a complement's complement, an ampersand inside or between words
    (
        "The Royal Society for the Protection of Birds said: “Numbers are down.” The RSPB counts birds every year.",
        ["Royal Society for the Protection of Birds"],
    ),
    (
        "“Numbers are down,” the RSPB said. The Royal Society for the Protection of Birds counts birds every year.",
        ["Royal Society for the Protection of Birds"],
    ),
    ("In a statement, Hartwell & Sons said: “We regret the error.”", ["Hartwell & Sons"]),
    ("Officials met on Friday. AT&T said: “Service is restored.”", ["AT&T"]),
    # an organisation's clipped first word
    (
        "The Metropolitan Police said: “Two men were arrested.”\n\n“Enquiries continue,” the Met added.",
        ["Metropolitan Police", "Metropolitan Police"],
    ),
    (
        "The Federal Reserve held rates on Wednesday.\n\n“Inflation remains elevated,” the Fed said.",
        ["Federal Reserve"],
    ),
    # abbreviated titles, prefixed heads written as one word, role nouns of uniformed services
    ("“It is done,” said Ald. Maria Lopez.", ["Maria Lopez"]),
    ("“It is done,” said Pfc. Maria Lopez.", ["Maria Lopez"]),
    ("Del. Maria Lopez said: “It is done.”", ["Maria Lopez"]),
    ("Undersheriff Maria Lopez said: “It is done.”", ["Maria Lopez"]),
    ("“It is done,” said Headteacher Maria Lopez.", ["Maria Lopez"]),
    ("“It is done,” said Trooper Maria Lopez.", ["Maria Lopez"]),
    ("“It is done,” said Selectman Maria Lopez.", ["Maria Lopez"]),
    # initials that spell a common word, after "the"
    (
        "The World Health Organization warned on Friday. “The risk is high,” the WHO said.",
        ["World Health Organization"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), NAMING, ids=[t[:40] for t, _ in NAMING])
def test_naming_constructions(text: str, speakers: list[str | None]) -> None:
    found = [c for c in docingest.extract_claims(text) if c.kind == "quote" and c.confidence >= QUOTATION_CONFIDENCE]
    assert [c.speaker for c in found] == speakers


@pytest.mark.parametrize(("text", "speakers"), CASES, ids=[t[:40] for t, _ in CASES])
def test_every_quotation_gets_its_canonical_speaker(text: str, speakers: list[str | None]) -> None:
    found = [c for c in docingest.extract_claims(text) if c.kind == "quote" and c.confidence >= QUOTATION_CONFIDENCE]
    for c in found:
        c.check_against(text)
    assert [c.speaker for c in found] == speakers


@pytest.mark.parametrize(("text", "speakers"), WRITTEN, ids=[t[-40:] for t, _ in WRITTEN])
def test_written_texts_and_groups_are_nobodys_words(text: str, speakers: list[str | None]) -> None:
    assert [c.speaker for c in docingest.extract_claims(text) if c.kind == "quote"] == speakers


@pytest.mark.parametrize(("text", "speakers"), ARTICLES, ids=[t[:30] for t, _ in ARTICLES])
def test_articles_get_every_speaker(text: str, speakers: list[str | None]) -> None:
    found = [c for c in docingest.extract_claims(text) if c.kind == "quote" and c.confidence >= QUOTATION_CONFIDENCE]
    assert [c.speaker for c in found] == speakers


#: Round 4 (issue 12): what a description names, from the roles the text gives each entity (team-written).
DESCRIPTIONS: list[tuple[str, list[str | None]]] = [
    # a role noun of the same family as the one the person was introduced with
    (
        "Tomas Berg, head of the county water agency, met residents on Tuesday. Mayor Ada Quist did not attend.\n\n"
        "“The pipes are older than any of us,” the director said.",
        ["Tomas Berg"],
    ),
    (
        "Professor Lena Varga has studied the glacier since 2004.\n\n“It is shrinking faster,” the scientist said.",
        ["Lena Varga"],
    ),
    # the same head before a noun of its family, however recent the other
    (
        "Chief executive Paula Strand opened the plant with operations head Ravi Menon.\n\n"
        "“We will hire 200 people,” the chief executive said.",
        ["Paula Strand"],
    ),
    # a role given by an organisation's possessive in an apposition, with a time after it
    (
        "Mira Holt, Lakeview Clinic's medical director since 2015, warned of shortages. Nurse Paul Ames agreed.\n\n"
        "“We cannot staff the night shift,” the medical director said.",
        ["Mira Holt"],
    ),
    # a role nobody was given, written for the first time: the person just written about
    (
        "Ingrid Solheim has fixed bicycles on Canal Street for thirty years.\n\n"
        "“People bring me wrecks,” the mechanic said.",
        ["Ingrid Solheim"],
    ),
    # ... but an anonymous source's label names nobody
    (
        "Ingrid Solheim chairs the committee.\n\n“The vote will be close,” the official said.",
        [None],
    ),
]


#: Round 4: a canonical name drops the descriptor a mention wrote before it (team-written).
DESCRIPTORS: list[tuple[str, list[str | None]]] = [
    (
        "Conservative Marcus Abney opened the debate. Conservatives later walked out.\n\n"
        "Marcus Abney said: “We will not back down.”",
        ["Marcus Abney"],
    ),
    (
        "Olympian Alicia Romero signed autographs.\n\n“I never expected this,” said Alicia Romero.",
        ["Alicia Romero"],
    ),
    # an organisation a capitalised run wrote after the name
    (
        "Councillor Ana Ruiz Harbour Trust spoke first.\n\n“We need help,” Ana Ruiz said.",
        ["Ana Ruiz"],
    ),
    # a given name before the shorter name is part of the name
    (
        "Mary Ann Keller runs the archive.\n\n“Nothing is thrown away,” said Ann Keller.",
        ["Mary Ann Keller"],
    ),
    # a surname's particle starts no shorter name
    (
        "Femke van der Laan leads the survey.\n\n“The data are clear,” van der Laan said.",
        ["Femke van der Laan"],
    ),
]


#: Round 4: pronouns and possessive descriptions (team-written).
REFERENCES: list[tuple[str, list[str | None]]] = [
    # a capitalised word at a sentence's start is no person a pronoun can name
    (
        "Emma Lowe runs the food bank. Demand has doubled, according to Lowe.\n\n"
        "“We are seeing working families now,” she said.",
        ["Emma Lowe"],
    ),
    # "X's lawyer" is somebody else, known by whose they are
    (
        "The suspect, Daniel Roe, was arrested in May.\n\nRoe's lawyer said: “My client is innocent.”",
        [None],
    ),
]


@pytest.mark.parametrize(
    ("text", "speakers"),
    DESCRIPTIONS + DESCRIPTORS + REFERENCES,
    ids=[t[:40] for t, _ in DESCRIPTIONS + DESCRIPTORS + REFERENCES],
)
def test_round4_entities(text: str, speakers: list[str | None]) -> None:
    """Descriptions resolved by the roles the text gives, canonical names without descriptors, references."""
    found = [c for c in docingest.extract_claims(text) if c.kind == "quote" and c.confidence >= QUOTATION_CONFIDENCE]
    assert [c.speaker for c in found] == speakers


#: Round 5 (issue 12): quoted fragments (team-written). A fragment that is the object or complement of a verb of
#: communication or stance (or of a preposition the verb governs) is the words of that verb's subject, when the
#: subject heads the clause and names a person or organisation; a name for something (a title, a label introduced
#: by "so-called" or a noun such as "slogan"), a group's words, a fragment across another clause, and a noun
#: taken for a verb are quoted terms, credited to nobody. Each case: every quote claim as (text, speaker, whether it
#: is a quotation of speech).
FRAGMENTS: list[tuple[str, list[tuple[str, str | None, bool]]]] = [
    (
        "Tomas Berg, the union's leader, likened the offer to “a slap in the face” on Tuesday.",
        [("a slap in the face", "Tomas Berg", True)],
    ),
    (
        "At a rally in Derby, Helen Marsh accused the council of “sleepwalking into bankruptcy” and left early.",
        [("sleepwalking into bankruptcy", "Helen Marsh", True)],
    ),
    (
        "Priya Nair died in March. Her sister, Meera Nair, paid tribute to a “kind, patient, generous” woman.",
        [("kind, patient, generous", "Meera Nair", True)],
    ),
    (
        "The Harbour Trust thanked the volunteers. The trust's chairman, Owen Clarke, lauded the crews for their "
        "“quiet courage in the storm”.",
        [("quiet courage in the storm", "Owen Clarke", True)],
    ),
    (
        "Grace Obi chairs the inquiry. She denounced the delay as “an insult to the families who waited”.",
        [("an insult to the families who waited", "Grace Obi", True)],
    ),
    (
        "Senator Ana Ruiz spoke in Leeds on Monday. Ruiz exhorted her party to “stop apologising” before the vote.",
        [("stop apologising", "Ana Ruiz", True)],
    ),
    # a partial quote in reported speech whose cue is coordinated with a first verb after a party or ward tag
    (
        "Cr Lena Moss (East Ward) backed the budget but warned the council had “left the libraries behind”.",
        [("left the libraries behind", "Lena Moss", True)],
    ),
    # a name after a preposition in the source's description is a place, not the speaker
    (
        "Wheat prices jumped again. “Nobody wants to sell,” said one broker in Rotterdam, who asked not to be named.",
        [("Nobody wants to sell,", None, True)],
    ),
    # names for things: a label after "so-called", a slogan, a title of a work
    ("Dana Kim criticised the so-called “cheap seats” policy.", [("cheap seats", None, False)]),
    (
        "Mayor Leo Varga defended the campaign run under the slogan “cleaner streets for everyone” last year.",
        [("cleaner streets for everyone", None, False)],
    ),
    ("Nina Hollis praised the film “The Long Winter” at the festival.", [("The Long Winter", None, False)]),
    # a group says nothing by name; a noun that looks like a verb ("report") governs nothing
    (
        "Protesters outside the hall denounced the plan as “a betrayal of the valley”.",
        [("a betrayal of the valley", None, False)],
    ),
    (
        "The Audit Office report found that spending had drifted into “uncharted territory”.",
        [("uncharted territory", None, False)],
    ),
    # another clause between the verb and the fragment, with a subject of its own (a stance verb's cue too)
    (
        "Carl Weir accused the board of waste, while investors saw “a rare bargain” in the shares.",
        [("a rare bargain", None, False)],
    ),
    (
        "Marta Lind welcomed the plan, but critics saw “a giveaway to developers”.",
        [("a giveaway to developers", None, False)],
    ),
    # a name a noun introduces, also in reported speech
    (
        "Rui Costa said the charity raised the money under the slogan “Every Step Counts” last spring.",
        [("Every Step Counts", None, False)],
    ),
    (
        "The mayor, Abel Stone, said the town would be sold to visitors under the name “Little Venice”.",
        [("Little Venice", None, False)],
    ),
    # "call for" names a thing: a term
    (
        "Jo Banda chairs the panel. Banda called for a “citizens’ jury” on the budget.",
        [("citizens’ jury", None, False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRAGMENTS, ids=[t[:40] for t, _ in FRAGMENTS])
def test_quoted_fragments(text: str, expected: list[tuple[str, str | None, bool]]) -> None:
    found = [c for c in docingest.extract_claims(text) if c.kind == "quote"]
    assert [(c.text, c.speaker, c.confidence >= QUOTATION_CONFIDENCE) for c in found] == expected
