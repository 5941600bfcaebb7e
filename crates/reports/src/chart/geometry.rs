//! A laid-out chart: rectangles, lines and text runs in abstract units with the origin at
//! the top left and y growing downwards (as in SVG). Renderers only draw what is here, so
//! the SVG and the PDF cannot drift apart.

/// A laid-out chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geometry {
    /// Width in abstract units.
    pub width: f32,
    /// Height in abstract units.
    pub height: f32,
    /// The accessible name (the chart's title).
    pub title: String,
    /// The accessible description.
    pub description: String,
    /// What to draw, back to front.
    pub shapes: Vec<Shape>,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle; `mark` says what it stands for, and so how it is painted.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height (0 for a zero value: the bar is there, with no height).
        h: f32,
        /// What the rectangle stands for.
        mark: Mark,
    },
    /// A straight line.
    Line {
        /// Start and end, `[x1, y1, x2, y2]`.
        at: [f32; 4],
        /// How it is drawn.
        line: Line,
    },
    /// A run of text on one line.
    Text(TextRun),
}

/// What a rectangle stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The background of the whole chart (white, so the chart reads on a dark page too).
    Background,
    /// A value of the series with this index.
    Bar(usize),
    /// A value withheld by disclosure control: an empty dashed box, never a bar.
    Suppressed,
    /// The legend's sample of the series with this index.
    Swatch(usize),
    /// The empty track of a progress bar (100 %).
    Track,
    /// The filled part of a progress bar.
    Progress,
}

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// The zero line of the value axis.
    Axis,
    /// A light line across the plot at a tick.
    Grid,
}

/// How dark a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    /// Titles, labels.
    Text,
    /// Secondary text: ticks, unit, the suppressed word (still 4.5:1 on white).
    Muted,
}

/// Which point of the text `x` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text begins at `x`.
    Start,
    /// The text is centred on `x`.
    Middle,
    /// The text ends at `x`.
    End,
}

/// A run of text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The anchor point's x.
    pub x: f32,
    /// The baseline's y at the anchor point.
    pub y: f32,
    /// Font size in abstract units.
    pub size: f32,
    /// Which point of the text `x` is.
    pub anchor: Anchor,
    /// Rotation about the anchor point in degrees, clockwise on screen as in SVG
    /// (category labels use -45 or -90: reading upwards).
    pub angle: f32,
    /// How dark.
    pub ink: Ink,
    /// The text, on one line.
    pub text: String,
}

impl Geometry {
    /// An empty chart of a size.
    pub(crate) fn new(width: f32, height: f32, title: &str, description: &str) -> Geometry {
        let mut g = Geometry {
            width,
            height,
            title: title.to_string(),
            description: description.to_string(),
            shapes: Vec::new(),
        };
        g.rect(0.0, 0.0, width, height, Mark::Background);
        g
    }

    /// Adds a rectangle.
    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mark: Mark) {
        self.shapes.push(Shape::Rect { x, y, w, h, mark });
    }

    /// Adds a line.
    pub(crate) fn line(&mut self, at: [f32; 4], line: Line) {
        self.shapes.push(Shape::Line { at, line });
    }

    /// Adds a run of text (nothing for an empty text).
    pub(crate) fn text(&mut self, run: TextRun) {
        if !run.text.is_empty() {
            self.shapes.push(Shape::Text(run));
        }
    }

    /// The texts drawn, in drawing order (what a reader sees written on the chart).
    pub fn texts(&self) -> Vec<&str> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }
}

impl TextRun {
    /// Unrotated text in the normal ink.
    pub(crate) fn at(x: f32, y: f32, size: f32, anchor: Anchor, text: String) -> TextRun {
        TextRun {
            x,
            y,
            size,
            anchor,
            angle: 0.0,
            ink: Ink::Text,
            text,
        }
    }

    /// The same text in the muted ink.
    pub(crate) fn muted(mut self) -> TextRun {
        self.ink = Ink::Muted;
        self
    }

    /// The same text rotated.
    pub(crate) fn rotated(mut self, angle: f32) -> TextRun {
        self.angle = angle;
        self
    }
}
