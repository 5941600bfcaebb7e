//! The national framework: deployment-wide documents with their objectives and measures.

/// A national planning document (strategy, programme, action plan).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkDocument {
    pub id: i64,
    pub title: String,
    pub first_year: i64,
    pub last_year: i64,
    /// The document this one implements (an action plan of a programme).
    pub part_of: Option<i64>,
    /// Where it was published (Sl. glasnik RS 25/2024).
    pub reference: String,
}

coded_enum! {
    /// Whether an item of a document is an objective or a measure.
    pub enum FrameworkItemKind {
        Objective => "objective",
        Measure => "measure",
    }
}

/// An objective or a measure of a national document, with its code as typed there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkItem {
    pub id: i64,
    pub document_id: i64,
    pub kind: FrameworkItemKind,
    pub code: String,
    pub title: String,
}
