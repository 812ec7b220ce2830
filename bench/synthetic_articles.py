"""Synthetic Gaza-negotiation news articles, for benchmarking the extraction pipeline.

Articles imitate the seed corpus (``seed/articles``): a title line, then YAML front matter, a
dateline or a "Published" line, then 8-20 paragraphs (300-700 words in all) built from sentence
templates and filled with people, states, groups and outlets from ``seed/actors.yaml`` and
places from ``seed/locations.yaml``. A few speakers say most things (Zipf-like weights).
There are no gold annotations: the output is for timing and robustness runs, not accuracy.
The output depends only on the seed; article *i* is the same whatever ``count`` is.

    python bench/synthetic_articles.py OUTDIR --count 1000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
LDQ, RDQ, APOS, DASH = "\u201c", "\u201d", "\u2019", "\u2014"  # typographic marks

# One template per line; an indented line continues the one above; under [choices], NAME = a|b
# makes {NAME} one of the options. Other slots: see Article.slot. {c:a|b} picks one option,
# {q:a|b} picks one and quotes it, {n:lo-hi} is a number, {num:lo-hi} one with a qualifier
# ('at least 12'), {w:lo-hi} one in words.
TEMPLATES = """
[choices]
OCT7 = October 7|Oct. 7|7 October 2023|October 7, 2023
CLAIM = according to the {MINISTRY}|the {MINISTRY} said|the {MINISTRY} says
UNCLAIM = according to the UN|the U.N. says|according to the United Nations
PCT = {n:75-90}%|{n:75-90} percent|{n:75-90} per cent
DISPLACED = Nearly 1.{n:7-9} million|About 1.{n:7-9} million|1.{n:7-9} million
REFUGE = Approximately 1.{n:0-5} million|Around 1.{n:0-5} million|More than 1.{n:0-5} million
PRISONERS = hundreds of|{num:8800-9600}|{n:6-9}00|1,{n:0-5}00
MED = {HOSTDEM} and American|Egyptian and Qatari|Qatari and Egyptian|Egyptian, Qatari and US
PARTY = Hamas|Israel
STANCE = accepted|rejected|sought amendments to|sought clarifications on|welcomed|approved
[title]
Egypt intensifies Gaza cease-fire efforts with Hamas, Israel: Report
Intensified efforts in {CITY} to secure ceasefire and hostage release deal
{TNAME} {c:meets|holds talks with} {HOSTDEM} officials in push for Gaza truce
Hamas delegation heads to {CITY} for new round of ceasefire talks
On the way to a truce in Gaza? What we know about the negotiations between Hamas and Israel
Mediators press {c:Hamas|Israel} to accept {DAYS}-day Gaza truce
Gaza ceasefire talks resume in {CITY} as {c:pressure mounts|fighting rages|aid dwindles}
{TNAME} says Gaza deal {c:is close|is within reach|is not there yet}
Hamas {c:studying|reviewing|weighs} latest Gaza truce proposal
Israel sends delegation to {CITY} as hostage deal hopes rise
Gaza truce talks stall over {c:length of ceasefire|Israeli withdrawal|prisoner releases}
{HOSTDEM} mediators step up contacts on Gaza hostage deal
What is in the latest Gaza ceasefire proposal?
[lead]
{HOST} has intensified contacts with Israel and Hamas as it seeks a Gaza cease-fire and swap deal.
Efforts to secure a Gaza ceasefire and hostage deal have ramped up, with talks in {CITY} on {DAY}.
A Hamas delegation met {HOSTDEM} officials in {CITY} on {DAY} to discuss a Gaza ceasefire
  deal as well as the delivery of {c:vital|urgently needed} humanitarian aid.
{P} met {P2} in {CITY} on {DAY} in a diplomatic push for a ceasefire between Hamas and Israel.
Negotiators gathered in {CITY} on {DAY} for a new round of indirect talks on a Gaza truce.
Peace talks continue in {CITY}, where Hamas envoys arrived on {DAY} to meet {MED} mediators.
Mediators are pressing Israel and Hamas to accept a {DAYS}-day truce, {SRC} told {OUT}.
[quote]
{QC} {P} said.
{QC} said {P}.
{P} said on {DAY2}: {Q}
{P} added: {Q}
{P} told {OUT}: {Q}
{QC} {P} said in a statement on {DAY2}.
{QC} {P} told reporters in {CITY2}.
{QC} {SRC} said.
{QC} {SRC} told {OUT}.
{SRC} told {OUT} that {QL}
In a statement, Hamas said: {Q:hamas}
{QC:hamas} the group affirmed.
{QC} {P} said following {c:his meeting|talks} with {P2}.
[cont]
{QC} {HE} said.
{QC} {HE} added.
{Q}
{QC} {HE} continued.
{LAST} added: {Q}
{QC} said {LAST}.
[partial]
{P} said he hoped an agreement would be reached {q:very soon|within days|in the coming days}.
{P} said the talks had been held in a {q:positive|constructive|serious} atmosphere.
{P:mediator} described the offer as {q:generous|extraordinarily generous|serious}.
The group said its delegation was heading to the negotiations with a {q:positive spirit}.
{P:hamas} warned that there would be no deal without {q:a permanent ceasefire|a full withdrawal}.
According to {P}, the two sides are {q:not there yet|closer than ever|still far apart}.
{P:mediator} said mediators were working to {q:bridge the remaining gaps|fill the remaining gaps}.
{P:israel} said Israel would {q:continue to be firm} on its conditions for the release of hostages.
{SRC} said the group was open to offers to reach {q:a ceasefire or prisoner exchange deal}.
{P:mediator} said there were {q:ideas and visions put forward} regarding the release of captives.
[stat]
Israel's war on Gaza has killed {KILLED} Palestinians since {OCT7} and wounded {WOUNDED}
  others, {CLAIM}.
The offensive has killed {KILLED} people in Gaza, {c:mostly women and children|many of them
  civilians}, {CLAIM}.
{DISPLACED} people, {PCT} of the population, have been displaced, {UNCLAIM}.
{REFUGE} people have sought refuge in {GAZA} after fleeing fighting elsewhere in the Strip.
Israel believes {HELD} hostages remain in Gaza, {c:about a third|dozens} of them thought dead.
The Hamas-led attack on {OCT7} killed {c:around|about|nearly} 1,200 people, mostly civilians,
  and some 250 were taken hostage, according to Israeli tallies.
Israel reportedly holds {PRISONERS} Palestinians in its prisons.
{num:12-140} people were killed in overnight strikes on {GAZA}, {CLAIM}.
Only {n:3-60}0 aid trucks entered through the {XING} on {DAY2}, {UNCLAIM}.
More than {MONTHS} months into the war, {PCT} of Gaza's people have been displaced, {UNCLAIM}.
The ministry said {num:12-140} people were killed in 24 hours, bringing the toll to {KILLED}.
According to the {MINISTRY}, {KILLED} have been killed and {WOUNDED} wounded since {OCT7}.
[proposal]
The current wording under discussion involves a {DAYS}-day pause in hostilities for the
  release of hostages and Palestinian prisoners held in Israeli jails.
Under the proposal, Hamas would release {HOSTAGES} hostages in exchange for {PRISONERS}
  Palestinian prisoners during a {WEEKS}-week pause.
According to {P:hamas}, the process consists of three phases, each lasting 42 days, and includes
  the withdrawal of Israeli troops and the return of displaced persons.
The first phase would see {HOSTAGES} hostages, including women, swapped for {PRISONERS} prisoners.
The plan envisages a {WEEKS}-week truce, during which aid would rise to {n:3-60}0 trucks a day.
The {MED} draft calls for three phases each lasting 42 days, ending in a {q:permanent ceasefire}.
{HOST} is proposing a transitional truce of {DAYS} days, monitored by regional mediators.
A {DAYS}-day truce would see {HOSTAGES} hostages freed, {SRC} said.
The second phase would see a permanent end to hostilities and the release of remaining hostages.
The proposal also provides for displaced Palestinians to return to northern Gaza.
The main sticking point is the length of the ceasefire, with Hamas seeking an end to the war.
[stance]
{PARTY} has {STANCE} the proposal, {OUT} reported.
Hamas said it had accepted the {HOSTDEM} proposal, but Israel said it fell short of its demands.
Israel has sought clarifications and Hamas amendments, each accusing the other of stalling.
Hamas said it was studying the latest proposal and would respond {q:soon|as soon as possible}.
{P:israel} said Israel {c:rejected|would not accept} the proposal as it stood.
A day after Hamas approved the proposal, Israel said it would {c:study|not confirm} the offer.
{PARTY} has yet to deliver a formal response to the proposal, {SRC} told {OUT}.
Israel's war cabinet was expected to discuss the offer on {DAY2}, {OUT} reported.
[meeting]
{P} met {P2} in {CITY} on {DAY} to discuss the latest proposal.
{P} held a phone call with {P2} on {DAY2}, without providing details of the conversation.
A Hamas delegation arrived in {CITY} on {DAY} for talks with {MED} mediators.
{HOST} hosted talks on {DAY} attended by {P} and {P2}.
{P} traveled to {CITY} to assist in the negotiations, {OUT} reported.
{P} is expected to meet {P2} in {CITY} later this week.
The two men met {VENUE} on {DAY}, {c:officials said|according to a readout}.
Israeli and Hamas delegations held indirect talks in {CITY} on {DAY}, {MED} officials said.
An Israeli delegation headed to {CITY} on {DAY}, {OUT} reported.
{P} arrived in {CITY} as the final stop of a regional tour that included a visit to {CITY2}.
Talks resumed in {CITY} on {DAY} after a pause of {w:2-12} days.
{P} spoke by phone with {P2} on {DAY2} about efforts to secure a ceasefire.
[background]
Indirect talks between Israel and Hamas have taken place in both Egypt and Qatar.
The conflict began with the Hamas-led attack on southern Israel on {OCT7}.
Mediators have spent months trying to bridge the gap between the two sides.
Despite months of negotiations, there has yet to be a {c:breakthrough|lasting deal}.
While progress may seem imminent, caution is advised as the talks remain complex.
Hamas has ruled the Gaza Strip since 2007 and is considered a terrorist organization by Israel.
Israel stands accused of genocide at the International Court of Justice, which it denies.
The talks have repeatedly stalled over the same {c:core|underlying} issues.
Regional tensions have risen sharply, raising fears of a wider war involving Hezbollah.
Egypt and Qatar, along with the United States, have acted as the main mediators.
Families of hostages have held {c:weekly|regular} protests in Tel Aviv, urging a deal.
Aid agencies have warned of {c:famine-like conditions|a catastrophic hunger crisis} in Gaza.
[caption]
{c:Palestinians|Residents} {c:walk|drive} past destroyed buildings in {GAZA}, {DMY}. ({OUT} Photo)
Smoke rises over {GAZA} during Israeli strikes, {DMY}. {OUT}/All rights reserved
[heading]
Tanks in {GAZA}
Security consultations
Sticking points
Hostages and prisoners
The {HOSTDEM} proposal
[q-israel]
We will continue to be firm on the conditions necessary for the release of our hostages
Israel will not agree to end the war before all of its goals are achieved
We have made a serious offer, and the ball is now in Hamas's court
We will not accept a deal that leaves Hamas in control of Gaza
There is a window of opportunity here, but it will not stay open forever
Military pressure is what brought Hamas back to the table
Hamas must understand that time is not on its side
We will bring every one of the hostages home, the living and the dead
[q-hamas]
We are determined to secure an agreement that meets the demands of our people
Any agreement must include a complete ceasefire and the withdrawal of the occupation forces
We have shown great flexibility, but the occupation keeps adding new conditions
There will be no prisoner exchange without an end to the aggression
The latest proposal differs from what we accepted earlier
The occupation bears full responsibility for the failure of the talks
Our people have paid a heavy price, and we will not betray their sacrifices
We dealt positively with the proposal and are waiting for the occupation's answer
[q-mediator]
There are still some gaps and challenges, but they are being addressed
If intentions are sincere and there is political will, a ceasefire can certainly be achieved
We are working actively to try to make it happen
There will be further conversations and consultations, but we're not there yet
Time is of the essence, and both sides need to make hard choices
We are closer than we have been in weeks, but nothing is agreed until everything is agreed
The deal on the table is the best way to bring the hostages home and get aid into Gaza
Both sides must now show the courage to close this deal
Egypt will spare no effort to stop the bloodshed and bring relief to the people of Gaza
[q-tail]
We will keep working until we get there
Nobody should underestimate how difficult this is
The coming days will be decisive
I cannot go into the details of the talks
We are not going to negotiate in public
Everyone knows what is at stake
"""

SOURCES = [("a senior Hamas official", "hamas"), ("a Hamas official", "hamas"),
           ("an Egyptian source", "mediator"), ("a high-level Egyptian source", "mediator"),
           ("a US official", "mediator"), ("an Israeli official", "israel"),
           ("a source familiar with the talks", "mediator"), ("a Qatari diplomat", "mediator"),
           ("a Palestinian official close to the talks", "hamas")]
# Most prominent first (the Zipf weights follow this order); ACTIVE keeps casts plausible.
PROMINENCE = ["benjamin-netanyahu", "antony-blinken", "ismail-haniyeh", "john-kirby",
              "badr-abdelatty", "mohammed-bin-abdulrahman-al-thani", "joe-biden",
              "khalil-al-hayya", "jake-sullivan", "william-burns", "benny-gantz", "abbas-kamel",
              "stephane-sejourne", "hassan-rashad"]
ACTIVE = {"ismail-haniyeh": ("", "2024-07-31"), "benny-gantz": ("", "2024-06-09"),
          "abbas-kamel": ("", "2024-10-15"), "hassan-rashad": ("2024-10-16", "9"),
          "badr-abdelatty": ("2024-07-03", "9"), "stephane-sejourne": ("", "2024-09-21")}
# The Gaza death toll as reported on a few dates; interpolated in between.
TOLL = [(dt.date(2024, 1, 1), 21_800), (dt.date(2024, 5, 2), 34_600),
        (dt.date(2024, 8, 15), 40_000), (dt.date(2024, 12, 31), 45_500)]
QUALIFIERS = ["at least", "more than", "over", "nearly", "around", "about", "almost",
              "approximately", "", ""]
ROUNDED = ("nearly", "around", "about", "almost", "approximately")
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]
KIND_WEIGHTS = {"quote": 20, "cont": 14, "partial": 10, "stat": 12, "proposal": 12,
                "stance": 8, "meeting": 12, "background": 12}
FOLLOW = {"stat": ["stat", "background"], "proposal": ["proposal", "stance"],
          "stance": ["proposal", "stance", "background"], "meeting": ["meeting", "background"]}
SLOT = re.compile(r"\{(\w+)(?::([^}]*))?\}")


def parse_templates(text: str) -> dict[str, list[str]]:
    """The template block as {kind: [template, ...]}, continuation lines joined."""
    kinds: dict[str, list[str]] = {}
    for line in text.strip().splitlines():
        name, eq, options = line.partition(" = ")
        if line.startswith("["):
            current = kinds.setdefault(line.strip("[]"), [])
        elif line.startswith("  "):
            current[-1] += " " + line.strip()
        elif eq and name.isupper():
            kinds[name] = options.split("|")
        else:
            current.append(line)
    return kinds


def load_yaml(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((SEED_DIR / name).read_text(encoding="utf-8"))


T = parse_templates(TEMPLATES)
ACTORS = {a["id"]: a for a in load_yaml("actors.yaml")}
PLACES = load_yaml("locations.yaml")
PEOPLE = [pid for pid in dict.fromkeys(PROMINENCE + list(ACTORS))
          if ACTORS[pid]["kind"] == "person"]
OUTLETS = [a for a in ACTORS.values() if a["kind"] == "media_outlet"]
CITIES = [p for p in PLACES if p["kind"] == "city" and p.get("parent") != "gaza-strip"]
HOSTS = [p for p in CITIES if p.get("parent") in ("egypt", "qatar")]  # the mediators' capitals
GAZA = [p for p in PLACES if p.get("parent") == "gaza-strip" and p["kind"] == "city"]
CROSSINGS = [p for p in PLACES if p["kind"] == "crossing"]
BUILDINGS = [p for p in PLACES if p["kind"] == "building"]
POOLS = {"OUT": OUTLETS, "GAZA": GAZA, "XING": CROSSINGS,
         "MINISTRY": [ACTORS["gaza-health-ministry"]]}


def side(actor_id: str) -> str:
    """'israel', 'hamas' or 'mediator': whose talking points the actor's quotes follow."""
    while actor_id not in ("israel", "hamas") and ACTORS[actor_id].get("affiliation"):
        actor_id = ACTORS[actor_id]["affiliation"]
    return actor_id if actor_id in ("israel", "hamas") else "mediator"


def surname(name: str) -> str:
    """'Netanyahu', 'al-Hayya', 'Al Thani', 'Abdel Ati'."""
    tokens = name.split()
    if "Al" in tokens:
        return " ".join(tokens[len(tokens) - tokens[::-1].index("Al") - 1:])
    if len(tokens) >= 3 and tokens[-2] in ("Abdel", "Abdul", "bin", "al"):
        return " ".join(tokens[-2:])
    return tokens[-1]


def full_mention(name: str, title: str) -> str:
    """'Israeli Prime Minister Benjamin Netanyahu', or 'Name, the long title,'."""
    first = title.split()[0]
    if first in ("Chief", "Director", "Minister", "Second") or len(title.split()) > 6:
        return f"{name}, the {first.lower()}{title[len(first):]},"
    return f"{'head' + title[4:] if first == 'Head' else title} {name}"


def toll_on(day: dt.date) -> int:
    for (d0, n0), (d1, n1) in pairwise(TOLL):
        if d0 <= day <= d1:
            return n0 + (n1 - n0) * (day - d0).days // max((d1 - d0).days, 1)
    return TOLL[-1][1]


def zipf_pick(rng: random.Random, items: list[Any], exponent: float = 1.1) -> Any:
    return rng.choices(items, weights=[1 / (rank + 1) ** exponent for rank in range(len(items))])[0]


class Article:
    """One article's scenario (date, host city, terms) and state (who was named, who spoke)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.date = date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
        self.weekdays = [(date - dt.timedelta(days=d)).strftime("%A") for d in range(7)]
        self.host = host = rng.choices(HOSTS, weights=[3 if h["id"] == "cairo" else 2
                                                       for h in HOSTS])[0]
        iso, hostages = date.isoformat(), rng.choice([18, 20, 25, 33, 33, 40])
        self.active = active = [p for p in PEOPLE if ACTIVE.get(p, ("", "9"))[0] <= iso
                                and iso <= ACTIVE.get(p, ("", "9"))[1]]
        self.cast: list[str] = []  # the article's people, most talkative first
        size = rng.randint(3, 5)
        while len(self.cast) < size:
            if (pid := zipf_pick(rng, active)) not in self.cast:
                self.cast.append(pid)
        months = (date.year - 2023) * 12 + date.month - 11
        venue = f"at {BUILDINGS[0]['name']} in Cairo" if BUILDINGS and host["id"] == "cairo" \
            else f"in {host['name']}"
        self.fixed = {  # the scenario: the same wherever the article mentions it
            "CITY": host["name"], "HOST": ACTORS[host["parent"]]["name"], "VENUE": venue,
            "HOSTDEM": ACTORS[host["parent"]]["demonyms"][0], "DAY": rng.choice(self.weekdays[:4]),
            "CITY2": rng.choice([c for c in CITIES if c is not host])["name"],
            "DAYS": str(rng.choice([21, 30, 40, 42, 45, 60])),
            "WEEKS": rng.choice(["three", "four", "six", "six", "eight"]),
            "HOSTAGES": str(hostages), "TNAME": surname(ACTORS[self.cast[0]]["name"]),
            "MONTHS": NUMBER_WORDS[months] if months <= 12 else str(months),
            "DMY": date.strftime("%d %B %Y"),
        }
        toll = toll_on(date) + rng.randint(-150, 150)
        self.counts = {"KILLED": toll, "WOUNDED": toll * 23 // 10,
                       "HELD": 132 - date.timetuple().tm_yday // 12}
        self.curly, self.mixed = rng.random() < 0.6, rng.random() < 0.1
        self.named: dict[str, str] = {}  # person id -> the form of the name the article uses
        self.speaker: tuple[str, str, str] | None = None  # (who, side, how to say it again)
        self.used: set[str] = set()
        self.ctx: dict[str, Any] = {}

    def mention(self, pid: str) -> str:
        """Title and name the first time, then mostly the surname, sometimes the title."""
        rng, person = self.rng, ACTORS[pid]
        if pid not in self.named:
            aliases = person.get("aliases") or []
            use_alias = aliases and rng.random() < 0.1
            self.named[pid] = rng.choice(aliases) if use_alias else person["name"]
            return full_mention(self.named[pid], person["title"])
        roll = rng.random()
        if roll < 0.08 and len(person["title"].split()) <= 4:
            return "the " + person["title"]
        return self.named[pid] if roll < 0.25 else surname(self.named[pid])

    def marks(self, text: str) -> str:
        left = '"' if not self.curly or (self.mixed and self.rng.random() < 0.5) else LDQ
        return f"{left}{text}{RDQ if self.curly else chr(34)}"

    def number(self, n: int) -> str:
        """'44,466', 'at least 44,466', 'nearly 44,500'."""
        qualifier = self.rng.choice(QUALIFIERS)
        if qualifier in ROUNDED and n >= 50:
            n = round(n, -2 if n >= 1000 else -1)
        return f"{qualifier} {n:,}".strip()

    def fresh(self, kind: str, skip: str = "") -> str:
        """An entry of ``T[kind]`` not used yet in this article (any, once all are used)."""
        pool = [t for t in T[kind] if t != skip]
        choice = self.rng.choice([t for t in pool if t not in self.used] or pool)
        self.used.add(choice)
        return choice

    def fill(self, template: str) -> str:
        return SLOT.sub(lambda m: self.slot(m.group(1), m.group(2)), template)

    def slot(self, name: str, arg: str | None) -> str:
        """The text for one {NAME} or {NAME:arg} slot of a template."""
        rng, speaker = self.rng, self.speaker
        if name in ("c", "q"):
            choice = rng.choice((arg or "").split("|"))
            return self.marks(choice) if name == "q" else choice
        if name in ("n", "num", "w"):
            n = rng.randint(*map(int, (arg or "").split("-")))
            return NUMBER_WORDS[n] if name == "w" else self.number(n) if name == "num" else str(n)
        if name in ("P", "P2"):  # chosen by sentence(), with the speaker
            return self.mention(self.ctx[name])
        if name in ("Q", "QC", "QL"):
            text = self.fresh("q-" + (arg or (speaker[1] if speaker else "mediator")))
            if rng.random() < 0.4 and not set(T["q-tail"]) <= self.used:
                text += ". " + self.fresh("q-tail")
            if name == "QL" and not text.startswith(("I ", "Israel")):  # after 'told X that'
                text = text[0].lower() + text[1:]
            return self.marks(text + ("," if name == "QC" else "."))
        if name in ("LAST", "HE"):
            who, _, again = speaker or ("", "", "the official")
            if name == "HE":
                return "it" if again == "the group" else "he"
            return self.mention(who) if who in ACTORS else again
        if name in POOLS:  # a name or alias of an outlet, place or body
            entry = rng.choice(POOLS[name])
            return rng.choice([entry["name"], *entry.get("aliases", [])][:3])
        if name in T:
            return self.fill(rng.choice(T[name]))
        if name in self.counts:
            return self.number(self.counts[name])
        if name == "SRC":
            return self.ctx["SRC"][0]
        return rng.choice(self.weekdays) if name == "DAY2" else self.fixed[name]

    def sentence(self, kind: str, inline: bool = False) -> str:
        """A sentence from an unused template of ``kind`` (any, once all are used).
        ``inline``: not a bare quote, which only opens a paragraph."""
        template = self.fresh(kind, skip="{Q}" if inline else "")
        self.ctx = {}
        if match := re.search(r"\{P(?::(\w+))?\}", template):
            who = [p for p in self.cast if side(p) == match.group(1)] or [
                p for p in self.active if side(p) == match.group(1)] or self.cast
            self.ctx["P"] = zipf_pick(self.rng, who, 1.4)
            self.ctx["P2"] = self.rng.choice([p for p in self.cast if p != self.ctx["P"]])
        if "{SRC}" in template:
            self.ctx["SRC"] = self.rng.choice(SOURCES)
        if kind in ("quote", "partial"):  # the speaker that 'he said' and {LAST} refer to
            if "P" in self.ctx:
                self.speaker = (self.ctx["P"], side(self.ctx["P"]), "")
            elif "SRC" in self.ctx:
                self.speaker = (*self.ctx["SRC"], "the official")
            else:
                self.speaker = ("Hamas", "hamas", "the group")
        text = self.fill(template)
        if kind not in ("quote", "partial", "cont"):
            self.speaker = None
        text = re.sub(r",(?=[.,:;])", "", text)  # 'Name, the title,' before punctuation
        text = re.sub(r"\b([Aa]) (?=[aeio])", r"\1n ", text)  # 'an eight-week pause'
        return text[0].upper() + text[1:]

    def paragraph(self, length: int) -> tuple[str, str]:
        """A paragraph of one kind of sentence, lengthened towards ``length`` words."""
        kinds = [k for k in KIND_WEIGHTS if k != "cont" or self.speaker]
        kind = self.rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]
        sentences = [self.sentence(kind)]
        while len(" ".join(sentences).split()) < length and len(sentences) < 3:
            if self.speaker and len(sentences) == 1 and sentences[0][-1] != ":":
                sentences.append(self.sentence("cont", inline=True))  # 'he added'
            else:
                sentences.append(self.sentence(self.rng.choice(FOLLOW.get(kind, ["background"]))))
        return kind, " ".join(sentences)


def compose(rng: random.Random) -> str:
    """One article: title, header, 8-20 paragraphs; 300-700 words in all."""
    art = Article(rng)
    title = art.sentence("title")
    style = rng.choices(["front", "dateline", "date-by", "published"], weights=[35, 30, 10, 25])[0]
    head = [title]
    if style == "front":
        fields = {"title": title, "outlet": rng.choice(OUTLETS)["name"], "published_on": art.date}
        dump = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
        head.insert(0, f"---\n{dump}---")
    elif style == "date-by":
        head.append(f" date {art.date.isoformat()} By {rng.choice(OUTLETS)['name']} with AP")
    elif style == "published":
        if rng.random() < 0.4:
            head.append(f"{rng.choice(OUTLETS)['name']} MIDDLE EAST")
        head.append("Published " + art.date.strftime("%b %d,%Y"))
    lead = art.sentence("lead")
    if style == "dateline":
        agency = rng.choice(["", " (AP)", " (Reuters)", " (AFP)"])
        lead = f"{art.host['name'].upper()}{agency} {DASH} {lead}"
    paras = [("lead", lead)]
    head_words = sum(len(h.split()) for h in head)
    budget, n_words = rng.randint(320, 650) - head_words, len(lead.split())
    n_paras = rng.randint(8, 18)  # a heading or caption may come on top
    while len(paras) < 18 and (len(paras) < n_paras or n_words < 300 - head_words):
        kind, text = art.paragraph(int(budget / n_paras * rng.uniform(0.6, 1.4)))
        paras.append((kind, text))
        n_words += len(text.split())
    while n_words > 670 - head_words and len(paras) > 8:  # room for a heading, caption
        n_words -= len(paras.pop()[1].split())
    for extra, chance in (("heading", 0.25), ("caption", 0.15)):
        spots = [i for i in range(2, len(paras)) if paras[i][0] != "cont"]  # not inside a quote
        if len(paras) < 20 and rng.random() < chance:
            paras.insert(rng.choice(spots[:3] if extra == "caption" else spots),
                         (extra, art.sentence(extra)))
    texts = [t for _, t in paras]
    if rng.random() < 0.1:
        texts[-1] += f" {DASH} {rng.choice(OUTLETS)['name']}"
    body = ("\n\n" if rng.random() < 0.75 else "\n").join(texts)
    return "\n".join(head) + "\n" + (body.replace("'", APOS) if art.curly else body) + "\n"


def generate(count: int, seed: int = 1) -> list[tuple[str, str]]:
    """``count`` distinct articles as (filename, text) pairs, the same for the same seed."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for index in range(1, count + 1):
        attempt = 0
        while (text := compose(random.Random(f"parley-syn:{seed}:{index}:{attempt}"))) in seen:
            attempt += 1
        seen.add(text)
        out.append((f"syn_{index:05d}.txt", text))
    return out


def write(outdir: str | Path, count: int, seed: int = 1) -> list[Path]:
    """Write the articles into ``outdir`` (created if needed); the paths written."""
    directory = Path(outdir)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(count, seed):
        paths.append(directory / name)
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    paths = write(args.outdir, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size:,} bytes in {args.outdir} "
          f"({time.perf_counter() - start:.2f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
