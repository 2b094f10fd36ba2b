//! The report in a real browser: Debian's Chromium driven through chromedriver's WebDriver API
//! (plain HTTP and JSON, so no browser download). Every page loads without a console error and
//! requests nothing outside the site, a click on a metrics-table header sorts it, screenshots of
//! the index, a country page and each step through the explorer are written for review
//! (target/report-screenshots/), hostile model text runs no script, the explorer replays every
//! date as `Country::as_of` does, and axe-core finds no serious or critical accessibility
//! violation on any page.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{load_model, nordgov, root, tools_required};
use crate::report::is_html;

pub struct Driver {
    child: Child,
    base: String,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = ureq::delete(&format!("{}/session/{}", self.base, self.session)).call();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn post(url: &str, body: Value) -> Value {
    let mut resp = ureq::post(url).send_json(&body).unwrap_or_else(|e| panic!("POST {url}: {e}"));
    resp.body_mut().read_json::<Value>().unwrap()
}

fn get(url: &str) -> Value {
    let mut resp = ureq::get(url).call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    resp.body_mut().read_json::<Value>().unwrap()
}

/// Starts chromedriver on a free loopback port and a headless Chromium session, or skips (a
/// failure under NORDGOV_REQUIRE_TOOLS=1) when either is missing.
pub fn driver() -> Option<Driver> {
    let present = |p: &str| std::path::Path::new(p).exists();
    if !present("/usr/bin/chromedriver") || !present("/usr/bin/chromium") {
        let msg = "SKIPPED: /usr/bin/chromium and /usr/bin/chromedriver are needed (apt-get install chromium chromium-driver)";
        assert!(!tools_required(), "{msg} (NORDGOV_REQUIRE_TOOLS=1 forbids skipping)");
        eprintln!("{msg}");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new("/usr/bin/chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for "... started successfully" on stdout.
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for line in lines.by_ref().take(20) {
        if line.map(|l| l.contains("started successfully")).unwrap_or(false) {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    let base = format!("http://127.0.0.1:{port}");
    let profile = tempfile::tempdir().unwrap().keep();
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:loggingPrefs": { "browser": "ALL" },
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1400,1000", format!("--user-data-dir={}", profile.display())]
        }
    }}});
    let mut session = None;
    for _ in 0..50 {
        if let Ok(mut r) = ureq::post(&format!("{base}/session")).send_json(&caps) {
            session =
                r.body_mut().read_json::<Value>().ok().and_then(|v| v["value"]["sessionId"].as_str().map(String::from));
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let session = session.expect("a WebDriver session");
    Some(Driver { child, base, session })
}

impl Driver {
    fn url(&self, path: &str) -> String {
        format!("{}/session/{}/{path}", self.base, self.session)
    }

    pub fn open(&self, file: &std::path::Path) {
        post(&self.url("url"), json!({ "url": format!("file://{}", file.display()) }));
    }

    fn console_errors(&self) -> Vec<String> {
        let logs = post(&self.url("se/log"), json!({ "type": "browser" }));
        logs["value"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].to_string())
            .collect()
    }

    fn open_url(&self, url: &str) {
        post(&self.url("url"), json!({ "url": url }));
    }

    pub fn script(&self, js: &str) -> Value {
        post(&self.url("execute/sync"), json!({ "script": js, "args": [] }))["value"].clone()
    }

    /// Runs `js` as an asynchronous script: it ends by calling its last argument with the result.
    fn script_async(&self, js: &str) -> Value {
        post(&self.url("execute/async"), json!({ "script": js, "args": [] }))["value"].clone()
    }

    /// The WebDriver id of the first element `css` selects (panics when there is none).
    fn find(&self, css: &str) -> String {
        let v = post(&self.url("element"), json!({ "using": "css selector", "value": css }));
        let id = v["value"].as_object().and_then(|o| o.values().next()).and_then(Value::as_str);
        id.unwrap_or_else(|| panic!("no element `{css}`: {v}")).to_string()
    }

    /// Clicks the element `css` selects, as a user would (WebDriver checks it can be clicked).
    fn click(&self, css: &str) {
        let e = self.find(css);
        post(&self.url(&format!("element/{e}/click")), json!({}));
    }

    /// Types `keys` into the element `css` selects (WebDriver key codes: U+E012 is the left arrow).
    fn keys(&self, css: &str, keys: &str) {
        let e = self.find(css);
        post(&self.url(&format!("element/{e}/value")), json!({ "text": keys }));
    }

    /// Waits up to 10 s for the script `condition` to return true.
    fn wait_for(&self, condition: &str) {
        for _ in 0..100 {
            if self.script(condition) == json!(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("timed out waiting for `{condition}`");
    }

    /// The addresses the page loaded anything from that are outside `base` (none on this site).
    fn requests_outside(&self, base: &str) -> Vec<String> {
        let urls: Vec<String> = serde_json::from_value(
            self.script("return performance.getEntriesByType('resource').map(function (e) { return e.name; });"),
        )
        .unwrap();
        urls.into_iter().filter(|u| !u.starts_with(base) && !u.starts_with("data:")).collect()
    }

    /// Sets the browser window's size in CSS pixels.
    pub fn window(&self, width: u32, height: u32) {
        post(&self.url("window/rect"), json!({ "width": width, "height": height }));
    }

    pub fn screenshot(&self, to: &std::path::Path) {
        use base64_decode as b64;
        let png = get(&self.url("screenshot"))["value"].as_str().unwrap().to_string();
        std::fs::write(to, b64(&png)).unwrap();
    }
}

/// Standard base64 decoding (the screenshot comes base64-encoded).
fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let bits: Vec<u8> = s.bytes().filter_map(val).collect();
    bits.chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, &v| (acc << 6) | u32::from(v)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

#[test]
fn report_pages_in_a_real_browser() {
    let Some(d) = driver() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = nordgov().current_dir(root()).args(["report", "-o"]).arg(&site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let names: Vec<_> = crate::report::pages(&site)
        .into_iter()
        .filter(|(rel, _)| is_html(rel))
        .map(|(rel, _)| site.join(rel))
        .collect();
    let base = format!("file://{}/", site.display());
    for page in &names {
        d.open(page);
        let title = d.script("return document.title;");
        assert!(title.as_str().is_some_and(|t| !t.is_empty()), "{} did not load", page.display());
        let errors = d.console_errors();
        assert!(errors.is_empty(), "{}: console errors {errors:?}", page.display());
        let outside = d.requests_outside(&base);
        assert!(outside.is_empty(), "{}: requests outside the site {outside:?}", page.display());
    }
    // Sorting: click the metrics table's `in` header and read the column back.
    d.open(&site.join("dk.html"));
    let read = "var t=[...document.querySelectorAll('table.sortable')].pop();return [...t.tBodies[0].rows].map(r=>parseFloat(r.cells[1].textContent));";
    let click =
        "var t=[...document.querySelectorAll('table.sortable')].pop();t.querySelectorAll('th')[1].click();return true;";
    let before: Vec<f64> = serde_json::from_value(d.script(read)).unwrap();
    d.script(click);
    let asc: Vec<f64> = serde_json::from_value(d.script(read)).unwrap();
    d.script(click);
    let desc: Vec<f64> = serde_json::from_value(d.script(read)).unwrap();
    let mut sorted = before.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(asc, sorted, "one click sorts ascending");
    sorted.reverse();
    assert_eq!(desc, sorted, "a second click sorts descending");
    // Screenshots for review.
    let shots = root().join("target/report-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    d.open(&site.join("index.html"));
    d.screenshot(&shots.join("index.png"));
    d.open(&site.join("no.html"));
    d.screenshot(&shots.join("no.png"));
    assert!(std::fs::metadata(shots.join("index.png")).unwrap().len() > 10_000);
}

#[test]
fn hostile_names_run_no_script_in_a_real_browser() {
    let Some(d) = driver() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = crate::report::hostile_site(tmp.path());
    for (rel, _) in crate::report::pages(&site).into_iter().filter(|(rel, _)| is_html(rel)) {
        d.open(&site.join(&rel));
        if rel == "explore.html" {
            // Find the hostile actor and open its card: its name goes into the results, the card,
            // the tables and the graph.
            d.wait_for("return !!window.NordgovExplorer;");
            d.keys("#x-search", "onerror");
            d.click("#x-results button[data-actor=evil]");
            let card = d.script("return document.getElementById('x-card').innerText;");
            assert!(
                card.as_str().unwrap().contains("<img src=x onerror=alert(1)>"),
                "explore.html: the hostile name is not shown as text in the card: {card}"
            );
            let errors = d.console_errors();
            assert!(errors.is_empty(), "explore.html: console errors {errors:?}");
        }
        // Alert commands bypass prompt handling: a 404 "no such alert" means no alert() ran.
        match ureq::get(&d.url("alert/text")).call() {
            Err(ureq::Error::StatusCode(404)) => {}
            Ok(mut r) => panic!("{rel}: an alert ran: {}", r.body_mut().read_to_string().unwrap_or_default()),
            Err(e) => panic!("{rel}: alert/text: {e}"),
        }
        let injected = d.script("return document.querySelectorAll('img[onerror]').length + [...document.scripts].filter(s => s.textContent.includes('alert')).length;");
        assert_eq!(injected, json!(0), "{rel}: the model's text became elements");
        if rel == "xx.html" {
            let text = d.script("return document.body.innerText;");
            assert!(
                text.as_str().unwrap().contains("<img src=x onerror=alert(1)>"),
                "{rel}: the hostile name is not shown as text"
            );
        }
    }
}

/// A minimal static file server over `dir` on a loopback port (GET only; 404 for anything
/// missing or outside `dir`), as an analyst's `python3 -m http.server` would serve the site.
fn serve(dir: std::path::PathBuf) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let dir = dir.clone();
            // A thread per connection: Chromium opens speculative connections that never send a
            // request, and one of those must not hold up the next page.
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                let n = s.read(&mut buf).unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]);
                let path =
                    req.split_whitespace().nth(1).unwrap_or("/").split(['?', '#']).next().unwrap_or("/").to_string();
                let file = dir.join(path.trim_start_matches('/'));
                let body = (!path.contains("..")).then(|| std::fs::read(&file).ok()).flatten();
                let kind = match path.rsplit('.').next() {
                    Some("js") => "text/javascript",
                    Some("txt") => "text/plain",
                    _ => "text/html",
                };
                let head = match &body {
                    Some(b) => format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", b.len()),
                    None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
                };
                let _ = s.write_all(head.as_bytes());
                let _ = s.write_all(body.as_deref().unwrap_or_default());
            });
        }
    });
    base
}

#[test]
fn report_works_behind_a_static_web_server() {
    let Some(d) = driver() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = nordgov().current_dir(root()).args(["report", "--engine", "builtin", "-o"]).arg(&site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let base = serve(site.clone());
    let mut targets = std::collections::BTreeSet::new();
    // Pages are reached by links; the explorer's scripts are loaded by explore.html.
    let pages: Vec<(String, String)> =
        crate::report::pages(&site).into_iter().filter(|(rel, _)| !rel.ends_with(".js")).collect();
    for (rel, _) in pages.iter().filter(|(rel, _)| is_html(rel)) {
        post(&d.url("url"), json!({ "url": format!("{base}/{rel}") }));
        let errors = d.console_errors();
        assert!(errors.is_empty(), "{rel} over HTTP: console errors {errors:?}");
        let outside = d.requests_outside(&base);
        assert!(outside.is_empty(), "{rel} over HTTP: requests outside the site {outside:?}");
        let links: Vec<String> = serde_json::from_value(
            // Links out to web sources (class `web`) open the page cited; every other link stays on
            // the site.
            d.script("return [...document.links].filter(a => !a.classList.contains('web')).map(a => a.href.split('#')[0]).filter(h => !h.startsWith('data:'));"),
        )
        .unwrap();
        targets.extend(links);
        if rel == "explore.html" {
            // The explorer's cards link the passages they cite (drawn when an actor is chosen).
            let cited: Vec<String> = serde_json::from_value(d.script(
                "var out = []; (function walk(o) { if (Array.isArray(o)) { o.forEach(walk); } \
                 else if (o && typeof o === 'object') { if (typeof o.href === 'string' && o.href.indexOf('sources/') === 0) \
                 { out.push(new URL(o.href, location.href).href.split('#')[0]); } Object.keys(o).forEach(function (k) { walk(o[k]); }); } \
                 })(window.NORDGOV_EXPLORER); return out;",
            ))
            .unwrap();
            assert!(!cited.is_empty(), "the explorer cites no source text");
            targets.extend(cited);
        }
    }
    // Every page is reached by some link (on a page or in an explorer card), and every link
    // reaches a served page.
    let all: std::collections::BTreeSet<String> = pages.iter().map(|(rel, _)| format!("{base}/{rel}")).collect();
    assert_eq!(targets, all, "the links and the pages differ");
    for url in &targets {
        assert!(url.starts_with(&base), "a link leaves the site: {url}");
        let status = ureq::get(url).call().map(|r| r.status().as_u16()).unwrap_or(0);
        assert_eq!(status, 200, "{url} (as the browser resolved a link) is not served");
    }
    // The explorer runs over HTTP too (its scripts served as JavaScript, with nosniff).
    post(&d.url("url"), json!({ "url": format!("{base}/explore.html#c=no&a=difi&y=2017") }));
    d.wait_for("return !!window.NordgovExplorer && !document.getElementById('x-card').hidden;");
    let errors = d.console_errors();
    assert!(errors.is_empty(), "explore.html over HTTP: console errors {errors:?}");
}

/// A report over the bundled models with the built-in layout, in `tmp/site`.
fn bundled_site(tmp: &std::path::Path) -> std::path::PathBuf {
    let site = tmp.join("site");
    let out = nordgov().current_dir(root()).args(["report", "--engine", "builtin", "-o"]).arg(&site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    site
}

/// Texts of the elements `css` selects, as a JSON array of strings.
fn texts(d: &Driver, css: &str) -> Vec<String> {
    let js = format!("return [...document.querySelectorAll({})].map(e => e.textContent);", json!(css));
    serde_json::from_value(d.script(&js)).unwrap()
}

fn hash(d: &Driver) -> String {
    d.script("return decodeURIComponent(location.hash);").as_str().unwrap().to_string()
}

#[test]
fn explorer_in_a_real_browser() {
    let Some(d) = driver() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = bundled_site(tmp.path());
    let shots = root().join("target/report-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let explore = site.join("explore.html");
    d.open(&explore);
    d.wait_for("return !!window.NordgovExplorer;");
    let shot = |name: &str| {
        let path = shots.join(format!("explorer-{name}.png"));
        d.script("window.scrollTo(0, 0); return true;");
        d.screenshot(&path);
        assert!(std::fs::metadata(&path).unwrap().len() > 10_000, "{name}: an empty screenshot");
    };

    // 1. Search in every country's names, pick the result: Digdir's card, in a year it exists.
    d.keys("#x-search", "Digdir");
    let first = d.script("var b = document.querySelector('#x-results button'); return b && b.dataset.actor;");
    assert_eq!(first, json!("digdir"), "the best match for `Digdir` is not Norway's Digdir");
    d.click("#x-results button[data-actor=digdir][data-country=no]");
    let card = d.script("var c = document.getElementById('x-card'); return c.hidden ? '' : c.innerText;");
    let card = card.as_str().unwrap();
    for want in ["Norwegian Digitalisation Agency", "Digitaliseringsdirektoratet", "agency", "state", "KMD"] {
        assert!(card.contains(want), "Digdir's card lacks `{want}`:\n{card}");
    }
    let roles = texts(&d, "#x-card td.x-role-cell");
    assert!(roles.iter().any(|r| r.contains("coordination")), "Digdir's card has no role cells: {roles:?}");
    let sources: Vec<String> = serde_json::from_value(
        d.script("return [...document.querySelectorAll('#x-card a.src')].map(a => a.getAttribute('href'));"),
    )
    .unwrap();
    assert!(!sources.is_empty(), "Digdir's card links no source");
    for href in &sources {
        let local = href.starts_with("sources/") && site.join(href.split('#').next().unwrap()).is_file();
        let web = href.starts_with("https://") || href.starts_with("http://");
        assert!(local || web, "a source link goes nowhere: {href}");
    }
    let h = hash(&d);
    assert!(
        h.contains("c=no") && h.contains("a=digdir") && h.contains("y=2020"),
        "the hash does not keep the view: {h}"
    );
    shot("search");

    // 2. The year slider, by keyboard: 2020 -> 2017 shows Difi, not Digdir.
    d.keys("#x-year", "\u{E012}\u{E012}\u{E012}");
    assert_eq!(d.script("return document.getElementById('x-year').value;"), json!("2017"));
    assert!(hash(&d).contains("y=2017"), "the hash does not follow the slider: {}", hash(&d));
    let shown = texts(&d, "#x-actors tbody button.x-link");
    assert!(shown.iter().any(|t| t.starts_with("Difi")), "Norway in 2017 without Difi: {shown:?}");
    assert!(!shown.iter().any(|t| t.starts_with("Digdir")), "Norway in 2017 with Digdir: {shown:?}");
    let status = d.script("return document.getElementById('x-status').textContent;");
    assert!(status.as_str().unwrap().contains("2017-06-01"), "status: {status}");
    shot("2017");

    // 3. A deep link reopens a view: Difi's card in 2017.
    d.open_url(&format!("file://{}#c=no&a=difi&y=2017", explore.display()));
    d.wait_for("var t = document.getElementById('x-card-title'); return !!t && t.textContent.indexOf('Agency for Public Management and eGovernment') === 0;");
    let card = d.script("return document.getElementById('x-card').innerText;");
    assert!(
        card.as_str().unwrap().contains("Ministry of Local Government") || card.as_str().unwrap().contains("KMD"),
        "{card}"
    );
    assert_eq!(d.script("return document.getElementById('x-year').value;"), json!("2017"));
    shot("deep-link");

    // 4. The scenario overlay: Norway's fin_centre moves Difi under the Ministry of Finance.
    d.click("#x-scenario option[value=fin_centre]");
    assert!(hash(&d).contains("sc=fin_centre"), "the hash does not keep the overlay: {}", hash(&d));
    let marks: Vec<String> = serde_json::from_value(d.script(
        "return [...document.querySelectorAll('#x-actors .x-change, #x-edge-table .x-change')].map(e => e.className);",
    ))
    .unwrap();
    for want in ["x-change-added", "x-change-changed"] {
        assert!(marks.iter().any(|m| m.contains(want)), "no `{want}` mark in the overlay: {marks:?}");
    }
    let graph = d.script("return window.NordgovExplorer.graph();");
    let added = json!(graph["colours"]["added"]);
    assert!(
        graph["edges"].as_array().unwrap().iter().any(|e| e["colour"] == added),
        "the graph draws no added edge: {graph}"
    );
    let card = d.script("return document.getElementById('x-card').innerText;");
    assert!(card.as_str().unwrap().contains("changed"), "Difi's card does not say it changed: {card}");
    shot("overlay");

    // 5. Presentation mode hides ids and confidence marks.
    let visible =
        "return [...document.querySelectorAll('.x-id, .x-conf')].filter(e => e.getClientRects().length > 0).length;";
    assert!(d.script(visible).as_u64().unwrap() > 0, "no ids shown outside presentation mode");
    d.click("#x-presentation");
    assert_eq!(d.script(visible), json!(0), "ids or confidence marks still shown in presentation mode");
    assert!(hash(&d).contains("p=1"));
    shot("presentation");
    let errors = d.console_errors();
    assert!(errors.is_empty(), "explore.html: console errors {errors:?}");
}

#[test]
fn explorer_replays_every_date_as_the_model_does() {
    use nordgov::graph::EdgeKind;
    use petgraph::visit::{EdgeRef, IntoEdgeReferences};

    let Some(d) = driver() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let site = bundled_site(tmp.path());
    d.open(&site.join("explore.html"));
    d.wait_for("return !!window.NordgovExplorer;");
    let codes: Vec<String> =
        serde_json::from_value(d.script("return NORDGOV_EXPLORER.countries.map(c => c.code);")).unwrap();
    assert!(codes.len() >= 5, "{codes:?}");
    let mut checked = 0;
    for code in &codes {
        let full = load_model(&root().join("models").join(code));
        for year in std::iter::once(0).chain(2016..=2026) {
            let js = d.script(&format!("return NordgovExplorer.snapshot({}, {year});", json!(code)));
            let c = match js["date"].as_str() {
                Some(day) => full.as_of(day.parse().unwrap()),
                None => full.clone(),
            };
            let g = nordgov::graph::build(&c);
            let sorted = |mut v: Vec<String>| {
                v.sort();
                v
            };
            let want = json!({
                "date": js["date"],
                "actors": sorted(c.actors.keys().map(|a| a.to_string()).collect()),
                "parents": sorted(c.actors.values().filter_map(|a| a.parent.as_ref().map(|p| format!("{} {} {}", a.id, p.id, p.relation))).collect()),
                "edges": sorted((&g.graph).edge_references().map(|e| {
                    let (a, b) = (&g.graph[e.source()], &g.graph[e.target()]);
                    match e.weight().kind {
                        EdgeKind::Structural { relation } => format!("{a} {b} {relation}"),
                        EdgeKind::Steering { role, instrument } => format!("{a} {b} {role} {instrument}"),
                    }
                }).collect()),
                "roles": sorted(c.roles.iter().flat_map(|r| r.holders.iter().map(move |h| format!("{} {} {} {}", r.level, r.role, r.sector, h.actor))).collect()),
                "resources": c.resources.len(),
            });
            assert_eq!(js, want, "{code} in {year} (0: the reference date): the explorer and as_of differ");
            checked += 1;
        }
    }
    assert_eq!(checked, codes.len() * 12);
}

#[test]
fn every_page_passes_axe() {
    let axe = root().join("node_modules/axe-core/axe.min.js");
    if !axe.is_file() {
        let msg = "SKIPPED: node_modules/axe-core/axe.min.js is needed (npm install --no-save axe-core@4.14.1, or scripts/test.sh)";
        assert!(!tools_required(), "{msg} (NORDGOV_REQUIRE_TOOLS=1 forbids skipping)");
        eprintln!("{msg}");
        return;
    }
    let Some(d) = driver() else { return };
    let axe = std::fs::read_to_string(axe).unwrap();
    post(&d.url("timeouts"), json!({ "script": 300_000 }));
    let tmp = tempfile::tempdir().unwrap();
    let site = bundled_site(tmp.path());
    // Every page, and the explorer also with a card open, with an overlay, and in presentation mode.
    let mut urls: Vec<(String, String)> = crate::report::pages(&site)
        .into_iter()
        .filter(|(rel, _)| is_html(rel))
        .map(|(rel, _)| (rel.clone(), format!("file://{}", site.join(&rel).display())))
        .collect();
    for hash in ["#c=no&a=digdir&y=2021", "#c=no&a=difi&sc=fin_centre", "#c=dk&a=digst&d=2&p=1"] {
        urls.push((format!("explore.html{hash}"), format!("file://{}{hash}", site.join("explore.html").display())));
    }
    let run = "var done = arguments[arguments.length - 1];\
        axe.run(document, { resultTypes: ['violations'] }).then(function (r) {\
          done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })\
            .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ' elements, e.g. ' +\
              v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ') + ')'; }));\
        }).catch(function (e) { done(['axe failed: ' + e]); });";
    let mut found = Vec::new();
    for (name, url) in &urls {
        d.open_url("about:blank");
        d.open_url(url);
        if name.starts_with("explore.html") {
            d.wait_for("return !!window.NordgovExplorer;");
        }
        let start = std::time::Instant::now();
        d.script(&axe);
        let violations: Vec<String> = serde_json::from_value(d.script_async(run)).unwrap();
        eprintln!("axe: {name}: {} serious or critical ({:.1} s)", violations.len(), start.elapsed().as_secs_f64());
        found.extend(violations.into_iter().map(|v| format!("{name}: {v}")));
    }
    assert!(found.is_empty(), "axe-core finds serious or critical violations:\n{}", found.join("\n"));
}
