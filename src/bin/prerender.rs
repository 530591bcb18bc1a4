//! Writes the default view into a built site's `index.html` (run by trunk's post-build hook,
//! `scripts/post-build.mjs`): `prerender <site folder>` reads `data/dataset.json` there and
//! puts the page `cohort_dashboard::prerender` makes before the app's mount point, its
//! drawings in `prerender/`, and the rules that choose them in `prerender/layout.css` (which
//! the hook then appends to the page's stylesheet).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <built site folder>");
        return ExitCode::from(2);
    };
    match run(&dir) {
        Ok(bytes) => {
            println!("prerender: the default view written into index.html ({bytes} bytes), the views one choice away beside it");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(dir: &std::path::Path) -> Result<usize, String> {
    let data_path = dir.join("data").join("dataset.json");
    let json =
        std::fs::read_to_string(&data_path).map_err(|e| format!("{}: {e}", data_path.display()))?;
    let ds = cohort_dashboard::dataset::Dataset::from_json(&json)
        .map_err(|e| format!("{} is not a valid dataset:\n{e}", data_path.display()))?;
    let index_path = dir.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    if html.contains("id=\"prerender\"") || html.contains("id=prerender") {
        return Err("index.html already holds a prerendered view".into());
    }
    // The minifier may drop the quotes around the id.
    let at = ["<div id=\"app\"", "<div id=app"]
        .iter()
        .find_map(|m| html.find(m))
        .ok_or("index.html has no <div id=\"app\"> to put the view before")?;
    let pre = cohort_dashboard::prerender::page(&ds);
    let folder = dir.join(cohort_dashboard::prerender::DRAWINGS);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    // The views one choice away are in a folder of their own (the offline copy leaves them
    // to the network: the app shows them there).
    let views = folder.join(cohort_dashboard::prerender::views::VIEWS);
    std::fs::create_dir_all(&views).map_err(|e| format!("{}: {e}", views.display()))?;
    for (name, svg) in pre
        .drawings
        .iter()
        .chain(&pre.marks)
        .chain(&pre.paper)
        .chain(&pre.views)
    {
        let path = folder.join(name);
        std::fs::write(&path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    // The rules that choose the drawings: the post-build hook appends them to the stylesheet.
    let css_path = folder.join(cohort_dashboard::prerender::LAYOUT_CSS);
    std::fs::write(&css_path, &pre.css).map_err(|e| format!("{}: {e}", css_path.display()))?;
    let out = format!(
        "{}<div id=\"prerender\">{}</div>{}",
        &html[..at],
        pre.html,
        &html[at..]
    );
    // The tab's title is the dataset's, as the page's heading is.
    let out = match (out.find("<title>"), out.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}<title>{}</title>{}",
            &out[..a],
            cohort_dashboard::format::html_attr(&ds.raw().title),
            &out[b + "</title>".len()..]
        ),
        _ => out,
    };
    std::fs::write(&index_path, &out).map_err(|e| format!("{}: {e}", index_path.display()))?;
    Ok(pre.html.len())
}
