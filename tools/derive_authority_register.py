#!/usr/bin/env python3
"""Derives reference-data/authority-register.csv: every English authority with children's social care
that has existed since 2017, with the first and last reporting year in which it existed.

Sources (Open Government Licence v3.0, Department for Education, see reference-data/README.md):
  la_reference_2025_derived.csv     the 153 current authorities: region, type, statistical neighbours
  csww_indicators_2017_to_2025.csv  which authority (GSS code) reported in which year

Run: python3 tools/derive_authority_register.py ../shared/data reference-data/authority-register.csv
"""
import csv, sys

TYPES = {"E06": "Unitary Authority", "E08": "Metropolitan District", "E09": "London Borough", "E10": "Shire County"}
REGION_NAMES = {}

def main(src, out):
    ref = list(csv.DictReader(open(f"{src}/la_reference_2025_derived.csv", encoding="utf-8-sig")))
    rows = [r for r in csv.DictReader(open(f"{src}/csww_indicators_2017_to_2025.csv", encoding="utf-8-sig"))
            if r["geographic_level"] == "Local authority"]
    first_year, last_year = min(int(r["time_period"]) for r in rows), max(int(r["time_period"]) for r in rows)
    years = {}   # gss code -> (set of years, csww row)
    for r in rows:
        for old, gss, name in zip(r["old_la_code"].split(" / "), r["new_la_code"].split(" / "), r["la_name"].split(" / ")):
            ys, _ = years.setdefault(gss, (set(), (old, name, r)))
            ys.add(int(r["time_period"]))
    out_rows = []
    current = {r["new_la_code"]: r for r in ref}
    for gss, (ys, (old, name, r)) in years.items():
        c = current.get(gss)
        # Open-ended at either side when the authority reported in the first / last year of the data.
        valid_from = "" if min(ys) == first_year else str(min(ys))
        valid_to = "" if max(ys) == last_year else str(max(ys))
        if c:
            out_rows.append([gss, c["old_la_code"], c["la_name"], c["region_code"], c["region_name"],
                             c["london_subregion_code"], c["la_type"], valid_from, valid_to, c["sn_2025"]])
        else:
            region_code, region_name = r["region_code"], r["region_name"]
            out_rows.append([gss, old, name, region_code, region_name, "", TYPES[gss[:3]], valid_from, valid_to, ""])
    missing = set(current) - set(years)
    for gss in missing:  # a current authority with no workforce row yet: valid throughout
        c = current[gss]
        out_rows.append([gss, c["old_la_code"], c["la_name"], c["region_code"], c["region_name"],
                         c["london_subregion_code"], c["la_type"], "", "", c["sn_2025"]])
    out_rows.sort(key=lambda x: (x[1], x[7]))
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["gss_code", "old_la_code", "name", "region_code", "region_name", "london_subregion_code",
                    "type", "valid_from_year", "valid_to_year", "statistical_neighbours"])
        w.writerows(out_rows)
    print(f"{len(out_rows)} authorities ({len(current)} current) -> {out}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
