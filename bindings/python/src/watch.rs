//! The watch classes: the core's `poll::Watch<T>` as a Python iterator and an async
//! iterator, written once (`watch_classes!`) for each API's item: `Watch` and
//! `AsyncWatch` (an offer's `OfferStatus`), `ingestion.ProductWatch` and
//! `ingestion.AsyncProductWatch` (a product's `ProductStatus`). `close()` is the
//! core's: idempotent, and the iteration then ends cleanly.

/// `watch_classes!(Sync, "Name", Async, "AsyncName", "module", Item)`.
macro_rules! watch_classes {
    ($sync:ident, $sync_name:literal, $async:ident, $async_name:literal, $module:literal,
     $item:ty) => {
        /// Iterates over each status that differs from the last until the watch ends.
        /// Closing it (or leaving a `with` block) stops the polling.
        #[pyclass(frozen, module = $module, name = $sync_name)]
        pub struct $sync {
            watch: std::sync::Arc<cloudpartner::poll::Watch<$item>>,
        }

        impl $sync {
            /// The iterator over the core's watch.
            pub fn new(watch: cloudpartner::poll::Watch<$item>) -> $sync {
                $sync {
                    watch: std::sync::Arc::new(watch),
                }
            }
        }

        #[pymethods]
        impl $sync {
            fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
                slf
            }

            fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                let watch = std::sync::Arc::clone(&self.watch);
                match $crate::runtime::block_on(py, async move { watch.next().await })? {
                    None => Ok(None),
                    Some(Ok(item)) => Ok(Some($crate::to_python::ToPython::to_python(item, py)?)),
                    Some(Err(error)) => Err($crate::errors::to_py_err(py, &error)),
                }
            }

            /// Stops the watch; iterating further ends at once. Closing again does nothing.
            fn close(&self) {
                self.watch.close();
            }

            /// True once `close()` was called.
            #[getter]
            fn closed(&self) -> bool {
                self.watch.is_closed()
            }

            fn __enter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
                slf
            }

            #[pyo3(signature = (*_args))]
            fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) {
                self.watch.close();
            }
        }

        /// The async iterator of the async client's `watch`: `async for status in watch`.
        #[pyclass(frozen, module = $module, name = $async_name)]
        pub struct $async {
            watch: std::sync::Arc<cloudpartner::poll::Watch<$item>>,
        }

        impl $async {
            /// The async iterator over the core's watch.
            pub fn new(watch: cloudpartner::poll::Watch<$item>) -> $async {
                $async {
                    watch: std::sync::Arc::new(watch),
                }
            }
        }

        #[pymethods]
        impl $async {
            fn __aiter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
                slf
            }

            fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let watch = std::sync::Arc::clone(&self.watch);
                $crate::awaitable::future_into_py(py, async move {
                    Ok($crate::outcome::AsyncWatchStep(watch.next().await))
                })
            }

            /// Stops the watch; iterating further ends at once. Closing again does nothing.
            fn close(&self) {
                self.watch.close();
            }

            /// True once `close()` (or `aclose()`) was called.
            #[getter]
            fn closed(&self) -> bool {
                self.watch.is_closed()
            }

            /// Stops the watch (the async form, for `contextlib.aclosing`).
            fn aclose<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.watch.close();
                $crate::awaitable::future_into_py(py, async { Ok(()) })
            }

            fn __aenter__<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                let py = slf.py();
                let this = slf.unbind();
                $crate::awaitable::future_into_py(py, async move { Ok(this) })
            }

            #[pyo3(signature = (*_args))]
            fn __aexit__<'py>(
                &self,
                py: Python<'py>,
                _args: &Bound<'py, pyo3::types::PyTuple>,
            ) -> PyResult<Bound<'py, PyAny>> {
                self.aclose(py)
            }
        }
    };
}

pub(crate) use watch_classes;

use pyo3::prelude::*;

watch_classes!(
    PyWatch,
    "Watch",
    PyAsyncWatch,
    "AsyncWatch",
    "cloudpartner",
    cloudpartner::OfferStatus
);
