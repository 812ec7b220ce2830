"""The generator's gazetteers: actors, locations, statistic series and proposals."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from pathlib import Path

import yaml

from api import search
from api.names import fold, search_key
from seed.ids import record_id

from .model import Actor, Proposal, iso, slug, zipf_weights
from .tables import CURATED, Batch
from .text import SLOTS
from .vocabulary import (
    ARAB,
    FAMOUS,
    FIRST_NAMES,
    ISRAELI,
    LAST_NAMES,
    LOCATIONS,
    MEDIATOR_STATES,
    MINISTRIES,
    MONTHS,
    ORGANIZATIONS,
    OUTLETS,
    SERIES,
    SHELTER_PLACES,
    STATES,
)

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"


class GazetteerMixin:
    """Builds, from ``seed/*.yaml`` and the vocabulary, the actors, locations and series
    (at construction) and the proposals (in ``gazetteer``); part of ``Generator``, whose
    ``sample_days`` and ``_document`` it uses."""

    scale: int
    rng: random.Random

    def _actors(self) -> None:
        rng = self.rng
        actors: list[Actor] = []
        for entry in yaml.safe_load((SEED_DIR / "actors.yaml").read_text()):
            actors.append(Actor(entry["id"], entry["name"], entry["kind"], entry.get("title"),
                                entry.get("affiliation"), list(entry.get("aliases") or []),
                                (entry.get("demonyms") or [None])[0]))
        known = {a.id for a in actors}
        for sid, name, demonym, aliases in STATES:
            actors.append(Actor(sid, name, "state", aliases=aliases, demonym=demonym))
        for oid, name, kind, aliases in ORGANIZATIONS:
            actors.append(Actor(oid, name, kind, aliases=aliases))
        for name in OUTLETS:
            actors.append(Actor(slug(name), name, "media_outlet"))
        states = [a for a in actors if a.kind == "state"]
        for state in states:
            for ministry in MINISTRIES:
                name = f"{state.demonym} {ministry}"
                if slug(name) not in known:
                    actors.append(Actor(slug(name), name, "government_body",
                                        f"{ministry} of {state.name}", state.id))
        # People: more of them at larger scales ("several hundred" actors in all).
        affiliations = [a for a in actors if a.kind not in ("media_outlet",)]
        people = int(150 + 40 * math.log10(max(self.scale, 10)))
        names_used = {fold(a.name) for a in actors}
        made = 0
        while made < people:
            home = rng.choice(affiliations)
            region = ("israeli" if home.id in ISRAELI or home.affiliation in ISRAELI
                      else "arab" if home.id in ARAB or home.affiliation in ARAB else "other")
            first, last = rng.choice(FIRST_NAMES[region]), rng.choice(LAST_NAMES[region])
            name = f"{first} {last}"
            if fold(name) in names_used:
                continue
            names_used.add(fold(name))
            actors.append(Actor(slug(name), name, "person", self._title(home), home.id,
                                [f"{first[0]}. {last}"] if rng.random() < 0.3 else []))
            made += 1
        self.actors = actors
        self.by_id = {a.id: a for a in actors}
        assert len(self.by_id) == len(actors), "actor ids must be unique"
        speakers = [a for a in actors if a.kind != "media_outlet"]
        famous = [self.by_id[i] for i in FAMOUS]
        rest = [a for a in speakers if a.id not in FAMOUS]
        rng.shuffle(rest)
        self.speakers = famous + rest
        self.speaker_weights = zipf_weights(len(self.speakers))
        self.outlets = [a for a in actors if a.kind == "media_outlet"]
        self.outlet_weights = zipf_weights(len(self.outlets), 0.8)
        self.people = [a for a in self.speakers if a.kind == "person"]
        self.people_weights = zipf_weights(len(self.people))

    def _title(self, home: Actor) -> str:
        rng = self.rng
        if home.kind == "state":
            return f"{home.demonym} " + rng.choice([
                "Foreign Minister", "Defence Minister", "Deputy Foreign Minister",
                "ambassador to the United Nations", "envoy to the Middle East",
                "government spokesperson", "National Security Adviser", "Minister of State"])
        if home.kind == "armed_group":
            return rng.choice([f"Senior {home.name} official", f"{home.name} spokesman",
                               f"Member of the {home.name} political bureau"])
        if home.kind == "international_organization":
            return rng.choice([f"{home.name} spokesperson", f"{home.name} Special Coordinator",
                               f"Head of {home.name}"])
        if home.kind == "political_party":
            return rng.choice([f"{home.name} leader", f"{home.name} lawmaker"])
        if home.kind == "person":
            return f"Adviser to {home.name}"
        return rng.choice([f"Spokesperson for the {home.name}", f"Director of the {home.name}"])

    def _locations(self) -> None:
        rows = yaml.safe_load((SEED_DIR / "locations.yaml").read_text())
        places = [(e["id"], e["name"], e["kind"], e.get("parent"), e.get("country_code"),
                   e.get("latitude"), e.get("longitude"), list(e.get("aliases") or []))
                  for e in rows]
        known = {p[0] for p in places}
        places += [p for p in LOCATIONS if p[0] not in known]
        # Shelters: more of them at larger scales.
        gaza = [p for p in places if p[3] == "gaza-strip" and p[2] == "city"]
        for n in range(int(10 * math.log10(max(self.scale, 10)))):
            city = gaza[n % len(gaza)]
            places.append((f"unrwa-school-{city[0]}-{n + 1}",
                           f"UNRWA school {n + 1} in {city[1]}", "building", city[0], "PS",
                           None, None, []))
        self.locations = places
        self.location_names = {p[0]: p[1] for p in places}

    def _series(self) -> None:
        series = list(SERIES)
        for place in SHELTER_PLACES:
            name = self.location_names[place]
            series.append(("sheltering", f"Displaced people in {name}", place, "people", False,
                           {"unrwa": 3, "ocha": 2, None: 1},
                           [("2023-10-07", 5000), ("2024-02-01", 400000 if place == "rafah"
                                                   else 150000),
                            ("2024-06-01", 60000), ("2025-10-10", 90000),
                            ("2026-10-31", 50000)], 1))
            series.append(("displaced", f"Palestinians displaced from {name}", place, "people",
                           True, {"ocha": 3, "gaza-government-media-office": 2},
                           [("2023-10-07", 1000), ("2024-01-01", 120000),
                            ("2025-10-10", 200000), ("2026-10-31", 210000)], 1))
        # Knots as (ordinal day, value); claimants split into choices and their weights.
        self.series = []
        for metric, population, place, unit, since, claimants, knots, _weight in series:
            knots = [(dt.date.fromisoformat(d).toordinal(), v) for d, v in knots]
            self.series.append((metric, population, place, unit, since,
                                list(claimants), list(claimants.values()), knots))
        self.series_weights = list(itertools.accumulate(s[-1] for s in series))

    def gazetteer(self) -> Batch:
        """Actors, locations and proposals: the first batch, parents of all the others."""
        batch = Batch()
        order = {a.id: n for n, a in enumerate(self.actors)}
        # Parents first: affiliations point back to earlier actors or to seed ones.
        for actor in sorted(self.actors, key=lambda a: (self._depth(a), order[a.id])):
            batch["actor"].append((actor.id, actor.name, actor.kind, actor.title,
                                   actor.affiliation, search_key([actor.name, *actor.aliases]),
                                   *CURATED))
            batch["actor_alias"] += [(actor.id, alias) for alias in dict.fromkeys(actor.aliases)]
        for pid, name, kind, parent, code, lat, lon, aliases in self.locations:
            batch["location"].append((pid, name, kind, parent, code, lat, lon,
                                      search_key([name, *aliases])))
            batch["location_alias"] += [(pid, alias) for alias in dict.fromkeys(aliases)]
        self._proposals(batch)
        return batch

    def _depth(self, actor: Actor) -> int:
        depth = 0
        while actor.affiliation:
            actor, depth = self.by_id[actor.affiliation], depth + 1
        return depth

    def _proposals(self, batch: Batch) -> None:
        rng = self.rng
        count = max(6, self.scale // 2000)
        launches = self.sample_days(count)
        launches[0] = dt.date(2023, 10, 20)
        launches.sort()
        proposers = ["egypt", "qatar", "united-states", "israel", "hamas", "france",
                     "united-nations"]
        kinds = ["ceasefire proposal", "truce plan", "hostage deal framework",
                 "framework agreement", "peace plan", "bridging proposal"]
        self.proposals: list[Proposal] = []
        keys: set[str] = set()
        latest_by: dict[str, Proposal] = {}
        for launched in launches:
            proposer = self.by_id[rng.choices(proposers, [5, 5, 5, 2, 1, 1, 1])[0]]
            kind = rng.choice(kinds)
            adjective = proposer.demonym or proposer.name
            month = f"{MONTHS[launched.month - 1]} {launched.year}"
            key = f"{proposer.id}-{slug(kind)}-{launched:%Y-%m}"
            n = 1
            while key in keys:
                n += 1
                key = f"{proposer.id}-{slug(kind)}-{launched:%Y-%m}-{n}"
            keys.add(key)
            issues = rng.sample(SLOTS["ISSUE"], 3)
            summary = (f"A {kind} put forward by {proposer.mention}, providing for "
                       f"{issues[0][0]}, {issues[1][0]} and {issues[2][0]}.")
            revises = latest_by.get(proposer.id) if rng.random() < 0.4 else None
            stage = rng.choices(["floated", "tabled", "agreed_in_principle", "agreed",
                                 "in_force"], [3, 6, 2, 1, 1])[0]
            status = ("superseded" if revises is None and rng.random() < 0.2 else
                      rng.choices(["open", "accepted", "rejected", "withdrawn"], [6, 1, 2, 1])[0])
            proposal = Proposal(record_id("proposal", key), key,
                                f"{adjective} {kind} ({month})", f"the {adjective} {kind}",
                                launched, proposer.id)
            proposal.row = (proposal.id, key, proposal.name, summary, stage, status,
                            iso(launched), revises.id if revises else None, None, "day",
                            "stated", None, *CURATED)
            latest_by[proposer.id] = proposal
            self.proposals.append(proposal)
            batch["proposal"].append(proposal.row)
            parties = {(proposer.id, "proposer")}
            for mediator in rng.sample(MEDIATOR_STATES, rng.randint(1, 2)):
                if mediator != proposer.id:
                    parties.add((mediator, "mediator"))
            parties |= {("israel", "party"), ("hamas", "party")}
            if rng.random() < 0.3:
                parties.add((rng.choice(["united-states", "egypt", "qatar", "turkey"]),
                             "guarantor"))
            batch["proposal_party"] += [(proposal.id, a, r) for a, r in sorted(parties)]
        self.launch_days = [p.launched for p in self.proposals]

    def proposal_documents(self) -> Batch:
        """Search documents of the proposals, once every term is known: the last batch."""
        batch = Batch()
        for proposal in self.proposals:
            content = " ".join([proposal.row[3], *proposal.term_texts])
            self._document(batch, "proposal", proposal.id, proposal.name, content,
                           search.terms(proposal.name, content))
        return batch
