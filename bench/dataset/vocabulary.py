"""The word lists, calendar, statistic series and gazetteer additions the generator
draws from (the sentence templates are in ``text``)."""

from __future__ import annotations

import datetime as dt

FIRST_DAY = dt.date(2023, 10, 7)
LAST_DAY = dt.date(2026, 10, 31)

QUALIFIER_WORDS = {
    "exact": [""], "at_least": ["at least "], "over": ["more than ", "over "],
    "about": ["about ", "around ", "some "], "nearly": ["nearly ", "almost "],
    "up_to": ["up to "],
}
SMALL_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "ten"]
METRIC_VERBS = {
    "killed": "have been killed", "wounded": "have been wounded",
    "hostages_held": "are still being held", "prisoners_held": "are being held",
    "displaced": "have been displaced", "sheltering": "have sought shelter",
    "missing": "are missing", "released": "have been released",
}
#: Populations that start with these words are lowercased within a sentence.
COMMON_NOUNS = {"People", "Population", "Hostages", "Children", "Aid", "Journalists",
                "Displaced"}
STANCE_PHRASES = {
    "accepted": "has accepted", "accepted_in_principle": "has accepted in principle",
    "rejected": "has rejected", "seeking_amendments": "is seeking amendments to",
    "seeking_clarifications": "is seeking clarifications on", "reviewing": "is studying",
    "noncommittal": "has not said whether it accepts", "skeptical": "has voiced doubts about",
    "supportive": "has backed",
}
TERMS = [  # text, kind, value, unit
    ("a 42-day truce", "truce_duration", 42, "days"),
    ("a six-week truce", "truce_duration", 6, "weeks"),
    ("a 60-day pause in hostilities", "truce_duration", 60, "days"),
    ("three phases", "phases", 3, "phases"), ("two stages", "phases", 2, "phases"),
    ("each phase lasting 42 days", "phase_duration", 42, "days"),
    ("a permanent ceasefire", "permanent_ceasefire", None, None),
    ("the release of 33 hostages", "hostage_release", 33, "people"),
    ("the release of all living hostages", "hostage_release", None, None),
    ("the release of 1,900 Palestinian prisoners", "prisoner_release", 1900, "people"),
    ("the release of Palestinian prisoners held in Israeli jails", "prisoner_release", None,
     None),
    ("the withdrawal of Israeli forces from populated areas", "withdrawal", None, None),
    ("a full Israeli withdrawal from Gaza", "withdrawal", None, None),
    ("the return of displaced people to northern Gaza", "return_of_displaced", None, None),
    ("600 aid trucks a day", "aid", None, None),
    ("the reopening of the Rafah crossing", "crossing", None, None),
    ("a monitoring mechanism led by Egypt and Qatar", "monitoring", None, None),
    ("an international stabilization force", "other", None, None),
]
TERM_TOPICS = {"truce_duration": "ceasefire", "phases": "implementation"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Busy periods of the negotiations: (centre, spread in days, weight).
BUSY = [("2023-11-22", 10, 3.0), ("2024-02-10", 25, 2.0), ("2024-05-05", 12, 2.5),
        ("2024-07-10", 15, 1.5), ("2024-08-18", 10, 2.0), ("2024-11-26", 8, 1.5),
        ("2025-01-15", 14, 3.5), ("2025-03-05", 15, 1.5), ("2025-07-20", 20, 1.5),
        ("2025-10-09", 12, 4.0), ("2026-02-01", 30, 1.0), ("2026-06-15", 30, 0.8)]

# Statistic series: metric, population, location, unit, since 7 October, claimants,
# (date, value) knots of the underlying figure, weight among statistics.
SERIES = [
    ("killed", "Palestinians in Gaza", "gaza-strip", "people", True,
     {"gaza-health-ministry": 8, "united-nations": 1, "ocha": 1},
     [("2023-10-07", 200), ("2023-12-31", 21800), ("2024-05-01", 34500),
      ("2024-12-01", 44400), ("2025-03-18", 48600), ("2025-10-10", 67200),
      ("2026-10-31", 71500)], 12),
    ("wounded", "Palestinians in Gaza", "gaza-strip", "people", True,
     {"gaza-health-ministry": 8, "united-nations": 1},
     [("2023-10-07", 1000), ("2023-12-31", 56000), ("2024-05-01", 77700),
      ("2024-12-01", 105300), ("2025-10-10", 170000), ("2026-10-31", 172000)], 6),
    ("killed", "Children in Gaza", "gaza-strip", "people", True,
     {"gaza-health-ministry": 6, "unicef": 3},
     [("2023-10-07", 50), ("2023-12-31", 8800), ("2024-12-01", 17400),
      ("2025-10-10", 20000), ("2026-10-31", 20500)], 3),
    ("killed", "Aid workers in Gaza", "gaza-strip", "people", True,
     {"ocha": 5, "unrwa": 4},
     [("2023-10-07", 1), ("2024-05-01", 250), ("2025-10-10", 560), ("2026-10-31", 580)], 1),
    ("killed", "Journalists in Gaza", "gaza-strip", "people", True,
     {"gaza-health-ministry": 2, None: 3},
     [("2023-10-07", 1), ("2024-05-01", 140), ("2025-10-10", 250), ("2026-10-31", 255)], 1),
    ("killed", "Israeli soldiers in Gaza", "gaza-strip", "people", False,
     {"israel-defense-forces": 9},
     [("2023-10-27", 1), ("2024-05-01", 260), ("2025-10-10", 470), ("2026-10-31", 475)], 1),
    ("killed", "People in the 7 October 2023 Hamas attack", "israel", "people", False,
     {"israel": 5, None: 3},
     [("2023-10-07", 1400), ("2023-12-01", 1200), ("2026-10-31", 1200)], 2),
    ("hostages_held", "Hostages held in Gaza", "gaza-strip", "people", False,
     {"israel": 4, "israeli-prime-ministers-office": 3, "israel-defense-forces": 2},
     [("2023-10-07", 240), ("2023-11-24", 240), ("2023-12-01", 137), ("2024-05-01", 133),
      ("2024-12-01", 100), ("2025-01-19", 98), ("2025-03-01", 59), ("2025-10-12", 48),
      ("2025-10-14", 28), ("2026-02-01", 1), ("2026-10-31", 0)], 5),
    ("prisoners_held", "Palestinians in Israeli prisons", "israel", "people", False,
     {"palestinian-prisoners-society": 5, None: 2},
     [("2023-10-07", 5200), ("2024-05-01", 9100), ("2025-01-01", 10300),
      ("2025-10-14", 11100), ("2026-10-31", 9400)], 3),
    ("displaced", "Population of the Gaza Strip", "gaza-strip", "percent", False,
     {"united-nations": 5, "unrwa": 3, "ocha": 2},
     [("2023-10-07", 10), ("2023-12-01", 80), ("2024-05-01", 85), ("2025-10-10", 90),
      ("2026-10-31", 88)], 3),
    ("displaced", "Palestinians in Gaza", "gaza-strip", "people", True,
     {"united-nations": 4, "unrwa": 4},
     [("2023-10-07", 100000), ("2023-12-01", 1700000), ("2024-05-01", 1700000),
      ("2025-10-10", 1900000), ("2026-10-31", 1800000)], 4),
    ("sheltering", "People in UNRWA shelters", "gaza-strip", "people", False,
     {"unrwa": 9},
     [("2023-10-07", 100000), ("2024-01-01", 1400000), ("2024-12-01", 900000),
      ("2026-10-31", 600000)], 2),
    ("missing", "Palestinians missing under the rubble", "gaza-strip", "people", False,
     {"gaza-health-ministry": 5, "palestinian-civil-defence": 4},
     [("2023-10-07", 100), ("2024-01-01", 7000), ("2025-10-10", 10000),
      ("2026-10-31", 9500)], 2),
    ("released", "Hostages released from Gaza", "gaza-strip", "people", False,
     {"israel": 3, "qatar": 2, "israeli-prime-ministers-office": 2},
     [("2023-10-07", 0), ("2023-11-22", 0), ("2023-12-01", 105), ("2025-01-19", 108),
      ("2025-03-01", 141), ("2025-10-14", 161), ("2026-10-31", 168)], 2),
    ("released", "Palestinian prisoners released", "israel", "people", False,
     {"palestinian-prisoners-society": 4, "hamas": 2},
     [("2023-10-07", 0), ("2023-11-22", 0), ("2023-12-01", 240), ("2025-01-19", 330),
      ("2025-03-01", 1900), ("2025-10-14", 3900), ("2026-10-31", 3900)], 2),
    ("killed", "People in Lebanon", "lebanon", "people", False,
     {"lebanese-health-ministry": 9},
     [("2023-10-08", 1), ("2024-09-01", 600), ("2024-11-27", 3900), ("2026-10-31", 4300)], 2),
    ("killed", "Palestinians in the West Bank", "west-bank", "people", True,
     {"palestinian-health-ministry": 8, "ocha": 2},
     [("2023-10-07", 1), ("2024-05-01", 490), ("2025-10-10", 1000), ("2026-10-31", 1150)], 2),
]
#: Per-place series, for the places in SHELTER_PLACES (sheltering and displaced people).
SHELTER_PLACES = ["rafah", "khan-yunis", "deir-al-balah", "al-mawasi", "gaza-city", "nuseirat",
                  "jabalia", "beit-lahia"]

# Gazetteer additions to seed/actors.yaml and seed/locations.yaml
STATES = [  # id, name, demonym, aliases
    ("jordan", "Jordan", "Jordanian", []), ("saudi-arabia", "Saudi Arabia", "Saudi", []),
    ("united-arab-emirates", "United Arab Emirates", "Emirati", ["UAE"]),
    ("united-kingdom", "United Kingdom", "British", ["UK", "Britain"]),
    ("germany", "Germany", "German", []), ("russia", "Russia", "Russian", []),
    ("china", "China", "Chinese", []), ("iran", "Iran", "Iranian", []),
    ("norway", "Norway", "Norwegian", []), ("spain", "Spain", "Spanish", []),
    ("ireland", "Ireland", "Irish", []), ("italy", "Italy", "Italian", []),
    ("canada", "Canada", "Canadian", []), ("japan", "Japan", "Japanese", []),
    ("south-africa", "South Africa", "South African", []), ("oman", "Oman", "Omani", []),
    ("kuwait", "Kuwait", "Kuwaiti", []), ("algeria", "Algeria", "Algerian", []),
    ("indonesia", "Indonesia", "Indonesian", []), ("pakistan", "Pakistan", "Pakistani", []),
]
MINISTRIES = ["Foreign Ministry", "Defence Ministry", "Prime Minister's Office"]
ORGANIZATIONS = [  # id, name, kind, aliases
    ("unrwa", "UNRWA", "international_organization",
     ["UN Relief and Works Agency for Palestine Refugees"]),
    ("ocha", "OCHA", "international_organization",
     ["UN Office for the Coordination of Humanitarian Affairs"]),
    ("unicef", "UNICEF", "international_organization", []),
    ("world-health-organization", "World Health Organization", "international_organization",
     ["WHO"]),
    ("world-food-programme", "World Food Programme", "international_organization", ["WFP"]),
    ("arab-league", "Arab League", "international_organization", []),
    ("organisation-of-islamic-cooperation", "Organisation of Islamic Cooperation",
     "international_organization", ["OIC"]),
    ("african-union", "African Union", "international_organization", []),
    ("palestinian-islamic-jihad", "Palestinian Islamic Jihad", "armed_group", ["PIJ"]),
    ("al-qassam-brigades", "Al-Qassam Brigades", "armed_group", []),
    ("houthis", "Houthis", "armed_group", ["Ansar Allah"]),
    ("pflp", "Popular Front for the Liberation of Palestine", "armed_group", ["PFLP"]),
    ("likud", "Likud", "political_party", []), ("yesh-atid", "Yesh Atid", "political_party", []),
    ("otzma-yehudit", "Otzma Yehudit", "political_party", []),
    ("religious-zionism", "Religious Zionism", "political_party", []),
    ("shas", "Shas", "political_party", []), ("labor-party", "Labor Party", "political_party", []),
    ("palestinian-authority", "Palestinian Authority", "government_body", ["PA"]),
    ("gaza-government-media-office", "Gaza Government Media Office", "government_body", []),
    ("palestinian-civil-defence", "Palestinian Civil Defence", "government_body", []),
    ("palestinian-health-ministry", "Palestinian Health Ministry", "government_body", []),
    ("lebanese-health-ministry", "Lebanese Health Ministry", "government_body", []),
    ("palestinian-prisoners-society", "Palestinian Prisoners' Society", "government_body", []),
    ("cogat", "COGAT", "government_body", []),
]
OUTLETS = ["Al Jazeera", "CNN", "The New York Times", "The Times of Israel", "Haaretz",
           "Channel 12", "Kan", "Al Arabiya", "Asharq Al-Awsat", "The Guardian", "Axios",
           "The Wall Street Journal", "The Washington Post", "Middle East Eye", "Al-Monitor",
           "Sky News", "France 24", "Deutsche Welle", "Xinhua", "Al-Quds Al-Arabi"]
AGENCIES = ["AFP", "AP", "Reuters", None, None, None]
FIRST_NAMES = {
    "arab": ["Ahmed", "Mohammed", "Khaled", "Omar", "Youssef", "Mahmoud", "Hussein", "Sami",
             "Tarek", "Rania", "Layla", "Nour", "Huda", "Samir", "Walid", "Ziad", "Basem",
             "Osama", "Majed", "Hala"],
    "israeli": ["Yossi", "Avi", "David", "Moshe", "Eli", "Yair", "Itamar", "Gideon", "Ronen",
                "Tamar", "Noa", "Michal", "Orly", "Amir", "Dror", "Ofer", "Nir", "Gal"],
    "other": ["John", "Michael", "Sarah", "Emma", "Thomas", "Anna", "Peter", "Laura", "Mark",
              "Julia", "Pierre", "Claire", "Hans", "Ingrid", "Marco", "Elena", "James", "Kate"],
}
LAST_NAMES = {
    "arab": ["al-Masri", "Haddad", "Khalil", "Nasser", "Saleh", "Abu Zayed", "al-Rashid",
             "Mansour", "Hamdan", "Barakat", "Qassem", "Darwish", "Najjar", "Awad", "Shaheen",
             "Odeh", "al-Sayed", "Farouk", "Hijazi", "Zaki"],
    "israeli": ["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Shapira", "Katz",
                "Azoulay", "Ben-David", "Golan", "Dahan", "Avraham", "Ohana", "Segal"],
    "other": ["Miller", "Johnson", "Dubois", "Martin", "Schmidt", "Rossi", "Hansen", "Walker",
              "Bennett", "Fischer", "Moreau", "Larsen", "Clarke", "Novak", "Weber"],
}
ISRAELI = {"israel", "israeli-prime-ministers-office", "israel-war-cabinet",
           "israel-defense-forces", "likud", "yesh-atid", "otzma-yehudit", "religious-zionism",
           "shas", "labor-party", "cogat"}
ARAB = {"egypt", "qatar", "lebanon", "hamas", "hezbollah", "fatah", "jordan", "saudi-arabia",
        "united-arab-emirates", "oman", "kuwait", "algeria", "palestinian-authority",
        "palestinian-islamic-jihad", "al-qassam-brigades", "houthis", "pflp", "arab-league",
        "gaza-health-ministry", "gaza-government-media-office", "palestinian-civil-defence",
        "palestinian-health-ministry", "palestinian-prisoners-society",
        "egyptian-general-intelligence", "lebanese-health-ministry"}
#: Most quoted first; the rest follow in a seeded random order.
FAMOUS = ["hamas", "israel", "benjamin-netanyahu", "united-states", "qatar", "egypt",
          "antony-blinken", "joe-biden", "israel-defense-forces", "khalil-al-hayya",
          "mohammed-bin-abdulrahman-al-thani", "badr-abdelatty", "israeli-prime-ministers-office",
          "white-house", "john-kirby", "ismail-haniyeh", "united-nations", "gaza-health-ministry",
          "unrwa", "benny-gantz", "jake-sullivan", "william-burns"]
MEDIATOR_STATES = ["egypt", "qatar", "united-states"]
LOCATIONS = [  # id, name, kind, parent, country code, latitude, longitude, aliases
    ("west-bank", "West Bank", "territory", "palestinian-territories", "PS", 31.95, 35.3, []),
    ("gaza-city", "Gaza City", "city", "gaza-strip", "PS", 31.5017, 34.4668, ["Gaza"]),
    ("jabalia", "Jabalia", "city", "gaza-strip", "PS", 31.5272, 34.4835, ["Jabalia camp"]),
    ("beit-lahia", "Beit Lahia", "city", "gaza-strip", "PS", 31.5464, 34.4951, []),
    ("beit-hanoun", "Beit Hanoun", "city", "gaza-strip", "PS", 31.5389, 34.5361, []),
    ("deir-al-balah", "Deir al-Balah", "city", "gaza-strip", "PS", 31.4181, 34.3517, []),
    ("nuseirat", "Nuseirat", "city", "gaza-strip", "PS", 31.4486, 34.3925, ["Nuseirat camp"]),
    ("bureij", "Bureij", "city", "gaza-strip", "PS", 31.4394, 34.4031, []),
    ("al-mawasi", "al-Mawasi", "city", "gaza-strip", "PS", 31.3547, 34.2739, ["Mawasi"]),
    ("shejaiya", "Shejaiya", "city", "gaza-city", "PS", 31.5078, 34.4781, []),
    ("al-shifa-hospital", "Al-Shifa Hospital", "building", "gaza-city", "PS", None, None, []),
    ("nasser-hospital", "Nasser Hospital", "building", "khan-yunis", "PS", None, None, []),
    ("al-aqsa-hospital", "Al-Aqsa Hospital", "building", "deir-al-balah", "PS", None, None,
     []),
    ("kamal-adwan-hospital", "Kamal Adwan Hospital", "building", "beit-lahia", "PS", None,
     None, []),
    ("kerem-shalom-crossing", "Kerem Shalom crossing", "crossing", "gaza-strip", "PS", None,
     None, ["Karem Abu Salem"]),
    ("erez-crossing", "Erez crossing", "crossing", "gaza-strip", "PS", None, None, []),
    ("zikim-crossing", "Zikim crossing", "crossing", "gaza-strip", "PS", None, None, []),
    ("philadelphi-corridor", "Philadelphi corridor", "territory", "gaza-strip", "PS", None,
     None, []),
    ("netzarim-corridor", "Netzarim corridor", "territory", "gaza-strip", "PS", None, None,
     []),
    ("jerusalem", "Jerusalem", "city", "israel", "IL", 31.7683, 35.2137, []),
    ("sderot", "Sderot", "city", "israel", "IL", 31.525, 34.5969, []),
    ("ashkelon", "Ashkelon", "city", "israel", "IL", 31.6688, 34.5743, []),
    ("ramallah", "Ramallah", "city", "west-bank", "PS", 31.9038, 35.2034, []),
    ("jenin", "Jenin", "city", "west-bank", "PS", 32.4637, 35.2944, []),
    ("nablus", "Nablus", "city", "west-bank", "PS", 32.2211, 35.2544, []),
    ("hebron", "Hebron", "city", "west-bank", "PS", 31.5326, 35.0998, []),
    ("jordan", "Jordan", "country", None, "JO", 30.5852, 36.2384, []),
    ("amman", "Amman", "city", "jordan", "JO", 31.9539, 35.9106, []),
    ("saudi-arabia", "Saudi Arabia", "country", None, "SA", 23.8859, 45.0792, []),
    ("riyadh", "Riyadh", "city", "saudi-arabia", "SA", 24.7136, 46.6753, []),
    ("united-arab-emirates", "United Arab Emirates", "country", None, "AE", 23.4241,
     53.8478, ["UAE"]),
    ("abu-dhabi", "Abu Dhabi", "city", "united-arab-emirates", "AE", 24.4539, 54.3773, []),
    ("sharm-el-sheikh", "Sharm el-Sheikh", "city", "egypt", "EG", 27.9158, 34.33, []),
    ("el-arish", "El Arish", "city", "egypt", "EG", 31.1316, 33.7984, []),
    ("united-states", "United States", "country", None, "US", 38.0, -97.0, ["US"]),
    ("washington", "Washington", "city", "united-states", "US", 38.9072, -77.0369, []),
    ("new-york", "New York", "city", "united-states", "US", 40.7128, -74.006, []),
    ("france", "France", "country", None, "FR", 46.2276, 2.2137, []),
    ("paris", "Paris", "city", "france", "FR", 48.8566, 2.3522, []),
    ("turkey", "Turkey", "country", None, "TR", 38.9637, 35.2433, ["Türkiye"]),
    ("istanbul", "Istanbul", "city", "turkey", "TR", 41.0082, 28.9784, []),
    ("italy", "Italy", "country", None, "IT", 41.8719, 12.5674, []),
    ("rome", "Rome", "city", "italy", "IT", 41.9028, 12.4964, []),
    ("netherlands", "Netherlands", "country", None, "NL", 52.1326, 5.2913, []),
    ("the-hague", "The Hague", "city", "netherlands", "NL", 52.0705, 4.3007, []),
    ("switzerland", "Switzerland", "country", None, "CH", 46.8182, 8.2275, []),
    ("geneva", "Geneva", "city", "switzerland", "CH", 46.2044, 6.1432, []),
]
MEETING_CITIES = ["cairo", "doha", "paris", "sharm-el-sheikh", "riyadh", "abu-dhabi",
                  "istanbul", "amman", "washington", "rome", "jerusalem", "tel-aviv",
                  "geneva", "new-york"]

