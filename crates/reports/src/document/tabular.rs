//! Tables over pages: columns sized to their text, cells wrapped, the heading row repeated
//! on every page, a row moved whole to the next page when it does not fit (and split only
//! when it is taller than a page).

use super::flow::{Flow, Item};
use super::style::{self, ascent, leading, BOTTOM, LEFT, TOP, WIDTH};
use super::wrap::wrap;
use super::Table;
use crate::font::text_width;

/// Space between a cell's text and its edges.
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;

/// Places the table (and its note) in the flow.
pub fn place(flow: &mut Flow, table: &Table) {
    let columns = table.columns.len();
    flow.gap(6.0);
    if columns > 0 {
        let numeric: Vec<bool> = (0..columns)
            .map(|i| table.numeric.get(i).copied().unwrap_or(false))
            .collect();
        let cells = |row: &[String]| -> Vec<String> {
            (0..columns)
                .map(|i| row.get(i).cloned().unwrap_or_default())
                .collect()
        };
        let body: Vec<Vec<String>> = table.rows.iter().map(|r| cells(r)).collect();
        let widths = widths(&table.columns, &body, &numeric);
        let grid = Grid { widths, numeric };
        let header = grid.row(&table.columns);
        let rows: Vec<Row> = body.iter().map(|r| grid.row(r)).collect();
        rows_over_pages(flow, &grid, &header, &rows);
    }
    if let Some(note) = &table.note {
        flow.down(3.0);
        flow.paragraph_in(note, style::SMALL, true);
    }
    flow.down(8.0);
}

fn rows_over_pages(flow: &mut Flow, grid: &Grid, header: &Row, rows: &[Row]) {
    let page = TOP - BOTTOM;
    // The heading row never stands alone at the foot of a page.
    let first = rows.first().map_or(0.0, |r| r.height(r.lines()));
    flow.need(header.height(header.lines()) + first.min(page / 2.0));
    grid.draw(flow, header, 0, header.lines(), true);
    for row in rows {
        let height = row.height(row.lines());
        if height <= flow.room() {
            grid.draw(flow, row, 0, row.lines(), false);
            continue;
        }
        if header.height(header.lines()) + height <= page {
            flow.new_page();
            grid.draw(flow, header, 0, header.lines(), true);
            grid.draw(flow, row, 0, row.lines(), false);
            continue;
        }
        // Taller than a page: as many of its lines as fit, then on.
        let mut from = 0;
        while from < row.lines() {
            let fit = ((flow.room() - 2.0 * PAD_Y) / leading(style::CELL)).floor();
            let fit = (fit.max(0.0) as usize).min(row.lines() - from);
            if fit == 0 {
                flow.new_page();
                grid.draw(flow, header, 0, header.lines(), true);
                // A page holds at least one line, so this cannot loop forever.
                let left = ((flow.room() - 2.0 * PAD_Y) / leading(style::CELL)).floor();
                if left < 1.0 {
                    break;
                }
                continue;
            }
            grid.draw(flow, row, from, fit, false);
            from += fit;
        }
    }
}

/// The columns' widths and alignment.
struct Grid {
    widths: Vec<f32>,
    numeric: Vec<bool>,
}

/// A row's cells as wrapped lines.
struct Row {
    cells: Vec<Vec<String>>,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(1).max(1)
    }

    fn height(&self, lines: usize) -> f32 {
        lines as f32 * leading(style::CELL) + 2.0 * PAD_Y
    }
}

impl Grid {
    fn row(&self, cells: &[String]) -> Row {
        Row {
            cells: cells
                .iter()
                .zip(&self.widths)
                .map(|(c, w)| wrap(c, style::CELL, (w - 2.0 * PAD_X).max(1.0)))
                .collect(),
        }
    }

    /// Lines `from .. from + count` of the row at the flow's top, then a rule under them.
    fn draw(&self, flow: &mut Flow, row: &Row, from: usize, count: usize, heading: bool) {
        let top = flow.y();
        let height = row.height(count);
        let total: f32 = self.widths.iter().sum();
        if heading {
            flow.push(Item::Shade {
                x: LEFT,
                y: top - height,
                w: total,
                h: height,
            });
        }
        let mut x = LEFT;
        for ((lines, width), numeric) in row.cells.iter().zip(&self.widths).zip(&self.numeric) {
            for (j, line) in lines.iter().skip(from).take(count).enumerate() {
                if line.is_empty() {
                    continue;
                }
                let y = top - PAD_Y - ascent(style::CELL) - j as f32 * leading(style::CELL);
                let at = if *numeric {
                    x + width - PAD_X - text_width(line, style::CELL)
                } else {
                    x + PAD_X
                };
                flow.push(Item::Text {
                    x: at,
                    y,
                    size: style::CELL,
                    muted: false,
                    text: line.clone(),
                });
            }
            x += width;
        }
        flow.push(Item::Rule {
            x: LEFT,
            y: top - height,
            w: total,
            width: if heading { 0.75 } else { 0.3 },
        });
        flow.down(height);
    }
}

/// Column widths filling the text width: each column gets what its longest line needs
/// when all fit, spare width going to the text columns; otherwise each gets at least its
/// longest word and the rest is shared by how much more each would like.
fn widths(header: &[String], rows: &[Vec<String>], numeric: &[bool]) -> Vec<f32> {
    let measure = |pick: &dyn Fn(&str) -> f32| -> Vec<f32> {
        (0..header.len())
            .map(|i| {
                std::iter::once(&header[i])
                    .chain(rows.iter().filter_map(|r| r.get(i)))
                    .map(|c| pick(c))
                    .fold(0.0, f32::max)
                    + 2.0 * PAD_X
            })
            .collect()
    };
    let natural = measure(&|c| {
        c.split('\n')
            .map(|l| text_width(l, style::CELL))
            .fold(0.0, f32::max)
    });
    let least = measure(&|c| {
        c.split_whitespace()
            .map(|w| text_width(w, style::CELL))
            .fold(0.0, f32::max)
    });
    let total: f32 = natural.iter().sum();
    if total <= WIDTH {
        let text: f32 = natural
            .iter()
            .zip(numeric)
            .filter(|(_, n)| !**n)
            .map(|(w, _)| w)
            .sum();
        let spare = WIDTH - total;
        return natural
            .iter()
            .zip(numeric)
            .map(|(w, n)| match (text > 0.0, n) {
                (true, false) => w + spare * w / text,
                (true, true) => *w,
                (false, _) => w + spare * w / total,
            })
            .collect();
    }
    let least_total: f32 = least.iter().sum();
    if least_total >= WIDTH {
        // Even single words do not fit: every column shrinks alike, words are broken.
        return least.iter().map(|w| w * WIDTH / least_total).collect();
    }
    let wish: f32 = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
    natural
        .iter()
        .zip(&least)
        .map(|(n, l)| l + (WIDTH - least_total) * (n - l) / wish.max(f32::EPSILON))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::widths;
    use crate::document::style::WIDTH;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn columns_fill_the_width_and_numbers_stay_narrow() {
        let header = strings(&["Институција", "Број"]);
        let rows = vec![strings(&["Центар за социјални рад", "12"])];
        let w = widths(&header, &rows, &[false, true]);
        assert!((w.iter().sum::<f32>() - WIDTH).abs() < 0.1);
        assert!(w[1] < 60.0, "{w:?}");
    }

    #[test]
    fn long_text_shares_the_width_without_going_past_it() {
        let long = "реч ".repeat(200);
        let header = strings(&["А", "Б"]);
        let rows = vec![vec![long.clone(), long]];
        let w = widths(&header, &rows, &[false, false]);
        assert!((w.iter().sum::<f32>() - WIDTH).abs() < 0.1, "{w:?}");
        assert!((w[0] - w[1]).abs() < 0.1);
    }
}
