#!/usr/bin/env python3
"""Generates newsdesk's default gazetteer (common/src/main/resources/org/newsdesk/gazetteer/default-gazetteer.json).

Sources, all maintained upstream and named with their versions in the generated file's "source" field:
  * countries: Debian's iso-codes package, /usr/share/iso-codes/json/iso_3166-1.json (ISO 3166-1)
    (`apt-get install -y iso-codes`);
  * US states, Canadian provinces and territories, Australian states and the four UK nations:
    the same package's iso_3166-2.json, so that "New Mexico" or "New South Wales" win over "Mexico" or "Wales";
  * capitals, common English names, alternative spellings and English demonyms: the `world-countries` npm package
    (mledoze/countries, ODbL-1.0), fetched with `npm pack world-countries@VERSION`;
  * hand-curated entries: scripts/gazetteer/curated.json (people, organisations, Nagorno-Karabakh, ...);
  * the sample corpus's own entities: sample-corpus/entities.json, when present.
Curated entries come first, then the sample corpus's (which win over curated ones with the same id: name and type are
replaced, aliases and demonyms unioned), then the generated ones. A generated entry for a place the curated or sample
entries already have (same display name and type, or listed in ID_MAP) is merged into that entry, and a generated
alias that a curated or sample entry uses for something else is dropped: their judgment wins. Earlier entries also
win ties in the tagger (same text, same length).

Usage: scripts/gazetteer/generate.py [--world-countries DIR] [--out FILE]
  With no --world-countries, the script runs `npm pack world-countries@5.1.0` in a temporary directory.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

WORLD_COUNTRIES_VERSION = "5.1.0"
ISO_DIR = "/usr/share/iso-codes/json"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "common/src/main/resources/org/newsdesk/gazetteer/default-gazetteer.json")

# Display names that news English uses rather than the source's (reason in the comment).
NAME_OVERRIDES = {
    "TR": "Turkey",          # world-countries uses "Türkiye"; English-language news mostly writes Turkey
    "CZ": "Czech Republic",  # "Czechia" is rarer in news text; both are kept as names
}
# Extra aliases per ISO alpha-2 code.
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "United States", "US", "USA"],
    "GB": ["Britain", "U.K.", "UK"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo"],
    "RU": ["Россия"],
    "AM": ["Армения"],
    "AZ": ["Азербайджан"],
    "TR": ["Türkiye"],
    "CZ": ["Czechia"],
    "KR": ["Korea"],
}
EXTRA_DEMONYMS = {"AZ": ["Azeri", "Azeris", "Azerbaijanis"], "AM": ["Armenians"], "RU": ["Russians"], "TR": ["Turks"]}
# Capitals left out, with the reason.
SKIP_CAPITALS = {
    "Washington D.C.": "kept as 'Washington, D.C.' variants below: 'Washington' alone is also a person and a state",
}
EXTRA_CAPITAL_ALIASES = {"Washington D.C.": ("Washington, D.C.", ["Washington D.C.", "Washington DC"])}
SUBDIVISIONS = {"US": {"State", "District", "Outlying area"}, "CA": {"Province", "Territory"}, "AU": {"State", "Territory"},
                "GB": {"Country", "Province"}}


# Generated ids mapped onto the ids the sample corpus's entities.json uses for the same place, where the display name
# alone is ambiguous (two Georgias) or differs ("Washington, D.C." vs "Washington").
ID_MAP = {"georgia": "georgia-country", "georgia-us-ga": "georgia-us-state", "washington-d-c": "washington"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def fetch_world_countries(tmp):
    subprocess.run(["npm", "pack", "--silent", f"world-countries@{WORLD_COUNTRIES_VERSION}"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(tmp, f"world-countries-{WORLD_COUNTRIES_VERSION}.tgz")) as tar:
        tar.extractall(tmp, filter="data")
    return os.path.join(tmp, "package")


def english_words():
    """Lower-case words of the system word list (Debian wamerican), when installed."""
    try:
        with open("/usr/share/dict/american-english", encoding="utf-8") as f:
            return {w.strip() for w in f if w.strip().islower()}
    except OSError:
        return set()


WORDS = english_words()


def all_lower(text):
    return any(c.islower() for c in text) and not any(c.isupper() or c.isdigit() for c in text)


def usable_alias(text, codes):
    """Names with a comma are ISO's inverted forms ("Korea, Republic of"); bare codes are not names in text; a
    one-word alternative spelling that folds to an English word (Icelandic "Ísland" -> "island", "Emirates") would tag
    common words at the start of sentences and in title-case headlines."""
    if not text or "," in text or "(" in text or text in codes or len(text) <= 2:
        return False
    if all_lower(text):
        return False  # a transcription such as "ʁɛpublika de an'ɡɔla": newsdesk refuses all-lower-case aliases
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return not (" " not in text and "-" not in text and not text.isupper() and folded in WORDS)


class Builder:
    def __init__(self):
        self.entries = {}
        self.strong = {}

    def add(self, entry):
        old = self.entries.get(entry["id"])
        if old is None:
            self.entries[entry["id"]] = {"id": entry["id"], "name": entry["name"], "type": entry["type"],
                                         "aliases": list(entry.get("aliases", [])),
                                         "demonyms": list(entry.get("demonyms", []))}
            return
        if old["name"] != entry["name"]:
            old["aliases"].append(old["name"])
        old["name"], old["type"] = entry["name"], entry["type"]
        old["aliases"] += entry.get("aliases", [])
        old["demonyms"] += entry.get("demonyms", [])

    def add_generated(self, entry):
        """Adds a generated entry under the id a curated or sample entry already uses for the same place, if any;
        curated and sample names, types and alias choices win over generated ones."""
        ident = ID_MAP.get(entry["id"], entry["id"])
        if ident not in self.entries:
            same = [e for e in self.strong.values() if e["type"] == entry["type"] and fold(e["name"]) == fold(entry["name"])]
            if len(same) == 1:
                ident = same[0]["id"]
        taken = {fold(n) for e in self.strong.values() if e["id"] != ident for n in [e["name"]] + e["aliases"]}
        aliases = [a for a in entry.get("aliases", []) if fold(a) not in taken]
        old = self.entries.get(ident)
        if old is None:
            self.entries[ident] = {"id": ident, "name": entry["name"], "type": entry["type"], "aliases": aliases,
                                   "demonyms": list(entry.get("demonyms", []))}
        else:
            old["aliases"] += ([entry["name"]] if fold(entry["name"]) not in taken else []) + aliases
            old["demonyms"] += entry.get("demonyms", [])

    def freeze_strong(self):
        """Marks the entries so far (curated and sample) as the ones generated entries must not contradict."""
        self.strong = {k: dict(v) for k, v in self.entries.items()}

    def result(self):
        out = []
        for e in self.entries.values():
            e["aliases"] = [a for a in dict.fromkeys(x.strip() for x in e["aliases"]) if a and a != e["name"]]
            e["demonyms"] = [d for d in dict.fromkeys(x.strip() for x in e["demonyms"]) if d]
            entry = {"id": e["id"], "name": e["name"], "type": e["type"]}
            if e["aliases"]:
                entry["aliases"] = e["aliases"]
            if e["demonyms"]:
                entry["demonyms"] = e["demonyms"]
            out.append(entry)
        return out


def countries(builder, iso, wc_by_code):
    ids = {}
    for c in iso:
        code = c["alpha_2"]
        wc = wc_by_code.get(code, {})
        codes = {code, c["alpha_3"], c["numeric"]}
        name = NAME_OVERRIDES.get(code) or (wc.get("name", {}).get("common")) or c.get("common_name") or c["name"]
        aliases = [c["name"], c.get("common_name", ""), c.get("official_name", "")]
        if wc:
            aliases += [wc["name"]["common"], wc["name"]["official"]] + wc.get("altSpellings", [])
        aliases += EXTRA_ALIASES.get(code, [])
        demonyms = []
        eng = wc.get("demonyms", {}).get("eng")
        if eng:
            demonyms += [eng["m"], eng["f"]]
        demonyms += EXTRA_DEMONYMS.get(code, [])
        ident = slug(name)
        ids[code] = ident
        builder.add_generated({"id": ident, "name": name, "type": "LOCATION",
                     "aliases": [a for a in aliases if usable_alias(a, codes)] + EXTRA_ALIASES.get(code, []),
                     "demonyms": demonyms})
    return ids


def capitals(builder, wc_list, country_ids):
    count = 0
    for wc in wc_list:
        for cap in wc.get("capital", []):
            country_name = wc["name"]["common"]
            if cap == country_name or slug(cap) in country_ids.values():
                continue  # city-states: Singapore, Monaco, ... the country entry covers the name
            name, aliases = cap, []
            if cap in EXTRA_CAPITAL_ALIASES:
                name, aliases = EXTRA_CAPITAL_ALIASES[cap]
            ident = slug(name)
            if ident in builder.entries and builder.entries[ident]["type"] != "LOCATION":
                ident += "-" + wc["cca2"].lower()
            builder.add_generated({"id": ident, "name": name, "type": "LOCATION", "aliases": aliases})
            count += 1
    return count


def subdivisions(builder, sub):
    count = 0
    for s in sub:
        country = s["code"][:2]
        if country in SUBDIVISIONS and s["type"] in SUBDIVISIONS[country] and "parent" not in s:
            name = re.sub(r"\s*\[.*\]$", "", s["name"])
            if any(fold(e["name"]) == fold(name) for e in builder.entries.values() if e["id"] not in builder.strong):
                continue  # US outlying areas are also ISO 3166-1 countries (Guam, Puerto Rico, ...)
            ident = slug(name)
            if ident in builder.entries and ident not in builder.strong:
                ident = slug(name + "-" + s["code"])
            builder.add_generated({"id": ident, "name": name, "type": "LOCATION"})
            count += 1
    return count


def load_gazetteer(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != "newsdesk-gazetteer/1":
        sys.exit(f"{path}: not a newsdesk-gazetteer/1 file")
    return data["entities"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--world-countries", help="an unpacked world-countries package directory")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    iso_version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], capture_output=True, text=True).stdout.strip()
    if not os.path.exists(os.path.join(ISO_DIR, "iso_3166-1.json")):
        sys.exit("iso-codes is not installed: apt-get update && apt-get install -y iso-codes")
    with open(os.path.join(ISO_DIR, "iso_3166-1.json"), encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(os.path.join(ISO_DIR, "iso_3166-2.json"), encoding="utf-8") as f:
        sub = json.load(f)["3166-2"]
    with tempfile.TemporaryDirectory() as tmp:
        wc_dir = args.world_countries or fetch_world_countries(tmp)
        with open(os.path.join(wc_dir, "countries.json"), encoding="utf-8") as f:
            wc_list = json.load(f)
        with open(os.path.join(wc_dir, "package.json"), encoding="utf-8") as f:
            wc_version = json.load(f)["version"]
    wc_by_code = {c["cca2"]: c for c in wc_list}
    builder = Builder()
    for e in load_gazetteer(os.path.join(HERE, "curated.json")):
        builder.add(e)
    sample = os.path.join(REPO, "sample-corpus", "entities.json")
    sources = [f"ISO 3166-1 countries and ISO 3166-2 subdivisions from Debian iso-codes {iso_version}",
               f"capitals, common names, alternative spellings and demonyms from the world-countries npm package {wc_version} (mledoze/countries, ODbL-1.0)",
               "hand-curated entries from scripts/gazetteer/curated.json"]
    if os.path.exists(sample):
        for e in load_gazetteer(sample):
            kept = [a for a in e.get("aliases", []) if not all_lower(a)]
            for a in e.get("aliases", []):
                if a not in kept:
                    print(f"sample-corpus/entities.json: {e['id']}: alias {a!r} left out: all lower case "
                          "(newsdesk refuses aliases that would match common words)", file=sys.stderr)
            builder.add(dict(e, aliases=kept))
        sources.append("the sample corpus's sample-corpus/entities.json")
    builder.freeze_strong()
    country_ids = countries(builder, iso, wc_by_code)
    missing = [c for c in wc_list if c["cca2"] not in country_ids]  # e.g. Kosovo (XK) is not in ISO 3166-1
    countries(builder, [{"alpha_2": c["cca2"], "alpha_3": c["cca3"], "numeric": c.get("ccn3", ""), "name": c["name"]["common"]}
                        for c in missing], wc_by_code)
    n_caps = capitals(builder, wc_list, country_ids)
    n_subs = subdivisions(builder, sub)
    entities = builder.result()
    lines = ["{", '  "format": "newsdesk-gazetteer/1",',
             '  "source": ' + json.dumps("generated by scripts/gazetteer/generate.py; do not edit by hand. Sources: " + "; ".join(sources), ensure_ascii=False) + ",",
             '  "entities": [']
    lines.append(",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entities))
    lines += ["  ]", "}", ""]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {args.out}: {len(entities)} entities ({len(country_ids) + len(missing)} countries, {n_caps} capitals, "
          f"{n_subs} subdivisions)", file=sys.stderr)


if __name__ == "__main__":
    main()
