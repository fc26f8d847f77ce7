//! Enumerations read from the wire leniently: case-insensitive, ignoring `_`, `-` and
//! spaces, with aliases, and keeping any unknown value verbatim (DESIGN §3). Every
//! API's states are declared with [`wire_enum!`].

/// The characters of `raw` that matter for matching: lower-cased, without `_`, `-` and
/// whitespace (`"In Progress"` → `inprogress`).
pub(crate) fn folded(raw: &str) -> impl Iterator<Item = char> + '_ {
    raw.chars()
        .filter(|c| !matches!(c, '_' | '-') && !c.is_whitespace())
        .flat_map(char::to_lowercase)
}

/// True when `raw` and `wire` are the same once folded; allocates nothing.
pub(crate) fn same_folded(raw: &str, wire: &str) -> bool {
    folded(raw).eq(folded(wire))
}

macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the API's order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// Reads a wire value leniently; never fails.
            pub fn from_wire(raw: &str) -> $name {
                $(
                    if $crate::document::wire_enum::same_folded(raw, $wire) $(|| $crate::document::wire_enum::same_folded(raw, $alias))* {
                        return $name::$variant;
                    }
                )+
                $name::Unknown(raw.to_owned())
            }

            /// The canonical wire spelling (`"inProgress"`); unknown values verbatim.
            pub fn as_wire(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(raw) => raw,
                }
            }

            /// True for [`Self::Unknown`].
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_wire())
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> $name {
                $name::from_wire(raw)
            }
        }
    };
}

pub(crate) use wire_enum;
