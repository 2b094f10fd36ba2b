/*
 * explorer.js: the interactive part of the report's explorer page (explore.html), written into
 * the site by `nordgov report` (source: src/render/explorer.js in nordgov).
 *
 * Everything it shows comes from window.NORDGOV_EXPLORER (assets/explorer-data.js): the
 * undated models, every fact with its validity, so this script replays any year itself the way
 * nordgov's Country::as_of does (a browser test compares the two for every country and year).
 *
 * Rules kept throughout:
 *  - model text reaches the page only through textContent and setAttribute, never innerHTML;
 *  - every word comes from the data (words and terms in the report's language);
 *  - the whole view lives in the address's hash (see parseHash), so every view has a link;
 *  - nothing is fetched: the page works opened as a file.
 */
(function () {
  'use strict';

  var D = window.NORDGOV_EXPLORER;
  var root = document.getElementById('x-explorer');
  if (!D || !root || !D.countries.length) {
    return;
  }

  // ---------------------------------------------------------------- words, terms, countries

  /** An interface word, with {name} placeholders filled from `vars`. */
  function word(key, vars) {
    var text = D.words[key] || '';
    Object.keys(vars || {}).forEach(function (k) {
      text = text.split('{' + k + '}').join(String(vars[k]));
    });
    return text;
  }

  // Terms by vocabulary and key (Maps, so no model key can reach Object.prototype).
  var T = new Map();
  Object.keys(D.terms).forEach(function (vocab) {
    T.set(vocab, new Map(D.terms[vocab].map(function (t) { return [t.key, t]; })));
  });
  function term(vocab, key) {
    return (T.get(vocab) && T.get(vocab).get(key)) || { key: key, label: key };
  }
  function label(vocab, key) {
    return term(vocab, key).label;
  }
  var LEVELS = D.terms.level.map(function (t) { return t.key; });
  var ROLES = D.terms.role.map(function (t) { return t.key; });
  function strength(instrument) {
    return term('instrument', instrument).strength || 5;
  }

  var countries = new Map();
  D.countries.forEach(function (c) {
    c.actorById = new Map(c.actors.map(function (a) { return [a.id, a]; }));
    c.metricsById = new Map(c.metrics.map(function (m) { return [m.actor, m]; }));
    c.scenarioByKey = new Map(c.scenarios.map(function (s) { return [s.key, s]; }));
    c.dateOf = new Map(c.dates.map(function (d) { return [d[0], d[1]]; }));
    countries.set(c.code, c);
  });
  var FIRST_YEAR = D.years[0];
  var LAST_YEAR = D.years[D.years.length - 1];
  var MAX_DEPTH = 4;
  var EDGE_VIEWS = ['all', 'org', 'steering'];

  // ---------------------------------------------------------------- the state and its hash

  /*
   * The view, as the hash writes it:
   *   c country, a chosen actor, d neighbourhood depth (0: whole country), lv levels and
   *   k kinds (comma lists; empty: all), r role, s weakest instrument strength shown (1-5),
   *   y year (absent: the reference date), sc scenario overlay, p presentation mode,
   *   v links shown (all, org, steering).
   * e.g. #c=no&a=digdir&d=2&lv=state,local&k=agency&r=coordination&s=3&y=2020&sc=fin_centre&p=1
   */
  function defaults() {
    return { c: D.countries[0].code, a: '', d: 0, lv: [], k: [], r: '', s: 5, y: 0, sc: '', p: false, v: 'all' };
  }

  function int(text, lo, hi, fallback) {
    var n = Number(text);
    return Number.isInteger(n) && n >= lo && n <= hi ? n : fallback;
  }

  function keys(text, vocab) {
    return text.split(',').filter(function (k) { return T.get(vocab).has(k); });
  }

  function parseHash(hash) {
    var s = defaults();
    hash.replace(/^#/, '').split('&').forEach(function (part) {
      var i = part.indexOf('=');
      if (i < 0) {
        return;
      }
      var k = part.slice(0, i);
      var v;
      try {
        v = decodeURIComponent(part.slice(i + 1));
      } catch (e) {
        return;
      }
      if (k === 'c' && countries.has(v)) { s.c = v; }
      else if (k === 'a') { s.a = v; }
      else if (k === 'd') { s.d = int(v, 0, MAX_DEPTH, 0); }
      else if (k === 'lv') { s.lv = keys(v, 'level'); }
      else if (k === 'k') { s.k = keys(v, 'kind'); }
      else if (k === 'r' && T.get('role').has(v)) { s.r = v; }
      else if (k === 's') { s.s = int(v, 1, 5, 5); }
      else if (k === 'y') { s.y = int(v, FIRST_YEAR, LAST_YEAR, 0); }
      else if (k === 'sc') { s.sc = v; }
      else if (k === 'p') { s.p = v === '1'; }
      else if (k === 'v' && EDGE_VIEWS.indexOf(v) >= 0) { s.v = v; }
    });
    var c = countries.get(s.c);
    if (!c.scenarioByKey.has(s.sc)) { s.sc = ''; }
    if (!c.actorById.has(s.a) && !overlayNode(c, s.sc, s.a)) { s.a = ''; }
    return s;
  }

  function serialize(s) {
    var enc = encodeURIComponent;
    var parts = ['c=' + enc(s.c)];
    if (s.a) { parts.push('a=' + enc(s.a)); }
    if (s.d) { parts.push('d=' + s.d); }
    if (s.lv.length) { parts.push('lv=' + s.lv.map(enc).join(',')); }
    if (s.k.length) { parts.push('k=' + s.k.map(enc).join(',')); }
    if (s.r) { parts.push('r=' + enc(s.r)); }
    if (s.s !== 5) { parts.push('s=' + s.s); }
    if (s.y) { parts.push('y=' + s.y); }
    if (s.sc) { parts.push('sc=' + enc(s.sc)); }
    if (s.p) { parts.push('p=1'); }
    if (s.v !== 'all') { parts.push('v=' + s.v); }
    return parts.join('&');
  }

  var state = parseHash(location.hash);

  /** Changes the view: the hash first (replaced, so Back leaves the page), then the page. */
  function update(changes) {
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    var hash = '#' + serialize(state);
    try {
      history.replaceState(null, '', hash);
    } catch (e) {
      // Some browsers refuse replaceState on file: pages; the hash still keeps the view.
      if (location.hash !== hash) {
        location.replace(hash);
        return;
      }
    }
    render();
  }

  window.addEventListener('hashchange', function () {
    state = parseHash(location.hash);
    render();
  });

  // ---------------------------------------------------------------- replaying a date

  /** Whether a fact with validity {from, to} (ISO days) holds on `date` (null: always). */
  function holds(f, date) {
    return !date || ((!f.from || f.from <= date) && (!f.to || date <= f.to));
  }

  /**
   * The country on `date` (an ISO day, or null for the model as written), as Country::as_of
   * gives it: the actors that exist, each one's parent (a dated reports_to/owned_by/part_of
   * relation moves it), the edges of the actor graph, the role holdings and the resources.
   */
  function snapshot(c, date) {
    var alive = new Map();
    c.actors.forEach(function (a) {
      if (holds(a, date)) { alive.set(a.id, a); }
    });
    var parent = new Map();
    alive.forEach(function (a) {
      if (a.parent && alive.has(a.parent.id)) {
        parent.set(a.id, { id: a.parent.id, rel: a.parent.rel, sources: a.sources });
      }
    });
    var relations = c.relations;
    if (date) {
      c.moves.forEach(function (m) {
        if (holds(m, date) && alive.has(m.actor) && alive.has(m.parent)) {
          parent.set(m.actor, { id: m.parent, rel: m.rel, sources: m.sources });
        }
      });
    } else {
      // Undated, a move is just another relation.
      relations = relations.concat(c.moves.map(function (m) {
        return { source: m.actor, rel: m.rel, target: m.parent, sources: m.sources };
      }));
    }
    var edges = [];
    parent.forEach(function (p, id) {
      edges.push({ source: id, target: p.id, rel: p.rel, sources: p.sources || [] });
    });
    relations.forEach(function (r) {
      if (holds(r, date) && alive.has(r.source) && alive.has(r.target)) {
        edges.push({ source: r.source, target: r.target, rel: r.rel, sources: r.sources });
      }
    });
    var steering = new Map();
    c.steering.forEach(function (s) {
      if (!holds(s, date) || !alive.has(s.source) || !alive.has(s.target)) {
        return;
      }
      var key = [s.source, s.target, s.role, s.instrument].join(' ');
      var e = steering.get(key);
      if (!e) {
        e = { source: s.source, target: s.target, role: s.role, instrument: s.instrument, sources: [] };
        steering.set(key, e);
        edges.push(e);
      }
      e.sources = e.sources.concat(s.sources);
    });
    var roles = c.roles.filter(function (r) { return holds(r, date); }).map(function (r) {
      return Object.assign({}, r, { holders: r.holders.filter(function (h) { return alive.has(h[0]); }) });
    });
    var year = date ? Number(date.slice(0, 4)) : null;
    var resources = c.resources.filter(function (r) {
      return alive.has(r.actor) && (!year || r.year == null || r.year <= year);
    });
    return { date: date, alive: alive, parent: parent, edges: edges, roles: roles, resources: resources };
  }

  /** The day the view shows for `c`: the scenario's base date, the year's day or the reference date. */
  function viewDate(c, s) {
    var sc = s.sc && c.scenarioByKey.get(s.sc);
    if (sc) { return sc.date || null; }
    if (s.y) { return c.dateOf.get(s.y) || null; }
    return c.ref_date || null;
  }

  function overlayNode(c, sc, id) {
    var s = sc && c.scenarioByKey.get(sc);
    return s ? s.nodes.find(function (n) { return n.id === id; }) : undefined;
  }

  /** What can be shown: the country on the date, or a scenario laid over its base. */
  function universe(c) {
    var date = viewDate(c, state);
    var snap = snapshot(c, date);
    var sc = state.sc && c.scenarioByKey.get(state.sc);
    if (!sc) {
      var nodes = [];
      snap.alive.forEach(function (a) {
        nodes.push({ id: a.id, label: a.label, name: a.name, kind: a.kind, level: a.level, central: !!a.central,
                     parent: snap.parent.get(a.id) || null, was: null, change: null });
      });
      return { date: date, snap: snap, nodes: nodes, edges: snap.edges, scenario: null };
    }
    var known = new Map(snap.edges.map(function (e) { return [edgeKey(e), e]; }));
    var onodes = sc.nodes.map(function (n) {
      var a = c.actorById.get(n.id);
      return { id: n.id, label: n.label, name: a && a.label === n.label ? a.name : n.label, kind: n.kind,
               level: n.level, central: !!n.central, parent: n.parent || null, was: n.was || null,
               change: n.change || null };
    });
    var oedges = sc.edges.filter(function (e) { return e.rel || e.role; }).map(function (e) {
      var base = known.get(edgeKey(e));
      return { source: e.source, target: e.target, rel: e.rel, role: e.role, instrument: e.instrument,
               change: e.change || null, sources: base ? base.sources : [] };
    });
    return { date: date, snap: snap, nodes: onodes, edges: oedges, scenario: sc };
  }

  function edgeKey(e) {
    return [e.source, e.target, e.rel || '', e.role || '', e.instrument || ''].join(' ');
  }

  // ---------------------------------------------------------------- filters

  /** Node ids within `depth` links of `focus`, following links both ways. */
  function neighbourhood(edges, focus, depth) {
    var seen = new Set([focus]);
    var frontier = [focus];
    for (var d = 0; d < depth; d++) {
      var next = [];
      edges.forEach(function (e) {
        [[e.source, e.target], [e.target, e.source]].forEach(function (pair) {
          if (frontier.indexOf(pair[0]) >= 0 && !seen.has(pair[1])) {
            seen.add(pair[1]);
            next.push(pair[1]);
          }
        });
      });
      frontier = next;
    }
    return seen;
  }

  /** The nodes and edges the filters let through, in a fixed order. */
  function visible(c, u) {
    var nodeById = new Map(u.nodes.map(function (n) { return [n.id, n]; }));
    var edges = u.edges.filter(function (e) {
      if (e.role) {
        return state.v !== 'org' && strength(e.instrument) <= state.s && (!state.r || e.role === state.r);
      }
      return state.v !== 'steering';
    });
    var keep = new Set();
    if (state.v === 'steering') {
      edges.forEach(function (e) { keep.add(e.source); keep.add(e.target); });
    } else {
      u.nodes.forEach(function (n) { keep.add(n.id); });
    }
    if (state.r) {
      // A role keeps the actors that hold it on the date and those its steering touches.
      var inRole = new Set();
      u.snap.roles.forEach(function (r) {
        if (r.role === state.r) { r.holders.forEach(function (h) { inRole.add(h[0]); }); }
      });
      edges.forEach(function (e) {
        if (e.role) { inRole.add(e.source); inRole.add(e.target); }
      });
      keep.forEach(function (id) { if (!inRole.has(id)) { keep.delete(id); } });
    }
    keep.forEach(function (id) {
      var n = nodeById.get(id);
      if (!n || (state.lv.length && state.lv.indexOf(n.level) < 0) || (state.k.length && state.k.indexOf(n.kind) < 0)) {
        keep.delete(id);
      }
    });
    edges = edges.filter(function (e) { return keep.has(e.source) && keep.has(e.target); });
    if (state.a && state.d > 0 && keep.has(state.a)) {
      var near = neighbourhood(edges, state.a, state.d);
      keep.forEach(function (id) { if (!near.has(id)) { keep.delete(id); } });
      edges = edges.filter(function (e) { return keep.has(e.source) && keep.has(e.target); });
    }
    var nodes = u.nodes.filter(function (n) { return keep.has(n.id); });
    nodes.sort(function (x, y) {
      return LEVELS.indexOf(x.level) - LEVELS.indexOf(y.level) || compare(x.label, y.label) || compare(x.id, y.id);
    });
    var labelOf = function (id) { var n = nodeById.get(id); return n ? n.label : id; };
    edges = edges.slice().sort(function (x, y) {
      return compare(labelOf(x.source), labelOf(y.source)) || compare(edgeText(x), edgeText(y)) ||
        compare(labelOf(x.target), labelOf(y.target)) || compare(edgeKey(x), edgeKey(y));
    });
    return { nodes: nodes, edges: edges, nodeById: nodeById };
  }

  function compare(a, b) {
    return String(a).localeCompare(String(b), D.lang);
  }

  /** How a link reads: "reports to", or "coordination: 4 principles and common standards". */
  function edgeText(e) {
    if (e.role) {
      return label('role', e.role) + ': ' + strength(e.instrument) + ' ' + label('instrument', e.instrument);
    }
    return label('relation', e.rel);
  }

  // ---------------------------------------------------------------- DOM helpers

  /** An element with attributes and text (always as text: model text is never parsed). */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = String(text); }
    return e;
  }

  function clear(e) {
    while (e.firstChild) { e.removeChild(e.firstChild); }
    return e;
  }

  /** A small, secondary id (hidden in presentation mode). */
  function idMark(id) {
    return el('span', { 'class': 'x-id' }, id);
  }

  /** A button that chooses an actor of the current country. */
  function actorButton(id, text) {
    var b = el('button', { type: 'button', 'class': 'x-link' }, text);
    b.addEventListener('click', function () { update({ a: id }); });
    return b;
  }

  /** A cited document's title. */
  function title(c, s) {
    return Object.prototype.hasOwnProperty.call(c.documents, s.doc) ? c.documents[s.doc] : '';
  }

  /** A link to a cited passage: the line viewer, or the web page cited (titled with its document). */
  function sourceLink(s, title) {
    var href = s.href || '';
    if (/^https?:\/\//.test(href)) {
      return el('a', { 'class': 'src web', rel: 'external noreferrer', href: href, title: title }, s.text);
    }
    if (/^sources\/[^/]+$/.test(href.split('#')[0])) {
      return el('a', { 'class': 'src', href: href, title: title }, s.text);
    }
    return el('span', { title: title }, s.text);
  }

  function option(select, value, text, selected) {
    var o = el('option', { value: value }, text);
    if (selected) { o.selected = true; }
    select.appendChild(o);
  }

  var $ = function (id) { return document.getElementById(id); };
  var ui = {
    search: $('x-search'), results: $('x-results'), country: $('x-country'), year: $('x-year'),
    yearOut: $('x-year-out'), edges: $('x-edges'), depth: $('x-depth'), kind: $('x-kind'), role: $('x-role'),
    strength: $('x-strength'), scenario: $('x-scenario'), presentation: $('x-presentation'), reset: $('x-reset'),
    status: $('x-status'), legend: $('x-legend'), graph: $('x-graph'), card: $('x-card'),
    actors: $('x-actors'), edgeTable: $('x-edge-table'), form: $('x-controls')
  };

  // ---------------------------------------------------------------- controls

  ui.form.addEventListener('submit', function (e) { e.preventDefault(); });
  ui.country.addEventListener('change', function () { update({ c: ui.country.value, a: '', sc: '' }); });
  ui.year.addEventListener('input', function () { update({ y: Number(ui.year.value) }); });
  ui.edges.addEventListener('change', function () { update({ v: ui.edges.value }); });
  ui.depth.addEventListener('change', function () { update({ d: Number(ui.depth.value) }); });
  ui.kind.addEventListener('change', function () { update({ k: ui.kind.value ? [ui.kind.value] : [] }); });
  ui.role.addEventListener('change', function () { update({ r: ui.role.value }); });
  ui.strength.addEventListener('change', function () { update({ s: Number(ui.strength.value) }); });
  ui.scenario.addEventListener('change', function () { update({ sc: ui.scenario.value }); });
  ui.presentation.addEventListener('change', function () { update({ p: ui.presentation.checked }); });
  ui.reset.addEventListener('click', function () { state = defaults(); update({ c: ui.country.value }); });
  var levelBoxes = Array.prototype.slice.call(root.querySelectorAll('input[name=lv]'));
  levelBoxes.forEach(function (box) {
    box.addEventListener('change', function () {
      var on = levelBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (!on.length) {
        box.checked = true; // at least one level stays shown
        return;
      }
      update({ lv: on.length === levelBoxes.length ? [] : on });
    });
  });

  /** Puts the controls in line with the state (options depend on the country). */
  function controls(c, u) {
    clear(ui.country);
    D.countries.forEach(function (x) { option(ui.country, x.code, x.name, x.code === c.code); });
    var year = state.y || (u.date ? Number(u.date.slice(0, 4)) : c.ref_year || LAST_YEAR);
    ui.year.value = String(year);
    ui.year.disabled = !!u.scenario;
    var note = u.date === c.ref_date && c.ref_date ? ' (' + word('reference date') + ')' : '';
    if (u.scenario) {
      ui.yearOut.textContent = word('scenario date', { date: u.date || '' }) + note;
    } else if (u.date) {
      ui.yearOut.textContent = year + ' \u00b7 ' + u.date + note;
    } else {
      ui.yearOut.textContent = word('always'); // a model without a reference date, undated
    }
    ui.year.setAttribute('aria-valuetext', ui.yearOut.textContent);
    ui.year.title = word('year note');
    clear(ui.edges);
    option(ui.edges, 'all', word('edges all'), state.v === 'all');
    option(ui.edges, 'org', word('edges org'), state.v === 'org');
    option(ui.edges, 'steering', word('edges steering'), state.v === 'steering');
    clear(ui.depth);
    option(ui.depth, '0', word('depth all'), state.d === 0);
    for (var d = 1; d <= MAX_DEPTH; d++) { option(ui.depth, String(d), word('depth n', { n: d }), state.d === d); }
    clear(ui.kind);
    option(ui.kind, '', word('all kinds'), !state.k.length);
    var present = new Set(c.actors.map(function (a) { return a.kind; }));
    D.terms.kind.forEach(function (t) {
      if (present.has(t.key) || state.k.indexOf(t.key) >= 0) { option(ui.kind, t.key, t.label, state.k[0] === t.key); }
    });
    clear(ui.role);
    option(ui.role, '', word('all roles'), !state.r);
    D.terms.role.forEach(function (t) { option(ui.role, t.key, t.label, state.r === t.key); });
    clear(ui.strength);
    D.terms.instrument.slice().reverse().forEach(function (t) {
      option(ui.strength, String(t.strength), word('strength up to', { n: t.strength, label: t.label }), state.s === t.strength);
    });
    clear(ui.scenario);
    option(ui.scenario, '', word('no overlay'), !state.sc);
    c.scenarios.forEach(function (s) { option(ui.scenario, s.key, s.name, state.sc === s.key); });
    ui.scenario.disabled = !c.scenarios.length;
    levelBoxes.forEach(function (b) { b.checked = !state.lv.length || state.lv.indexOf(b.value) >= 0; });
    ui.presentation.checked = state.p;
    document.body.classList.toggle('x-presenting', state.p);
  }

  // ---------------------------------------------------------------- search

  function fold(text) {
    return String(text).toLocaleLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  var index = [];
  D.countries.forEach(function (c) {
    c.actors.forEach(function (a) {
      var texts = [a.id, a.label, a.name].concat(a.names.map(function (n) { return n[1]; }), a.abbr ? [a.abbr] : [], a.aliases || []);
      index.push({ c: c, a: a, texts: texts.map(fold) });
    });
  });

  /** Actors whose names, abbreviation, other names or id match `query`: exact, then prefix, then anywhere. */
  function search(query) {
    var q = fold(query.trim());
    if (!q) { return []; }
    var hits = [];
    index.forEach(function (entry, order) {
      var best = 4;
      entry.texts.forEach(function (t) {
        var score = t === q ? 0 : t.indexOf(q) === 0 ? 1 : t.indexOf(' ' + q) >= 0 ? 2 : t.indexOf(q) >= 0 ? 3 : 4;
        best = Math.min(best, score);
      });
      if (best < 4) { hits.push({ entry: entry, score: best, order: order }); }
    });
    hits.sort(function (x, y) { return x.score - y.score || x.order - y.order; });
    return hits.slice(0, 40).map(function (h) { return h.entry; });
  }

  function showResults() {
    clear(ui.results);
    var query = ui.search.value;
    if (!query.trim()) { return; }
    var found = search(query);
    if (!found.length) {
      ui.results.appendChild(el('li', { 'class': 'note' }, word('no results')));
      return;
    }
    found.forEach(function (hit) {
      var a = hit.a;
      var b = el('button', { type: 'button', 'class': 'x-result', 'data-country': hit.c.code, 'data-actor': a.id });
      b.appendChild(el('strong', {}, a.label));
      if (a.name !== a.label) { b.appendChild(document.createTextNode(' \u2013 ' + a.name)); }
      b.appendChild(document.createTextNode(' (' + hit.c.name + ', ' + label('kind', a.kind) + ')'));
      b.appendChild(idMark(a.id));
      b.addEventListener('click', function () { choose(hit.c.code, a.id); });
      var li = el('li');
      li.appendChild(b);
      ui.results.appendChild(li);
    });
  }

  ui.search.addEventListener('input', showResults);
  ui.search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      var first = ui.results.querySelector('button');
      if (first) { first.click(); }
    }
  });

  /** Opens an actor's card from the search: its country, and a year it exists in if the one shown is not. */
  function choose(code, id) {
    var c = countries.get(code);
    var a = c.actorById.get(id);
    var changes = { c: code, a: id, sc: '' };
    var probe = Object.assign({}, state, changes);
    var date = viewDate(c, probe);
    if (a && date && !holds(a, date)) {
      var year = D.years.find(function (y) { return holds(a, c.dateOf.get(y)); });
      if (year) { changes.y = year; }
    }
    update(changes);
    var title = $('x-card-title');
    if (title) { title.focus(); }
  }

  // ---------------------------------------------------------------- the graph

  var cy = null;
  var CY_STYLE = [
    { selector: 'node.actor', style: {
      'label': 'data(label)', 'shape': 'data(shape)', 'background-color': 'data(fill)', 'border-width': 'data(bw)',
      'border-color': 'data(bc)', 'width': 'data(w)', 'height': 28, 'font-size': 11, 'color': '#111111',
      'text-valign': 'center', 'text-halign': 'center', 'text-wrap': 'ellipsis', 'text-max-width': 'data(tw)' } },
    { selector: 'node.band', style: {
      'label': 'data(label)', 'shape': 'rectangle', 'background-opacity': 0, 'border-width': 0, 'width': 1, 'height': 1, 'font-size': 13, 'font-weight': 'bold',
      'text-halign': 'right', 'color': '#333333', 'events': 'no' } },
    { selector: 'node.x-chosen', style: { 'border-width': 5, 'border-color': '#000000' } },
    { selector: 'edge', style: {
      'curve-style': 'bezier', 'width': 'data(width)', 'line-color': 'data(colour)', 'line-style': 'data(line)',
      'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.9, 'opacity': 0.85 } }
  ];
  var ROW_GAP = 62;
  var BAND_GAP = 40;
  var BAND_LABEL = 150;
  var NODE_GAP = 16;

  function nodeWidth(text) {
    return Math.max(44, Math.min(230, String(text).length * 6.6 + 20));
  }

  function nodeData(n) {
    var k = term('kind', n.kind);
    var w = nodeWidth(n.label);
    var d = { id: n.id, label: n.label, shape: k.shape || 'round-rectangle', fill: k.colour || '#ffffff',
              bw: 1, bc: '#555555', w: w, tw: w - 8 };
    if (n.central) { d.bw = 3; d.bc = '#cc0000'; }
    if (n.change) { d.bw = 5; d.bc = term('change', n.change).colour || '#000000'; }
    return d;
  }

  function edgeData(e, i) {
    var d = { id: 'e' + i, source: e.source, target: e.target, colour: '#555555', width: 1.3, line: 'solid' };
    if (e.role) {
      var ins = term('instrument', e.instrument);
      d.colour = term('role', e.role).colour || '#555555';
      d.width = Number(ins.width) || 1;
      d.line = ins.line || 'solid';
    } else if (['reports_to', 'owned_by', 'part_of'].indexOf(e.rel) < 0) {
      d.line = 'dashed';
      d.colour = '#777777';
    }
    if (e.change) {
      d.colour = term('change', e.change).colour || d.colour;
      d.width += 1.5;
      if (e.change === 'removed') { d.line = 'dashed'; }
    }
    return d;
  }

  /**
   * Positions in level bands (national on top), as the built-in diagrams lay them out: within a
   * band, each actor follows its parent when the parent sits at the same level, and rows wrap at
   * a width that gives the drawing about the shape of the pane it is shown in.
   */
  function bands(v) {
    var total = v.nodes.reduce(function (sum, n) { return sum + nodeWidth(n.label) + NODE_GAP; }, 0);
    var aspect = Math.max(0.5, (ui.graph.clientWidth || 800) / (ui.graph.clientHeight || 600));
    var rows = Math.max(1, Math.round(Math.sqrt(total / (aspect * ROW_GAP))));
    var rowWidth = Math.max(500, total / rows);
    var els = [];
    var y = 0;
    LEVELS.forEach(function (level) {
      var row = v.nodes.filter(function (n) { return n.level === level; });
      if (!row.length) { return; }
      var sameLevelParent = function (n) {
        var p = n.parent && v.nodeById.get(n.parent.id);
        return p && p.level === level ? p : null;
      };
      var key = function (n) { var p = sameLevelParent(n); return [p ? p.label : n.label, p ? 1 : 0, n.label, n.id]; };
      row.sort(function (a, b) {
        var x = key(a), z = key(b);
        return compare(x[0], z[0]) || x[1] - z[1] || compare(x[2], z[2]) || compare(x[3], z[3]);
      });
      els.push({ group: 'nodes', data: { id: 'band ' + level, label: label('level', level) }, classes: 'band',
                 position: { x: 0, y: y }, selectable: false, grabbable: false });
      var x = BAND_LABEL;
      row.forEach(function (n) {
        var w = nodeWidth(n.label);
        if (x + w > BAND_LABEL + rowWidth && x > BAND_LABEL) {
          x = BAND_LABEL;
          y += ROW_GAP;
        }
        els.push({ group: 'nodes', data: nodeData(n), classes: classes(n), position: { x: x + w / 2, y: y } });
        x += w + NODE_GAP;
      });
      y += ROW_GAP + BAND_GAP;
    });
    return els;
  }

  function classes(n) {
    return 'actor' + (n.id === state.a ? ' x-chosen' : '');
  }

  function drawGraph(c, u, v) {
    if (typeof window.cytoscape !== 'function') { return; }
    if (!cy) {
      cy = window.cytoscape({ container: ui.graph, style: CY_STYLE, boxSelectionEnabled: false, autounselectify: true,
                              minZoom: 0.05, maxZoom: 4 });
      cy.on('tap', 'node.actor', function (evt) { update({ a: evt.target.id() }); });
    }
    var focused = state.a && state.d > 0 && v.nodeById.has(state.a) && v.nodes.some(function (n) { return n.id === state.a; });
    var els = focused
      ? v.nodes.map(function (n) { return { group: 'nodes', data: nodeData(n), classes: classes(n) }; })
      : bands(v);
    v.edges.forEach(function (e, i) { els.push({ group: 'edges', data: edgeData(e, i) }); });
    cy.batch(function () {
      cy.elements().remove();
      cy.add(els);
    });
    var layout = focused
      ? { name: 'breadthfirst', roots: cy.getElementById(state.a), directed: false, spacingFactor: 1.1, padding: 24,
          animate: false, avoidOverlap: true }
      : { name: 'preset', fit: true, padding: 24, animate: false };
    cy.layout(layout).run();
    ui.graph.setAttribute('aria-label', word('graph of', { country: c.name, date: u.date || '', n: v.nodes.length, m: v.edges.length }));
  }

  // ---------------------------------------------------------------- the tables

  function rolesOf(snap) {
    var held = new Map();
    snap.roles.forEach(function (r) {
      r.holders.forEach(function (h) {
        if (!held.has(h[0])) { held.set(h[0], []); }
        held.get(h[0]).push({ level: r.level, role: r.role, sector: r.sector, qualifier: h[1], entry: r });
      });
    });
    return held;
  }

  function roleText(h) {
    var text = label('role', h.role) + ' (' + label('level', h.level);
    if (h.sector !== 'general') { text += ', ' + label('sector', h.sector); }
    if (h.qualifier) { text += ', ' + label('qualifier', h.qualifier); }
    return text + ')';
  }

  function header(table, names) {
    var tr = clear(table.tHead.rows[0]);
    names.forEach(function (n) { tr.appendChild(el('th', { scope: 'col' }, n)); });
  }

  function cell(tr, content) {
    var td = el('td');
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content == null ? '' : String(content); }
    tr.appendChild(td);
    return td;
  }

  function nameCell(n) {
    var span = el('span');
    span.appendChild(actorButton(n.id, n.name && n.name !== n.label ? n.label + ' \u2013 ' + n.name : n.label));
    span.appendChild(idMark(n.id));
    return span;
  }

  function changeCell(x) {
    return x.change ? el('span', { 'class': 'x-change x-change-' + x.change }, label('change', x.change)) : '';
  }

  function drawTables(c, u, v) {
    var overlay = !!u.scenario;
    var held = rolesOf(u.snap);
    var cols = [word('name'), word('kind'), word('level'), word('parent'), word('roles')];
    header(ui.actors, overlay ? cols.concat([word('change')]) : cols);
    var body = clear(ui.actors.tBodies[0]);
    v.nodes.forEach(function (n) {
      var tr = el('tr');
      cell(tr, nameCell(n));
      cell(tr, label('kind', n.kind));
      cell(tr, label('level', n.level));
      var p = n.parent && v.nodeById.get(n.parent.id);
      cell(tr, n.parent ? (p ? p.label : n.parent.id) : '');
      cell(tr, (held.get(n.id) || []).map(roleText).join('; '));
      if (overlay) { cell(tr, changeCell(n)); }
      body.appendChild(tr);
    });
    var ecols = [word('from'), word('edge'), word('to')];
    header(ui.edgeTable, overlay ? ecols.concat([word('change')]) : ecols);
    body = clear(ui.edgeTable.tBodies[0]);
    var labelOf = function (id) { var n = v.nodeById.get(id); return n ? n.label : id; };
    v.edges.forEach(function (e) {
      var tr = el('tr');
      cell(tr, actorButton(e.source, labelOf(e.source)));
      cell(tr, edgeText(e));
      cell(tr, actorButton(e.target, labelOf(e.target)));
      if (overlay) { cell(tr, changeCell(e)); }
      body.appendChild(tr);
    });
  }

  // ---------------------------------------------------------------- the card

  function section(card, title) {
    card.appendChild(el('h3', {}, title));
  }

  function list(card, items) {
    var ul = el('ul');
    items.forEach(function (item) {
      var li = el('li');
      item.forEach(function (part) { li.appendChild(part instanceof Node ? part : document.createTextNode(String(part))); });
      ul.appendChild(li);
    });
    card.appendChild(ul);
  }

  function small(card, cols, rows) {
    var t = el('table');
    var tr = el('tr');
    cols.forEach(function (c) { tr.appendChild(el('th', { scope: 'col' }, c)); });
    t.appendChild(el('thead')).appendChild(tr);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (row) {
      var r = el('tr');
      row.forEach(function (x) { cell(r, x); });
      body.appendChild(r);
    });
    card.appendChild(t);
    return t;
  }

  function drawCard(c, u, v) {
    var card = clear(ui.card);
    var id = state.a;
    var a = c.actorById.get(id);
    var n = u.nodes.find(function (x) { return x.id === id; });
    if (!id || (!a && !n)) {
      card.hidden = true;
      return;
    }
    card.hidden = false;
    var labelOf = function (x) { var m = v.nodeById.get(x) || c.actorById.get(x); return m ? m.label : x; };
    var button = function (x) { return actorButton(x, labelOf(x)); };
    var h = el('h2', { id: 'x-card-title', tabindex: '-1' }, a ? a.name : n.label);
    h.appendChild(idMark(id));
    card.appendChild(h);
    if (n && n.change) {
      var p = card.appendChild(el('p', {}, word('change') + ': '));
      p.appendChild(changeCell(n));
    }
    var close = el('button', { type: 'button' }, word('close'));
    close.addEventListener('click', function () { update({ a: '', d: 0 }); });
    card.appendChild(el('p')).appendChild(close);
    if (!n && a) {
      card.appendChild(el('p', { 'class': 'note' }, word('not on date', { date: u.date || '', dates: a.dates || word('always') })));
    }

    var dl = el('dl');
    var row = function (term, value) {
      if (value == null || value === '' || (Array.isArray(value) && !value.length)) { return; }
      dl.appendChild(el('dt', {}, term));
      var dd = el('dd');
      (Array.isArray(value) ? value : [value]).forEach(function (x) {
        dd.appendChild(x instanceof Node ? x : document.createTextNode(String(x)));
      });
      dl.appendChild(dd);
    };
    if (a) {
      row(word('names'), a.names.map(function (x, i) {
        return (i ? '; ' : '') + x[1] + ' (' + label('lang', x[0]) + ')';
      }));
      row(word('abbreviation'), a.abbr);
      row(word('aliases'), (a.aliases || []).join('; '));
    }
    var kind = n ? n.kind : a.kind;
    var level = n ? n.level : a.level;
    row(word('kind'), label('kind', kind));
    row(word('level'), label('level', level));
    var parent = n ? n.parent : (a.parent || null);
    if (parent) {
      var parts = [button(parent.id), ' (' + label('relation', parent.rel) + ')'];
      if (n && n.was) { parts.push(' \u2013 ' + word('was', { label: labelOf(n.was) })); }
      row(word('parent'), parts);
    }
    if (n ? n.central : a.central) { row(word('central'), word('yes')); }
    if (a) {
      row(word('portfolio'), a.portfolio);
      row(word('standing'), a.standing);
      row(word('participation'), a.participation);
      row(word('exists'), a.dates || word('always'));
      if (a.confidence || a.reconstructed) {
        var conf = el('span', { 'class': 'x-conf' },
          (a.confidence ? label('confidence', a.confidence) : '') + (a.reconstructed ? (a.confidence ? '; ' : '') + word('reconstructed') : ''));
        dl.appendChild(el('dt', { 'class': 'x-conf' }, word('confidence')));
        dl.appendChild(el('dd')).appendChild(conf);
      }
    }
    card.appendChild(dl);
    var sources = [];
    var cite = function (list) { (list || []).forEach(function (s) { sources.push(s); }); };
    if (a) { cite(a.sources); }

    // Roles per level: a row per level, its cell naming the roles the actor holds there.
    section(card, word('roles per level'));
    var held = rolesOf(u.snap).get(id) || [];
    if (!held.length) {
      card.appendChild(el('p', {}, word('none')));
    } else {
      var t = small(card, [word('level'), word('roles')], []);
      LEVELS.forEach(function (l) {
        var here = held.filter(function (x) { return x.level === l; });
        if (!here.length) { return; }
        here.sort(function (x, y) { return ROLES.indexOf(x.role) - ROLES.indexOf(y.role); });
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row' }, label('level', l)));
        var td = cell(tr, '');
        td.className = 'x-role-cell';
        here.forEach(function (x, i) {
          var text = label('role', x.role);
          var notes = [];
          if (x.sector !== 'general') { notes.push(label('sector', x.sector)); }
          if (x.qualifier) { notes.push(label('qualifier', x.qualifier)); }
          if (notes.length) { text += ' (' + notes.join(', ') + ')'; }
          td.appendChild(document.createTextNode((i ? '; ' : '') + text));
          var mark = x.entry.confidence === 'low' ? ' ?' : x.entry.reconstructed ? ' ~' : '';
          if (mark) {
            var why = x.entry.confidence === 'low' ? label('confidence', 'low') : word('reconstructed');
            td.appendChild(el('span', { 'class': 'x-conf', title: why }, mark));
          }
          cite(x.entry.sources);
        });
        t.tBodies[0].appendChild(tr);
      });
    }

    // Steering it exercises and receives, grouped by role and instrument.
    var steering = u.edges.filter(function (e) { return e.role && (e.source === id || e.target === id); });
    [[word('steering held'), 'source', 'target'], [word('steering received'), 'target', 'source']].forEach(function (side) {
      section(card, side[0]);
      var groups = new Map();
      steering.filter(function (e) { return e[side[1]] === id; }).forEach(function (e) {
        var k = e.role + ' ' + e.instrument;
        if (!groups.has(k)) { groups.set(k, { e: e, others: [] }); }
        groups.get(k).others.push(e[side[2]]);
        cite(e.sources);
      });
      if (!groups.size) {
        card.appendChild(el('p', {}, word('none')));
        return;
      }
      var items = [];
      Array.from(groups.values()).sort(function (x, y) {
        return ROLES.indexOf(x.e.role) - ROLES.indexOf(y.e.role) || strength(x.e.instrument) - strength(y.e.instrument);
      }).forEach(function (g) {
        var item = [edgeText(g.e) + ': '];
        g.others.forEach(function (o, i) {
          if (i) { item.push(', '); }
          item.push(button(o));
        });
        items.push(item);
      });
      list(card, items);
    });

    // Other relations (the parent is above).
    var rels = u.edges.filter(function (e) {
      return !e.role && (e.source === id || e.target === id) && !(parent && e.source === id && e.target === parent.id && e.rel === parent.rel);
    });
    if (rels.length) {
      section(card, word('relations'));
      list(card, rels.map(function (e) {
        cite(e.sources);
        return [e.source === id ? labelOf(id) : button(e.source), ' ' + label('relation', e.rel) + ' ',
                e.target === id ? labelOf(id) : button(e.target)];
      }));
    }

    var figures = u.snap.resources.filter(function (r) { return r.actor === id; });
    if (figures.length) {
      section(card, word('resources'));
      small(card, [word('year'), word('fte'), word('budget'), word('scope'), word('covers')], figures.map(function (r) {
        cite(r.sources);
        return [r.year == null ? '' : r.year, r.fte || '', r.budget || '', r.scope, r.covers || ''];
      }));
    }

    var m = c.metricsById.get(id);
    if (m) {
      section(card, word('metrics'));
      card.appendChild(el('p', { 'class': 'note' }, word('metrics note', { date: c.ref_date || '', n: c.metric_actors })));
      small(card, [word('metric'), word('value'), word('rank')], D.metrics.map(function (t, i) {
        var value = m.values[i];
        return [t.label, value == null ? '' : value, m.ranks[i] == null ? '' : word('rank of', { r: m.ranks[i], n: c.metric_actors })];
      }));
    }

    section(card, word('sources'));
    var seen = new Set();
    var items = [];
    sources.forEach(function (s) {
      var k = s.text + ' ' + (s.href || '');
      if (!seen.has(k)) {
        seen.add(k);
        var t = title(c, s);
        items.push([sourceLink(s, t), t ? ' \u2013 ' + t : '']);
      }
    });
    if (items.length) { list(card, items); } else { card.appendChild(el('p', {}, word('none'))); }
  }

  // ---------------------------------------------------------------- status and legend

  function drawStatus(c, u, v) {
    ui.status.textContent = word('status', { country: c.name, date: u.date || '\u2013', n: v.nodes.length, m: v.edges.length });
    var legend = clear(ui.legend);
    if (u.scenario) {
      legend.appendChild(el('span', {}, word('overlay legend')));
      legend.appendChild(el('a', { href: u.scenario.page }, u.scenario.name + ' (' + word('scenario page') + ')'));
      return;
    }
    D.terms.role.forEach(function (t) {
      var item = el('span');
      item.appendChild(el('span', { 'class': 'x-swatch', style: 'background:' + t.colour, 'aria-hidden': 'true' }));
      item.appendChild(document.createTextNode(t.label));
      legend.appendChild(item);
    });
  }

  // ---------------------------------------------------------------- everything

  function render() {
    var c = countries.get(state.c) || D.countries[0];
    var u = universe(c);
    var v = visible(c, u);
    controls(c, u);
    drawStatus(c, u, v);
    drawTables(c, u, v);
    drawCard(c, u, v);
    drawGraph(c, u, v);
  }

  // For the browser tests: the replayed country on a year's day (or the reference date), and
  // what the graph draws.
  window.NordgovExplorer = {
    graph: function () {
      var colours = {};
      D.terms.change.forEach(function (t) { colours[t.key] = t.colour; });
      return {
        colours: colours,
        nodes: cy ? cy.nodes('.actor').map(function (n) { return { id: n.id(), border: n.data('bc') }; }) : [],
        edges: cy ? cy.edges().map(function (e) {
          return { source: e.data('source'), target: e.data('target'), colour: e.data('colour') };
        }) : []
      };
    },
    snapshot: function (code, year) {
      var c = countries.get(code);
      var date = year ? c.dateOf.get(year) : c.ref_date || null;
      var s = snapshot(c, date);
      var parents = [];
      s.parent.forEach(function (p, id) { parents.push([id, p.id, p.rel].join(' ')); });
      var roles = [];
      s.roles.forEach(function (r) {
        r.holders.forEach(function (h) { roles.push([r.level, r.role, r.sector, h[0]].join(' ')); });
      });
      return {
        date: date,
        actors: Array.from(s.alive.keys()).sort(),
        parents: parents.sort(),
        edges: s.edges.map(function (e) {
          return e.role ? [e.source, e.target, e.role, e.instrument].join(' ') : [e.source, e.target, e.rel].join(' ');
        }).sort(),
        roles: roles.sort(),
        resources: s.resources.length
      };
    }
  };

  if (!location.hash) {
    update({});
  } else {
    render();
  }
})();
