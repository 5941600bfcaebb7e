//! The one macro for closed vocabularies stored as codes (states, kinds, roles): the enum,
//! `ALL` in declaration order, `code()`, `from_code()` and a `Display` that writes the code.

/// Declares a catalogue enum with its storage codes: `ALL`, `code()`, `from_code()` and a
/// `Display` that writes the code (for logs and error messages; people see translated labels).
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $code:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order offered in forms.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Storage and form code.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Parses the code; unknown codes are refused.
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
