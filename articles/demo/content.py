"""Demo content written for this project: fictional stories, people and agencies.

Every name here is invented for the demo; places are real cities used as datelines.
"""

from typing import TypedDict


class DemoStory(TypedDict):
    """One demo story, as load_demo reads it."""

    headline: str
    section: str
    source: str
    authors: list[str]
    editor: str
    place: str
    hours_ago: int
    summary: str
    paragraphs: list[str]


SECTIONS = [
    # (path, name, position, description)
    ("news", "News", 0, "Reports from our desks at home and abroad."),
    ("news/world", "World", 1, "International news from our correspondents and partner agencies."),
    ("business", "Business", 2, "Markets, trade, industry and the economy."),
    ("science", "Science", 3, "Research, health, space and the environment."),
    ("sports", "Sports", 4, "Results, previews and the people behind them."),
]

SOURCES = [
    # (name, short name)
    ("Newsroom Wire Service", "NWS"),
    ("Harbour Press Agency", "HPA"),
]

EDITORS = [
    # (display name, desk)
    ("Marta Lindqvist", "World desk"),
    ("Owen Achterberg", "Business desk"),
    ("Priya Ramaswamy", "Science desk"),
]

STORIES: list[DemoStory] = [
    {
        "headline": "Port city opens tidal power station after a decade of trials",
        "section": "news/world",
        "source": "Newsroom Wire Service",
        "authors": ["Inès Valcourt"],
        "editor": "Marta Lindqvist",
        "place": "LISBON",
        "hours_ago": 3,
        "summary": "The station's twelve turbines sit in the river mouth and are expected to supply "
        "about 40,000 homes when running at full capacity.",
        "paragraphs": [
            "A tidal power station built into the mouth of the Tagus began feeding the grid on "
            "Thursday, ten years after engineers lowered the first test turbine into the river.",
            "The operator said the twelve turbines would supply about 40,000 homes at full capacity, "
            "a small share of national demand but a steady one: unlike wind and sun, the tides keep "
            "a timetable.",
            "“We know today what the station will produce on any afternoon in 2040,” the project’s "
            "chief engineer told reporters on the quay. “That is what the grid values most.”",
            "Fishing associations, who opposed early designs, said the final layout left the main "
            "channel open and that they would watch catches over the first season.",
        ],
    },
    {
        "headline": "Mountain villages vote to share one school bus network",
        "section": "news",
        "source": "Newsroom Wire Service",
        "authors": ["Tomasz Wierzbicki", "Hana Okafor"],
        "editor": "Marta Lindqvist",
        "place": "KRAKOW, Poland",
        "hours_ago": 9,
        "summary": "Seven municipalities will pool their buses and drivers from September, "
        "cutting the longest school journey by about twenty minutes.",
        "paragraphs": [
            "Seven mountain municipalities voted on Tuesday to merge their school bus services into "
            "one network, ending a patchwork in which some children changed buses twice a morning.",
            "Under the plan, routes will be drawn by a shared office and paid for by each village in "
            "proportion to its pupils. Organizers expect the longest journey to fall from 75 minutes "
            "to about 55.",
            "Parents at the meeting asked for winter timetables to be published a month ahead, which "
            "the councils agreed to do.",
        ],
    },
    {
        "headline": "Container rates ease as new ships join Asia-Europe routes",
        "section": "business",
        "source": "Harbour Press Agency",
        "authors": ["Daniel Mbeki"],
        "editor": "Owen Achterberg",
        "place": "SINGAPORE",
        "hours_ago": 14,
        "summary": "Spot rates for a 40-foot container fell for a fifth straight week as shipping "
        "lines took delivery of vessels ordered during the pandemic boom.",
        "paragraphs": [
            "The cost of shipping a 40-foot container from East Asia to northern Europe fell for a "
            "fifth consecutive week, freight brokers said on Monday, as new vessels entered service.",
            "Lines ordered record tonnage when rates peaked, and those ships are now arriving faster "
            "than demand grows. Analysts expect further declines unless carriers cancel sailings.",
            "Importers welcomed the change but said insurance and port charges had not fallen at the same pace.",
        ],
    },
    {
        "headline": "Regional bank raises savings rate for first-time depositors",
        "section": "business",
        "source": "Newsroom Wire Service",
        "authors": ["Hana Okafor"],
        "editor": "Owen Achterberg",
        "place": "NAIROBI",
        "hours_ago": 30,
        "summary": "The bank said the higher rate aims to draw savers who keep cash at home or in mobile wallets.",
        "paragraphs": [
            "A regional lender said on Wednesday it would pay a higher interest rate to customers "
            "opening their first savings account, in a push to bring cash held at home into banks.",
            "The offer applies to balances up to a set limit for the first year. The bank said "
            "mobile wallets remained the most common way its customers saved.",
        ],
    },
    {
        "headline": "Seed bank adds drought-tolerant sorghum from three continents",
        "section": "science",
        "source": "Harbour Press Agency",
        "authors": ["Lucía Ferreyra"],
        "editor": "Priya Ramaswamy",
        "place": "HYDERABAD, India",
        "hours_ago": 20,
        "summary": "Curators catalogued more than 600 sorghum varieties that survived field trials "
        "with less than half the usual rainfall.",
        "paragraphs": [
            "A crop research institute added more than 600 sorghum varieties to its seed bank this "
            "week, all of which produced grain in trials with less than half of normal rainfall.",
            "The seeds came from farmers and research stations in Africa, Asia and South America. "
            "Each sample is dried, sealed and stored at minus 18 degrees Celsius.",
            "Breeders can request samples for research free of charge, the institute said.",
        ],
    },
    {
        "headline": "Amateur astronomers time a distant star's flicker to the second",
        "section": "science",
        "source": "Newsroom Wire Service",
        "authors": ["Inès Valcourt", "Tomasz Wierzbicki", "Lucía Ferreyra"],
        "editor": "Priya Ramaswamy",
        "place": "LA SERENA, Chile",
        "hours_ago": 50,
        "summary": "Forty observers on four continents pooled measurements of an eclipsing binary "
        "star, refining its orbit.",
        "paragraphs": [
            "Forty amateur astronomers pooled their observations of an eclipsing binary star and "
            "timed its dimming to within a second, a study published on Friday said.",
            "Professional telescopes rarely have time for such long campaigns, the authors wrote, "
            "and a network of backyard instruments can watch a star through the whole night as the "
            "Earth turns.",
            "The group plans to publish its software so that school observatories can join.",
        ],
    },
    {
        "headline": "Harbour city marathon moves start to dawn to beat the heat",
        "section": "sports",
        "source": "Newsroom Wire Service",
        "authors": ["Daniel Mbeki"],
        "editor": "Marta Lindqvist",
        "place": "CAPE TOWN",
        "hours_ago": 6,
        "summary": "Organizers brought the start forward by ninety minutes after two years of "
        "record temperatures on race day.",
        "paragraphs": [
            "The city marathon will start at 5:30 a.m. this year, ninety minutes earlier than "
            "before, organizers said on Sunday after two consecutive races in record heat.",
            "Water stations will be placed every two and a half kilometres instead of every five, "
            "and the finish area will get more shade.",
            "Runners’ clubs welcomed the change, though some asked for more public transport before dawn.",
        ],
    },
    {
        "headline": "Women's volleyball league adds two teams for the new season",
        "section": "sports",
        "source": "Harbour Press Agency",
        "authors": ["Lucía Ferreyra"],
        "editor": "Marta Lindqvist",
        "place": "ROSARIO, Argentina",
        "hours_ago": 75,
        "summary": "The expansion takes the league to fourteen clubs and adds a second round of regional play-offs.",
        "paragraphs": [
            "The national women’s volleyball league will grow to fourteen teams next season after "
            "admitting two clubs from the north of the country.",
            "League officials said the longer travel would be offset by a regional first round, "
            "with the top eight meeting in a final tournament.",
        ],
    },
    {
        "headline": "Ferry operators agree on one ticket for the northern islands",
        "section": "news",
        "source": "Newsroom Wire Service",
        "authors": ["Tomasz Wierzbicki"],
        "editor": "Marta Lindqvist",
        "place": "BERGEN, Norway",
        "hours_ago": 100,
        "summary": "Passengers will be able to change between three companies' boats on a single "
        "ticket from next spring.",
        "paragraphs": [
            "Three ferry companies serving the northern islands agreed on Thursday to honour a "
            "single ticket across their routes from next spring.",
            "Islanders have long complained of buying two or three tickets for one journey. The "
            "companies said revenue would be split by the distance each boat carries a passenger.",
        ],
    },
]

# Keywords for the demo stories, by headline; each becomes a tag page (/tags/energy/).
TAGS = {
    "Port city opens tidal power station after a decade of trials": ["Energy", "Portugal"],
    "Mountain villages vote to share one school bus network": ["Transport", "Education"],
    "Container rates ease as new ships join Asia-Europe routes": ["Shipping", "Trade"],
    "Regional bank raises savings rate for first-time depositors": ["Banking"],
    "Seed bank adds drought-tolerant sorghum from three continents": ["Agriculture", "Climate"],
    "Amateur astronomers time a distant star's flicker to the second": ["Astronomy"],
    "Harbour city marathon moves start to dawn to beat the heat": ["Athletics", "Climate"],
    "Women's volleyball league adds two teams for the new season": ["Volleyball"],
    "Ferry operators agree on one ticket for the northern islands": ["Transport", "Shipping"],
}
