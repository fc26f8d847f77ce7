//! `Step`: one step of the publishing pipeline.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};

use super::location::{MessageAt, Root, step_at};
use super::message::PyMessage;
use super::repr::quoted;
use super::time_frame::PyTimeFrame;
use super::{pickling, python_json, wire};
use crate::enums::EnumMembers;

/// One step of the publishing pipeline (`Certification`, `Provisioning`, ...).
#[pyclass(frozen, module = "cloudpartner", name = "Step")]
pub struct PyStep {
    root: Root,
    index: usize,
    /// The step's identifier (`"displaycertify"`).
    #[pyo3(get)]
    id: Py<PyString>,
    /// The step's display name (the wire's `stepName`).
    #[pyo3(get)]
    name: Py<PyString>,
    /// What the step does.
    #[pyo3(get)]
    description: Py<PyString>,
    /// A `StepState` member.
    #[pyo3(get)]
    status: Py<PyAny>,
    /// The state as the service spelled it.
    #[pyo3(get)]
    raw_status: Py<PyString>,
    /// How far the step is, 0 to 100.
    #[pyo3(get)]
    progress_percentage: u8,
    estimated_time_frame: PyOnceLock<Option<Py<PyTimeFrame>>>,
    messages: PyOnceLock<Py<PyList>>,
}

impl PyStep {
    /// The Python object for `steps[index]` of `root`; its messages and time frame are
    /// made when first read.
    pub fn build(py: Python<'_>, enums: &EnumMembers, root: &Root, index: usize) -> PyStep {
        let step = step_at(root, index);
        PyStep {
            id: PyString::new(py, &step.id).unbind(),
            name: PyString::new(py, &step.name).unbind(),
            description: PyString::new(py, &step.description).unbind(),
            status: enums.step_state(py, &step.status),
            raw_status: PyString::new(py, &step.raw_status).unbind(),
            progress_percentage: step.progress_percentage,
            estimated_time_frame: PyOnceLock::new(),
            messages: PyOnceLock::new(),
            root: root.clone(),
            index,
        }
    }
}

#[pymethods]
impl PyStep {
    /// How long the step is expected to take; `None` when the service did not say.
    #[getter]
    fn estimated_time_frame(&self, py: Python<'_>) -> PyResult<Option<Py<PyTimeFrame>>> {
        let frame = self.estimated_time_frame.get_or_try_init(py, || {
            match &step_at(&self.root, self.index).estimated_time_frame {
                Some(frame) => {
                    Ok::<_, PyErr>(Some(Py::new(py, PyTimeFrame::build(py, frame.clone()))?))
                }
                None => Ok(None),
            }
        })?;
        Ok(frame.as_ref().map(|f| f.clone_ref(py)))
    }

    /// Messages about this step (a list of `Message`).
    #[getter]
    fn messages(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        self.messages
            .get_or_try_init(py, || {
                let enums = EnumMembers::get(py)?;
                let count = step_at(&self.root, self.index).messages.len();
                let messages = (0..count)
                    .map(|i| {
                        Py::new(
                            py,
                            PyMessage::build(
                                py,
                                enums,
                                &self.root,
                                MessageAt::Step(self.index, i),
                            )?,
                        )
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok::<_, PyErr>(PyList::new(py, messages)?.unbind())
            })
            .map(|list| list.clone_ref(py))
    }

    /// The step as its canonical wire JSON object (`id`, `stepName`, `status`, ...).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let document = self.root.to_value();
        python_json::loads(py, &wire::step(&document, self.index).to_string())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let step = step_at(&self.root, self.index);
        format!(
            "Step(id={}, name={}, status={}, progress_percentage={})",
            quoted(py, &step.id),
            quoted(py, &step.name),
            quoted(py, step.status.as_wire()),
            step.progress_percentage
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyStep>) -> bool {
        let other = other.get();
        step_at(&self.root, self.index) == step_at(&other.root, other.index)
    }

    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let document = wire::with_raw_spellings(&self.root);
        pickling::reduce(py, "Step", wire::step(&document, self.index))
    }
}
