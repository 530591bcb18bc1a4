//! The figures of an area chart over time as one table, a row per area (and subject), a
//! column per year: what the Table tab shows and the CSV holds, at the precision published.

use super::{Role, TrendChart, TrendLine};
use crate::table::{Column, DataTable, TableCell};

fn role_words(role: Role, note: &str) -> String {
    match role {
        Role::Home => "Programme area".into(),
        Role::Region => "Region".into(),
        Role::Country => "Country".into(),
        Role::Neighbour => format!("Statistical neighbour{note}"),
        Role::School(_) => "Programme school".into(),
        Role::Derived => "Schools' average, weighted by pupils".into(),
    }
}

/// The chart's table.
pub fn table(model: &TrendChart, grouping: Option<&str>) -> DataTable {
    let (y0, y1) = model.years;
    let years: Vec<u16> = (y0..=y1).collect();
    let multi = model.panels.len() > 1;
    let mut columns = vec![Column {
        name: "Area".into(),
        numeric: false,
    }];
    columns.push(Column {
        name: "Compared as".into(),
        numeric: false,
    });
    if multi {
        columns.push(Column {
            name: "Subject".into(),
            numeric: false,
        });
    }
    columns.extend(years.iter().map(|y| Column {
        name: y.to_string(),
        numeric: true,
    }));
    columns.push(Column {
        name: "Source".into(),
        numeric: false,
    });
    let note = grouping.map_or_else(String::new, |g| format!(" ({g})"));
    let mut rows = Vec::new();
    for panel in &model.panels {
        let mut row_of = |line: &TrendLine| {
            let mut row = vec![
                TableCell::text(line.name.clone()),
                TableCell::text(role_words(line.role, &note)),
            ];
            if multi {
                row.push(TableCell::text(panel.heading.clone()));
            }
            let mut sources: Vec<&str> = Vec::new();
            for y in &years {
                row.push(match line.at(*y) {
                    Some(p) => match p.value {
                        Some(v) => {
                            if !sources.contains(&p.source.as_str()) {
                                sources.push(&p.source);
                            }
                            let f = 10f64.powi(i32::from(p.decimals));
                            TableCell {
                                text: model.format(v, p.decimals),
                                number: Some((v * f).round() / f),
                                places: Some(p.decimals),
                            }
                        }
                        None => TableCell::text("not published"),
                    },
                    None => TableCell::text(""),
                });
            }
            row.push(TableCell::text(sources.join(" ")));
            rows.push(row);
        };
        for line in panel.lines.iter().chain(&panel.neighbours) {
            row_of(line);
        }
    }
    let unit = if model.is_percent() {
        "per cent"
    } else {
        "progress score; 0 is the national average of all pupils"
    };
    DataTable {
        caption: format!("{} ({unit})", model.title),
        columns,
        rows,
    }
}
