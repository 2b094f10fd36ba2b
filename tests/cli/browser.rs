//! The report in a real browser: Debian's Chromium driven through chromedriver's WebDriver API
//! (plain HTTP and JSON, so no browser download). Every page loads without a console error, a
//! click on a metrics-table header sorts it, and screenshots of the index and a country page are
//! written for review (target/report-screenshots/), and hostile model text runs no script.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{nordgov, root, tools_required};

struct Driver {
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
fn driver() -> Option<Driver> {
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

    fn open(&self, file: &std::path::Path) {
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

    fn script(&self, js: &str) -> Value {
        post(&self.url("execute/sync"), json!({ "script": js, "args": [] }))["value"].clone()
    }

    fn screenshot(&self, to: &std::path::Path) {
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
    let names: Vec<_> = crate::report::pages(&site).into_iter().map(|(rel, _)| site.join(rel)).collect();
    for page in &names {
        d.open(page);
        let title = d.script("return document.title;");
        assert!(title.as_str().is_some_and(|t| !t.is_empty()), "{} did not load", page.display());
        let errors = d.console_errors();
        assert!(errors.is_empty(), "{}: console errors {errors:?}", page.display());
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
    for (rel, _) in crate::report::pages(&site) {
        d.open(&site.join(&rel));
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
                let head = match &body {
                    Some(b) => format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", b.len()),
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
    let pages = crate::report::pages(&site);
    for (rel, _) in &pages {
        post(&d.url("url"), json!({ "url": format!("{base}/{rel}") }));
        let errors = d.console_errors();
        assert!(errors.is_empty(), "{rel} over HTTP: console errors {errors:?}");
        let links: Vec<String> = serde_json::from_value(
            // Links out to web sources (class `web`) open the page cited; every other link stays on
            // the site.
            d.script("return [...document.links].filter(a => !a.classList.contains('web')).map(a => a.href.split('#')[0]).filter(h => !h.startsWith('data:'));"),
        )
        .unwrap();
        targets.extend(links);
    }
    // Every page is reached by some link, and every link reaches a served page.
    let all: std::collections::BTreeSet<String> = pages.iter().map(|(rel, _)| format!("{base}/{rel}")).collect();
    assert_eq!(targets, all, "the links and the pages differ");
    for url in &targets {
        assert!(url.starts_with(&base), "a link leaves the site: {url}");
        let status = ureq::get(url).call().map(|r| r.status().as_u16()).unwrap_or(0);
        assert_eq!(status, 200, "{url} (as the browser resolved a link) is not served");
    }
}
