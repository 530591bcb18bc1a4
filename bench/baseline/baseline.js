// A hand-written JavaScript page doing the dashboard's job, for the benchmark only: fetch the
// dataset, validate nothing beyond what drawing needs, build the three charts for the chosen
// cohort as SVG strings. It sets the same performance marks as the app, so bench/run.mjs
// measures both in the same way. No framework, no router, no tooltips, tables or downloads:
// the cheapest page a person might write, which makes it a hard baseline on speed.
(async () => {
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const SUBJECTS = ['reading', 'writing', 'maths'];
  const fmt = (v) => (v > 0 ? '+' : v < 0 ? '\u2212' : '') + Math.abs(v).toFixed(1);
  const res = await fetch('data/dataset.json');
  const d = await res.json();
  const byUrn = new Map(d.schools.map((s) => [s.urn, s]));
  const select = document.getElementById('cohort-select');
  select.innerHTML = [['all', `All programme schools (${d.schools.length} named)`], ...d.cohorts.map((c) => [c.id, `${c.name} (${c.schools.length} named)`])]
    .map(([v, t]) => `<option value="${esc(v)}">${esc(t)}</option>`).join('');
  const main = document.getElementById('charts');
  main.innerHTML = ['ks2-progress', 'disadvantaged', 'ofsted'].map((id) => `<section data-testid="chart-${id}"><h2 class="chart-card__title"></h2><div class="svg"></div></section>`).join('');
  const card = (id) => main.querySelector(`[data-testid="chart-${id}"]`);
  let width = card('ks2-progress').clientWidth - 32;

  function progress(name, schools) {
    const rows = [];
    for (const a of d.areas) {
      const f = d.area_progress.filter((p) => p.area === a.id && p.pupils === 'all');
      const year = Math.max(...f.map((p) => p.year));
      if (f.length) rows.push({ label: `${a.name} (${year})`, kind: a.id === 'england' ? 'england' : 'area', v: SUBJECTS.map((s) => f.find((p) => p.year === year && p.subject === s)?.value) });
    }
    const sch = schools.map((s) => ({ label: s.name, kind: 'school', v: SUBJECTS.map((k) => s.ks2[s.ks2.length - 1]?.[k]?.value) }));
    const many = sch.length > 40;
    const shown = many ? rows : rows.concat(sch);
    const all = rows.concat(sch).flatMap((r) => r.v).filter((v) => v !== undefined);
    const m = Math.ceil(Math.max(1, ...all.map(Math.abs)));
    const labelW = 200, pw = (width - labelW) / 3, rowH = 30, bandH = many ? 132 : 0;
    const h = 60 + shown.length * rowH + bandH;
    const colour = { england: '#505050', area: '#b5541c', school: '#1d4e89' };
    let out = `<svg viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`;
    SUBJECTS.forEach((subject, i) => {
      const x0 = labelW + i * pw, x = (v) => x0 + 20 + ((v + m) / (2 * m)) * (pw - 40);
      out += `<text x="${x0}" y="20" font-weight="bold">${subject}</text><line x1="${x(0)}" x2="${x(0)}" y1="28" y2="${h - 24}" stroke="#1b1b1b" stroke-width="2"/>`;
      shown.forEach((r, j) => {
        const y = 30 + j * rowH + rowH / 2;
        if (i === 0) out += `<text x="${labelW - 8}" y="${y + 5}" text-anchor="end">${esc(r.label)}</text>`;
        const v = r.v[i];
        if (v === undefined) { out += `<text x="${x(0) + 4}" y="${y + 5}" font-style="italic">not published</text>`; return; }
        const a = Math.min(x(0), x(v)), b = Math.max(x(0), x(v));
        out += `<rect x="${a}" y="${y - 8}" width="${Math.max(2, b - a)}" height="16" fill="${colour[r.kind]}"/><text x="${v < 0 ? a - 4 : b + 4}" y="${y + 5}" text-anchor="${v < 0 ? 'end' : 'start'}" font-size="12">${fmt(v)}</text>`;
      });
      if (many) {
        const vals = sch.map((s) => s.v[i]).filter((v) => v !== undefined);
        const counts = new Map();
        for (const v of vals) counts.set(Math.floor(v), (counts.get(Math.floor(v)) || 0) + 1);
        const most = Math.max(...counts.values()), base = h - 30, top = base - bandH + 26;
        let pts = '';
        for (const [lo, c] of [...counts].sort((p, q) => p[0] - q[0])) pts += `${x(lo)},${base - (c / most) * (base - top)} ${x(lo + 1)},${base - (c / most) * (base - top)} `;
        out += `<polygon points="${x(Math.min(...counts.keys()))},${base} ${pts}${x(Math.max(...counts.keys()) + 1)},${base}" fill="#1d4e89"/>`;
        if (i === 0) out += `<text x="${labelW - 8}" y="${base - 40}" text-anchor="end" font-weight="bold">${vals.length} schools</text>`;
      }
    });
    return [`KS2 progress: ${name}`, out + '</svg>'];
  }

  function disadvantaged(name) {
    const local = d.area_progress.find((p) => p.area !== 'england' && p.pupils === 'disadvantaged')?.area;
    const bars = [local, 'england'].flatMap((area) => SUBJECTS.map((s) => ({ area, s, v: d.area_progress.find((p) => p.area === area && p.pupils === 'disadvantaged' && p.subject === s)?.value })));
    const h = 40 + bars.length * 26 + 30 + d.fsm.length * 26;
    let out = `<svg viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`;
    const x = (v) => 260 + ((v + 5) / 10) * (width - 300);
    bars.forEach((b, j) => {
      const y = 30 + j * 26;
      out += `<text x="250" y="${y + 5}" text-anchor="end">${esc(b.area)} ${b.s}</text>`;
      out += b.v === undefined ? `<text x="${x(0)}" y="${y + 5}">not published</text>` : `<rect x="${Math.min(x(0), x(b.v))}" y="${y - 8}" width="${Math.abs(x(b.v) - x(0))}" height="16" fill="#1d4e89"/><text x="${x(b.v) + 4}" y="${y + 5}" font-size="12">${fmt(b.v)}</text>`;
    });
    d.fsm.forEach((f, j) => {
      const y = 60 + bars.length * 26 + j * 26;
      out += `<text x="250" y="${y + 5}" text-anchor="end">${esc(f.area)} FSM</text><rect x="260" y="${y - 8}" width="${(f.percent / 100) * (width - 300)}" height="16" fill="#b5541c"/><text x="${264 + (f.percent / 100) * (width - 300)}" y="${y + 5}" font-size="12">${f.percent}%</text>`;
    });
    return [`Disadvantaged pupils: ${name}`, out + '</svg>'];
  }

  function ofsted(name, schools) {
    const J = ['outstanding', 'good', 'requires_improvement', 'inadequate'];
    const colours = ['#1d4e89', '#4f7db8', '#b5541c', '#7a1f1f'];
    const rows = [];
    const counts = [0, 0, 0, 0];
    for (const s of schools) {
      const latest = [...s.ofsted].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
      if (latest) counts[J.indexOf(latest.judgement)] += 1;
    }
    if (schools.length) rows.push({ label: `${name} (named schools)`, c: counts });
    for (const o of d.ofsted_distributions) rows.push({ label: o.label, c: J.map((j) => o.counts[j] || 0) });
    const h = 30 + rows.length * 56;
    let out = `<svg viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`;
    rows.forEach((r, j) => {
      const y = 20 + j * 56, n = r.c.reduce((a, b) => a + b, 0) || 1;
      out += `<text x="0" y="${y}">${esc(r.label)} (n = ${n})</text>`;
      let x = 0;
      r.c.forEach((c, k) => {
        const w = (c / n) * width;
        out += `<rect x="${x}" y="${y + 8}" width="${w}" height="24" fill="${colours[k]}"/>`;
        if (w > 40) out += `<text x="${x + 4}" y="${y + 25}" fill="#fff" font-size="12">${Math.round((100 * c) / n)}%</text>`;
        x += w;
      });
    });
    return [`Ofsted judgements: ${name}`, out + '</svg>'];
  }

  function draw(first) {
    const id = select.value;
    const c = d.cohorts.find((x) => x.id === id);
    const name = c ? c.name : 'All programme schools';
    const schools = c ? c.schools.map((u) => byUrn.get(u)).filter(Boolean) : d.schools;
    const charts = { 'ks2-progress': progress(name, schools), disadvantaged: disadvantaged(name), ofsted: ofsted(name, schools) };
    for (const [cid, [title, svg]] of Object.entries(charts)) {
      const el = card(cid);
      el.querySelector('h2').textContent = title;
      el.querySelector('.svg').innerHTML = svg;
      if (first) {
        performance.mark(`cohort-dashboard:chart:${cid}`);
        if (cid === 'ks2-progress') performance.mark('cohort-dashboard:first-chart');
      }
    }
    if (first) performance.mark('cohort-dashboard:all-charts');
  }
  select.addEventListener('change', () => draw(false));
  draw(true);
})();
