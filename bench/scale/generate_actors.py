#!/usr/bin/env python3
"""Writes a CSV of N synthetic but realistic actors for the import and search benchmarks.

The rows use the import columns of `maillage import actors` (src/actors/actor_table.cpp) and
values the importer accepts:

- communes are real codes read from the reference territory (build/reference/communes.tsv),
  drawn with a weight proportional to the population, so big towns hold many actors and
  villages few, as in a real directory;
- French actors carry unique SIRETs that pass the Luhn check (some also give the matching
  SIREN), associations often an RNA number, Italian actors an 11-digit codice fiscale;
- kinds come from data/enumerations/actor_kind.csv, legal forms match the kind, NAF codes are
  subclasses of build/reference/naf.tsv (mostly codes common in the social economy);
- names are built from French (or Italian) word lists: "Atelier Bâti Solidaire de Tarnos".

The output is deterministic for a given --seed and N.

    python3 bench/scale/generate_actors.py --count 100000 --seed 1 --output /tmp/actors.csv
"""

import argparse
import bisect
import csv
import itertools
import math
import os
import random
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

COLUMNS = [
    "name", "kind", "legal_form", "public", "siren", "siret", "rna", "it_tax_code", "level",
    "nature", "naf", "commune", "address", "headcount", "fte", "website", "email", "phone",
    "description",
]

# Relative frequency of each actor kind in a social-economy directory. Kinds of the
# enumeration not listed here get weight 1; listed kinds missing from the enumeration are
# ignored (a territory may have removed them).
KIND_WEIGHTS = {
    "association_1901": 300, "association": 40, "ess_company": 60, "company_private": 90,
    "company": 10, "scop": 45, "scic": 25, "cae": 8, "cooperative": 5, "ei": 50, "aci": 50,
    "ai": 30, "etti": 15, "eiti": 4, "ge": 15, "geiq": 8, "employer_group": 2,
    "municipality": 30, "epci": 8, "department_council": 1, "regional_council": 1,
    "state_service": 3, "employment_service": 1, "france_travail": 6, "mission_locale": 6,
    "training_centre": 35, "funder": 6, "research": 5, "network": 12, "federation": 10,
    "local_authority": 1, "cpi": 1, "aspal": 1,
}
# Kinds used for actors in Italian communes.
ITALIAN_KIND_WEIGHTS = {
    "social_cooperative": 40, "community_cooperative": 8, "cooperative": 15,
    "association": 20, "municipality": 8, "cpi": 4, "aspal": 1, "training_centre": 5,
    "company_private": 10, "research": 2, "network": 3,
}

# Legal forms that fit each kind (the first family that matches wins).
LEGAL_FORMS = {
    "association_1901": ["association_1901"],
    "association": ["association_1901", "association_1901", "association_local_law"],
    "ai": ["association_1901"],
    "aci": ["association_1901", "association_1901", "association_1901", "public_body"],
    "ei": ["sarl", "sas", "association_1901"],
    "etti": ["sarl", "sas"],
    "eiti": ["sas", "sarl"],
    "scop": ["scop_sarl", "scop_sarl", "scop_sa"],
    "scic": ["scic_sas", "scic_sarl", "scic_sa"],
    "cae": ["scop_sarl", "scic_sas"],
    "cooperative": ["scop_sarl", "scic_sas"],
    "ge": ["association_1901"],
    "geiq": ["association_1901"],
    "employer_group": ["association_1901"],
    "company": ["sarl", "sas", "sa", "ei_individual"],
    "company_private": ["sarl", "sas", "sas", "sa", "ei_individual"],
    "ess_company": ["sas", "sarl", "foundation"],
    "municipality": ["local_authority"],
    "epci": ["local_authority"],
    "department_council": ["local_authority"],
    "regional_council": ["local_authority"],
    "local_authority": ["local_authority"],
    "state_service": ["state_administration"],
    "employment_service": ["public_body"],
    "france_travail": ["public_body"],
    "mission_locale": ["association_1901"],
    "training_centre": ["association_1901", "sas", "sarl", "public_body"],
    "funder": ["foundation", "public_body", "sa"],
    "research": ["public_body"],
    "network": ["association_1901"],
    "federation": ["association_1901"],
}
ITALIAN_LEGAL_FORMS = {
    "social_cooperative": ["coop_social_it"],
    "community_cooperative": ["coop_it"],
    "cooperative": ["coop_it"],
    "municipality": ["local_authority"],
    "cpi": ["public_body"],
    "aspal": ["public_body"],
    "research": ["public_body"],
}
PUBLIC_KINDS = {"municipality", "epci", "department_council", "regional_council",
                "local_authority", "state_service", "employment_service", "france_travail",
                "cpi", "aspal", "research"}

# NAF subclasses frequent among social-economy actors; the rest are drawn uniformly.
COMMON_NAF = {
    "ei": ["43.39Z", "43.31Z", "43.34Z", "81.21Z", "81.30Z", "38.32Z", "49.41B", "56.10A",
           "88.99B", "47.79Z"],
    "aci": ["81.30Z", "01.13Z", "38.32Z", "43.39Z", "88.99B", "02.10Z", "47.79Z"],
    "ai": ["78.30Z", "81.21Z", "88.10A", "97.00Z"],
    "etti": ["78.20Z"],
    "ge": ["78.30Z"],
    "geiq": ["78.30Z", "85.59A"],
    "association_1901": ["94.99Z", "88.99B", "93.12Z", "90.01Z", "85.59B", "88.10B", "91.02Z"],
    "association": ["94.99Z", "88.99B", "93.29Z"],
    "scop": ["43.21A", "62.01Z", "71.12B", "73.11Z", "70.22Z", "10.71C", "41.20A"],
    "scic": ["35.11Z", "56.10A", "47.11B", "68.20B", "01.13Z", "90.04Z"],
    "cae": ["70.22Z", "74.90B"],
    "training_centre": ["85.59A", "85.59B", "85.32Z"],
    "municipality": ["84.11Z"],
    "epci": ["84.11Z"],
    "mission_locale": ["88.99B", "84.13Z"],
    "france_travail": ["84.13Z"],
    "network": ["94.99Z", "94.11Z"],
    "federation": ["94.99Z", "94.11Z"],
    "social_cooperative": ["88.99B", "87.30A", "88.10A", "81.30Z"],
}

HEADS_BY_FAMILY = {
    "siae": ["Atelier", "Chantier", "Régie de quartier", "Ressourcerie", "Recyclerie",
             "Jardins", "Tremplin", "Bâtisseurs", "Entreprise d'insertion", "Relais",
             "Atelier", "Chantier d'insertion", "Passerelle"],
    "association": ["Association", "Collectif", "Maison", "Amicale", "Comité", "Foyer",
                    "Les Amis", "Espace", "Réseau", "Centre social", "Café associatif"],
    "cooperative": ["Coopérative", "Scop", "Coop", "Atelier coopératif", "Fabrique",
                    "Compagnie", "Les Ateliers"],
    "employer_group": ["Groupement d'employeurs", "GEIQ", "GE", "Groupement"],
    "company": ["Entreprise", "Société", "Établissements", "Atelier", "Maison", "Bureau",
                "Agence"],
    "training_centre": ["Institut", "Centre de formation", "École", "Campus", "Académie"],
    "network": ["Réseau", "Union", "Fédération", "Collectif", "Plateforme", "Pôle"],
    "funder": ["Fondation", "Fonds", "Caisse", "France Active", "Initiative"],
    "research": ["Laboratoire", "Institut", "Chaire", "Observatoire"],
}
THEMES = ["Bâti", "Bâtiment", "Bâtisseurs", "Bois", "Vert", "Textile", "Numérique", "Mobilité",
          "Cuisine", "Maraîchage", "Rénovation", "Éco-construction", "Services", "Environnement",
          "Propreté", "Emploi", "Avenir", "Réemploi", "Culture", "Santé", "Énergie", "Habitat",
          "Alimentation", "Vélo", "Paysage", "Jardin", "Océan", "Forêt", "Recyclage", "Métiers",
          "Compétences", "Entraide", "Jeunesse", "Solidarités", "Insertion", "Logistique",
          "Menuiserie", "Couture", "Informatique", "Tourisme", "Musique", "Sport", "Soins",
          "Aide à domicile", "Batellerie", "Artisanat", "Céramique", "Bâti ancien"]
QUALIFIERS = ["Solidaire", "Durable", "Responsable", "Ensemble", "Partage", "Plus", "Avenir",
              "et Compagnie", "Pour Tous", "Nouvelle Vague", "Horizon", "Sud", "Ouest", "Nord",
              "Est", "Atlantique", "Initiatives", "Action", "Services"]
ITALIAN_HEADS = ["Cooperativa sociale", "Cooperativa", "Associazione", "Laboratorio",
                 "Officina", "Consorzio", "Comunità", "Centro"]
ITALIAN_THEMES = ["Lavoro", "Insieme", "Solidale", "Ambiente", "Futuro", "Mare", "Terra",
                  "Servizi", "Artigiana", "Verde", "Nuraghe", "Sole", "Ponte", "Orizzonte"]
STREETS = ["rue des Écoles", "avenue Jean Jaurès", "chemin du Moulin", "place de la Mairie",
           "rue de la République", "route de Bayonne", "allée des Pins", "rue Victor Hugo",
           "boulevard Gambetta", "impasse des Artisans", "rue du Port", "zone artisanale des Landes",
           "rue Pasteur", "avenue de la Gare", "rue des Tanneurs", "quai des Chartrons",
           "chemin de Laguibe", "rue Jules Ferry", "place du Marché", "rue de l'Église"]
ITALIAN_STREETS = ["via Roma", "via Garibaldi", "corso Vittorio Emanuele", "via Mazzini",
                   "piazza del Popolo", "via Dante", "via della Repubblica", "via Cagliari"]
DESCRIPTIONS = [
    "Structure de l'économie sociale et solidaire ancrée dans son territoire.",
    "Accompagne des personnes éloignées de l'emploi vers un parcours qualifiant.",
    "Chantiers de rénovation et d'entretien du bâti pour les collectivités et les particuliers.",
    "Collecte, tri et revente d'objets de seconde main ; ateliers de réparation.",
    "Mutualise des emplois à temps partagé entre plusieurs employeurs du bassin.",
    "Production maraîchère biologique et paniers solidaires.",
    "Formation professionnelle et certification des compétences.",
    "Animation d'un réseau d'acteurs de l'ESS et de la coopération économique.",
]
ITALIAN_PROVINCE_OFFICES = ["092", "095", "090", "091", "104", "105", "111", "099", "100",
                            "048", "010", "011", "046", "047", "049", "050", "051", "052", "053"]
# Geographic telephone zones of metropolitan France (overseas regions use 05 too).
PHONE_PREFIX_BY_REGION = {"11": "01", "24": "02", "28": "02", "52": "02", "53": "02",
                          "27": "03", "32": "03", "44": "03", "84": "04", "93": "04",
                          "94": "04", "75": "05", "76": "05"}
VOWELS = set("AEIOUYÉÈÊÂÎÔÛaeiouyéèêâîôûHh")


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def luhn_check_digit(digits):
    """The digit that makes digits + it pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # doubled: these become the second-from-right digits
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def ascii_slug(text, limit=40):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug, dash = [], False
    for ch in folded.lower():
        if ch.isalnum():
            slug.append(ch)
            dash = False
        elif not dash and slug:
            slug.append("-")
            dash = True
    return "".join(slug).strip("-")[:limit].strip("-") or "acteur"


def of_commune(name):
    """ "de Tarnos", "d'Anglet", "du Boucau", "des Lilas", "de La Rochelle"."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    if name.startswith("L'"):
        return "de " + name
    if name[0] in VOWELS:
        return "d'" + name
    return "de " + name


class Generator:
    def __init__(self, reference_dir, data_dir, seed):
        self.rng = random.Random(seed)
        communes = [c for c in read_tsv(os.path.join(reference_dir, "communes.tsv"))
                    if c["lat"] and c["lon"]]
        if not communes:
            sys.exit("generate_actors.py: no commune in %s/communes.tsv" % reference_dir)
        self.communes = communes
        # Weight by population (a floor so that villages still appear now and then).
        self.commune_weights = list(itertools.accumulate(
            max(50, int(c["population"] or 0)) for c in communes))
        naf = [r["code"] for r in read_tsv(os.path.join(reference_dir, "naf.tsv"))
               if r["level"] == "subclass"]
        self.naf_all = naf
        known_naf = set(naf)
        self.naf_common = {k: [c for c in v if c in known_naf] for k, v in COMMON_NAF.items()}
        kinds = read_csv(os.path.join(data_dir, "enumerations", "actor_kind.csv"))
        self.parent = {k["code"]: (k["parent"] or k["code"]) for k in kinds}
        codes = [k["code"] for k in kinds]
        self.kinds_fr = [(c, KIND_WEIGHTS.get(c, 1)) for c in codes]
        self.kinds_it = [(c, w) for c, w in ITALIAN_KIND_WEIGHTS.items() if c in self.parent]
        if not self.kinds_it:
            self.kinds_it = self.kinds_fr
        self.kind_fr_cum = list(itertools.accumulate(w for _, w in self.kinds_fr))
        self.kind_it_cum = list(itertools.accumulate(w for _, w in self.kinds_it))
        legal = {r["code"] for r in read_csv(os.path.join(data_dir, "enumerations",
                                                           "legal_form.csv"))}
        self.legal_forms = {k: [f for f in v if f in legal] for k, v in LEGAL_FORMS.items()}
        self.italian_legal_forms = {k: [f for f in v if f in legal]
                                    for k, v in ITALIAN_LEGAL_FORMS.items()}
        self.levels = [r["code"] for r in read_csv(os.path.join(data_dir, "enumerations",
                                                                 "level.csv"))]
        self.natures = [r["code"] for r in read_csv(os.path.join(data_dir, "enumerations",
                                                                  "nature.csv"))]
        self.used_sirens = set()
        self.rna_counter = self.rng.randrange(1000000, 2000000)
        self.it_counter = self.rng.randrange(1000000, 2000000)

    def pick_commune(self):
        x = self.rng.random() * self.commune_weights[-1]
        return self.communes[bisect.bisect_right(self.commune_weights, x)]

    def pick_kind(self, italian):
        kinds, cum = (self.kinds_it, self.kind_it_cum) if italian else (self.kinds_fr,
                                                                         self.kind_fr_cum)
        x = self.rng.random() * cum[-1]
        return kinds[bisect.bisect_right(cum, x)][0]

    def siret(self):
        while True:
            base = "%08d" % self.rng.randrange(10000000, 99999999)
            siren = base + luhn_check_digit(base)
            if siren != "356000000" and siren not in self.used_sirens:
                self.used_sirens.add(siren)
                break
        nic = "%04d" % self.rng.randrange(1, 10000)
        siret = siren + nic + luhn_check_digit(siren + nic)
        assert luhn_valid(siren) and luhn_valid(siret)
        return siren, siret

    def rna(self, commune):
        # W + department (2 characters, 2A/2B in Corsica) + 7 digits, unique by a counter.
        self.rna_counter += 1
        dept = commune["department_code"][:2]
        if not (dept[0].isdigit() and (dept[1].isdigit() or dept[1].isupper())):
            dept = "75"
        return "W%s%07d" % (dept, self.rna_counter % 10000000)

    def it_tax_code(self):
        self.it_counter += 1
        base = "%07d%s" % (self.it_counter % 10000000, self.rng.choice(ITALIAN_PROVINCE_OFFICES))
        base = ("0" + base)[-10:]
        return base + luhn_check_digit(base)

    def name(self, kind, commune, italian):
        rng = self.rng
        town = commune["name"]
        if italian:
            head = rng.choice(ITALIAN_HEADS)
            theme = rng.choice(ITALIAN_THEMES)
            return rng.choice([f"{head} {theme} di {town}", f"{head} {theme}",
                               f"{head} {theme} {rng.choice(ITALIAN_THEMES)}"])
        if kind == "municipality":
            return rng.choice(["Commune ", "Mairie "]) + of_commune(town)
        if kind == "epci":
            return rng.choice(["Communauté de communes ", "Agglomération "]) + of_commune(town)
        if kind == "department_council":
            return "Conseil départemental " + commune["department_code"]
        if kind == "regional_council":
            return "Conseil régional " + commune["region_code"]
        if kind == "france_travail":
            return "France Travail " + town
        if kind == "mission_locale":
            return "Mission locale " + of_commune(town)
        family = self.parent.get(kind, kind)
        heads = HEADS_BY_FAMILY.get(family) or HEADS_BY_FAMILY.get(kind) or \
            HEADS_BY_FAMILY["association"]
        head = rng.choice(heads)
        theme = rng.choice(THEMES)
        pattern = rng.random()
        if pattern < 0.35:
            return f"{head} {theme} {rng.choice(QUALIFIERS)} {of_commune(town)}"
        if pattern < 0.6:
            return f"{head} {theme} {rng.choice(QUALIFIERS)}"
        if pattern < 0.8:
            return f"{head} {theme} {of_commune(town)}"
        if pattern < 0.9:
            acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUV") for _ in range(rng.randint(3, 5)))
            return f"{acronym} {theme} {town}"
        return f"{head} {rng.choice(THEMES)} et {theme}"

    def naf(self, kind):
        common = self.naf_common.get(kind)
        if common and self.rng.random() < 0.75:
            return self.rng.choice(common)
        return self.rng.choice(self.naf_all)

    def phone(self, commune, italian):
        rng = self.rng
        if italian:
            return "+39 0%d %07d" % (rng.randint(10, 99), rng.randrange(10000000))
        prefix = PHONE_PREFIX_BY_REGION.get(commune["region_code"], "05")
        return prefix + " " + " ".join("%02d" % rng.randrange(100) for _ in range(4))

    def row(self):
        rng = self.rng
        commune = self.pick_commune()
        italian = commune["country"] == "IT"
        kind = self.pick_kind(italian)
        name = self.name(kind, commune, italian)
        forms = (self.italian_legal_forms if italian else self.legal_forms).get(kind)
        r = dict.fromkeys(COLUMNS, "")
        r["name"] = name
        r["kind"] = kind
        if forms and rng.random() < 0.85:
            r["legal_form"] = rng.choice(forms)
        if kind in PUBLIC_KINDS:
            r["public"] = "oui"
        elif rng.random() < 0.4:
            r["public"] = "non"
        if italian:
            if rng.random() < 0.9:
                r["it_tax_code"] = self.it_tax_code()
        else:
            if rng.random() < 0.92:
                siren, siret = self.siret()
                r["siret"] = siret if rng.random() < 0.8 else "%s %s %s %s" % (
                    siret[:3], siret[3:6], siret[6:9], siret[9:])
                if rng.random() < 0.2:
                    r["siren"] = siren
            if self.parent.get(kind) == "association" and rng.random() < 0.6:
                r["rna"] = self.rna(commune)
        r["level"] = rng.choices(self.levels, weights=[1, 3, 8, 10, 78][:len(self.levels)] +
                                 [1] * max(0, len(self.levels) - 5))[0] if self.levels else ""
        if self.natures and rng.random() < 0.2:
            r["nature"] = rng.choice(self.natures)
        if rng.random() < 0.9:
            r["naf"] = self.naf(kind)
        r["commune"] = commune["code"]
        if rng.random() < 0.8:
            streets = ITALIAN_STREETS if italian else STREETS
            r["address"] = "%d %s" % (rng.randint(1, 180), rng.choice(streets))
        if rng.random() < 0.85:
            headcount = min(5000, int(rng.lognormvariate(2.3, 1.2)))
            r["headcount"] = str(headcount)
            if rng.random() < 0.7:
                fte = round(headcount * rng.uniform(0.5, 1.0), 1)
                r["fte"] = ("%g" % fte).replace(".", ",") if rng.random() < 0.5 else "%g" % fte
        slug = ascii_slug(name)
        domain = ".it" if italian else rng.choice([".fr", ".fr", ".org", ".coop", ".com"])
        if rng.random() < 0.6:
            r["website"] = "https://www." + slug + domain
        if rng.random() < 0.7:
            r["email"] = rng.choice(["contact@", "accueil@", "info@"]) + slug + domain
        if rng.random() < 0.7:
            r["phone"] = self.phone(commune, italian)
        if rng.random() < 0.3:
            r["description"] = rng.choice(DESCRIPTIONS)
        return r


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", "-n", type=int, default=100000, help="number of actors")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    parser.add_argument("--output", "-o", default="-", help="CSV file to write (default: stdout)")
    parser.add_argument("--reference-dir", default=os.environ.get(
        "MAILLAGE_REFERENCE_DIR", os.path.join(ROOT, "build", "reference")),
        help="generated reference territory (communes.tsv, naf.tsv)")
    parser.add_argument("--data-dir", default=os.environ.get(
        "MAILLAGE_DATA_DIR", os.path.join(ROOT, "data")), help="shipped enumerations")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must be 0 or more")
    generator = Generator(args.reference_dir, args.data_dir, args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8",
                                                       newline="")
    try:
        # Semicolons, as French spreadsheets write them (and "12,5" needs no quoting).
        writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=";", lineterminator="\n")
        writer.writeheader()
        for _ in range(args.count):
            writer.writerow(generator.row())
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
