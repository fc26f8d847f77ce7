//! The core's enumerations as members of the Python `enum.Enum` classes
//! `OfferState`, `StepState`, `MessageLevel` and `OperationState` (defined in
//! `cloudpartner/_enums.py`).
//! The members are looked up once; converting a value is an index into a table.

use cloudpartner::{MessageLevel, OfferState, OperationState, StepState};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// The members of one Python enum: one per known value, in the core's `KNOWN` order,
/// and `UNKNOWN`.
pub(crate) struct Members {
    known: Vec<Py<PyAny>>,
    unknown: Py<PyAny>,
}

impl Members {
    /// Looks up `class(wire)` for each canonical spelling, and `class.UNKNOWN`.
    pub(crate) fn load<'a>(
        module: &Bound<'_, PyModule>,
        class: &str,
        wires: impl Iterator<Item = &'a str>,
    ) -> PyResult<Members> {
        let class = module.getattr(class)?;
        let known = wires
            .map(|wire| class.call1((wire,)).map(Bound::unbind))
            .collect::<PyResult<_>>()?;
        let unknown = class.getattr("UNKNOWN")?.unbind();
        Ok(Members { known, unknown })
    }

    pub(crate) fn member<T: PartialEq>(&self, py: Python<'_>, all: &[T], value: &T) -> Py<PyAny> {
        all.iter()
            .position(|known| known == value)
            .and_then(|i| self.known.get(i))
            .unwrap_or(&self.unknown)
            .clone_ref(py)
    }
}

/// The four enums' members.
pub struct EnumMembers {
    offer_state: Members,
    step_state: Members,
    message_level: Members,
    operation_state: Members,
}

static MEMBERS: PyOnceLock<EnumMembers> = PyOnceLock::new();

impl EnumMembers {
    /// The members, imported from `cloudpartner._enums` on first use.
    pub fn get(py: Python<'_>) -> PyResult<&EnumMembers> {
        MEMBERS.get_or_try_init(py, || {
            let module = py.import("cloudpartner._enums")?;
            Ok(EnumMembers {
                offer_state: Members::load(
                    &module,
                    "OfferState",
                    OfferState::KNOWN.iter().map(OfferState::as_wire),
                )?,
                step_state: Members::load(
                    &module,
                    "StepState",
                    StepState::KNOWN.iter().map(StepState::as_wire),
                )?,
                message_level: Members::load(
                    &module,
                    "MessageLevel",
                    MessageLevel::KNOWN.iter().map(MessageLevel::as_wire),
                )?,
                operation_state: Members::load(
                    &module,
                    "OperationState",
                    OperationState::KNOWN.iter().map(OperationState::as_wire),
                )?,
            })
        })
    }

    /// `OfferState.<VALUE>`, or `OfferState.UNKNOWN`.
    pub fn offer_state(&self, py: Python<'_>, state: &OfferState) -> Py<PyAny> {
        self.offer_state.member(py, OfferState::KNOWN, state)
    }

    /// `StepState.<VALUE>`, or `StepState.UNKNOWN`.
    pub fn step_state(&self, py: Python<'_>, state: &StepState) -> Py<PyAny> {
        self.step_state.member(py, StepState::KNOWN, state)
    }

    /// `MessageLevel.<VALUE>`, or `MessageLevel.UNKNOWN`.
    pub fn message_level(&self, py: Python<'_>, level: &MessageLevel) -> Py<PyAny> {
        self.message_level.member(py, MessageLevel::KNOWN, level)
    }

    /// `OperationState.<VALUE>`, or `OperationState.UNKNOWN`.
    pub fn operation_state(&self, py: Python<'_>, state: &OperationState) -> Py<PyAny> {
        self.operation_state
            .member(py, OperationState::KNOWN, state)
    }
}
