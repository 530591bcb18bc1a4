// Datasets for the benchmark harness, made by code and never shipped:
//   synthetic-55.json, synthetic-1000.json: a deterministic generator (labelled synthetic in
//     the dataset's title and in its source, so the page says so wherever it cites them);
//   england-16355.json: every school in ../shared/data/england_ks2_2019_schools.csv (real
//     DfE figures) with the real Ofsted file, grouped by postcode area as stand-in "cohorts"
//     (a bench grouping, named as such), built by the project's own importer.
// Each goes through `cohort-import`, so it is validated exactly as a reader's data would be.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const OUT = path.join(ROOT, 'target', 'bench', 'data');
export const SHARED = path.resolve(ROOT, '..', 'shared', 'data');

/** mulberry32: a small deterministic PRNG, so the same seed gives the same dataset. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function importer() {
  const bin = path.join(ROOT, 'target', 'release', 'cohort-import');
  execFileSync('cargo', ['build', '--release', '--locked', '--quiet', '--bin', 'cohort-import'], { cwd: ROOT, stdio: 'inherit' });
  return bin;
}

function runImport(bin, args) {
  return execFileSync(bin, args, { cwd: ROOT, encoding: 'utf8' });
}

/** A synthetic programme of `n` schools in cohorts of about `perCohort`. */
function synthetic(bin, n, perCohort) {
  const rand = prng(20191 + n);
  const normal = () => {
    // Box–Muller: progress scores are roughly normal around 0 with sd about 3.
    const u = Math.max(rand(), 1e-12), v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const score = () => (rand() < 0.04 ? 'SUPP' : (normal() * 3).toFixed(1));
  const cohorts = ['cohort,cohort_name,joined_year,urn'];
  const ks2 = ['URN,SCHNAME,READPROG,WRITPROG,MATPROG'];
  const ofsted = ['URN,School name,Inspection date,Overall effectiveness'];
  const judgements = [1, 2, 2, 2, 2, 2, 3, 3, 4];
  for (let i = 0; i < n; i++) {
    const urn = 900000 + i;
    const c = Math.floor(i / perCohort) + 1;
    cohorts.push(`synthetic-${c},Synthetic cohort ${c},${2015 + (c % 4)},${urn}`);
    ks2.push(`${urn},Synthetic School ${i + 1},${score()},${score()},${score()}`);
    const day = 42000 + Math.floor(rand() * 1500);
    ofsted.push(`${urn},Synthetic School ${i + 1},${day},${judgements[Math.floor(rand() * judgements.length)]}`);
  }
  const dir = path.join(OUT, `synthetic-${n}`);
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    cohorts: path.join(dir, 'synthetic-cohorts.csv'),
    ks2: path.join(dir, 'SYNTHETIC-benchmark-ks2-2019.csv'),
    ofsted: path.join(dir, 'SYNTHETIC-benchmark-ofsted.csv'),
  };
  fs.writeFileSync(files.cohorts, cohorts.join('\n') + '\n');
  fs.writeFileSync(files.ks2, ks2.join('\n') + '\n');
  fs.writeFileSync(files.ofsted, ofsted.join('\n') + '\n');
  const out = path.join(OUT, `synthetic-${n}.json`);
  runImport(bin, ['--cohorts', files.cohorts, '--ks2', files.ks2, '--ofsted', files.ofsted,
    '--title', `SYNTHETIC benchmark data (${n} made-up schools, not real figures)`, '--out', out, '--compact']);
  return out;
}

/**
 * A DfE KS2 school file's rows, split: the column index by name, the lines, and one row of
 * fields per school (the first with each numeric URN). URN, PCODE2 and the progress columns
 * come before any quoted field in these files, so a plain split reaches them.
 */
function schoolRows(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const col = (n) => header.indexOf(n);
  const iUrn = col('URN');
  const seen = new Set();
  const schools = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (!/^\d+$/.test(f[iUrn]) || seen.has(f[iUrn])) continue;
    seen.add(f[iUrn]);
    schools.push(f);
  }
  return { col, lines, schools };
}

/** Every school in England's 2019 KS2 file, grouped by postcode area. */
function england(bin) {
  const ks2 = path.join(SHARED, 'england_ks2_2019_schools.csv');
  const ofsted = path.join(SHARED, 'ofsted_latest_inspections_2018-07-31.csv');
  if (!fs.existsSync(ks2) || !fs.existsSync(ofsted)) return null;
  const { col, schools } = schoolRows(ks2);
  const [iUrn, iPc] = ['URN', 'PCODE2'].map(col);
  const cohorts = ['cohort,cohort_name,joined_year,urn'];
  for (const f of schools) {
    const urn = f[iUrn];
    const area = ((f[iPc] || '').match(/^[A-Z]+/) || ['unknown'])[0];
    cohorts.push(`postcode-${area.toLowerCase()},Postcode area ${area} (bench grouping),2019,${urn}`);
  }
  const dir = path.join(OUT, 'england');
  fs.mkdirSync(dir, { recursive: true });
  const list = path.join(dir, 'england-by-postcode-area.csv');
  fs.writeFileSync(list, cohorts.join('\n') + '\n');
  const out = path.join(OUT, `england-${schools.length}.json`);
  runImport(bin, ['--cohorts', list, '--ks2', ks2, '--year', '2019', '--ofsted', ofsted,
    '--title', `All ${schools.length} schools in England's KS2 2019 file, grouped by postcode area (benchmark)`, '--out', out, '--compact']);
  return { path: out, schools: schools.length };
}

/**
 * All of England over four years: the real 2019 file and three SYNTHETIC years (2016–2018)
 * made here for the same schools (each score the 2019 one moved by a deterministic random
 * step, pupils 10–90), so the importer and the schools-over-time chart are timed at national
 * scale. DfE's national files for 2016–2018 are not in ../shared/data. Labelled SYNTHETIC in
 * the file names and the dataset title. Returns the import time too.
 */
function englandFourYears(bin) {
  const ks2 = path.join(SHARED, 'england_ks2_2019_schools.csv');
  if (!fs.existsSync(ks2)) return null;
  const dir = path.join(OUT, 'england');
  const list = path.join(dir, 'england-by-postcode-area.csv');
  if (!fs.existsSync(list)) return null;
  const { col, lines, schools } = schoolRows(ks2);
  const [iUrn, iR, iW, iM] = ['URN', 'READPROG', 'WRITPROG', 'MATPROG'].map(col);
  const rand = prng(2016);
  const files = [];
  for (const year of [2016, 2017, 2018]) {
    const out = ['URN,TELIG,READPROG,WRITPROG,MATPROG'];
    for (const f of schools) {
      const urn = f[iUrn];
      const step = (v) => {
        const x = Number(v);
        if (v === '' || !Number.isFinite(x)) return 'SUPP';
        return Math.max(-25, Math.min(25, x + (rand() - 0.5) * 4)).toFixed(1);
      };
      out.push(`${urn},${10 + Math.floor(rand() * 81)},${step(f[iR])},${step(f[iW])},${step(f[iM])}`);
    }
    const file = path.join(dir, `SYNTHETIC-england-ks2-${year}.csv`);
    fs.writeFileSync(file, out.join('\n') + '\n');
    files.push(file);
  }
  const out = path.join(OUT, 'england-4-years.json');
  const args = ['--cohorts', list];
  for (const f of files) args.push('--ks2', f);
  args.push('--ks2', ks2, '--title',
    'England, four years: 2019 real (DfE), 2016–2018 SYNTHETIC (made by the benchmark, not real figures)',
    '--out', out, '--compact');
  const started = process.hrtime.bigint();
  runImport(bin, args);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { path: out, schools: lines.length - 1, importSeconds: seconds };
}

/** Makes the datasets; returns [{ name, schools, path, synthetic }]. */
export function makeDatasets({ log = console.log, england: withEngland = true } = {}) {
  fs.mkdirSync(OUT, { recursive: true });
  const bin = importer();
  const sets = [
    { name: 'synthetic 55', schools: 55, path: synthetic(bin, 55, 5), synthetic: true },
    { name: 'synthetic 1,000', schools: 1000, path: synthetic(bin, 1000, 25), synthetic: true },
  ];
  const eng = withEngland ? england(bin) : null;
  if (eng) {
    sets.push({ name: `England ${eng.schools.toLocaleString('en-GB')} (real, DfE 2019)`, schools: eng.schools, path: eng.path, synthetic: false });
    const four = englandFourYears(bin);
    if (four) {
      sets.push({ name: `England ${eng.schools.toLocaleString('en-GB')} × 4 years (2019 real, 2016–2018 SYNTHETIC)`, schools: eng.schools, path: four.path, synthetic: true, importSeconds: four.importSeconds, years: 4 });
    }
  } else if (withEngland) {
    log(`bench: ${SHARED} is absent: the England dataset is skipped`);
  }
  return sets;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const s of makeDatasets()) console.log(`${s.name}: ${s.path} (${fs.statSync(s.path).size} bytes)`);
}
