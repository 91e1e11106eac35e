#!/usr/bin/env python3
"""Generates CdsBone's own test patients: complete CDS Hooks requests, dated relative to 2025-06-01 like the visible
fixtures (../../../../../shared/fixtures/visible), with expected.json in the same format. Run it from this folder and
commit its output; the tests read the JSON only."""
import datetime as dt
import hashlib
import json
import uuid

AS_OF = dt.date(2025, 6, 1)
LOINC, RXNORM, SNOMED, UCUM = "http://loinc.org", "http://www.nlm.nih.gov/research/umls/rxnorm", "http://snomed.info/sct", "http://unitsofmeasure.org"


def day(days_ago):
    return (AS_OF - dt.timedelta(days=days_ago)).isoformat() + "T08:30:00Z"


def birth(age):
    return AS_OF.replace(year=AS_OF.year - age).isoformat().replace("-06-01", "-05-02")


class Patient:
    def __init__(self, pid, sex, age):
        self.pid, self.sex, self.age = pid, sex, age
        self.obs, self.meds, self.conds, self.drafts, self.n = [], [], [], [], 0

    def _id(self, kind):
        self.n += 1
        return f"{self.pid}-{kind}-{self.n}"

    def lab(self, code, value, unit, days_ago, status="final", method=None, note=None, comparator=None, system=UCUM, ucum=None, body_site=None, device=None):
        q = {"value": value, "unit": unit}
        if system:
            q["system"] = system
            q["code"] = ucum or unit
        if comparator:
            q["comparator"] = comparator
        o = {"resourceType": "Observation", "id": self._id("obs"), "status": status,
             "code": {"coding": [{"system": LOINC, "code": code}]},
             "subject": {"reference": f"Patient/{self.pid}"}, "effectiveDateTime": day(days_ago), "valueQuantity": q}
        if method:
            o["method"] = {"text": method}
        if note:
            o["note"] = [{"text": note}]
        if body_site:
            o["bodySite"] = {"text": body_site}
        if device:
            o["device"] = {"display": device}
        self.obs.append(o)
        return self

    def e2(self, value, days_ago, unit="pg/mL", method="LC-MS/MS", **kw):
        return self.lab("2243-4" if "g" in unit else "14715-7", value, unit, days_ago, method=method, **kw)

    def tscore(self, code, value, days_ago, **kw):
        return self.lab(code, value, "T-score", days_ago, ucum="1", **kw)

    def med(self, text=None, rxnorm=None, status="active", dose=(0.5, 2, "wk"), draft=False):
        concept = {"text": text} if text else {}
        if rxnorm:
            concept["coding"] = [{"system": RXNORM, "code": rxnorm}]
            concept.setdefault("text", rxnorm)
        m = {"resourceType": "MedicationRequest", "id": self._id("draft" if draft else "med"), "status": "draft" if draft else status,
             "intent": "order", "subject": {"reference": f"Patient/{self.pid}"}, "medicationCodeableConcept": concept}
        if dose:
            mg, freq, unit = dose
            m["dosageInstruction"] = [{"timing": {"repeat": {"frequency": freq, "period": 1, "periodUnit": unit}},
                                       "doseAndRate": [{"doseQuantity": {"value": mg, "unit": "mg", "system": UCUM, "code": "mg"}}]}]
        (self.drafts if draft else self.meds).append(m)
        return self

    def cond(self, code=None, text=None, status="active"):
        c = {"resourceType": "Condition", "id": self._id("cond"),
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": status}]},
             "code": {"text": text} if text else {}, "subject": {"reference": f"Patient/{self.pid}"}}
        if code:
            c["code"]["coding"] = [{"system": SNOMED, "code": code}]
        self.conds.append(c)
        return self

    def request(self, hook="order-sign", conditions="bundle", selections=None):
        def bundle(resources):
            return {"resourceType": "Bundle", "type": "searchset", "total": len(resources),
                    "entry": [{"fullUrl": f"http://fhir.example.test/fhir/{r['resourceType']}/{r['id']}", "resource": r} for r in resources]}
        context = {"userId": "Practitioner/example-prescriber", "patientId": self.pid}
        if hook != "patient-view":
            context["draftOrders"] = {"resourceType": "Bundle", "entry": [{"resource": r} for r in self.drafts]}
        if selections is not None:
            context["selections"] = selections
        prefetch = {"patient": {"resourceType": "Patient", "id": self.pid, "gender": self.sex, "birthDate": birth(self.age)},
                    "observations": bundle(self.obs), "medications": bundle(self.meds)}
        if conditions == "bundle":
            prefetch["conditions"] = bundle(self.conds)
        elif conditions == "null":
            prefetch["conditions"] = None
        return {"hookInstance": str(uuid.UUID(hashlib.md5(self.pid.encode()).hexdigest(), version=4)), "hook": hook, "context": context, "prefetch": prefetch}


ANASTROZOLE = "199224"
CYPIONATE = "835840"
patients, expected = {}, {}


def add(p, expect, **kw):
    service = {"order-sign": "anastrozole-order-sign", "order-select": "anastrozole-order-select", "patient-view": "anastrozole-patient-view"}
    req = p.request(**kw)
    patients[p.pid] = req
    expected[p.pid] = {"service": service[req["hook"]], **expect}


dxa_ok = lambda p, d=300: p.tscore("38267-1", -0.3, d).tscore("38264-8", 0.2, d)

add(dxa_ok(Patient("P01-pmol-units", "male", 50).med(rxnorm=CYPIONATE, dose=None).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True)
           .e2(62, 14, unit="pmol/L")),
    {"require": ["stop"], "forbid": ["no-change", "start-consider"], "min_indicator": "warning", "summary_contains": "16.9 pg/mL"})
add(dxa_ok(Patient("P02-comparator-below-5", "male", 52).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True).e2(5, 10, comparator="<")),
    {"require": ["stop"], "min_indicator": "critical"})
add(dxa_ok(Patient("P03-entered-in-error", "male", 47).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True)
           .e2(8, 5, status="entered-in-error").e2(32, 20)),
    {"require": ["no-change"], "forbid": ["stop", "obtain-labs"], "max_indicator": "info"})
add(dxa_ok(Patient("P04-preliminary-only", "male", 44).med(rxnorm=CYPIONATE, dose=None).med(rxnorm=ANASTROZOLE, draft=True)
           .e2(60, 3, status="preliminary")),
    {"require": ["obtain-labs"], "forbid": ["start-consider", "stop"], "rule_ids": ["M6"]})
add(Patient("P05-stale-results", "male", 58).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True).e2(30, 120)
    .tscore("38267-1", -0.5, 1100),
    {"require": ["obtain-labs"], "forbid": ["no-change"], "min_indicator": "warning", "rule_ids": ["M1", "M3"]})
add(Patient("P06-dxa-sites-disagree", "male", 60).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True).e2(30, 10)
    .tscore("38267-1", 0.5, 200).tscore("38263-0", -2.6, 200, body_site="Left femoral neck"),
    {"require": ["stop"], "min_indicator": "critical", "rule_ids": ["S3"]})
add(dxa_ok(Patient("P07-bmd-loss-above-lsc", "male", 55).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True).e2(30, 10)
           .lab("24966-4", 1.050, "g/cm2", 600, device="Hologic Horizon A").lab("24966-4", 1.000, "g/cm2", 30, device="Hologic Horizon A"), 30),
    {"require": ["reduce-dose"], "forbid": ["no-change"], "rule_ids": ["A3"]})
add(dxa_ok(Patient("P08-text-only-medications", "male", 41).med(text="Testim 1% gel, 5 g daily", dose=None).med(text="Arimidex 0.5 mg twice weekly")
           .med(text="Anastrozole 0.5 mg capsule (compounded)", draft=True).e2(14, 12)),
    {"require": ["stop"], "forbid": ["start-consider"], "min_indicator": "warning"})
add(dxa_ok(Patient("P09-implausible-value", "male", 49).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True)
           .e2(2.4, 8, unit="mg/dL")),
    {"require": ["obtain-labs"], "forbid": ["stop", "no-change"], "rule_ids": ["D4", "M1"]})
add(dxa_ok(Patient("P10-unmappable-unit", "male", 49).med(rxnorm=ANASTROZOLE).med(rxnorm=ANASTROZOLE, draft=True)
           .e2(24, 8, unit="pg", system=None)),
    {"require": ["obtain-labs"], "forbid": ["stop", "no-change", "reduce-dose"], "rule_ids": ["D2", "M1"]})
add(dxa_ok(Patient("P11-premenopausal-woman", "female", 42).med(rxnorm=ANASTROZOLE, draft=True, dose=(1, 1, "d"))),
    {"require": ["do-not-start"], "min_indicator": "critical"})
add(dxa_ok(Patient("P12-oncology-patient-view", "female", 67).med(rxnorm=ANASTROZOLE, dose=(1, 1, "d")).cond("254837009"), 900),
    {"require": ["defer-to-oncology", "obtain-labs"], "forbid": ["stop", "reduce-dose", "no-change"]}, hook="patient-view")
add(dxa_ok(Patient("P13-order-select", "male", 45).med(rxnorm=CYPIONATE, dose=None).med(rxnorm=ANASTROZOLE, draft=True).e2(30, 10)),
    {"require": ["do-not-start"], "forbid": ["start-consider"], "min_indicator": "warning", "rule_ids": ["T6"]},
    hook="order-select", selections=["MedicationRequest/P13-order-select-draft-2"])
add(Patient("P14-conditions-absent", "female", 66).med(rxnorm=ANASTROZOLE, dose=(1, 1, "d")).med(rxnorm=ANASTROZOLE, draft=True, dose=(1, 1, "d"))
    .tscore("38267-1", -2.8, 100),
    {"require": ["obtain-labs"], "forbid": ["stop", "reduce-dose"]}, conditions="absent")
add(Patient("P15-molar-testosterone-start", "male", 46).med(rxnorm=CYPIONATE, dose=None).med(rxnorm=ANASTROZOLE, draft=True, dose=(1, 1, "d"))
    .e2(55, 20).e2(50, 60).lab("14913-8", 34, "nmol/L", 20).lab("13967-5", 28, "nmol/L", 20).lab("1751-7", 44, "g/L", 20)
    .tscore("38267-1", -0.2, 200).cond("4754008"),
    {"require": ["start-consider"], "forbid": ["stop", "do-not-start"], "max_indicator": "info", "rule_ids": ["T1"]})
add(dxa_ok(Patient("P16-no-ai-no-cards", "male", 45).med(rxnorm=CYPIONATE, dose=None).med(rxnorm=CYPIONATE, draft=True, dose=(100, 1, "wk")).e2(8, 10)),
    {"no_cards": True})

for pid, req in patients.items():
    with open(f"{pid}.json", "w") as f:
        json.dump(req, f, indent=1)
        f.write("\n")
with open("expected.json", "w") as f:
    json.dump({"asOf": AS_OF.isoformat(), "patients": expected}, f, indent=2)
    f.write("\n")
