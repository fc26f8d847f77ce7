//! Release phases and progress events shared by both APIs.
