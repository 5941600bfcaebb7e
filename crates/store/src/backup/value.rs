//! A stored value as a backup carries it: only the types both engines share (see the crate's
//! header), so a row read from SQLite is written to PostgreSQL unchanged and back.

/// One column's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Integer(i64),
    Text(String),
}

/// One row, its values in the order of the table's columns.
pub type Row = Vec<Value>;

impl Value {
    /// Roughly how many bytes the value takes, for keeping batches of rows small.
    pub fn size(&self) -> usize {
        match self {
            Value::Null => 1,
            Value::Integer(_) => 8,
            Value::Text(t) => t.len(),
        }
    }
}
