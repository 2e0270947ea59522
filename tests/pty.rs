//! The real binary in a real pseudo-terminal: start, navigate, quit, and
//! the terminal is left as it was found.

use crate::common::{Pty, bin};

#[test]
fn read_jump_pair_back_footnotes_and_quit() {
    let mut t = Pty::treatyview(&[], 80, 24);
    t.wait_for("Concluding observations on the fourth periodic", 10);
    t.wait_for("┆ [1] CAT/C/KAZ/4 and CAT/C/KAZ/4/Corr.1.", 5);
    t.send(":26\r");
    t.wait_for("26. The State party is urged to bring articles 130", 5);
    t.wait_for("para. 26", 5);
    t.send("p");
    t.wait_for("25. The Committee is deeply concerned that under", 5);
    t.send("\x0f"); // Ctrl-o
    t.wait_for("26. The State party is urged to bring articles 130", 5);
    t.send("g");
    t.wait_for("┆ [1] CAT/C/KAZ/4 and CAT/C/KAZ/4/Corr.1.", 5);
    t.send("f");
    t.wait_gone("┆ [1] CAT/C/KAZ/4", 5);
    t.wait_for("Kazakhstan[1] at its", 5);
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
}

#[test]
fn not_a_terminal_points_to_export_and_search() {
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("export") && err.contains("search"),
        "{err}"
    );
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for signal in ["-TERM", "-HUP", "-INT"] {
        let mut t = Pty::treatyview(&[], 80, 24);
        t.wait_for("Concluding observations", 10);
        t.send(":26\r");
        t.wait_for("para. 26", 5);
        let pid = t.child.process_id().unwrap();
        let status = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        t.wait_exit(10);
        assert!(
            t.restored(),
            "terminal not restored after {signal}:\n{}",
            t.screen()
        );
    }
}

#[test]
fn rapid_resizes_while_scrolling_and_searching() {
    let mut t = Pty::treatyview(&[], 80, 24);
    t.wait_for("Concluding observations", 10);
    let sizes = [
        (200, 60),
        (10, 5),
        (50, 12),
        (49, 11),
        (1, 1),
        (120, 40),
        (81, 25),
        (30, 80),
    ];
    for round in 0..40 {
        let (c, r) = sizes[round % sizes.len()];
        t.resize(c, r);
        t.send(["j", " ", "G", "g", "]", "/tor", "\x1b", "\t"][round % 8]);
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    t.resize(80, 24);
    // Let the browser work through the rapid input first: on a busy
    // machine it lags behind, and the lone Esc below would be read
    // together with the keys sent after it (as Alt-:).
    t.wait_still(500, 20);
    // A lone Esc: wait before the next key so it is not read as Alt-:.
    t.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(150));
    if t.screen().contains("▶ Search") {
        t.send("\x1b");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    t.send(":26\r");
    t.wait_for("26. The State party is urged", 10);
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored());
}

#[test]
fn unreadable_paths_get_one_line_errors() {
    let run = |args: &[&str]| {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(err.lines().count(), 1, "{err}");
        err
    };
    assert!(
        run(&["export", "/nonexistent/x.ron"])
            .contains("/nonexistent/x.ron: no such file or folder")
    );
    assert!(
        run(&["import", "/nonexistent.txt"]).contains("/nonexistent.txt: no such file or folder")
    );
    assert!(run(&["import", "assets"]).contains("assets: is a folder, not a file"));
    // `-o DIR` writes DIR/NAME.ron, and never over an existing file.
    assert!(
        run(&["import", "assets/CAT-C-KAZ-CO-4.txt", "-o", "assets"])
            .contains("assets/CAT-C-KAZ-CO-4.ron: already exists; pass --force to replace it")
    );
    assert!(run(&["export", "src"]).contains("src: no .ron, .pdf or .txt files in this folder"));
    assert!(
        run(&[
            "import",
            "assets/CAT-C-KAZ-CO-4.txt",
            "-o",
            "/proc/version",
            "--force"
        ])
        .contains("/proc/version")
    );
}

#[test]
fn type_a_query_open_a_result_and_step_through_hits() {
    let mut t = Pty::treatyview(&[], 100, 30);
    t.wait_for("Concluding observations", 10);
    t.send("/");
    t.wait_for("▶ Search", 5);
    // One key at a time, as typed: results follow every keystroke.
    for c in "solitary confinment".chars() {
        t.send(&c.to_string());
    }
    t.wait_for("2 results", 5);
    t.wait_for("25        CON", 5);
    t.send("\x0e"); // Ctrl-n: the second result, 26
    t.send("\r");
    t.wait_for("26. The State party is urged", 5);
    t.wait_for("para. 26", 5);
    t.wait_for("n/N step through them", 5);
    // N steps up hit by hit into paragraph 25, n back down into 26, one
    // hit per key: the status line counts them ("Hit 3/8"), so a key that
    // only scrolled would leave the count where it was.
    let counter = |t: &Pty| -> Option<(usize, usize)> {
        let status = t.status();
        let after = &status[status.find("Hit ")? + 4..];
        let (k, n) = after.split_whitespace().next()?.split_once('/')?;
        Some((k.parse().ok()?, n.parse().ok()?))
    };
    let press = |t: &mut Pty, key: &str, want: Option<usize>| -> (usize, usize) {
        t.send(key);
        for _ in 0..50 {
            std::thread::sleep(std::time::Duration::from_millis(40));
            if let Some(c) = counter(t)
                && want.is_none_or(|w| c.0 == w)
            {
                return c;
            }
        }
        panic!("{key} never showed hit {want:?}:\n{}", t.screen());
    };
    let (first, total) = press(&mut t, "N", None);
    assert!(t.status().contains("para. 25 │"), "{}", t.status());
    assert!(first > 1 && total > first, "{}", t.status());
    press(&mut t, "N", Some(first - 1));
    press(&mut t, "n", Some(first));
    let mut hit = first;
    while !t.status().contains("para. 26 │") {
        assert!(hit < total, "n never reached 26:\n{}", t.screen());
        hit += 1;
        press(&mut t, "n", Some(hit));
    }
    // The query survives leaving the pane.
    t.send("/");
    t.wait_for("/ solitary confinment", 5);
    t.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(150));
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
}

#[test]
fn search_command_prints_results_and_exits_like_grep() {
    let run = |args: &[&str]| bin().args(args).output().unwrap();
    let out = run(&["search", "solitary confinement"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    // The concern first: shorter, and as dense with the words.
    assert!(lines[0].starts_with("25  concern         "), "{text}");
    assert!(lines[1].starts_with("26  recommendation  "), "{text}");
    assert!(lines[0].contains("solitary confinement"));

    let out = run(&["search", "работа", "--format", "json", "--scope", "concern"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hit = &json[0];
    assert_eq!(hit["symbol"], "CAT/C/KAZ/CO/4");
    assert_eq!(hit["ref"], "9");
    assert_eq!(hit["paragraph"], 9);
    assert_eq!(hit["kind"], "concern");
    let text = hit["text"].as_str().unwrap();
    let range = &hit["highlights"][0];
    let (a, b) = (
        range[0].as_u64().unwrap() as usize,
        range[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "работа");

    let out = run(&["search", "xylophone"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = run(&["search", "torture", "--scope", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown scope"));
}

#[test]
fn search_errors_exit_2_and_no_match_exits_1() {
    // Issue 11, item 2: as grep, 1 means only "ran, matched nothing".
    let dir = std::env::temp_dir().join(format!("tv-search-exit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "(symbol: ").unwrap();
    let (empty, bad) = (empty.to_str().unwrap(), bad.to_str().unwrap());
    for (args, says) in [
        (
            &["search", "torture", "/nonexistent/x.ron"][..],
            "no such file",
        ),
        (&["search", "torture", bad], "bad.ron"),
        (
            &["search", "torture", empty],
            "empty.ron:1:1: the file is empty",
        ),
        (&["search", ""], "query is empty"),
        (&["search", "  "], "query is empty"),
        (&["search", "torture", "--limit", "0"], "--limit"),
    ] {
        let out = bin().args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = bin().args(["search", "xylophone"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty());
    let help = bin().args(["search", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("0 is a usage error"), "{help}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn search_over_a_folder_caches_its_index_and_notices_changes() {
    let dir = std::env::temp_dir().join(format!("tv-search-cache-{}", std::process::id()));
    let docs = dir.join("docs");
    let cache = dir.join("cache");
    crate::common::seed_twice(&docs);
    let run = |extra: &[&str]| {
        let out = bin()
            .args(["search", "solitary confinement", docs.to_str().unwrap()])
            .args(extra)
            .env("TREATYVIEW_CACHE_DIR", &cache)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(&[]);
    assert!(
        first.starts_with("CAT/C/KAZ/CO/4 (2023) 25  concern"),
        "{first}"
    );
    assert!(
        first.contains("CAT/C/XYZ/CO/1 (2023) 25  concern"),
        "{first}"
    );
    let names = crate::common::file_names;
    let indexes: Vec<String> = names(&cache)
        .into_iter()
        .filter(|n| n.starts_with("index-"))
        .collect();
    assert_eq!(indexes.len(), 1, "one index file written: {indexes:?}");
    // And one cached document per file, each made from its file.
    let kept = names(&cache.join("docs"));
    assert_eq!(kept.len(), 2, "{kept:?}");
    let made_from = |name: &str| crate::common::cached_document(&cache.join("docs").join(name)).0;
    let a_line = kept
        .iter()
        .map(|n| made_from(n))
        .find(|l| l.contains("a.ron"))
        .unwrap();
    assert_eq!(run(&[]), first, "the cached index gives the same results");
    assert_eq!(run(&["--no-cache"]), first);
    // A change that keeps the file's length and time (which no editor
    // makes) leaves the index's stamp as it was. But results take their
    // text from the documents, whose cache also knows the file's inode
    // and status-change time, which no one can set back: the search
    // finds that the document is not the one indexed and indexes again.
    // `list` sees it too.
    let b = docs.join("b.ron");
    let stamp = std::fs::metadata(&b).unwrap().modified().unwrap();
    let same_size = std::fs::read_to_string(&b).unwrap().replace("XYZ", "QQQ");
    std::fs::write(&b, same_size).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&b)
        .unwrap()
        .set_modified(stamp)
        .unwrap();
    let again = run(&[]);
    assert!(again.contains("CAT/C/QQQ/CO/1 (2023) 25"), "{again}");
    assert!(!again.contains("XYZ"), "{again}");
    assert_eq!(run(&["--no-cache"]), again);
    let listed = bin()
        .args(["list", docs.to_str().unwrap()])
        .env("TREATYVIEW_CACHE_DIR", &cache)
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("CAT/C/QQQ/CO/1"), "{listed}");
    // Change a document: the stale cache is not used.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut doc = treatyview::library::Library::embedded().documents.remove(0);
    doc.symbol = "CAT/C/NEW/CO/2".into();
    std::fs::write(docs.join("b.ron"), treatyview::library::to_ron(&doc)).unwrap();
    let changed = run(&[]);
    assert!(changed.contains("CAT/C/NEW/CO/2 (2023) 25"), "{changed}");
    assert!(!changed.contains("XYZ"), "{changed}");
    // Only the changed file was read again: a.ron's cached document is
    // the one made before, b.ron's is new.
    let lines: Vec<String> = names(&cache.join("docs"))
        .iter()
        .map(|n| made_from(n))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.contains(&a_line), "{lines:?}");
    let b_cached = names(&cache.join("docs"))
        .into_iter()
        .find(|n| made_from(n).contains("b.ron"))
        .unwrap();
    let b_json = crate::common::cached_document(&cache.join("docs").join(b_cached)).1;
    assert!(
        b_json.contains("CAT/C/NEW/CO/2"),
        "b.ron's cached document is the new one"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_terminal_ends_the_program_instead_of_spinning() {
    // Reading a hung-up terminal returns end-of-file forever; the event
    // reader must not spin on it. Close the terminal under the browser,
    // mid-search, and it must exit.
    let mut t = Pty::treatyview(&[], 80, 24);
    t.wait_for("Concluding observations", 10);
    t.send("/tor");
    t.wait_for("/ tor", 5);
    t.hang_up("t");
    // It ends (by the hang-up's SIGHUP or the watchdog, whichever is
    // first, so the status is not asserted).
    t.wait_exit(5);
}

#[test]
fn an_empty_ron_says_it_is_empty_and_an_empty_symbol_is_refused() {
    // Issue 11, item 23.
    let dir = std::env::temp_dir().join(format!("tv-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.ron");
    std::fs::write(&empty, "\n  \n").unwrap();
    let out = bin().args(["export"]).arg(&empty).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("empty.ron:1:1: the file is empty"), "{err}");
    let out = bin()
        .args(["import", "assets/CAT-C-KAZ-CO-4.txt", "--symbol", "", "-o"])
        .arg(dir.join("x.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--symbol is empty"));
    assert!(!dir.join("x.ron").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn search_in_a_terminal_highlights_fits_and_cites_in_full() {
    // Issue 11, item 22 (search): in a terminal the matched words stand
    // out, snippets fit the width, and with several documents each result
    // is cited as the browser cites it.
    let dir = std::env::temp_dir().join(format!("tv-search-tty-{}", std::process::id()));
    let docs = dir.join("docs");
    crate::common::seed_twice(&docs);
    let bin = env!("CARGO_BIN_EXE_treatyview");
    let cache = dir.join("cache");
    let t = crate::common::pty::Pty::spawn(
        bin,
        &["search", "solitary confinement", docs.to_str().unwrap()],
        70,
        24,
        &[("TREATYVIEW_CACHE_DIR", cache.to_str().unwrap())],
    );
    t.wait_for("CAT/C/KAZ/CO/4, para. 26", 10);
    let rows = t.rows();
    let first = rows
        .iter()
        .position(|r| r.starts_with("CAT/C/KAZ/CO/4, para. 26"))
        .unwrap();
    assert!(
        rows[first].trim_end().chars().count() <= 70,
        "{}",
        rows[first]
    );
    assert!(
        !rows[first + 1].starts_with(' ') && rows[first + 1].starts_with("CAT/C/"),
        "one line per result, none wrapped:\n{}",
        t.screen()
    );
    assert!(
        t.bold_text(first as u16)
            .to_lowercase()
            .contains("solitary confinement"),
        "{:?}",
        t.bold_text(first as u16)
    );
    // NO_COLOR: no colour, the rest the same.
    let t = crate::common::pty::Pty::spawn(
        bin,
        &["search", "solitary confinement", docs.to_str().unwrap()],
        70,
        24,
        &[
            ("TREATYVIEW_CACHE_DIR", cache.to_str().unwrap()),
            ("NO_COLOR", "1"),
        ],
    );
    t.wait_for("CAT/C/KAZ/CO/4, para. 26", 10);
    assert_eq!(t.bold_text(0), "");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_partial_load_with_no_match_is_an_error_and_with_a_match_is_not() {
    // Merging item 2 with the library's partial loads: a file that did
    // not open may have held the match, so "nothing matched" is not sure.
    let dir = std::env::temp_dir().join(format!("tv-search-partial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = treatyview::library::Library::embedded().documents.remove(0);
    std::fs::write(dir.join("a.ron"), treatyview::library::to_ron(&doc)).unwrap();
    std::fs::write(dir.join("b.ron"), "(symbol: ").unwrap();
    let run = |query: &str| {
        bin()
            .args(["search", query, "--no-cache", dir.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let found = run("torture");
    assert_eq!(found.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&found.stderr).contains("b.ron"));
    let none = run("xylophone");
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("b.ron"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_browser_builds_its_index_again_when_the_cached_one_cannot_be_read() {
    // Issue 13, item 2: the browser reads the cached index piece by piece
    // as queries need it. A cache file emptied while the browser has it
    // open gives no postings: the browser says "indexing", builds the
    // index from the documents it holds, and answers in full.
    let dir = std::env::temp_dir().join(format!("tv-renew-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let docs = dir.join("docs");
    crate::common::seed_twice(&docs);
    let cache = dir.join("cache");
    let env = [("TREATYVIEW_CACHE_DIR", cache.to_str().unwrap())];
    let bin = env!("CARGO_BIN_EXE_treatyview");
    let index_file = || {
        std::fs::read_dir(&cache).ok().and_then(|entries| {
            entries.flatten().map(|e| e.path()).find(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with("index-") && p.extension().is_some_and(|e| e == "tvix")
            })
        })
    };
    // The first open builds the index and writes it to the cache.
    let mut t = crate::common::pty::Pty::spawn(bin, &[docs.to_str().unwrap()], 100, 30, &env);
    t.wait_for("Kazakhstan (2)", 10);
    t.send("/torture");
    // The count in the search pane's title, not the key help's "results".
    t.wait_for(" results ━", 20);
    let started = std::time::Instant::now();
    while index_file().is_none() && started.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let file = index_file().expect("the index was cached");
    // A pause, or Esc and q read as Alt-q.
    t.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(150));
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);

    // The second reads it from the cache; then the file is emptied.
    let mut t = crate::common::pty::Pty::spawn(bin, &[docs.to_str().unwrap()], 100, 30, &env);
    t.wait_for("Kazakhstan (2)", 10);
    t.send("/torture");
    // The count in the search pane's title, not the key help's "results".
    t.wait_for(" results ━", 20);
    std::fs::File::create(&file).unwrap();
    t.send(&"\x7f".repeat("torture".len()));
    t.send("solitary confinement");
    // Paragraphs 25 and 26 of each document.
    t.wait_for("4 results", 20);
    let screen = t.screen();
    assert!(screen.contains("CAT/C/XYZ/CO/1 (2023) 26"), "{screen}");
    assert!(screen.contains("CAT/C/KAZ/CO/4 (2023) 25"), "{screen}");
    // A pause, or Esc and q read as Alt-q.
    t.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(150));
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_search_that_builds_its_index_sweeps_what_stopped_writes_left_in_the_cache() {
    // A treatyview stopped while writing to the cache leaves a temporary
    // file (for an index, as big as the index): the next search that
    // builds an index takes away those over ten minutes old.
    let dir = std::env::temp_dir().join(format!("tv-sweep-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cache = dir.join("cache");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    let put = |path: &str, aged: bool| {
        let path = cache.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let file = std::fs::File::create(&path).unwrap();
        if aged {
            file.set_modified(hour_ago).unwrap();
        }
        path
    };
    let left = [
        put(".index-0123.tvix.4242.0.tmp", true),
        put("docs/.0123.json.4242.1.tmp", true),
        put("imports/0123-456.ron", false),
    ];
    let writing = put(".index-4567.tvix.4343.0.tmp", false);
    let doc = treatyview::library::Library::embedded().documents.remove(0);
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("a.ron"), treatyview::library::to_ron(&doc)).unwrap();
    let out = bin()
        .args(["search", "torture", docs.to_str().unwrap()])
        .env("TREATYVIEW_CACHE_DIR", &cache)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    for path in left {
        assert!(!path.exists(), "{} is left", path.display());
    }
    assert!(writing.exists(), "a file being written now is kept");
    std::fs::remove_dir_all(&dir).unwrap();
}
