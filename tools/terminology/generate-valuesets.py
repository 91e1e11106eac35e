#!/usr/bin/env python3
"""Generate CdsBone's concept-class ValueSets (FHIR R4 JSON) from the code lists in shared/terminology.

Each class of CLINICAL-RULES.md §5 "Concept classes" becomes one ValueSet with:
  - url, version, title, status, the class it defines (extension concept-class),
  - compose.include: the enumerated codes per system, each concept naming the published value set(s) it came from
    (extension source-value-set, canonical url|version), and compose.exclude: codes that are never members,
  - expansion.contains: the same codes, which is what the service loads.
Codes that CLINICAL-RULES.md names for a class but no published expansion holds are included with source
"CLINICAL-RULES.md" (and flagged unverified where the code lists say so).

Usage: tools/terminology/generate-valuesets.py [--shared ../shared] [--out src/CdsBone.Fhir/Terminology/ValueSets]
Deterministic: the same input gives byte-identical output (no timestamps from the clock).
"""
import argparse
import csv
import json
import os
import sys

CANONICAL = "https://cdsbone.example.org/fhir"
VERSION = "2026.12-1"
DATE = "2026-12-01"
EXT_CLASS = f"{CANONICAL}/StructureDefinition/concept-class"
EXT_SOURCE = f"{CANONICAL}/StructureDefinition/source-value-set"
EXT_UNVERIFIED = f"{CANONICAL}/StructureDefinition/unverified"
EXT_EXCLUSION_REASON = f"{CANONICAL}/StructureDefinition/exclusion-reason"
RULES_DOC = "CLINICAL-RULES.md"
SNOMED = "http://snomed.info/sct"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"

# class code -> (file stem, title, description, list files, exclusion files, named codes, named exclusions)
# Named codes: (system, code, display, unverified) that CLINICAL-RULES.md names for the class.
CLASSES = [
    ("breast-cancer", "Breast cancer (oncology context)",
     "Breast carcinoma of any category (primary, metastatic from breast, remission) and a personal history of it: the "
     "oncology context of CLINICAL-RULES.md §5. Selected from complete published cancer expansions; metastasis to the "
     "breast, skin cancers of the breast skin, sarcoma, lymphoma, uncertain behaviour and family history are excluded.",
     ["breast-cancer.tsv"], ["breast-cancer-excluded.tsv"],
     [(SNOMED, "254837009", "Malignant neoplasm of breast (disorder)", False),
      (SNOMED, "429087003", "History of malignant neoplasm of breast (situation)", True),
      (SNOMED, "109889007", "Ductal carcinoma in situ of breast", True),
      (SNOMED, "397016007", "Ductal carcinoma in situ of breast (disorder)", True),
      (SNOMED, "109888004", "Lobular carcinoma in situ of breast", True),
      # Kept from the first ruleset (CLINICAL-RULES.md §4b, V): a hormone-receptor-positive tumour on an aromatase
      # inhibitor is oncology-managed whatever the organ; deferring to oncology is the safe reading.
      (SNOMED, "416053008", "Estrogen receptor positive tumor (disorder)", False)],
     [(SNOMED, "429740004", "Family history of malignant neoplasm of breast (situation)", "family history, not personal history"),
      (ICD10CM, "Z80.3", "Family history of malignant neoplasm of breast", "family history, not personal history"),
      (ICD10CM, "C79.81", "Secondary malignant neoplasm of breast", "metastasis to the breast from another primary"),
      (ICD10CM, "D48.6", "Neoplasm of uncertain behavior of breast", "uncertain behaviour"),
      (ICD10CM, "D49.3", "Neoplasm of unspecified behavior of breast", "unspecified behaviour")]),
    ("breast-cancer-therapy", "Breast-cancer-only therapies",
     "Products prescribed only for breast cancer (letrozole/ribociclib co-packs): an active, on-hold or draft order sets "
     "the oncology context (CLINICAL-RULES.md §5).",
     [], [],
     [(RXNORM, "1923053", "{28 (letrozole 2.5 MG Oral Tablet) / 21 (ribociclib 200 MG Oral Tablet) } Pack", False),
      (RXNORM, "1923055", "{28 (letrozole 2.5 MG Oral Tablet) / 42 (ribociclib 200 MG Oral Tablet) } Pack", False),
      (RXNORM, "1923057", "{28 (letrozole 2.5 MG Oral Tablet) / 63 (ribociclib 200 MG Oral Tablet) } Pack", False)],
     []),
    ("osteoporosis", "Osteoporosis (systemic)",
     "Osteoporosis with or without current fracture (VSAC), less the localized forms (S3).",
     ["osteoporosis.tsv"], ["osteoporosis-excluded.tsv"],
     [(SNOMED, "64859006", "Osteoporosis (disorder)", False), (SNOMED, "203438009", "Vertebral osteoporosis (disorder)", False)],
     []),
    ("osteoporotic-fracture", "Osteoporotic (fragility) fracture",
     "VSAC Osteoporotic Fractures and fracture/collapse concepts (S3).",
     ["osteoporotic-fracture.tsv"], [], [], []),
    ("pregnancy", "Pregnancy",
     "VSAC eCQM Pregnancy and Pregnant State (S1).",
     ["pregnancy.tsv"], [], [(SNOMED, "77386006", "Pregnancy (finding)", False)], []),
    ("premature-menopause", "Premature menopause",
     "VSAC Premature Menopause: the menopausal status is unknown without FSH/E2 evidence.",
     ["premature-menopause.tsv"], [], [], []),
    ("bilateral-oophorectomy", "Bilateral oophorectomy",
     "VSAC Bilateral Oophorectomy, less the rows that may keep an ovary: postmenopausal status.",
     ["bilateral-oophorectomy.tsv"], [], [], []),
    ("gynecomastia", "Gynecomastia", "Estrogen-excess symptom (T1). No published expansion: the code CLINICAL-RULES.md names.",
     [], [], [(SNOMED, "4754008", "Gynecomastia (disorder)", False)], []),
    ("mastodynia", "Mastodynia", "Estrogen-excess symptom (T1). No published expansion: the code CLINICAL-RULES.md names.",
     [], [], [(SNOMED, "53430007", "Mastodynia", False)], []),
    ("premenopausal", "Premenopausal state", "No published expansion: the code CLINICAL-RULES.md names.",
     [], [], [(SNOMED, "22636003", "Premenopausal state (finding)", False)], []),
    ("postmenopausal", "Postmenopausal state", "No published expansion: the code CLINICAL-RULES.md names.",
     [], [], [(SNOMED, "76498008", "Postmenopausal state (finding)", False)], []),
    ("osteopenia", "Osteopenia", "Shown on cards only. The code CLINICAL-RULES.md §4b names.",
     [], [], [(SNOMED, "312894000", "Osteopenia (disorder)", False)], []),
    ("hypogonadism", "Hypogonadism", "Shown on cards only. The code CLINICAL-RULES.md §4b names.",
     [], [], [(SNOMED, "48130008", "Hypogonadism (disorder)", False)], []),
    ("aromatase-inhibitor", "Aromatase inhibitors",
     "VSAC Aromatase Inhibitors (product level) and the RxNorm codes CLINICAL-RULES.md §4a names (ingredients included).",
     ["aromatase-inhibitors.tsv"], [],
     [(RXNORM, "84857", "anastrozole", False), (RXNORM, "199224", "anastrozole 1 MG Oral Tablet", False),
      (RXNORM, "151124", "anastrozole 1 MG Oral Tablet [Arimidex]", False), (RXNORM, "72965", "letrozole", False),
      (RXNORM, "200064", "letrozole 2.5 MG Oral Tablet", False), (RXNORM, "258494", "exemestane", False),
      (RXNORM, "310261", "exemestane 25 MG Oral Tablet", False)],
     []),
    ("gnrh-agonist", "GnRH agonists",
     "RxNorm products of goserelin, leuprolide and triptorelin (VSAC ADT sets; antagonists removed): ovarian suppression.",
     ["gnrh-agonists.tsv"], [], [], []),
]


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def latest_versions(shared):
    """Canonical url -> (version, expansion timestamp, title) of the newest expansion read (sources.tsv)."""
    best = {}
    for row in read_tsv(os.path.join(shared, "terminology", "sources.tsv")):
        url, stamp = row["url"], row["expansion_timestamp"]
        if url not in best or stamp > best[url][1]:
            best[url] = (row["version"], stamp, row["title"])
    return best


def canonical(url, versions):
    if url not in versions:
        sys.exit(f"error: source value set {url} is not in sources.tsv")
    return f"{url}|{versions[url][0]}"


def sources_of(row):
    text = row.get("source_value_sets") or row.get("source_value_set") or ""
    return [s for s in text.split() if s]


def build(cls, shared, versions):
    code, title, description, lists, exclusion_lists, named, named_exclusions = cls
    members = {}  # (system, code) -> {display, sources, unverified}
    for name in lists:
        for row in read_tsv(os.path.join(shared, "terminology", name)):
            key = (row["system"], row["code"].strip())
            entry = members.setdefault(key, {"display": row["display"], "sources": [], "unverified": False})
            for s in sources_of(row):
                c = canonical(s, versions)
                if c not in entry["sources"]:
                    entry["sources"].append(c)
    for system, c, display, unverified in named:
        entry = members.setdefault((system, c), {"display": display, "sources": [], "unverified": unverified})
        if not entry["sources"]:
            entry["unverified"] = unverified
    excluded = {}
    for name in exclusion_lists:
        for row in read_tsv(os.path.join(shared, "terminology", name)):
            excluded[(row["system"], row["code"].strip())] = (row["display"], row.get("why_excluded") or "localized form, not systemic")
    for system, c, display, why in named_exclusions:
        excluded.setdefault((system, c), (display, why))
    clash = set(members) & set(excluded)
    if clash:
        sys.exit(f"error: {code}: codes both included and excluded: {sorted(clash)}")

    all_sources = sorted({s for m in members.values() for s in m["sources"]})
    ordered = sorted(members.items(), key=lambda kv: (kv[0][0], kv[0][1]))
    include = []
    for system in sorted({k[0] for k in members}):
        concepts = []
        for (sys_, c), m in ordered:
            if sys_ != system:
                continue
            concept = {"code": c, "display": m["display"]}
            ext = [{"url": EXT_SOURCE, "valueCanonical": s} for s in m["sources"]]
            if not m["sources"]:
                ext.append({"url": EXT_SOURCE, "valueString": RULES_DOC})
            if m["unverified"]:
                ext.append({"url": EXT_UNVERIFIED, "valueBoolean": True})
            concept["extension"] = ext
            concepts.append(concept)
        include.append({"system": system, "concept": concepts})
    exclude = []
    for system in sorted({k[0] for k in excluded}):
        concepts = [{"code": c, "display": d, "extension": [{"url": EXT_EXCLUSION_REASON, "valueString": why}]}
                    for (sys_, c), (d, why) in sorted(excluded.items()) if sys_ == system]
        exclude.append({"system": system, "concept": concepts})
    compose = {"include": include}
    if exclude:
        compose["exclude"] = exclude
    name = "CdsBone" + "".join(p.capitalize() for p in code.split("-"))
    return {
        "resourceType": "ValueSet",
        "id": f"cdsbone-{code}",
        "extension": [{"url": EXT_CLASS, "valueCode": code}] + [{"url": EXT_SOURCE, "valueCanonical": s} for s in all_sources],
        "url": f"{CANONICAL}/ValueSet/{code}",
        "version": VERSION,
        "name": name,
        "title": title,
        "status": "active",
        "experimental": False,
        "date": DATE,
        "publisher": "CdsBone",
        "description": description + " Generated by tools/terminology/generate-valuesets.py from shared/terminology; "
                                     "SNOMED CT and CPT are used under their licences.",
        "compose": compose,
        "expansion": {
            "identifier": f"urn:cdsbone:valueset:{code}:{VERSION}",
            "timestamp": f"{DATE}T00:00:00Z",
            "total": len(ordered),
            "contains": [{"system": s, "code": c, "display": m["display"]} for (s, c), m in ordered],
        },
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    parser.add_argument("--out", default=os.path.join(root, "src", "CdsBone.Fhir", "Terminology", "ValueSets"))
    args = parser.parse_args()
    versions = latest_versions(args.shared)
    os.makedirs(args.out, exist_ok=True)
    for cls in CLASSES:
        vs = build(cls, args.shared, versions)
        path = os.path.join(args.out, f"{cls[0]}.json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump(vs, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{path}: {vs['expansion']['total']} codes, {sum(len(e['concept']) for e in vs['compose'].get('exclude', []))} excluded")


if __name__ == "__main__":
    main()
